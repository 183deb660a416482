import BetterSqlite3 from 'better-sqlite3';
import { EntityManager } from 'typeorm';
import { Database } from './data-source';
import { SQLITE_DEADLINE_MESSAGE } from './sqlite-deadline';
import { registerSqliteFunctions } from './sqlite-functions';

/**
 * Read statements with a time bound, whole or streamed row by row. Used by the division scope
 * (the only door), never by feature code directly.
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

/**
 * Runs one bounded read statement through `manager` and returns all its rows. Outside a
 * transaction on MariaDB/MySQL it runs as a prepared statement (mysql2 keeps them per
 * connection): the query layer reuses its statements, so the server parses each once per
 * connection instead of on every request, and rows come in the binary protocol.
 */
export async function boundedQuery(db: Database, manager: EntityManager, sql: string, parameters: unknown[], timeoutMs: number): Promise<Row[]> {
  const bounded = await withStatementTimeout(db, sql, timeoutMs);
  if (manager.queryRunner) return manager.query(bounded, parameters);
  return preparedQuery(db, bounded, parameters);
}

/**
 * A read statement outside any transaction, prepared on MariaDB/MySQL (see boundedQuery; also
 * the API-key lookup every request makes), plain on SQLite.
 */
export async function preparedQuery(db: Database, sql: string, parameters: unknown[]): Promise<Row[]> {
  if (db.dialect.kind !== 'mysql') return db.dataSource.query(sql, parameters);
  db.dataSource.logger.logQuery(sql, parameters);
  const driver = db.dataSource.driver as unknown as { obtainMasterConnection(): Promise<MysqlPoolConnection> };
  const connection = await driver.obtainMasterConnection();
  const started = performance.now();
  try {
    const rows = await new Promise<Row[]>((resolve, reject) =>
      connection.execute(sql, parameters, (error, result) => (error ? reject(error) : resolve(result))),
    );
    db.statements.finished(sql, performance.now() - started);
    return rows;
  } catch (error) {
    // The server's max_prepared_stmt_count is shared by every client: when it is reached, the
    // statement still runs, unprepared.
    if ((error as { errno?: number }).errno !== ER_MAX_PREPARED_STMT_COUNT_REACHED) {
      db.dataSource.logger.logQueryError(error as Error, sql, parameters);
      throw error;
    }
    return await new Promise<Row[]>((resolve, reject) => connection.query(sql, parameters, (e: Error | null, rows: Row[]) => (e ? reject(e) : resolve(rows))));
  } finally {
    connection.release();
  }
}

const ER_MAX_PREPARED_STMT_COUNT_REACHED = 1461;

/**
 * Streams the rows of one read statement straight from the driver, so a result of any size
 * passes in constant memory: mysql2's query stream on MariaDB/MySQL (with a connection of its
 * own from the pool, released at the end), better-sqlite3's `iterate()` on SQLite over a
 * read-only connection of its own (WAL lets it read while the main connection writes, and the
 * main connection stays free for other requests meanwhile).
 */
export async function* streamQuery(db: Database, sql: string, parameters: unknown[], timeoutMs: number): AsyncGenerator<Row> {
  db.statements.record();
  // A streamed statement lasts until its last row is read (the server works as long).
  const started = performance.now();
  try {
    if (db.dialect.kind === 'mysql') {
      yield* streamMysql(db, await withStatementTimeout(db, sql, timeoutMs), parameters);
    } else {
      yield* streamSqlite(db, sql, parameters);
    }
  } catch (error) {
    db.dataSource.logger.logQueryError(error as Error, sql, parameters);
    throw error;
  }
  db.statements.finished(sql, performance.now() - started);
}

async function* streamMysql(db: Database, sql: string, parameters: unknown[]): AsyncGenerator<Row> {
  const driver = db.dataSource.driver as unknown as { obtainMasterConnection(): Promise<MysqlPoolConnection> };
  const connection = await driver.obtainMasterConnection();
  let finished = false;
  try {
    const stream = connection.query(sql, parameters).stream({ highWaterMark: 256 });
    for await (const row of stream as AsyncIterable<Row>) yield row;
    finished = true;
  } finally {
    // A result read only in part would keep flowing into this connection: drop it instead.
    if (finished) connection.release();
    else connection.destroy();
  }
}

interface MysqlPoolConnection {
  query(sql: string, values: unknown[]): { stream(options: { highWaterMark: number }): NodeJS.ReadableStream };
  query(sql: string, values: unknown[], callback: (error: Error | null, rows: Row[]) => void): void;
  execute(sql: string, values: unknown[], callback: (error: Error | null, rows: Row[]) => void): void;
  release(): void;
  destroy(): void;
}

async function* streamSqlite(db: Database, sql: string, parameters: unknown[]): AsyncGenerator<Row> {
  const file = String((db.dataSource.options as { database?: string }).database ?? '');
  const own = file !== '' && file !== ':memory:';
  const connection: BetterSqlite3.Database = own
    ? new BetterSqlite3(file, { readonly: true, fileMustExist: true })
    : (db.dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection;
  let rows: IterableIterator<Row> | undefined;
  try {
    if (own) {
      connection.pragma('busy_timeout = 5000');
      registerSqliteFunctions(connection);
    }
    rows = connection.prepare(sql).iterate(...parameters.map(sqliteValue)) as IterableIterator<Row>;
    let n = 0;
    for (const row of rows) {
      yield row;
      // Let the event loop breathe (sockets drain, other requests run) between batches.
      if (++n % 512 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    rows?.return?.();
    if (own) connection.close();
  }
}

/** better-sqlite3 binds numbers, strings, bigints, buffers and null only. */
function sqliteValue(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  return value === undefined ? null : value;
}
