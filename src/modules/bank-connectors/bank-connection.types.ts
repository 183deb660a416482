import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar, DecimalScalar, UUIDScalar } from '../../graphql/scalars';

/**
 * What admins see of the bank connectors (bankConnections, bankConnectionRuns): connections, their
 * accounts with the balance the bank reported and the pending transactions, and runs. Never a
 * secret: tokens, credentials and the PKCE verifier stay sealed in the database.
 */
@ObjectType({ description: 'A transaction the bank shows as pending: not in any statement yet; replaced when booked.' })
export class BankPendingTransactionView {
  @Field(() => String, { description: "The connector's id of the transaction (Ponto's)." })
  declare remoteID: string;

  @Field(() => String, { description: 'Execution day, YYYY-MM-DD.' })
  declare executionDate: string;

  @Field(() => DecimalScalar, { description: 'Signed amount: positive money in.' })
  declare amount: string;

  @Field(() => String, { nullable: true })
  declare description: string | null;

  @Field(() => String, { nullable: true })
  declare counterpartyName: string | null;
}

@ObjectType({ description: 'A remote account (Ponto) or feed (CodaBox) of a connection and the own bank account it is mapped to.' })
export class BankConnectionAccountView {
  @Field(() => String, { description: "The connector's id: Ponto's account id, CodaBox's feed id." })
  declare remoteID: string;

  @Field(() => String, { nullable: true, description: 'IBAN (electronic form) of the account, as the connector gave it.' })
  declare reference: string | null;

  @Field(() => String, { nullable: true })
  declare currency: string | null;

  @Field(() => UUIDScalar, {
    nullable: true,
    description: 'The own bank account (BankAccounts.ID) it is mapped to; null: not mapped, not imported.',
  })
  declare bankAccountID: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'The current balance the bank reported at the last pull.' })
  declare currentBalance: string | null;

  @Field(() => String, { nullable: true, description: 'Reference day of that balance, YYYY-MM-DD.' })
  declare balanceDate: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  declare synchronizedAt: Date | null;

  @Field(() => [BankPendingTransactionView])
  declare pendingTransactions: BankPendingTransactionView[];
}

@ObjectType({ description: 'One run of a bank connection (connect, pull, push) and what it did.' })
export class BankConnectionRunView {
  @Field(() => UUIDScalar)
  declare id: string;

  @Field(() => UUIDScalar)
  declare connectionID: string;

  @Field(() => Int)
  declare divisionCode: number;

  @Field(() => String, { description: 'CONNECT, PULL or PUSH.' })
  declare kind: string;

  @Field(() => String, { description: 'RUNNING, SUCCEEDED or FAILED.' })
  declare status: string;

  @Field(() => DateTimeScalar)
  declare started: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  declare finished: Date | null;

  @Field(() => Int, { description: 'Files downloaded and imported (CodaBox).' })
  declare files: number;

  @Field(() => Int, { description: 'New booked transactions.' })
  declare transactions: number;

  @Field(() => Int)
  declare statementsCreated: number;

  @Field(() => Int)
  declare statementsAlreadyImported: number;

  @Field(() => Int)
  declare pendingTransactions: number;

  @Field(() => String, {
    nullable: true,
    description: 'Why it failed: CONSENT_EXPIRED, CERTIFICATE_REFUSED, ACCOUNT_NOT_MAPPED, SYNC_FAILED, RATE_LIMITED, ...',
  })
  declare errorCode: string | null;

  @Field(() => String, { nullable: true, description: 'What to do about it, in a sentence.' })
  declare message: string | null;
}

@ObjectType({ description: 'A connection of a division to Ponto Connect or CodaBox.' })
export class BankConnectionView {
  @Field(() => UUIDScalar)
  declare id: string;

  @Field(() => Int)
  declare divisionCode: number;

  @Field(() => String, { description: 'ponto or codabox.' })
  declare provider: string;

  @Field(() => String, { description: 'PENDING_CONSENT, ACTIVE, CONSENT_EXPIRED or DISABLED.' })
  declare status: string;

  @Field(() => String, { nullable: true })
  declare description: string | null;

  @Field(() => DateTimeScalar)
  declare created: Date;

  @Field(() => [BankConnectionAccountView])
  declare accounts: BankConnectionAccountView[];

  @Field(() => BankConnectionRunView, { nullable: true, description: 'The latest run.' })
  declare lastRun: BankConnectionRunView | null;
}
