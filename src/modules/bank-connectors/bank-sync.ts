import { GatewayError } from '../../platform/errors';
import { isLockConflict } from '../../platform/retry';
import { reconcileEntries } from '../reconciliation/match-auto';
import { BankConnectorRule, connectorError } from './bank-connector.errors';
import { BankConnection, BankConnectionRun } from './bank-connection.entity';
import { pullCodabox } from './codabox-connector';
import { pullPonto } from './ponto-connector';
import { NO_COUNTS, RunCounts } from './connection-store';
import { ConnectorContext, storeOf } from './connector-context';

/** How long a pull's lease lasts without renewal (renewed every third of it while the pull runs). */
export const PULL_LEASE_MS = 5 * 60_000;

/** What to pull: the whole connection, or (Ponto) only the account mapped to one own bank account. */
export interface PullOptions {
  bankAccountID?: string | null;
}

/** The provider's pull, given a context narrowed to the connection's division. */
export type ProviderPull = (ctx: ConnectorContext, connection: BankConnection, counts: RunCounts, options: PullOptions) => Promise<void>;

const PULLS: Partial<Record<BankConnection['provider'], ProviderPull>> = { codabox: pullCodabox, ponto: pullPonto };

/**
 * Pulls one connection of the caller's divisions (NOT_FOUND otherwise) while holding the lease
 * `bank-pull:<id>`, so that of all gateway instances and command lines exactly one pulls a
 * connection at a time (BUSY when another holds it). The run is recorded with its counts; a failure
 * is recorded with its rule (CONSENT_EXPIRED also marks the connection) and returned, not thrown:
 * what was imported before the failure stays imported, and the next pull goes on from there.
 *
 * Whatever the pull stored (also before a failure) is reconciled before the run is finished, by the
 * same reconcileEntries an uploaded file gets from the server's statementsImported listener and the
 * import command: so the command line, the schedule, webhooks and the GraphQL pull all behave the
 * same, with or without a listener, and the run records what was matched. The statements are
 * therefore not announced as statementsImported (the server's listener would match them a second
 * time); `linesReconciled` is announced instead, as the listener does.
 */
export async function pullConnection(ctx: ConnectorContext, connectionID: string, options: PullOptions = {}): Promise<BankConnectionRun> {
  return (await pullWithOutcome(ctx, connectionID, options)).run;
}

/** pullConnection, with the failure itself (null when the run succeeded) for callers that answer it as an error. */
export async function pullWithOutcome(
  ctx: ConnectorContext,
  connectionID: string,
  options: PullOptions = {},
): Promise<{ run: BankConnectionRun; error: unknown }> {
  const connection = await storeOf(ctx).get(connectionID, 'connectionID');
  const scope = ctx.scope.narrow([connection.divisionCode]);
  const inner: ConnectorContext = { ...ctx, scope, events: undefined };
  const store = storeOf(inner);
  const pull = PULLS[connection.provider];
  if (!pull) throw connectorError(BankConnectorRule.NOT_CONFIGURED, null, `no pull for provider ${connection.provider}`);
  const outcome = await ctx.scope.withLease(`bank-pull:${connection.id}`, { ttlMs: PULL_LEASE_MS }, async () => {
    const run = await store.startRun(connection, 'PULL', ctx.startedBy ?? ctx.principal.name);
    const counts: RunCounts = { ...NO_COUNTS, entries: [] };
    try {
      await pull(inner, connection, counts, options);
      if (connection.status === 'CONSENT_EXPIRED') await store.setStatus(connection, 'ACTIVE');
      await reconcileRun(ctx, connection.id, counts);
      const done = await store.finishRun(run, counts, null);
      const { entries: _entries, ...logged } = counts;
      ctx.logger?.info({ connection: connection.id, run: run.id, ...logged }, 'bank pull finished');
      return { run: done, error: null as unknown };
    } catch (error) {
      const { code, message } = failureOf(error);
      if (code === BankConnectorRule.CONSENT_EXPIRED) await store.setStatus(connection, 'CONSENT_EXPIRED');
      await reconcileRun(ctx, connection.id, counts);
      const { entries: _entries, ...logged } = counts;
      ctx.logger?.warn({ connection: connection.id, run: run.id, errorCode: code, ...logged }, `bank pull failed: ${message}`);
      return { run: await store.finishRun(run, counts, { code, message }), error };
    }
  });
  if (!outcome.ran)
    throw connectorError(
      BankConnectorRule.BUSY,
      'connectionID',
      `connection ${connection.id} is being pulled by another process right now`,
    );
  return outcome.value;
}

/**
 * Reconciles the entries a pull stored (counts.entries) and adds what it did to the counts. A
 * failure of the reconciliation is logged and leaves the lines waiting for the next reconciliation
 * (on demand or the processing list); it never undoes or fails the pull, except a lock conflict in
 * a caller's transaction, which the caller retries whole (mutation-transaction.ts).
 */
async function reconcileRun(ctx: ConnectorContext, connectionID: string, counts: RunCounts): Promise<void> {
  const entries = counts.entries ?? [];
  if (!entries.length) return;
  try {
    const result = await reconcileEntries(ctx.scope, entries);
    counts.linesReconciled += result.lines;
    counts.linesMatched += result.applied;
    ctx.events?.emit('linesReconciled', { entries, ...result });
  } catch (error) {
    // Inside a caller's transaction (a GraphQL mutation) a lock conflict ended that transaction: it runs again whole.
    if (ctx.scope.inTransaction && isLockConflict(error)) throw error;
    ctx.logger?.error({ err: error, connection: connectionID, entries: entries.length }, 'reconciliation after a bank pull failed');
    ctx.events?.emit('linesReconciled', { entries, lines: 0, proposed: 0, applied: 0, conflicts: 0, error });
  }
}

/** A failure as a run records it: the rule of a gateway error, else INTERNAL with its message. */
export function failureOf(error: unknown): { code: string; message: string } {
  if (error instanceof GatewayError) return { code: String(error.extensions.rule ?? error.code), message: error.message };
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}
