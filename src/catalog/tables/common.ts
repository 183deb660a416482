import { col } from '../column';
import { CatalogColumn } from '../types';

/** The identity and partition columns every partitioned table starts with. */
export function idAndDivision(what: string): CatalogColumn[] {
  return [
    col('ID', 'guid', 'ID', 'ID', `Identifier of the ${what}.`, { required: true }),
    col('Division', 'int32', 'Division', 'Divisie', 'Division code.', { required: true, field: 'divisionCode' }),
  ];
}

/** Audit columns, always set by the server from the principal and the clock. */
export function auditColumns(): CatalogColumn[] {
  return [
    col('Created', 'datetime', 'Created', 'Gemaakt', 'Creation date.', { required: true }),
    col('Creator', 'guid', 'Creator', 'Aanmaker', 'User ID of creator.', { field: 'creatorID' }),
    col('Modified', 'datetime', 'Modified', 'Gewijzigd', 'Last modified date.', { required: true }),
    col('Modifier', 'guid', 'Modifier', 'Wijziger', 'User ID of modifier.', { field: 'modifierID' }),
  ];
}

export const ALL = { read: true, insert: true, update: true, delete: true } as const;
export const READ_ONLY = { read: true, insert: false, update: false, delete: false } as const;
