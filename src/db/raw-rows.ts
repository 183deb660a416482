import { DataSource, EntityMetadata, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Driver } from 'typeorm/driver/Driver';
import { LRUCache } from 'lru-cache';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * Helpers for the query layer, which compiles its own SELECTs (window functions, keyset
 * conditions) and runs them through the division scope as raw SQL: turning the raw rows back
 * into entities needs the driver, which only src/db may touch.
 */

/** What turning raw rows of a statement into entities needs: the connection and the main entity. */
export interface RowReader {
  readonly connection: DataSource;
  readonly main: EntityMetadata;
  /** The hydrator of each alias: a statement's columns are fixed, so found once per statement. */
  readonly hydrators: Map<string, Hydrator>;
}

export function rowReader(qb: SelectQueryBuilder<ObjectLiteral>): RowReader {
  return { connection: qb.connection, main: qb.expressionMap.mainAlias!.metadata, hydrators: new Map() };
}

/** A reader for rows of `entity` (a class or a table name) from a statement written by hand (its columns as `alias_Column`). */
export function entityReader(connection: DataSource, entity: EntityTarget<ObjectLiteral>): RowReader {
  return { connection, main: connection.getMetadata(entity), hydrators: new Map() };
}

/** Entities (of `entity`, default the statement's main one) from raw rows selected as `alias_Column`. */
export function hydrateRows<T>(
  reader: RowReader,
  rows: readonly ObjectLiteral[],
  alias: string,
  entity?: EntityTarget<ObjectLiteral>,
): T[] {
  if (rows.length === 0) return [];
  const meta = entity ? reader.connection.getMetadata(entity) : reader.main;
  const driver = reader.connection.driver;
  let hydrate = reader.hydrators.get(alias);
  if (!hydrate) reader.hydrators.set(alias, (hydrate = hydratorFor(meta, alias, rows[0])));
  return rows.map((raw) => hydrate(raw, meta.create() as ObjectLiteral, driver) as T);
}

type Hydrator = (raw: ObjectLiteral, out: ObjectLiteral, driver: Driver) => ObjectLiteral;
// Bounded: each selection of columns makes one, and clients choose the selections.
const hydrators = new WeakMap<EntityMetadata, LRUCache<string, Hydrator>>();

/**
 * A function copying the columns a statement selected (those present in `sample`) into an
 * entity, made once per entity, alias and column set: a page runs it for every row, and
 * straight-line property access is several times faster than looping over the metadata. Plain
 * strings and integers come from both drivers as they are; everything else goes through the
 * driver's conversion (dates, booleans, transformers such as exact decimals). The generated
 * code holds only names from the entity metadata, quoted with JSON.stringify.
 */
function hydratorFor(meta: EntityMetadata, alias: string, sample: ObjectLiteral): Hydrator {
  const present = meta.columns.filter((c) => `${alias}_${c.databaseName}` in sample);
  const signature = `${alias}|${present.map((c) => c.databaseName).join(',')}`;
  let byShape = hydrators.get(meta);
  if (!byShape) hydrators.set(meta, (byShape = new LRUCache({ max: 500 })));
  let hydrate = byShape.get(signature);
  if (hydrate) return hydrate;
  const lines = present.map((c, i) => {
    const key = JSON.stringify(`${alias}_${c.databaseName}`);
    const plain = !c.transformer && !c.embeddedMetadata && PLAIN_TYPES.has(String(c.type));
    return plain
      ? `out[${JSON.stringify(c.propertyName)}] = raw[${key}];`
      : `columns[${i}].setEntityValue(out, driver.prepareHydratedValue(raw[${key}], columns[${i}]));`;
  });
  const make = new Function('columns', `return function hydrate(raw, out, driver) {\n${lines.join('\n')}\nreturn out;\n};`) as (
    columns: ColumnMetadata[],
  ) => Hydrator;
  hydrate = make(present);
  byShape.set(signature, hydrate);
  return hydrate;
}

const PLAIN_TYPES = new Set(['varchar', 'int', 'smallint']);

/** Physical column names of an entity or table (to select a joined table's columns under `alias_Column`). */
export function columnNames(qb: SelectQueryBuilder<ObjectLiteral>, entity: EntityTarget<ObjectLiteral>): string[] {
  return qb.connection.getMetadata(entity).columns.map((c) => c.databaseName);
}
