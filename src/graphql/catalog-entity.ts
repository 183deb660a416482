import { Field, Int, ObjectType } from 'type-graphql';
import { Column, ColumnOptions, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import { CatalogColumn, CatalogTable, describe, storedColumns } from '../catalog';
import { defaultScalarOf, GraphQLTypeFn, graphqlTypeOverride } from './column-types';
import { decimalTransformer } from '../db/money';

export interface CatalogEntityOptions {
  /** Columns stored but not exposed as GraphQL fields (bytes, secrets). */
  hidden?: string[];
  /**
   * Indexes, each a list of column names; on partitioned tables they lead with the division. The
   * name is IX_<table>_<columns joined by _> unless given (MariaDB allows 64 characters).
   */
  indexes?: { columns: string[]; unique?: boolean; name?: string }[];
  /** Add an optimistic-concurrency `Version` column. */
  versioned?: boolean;
}

/**
 * The GraphQL type of a catalog column, as its entity field has it (override or default scalar),
 * for inputs that mirror the entity.
 */
export function graphqlTypeOf(tableName: string, c: CatalogColumn): GraphQLTypeFn {
  return graphqlTypeOverride(tableName, c.name) ?? defaultScalarOf(c.type);
}

/** TypeORM column options of a catalog column; physical types come from the migrations. */
export function columnOptions(c: CatalogColumn): ColumnOptions {
  const base: ColumnOptions = { name: c.name, nullable: !c.required };
  switch (c.type) {
    case 'guid':
      return { ...base, type: 'varchar', length: 36 };
    case 'string':
      return { ...base, type: 'varchar', length: c.length };
    case 'int16':
      return { ...base, type: 'smallint' };
    case 'int32':
      return { ...base, type: 'int' };
    case 'int64':
      // Exact's short names are small; bigint would come back as a string from mysql2.
      return { ...base, type: 'bigint', transformer: { to: (v) => v, from: (v) => (v == null ? v : Number(v)) } };
    case 'decimal':
      return { ...base, type: 'decimal', precision: c.precision, scale: c.scale, transformer: decimalTransformer(c.scale ?? 2) };
    case 'datetime':
      return { ...base, type: 'datetime' };
    case 'boolean':
      return { ...base, type: 'boolean', transformer: { to: (v) => v, from: (v) => (v == null ? v : Boolean(v)) } };
    case 'blob':
      return { ...base, type: 'blob' };
  }
}

/** The catalog table of each class mapped by CatalogEntity. */
const tableOfClass = new WeakMap<Function, CatalogTable>();

/** The catalog table a row object belongs to (its class was mapped by CatalogEntity), if any. */
export function catalogTableOf(row: object): CatalogTable | undefined {
  return tableOfClass.get(row.constructor);
}

/**
 * Maps a class to a catalog table for both TypeORM and type-graphql, so the catalog is the one
 * place where names, types, lengths and descriptions live. Derived columns are not mapped here:
 * they are GraphQL field resolvers reading the referenced row (see modules/relations.ts).
 */
export function CatalogEntity(t: CatalogTable, options: CatalogEntityOptions = {}): ClassDecorator {
  return (target) => {
    tableOfClass.set(target, t);
    const proto = target.prototype as object;
    for (const c of storedColumns(t)) {
      const key = c.field;
      const opts = columnOptions(c);
      if (c.name === t.primaryKey) PrimaryColumn(opts as never)(proto, key);
      else Column(opts)(proto, key);
      if (options.hidden?.includes(c.name)) continue;
      const typeFn = graphqlTypeOf(t.name, c);
      Field(typeFn, { description: describe(c), nullable: !c.required })(proto, key);
    }
    if (options.versioned) {
      VersionColumn({ name: 'Version' })(proto, 'version');
      Field(() => Int, { description: 'Row version for optimistic concurrency: send it back with an update.' })(proto, 'version');
    }
    for (const index of options.indexes ?? []) {
      const name = index.name ?? `IX_${t.name}_${index.columns.join('_')}`;
      const fields = index.columns.map((n) => fieldOf(t, n));
      Index(name, fields, { unique: index.unique ?? false })(target);
    }
    Entity(t.name)(target);
    ObjectType(t.typeName, { description: `${t.labelEn} (${t.name}). ${t.description}` })(target);
  };
}

function fieldOf(t: CatalogTable, columnName: string): string {
  const c = t.columns.find((x) => x.name === columnName);
  if (!c) throw new Error(`Index on unknown column ${t.name}.${columnName}`);
  return c.field;
}
