import { randomUUID } from 'node:crypto';
import { Database } from '../../src/db/data-source';
import { Account } from '../../src/modules/accounts/account.entity';
import { BankAccount } from '../../src/modules/bank-accounts/bank-account.entity';
import { GLAccount } from '../../src/modules/gl-accounts/gl-account.entity';
import { Journal } from '../../src/modules/journals/journal.entity';
import { Payment } from '../../src/modules/payments/payment.entity';
import { Division } from '../../src/modules/divisions/division.entity';

/** Rows of one seeded division that a valid new payment points at (tests read them directly). */
export interface DivisionFixture {
  division: number;
  otherDivision: number;
  supplier: Account;
  supplierBank: BankAccount;
  otherSupplier: Account;
  otherSupplierBank: BankAccount;
  ownBank: BankAccount;
  payables: GLAccount;
  bankGl: GLAccount;
  journal: Journal;
}

export async function divisionFixture(db: Database): Promise<DivisionFixture> {
  const m = db.dataSource.manager;
  const divisions = await m.find(Division, { order: { code: 'ASC' } });
  const division = divisions[0].code;
  const suppliers = await m.find(Account, { where: { divisionCode: division, isSupplier: true }, order: { code: 'ASC' } });
  const banks = await m.find(BankAccount, { where: { divisionCode: division } });
  const supplierBank = (a: Account) => banks.find((b) => b.accountID === a.id)!;
  return {
    division,
    otherDivision: divisions[1].code,
    supplier: suppliers[0],
    supplierBank: supplierBank(suppliers[0]),
    otherSupplier: suppliers[1],
    otherSupplierBank: supplierBank(suppliers[1]),
    ownBank: banks.find((b) => b.accountID === null && b.main)!,
    payables: (await m.findOneBy(GLAccount, { divisionCode: division, type: 22 }))!,
    bankGl: (await m.findOneBy(GLAccount, { divisionCode: division, type: 12 }))!,
    journal: (await m.findOneBy(Journal, { divisionCode: division, code: '70' }))!,
  };
}

/** A valid create input of the fixture's division (EUR, 100.00). */
export function validPaymentInput(f: DivisionFixture, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    divisionCode: f.division,
    accountID: f.supplier.id,
    accountBankAccountID: f.supplierBank.id,
    bankAccountID: f.ownBank.id,
    glAccountID: f.payables.id,
    journalCode: f.journal.code,
    currency: 'EUR',
    amountFC: '100.00',
    rateFC: '1',
    amountDC: '100.00',
    invoiceDate: '2026-06-01T00:00:00Z',
    dueDate: '2026-07-01T00:00:00Z',
    description: 'Test invoice',
    ...overrides,
  };
}

/** A fingerprint of every payment (id, version, status): equal before and after means nothing changed. */
export async function paymentsFingerprint(db: Database): Promise<string> {
  const rows = await db.dataSource.manager.find(Payment, {
    select: { id: true, version: true, status: true, amountDC: true },
    order: { id: 'ASC' },
  });
  return JSON.stringify(rows.map((r) => [r.id, r.version, r.status, r.amountDC]));
}

export async function paymentById(db: Database, id: string): Promise<Payment | null> {
  return db.dataSource.manager.findOneBy(Payment, { id });
}

/** Inserts an extra row of a catalog entity straight into the database (test setup only). */
export async function insertRow<T extends object>(db: Database, entity: new () => T, values: Partial<T>): Promise<T> {
  const row = Object.assign(new entity(), { id: randomUUID(), created: new Date(), modified: new Date(), ...values });
  await db.dataSource.manager.insert(entity, row as never);
  return row;
}

/**
 * Midnight UTC of the day `days` from today (the gateway's clock is the system clock): execution
 * dates must not lie in the past, so tests that process payments name days relative to today.
 */
export function daysFromToday(days: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days)).toISOString();
}
