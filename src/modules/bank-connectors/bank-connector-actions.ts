import { GatewayError } from '../../platform/errors';
import { BankConnectorRule, connectorError } from './bank-connector.errors';
import { BankConnectionRun } from './bank-connection.entity';
import { PullOptions, pullWithOutcome } from './bank-sync';
import { checkPontoCertificate } from './connector-config';
import { ConnectorContext, storeOf } from './connector-context';
import { pushBatchToPonto, PushOutcome, PushRequest } from './ponto-push';

/**
 * The admins' connector operations as GraphQL mutations answer them (bank-connector-actions.resolver.ts).
 * A mutation runs in one transaction that rolls back when its answer has an error, so:
 *
 * - everything decidable before calling the bank is checked first, each failure naming its field
 *   (NOT_FOUND, CONSENT_EXPIRED, CERTIFICATE_REFUSED, ACCOUNT_NOT_MAPPED, BATCH_NOT_PROCESSED,
 *   ALREADY_SENT, ...), and nothing is written;
 * - a failure at the bank's side is answered as an error with its rule, naming `connectionID`, and
 *   the run and all it did roll back, as long as nothing happened there that a rollback cannot undo;
 * - when something did (Ponto rotated the tokens, CodaBox's feed offset was confirmed, Ponto made a
 *   payment), the failed run is kept and answered (status FAILED, errorCode, message) instead of an
 *   error, so that the new tokens, the imported files and the payments made are never forgotten.
 */

/** Checks a pull before it starts: the connection, its consent, the account asked for, Ponto's certificate. */
export async function checkPull(ctx: ConnectorContext, connectionID: string, options: PullOptions): Promise<void> {
  const store = storeOf(ctx);
  const connection = await store.get(connectionID, 'connectionID');
  if (connection.status === 'PENDING_CONSENT' || connection.status === 'CONSENT_EXPIRED') {
    throw connectorError(
      BankConnectorRule.CONSENT_EXPIRED,
      'connectionID',
      `the connection is ${connection.status}: connect again (npm run banks -- connect ${connection.provider}) before pulling`,
    );
  }
  if (connection.status === 'DISABLED') throw connectorError(BankConnectorRule.INVALID_VALUE, 'connectionID', 'the connection is disabled');
  if (options.bankAccountID) {
    if (connection.provider !== 'ponto') {
      throw connectorError(BankConnectorRule.INVALID_VALUE, 'bankAccountID', 'CodaBox delivers whole feeds: pull the connection');
    }
    const mapped = (await store.accounts(connection)).some((a) => a.bankAccountID === options.bankAccountID);
    if (!mapped) {
      throw connectorError(
        BankConnectorRule.ACCOUNT_NOT_MAPPED,
        'bankAccountID',
        `no account of this connection is mapped to bank account ${options.bankAccountID}`,
      );
    }
  }
  if (connection.provider === 'ponto') checkPontoCertificate(ctx.config, (ctx.now ?? (() => new Date()))().getTime());
}

/** Pulls a connection (or one of its accounts) now: checkPull, then the pull; its run, or the error as described above. */
export async function pullNow(ctx: ConnectorContext, connectionID: string, options: PullOptions = {}): Promise<BankConnectionRun> {
  await checkPull(ctx, connectionID, options);
  const effects: string[] = [];
  const { run, error } = await pullWithOutcome({ ...ctx, effects }, connectionID, options);
  if (run.status === 'FAILED' && !effects.length) throw answerable(error);
  return run;
}

/** Sends a processed payment batch through Ponto now: its run and payments, or the error as described above. */
export async function pushNow(ctx: ConnectorContext, request: PushRequest): Promise<PushOutcome> {
  const effects: string[] = [];
  const outcome = await pushBatchToPonto({ ...ctx, effects }, request);
  if (outcome.run.status === 'FAILED' && !effects.length) throw answerable(outcome.error);
  return outcome;
}

/**
 * A run's failure as an answer's error: a connector rule without a field names `connectionID` (the
 * connection whose consent, certificate or service failed); any other error passes as it is.
 */
function answerable(error: unknown): Error {
  if (error instanceof GatewayError && !error.extensions.field && String(error.extensions.rule ?? '') in BankConnectorRule) {
    return connectorError(error.extensions.rule as BankConnectorRule, 'connectionID', error.message);
  }
  return error instanceof Error ? error : new Error(String(error));
}
