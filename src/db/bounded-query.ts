import type BetterSqlite3 from 'better-sqlite3';
import { EntityManager } from 'typeorm';
import type { Database } from './data-source';
import { killQuery } from './mysql-kill';
import { SQLITE_DEADLINE_MESSAGE } from './sqlite-deadline';
import { sqliteValue } from './sqlite-read-pool';
import { isStatementCancelled, StatementCancelledError, throwIfAborted } from './statement-context';

/**
 * Read statements with a time bound, whole or streamed row by row, cancellable (see
 * statement-context.ts). Used by the division scope (the only door), never by feature code
 * directly.
 *
 * MariaDB stops a statement with `SET STATEMENT max_statement_time=<s> FOR ...`, MySQL with the
 * `MAX_EXECUTION_TIME(<ms>)` optimizer hint; SQLite statements carry `cf_deadline` guards put
 * there by the compiler (see sqlite-deadline.ts).
 */
export type Row = Record<string, unknown>;

function mysqlFlavour(db: Database): Promise<'mariadb' | 'mysql'> {
  return db.memo('mysql-flavour', () =>
    db.dataSource
      .query('SELECT VERSION() AS v')
      .then((rows: { v: string }[]) => (/mariadb/i.test(String(rows[0]?.v)) ? 'mariadb' : 'mysql')),
  );
}

/** `sql` (a SELECT) wrapped so that the server aborts it after `timeoutMs`. */
export async function withStatementTimeout(db: Database, sql: string, timeoutMs: number): Promise<string> {
  if (db.dialect.kind !== 'mysql') return sql;
  if (!/^\s*SELECT\s/i.test(sql)) throw new Error('Only SELECT statements can be bounded');
  const ms = Math.max(1, Math.trunc(timeoutMs));
  if ((await mysqlFlavour(db)) === 'mariadb') return `SET STATEMENT max_statement_time=${(ms / 1000).toFixed(3)} FOR ${sql}`;
  return sql.replace(/^\s*SELECT\s/i, `SELECT /*+ MAX_EXECUTION_TIME(${ms}) */ `);
}

/** True for the error a database raises when a statement ran out of time. */
export function isStatementTimeout(error: unknown): boolean {
  const e = error as { errno?: number; code?: string; message?: string; driverError?: unknown } | undefined;
  if (!e) return false;
  if (e.driverError && isStatementTimeout(e.driverError)) return true;
  return (
    e.errno === 1969 || // MariaDB ER_STATEMENT_TIMEOUT
    e.errno === 3024 || // MySQL ER_QUERY_TIMEOUT
    e.code === 'ER_STATEMENT_TIMEOUT' ||
    String(e.message ?? '').includes(SQLITE_DEADLINE_MESSAGE)
  );
}

/** How a bounded read runs: see boundedQuery. */
export interface BoundedQueryOptions {
  /** A heavy read (SQL layer, aggregates, exports): on SQLite it runs in a read worker. */
  heavy?: boolean;
  /** Aborting it stops the statement (outside transactions) with StatementCancelledError. */
  signal?: AbortSignal;
}

/**
 * Runs one bounded read statement through `manager` and returns all its rows. Outside a
 * transaction on MariaDB/MySQL it runs as a prepared statement (mysql2 keeps them per
 * connection): the query layer reuses its statements, so the server parses each once per
 * connection instead of on every request, and rows come in the binary protocol.
 *
 * Heavy reads (`options.heavy`) on a SQLite file run on a read-only connection in a worker
 * thread (sqlite-read-pool.ts), so they never block the event loop. Outside a transaction the
 * statement stops when `options.signal` aborts (StatementCancelledError): the read worker ends it
 * on SQLite, a `KILL QUERY` from a second connection on MariaDB/MySQL.
 */
export async function boundedQuery(
  db: Database,
  manager: EntityManager,
  sql: string,
  parameters: unknown[],
  timeoutMs: number,
  options: BoundedQueryOptions = {},
): Promise<Row[]> {
  const bounded = await withStatementTimeout(db, sql, timeoutMs);
  // A transaction must see its own writes: it stays on its connection, and is short.
  if (manager.queryRunner) return manager.query(bounded, parameters);
  throwIfAborted(options.signal);
  if (db.dialect.kind === 'sqlite' && db.readers && options.heavy) {
    db.dataSource.logger.logQuery(bounded, parameters);
    const started = performance.now();
    try {
      const rows = await db.readers.all(bounded, parameters, options.signal);
      db.statements.finished(bounded, performance.now() - started);
      return rows;
    } catch (error) {
      if (!isStatementCancelled(error)) db.dataSource.logger.logQueryError(error as Error, bounded, parameters);
      throw error;
    }
  }
  return preparedQuery(db, bounded, parameters, options.signal);
}

/**
 * A read statement outside any transaction, prepared on MariaDB/MySQL (see boundedQuery; also
 * the API-key lookup every request makes), plain on SQLite's main connection. On MariaDB/MySQL
 * aborting `signal` kills the statement (KILL QUERY) and rejects with StatementCancelledError.
 */
export async function preparedQuery(db: Database, sql: string, parameters: unknown[], signal?: AbortSignal): Promise<Row[]> {
  if (db.dialect.kind !== 'mysql') return db.dataSource.query(sql, parameters);
  db.dataSource.logger.logQuery(sql, parameters);
  const driver = db.dataSource.driver as unknown as { obtainMasterConnection(): Promise<MysqlPoolConnection> };
  const connection = await driver.obtainMasterConnection();
  const kill = killOnAbort(db, connection, signal);
  const started = performance.now();
  try {
    try {
      const rows = await new Promise<Row[]>((resolve, reject) =>
        connection.execute(sql, parameters, (error, result) => (error ? reject(error) : resolve(result))),
      );
      db.statements.finished(sql, performance.now() - started);
      return rows;
    } catch (error) {
      // The server's max_prepared_stmt_count is shared by every client: when it is reached, the
      // statement still runs, unprepared.
      if ((error as { errno?: number }).errno !== ER_MAX_PREPARED_STMT_COUNT_REACHED) throw error;
      return await new Promise<Row[]>((resolve, reject) =>
        connection.query(sql, parameters, (e: Error | null, rows: Row[]) => (e ? reject(e) : resolve(rows))),
      );
    }
  } catch (error) {
    // A statement stopped for a client that hung up did not fail.
    if (kill.fired()) throw new StatementCancelledError(signal?.reason);
    db.dataSource.logger.logQueryError(error as Error, sql, parameters);
    throw error;
  } finally {
    await kill.done();
    if (kill.fired()) connection.destroy();
    else connection.release();
  }
}

const ER_MAX_PREPARED_STMT_COUNT_REACHED = 1461;

/**
 * Streams the rows of one read statement straight from the driver, so a result of any size
 * passes in constant memory: mysql2's query stream on MariaDB/MySQL (with a connection of its
 * own from the pool, released at the end), on SQLite batches from a read worker (a read-only
 * connection in a thread of its own: WAL lets it read while the main connection writes, and the
 * event loop stays free for other requests). Aborting `signal` ends the statement (as in
 * boundedQuery, StatementCancelledError); so does stopping the iteration.
 */
export async function* streamQuery(
  db: Database,
  sql: string,
  parameters: unknown[],
  timeoutMs: number,
  signal?: AbortSignal,
): AsyncGenerator<Row> {
  db.statements.record();
  throwIfAborted(signal);
  // A streamed statement lasts until its last row is read (the server works as long).
  const started = performance.now();
  try {
    if (db.dialect.kind === 'mysql') {
      yield* streamMysql(db, await withStatementTimeout(db, sql, timeoutMs), parameters, signal);
    } else if (db.readers) {
      for await (const batch of db.readers.stream(sql, parameters, signal)) yield* batch;
    } else {
      yield* streamMainConnection(db, sql, parameters);
    }
  } catch (error) {
    // A statement stopped for a client that hung up did not fail.
    if (!isStatementCancelled(error)) db.dataSource.logger.logQueryError(error as Error, sql, parameters);
    throw error;
  }
  db.statements.finished(sql, performance.now() - started);
}

async function* streamMysql(db: Database, sql: string, parameters: unknown[], signal: AbortSignal | undefined): AsyncGenerator<Row> {
  const driver = db.dataSource.driver as unknown as { obtainMasterConnection(): Promise<MysqlPoolConnection> };
  const connection = await driver.obtainMasterConnection();
  const kill = killOnAbort(db, connection, signal);
  let finished = false;
  try {
    const stream = connection.query(sql, parameters).stream({ highWaterMark: 256 });
    try {
      for await (const row of stream as AsyncIterable<Row>) yield row;
    } catch (error) {
      throw kill.fired() ? new StatementCancelledError(signal?.reason) : error;
    }
    finished = true;
  } finally {
    // A statement left mid-way (the consumer stopped, the client hung up) may still be running
    // on the server, which dropping the connection would not stop: kill it first.
    if (!finished) kill.now();
    await kill.done();
    // A result read only in part would keep flowing into this connection: drop it instead.
    if (finished && !kill.fired()) connection.release();
    else connection.destroy();
  }
}

interface MysqlPoolConnection {
  threadId: number;
  query(sql: string, values: unknown[]): { stream(options: { highWaterMark: number }): NodeJS.ReadableStream };
  query(sql: string, values: unknown[], callback: (error: Error | null, rows: Row[]) => void): void;
  execute(sql: string, values: unknown[], callback: (error: Error | null, rows: Row[]) => void): void;
  release(): void;
  destroy(): void;
}

/**
 * Kills the statement running on `connection` when `signal` aborts. `done()` waits for the kill
 * to have reached the server: the connection must not go back to the pool before, or the kill
 * could hit the next statement run on it. A killed connection is destroyed, never reused.
 */
function killOnAbort(db: Database, connection: MysqlPoolConnection, signal: AbortSignal | undefined) {
  let killing: Promise<void> | undefined;
  const now = () => {
    killing ??= killQuery(db, connection.threadId);
  };
  signal?.addEventListener('abort', now, { once: true });
  return {
    now,
    fired: () => killing !== undefined,
    async done() {
      signal?.removeEventListener('abort', now);
      await killing;
    },
  };
}

/** Main-connection streaming (an in-memory SQLite database, which read workers cannot open). */
async function* streamMainConnection(db: Database, sql: string, parameters: unknown[]): AsyncGenerator<Row> {
  const connection = (db.dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection;
  const rows = connection.prepare(sql).iterate(...parameters.map(sqliteValue)) as IterableIterator<Row>;
  try {
    let n = 0;
    for (const row of rows) {
      yield row;
      // Let the event loop breathe (sockets drain, other requests run) between batches.
      if (++n % 512 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    rows.return?.();
  }
}
