import { composeIBAN } from 'ibantools';
import { LOCAL_PRINCIPAL } from '../../src/access/authenticate';
import { DivisionScope } from '../../src/access/division-scope';
import { Database } from '../../src/db/data-source';
import { belgianCheckDigits } from '../../src/formats/structured-reference';
import { BankAccount } from '../../src/modules/bank-accounts/bank-account.entity';
import { storeStatement, StoreStatementOptions, StoredStatement } from '../../src/modules/financial-accounts/bank-statement.service';
import { StatementLineToStore, StatementToStore } from '../../src/modules/financial-accounts/statement.input';
import { Journal } from '../../src/modules/journals/journal.entity';
import { Dec } from '../../src/platform/decimal';
import { insertRow } from './payments';

let accounts = 0;

/** A fresh own bank account of `division` with its bank journal (type 12), straight into the database. */
export async function ownBankAccount(db: Database, division: number, code: string, options: { currency?: string; number?: string } = {}) {
  const iban = options.number ?? belgianIban(4_000_000 + ++accounts);
  const bank = await insertRow(db, BankAccount, {
    divisionCode: division,
    accountID: null,
    bankAccount: iban,
    bic: 'GEBABEBB',
    currency: options.currency ?? 'EUR',
    main: false,
  });
  const journal = await insertRow(db, Journal, {
    divisionCode: division,
    code,
    description: `Bank ${code}`,
    type: 12,
    bankAccountID: bank.id,
    currency: 'EUR',
    glAccountID: null,
  });
  return { bank, journal, iban };
}

/** A valid Belgian IBAN from a number of at most 8 digits (bank code 001). */
export function belgianIban(n: number): string {
  const ten = `001${String(n).padStart(7, '0')}`;
  return composeIBAN({ countryCode: 'BE', bban: ten + belgianCheckDigits(ten) })!;
}

/** Stores a statement as the local administrator (all divisions), in its own transaction. */
export function store(
  db: Database,
  divisions: readonly number[],
  input: StatementToStore,
  options: StoreStatementOptions = {},
): Promise<StoredStatement> {
  return storeStatement(new DivisionScope(db, divisions), LOCAL_PRINCIPAL, input, options);
}

/** Midnight UTC of `days` after 2026-01-01, as the parsers write days. */
export function dayText(days: number): string {
  return new Date(Date.UTC(2026, 0, 1 + days)).toISOString().slice(0, 10);
}

/** A balanced statement from its opening balance and line amounts (dated on the statement's day unless given). */
export function statement(
  division: number,
  account: string,
  number: string | null,
  day: string,
  opening: string,
  lines: (Partial<StatementLineToStore> & { amount: string })[],
): StatementToStore {
  const closing = lines.reduce((sum, l) => sum.plus(l.amount), new Dec(opening)).toFixed(2);
  return {
    divisionCode: division,
    account,
    currency: 'EUR',
    statementNumber: number,
    statementDate: day,
    openingBalance: opening,
    closingBalance: closing,
    lines: lines.map((l) => ({ bookingDate: day, ...l })),
  };
}
