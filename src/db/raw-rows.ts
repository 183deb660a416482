import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Helpers for the query layer, which compiles its own SELECTs (window functions, keyset
 * conditions) and runs them through the division scope as raw SQL: turning the raw rows back
 * into entities needs the driver, which only src/db may touch.
 */

/** Entities from raw rows selected with TypeORM's default `alias_Column` names. */
export function hydrateRows<T>(qb: SelectQueryBuilder<ObjectLiteral>, rows: readonly ObjectLiteral[], alias: string, entity?: Function): T[] {
  const meta = entity ? qb.connection.getMetadata(entity) : qb.expressionMap.mainAlias!.metadata;
  const driver = qb.connection.driver;
  return rows.map((raw) => {
    const entity = meta.create() as ObjectLiteral;
    for (const c of meta.columns) {
      const value = raw[`${alias}_${c.databaseName}`];
      // A column not selected stays unset (the query layer reads only what the client asked for).
      if (value !== undefined) c.setEntityValue(entity, driver.prepareHydratedValue(value, c));
    }
    return entity as T;
  });
}

/** Physical column names of an entity (to select a joined table's columns under `alias_Column`). */
export function columnNames(qb: SelectQueryBuilder<ObjectLiteral>, entity: Function): string[] {
  return qb.connection.getMetadata(entity).columns.map((c) => c.databaseName);
}
