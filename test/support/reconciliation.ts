import { randomUUID } from 'node:crypto';
import { DivisionScope } from '../../src/access/division-scope';
import { Database } from '../../src/db/data-source';
import { Account } from '../../src/modules/accounts/account.entity';
import { BankAccount } from '../../src/modules/bank-accounts/bank-account.entity';
import { PaymentBatch } from '../../src/modules/batches/payment-batch.entity';
import { BankEntryLine } from '../../src/modules/financial-accounts/bank-entry-line.entity';
import { StatementLineToStore } from '../../src/modules/financial-accounts/statement.input';
import { Payment } from '../../src/modules/payments/payment.entity';
import { Receivable } from '../../src/modules/receivables/receivable.entity';
import { proposeMatches } from '../../src/modules/reconciliation/engine';
import { MatchProposal, ProposeOptions } from '../../src/modules/reconciliation/engine-types';
import { insertRow } from './payments';
import { belgianIban, ownBankAccount, statement, store } from './statements';

/**
 * Rows for the matching engine's tests, made straight in the database: counterparties with bank
 * accounts, open items copied from a seeded row of the division (so every required column is
 * filled) with the values a test cares about, and bank lines stored through the statement store.
 */

let ibans = 0;
let journals = 0;

/** A fresh account of `division` (customer and supplier) with one bank account of its own. */
export async function counterparty(db: Database, division: number, name: string) {
  const code = `RC${++ibans}`;
  const account = await insertRow(db, Account, { divisionCode: division, code, name, isSupplier: true, isSales: true, country: 'BE' });
  const iban = belgianIban(7_000_000 + ibans);
  const bank = await insertRow(db, BankAccount, { divisionCode: division, accountID: account.id, bankAccount: iban, main: true });
  return { account, bank, iban };
}

/** An open item of `entity` for `accountID`, a copy of a seeded row of the division with `values` over it. */
async function openItem<T extends Receivable | Payment>(
  db: Database,
  entity: new () => T,
  division: number,
  values: Partial<T>,
): Promise<T> {
  const template = await db.dataSource.manager.findOne(entity as new () => Receivable, { where: { divisionCode: division } });
  if (!template) throw new Error(`no seeded ${entity.name} in division ${division}`);
  const row = {
    ...template,
    id: randomUUID(),
    entryID: randomUUID(),
    status: 20,
    currency: 'EUR',
    rateFC: '1.00000000',
    amountDiscountFC: null,
    amountDiscountDC: null,
    discountDueDate: null,
    paymentReference: null,
    cashflowTransactionBatchCode: null,
    yourRef: null,
    invoiceNumber: null,
    endDate: null,
    ...values,
  } as unknown as T & { amountFC: string };
  Object.assign(row, { amountDC: row.amountFC, transactionAmountDC: row.amountFC, transactionAmountFC: row.amountFC });
  if ('amountDiscountFC' in values) Object.assign(row, { amountDiscountDC: values.amountDiscountFC });
  if (entity === (Payment as unknown)) Object.assign(row, { paymentBatchNumber: (values as Partial<Payment>).paymentBatchNumber ?? null });
  await db.dataSource.manager.insert(entity, row as never);
  return row;
}

export const receivable = (db: Database, division: number, values: Partial<Receivable>) => openItem(db, Receivable, division, values);
export const payment = (db: Database, division: number, values: Partial<Payment>) => openItem(db, Payment, division, values);

/** A processed batch of `payments` (Status 40, batch code, sequence numbers), total their AmountFC. */
export async function processedBatch(db: Database, division: number, code: string, payments: Payment[], ownBankID: string) {
  let total = 0n;
  for (const [i, p] of payments.entries()) {
    await db.dataSource.manager.update(
      Payment,
      { id: p.id },
      { status: 40, cashflowTransactionBatchCode: code, paymentBatchNumber: i + 1 },
    );
    total += BigInt(p.amountFC.replace('.', ''));
  }
  const totalText = `${total / 100n}.${String(total % 100n).padStart(2, '0')}`;
  return insertRow(db, PaymentBatch, {
    divisionCode: division,
    cashflowTransactionBatchCode: code,
    bankAccountID: ownBankID,
    executionDate: new Date('2026-06-01T00:00:00Z'),
    fileFormat: 'pain.001.001.03',
    batchBooking: true,
    documentID: null,
    paymentCount: payments.length,
    totalAmountDC: totalText,
    currency: 'EUR',
  });
}

/** Stores one statement of `lines` on a fresh own bank account of `division`; returns the lines' IDs in the order given. */
export async function bankLines(
  db: Database,
  division: number,
  lines: (Partial<StatementLineToStore> & { amount: string })[],
): Promise<string[]> {
  const { iban } = await ownBankAccount(db, division, `REC${++journals}`);
  const day = lines[0]?.bookingDate ?? '2026-06-10';
  const stored = await store(db, [division], statement(division, iban, '001', day, '0.00', lines));
  const rows = await db.dataSource.manager.find(BankEntryLine, { where: { entryID: stored.entry.entryID }, order: { lineNumber: 'ASC' } });
  // Lines are numbered in booking order; the tests give one booking date per statement, so the order is the one given.
  return rows.map((r) => r.id);
}

/** proposeMatches for the given divisions. */
export function propose(
  db: Database,
  divisions: number[],
  lineIDs: string[],
  options: ProposeOptions = {},
): Promise<Map<string, MatchProposal[]>> {
  return proposeMatches(new DivisionScope(db, divisions), lineIDs, options);
}

/** The Belgian structured communication of ten digits, by the rule: check digits = the number mod 97 (97 for 0). */
export function ogm(ten: string, checkDigitsDelta = 0): string {
  const check = ((Number(BigInt(ten) % 97n) || 97) + checkDigitsDelta) % 100;
  return ten + String(check).padStart(2, '0');
}

/** `+++ddd/dddd/ddddd+++` of twelve digits, as stored on receivables. */
export const framed = (d: string) => `+++${d.slice(0, 3)}/${d.slice(3, 7)}/${d.slice(7)}+++`;
