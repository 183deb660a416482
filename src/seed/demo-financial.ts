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
import { centsText, scaled } from './cents';
import { DemoOptions, DivisionSet } from './demo-data';
import { Random } from './random';

/**
 * Demo financial accounts of a division (pure, deterministic): a savings account with its own
 * journal and two statements, a cash book with two cash entries, and the G/L accounts of both and
 * of bank costs. The current account's year of statements is demo-statements.ts's (it needs the
 * division's receivables and payments). Statements go through the same checks and row builder as
 * storing a real one (checkStatement, bankEntryRows), so their balances follow the rules. Own
 * random stream, so the payments generated around it stay what they were.
 */
/** G/L account codes of the demo's savings account (Belgian PCMN 550100, Dutch 1110), where internal transfers go. */
export const DEMO_SAVINGS_GL = { BE: '550100', NL: '1110' } as const;
/** G/L account codes of the demo's bank costs (Belgian PCMN 657000, Dutch 4940), where bank fees go. */
export const DEMO_BANK_COSTS_GL = { BE: '657000', NL: '4940' } as const;

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
  const savingsGl = gl(DEMO_SAVINGS_GL[be ? 'BE' : 'NL'], 'Spaarrekening', JournalType.BANK);
  const cashGl = gl(be ? '570000' : '1000', 'Kas', JournalType.CASH);
  // Bank costs (a result account, Exact's type 120 Other costs), where the reconciliation books bank fees.
  const costsGl = Object.assign(gl(DEMO_BANK_COSTS_GL[be ? 'BE' : 'NL'], 'Bankkosten', 120), { balanceType: 'W' });
  const journal = (code: string, description: string, type: JournalType, bankAccountID: string | null, glAccountID: string) =>
    Object.assign(new Journal(), { id: random.uuid(), code, description, type, bankAccountID, currency: 'EUR', glAccountID, ...owned });
  const savings = journal('21', 'Spaarrekening', JournalType.BANK, set.ownBanks[1].id, savingsGl.id);
  const cash = journal('10', 'Kas', JournalType.CASH, null, cashGl.id);

  const rows: DemoFinancialRows = {
    glAccounts: [savingsGl, cashGl, costsGl],
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

/** Decimal text with two places as cents (exact, no float). */
const cents = (text: string) => Number(scaled(text, 2));
/** Cents (a safe integer) as decimal text with two places: -1250 is '-12.50'. */
const money = (n: number) => (n < 0 ? '-' : '') + centsText(BigInt(Math.abs(n)));
const day = (d: Date) => d.toISOString().slice(0, 10);
