import { AsyncLocalStorage } from 'node:async_hooks';
import { GatewayError } from './errors';

/**
 * Lock conflicts between transactions, on either database. The database refused or rolled back
 * the statement and its transaction, so running the whole transaction again is safe:
 * - MariaDB: `ER_LOCK_DEADLOCK` (chosen as a deadlock victim), `ER_LOCK_WAIT_TIMEOUT`.
 * - SQLite: `SQLITE_BUSY` and its extended codes (`SQLITE_BUSY_SNAPSHOT`: another process wrote
 *   after this transaction's snapshot; `SQLITE_BUSY_TIMEOUT`, `SQLITE_BUSY_RECOVERY`) once the
 *   busy timeout ran out, and `SQLITE_LOCKED*` (a table locked on the same connection).
 * Two servers, or a server and a CLI command, on one SQLite file meet these.
 */
export function isLockConflict(error: unknown): boolean {
  if (error instanceof WriteConflict) return true;
  const e = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = e?.driverError?.code ?? e?.code;
  if (typeof code !== 'string') return false;
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT' || /^SQLITE_(BUSY|LOCKED)(_|$)/.test(code);
}

/**
 * The answer to a lock conflict that retrying did not resolve: CONFLICT with
 * `extensions.retryable: true`, so the client sends the same call again (with the same
 * idempotency key) a moment later. Undefined for any other error.
 */
export function lockConflictError(error: unknown): GatewayError | undefined {
  if (error instanceof GatewayError || !isLockConflict(error)) return undefined;
  return new GatewayError('CONFLICT', 'The database is busy with another writer; nothing was changed, try again', { retryable: true });
}

/** Backoff between attempts: exponential from 10 ms, capped at 250 ms, with full jitter. */
const BASE_DELAY_MS = 10;
const MAX_DELAY_MS = 250;

/**
 * A conflict between transactions that the database did not roll back by itself but that only a
 * new transaction can resolve (two calls inserting the same idempotency key at once: the second
 * one's snapshot cannot see the first one's row). Thrown to have the outermost retryOnDeadlock
 * roll back and run the whole transaction again; it counts as a lock conflict.
 */
export class WriteConflict extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WriteConflict';
  }
}

/** Set while a retried transaction runs: a nested call joins it and leaves retrying to it. */
const retrying = new AsyncLocalStorage<true>();

/**
 * Runs `work` (a whole transaction) and runs it again after a lock conflict (`isLockConflict`),
 * at most `attempts` times in all, waiting a random 0..min(250, 10 * 2^n) ms in between (jitter
 * keeps competing writers from colliding again in step). When every attempt met a conflict the
 * call answers CONFLICT with `retryable: true` (`lockConflictError`). Other errors pass through.
 *
 * Called inside another retryOnDeadlock (a service's transaction joining the one of a GraphQL
 * mutation operation, graphql/mutation-transaction.ts), `work` runs once and a conflict passes
 * up: the database rolled back the whole outer transaction, so only the outermost call may run
 * it again.
 */
export async function retryOnDeadlock<R>(work: () => Promise<R>, attempts = 6): Promise<R> {
  if (retrying.getStore()) return work();
  for (let attempt = 1; ; attempt++) {
    try {
      return await retrying.run(true, work);
    } catch (error) {
      if (!isLockConflict(error)) throw error;
      if (attempt >= attempts) throw lockConflictError(error);
      const delay = Math.random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
