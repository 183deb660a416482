import { DataSource } from 'typeorm';

/**
 * Makes every transaction TypeORM starts on this SQLite data source take the write lock up
 * front (`BEGIN IMMEDIATE`) instead of at its first write (TypeORM's better-sqlite3 driver sends
 * a deferred `BEGIN TRANSACTION`).
 *
 * Why: a deferred transaction reads from a snapshot and upgrades to a writer at its first
 * write; when another process (a second server, a CLI command on the same file) committed in
 * between, SQLite refuses the upgrade with SQLITE_BUSY_SNAPSHOT at once, and no busy timeout
 * helps. An immediate transaction waits (busy_timeout) for the other writer before it reads
 * anything, so it reads what that writer committed. Within one process transactions are queued
 * anyway (DivisionScope.transaction); the gateway's transactions all write.
 *
 * The driver keeps one query runner for its one connection, so wrapping that runner's `query`
 * covers every transaction: DivisionScope's, migrations', the seed's.
 */
export function beginTransactionsImmediately(dataSource: DataSource): void {
  const runner = dataSource.createQueryRunner();
  if (runner !== dataSource.createQueryRunner()) throw new Error('Expected one shared query runner on SQLite');
  const query = runner.query.bind(runner) as (sql: string, ...rest: unknown[]) => Promise<unknown>;
  const immediate = (sql: string, ...rest: unknown[]) => query(sql === 'BEGIN TRANSACTION' ? 'BEGIN IMMEDIATE TRANSACTION' : sql, ...rest);
  runner.query = immediate as typeof runner.query;
}
