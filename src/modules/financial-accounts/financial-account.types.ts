import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../graphql/connection';
import { DateTimeScalar, DecimalScalar, UUIDScalar } from '../../graphql/scalars';
import { BankEntryLine } from './bank-entry-line.entity';
import { CashEntryLine } from './cash-entry-line.entity';
import { JournalType } from './entry-codes';

registerEnumType(JournalType, {
  name: 'FinancialAccountType',
  description: 'Kind of financial account, by the type of its journal: 12 Bank (an own bank account), 10 Cash (a cash book).',
});

/**
 * A financial account ("rekening" in onFact): an own bank account with its bank journal, or a cash
 * book (a cash journal), with its balance and transactions. The balance fields and the
 * transactions are resolved by FinancialAccountResolver when selected.
 */
@ObjectType({
  description:
    'A financial account: an own bank account (its bank journal, type 12) or a cash book (a cash journal, type 10), with its ' +
    'current balance, its transactions in order with the balance after each, and its balance on any day.',
})
export class FinancialAccount {
  @Field(() => UUIDScalar, { description: "ID of the account's journal." })
  declare id: string;

  @Field(() => Int, { description: 'Division of the account.' })
  declare divisionCode: number;

  @Field(() => JournalType, { description: 'BANK or CASH.' })
  declare type: JournalType;

  @Field(() => String, { description: 'Code of the journal (BankEntries.JournalCode, CashEntries.JournalCode).' })
  declare journalCode: string;

  @Field(() => String, { description: 'Description of the journal.' })
  declare description: string;

  @Field(() => UUIDScalar, { nullable: true, description: 'The own bank account of a bank journal.' })
  declare bankAccountID: string | null;

  @Field(() => String, { nullable: true, description: 'IBAN (or other number) of the own bank account.' })
  declare bankAccountNumber: string | null;

  @Field(() => String, { description: "Currency of the account: its bank account's, else its journal's, else its division's." })
  declare currency: string;
}

/** One transaction of a financial account (a bank or cash entry line) with the balance after it. */
@ObjectType({
  description:
    "A transaction of a financial account: a line of a bank or cash entry, in the account's order (entry date, entry number, " +
    'line number), with the balance of the account after it.',
})
export class FinancialTransaction {
  @Field(() => UUIDScalar, { description: 'ID of the line (BankEntryLines.ID or CashEntryLines.ID).' })
  declare id: string;

  @Field(() => Int)
  declare divisionCode: number;

  @Field(() => UUIDScalar, { description: 'The entry (statement or cash entry) of the line.' })
  declare entryID: string;

  @Field(() => Int, { description: 'Number of the entry within its journal.' })
  declare entryNumber: number;

  @Field(() => Int, { description: 'Number of the line within its entry (booking-date order).' })
  declare lineNumber: number;

  @Field(() => DateTimeScalar, { description: "Date of the entry: the statement's date, or the cash entry's." })
  declare entryDate: Date;

  @Field(() => DateTimeScalar, { description: 'Booking date of the line.' })
  declare date: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Value date (bank lines).' })
  declare valueDate: Date | null;

  @Field(() => DecimalScalar, { description: "Amount in the account's currency: positive money in, negative money out (AmountFC)." })
  declare amount: string;

  @Field(() => String, { description: 'Currency of the amount and the balance.' })
  declare currency: string;

  @Field(() => DecimalScalar, {
    description:
      'Balance of the account after this transaction (BalanceAfterFC): exact, and the closing balance of its entry after its last line.',
  })
  declare balanceAfter: string;

  @Field(() => String, { nullable: true })
  declare description: string | null;

  @Field(() => String, { nullable: true, description: 'Name of the other party (bank lines).' })
  declare counterpartyName: string | null;

  @Field(() => String, { nullable: true, description: 'IBAN or other account number of the other party (bank lines).' })
  declare counterpartyBankAccount: string | null;

  @Field(() => String, { nullable: true, description: 'Structured remittance information (bank lines).' })
  declare paymentReference: string | null;

  @Field(() => String, { nullable: true, description: 'Unstructured remittance information (bank lines).' })
  declare remittanceInformation: string | null;

  @Field(() => String, { nullable: true, description: 'SEPA end-to-end ID (bank lines).' })
  declare endToEndID: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: 'The customer or supplier, once known.' })
  declare accountID: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: 'The G/L account the line books against, once known.' })
  declare glAccountID: string | null;

  @Field(() => BankEntryLine, {
    nullable: true,
    description: 'The bank entry line itself, with every column and relation (bank accounts).',
  })
  declare bankEntryLine: BankEntryLine | null;

  @Field(() => CashEntryLine, { nullable: true, description: 'The cash entry line itself, with every column and relation (cash books).' })
  declare cashEntryLine: CashEntryLine | null;

  /** The transaction of a stored line. */
  static of(line: BankEntryLine | CashEntryLine): FinancialTransaction {
    const bank = line instanceof BankEntryLine ? line : null;
    return Object.assign(new FinancialTransaction(), {
      id: line.id,
      divisionCode: line.divisionCode,
      entryID: line.entryID,
      entryNumber: line.entryNumber,
      lineNumber: line.lineNumber,
      entryDate: line.entryDate,
      date: line.date,
      valueDate: bank?.valueDate ?? null,
      amount: line.amountFC,
      currency: line.currency,
      balanceAfter: line.balanceAfterFC,
      description: line.description,
      counterpartyName: bank?.counterpartyName ?? null,
      counterpartyBankAccount: bank?.counterpartyBankAccount ?? null,
      paymentReference: bank?.paymentReference ?? null,
      remittanceInformation: bank?.remittanceInformation ?? null,
      endToEndID: bank?.endToEndID ?? null,
      accountID: line.accountID,
      glAccountID: line.glAccountID,
      bankEntryLine: bank,
      cashEntryLine: bank ? null : (line as CashEntryLine),
    });
  }
}

/** A keyset page of transactions (no offset: a deep page costs what the first costs). */
export const FinancialTransactionConnection = Connection(FinancialTransaction, 'FinancialTransaction');
