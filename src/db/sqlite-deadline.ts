import type { Database as SqliteDatabase } from 'better-sqlite3';

/** Message of the error `cf_deadline` raises; the query layer maps it to TIMEOUT. */
export const SQLITE_DEADLINE_MESSAGE = 'CF_STATEMENT_TIMEOUT';
/** Message of the error `cf_deadline` raises when the statement was cancelled (read workers). */
export const SQLITE_CANCELLED_MESSAGE = 'CF_STATEMENT_CANCELLED';

/**
 * A statement timeout for SQLite. better-sqlite3 runs a statement synchronously and exposes no
 * progress handler or interrupt, so a timer cannot stop it. Instead the query layers add
 * `cf_deadline(<epoch ms>[, <a column>]) = 1` to the WHERE clause of the statements they compile:
 * the function is not deterministic, so SQLite calls it for every row it examines, and it aborts
 * the statement once the deadline has passed. The optional column argument ties the check to one
 * table's loop: without it SQLite evaluates the term in the outermost loop only, so a join's
 * inner loops would run unchecked (the SQL layer passes a column of every table it scans).
 *
 * `cancelled` (the read workers pass one reading a flag the main thread sets, see
 * sqlite-read-pool.ts) is checked on the same calls, so a cancelled statement stops within a
 * row instead of running to its deadline.
 */
export function registerStatementDeadline(db: SqliteDatabase, cancelled?: () => boolean): void {
  db.function('cf_deadline', { deterministic: false, varargs: true }, (deadline: unknown) => {
    if (cancelled?.()) throw new Error(SQLITE_CANCELLED_MESSAGE);
    if (Date.now() > Number(deadline)) throw new Error(SQLITE_DEADLINE_MESSAGE);
    return 1;
  });
}
