import { withLease } from '../../db/lease';
import { GatewayError } from '../../platform/errors';
import { BankConnectorRule, connectorError } from './bank-connector.errors';
import { BankConnection, BankConnectionRun } from './bank-connection.entity';
import { pullCodabox } from './codabox-connector';
import { pullPonto } from './ponto-connector';
import { NO_COUNTS, RunCounts } from './connection-store';
import { ConnectorContext, storeOf } from './connector-context';

/** How long a pull's lease lasts without renewal (renewed every third of it while the pull runs). */
export const PULL_LEASE_MS = 5 * 60_000;

/** The provider's pull, given a context narrowed to the connection's division. */
export type ProviderPull = (ctx: ConnectorContext, connection: BankConnection, counts: RunCounts) => Promise<void>;

const PULLS: Partial<Record<BankConnection['provider'], ProviderPull>> = { codabox: pullCodabox, ponto: pullPonto };

/**
 * Pulls one connection of the caller's divisions (NOT_FOUND otherwise) while holding the lease
 * `bank-pull:<id>`, so that of all gateway instances and command lines exactly one pulls a
 * connection at a time (BUSY when another holds it). The run is recorded with its counts; a failure
 * is recorded with its rule (CONSENT_EXPIRED also marks the connection) and returned, not thrown:
 * what was imported before the failure stays imported, and the next pull goes on from there.
 */
export async function pullConnection(ctx: ConnectorContext, connectionID: string): Promise<BankConnectionRun> {
  const connection = await storeOf(ctx).get(connectionID);
  const scope = ctx.scope.narrow([connection.divisionCode]);
  const inner: ConnectorContext = { ...ctx, scope };
  const store = storeOf(inner);
  const pull = PULLS[connection.provider];
  if (!pull) throw connectorError(BankConnectorRule.NOT_CONFIGURED, null, `no pull for provider ${connection.provider}`);
  const outcome = await withLease(ctx.db, `bank-pull:${connection.id}`, { ttlMs: PULL_LEASE_MS }, async () => {
    const run = await store.startRun(connection, 'PULL');
    const counts: RunCounts = { ...NO_COUNTS };
    try {
      await pull(inner, connection, counts);
      if (connection.status === 'CONSENT_EXPIRED') await store.setStatus(connection, 'ACTIVE');
      const done = await store.finishRun(run, counts, null);
      ctx.logger?.info({ connection: connection.id, run: run.id, ...counts }, 'bank pull finished');
      return done;
    } catch (error) {
      const { code, message } = failureOf(error);
      if (code === BankConnectorRule.CONSENT_EXPIRED) await store.setStatus(connection, 'CONSENT_EXPIRED');
      ctx.logger?.warn({ connection: connection.id, run: run.id, errorCode: code, ...counts }, `bank pull failed: ${message}`);
      return store.finishRun(run, counts, { code, message });
    }
  });
  if (!outcome.ran)
    throw connectorError(BankConnectorRule.BUSY, null, `connection ${connection.id} is being pulled by another process right now`);
  return outcome.value;
}

/** A failure as a run records it: the rule of a gateway error, else INTERNAL with its message. */
export function failureOf(error: unknown): { code: string; message: string } {
  if (error instanceof GatewayError) return { code: String(error.extensions.rule ?? error.code), message: error.message };
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}
