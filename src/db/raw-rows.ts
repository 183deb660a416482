import { DataSource, EntityMetadata, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
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
}

export function rowReader(qb: SelectQueryBuilder<ObjectLiteral>): RowReader {
  return { connection: qb.connection, main: qb.expressionMap.mainAlias!.metadata };
}

/** Entities (of `entity`, default the statement's main one) from raw rows selected as `alias_Column`. */
export function hydrateRows<T>(reader: RowReader, rows: readonly ObjectLiteral[], alias: string, entity?: Function): T[] {
  if (rows.length === 0) return [];
  const meta = entity ? reader.connection.getMetadata(entity) : reader.main;
  const driver = reader.connection.driver;
  // The columns the statement selected, found once per page rather than once per row: a column
  // not selected stays unset (the query layer reads only what the client asked for).
  const present: { key: string; property: string; column: ColumnMetadata; convert: boolean }[] = [];
  for (const c of meta.columns) {
    const key = `${alias}_${c.databaseName}`;
    if (!(key in rows[0])) continue;
    // Plain strings and integers come from both drivers as they are; everything else goes
    // through the driver's conversion (dates, booleans, transformers such as exact decimals).
    const plain = !c.transformer && !c.embeddedMetadata && PLAIN_TYPES.has(String(c.type));
    present.push({ key, property: c.propertyName, column: c, convert: !plain });
  }
  return rows.map((raw) => {
    const out = meta.create() as ObjectLiteral;
    for (const p of present) {
      if (p.convert) p.column.setEntityValue(out, driver.prepareHydratedValue(raw[p.key], p.column));
      else out[p.property] = raw[p.key];
    }
    return out as T;
  });
}

const PLAIN_TYPES = new Set(['varchar', 'int', 'smallint']);

/** Physical column names of an entity (to select a joined table's columns under `alias_Column`). */
export function columnNames(qb: SelectQueryBuilder<ObjectLiteral>, entity: Function): string[] {
  return qb.connection.getMetadata(entity).columns.map((c) => c.databaseName);
}
