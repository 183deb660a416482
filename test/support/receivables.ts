import { Database } from '../../src/db/data-source';
import { Account } from '../../src/modules/accounts/account.entity';
import { BankAccount } from '../../src/modules/bank-accounts/bank-account.entity';
import { Division } from '../../src/modules/divisions/division.entity';
import { GLAccount } from '../../src/modules/gl-accounts/gl-account.entity';
import { Receivable } from '../../src/modules/receivables/receivable.entity';
import { insertRow } from './payments';

/**
 * Rows of one seeded division that a valid new receivable points at: a Belgian and a Dutch
 * customer made here (so the test does not depend on the seed's draw of countries), their bank
 * accounts, the own bank account, the G/L accounts of type 20 and 22, and a supplier.
 */
export interface ReceivableFixture {
  division: number;
  otherDivision: number;
  belgian: Account;
  belgianBank: BankAccount;
  dutch: Account;
  dutchBank: BankAccount;
  supplier: Account;
  ownBank: BankAccount;
  receivables: GLAccount;
  payables: GLAccount;
}

export async function receivableFixture(db: Database): Promise<ReceivableFixture> {
  const m = db.dataSource.manager;
  const [first, second] = await m.find(Division, { order: { code: 'ASC' } });
  const division = first.code;
  const customer = async (code: string, country: string, iban: string) => {
    const name = `Customer ${code}`;
    const account = await insertRow(db, Account, { divisionCode: division, code, name, isSupplier: false, isSales: true, country });
    const bank = await insertRow(db, BankAccount, { divisionCode: division, accountID: account.id, bankAccount: iban, main: true });
    return [account, bank] as const;
  };
  const [belgian, belgianBank] = await customer('TESTBE', 'BE', 'BE68539007547034');
  const [dutch, dutchBank] = await customer('TESTNL', 'NL', 'NL91ABNA0417164300');
  return {
    division,
    otherDivision: second.code,
    belgian,
    belgianBank,
    dutch,
    dutchBank,
    supplier: (await m.findOneBy(Account, { divisionCode: division, isSupplier: true }))!,
    ownBank: (await m.find(BankAccount, { where: { divisionCode: division, main: true } })).find((b) => b.accountID === null)!,
    receivables: (await m.findOneBy(GLAccount, { divisionCode: division, type: 20 }))!,
    payables: (await m.findOneBy(GLAccount, { divisionCode: division, type: 22 }))!,
  };
}

/** A valid create input for the fixture's Belgian customer (EUR, 250.00, journal 60). */
export function validReceivableInput(f: ReceivableFixture, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    divisionCode: f.division,
    accountID: f.belgian.id,
    accountBankAccountID: f.belgianBank.id,
    bankAccountID: f.ownBank.id,
    glAccountID: f.receivables.id,
    journalCode: '60',
    currency: 'EUR',
    amountFC: '250.00',
    rateFC: '1',
    amountDC: '250.00',
    invoiceDate: '2026-06-01T00:00:00Z',
    dueDate: '2026-07-01T00:00:00Z',
    description: 'Sales invoice',
    ...overrides,
  };
}

/** Every receivable (id, version, status, amount, reference): equal before and after means nothing changed. */
export async function receivablesFingerprint(db: Database): Promise<string> {
  const rows = await db.dataSource.manager.find(Receivable, { order: { id: 'ASC' } });
  return JSON.stringify(rows.map((r) => [r.id, r.version, r.status, r.amountDC, r.paymentReference, r.dueDate.toISOString()]));
}

/**
 * The Belgian structured communication of ten digits, by the rule (shared/reference/
 * cashflow-codes.md): the digits, then their remainder modulo 97 in two digits, 97 for 0.
 */
export function expectedOgm(tenDigits: string): string {
  const check = Number(BigInt(tenDigits) % 97n) || 97;
  const d = tenDigits + String(check).padStart(2, '0');
  return `+++${d.slice(0, 3)}/${d.slice(3, 7)}/${d.slice(7)}+++`;
}

/** True when `text` is `+++ddd/dddd/ddddd+++` with check digits that hold. */
export function isValidOgm(text: string | null): boolean {
  const m = /^\+\+\+(\d{3})\/(\d{4})\/(\d{5})\+\+\+$/.exec(text ?? '');
  return m !== null && expectedOgm((m[1] + m[2] + m[3]).slice(0, 10)) === text;
}
