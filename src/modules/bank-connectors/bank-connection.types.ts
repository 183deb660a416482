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

  @Field(() => String, { nullable: true, description: "Who started it: a user or API key's name, schedule or webhook." })
  declare startedBy: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: 'The payment batch a PUSH sent.' })
  declare batchID: string | null;

  @Field(() => Int, { description: 'Lines of the statements a pull stored that automatic reconciliation looked at.' })
  declare linesReconciled: number;

  @Field(() => Int, { description: 'Of those, the lines it matched (applied) automatically.' })
  declare linesMatched: number;
}

@ObjectType({
  description:
    'A payment made at Ponto for a payment batch: one bulk payment, or one single payment per transfer; its status is followed ' +
    'until the bank accepts or rejects it.',
})
export class BankPaymentOrderView {
  @Field(() => UUIDScalar)
  declare id: string;

  @Field(() => Int)
  declare divisionCode: number;

  @Field(() => UUIDScalar)
  declare connectionID: string;

  @Field(() => UUIDScalar, { description: 'The PUSH run that sent it.' })
  declare runID: string;

  @Field(() => UUIDScalar)
  declare batchID: string;

  @Field(() => String, { description: "Ponto's id of the bulk payment or payment." })
  declare remoteID: string;

  @Field(() => String, { description: 'BULK or SINGLE.' })
  declare kind: string;

  @Field(() => String, { nullable: true, description: 'The end-to-end id of a single payment (as in the pain.001 file).' })
  declare endToEndID: string | null;

  @Field(() => DecimalScalar, { description: 'Its amount: the sum of its transfers.' })
  declare amount: string;

  @Field(() => Int)
  declare paymentCount: number;

  @Field(() => String, {
    description: "Ponto's status: unsigned, pending, accepted-by-financial-institution, rejected-by-financial-institution, ...",
  })
  declare status: string;

  @Field(() => String, { nullable: true, description: 'Where the user signs it (Ponto).' })
  declare redirectLink: string | null;

  @Field(() => DateTimeScalar)
  declare created: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the status was last asked of Ponto.' })
  declare checked: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the status became final; null while it is followed.' })
  declare finished: Date | null;
}

@ObjectType({ description: 'What sending a payment batch through Ponto did: the PUSH run and the payments Ponto made.' })
export class BankPaymentPushView {
  @Field(() => BankConnectionRunView)
  declare run: BankConnectionRunView;

  @Field(() => [BankPaymentOrderView])
  declare payments: BankPaymentOrderView[];
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
