import { badInput, notFound } from '../platform/errors';
import { CATALOG, findTable } from './index';
import { CatalogColumn, CatalogTable } from './types';

/**
 * The catalog as analysts and tools read it (`catalog` query, GET /catalog, docs/sql.md):
 * Exact's names, GraphQL names, SQL types with their length, labels in Dutch and English.
 */
export interface ColumnDescription {
  name: string;
  field: string;
  sqlType: string;
  labelNl: string;
  labelEn: string;
  required: boolean;
  /** `relation.Column` the value is read from, for derived columns. */
  derivedFrom: string | null;
  documentation: string;
}

export interface TableDescription {
  name: string;
  graphqlType: string;
  labelNl: string;
  labelEn: string;
  description: string;
  partitionColumn: string | null;
  primaryKey: string;
  allows: { read: boolean; insert: boolean; update: boolean; delete: boolean };
  columns: ColumnDescription[];
  relations: { name: string; table: string; kind: 'one' | 'many'; on: string[][]; documentation: string }[];
}

/** `string(50)`, `decimal(18,2)`, `guid`, `int32`, `datetime`, ... */
export function sqlTypeOf(c: CatalogColumn): string {
  if (c.type === 'string' && c.length !== undefined) return `string(${c.length})`;
  if (c.type === 'decimal') return `decimal(${c.precision ?? 18},${c.scale ?? 0})`;
  return c.type;
}

export function describeColumn(c: CatalogColumn): ColumnDescription {
  return {
    name: c.name,
    field: c.field,
    sqlType: sqlTypeOf(c),
    labelNl: c.labelNl,
    labelEn: c.labelEn,
    required: c.required,
    derivedFrom: c.derived ? `${c.derived.relation}.${c.derived.column}` : null,
    documentation: c.doc,
  };
}

export function describeTable(t: CatalogTable): TableDescription {
  return {
    name: t.name,
    graphqlType: t.typeName,
    labelNl: t.labelNl,
    labelEn: t.labelEn,
    description: t.description,
    partitionColumn: t.partitionColumn ?? null,
    primaryKey: t.primaryKey,
    allows: { ...t.allows },
    columns: t.columns.map(describeColumn),
    relations: t.relations.map((r) => ({ name: r.name, table: r.table, kind: r.kind, on: r.on.map((p) => [...p]), documentation: r.doc })),
  };
}

/**
 * Every table, or the one named (case-insensitive). An empty name is BAD_USER_INPUT and an unknown
 * one NOT_FOUND, both naming `table`: an empty answer would read as "this table has no columns".
 */
export function describeCatalog(tableName?: string | null): TableDescription[] {
  if (tableName === null || tableName === undefined) return CATALOG.map(describeTable);
  if (tableName.trim() === '') throw badInput('table', 'must name a table (leave it out for all tables)');
  const t = findTable(tableName.trim());
  if (!t) throw notFound('Catalog table', tableName.slice(0, 100), 'table');
  return [describeTable(t)];
}
