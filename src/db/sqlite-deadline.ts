import type { Database as SqliteDatabase } from 'better-sqlite3';

/** Message of the error `cf_deadline` raises; the query layer maps it to TIMEOUT. */
export const SQLITE_DEADLINE_MESSAGE = 'CF_STATEMENT_TIMEOUT';

/**
 * A statement timeout for SQLite. better-sqlite3 runs a statement synchronously and exposes no
 * progress handler or interrupt, so a timer cannot stop it. Instead the query layer adds
 * `cf_deadline(<epoch ms>) = 1` to the WHERE clause of the statements it compiles: the function
 * is not deterministic, so SQLite calls it for every row it examines, and it aborts the
 * statement once the deadline has passed.
 */
export function registerStatementDeadline(db: SqliteDatabase): void {
  db.function('cf_deadline', { deterministic: false }, (deadline: unknown) => {
    if (Date.now() > Number(deadline)) throw new Error(SQLITE_DEADLINE_MESSAGE);
    return 1;
  });
}
