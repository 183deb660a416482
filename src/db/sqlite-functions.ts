import type { Database as SqliteDatabase } from 'better-sqlite3';
import { registerStatementDeadline } from './sqlite-deadline';
import { registerDecimalFunctions } from './sqlite-decimal';
import { registerTextFunctions } from './sqlite-text';

/**
 * Every function the query layers call on SQLite: exact decimals (dec_*), the statement deadline
 * (cf_deadline) and the text semantics (cf_key, cf_like, ...). Call it on every connection that
 * opens the file, before its first statement (the data source's prepareDatabase, worker threads):
 * indexes on cf_key(...) need the function for every write, and the compiled SQL for every read.
 * `cancelled` (the read workers') stops a statement at its next deadline check when it says so.
 */
export function registerSqliteFunctions(db: SqliteDatabase, options: { cancelled?: () => boolean } = {}): void {
  registerDecimalFunctions(db);
  registerStatementDeadline(db, options.cancelled);
  registerTextFunctions(db);
}
