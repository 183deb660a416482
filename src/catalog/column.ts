import { CatalogColumn, CatalogType } from './types';

interface ColumnOptions {
  length?: number;
  precision?: number;
  scale?: number;
  required?: boolean;
  field?: string;
  derived?: CatalogColumn['derived'];
}

/** camelCase GraphQL name of an Exact column: `GLAccountCode` -> `glAccountCode`, `ID` -> `id`. */
export function fieldName(column: string): string {
  if (/^[A-Z0-9]+$/.test(column)) return column.toLowerCase();
  const lead = /^([A-Z]+)(?=[A-Z][a-z])/.exec(column);
  if (lead && lead[1].length > 1) return lead[1].toLowerCase() + column.slice(lead[1].length);
  return column[0].toLowerCase() + column.slice(1);
}

/** Compact column declaration for the smaller tables. */
export function col(
  name: string,
  type: CatalogType,
  labelEn: string,
  labelNl: string,
  doc: string,
  options: ColumnOptions = {},
): CatalogColumn {
  const { field, required, ...rest } = options;
  return { name, field: field ?? fieldName(name), type, required: required ?? false, labelEn, labelNl, doc, ...rest };
}
