/**
 * How the read statements of one piece of work (an HTTP request, an export) run, carried by its
 * division scope to every statement it issues: the signal that cancels them (the client hung
 * up, the server is stopping) and whether they are heavy reads that must leave the event loop
 * (on SQLite they run on a read-only connection in a worker thread, see sqlite-read-pool.ts).
 *
 * Carried explicitly rather than in AsyncLocalStorage: enabling its promise hooks would cost
 * every request CPU (see Config.countStatements).
 */
export interface StatementOptions {
  /** Aborted when the statements' results are no longer wanted. */
  readonly signal?: AbortSignal;
  /** Every read is heavy (exports): off the event loop on SQLite. */
  readonly offload?: boolean;
}

/** Raised when a statement was stopped (or never started) because its signal was aborted. */
export class StatementCancelledError extends Error {
  readonly code = 'STATEMENT_CANCELLED';
  constructor(reason?: unknown) {
    super(`The statement was cancelled${reason instanceof Error ? `: ${reason.message}` : ''}`);
    this.name = 'StatementCancelledError';
  }
}

/** True for an error that only says the work was cancelled (nobody is waiting for its answer). */
export function isStatementCancelled(error: unknown): boolean {
  const e = error as { code?: string; originalError?: unknown; driverError?: unknown } | undefined;
  if (!e || typeof e !== 'object') return false;
  if (e.code === 'STATEMENT_CANCELLED') return true;
  return isStatementCancelled(e.originalError) || isStatementCancelled(e.driverError);
}

/** Throws StatementCancelledError when `signal` has been aborted already. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new StatementCancelledError(signal.reason);
}
