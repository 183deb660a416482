import { createBelgianReference, createCreditorReference } from '../formats/structured-reference';
import { addDays, startOfDay } from '../platform/dates';
import { BankEntryLine } from '../modules/financial-accounts/bank-entry-line.entity';
import { bankEntryRows } from '../modules/financial-accounts/bank-entry-rows';
import { BankEntry } from '../modules/financial-accounts/bank-entry.entity';
import { CashEntryLine } from '../modules/financial-accounts/cash-entry-line.entity';
import { CashEntry } from '../modules/financial-accounts/cash-entry.entity';
import { EntryStatus, JournalType } from '../modules/financial-accounts/entry-codes';
import { LineDraft, lineRows, periodOf, RowAudit } from '../modules/financial-accounts/entry-rows';
import { checkStatement, StatementLineToStore } from '../modules/financial-accounts/statement.input';
import { GLAccount } from '../modules/gl-accounts/gl-account.entity';
import { Journal } from '../modules/journals/journal.entity';
import { User } from '../modules/users/user.entity';
import { makeBankAccount } from './banking';
import { centsText, scaled } from './cents';
import { DemoOptions, DivisionSet } from './demo-data';
import { FIRST_NAMES, LAST_NAMES } from './names';
import { Random } from './random';

/**
 * Demo financial accounts of a division (pure, deterministic): the current account's bank journal
 * (made by demo-data.ts) gets three weekly statements, a savings account with its own journal two,
 * and a cash book two cash entries. The full year of statements comes with the statement import;
 * this is a few entries to look at, made fast. Statements go through the same checks and row
 * builder as storing a real one (checkStatement, bankEntryRows), so their balances follow the
 * rules. Own random stream, so the payments generated around it stay what they were.
 */
export interface DemoFinancialRows {
  glAccounts: GLAccount[];
  journals: Journal[];
  bankEntries: BankEntry[];
  bankLines: BankEntryLine[];
  cashEntries: CashEntry[];
  cashLines: CashEntryLine[];
}

export function demoFinancialAccounts(set: DivisionSet, users: User[], opts: DemoOptions, index: number): DemoFinancialRows {
  const random = new Random((opts.seed * 7919 + (index + 1) * 104_729 + 0xf1a) >>> 0);
  const { division } = set;
  const be = division.country === 'BE';
  const today = startOfDay(opts.today);
  const audit: RowAudit = { created: addDays(today, -35), creatorID: users[0].id, modified: addDays(today, -35), modifierID: users[0].id };
  const owned = { divisionCode: division.code, ...audit };
  const gl = (code: string, description: string, type: number) =>
    Object.assign(new GLAccount(), { id: random.uuid(), code, description, type, balanceSide: 'D', balanceType: 'B', ...owned });
  const savingsGl = gl(be ? '550100' : '1110', 'Spaarrekening', JournalType.BANK);
  const cashGl = gl(be ? '570000' : '1000', 'Kas', JournalType.CASH);
  const journal = (code: string, description: string, type: JournalType, bankAccountID: string | null, glAccountID: string) =>
    Object.assign(new Journal(), { id: random.uuid(), code, description, type, bankAccountID, currency: 'EUR', glAccountID, ...owned });
  const current = set.others[1][0] as Journal;
  const savings = journal('21', 'Spaarrekening', JournalType.BANK, set.ownBanks[1].id, savingsGl.id);
  const cash = journal('10', 'Kas', JournalType.CASH, null, cashGl.id);

  const rows: DemoFinancialRows = {
    glAccounts: [savingsGl, cashGl],
    journals: [savings, cash],
    bankEntries: [],
    bankLines: [],
    cashEntries: [],
    cashLines: [],
  };
  const statements = (j: Journal, iban: string, opening: number, days: number[], lines: () => StatementLineToStore[][]) => {
    const perStatement = lines();
    let balance = opening;
    days.forEach((daysAgo, k) => {
      const date = addDays(today, -daysAgo);
      const movements = perStatement[k].map((l) => ({ ...l, bookingDate: day(addDays(date, -random.int(0, k === 0 ? 3 : 6))) }));
      const closing = movements.reduce((sum, l) => sum + cents(l.amount), balance);
      const statement = checkStatement({
        divisionCode: division.code,
        account: iban,
        currency: 'EUR',
        statementNumber: String(k + 1).padStart(3, '0'),
        statementDate: day(date),
        openingBalance: money(balance),
        closingBalance: money(closing),
        lines: movements,
      });
      const built = bankEntryRows(statement, {
        entryID: random.uuid(),
        entryNumber: k + 1,
        journalCode: j.code,
        bankAccountID: j.bankAccountID!,
        divisionCurrency: division.currency,
        balanceGap: null,
        documentID: null,
        audit,
        newId: () => random.uuid(),
      });
      rows.bankEntries.push(built.entry);
      rows.bankLines.push(...built.lines);
      balance = closing;
    });
  };
  statements(current, set.ownBanks[0].bankAccount, random.int(500_000, 8_000_000), [21, 14, 7], () =>
    [0, 1, 2].map(() => Array.from({ length: random.int(3, 6) }, () => movement(random, set, be))),
  );
  statements(savings, set.ownBanks[1].bankAccount, random.int(2_000_000, 20_000_000), [31, 1], () => [
    [{ bookingDate: '', amount: money(random.int(500, 9_000)), description: 'Interest', bankTransactionCode: 'PMNT/RCDT/INTR' }],
    [
      {
        bookingDate: '',
        amount: money(-random.int(100_000, 1_000_000)),
        description: 'Transfer to current account',
        counterpartyAccount: set.ownBanks[0].bankAccount,
      },
    ],
  ]);

  let cashBalance = random.int(10_000, 80_000);
  [10, 3].forEach((daysAgo, k) => {
    const entryDate = addDays(today, -daysAgo);
    const drafts: LineDraft<{ description: string }>[] = [
      {
        date: entryDate,
        amountFC: money(-random.int(500, 6_000)),
        columns: { description: random.pick(['Postzegels', 'Koffie', 'Parkeren', 'Bureaumateriaal']) },
      },
      { date: entryDate, amountFC: money(random.int(1_000, 20_000)), columns: { description: 'Contante verkoop' } },
    ];
    const closing = drafts.reduce((sum, d) => sum + cents(d.amountFC), cashBalance);
    const entry = Object.assign(new CashEntry(), {
      entryID: random.uuid(),
      divisionCode: division.code,
      entryNumber: k + 1,
      journalCode: cash.code,
      entryDate,
      currency: 'EUR',
      openingBalanceFC: money(cashBalance),
      closingBalanceFC: money(closing),
      ...periodOf(entryDate),
      status: EntryStatus.OPEN,
      ...audit,
      version: 1,
    });
    const lines = lineRows({ ...entry, divisionCurrency: division.currency }, drafts, audit, () => random.uuid());
    rows.cashEntries.push(entry);
    rows.cashLines.push(...lines.map((l) => Object.assign(new CashEntryLine(), l)));
    cashBalance = closing;
  });
  return rows;
}

/** A movement of the current account: a customer paying, a supplier paid, or bank costs. */
function movement(random: Random, set: DivisionSet, be: boolean): StatementLineToStore {
  const kind = random.weighted([
    ['in', 5],
    ['out', 4],
    ['costs', 1],
  ] as const);
  if (kind === 'costs')
    return {
      bookingDate: '',
      amount: money(-random.int(250, 1_500)),
      description: 'Kosten rekening',
      bankTransactionCode: 'ACMT/MDOP/CHRG',
    };
  if (kind === 'out') {
    const supplier = random.pick(set.suppliers);
    return {
      bookingDate: '',
      amount: money(-random.int(5_000, 400_000)),
      counterpartyName: supplier.account.name,
      counterpartyAccount: supplier.bank.bankAccount,
      counterpartyBic: supplier.bank.bic,
      endToEndId: random.uuid().replace(/-/g, ''),
      bankTransactionCode: 'PMNT/ICDT/ESCT',
      unstructuredRemittance: `Factuur ${random.digits(8)}`,
    };
  }
  const name = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
  const bank = makeBankAccount(random, be ? 'BE' : 'NL');
  const reference = be ? createBelgianReference(random.digits(10)).replace(/\D/g, '') : createCreditorReference(random.digits(9));
  return {
    bookingDate: '',
    amount: money(random.int(15_000, 500_000)),
    counterpartyName: name,
    counterpartyAccount: bank.iban,
    counterpartyBic: bank.bic,
    structuredReference: reference,
    bankTransactionCode: 'PMNT/RCDT/ESCT',
    bankReference: random.digits(12),
  };
}

/** Decimal text with two places as cents (exact, no float). */
const cents = (text: string) => Number(scaled(text, 2));
/** Cents (a safe integer) as decimal text with two places: -1250 is '-12.50'. */
const money = (n: number) => (n < 0 ? '-' : '') + centsText(BigInt(Math.abs(n)));
const day = (d: Date) => d.toISOString().slice(0, 10);
