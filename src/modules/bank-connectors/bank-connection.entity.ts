import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The bank connectors: Ponto Connect (Ibanity) and CodaBox. */
export type BankProvider = 'ponto' | 'codabox';

/**
 * Where a connection stands: `PENDING_CONSENT` waits for the user's consent (Ponto's authorization
 * code); `ACTIVE` pulls on schedule; `CONSENT_EXPIRED` needs the user to
 * connect again (Ponto refused the refresh token, CodaBox the credentials); `DISABLED` is kept
 * for its history only.
 */
export type BankConnectionStatus = 'PENDING_CONSENT' | 'ACTIVE' | 'CONSENT_EXPIRED' | 'DISABLED';

/**
 * One connection of a division to a bank connector (migration 1764900000000). Not in the
 * catalog: never served by the SQL layer, lists or exports. `settings` is JSON without secrets;
 * `sealedSecrets` is JSON sealed with the SecretBox (SECRETS_KEY) for purpose
 * `bank-connection:<id>` and is never returned, logged or exported.
 */
@Entity('BankConnections')
@Index('IX_BankConnections_Division', ['divisionCode', 'provider'])
export class BankConnection {
  @PrimaryColumn({ name: 'ID', type: 'varchar', length: 36 })
  declare id: string;

  @Column({ name: 'Division', type: 'int' })
  declare divisionCode: number;

  @Column({ name: 'Provider', type: 'varchar', length: 20 })
  declare provider: BankProvider;

  @Column({ name: 'Status', type: 'varchar', length: 30 })
  declare status: BankConnectionStatus;

  @Column({ name: 'Description', type: 'varchar', length: 100, nullable: true })
  declare description: string | null;

  /** JSON of the provider's non-secret settings (see ponto-connection.ts, codabox-connection.ts). */
  @Column({ name: 'Settings', type: 'text' })
  declare settings: string;

  @Column({ name: 'SealedSecrets', type: 'text', nullable: true })
  declare sealedSecrets: string | null;

  @Column({ name: 'Created', type: 'datetime' })
  declare created: Date;

  @Column({ name: 'Modified', type: 'datetime' })
  declare modified: Date;
}

/**
 * A remote account (Ponto) or feed (CodaBox) of a connection, mapped to an own bank account of
 * the division by IBAN (`bankAccountID` null: not mapped, its transactions are not imported).
 * `cursor` is where the next pull starts: Ponto's newest transaction id seen, CodaBox's last
 * confirmed feed index. `currentBalance` is the balance the bank reported last (exact decimal text).
 */
@Entity('BankConnectionAccounts')
@Index('IX_BankConnectionAccounts_Remote', ['divisionCode', 'connectionID', 'remoteID'], { unique: true })
export class BankConnectionAccount {
  @PrimaryColumn({ name: 'ID', type: 'varchar', length: 36 })
  declare id: string;

  @Column({ name: 'ConnectionID', type: 'varchar', length: 36 })
  declare connectionID: string;

  @Column({ name: 'Division', type: 'int' })
  declare divisionCode: number;

  @Column({ name: 'RemoteID', type: 'varchar', length: 100 })
  declare remoteID: string;

  /** The account's IBAN (electronic form), when known. */
  @Column({ name: 'Reference', type: 'varchar', length: 50, nullable: true })
  declare reference: string | null;

  @Column({ name: 'Currency', type: 'varchar', length: 3, nullable: true })
  declare currency: string | null;

  @Column({ name: 'BankAccountID', type: 'varchar', length: 36, nullable: true })
  declare bankAccountID: string | null;

  @Column({ name: 'Cursor', type: 'varchar', length: 200, nullable: true })
  declare cursor: string | null;

  @Column({ name: 'CurrentBalance', type: 'varchar', length: 40, nullable: true })
  declare currentBalance: string | null;

  /** `YYYY-MM-DD` of the reported balance. */
  @Column({ name: 'BalanceDate', type: 'varchar', length: 10, nullable: true })
  declare balanceDate: string | null;

  @Column({ name: 'SynchronizedAt', type: 'datetime', nullable: true })
  declare synchronizedAt: Date | null;
}

/** What a run did. */
export type BankRunKind = 'CONNECT' | 'PULL' | 'PUSH';
export type BankRunStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED';

/** One run of a connection (connect, pull, push) with its counts and, when it failed, why (stable code). */
@Entity('BankConnectionRuns')
@Index('IX_BankConnectionRuns_Connection', ['divisionCode', 'connectionID', 'started'])
export class BankConnectionRun {
  @PrimaryColumn({ name: 'ID', type: 'varchar', length: 36 })
  declare id: string;

  @Column({ name: 'ConnectionID', type: 'varchar', length: 36 })
  declare connectionID: string;

  @Column({ name: 'Division', type: 'int' })
  declare divisionCode: number;

  @Column({ name: 'Kind', type: 'varchar', length: 20 })
  declare kind: BankRunKind;

  @Column({ name: 'Status', type: 'varchar', length: 20 })
  declare status: BankRunStatus;

  @Column({ name: 'Started', type: 'datetime' })
  declare started: Date;

  @Column({ name: 'Finished', type: 'datetime', nullable: true })
  declare finished: Date | null;

  /** Files downloaded (CodaBox). */
  @Column({ name: 'Files', type: 'int' })
  declare files: number;

  /** Booked transactions received (Ponto) or in the files imported (CodaBox). */
  @Column({ name: 'Transactions', type: 'int' })
  declare transactions: number;

  @Column({ name: 'StatementsCreated', type: 'int' })
  declare statementsCreated: number;

  @Column({ name: 'StatementsAlreadyImported', type: 'int' })
  declare statementsAlreadyImported: number;

  @Column({ name: 'PendingTransactions', type: 'int' })
  declare pendingTransactions: number;

  @Column({ name: 'ErrorCode', type: 'varchar', length: 60, nullable: true })
  declare errorCode: string | null;

  @Column({ name: 'Message', type: 'varchar', length: 1000, nullable: true })
  declare message: string | null;

  /** Who started it: the user or API key's name (principal), `schedule` or `webhook` (migration 1765020000000). */
  @Column({ name: 'StartedBy', type: 'varchar', length: 100, nullable: true })
  declare startedBy: string | null;

  /** The payment batch a PUSH sent. */
  @Column({ name: 'BatchID', type: 'varchar', length: 36, nullable: true })
  declare batchID: string | null;

  /** Bank entry lines of the statements a pull stored that reconciliation looked at, and those it matched automatically. */
  @Column({ name: 'LinesReconciled', type: 'int', default: 0 })
  declare linesReconciled: number;

  @Column({ name: 'LinesMatched', type: 'int', default: 0 })
  declare linesMatched: number;
}

/** How a batch went to Ponto: one bulk payment, or one single payment per transfer. */
export type BankPaymentOrderKind = 'BULK' | 'SINGLE';

/**
 * A payment resource created at Ponto by a push (migration 1765020000000): a bulk payment (all of a
 * batch's transfers) or a single payment (one transfer, `endToEndID` set), with Ponto's id, the link
 * where the user signs, and the status followed until it is final (`finished` set): accepted,
 * rejected, cancelled or failed at the bank. `amount` is exact decimal text (the sum for a bulk payment).
 */
@Entity('BankPaymentOrders')
@Index('IX_BankPaymentOrders_Batch', ['divisionCode', 'batchID'])
@Index('IX_BankPaymentOrders_Open', ['divisionCode', 'finished'])
export class BankPaymentOrder {
  @PrimaryColumn({ name: 'ID', type: 'varchar', length: 36 })
  declare id: string;

  @Column({ name: 'Division', type: 'int' })
  declare divisionCode: number;

  @Column({ name: 'ConnectionID', type: 'varchar', length: 36 })
  declare connectionID: string;

  @Column({ name: 'RunID', type: 'varchar', length: 36 })
  declare runID: string;

  @Column({ name: 'BatchID', type: 'varchar', length: 36 })
  declare batchID: string;

  @Column({ name: 'RemoteAccountID', type: 'varchar', length: 100 })
  declare remoteAccountID: string;

  @Column({ name: 'RemoteID', type: 'varchar', length: 100 })
  declare remoteID: string;

  @Column({ name: 'Kind', type: 'varchar', length: 10 })
  declare kind: BankPaymentOrderKind;

  @Column({ name: 'EndToEndID', type: 'varchar', length: 35, nullable: true })
  declare endToEndID: string | null;

  @Column({ name: 'Amount', type: 'varchar', length: 40 })
  declare amount: string;

  @Column({ name: 'PaymentCount', type: 'int' })
  declare paymentCount: number;

  /** Ponto's status: unsigned, pending, accepted-by-financial-institution, rejected-by-financial-institution, ... */
  @Column({ name: 'Status', type: 'varchar', length: 60 })
  declare status: string;

  @Column({ name: 'RedirectLink', type: 'varchar', length: 1000, nullable: true })
  declare redirectLink: string | null;

  @Column({ name: 'Created', type: 'datetime' })
  declare created: Date;

  /** When the status was last asked of Ponto. */
  @Column({ name: 'Checked', type: 'datetime', nullable: true })
  declare checked: Date | null;

  /** When the status became final; null while it is followed. */
  @Column({ name: 'Finished', type: 'datetime', nullable: true })
  declare finished: Date | null;
}

/**
 * A Ponto transaction as received, keyed by Ponto's id (never by its digest, which Ponto documents
 * as not unique). Booked ones wait here until the statement holding them is stored (`entryID`
 * set in the same transaction), or until they are found in a stored statement file (`entryID`
 * and `lineID` of that file's line: not stored again); pending ones are replaced on every pull and deleted once booked.
 * `line` is the JSON of the StatementLineToStore it becomes.
 */
@Entity('BankRemoteTransactions')
@Index('IX_BankRemoteTransactions_Remote', ['divisionCode', 'connectionAccountID', 'status', 'remoteID'], { unique: true })
export class BankRemoteTransaction {
  @PrimaryColumn({ name: 'ID', type: 'varchar', length: 36 })
  declare id: string;

  @Column({ name: 'Division', type: 'int' })
  declare divisionCode: number;

  @Column({ name: 'ConnectionAccountID', type: 'varchar', length: 36 })
  declare connectionAccountID: string;

  @Column({ name: 'RemoteID', type: 'varchar', length: 100 })
  declare remoteID: string;

  @Column({ name: 'Status', type: 'varchar', length: 10 })
  declare status: 'BOOKED' | 'PENDING';

  @Column({ name: 'ExecutionDate', type: 'varchar', length: 10 })
  declare executionDate: string;

  @Column({ name: 'Amount', type: 'varchar', length: 40 })
  declare amount: string;

  @Column({ name: 'Line', type: 'text' })
  declare line: string;

  @Column({ name: 'EntryID', type: 'varchar', length: 36, nullable: true })
  declare entryID: string | null;

  /**
   * The stored line of a statement file (CODA, camt.053) this booked transaction was recognised
   * in: it was not stored again (dedup between Ponto and files). Null when Ponto's own statement holds it.
   */
  @Column({ name: 'LineID', type: 'varchar', length: 36, nullable: true })
  declare lineID: string | null;

  @Column({ name: 'Updated', type: 'datetime' })
  declare updated: Date;
}

export const BANK_CONNECTOR_ENTITIES = [BankConnection, BankConnectionAccount, BankConnectionRun, BankRemoteTransaction, BankPaymentOrder];
