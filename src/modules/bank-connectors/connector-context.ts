import { DivisionScope } from '../../access/division-scope';
import { Principal } from '../../access/principal';
import type { GatewayEvents } from '../../platform/events';
import type { Logger } from '../../platform/logger';
import { BankAccount } from '../bank-accounts/bank-account.entity';
import { accountKey } from '../financial-accounts/statement.input';
import { BankConnectorConfig } from './connector-config';
import { BankConnectionStore } from './connection-store';

/** Test seams, empty in production: a test throws from one to stand for a crash at that point. */
export interface BankConnectorHooks {
  /** After a CodaBox file was imported (committed) and before its feed offset is confirmed. */
  afterCodaboxImport?: (feedIndex: string) => void | Promise<void>;
  /** After Ponto's booked transactions were staged and before their statement is stored. */
  afterPontoStaged?: (accountID: string) => void | Promise<void>;
}

/** Where a connector run stands, for progress bars and logs (never a secret). */
export interface BankProgress {
  connectionID: string;
  /** What is being done: `feed 12`, `account BE68...`, `synchronization`, ... */
  step: string;
  /** Files (CodaBox) or transactions (Ponto) handled so far in this step. */
  done: number;
  message: string;
}

/**
 * What a connector needs to run: the caller's division scope (also for leases: DivisionScope.withLease) and
 * principal (the statements are stored as that principal, in its divisions only), the connector
 * settings, the gateway's events and logger, hooks and a progress callback.
 */
export interface ConnectorContext {
  scope: DivisionScope;
  principal: Principal;
  config: BankConnectorConfig;
  events?: GatewayEvents;
  logger?: Logger;
  hooks?: BankConnectorHooks;
  onProgress?: (progress: BankProgress) => void;
  now?: () => Date;
  /** Who a run is recorded as started by (`schedule`, `webhook`); the principal's name when not given. */
  startedBy?: string;
  /**
   * What the run changed at the bank's side that a rollback cannot undo (tokens rotated, a feed
   * offset confirmed, a payment created): a GraphQL mutation rolls back a failed run only when
   * this stayed empty, else it keeps what was recorded (bank-connector-actions.ts).
   */
  effects?: string[];
}

/** The connection store of a context's scope. */
export function storeOf(ctx: ConnectorContext, scope: DivisionScope = ctx.scope): BankConnectionStore {
  return new BankConnectionStore(scope, ctx.config.secrets, ctx.now);
}

/** The division's own bank accounts (BankAccounts without a relation) by account key (IBAN in electronic form). */
export async function ownBankAccounts(scope: DivisionScope, division: number): Promise<Map<string, BankAccount>> {
  const rows = await scope.select(BankAccount, 'b').where('b.divisionCode = :division AND b.accountID IS NULL', { division }).getMany();
  return new Map(rows.map((b) => [accountKey(b.bankAccount), b]));
}
