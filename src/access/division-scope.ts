import { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { findTable } from '../catalog';
import { forbidden } from '../common/errors';
import { Database } from '../db/data-source';
import { Dialect } from '../db/dialect';

/**
 * The only door to partitioned tables. Built once per request from the principal's grants and
 * the divisions the request selected; every read and write of a partitioned table goes through
 * it, so a query that forgets the division cannot be written.
 *
 * The division condition rides in TypeORM's `extraAppendedAndWhereCondition`, which is ANDed
 * around whatever `where`/`orWhere` the caller adds, and which clones (count queries,
 * sub-queries) keep. Global tables (Users) pass through unrestricted.
 */
export class DivisionScope {
  // ECMAScript private fields, not TypeScript `private`: `scope['manager']` cannot reach them
  // at run time either, so the scope cannot be used as a way around itself.
  readonly #db: Database;
  readonly #manager: EntityManager;
  /** Divisions this request may touch, sorted, validated integers. */
  readonly divisions: readonly number[];

  constructor(db: Database, divisions: readonly number[], manager: EntityManager = db.dataSource.manager) {
    for (const d of divisions) if (!Number.isSafeInteger(d)) throw new Error(`Invalid division ${d}`);
    this.#db = db;
    this.#manager = manager;
    this.divisions = Object.freeze([...divisions]);
  }

  get dialect(): Dialect {
    return this.#db.dialect;
  }

  /** True when this request may touch `division`. */
  allows(division: number): boolean {
    return this.divisions.includes(division);
  }

  /** Refuse a write into a division the caller was not granted (FORBIDDEN names the division). */
  assertWritable(division: number): void {
    if (!this.allows(division)) throw forbidden(`Division ${division} is not granted to this caller`, { division });
  }

  /** A SELECT over `entity` aliased `alias`, restricted to the granted divisions. */
  select<T extends ObjectLiteral>(entity: EntityTarget<T>, alias: string): SelectQueryBuilder<T> {
    const qb = this.#manager.createQueryBuilder(entity, alias);
    this.restrict(qb, alias);
    return qb;
  }

  /**
   * Restricts an existing query builder's main alias (used for sub-queries built by the query
   * layer, such as EXISTS filters through relations). Returns the same builder.
   */
  restrict<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string): SelectQueryBuilder<T> {
    const condition = this.conditionFor(qb.expressionMap.mainAlias!.metadata.tableName, alias);
    if (condition) qb.expressionMap.extraAppendedAndWhereCondition = condition;
    return qb;
  }

  /**
   * SQL condition restricting `alias` of the catalog table `tableName` to the granted divisions,
   * or undefined for a global table. Divisions are validated integers, inlined on purpose: the
   * condition must survive every clone and sub-query without parameter bookkeeping.
   */
  conditionFor(tableName: string, alias: string): string | undefined {
    const t = findTable(tableName);
    if (!t) throw new Error(`Table ${tableName} is not in the catalog`);
    if (!t.partitionColumn) return undefined;
    const column = `${this.#db.dialect.quote(alias)}.${this.#db.dialect.quote(t.partitionColumn)}`;
    if (this.divisions.length === 0) return '1 = 0';
    if (this.divisions.length === 1) return `${column} = ${this.divisions[0]}`;
    return `${column} IN (${this.divisions.join(', ')})`;
  }

  /** Insert rows of a partitioned entity; every row's division must be granted. */
  async insert<T extends ObjectLiteral & { divisionCode?: number }>(entity: EntityTarget<T>, rows: T[]): Promise<void> {
    if (rows.length === 0) return;
    const t = this.tableOf(entity);
    if (t.partitionColumn) for (const r of rows) this.assertWritable(Number(r.divisionCode));
    await this.#manager.getRepository(entity).insert(rows as never);
  }

  /**
   * UPDATE of rows matched by `where` (a condition on the unaliased table, with parameters),
   * restricted to the granted divisions. Returns the number of rows changed.
   */
  async update<T extends ObjectLiteral>(
    entity: EntityTarget<T>,
    set: Partial<T>,
    where: string,
    parameters: ObjectLiteral = {},
  ): Promise<number> {
    const t = this.tableOf(entity);
    // Moving a row into another division is a write into that division.
    const partitionField = t.partitionColumn && t.columns.find((c) => c.name === t.partitionColumn)!.field;
    if (partitionField && partitionField in set) this.assertWritable(Number((set as ObjectLiteral)[partitionField]));
    const qb = this.#manager.createQueryBuilder().update(entity).set(set as never).where(`(${where})`, parameters);
    if (t.partitionColumn) qb.andWhere(this.unaliasedCondition(t.partitionColumn));
    const result = await qb.execute();
    return result.affected ?? 0;
  }

  /** DELETE of rows matched by `where`, restricted to the granted divisions. */
  async delete<T extends ObjectLiteral>(entity: EntityTarget<T>, where: string, parameters: ObjectLiteral = {}): Promise<number> {
    const qb = this.#manager.createQueryBuilder().delete().from(entity).where(`(${where})`, parameters);
    const t = this.tableOf(entity);
    if (t.partitionColumn) qb.andWhere(this.unaliasedCondition(t.partitionColumn));
    const result = await qb.execute();
    return result.affected ?? 0;
  }

  /** Run `work` in one transaction with a scope bound to it (same divisions). */
  transaction<R>(work: (scope: DivisionScope) => Promise<R>): Promise<R> {
    return this.#manager.transaction((manager) => work(new DivisionScope(this.#db, this.divisions, manager)));
  }

  /** A narrower scope (for example one division of the request), never a wider one. */
  narrow(divisions: readonly number[]): DivisionScope {
    for (const d of divisions) this.assertWritable(d);
    return new DivisionScope(this.#db, [...new Set(divisions)].sort((a, b) => a - b), this.#manager);
  }

  /**
   * A read-only statement compiled by the SQL layer, which has put `conditionFor` on every
   * table reference itself. Kept here so that raw SQL still leaves through the scope.
   */
  rawQuery<R = Record<string, unknown>>(sql: string, parameters: unknown[]): Promise<R[]> {
    return this.#manager.query(sql, parameters);
  }

  private unaliasedCondition(partitionColumn: string): string {
    const column = this.#db.dialect.quote(partitionColumn);
    if (this.divisions.length === 0) return '1 = 0';
    return `${column} IN (${this.divisions.join(', ')})`;
  }

  private tableOf(entity: EntityTarget<ObjectLiteral>) {
    const tableName = this.#manager.connection.getMetadata(entity).tableName;
    const t = findTable(tableName);
    if (!t) throw new Error(`Table ${tableName} is not in the catalog`);
    return t;
  }
}
