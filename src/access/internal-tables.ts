import { EntityManager, EntityTarget, FindOptionsOrder, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { findTable } from '../catalog';

/** Tables only src/access reads and writes (never through InternalTables). */
const ACCESS_TABLES = new Set(['ApiKeys']);

/**
 * The gateway's own bookkeeping tables outside the catalog (idempotency records, connector
 * connections, runs, sync state): they are never served by GraphQL, the SQL layer or exports, so
 * no division condition is added here; callers that keep rows per division put the division in
 * `where` themselves. Reached only as `scope.internal` (DivisionScope), in the scope's transaction.
 * Every method throws for a catalog table (use the scope's select/insert/update/delete) and for the
 * access layer's own tables (credentials).
 */
export class InternalTables {
  readonly #manager: EntityManager;

  constructor(manager: EntityManager) {
    this.#manager = manager;
  }

  /** The first row matching `where`, or null. */
  async find<T extends ObjectLiteral>(entity: EntityTarget<T>, where: FindOptionsWhere<T>): Promise<T | null> {
    return this.repository(entity).findOne({ where });
  }

  /** Inserts one complete row. */
  async insert<T extends ObjectLiteral>(entity: EntityTarget<T>, row: T): Promise<void> {
    await this.repository(entity).insert(row as never);
  }

  /**
   * Rows matching `where`, ordered by `order`, at most `take`. `forUpdate` (inside a transaction)
   * reads them with SELECT ... FOR UPDATE on MariaDB: the newest committed rows, locked until the
   * transaction ends, whatever the transaction's snapshot; SQLite's transactions run one at a time.
   */
  async list<T extends ObjectLiteral>(
    entity: EntityTarget<T>,
    where: FindOptionsWhere<T> | FindOptionsWhere<T>[],
    order: FindOptionsOrder<T> = {},
    take?: number,
    forUpdate = false,
  ): Promise<T[]> {
    const lock = forUpdate && this.#manager.connection.options.type !== 'better-sqlite3';
    return this.repository(entity).find({ where, order, take, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  /** UPDATE of the rows matching `where`; the number of rows changed. */
  async update<T extends ObjectLiteral>(entity: EntityTarget<T>, where: FindOptionsWhere<T>, set: Partial<T>): Promise<number> {
    return (await this.repository(entity).update(where, set as never)).affected ?? 0;
  }

  /** DELETE of the rows matching `where`; the number of rows deleted. */
  async delete<T extends ObjectLiteral>(entity: EntityTarget<T>, where: FindOptionsWhere<T>): Promise<number> {
    return (await this.repository(entity).delete(where)).affected ?? 0;
  }

  private repository<T extends ObjectLiteral>(entity: EntityTarget<T>) {
    const tableName = this.#manager.connection.getMetadata(entity).tableName;
    if (findTable(tableName)) throw new Error(`${tableName} is a catalog table: use select/insert/update/delete`);
    // Credentials are the access layer's alone: no module may read key hashes or mint keys.
    if (ACCESS_TABLES.has(tableName)) throw new Error(`${tableName} belongs to the access layer`);
    return this.#manager.getRepository(entity);
  }
}
