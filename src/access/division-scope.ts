import { LRUCache } from 'lru-cache';
import { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { actorColumns, CatalogTable, findTable } from '../catalog';
import { GatewayError } from '../platform/errors';
import { AccessRule, accessError } from './access.errors';
import { InternalTables } from './internal-tables';
import { ofDeclaredDivisions } from './made-rows';
import { Database } from '../db/data-source';
import { boundedQuery, isStatementTimeout, streamQuery } from '../db/bounded-query';
import { BulkInserter, MadeRows, RowsToInsert } from '../db/bulk-insert';
import { upsertMany } from '../db/bulk-upsert';
import { Dialect } from '../db/dialect';
import { LeaseOptions, withLease } from '../db/lease';
import { StatementOptions } from '../db/statement-context';
import { connectedAmong, connectedRowDivision, EXACT_OWNED_TABLES } from '../db/connected-divisions';

/**
 * The only door to partitioned tables. Built once per request from the principal's grants and
 * the divisions the request selected; every read and write of a partitioned table goes through
 * it, so a query that forgets the division cannot be written.
 *
 * The division condition rides in TypeORM's `extraAppendedAndWhereCondition`, which is ANDed
 * around whatever `where`/`orWhere` the caller adds, and which clones (count queries,
 * sub-queries) keep. The global table of people (Users) is restricted too: a caller sees the
 * users acting in its divisions only (`CatalogTable.visibleThroughActors`).
 */
export class DivisionScope {
  // ECMAScript private fields, not TypeScript `private`: `scope['manager']` cannot reach them
  // at run time either, so the scope cannot be used as a way around itself.
  readonly #db: Database;
  readonly #manager: EntityManager;
  /** How this scope's bounded reads run: the request's cancellation signal, offloaded or not. */
  readonly #statements: StatementOptions;
  /** Divisions this request may touch, sorted, validated integers. */
  readonly divisions: readonly number[];
  /** True for the scope bound to an open transaction (see `transaction`). */
  readonly inTransaction: boolean;
  /** True for the Exact Online connector's scope: it writes the rows of connected divisions (see `asConnector`). */
  readonly #connector: boolean;

  constructor(
    db: Database,
    divisions: readonly number[],
    manager: EntityManager = db.dataSource.manager,
    inTransaction = false,
    statements: StatementOptions = {},
    connector = false,
  ) {
    for (const d of divisions) if (!Number.isSafeInteger(d)) throw new Error(`Invalid division ${d}`);
    this.#connector = connector;
    this.#db = db;
    this.#manager = manager;
    this.#statements = statements;
    this.divisions = Object.freeze([...divisions]);
    this.inTransaction = inTransaction;
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
    if (this.allows(division)) return;
    throw accessError(AccessRule.DIVISION_NOT_GRANTED, null, `Division ${division} is not granted to this caller`, { division });
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
   * SQL condition restricting `alias` of the catalog table `tableName` to the granted divisions:
   * for a partitioned table its division column, for the table of people (Users) the people
   * acting in those divisions, for any other global table undefined. Divisions are validated
   * integers, inlined on purpose: the condition must survive every clone and sub-query without
   * parameter bookkeeping. Every door (lists, relations, loaders, the SQL layer, exports) uses it.
   */
  conditionFor(tableName: string, alias: string): string | undefined {
    const t = findTable(tableName);
    if (!t) throw new Error(`Table ${tableName} is not in the catalog`);
    if (t.visibleThroughActors) return this.actingCondition(t, alias);
    if (!t.partitionColumn) return undefined;
    return this.inDivisions(`${this.#db.dialect.quote(alias)}.${this.#db.dialect.quote(t.partitionColumn)}`);
  }

  private inDivisions(column: string): string {
    if (this.divisions.length === 0) return '1 = 0';
    if (this.divisions.length === 1) return `${column} = ${this.divisions[0]}`;
    return `${column} IN (${this.divisions.join(', ')})`;
  }

  /**
   * People (`alias` of `people`) who act in a granted division: a row of a granted division
   * points at them (Payments.Creator, Modifier, PaymentSelector). One EXISTS per actor column,
   * each an index seek on (Division, column); the inner alias is derived from `alias`, so it
   * never shadows it.
   */
  private actingCondition(people: CatalogTable, alias: string): string {
    if (this.divisions.length === 0) return '1 = 0';
    const q = this.#db.dialect.quote;
    const key = `${q(alias)}.${q(people.primaryKey)}`;
    const inner = q(`${alias}_acts`);
    const tests = actorColumns(people).map(({ table, column }) => {
      const inGranted = this.inDivisions(`${inner}.${q(table.partitionColumn!)}`);
      return `EXISTS (SELECT 1 FROM ${q(table.name)} ${inner} WHERE ${inGranted} AND ${inner}.${q(column)} = ${key})`;
    });
    return tests.length ? `(${tests.join(' OR ')})` : '1 = 0';
  }

  /**
   * What `build` makes for this scope (a compiled statement and its plan), kept and handed to
   * later scopes of the same divisions over the same database that ask with the same `key`.
   * A built statement embeds its scope's division conditions, so the divisions are always part
   * of the key: a statement built for some divisions can never serve others. `key` must name
   * everything else the build depends on.
   */
  reuse<T extends object>(key: string, build: () => T): T {
    const cache = this.#db.memo('scope-statements', () => new LRUCache<string, object>({ max: 1000 }));
    const k = `${this.divisions.join(',')}|${key}`;
    let value = cache.get(k) as T | undefined;
    if (!value) cache.set(k, (value = build()));
    return value;
  }

  /** Insert rows of a partitioned entity; every row's division must be granted. */
  async insert<T extends ObjectLiteral & { divisionCode?: number }>(entity: EntityTarget<T>, rows: T[]): Promise<void> {
    if (rows.length === 0) return;
    const t = this.tableOf(entity);
    if (t.partitionColumn) for (const r of rows) this.assertWritable(Number(r.divisionCode));
    await this.assertLocal(t.name, [...new Set(rows.map((r) => Number(r.divisionCode)))]);
    // updateEntity(false): after a multi-row insert TypeORM re-reads generated columns and merges
    // them into the given objects by position, which on SQLite comes back in key order and
    // swapped the IDs of the caller's objects. The rows are complete already; leave them alone.
    await this.#manager
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows as never)
      .updateEntity(false)
      .execute();
  }

  /**
   * Insert many complete rows with `insert`'s division check, by the BulkInserter (LOAD DATA on MariaDB, not TypeORM's builder).
   * Rows made as MariaDB reads them (MadeRows: a statement's lines) declare their divisions; each is checked as made.
   */
  async insertMany<T extends ObjectLiteral & { divisionCode?: number }>(entity: EntityTarget<T>, given: RowsToInsert<T>): Promise<void> {
    if (given.length === 0) return;
    const t = this.tableOf(entity);
    const made = Array.isArray(given) ? null : (given as MadeRows<T>);
    const divisions = new Set(made ? made.divisionCodes.map(Number) : (given as readonly T[]).map((r) => Number(r.divisionCode)));
    if (t.partitionColumn) for (const d of divisions) this.assertWritable(d);
    await this.assertLocal(t.name, [...divisions]);
    const rows = made && t.partitionColumn ? ofDeclaredDivisions(made) : given;
    const own = this.#manager.queryRunner;
    const runner = own ?? this.#manager.connection.createQueryRunner();
    try {
      await new BulkInserter(runner).insert(entity, rows);
    } finally {
      if (!own) await runner.release();
    }
  }

  /** Upserts rows of granted divisions by key (db/bulk-upsert.ts): Version + 1 if replaced; how many existed; CONFLICT across divisions. */
  async upsertMany<T extends ObjectLiteral & { divisionCode?: number }>(entity: EntityTarget<T>, rows: T[]): Promise<number> {
    if (rows.length === 0) return 0;
    const t = this.tableOf(entity);
    if (t.partitionColumn) for (const r of rows) this.assertWritable(Number(r.divisionCode));
    await this.assertLocal(t.name, [...new Set(rows.map((r) => Number(r.divisionCode)))]);
    const own = this.#manager.queryRunner;
    const runner = own ?? this.#manager.connection.createQueryRunner();
    try {
      return await upsertMany(runner, entity, rows, t.partitionColumn ? { column: t.partitionColumn, divisions: this.divisions } : null);
    } finally {
      if (!own) await runner.release();
    }
  }

  /**
   * The largest SQL statement the database takes, in bytes: MariaDB's max_allowed_packet (the
   * bytes of a value travel in the statement's text, a blob as hex), or null for SQLite, which
   * binds values apart from the text (up to 1 GB each).
   */
  async maxStatementBytes(): Promise<number | null> {
    if (this.#db.dialect.kind === 'sqlite') return null;
    const [row] = (await this.#manager.query('SELECT @@max_allowed_packet AS packet')) as { packet: number | string }[];
    return Number(row.packet);
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
    await this.assertLocal(t.name, this.divisions, where, parameters);
    const qb = this.#manager
      .createQueryBuilder()
      .update(entity)
      .set(set as never)
      .where(`(${where})`, parameters);
    if (t.partitionColumn) qb.andWhere(this.unaliasedCondition(t.partitionColumn));
    const result = await qb.execute();
    return result.affected ?? 0;
  }

  /** DELETE of rows matched by `where`, restricted to the granted divisions. */
  async delete<T extends ObjectLiteral>(entity: EntityTarget<T>, where: string, parameters: ObjectLiteral = {}): Promise<number> {
    const qb = this.#manager.createQueryBuilder().delete().from(entity).where(`(${where})`, parameters);
    const t = this.tableOf(entity);
    await this.assertLocal(t.name, this.divisions, where, parameters);
    if (t.partitionColumn) qb.andWhere(this.unaliasedCondition(t.partitionColumn));
    const result = await qb.execute();
    return result.affected ?? 0;
  }

  /**
   * Run `work` in one transaction with a scope bound to it (same divisions). Inside a
   * transaction already, `work` joins it. On SQLite TypeORM shares one connection between all
   * requests, so concurrent transactions would nest as savepoints of each other: they are
   * queued one after the other instead (SQLite serialises writers anyway). Against other
   * processes on the same file each begins IMMEDIATE, taking the write lock before it reads
   * (db/sqlite-immediate.ts); callers retry lock conflicts (platform/retry.ts).
   */
  async transaction<R>(work: (scope: DivisionScope) => Promise<R>): Promise<R> {
    if (this.inTransaction) return work(this);
    const run = () =>
      this.#manager.transaction((manager) => work(new DivisionScope(this.#db, this.divisions, manager, true, {}, this.#connector)));
    if (this.#db.dialect.kind !== 'sqlite') return run();
    return serialised(this.#db, run);
  }

  /**
   * Row locks for a SELECT that a transaction will write after reading (SELECT ... FOR UPDATE
   * on MariaDB). SQLite has no row locks and needs none: its transactions run one at a time,
   * each holding the database's write lock from its start.
   */
  forUpdate<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
    if (!this.inTransaction) throw new Error('forUpdate needs a transaction');
    return this.#db.dialect.kind === 'sqlite' ? qb : qb.setLock('pessimistic_write');
  }

  /** The gateway's own bookkeeping tables outside the catalog, in this scope's transaction (see InternalTables). */
  get internal(): InternalTables {
    return new InternalTables(this.#manager);
  }

  /**
   * Runs `work` holding the lease `name` (db/lease.ts withLease: one holder across processes and
   * gateway instances, written outside this scope's transaction on MariaDB); `{ ran: false }` when
   * another holds it.
   */
  withLease<T>(name: string, options: LeaseOptions, work: (signal: AbortSignal) => Promise<T>) {
    return withLease(this.#db, name, options, work);
  }

  /** A narrower scope (for example one division of the request), never a wider one. */
  narrow(divisions: readonly number[]): DivisionScope {
    for (const d of divisions) this.assertWritable(d);
    const sorted = [...new Set(divisions)].sort((a, b) => a - b);
    return new DivisionScope(this.#db, sorted, this.#manager, this.inTransaction, this.#statements, this.#connector);
  }

  /**
   * The same scope whose bounded reads (rawQuery and streamQuery with a timeout) stop when
   * `options.signal` aborts (the request's client hung up, the server is stopping) and, with
   * `options.offload`, all run as heavy reads (exports: off the event loop on SQLite). Unset
   * options keep this scope's.
   */
  withStatements(options: StatementOptions): DivisionScope {
    const outer = this.#statements.signal;
    const signal = options.signal && outer ? AbortSignal.any([outer, options.signal]) : (options.signal ?? outer);
    const statements = { signal, offload: options.offload ?? this.#statements.offload };
    return new DivisionScope(this.#db, this.divisions, this.#manager, this.inTransaction, statements, this.#connector);
  }

  /** The same scope for the Exact Online connector, which writes the rows of connected divisions. */
  asConnector(): DivisionScope {
    return new DivisionScope(this.#db, this.divisions, this.#manager, this.inTransaction, this.#statements, true);
  }

  /**
   * Of `divisions`, those whose rows of `table` are Exact Online's (the division is connected and
   * the table is one Exact owns), read in this scope's transaction; none for the connector's scope.
   * The writes of payments and receivables send such rows' changes to Exact (exact-online's write-back).
   */
  async ownedByExact(table: string, divisions: readonly number[]): Promise<number[]> {
    if (this.#connector || !EXACT_OWNED_TABLES.has(table)) return [];
    return connectedAmong(this.#manager, this.#db.dialect, divisions);
  }

  /**
   * Refuses (FORBIDDEN, rule OWNED_BY_EXACT) a write by anyone but the connector to a table Exact
   * owns in a connected division: inserts into such a division, or updates and deletes matching a
   * row of one (`where` over the unaliased table, as update/delete take it). Writers call it
   * first, so the refusal comes before any other check of the input.
   */
  async assertLocal(table: string, divisions: readonly number[], where?: string, parameters: ObjectLiteral = {}): Promise<void> {
    const connected = await this.ownedByExact(table, divisions);
    if (!connected.length) return;
    const division =
      where === undefined ? connected[0] : await connectedRowDivision(this.#manager, this.#db.dialect, table, connected, where, parameters);
    if (division === null) return;
    throw accessError(
      AccessRule.OWNED_BY_EXACT,
      null,
      `Division ${division} is connected to Exact Online: its ${table} are Exact's and change only in Exact (then sync)`,
      { division, table },
    );
  }

  /**
   * A read-only statement compiled by the SQL layer, which has put `conditionFor` on every
   * table reference itself. Kept here so that raw SQL still leaves through the scope. With
   * `timeoutMs` the database aborts the statement when it runs longer (TIMEOUT), and it is
   * cancellable (db/statement-context.ts); `heavy` reads run off the event loop on SQLite.
   */
  async rawQuery<R = Record<string, unknown>>(
    sql: string,
    parameters: unknown[],
    options: { timeoutMs?: number; heavy?: boolean } = {},
  ): Promise<R[]> {
    if (options.timeoutMs === undefined) return this.#manager.query(sql, parameters);
    try {
      const heavy = options.heavy || this.#statements.offload;
      const bounded = { heavy, signal: this.#statements.signal };
      return (await boundedQuery(this.#db, this.#manager, sql, parameters, options.timeoutMs, bounded)) as R[];
    } catch (error) {
      throw timeoutOr(error, options.timeoutMs);
    }
  }

  /**
   * Like `rawQuery`, but yields the rows one by one as the driver reads them (exports of any
   * size in constant memory; on SQLite from a read worker). Stop iterating, or abort the scope's
   * signal, to end the statement.
   */
  async *streamQuery(sql: string, parameters: unknown[], options: { timeoutMs: number }): AsyncGenerator<Record<string, unknown>> {
    try {
      yield* streamQuery(this.#db, sql, parameters, options.timeoutMs, this.#statements.signal);
    } catch (error) {
      throw timeoutOr(error, options.timeoutMs);
    }
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

/** One queue of transactions per SQLite database (see DivisionScope.transaction). */
function serialised<R>(db: Database, run: () => Promise<R>): Promise<R> {
  const queue = db.memo('transaction-queue', () => ({ tail: Promise.resolve() as Promise<unknown> }));
  const result = queue.tail.then(run, run);
  queue.tail = result.catch(() => undefined);
  return result;
}

/** A statement that ran out of time becomes TIMEOUT; anything else passes unchanged. */
function timeoutOr(error: unknown, timeoutMs: number): unknown {
  if (!isStatementTimeout(error)) return error;
  return new GatewayError('TIMEOUT', `The statement ran longer than ${timeoutMs} ms and was stopped`, { timeoutMs });
}
