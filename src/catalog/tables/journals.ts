import { col } from '../column';
import { CatalogTable } from '../types';
import { auditColumns, idAndDivision, READ_ONLY } from './common';

export const JOURNALS: CatalogTable = {
  name: 'Journals',
  typeName: 'Journal',
  labelEn: 'Journals',
  labelNl: 'Dagboeken',
  description: 'Journals (day books) of a division. Payments name the journal of their linked transaction by code.',
  partitionColumn: 'Division',
  primaryKey: 'ID',
  allows: READ_ONLY,
  columns: [
    ...idAndDivision('journal'),
    col('Code', 'string', 'Code', 'Code', 'Code of the journal, unique in the division.', { length: 20, required: true }),
    col('Description', 'string', 'Description', 'Omschrijving', 'Description of the journal.', { length: 60, required: true }),
    col('Type', 'int32', 'Type', 'Type', 'Journal type: 10 Cash, 12 Bank, 20 Sales, 22 Purchase, 90 General journal.', { required: true }),
    ...auditColumns(),
  ],
  relations: [{ name: 'division', table: 'Divisions', on: [['Division', 'Code']], kind: 'one', doc: 'Division of the journal.' }],
};
