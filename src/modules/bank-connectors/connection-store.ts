import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { DivisionScope } from '../../access/division-scope';
import { SecretBox } from '../../platform/secret-box';
import { BankConnectorRule, connectorError } from './bank-connector.errors';
import {
  BankConnection,
  BankConnectionAccount,
  BankConnectionRun,
  BankConnectionStatus,
  BankProvider,
  BankRunKind,
} from './bank-connection.entity';

/** What a run counted, as it goes. */
export type RunCounts = Pick<
  BankConnectionRun,
  'files' | 'transactions' | 'statementsCreated' | 'statementsAlreadyImported' | 'pendingTransactions' | 'linesReconciled' | 'linesMatched'
> & {
  /** Bank entries the run created (not stored on the run): what it reconciles once the pull is done. */
  entries?: { divisionCode: number; entryID: string }[];
};

export const NO_COUNTS: RunCounts = {
  files: 0,
  transactions: 0,
  statementsCreated: 0,
  statementsAlreadyImported: 0,
  pendingTransactions: 0,
  linesReconciled: 0,
  linesMatched: 0,
};

/**
 * The connections, their accounts and runs, read and written through the caller's division scope
 * (internal tables: every query names the scope's divisions itself). Secrets are sealed with the
 * SecretBox for purpose `bank-connection:<id>`, so a sealed value copied to another connection
 * does not open; they leave this class only as the typed object the connector client needs.
 */
export class BankConnectionStore {
  constructor(
    readonly scope: DivisionScope,
    private readonly secrets: SecretBox | null,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A new connection of `division` (FORBIDDEN when the division is not the caller's). */
  async create(
    division: number,
    provider: BankProvider,
    description: string | null,
    settings: object,
    secrets: object,
    status: BankConnectionStatus = 'ACTIVE',
  ): Promise<BankConnection> {
    this.scope.assertWritable(division);
    const at = this.now();
    const id = randomUUID();
    const connection = Object.assign(new BankConnection(), {
      id,
      divisionCode: division,
      provider,
      status,
      description,
      settings: JSON.stringify(settings),
      sealedSecrets: this.seal(id, secrets),
      created: at,
      modified: at,
    });
    await this.scope.internal.insert(BankConnection, connection);
    return connection;
  }

  /** The connection `id` of one of the caller's divisions, or NOT_FOUND naming `field`. */
  async get(id: string, field = 'connection'): Promise<BankConnection> {
    const [found] = await this.scope.internal.list(BankConnection, { id, divisionCode: In([...this.scope.divisions]) });
    if (!found) throw connectorError(BankConnectorRule.NOT_FOUND, field, `no bank connection ${id} in your divisions`);
    return found;
  }

  /** The caller's connections, oldest first, optionally of one provider. */
  list(provider?: BankProvider): Promise<BankConnection[]> {
    return this.scope.internal.list(
      BankConnection,
      { divisionCode: In([...this.scope.divisions]), ...(provider ? { provider } : {}) },
      { created: 'ASC', id: 'ASC' },
    );
  }

  settingsOf<T>(connection: BankConnection): T {
    return JSON.parse(connection.settings) as T;
  }

  async saveSettings(connection: BankConnection, settings: object): Promise<void> {
    connection.settings = JSON.stringify(settings);
    await this.scope.internal.update(BankConnection, { id: connection.id }, { settings: connection.settings, modified: this.now() });
  }

  /** The opened secrets of a connection (NOT_CONFIGURED without SECRETS_KEY; SecretBoxError when they do not open). */
  secretsOf<T>(connection: BankConnection): T {
    if (!connection.sealedSecrets) return {} as T;
    return JSON.parse(this.box().open(connection.sealedSecrets, purposeOf(connection.id))) as T;
  }

  async saveSecrets(connection: BankConnection, secrets: object): Promise<void> {
    connection.sealedSecrets = this.seal(connection.id, secrets);
    await this.scope.internal.update(
      BankConnection,
      { id: connection.id },
      { sealedSecrets: connection.sealedSecrets, modified: this.now() },
    );
  }

  async setStatus(connection: BankConnection, status: BankConnectionStatus): Promise<void> {
    connection.status = status;
    await this.scope.internal.update(BankConnection, { id: connection.id }, { status, modified: this.now() });
  }

  accounts(connection: BankConnection): Promise<BankConnectionAccount[]> {
    return this.scope.internal.list(
      BankConnectionAccount,
      { connectionID: connection.id, divisionCode: connection.divisionCode },
      { remoteID: 'ASC' },
    );
  }

  /** The account `remoteID` of the connection, made when new; `patch` is written on it either way. */
  async upsertAccount(connection: BankConnection, remoteID: string, patch: Partial<BankConnectionAccount>): Promise<BankConnectionAccount> {
    const where = { connectionID: connection.id, divisionCode: connection.divisionCode, remoteID };
    const [found] = await this.scope.internal.list(BankConnectionAccount, where);
    if (found) {
      if (Object.keys(patch).length) await this.scope.internal.update(BankConnectionAccount, { id: found.id }, patch);
      return Object.assign(found, patch);
    }
    const account = Object.assign(new BankConnectionAccount(), {
      id: randomUUID(),
      ...where,
      reference: null,
      currency: null,
      bankAccountID: null,
      cursor: null,
      currentBalance: null,
      balanceDate: null,
      synchronizedAt: null,
      ...patch,
    });
    await this.scope.internal.insert(BankConnectionAccount, account);
    return account;
  }

  async updateAccount(account: BankConnectionAccount, patch: Partial<BankConnectionAccount>): Promise<void> {
    await this.scope.internal.update(BankConnectionAccount, { id: account.id }, patch);
    Object.assign(account, patch);
  }

  /** A new RUNNING run of the connection, recording who started it and, for a push, the batch. */
  async startRun(
    connection: BankConnection,
    kind: BankRunKind,
    startedBy: string | null = null,
    batchID: string | null = null,
  ): Promise<BankConnectionRun> {
    const run = Object.assign(new BankConnectionRun(), {
      id: randomUUID(),
      connectionID: connection.id,
      divisionCode: connection.divisionCode,
      kind,
      status: 'RUNNING' as const,
      started: this.now(),
      finished: null,
      ...NO_COUNTS,
      errorCode: null,
      message: null,
      startedBy: startedBy?.slice(0, 100) ?? null,
      batchID,
    });
    await this.scope.internal.insert(BankConnectionRun, run);
    return run;
  }

  async finishRun(run: BankConnectionRun, counts: RunCounts, error: { code: string; message: string } | null): Promise<BankConnectionRun> {
    const { entries: _entries, ...columns } = counts;
    const patch = {
      ...columns,
      status: error ? ('FAILED' as const) : ('SUCCEEDED' as const),
      finished: this.now(),
      errorCode: error?.code.slice(0, 60) ?? null,
      message: error?.message.slice(0, 1000) ?? null,
    };
    await this.scope.internal.update(BankConnectionRun, { id: run.id }, patch);
    return Object.assign(run, patch);
  }

  /** Runs of the caller's connections (of one connection when given, of one kind when given), newest first. */
  runs(connectionID: string | null, limit: number, kind?: BankRunKind): Promise<BankConnectionRun[]> {
    return this.scope.internal.list(
      BankConnectionRun,
      { divisionCode: In([...this.scope.divisions]), ...(connectionID ? { connectionID } : {}), ...(kind ? { kind } : {}) },
      { started: 'DESC', id: 'DESC' },
      limit,
    );
  }

  private seal(id: string, secrets: object): string {
    return this.box().seal(JSON.stringify(secrets), purposeOf(id));
  }

  private box(): SecretBox {
    if (!this.secrets) {
      throw connectorError(
        BankConnectorRule.NOT_CONFIGURED,
        null,
        'SECRETS_KEY is not set: connector secrets are only stored sealed (openssl rand -hex 32)',
      );
    }
    return this.secrets;
  }
}

const purposeOf = (connectionID: string) => `bank-connection:${connectionID}`;
