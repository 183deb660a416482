import { randomUUID } from 'node:crypto';
import Decimal from 'decimal.js';
import { storedColumns } from '../../src/catalog';
import type { CatalogTable } from '../../src/catalog/types';
import { ExactOnlineDouble } from './exact-online-double';
import { belgianIban } from './statements';

/**
 * Rows of Exact's reference resources as its REST API sends them (field names of the
 * sync/CRM/Accounts, sync/Financial/GLAccounts, crm/BankAccounts, financial/Journals,
 * cashflow/PaymentConditions and financialtransaction/BankEntries reference pages): amounts and
 * percentages as doubles, some of them halfway cases where rounding the binary float goes wrong,
 * dates as `/Date(ms)/`, text with non-ASCII letters, Exact's space-padded account codes.
 */
const ms = (iso: string) => `/Date(${Date.parse(iso)})/`;
const audit = () => ({
  Created: ms('2026-01-05T08:30:00.250Z'),
  Creator: randomUUID().toUpperCase(),
  Modified: ms('2026-02-01T12:00:00.999Z'),
  Modifier: randomUUID(),
});
const HALFWAY = [100.005, 1.005, 2.675, 1234.565, 0.125, 8.345];

export const glAccountRow = (i: number) => ({
  ID: randomUUID(),
  Code: String(1000 + i),
  Description: `Grootboek ${i} – Zoë`,
  Type: [10, 12, 20, 22, 110][i % 5],
  BalanceSide: i % 2 ? 'D' : 'C',
  BalanceType: i % 3 ? 'B' : 'W',
  ...audit(),
});

export const accountRow = (i: number) => ({
  ID: randomUUID(),
  Code: String(i).padStart(18, ' '),
  Name: `Relatie ${i} – café Zoë`,
  IsSupplier: i % 2 === 0,
  IsSales: i % 3 === 0,
  VATNumber: i % 4 ? `BE0${String(400000000 + i)}` : null,
  ChamberOfCommerce: i % 5 ? null : `KVK${i}`,
  Country: i % 2 ? 'BE' : 'NL',
  City: i % 2 ? 'Gent' : "'s-Hertogenbosch",
  Email: `relatie${i}@example.com`,
  Status: ['A', 'S', 'P', 'C'][i % 4],
  ...audit(),
});

export const bankAccountRow = (i: number, account: string | null) => ({
  ID: randomUUID(),
  Account: account,
  BankAccount: `BE${String(10 + (i % 89)).padStart(2, '0')}${String(1000000000 + i).padStart(12, '0')}`,
  BICCode: i % 3 ? 'GEBABEBB' : null,
  BankAccountHolderName: `Houder ${i} – Zoë`,
  Description: `Rekening ${i}`,
  Main: i % 2 === 0,
  ...audit(),
});

export const journalRow = (code: string, type: number, bankAccountID: string | null, glAccount: string | null) => ({
  ID: randomUUID(),
  Code: code,
  Description: `Dagboek ${code} – é`,
  Type: type,
  BankAccountID: bankAccountID,
  Currency: type === 12 ? 'EUR' : null,
  GLAccount: glAccount,
  ...audit(),
});

export const paymentConditionRow = (i: number) => ({
  ID: randomUUID(),
  Code: String(i).padStart(2, '0'),
  Description: `${30 + i} dagen netto`,
  PaymentDays: 30 + i,
  DiscountPaymentDays: i % 2 ? 8 : null,
  DiscountPercentage: [0.02, 2.5, 1.00005, 0.33335][i % 4],
  ...audit(),
});

/**
 * A bank entry of `journal` with `lines` lines and the given opening balance; its closing balance
 * is the opening plus the lines rounded to cents, both sent as doubles (as Exact does).
 */
export function bankEntryRow(journal: string, entryNumber: number, opening: string, lines: number, day: number) {
  // Lines booked on the entry's day (`day` of 2026) and the day after.
  const rows = Array.from({ length: lines }, (_, i) => {
    const sign = (entryNumber + i) % 3 ? 1 : -1;
    return {
      ID: randomUUID(),
      LineNumber: i + 1,
      Date: `/Date(${Date.UTC(2026, 0, day) + (i % 2) * 86_400_000})/`,
      AmountFC: sign * (HALFWAY[(entryNumber + i) % 6] + i),
      AmountDC: sign * (HALFWAY[(entryNumber + i) % 6] + i),
      ExchangeRate: 1,
      Description: `Overschrijving ${entryNumber}/${i} – Zoë`,
      Account: i % 2 ? randomUUID() : null,
      GLAccount: randomUUID(),
      OurRef: i % 3 ? 5000 + i : null,
      Notes: i % 4 ? null : 'nota',
      Document: null,
      OffsetID: null,
      ...audit(),
    };
  });
  const closing = rows.reduce((s, l) => s.plus(rounded(l.AmountFC, 2)), new Decimal(opening));
  return {
    EntryID: randomUUID(),
    EntryNumber: entryNumber,
    JournalCode: journal,
    Currency: 'EUR',
    OpeningBalanceFC: Number(opening),
    ClosingBalanceFC: closing.toNumber(),
    FinancialYear: 2026,
    FinancialPeriod: new Date(Date.UTC(2026, 0, day)).getUTCMonth() + 1,
    Status: entryNumber % 2 ? 20 : 50,
    BankStatementDocument: entryNumber % 4 ? null : randomUUID(),
    Created: ms('2026-03-28T10:00:00Z'),
    BankEntryLines: rows,
  };
}

/** A double's text rounded half away from zero to `scale` places (the rule for every decimal column). */
export const rounded = (value: number, scale: number) =>
  new Decimal(JSON.stringify(value)).toDecimalPlaces(scale, Decimal.ROUND_HALF_UP).toFixed(scale);

/** `/Date(ms)/` as ISO text. */
const iso = (value: unknown) => new Date(Number(/-?\d+/.exec(String(value))![0])).toISOString();

/**
 * Every stored column of `table` (Division excepted) compared with the Exact row by the rules:
 * GUIDs in lower case, decimals rounded from the double's text, `/Date(ms)/` as the instant, the
 * rest as sent. `rename` maps a catalog column to Exact's field (null: Exact has none, stays
 * empty). The differences, empty when equal.
 */
export function rowDifferences(
  table: CatalogTable,
  stored: Record<string, unknown>,
  raw: Record<string, unknown>,
  rename: Record<string, string | null> = {},
): string[] {
  const out: string[] = [];
  for (const c of storedColumns(table)) {
    if (c.name === 'Division') continue;
    const name = c.name in rename ? rename[c.name] : c.name;
    const v = name === null ? null : (raw[name] ?? null);
    const actual = stored[c.field];
    let expected: unknown = v;
    let got: unknown = actual;
    if (v !== null) {
      if (c.type === 'guid') expected = String(v).toLowerCase();
      else if (c.type === 'decimal') expected = rounded(v as number, c.scale ?? 2);
      else if (c.type === 'datetime') expected = iso(v);
    }
    if (actual instanceof Date) got = actual.toISOString();
    else if (c.type === 'boolean' && actual !== null) got = Boolean(actual);
    else if (c.type.startsWith('int') && actual !== null) got = Number(actual);
    if (got !== expected)
      out.push(`${table.name}.${c.name} of ${String(raw.ID ?? raw.EntryID)}: ${JSON.stringify(got)} != ${JSON.stringify(expected)}`);
  }
  return out;
}

/** The double's resources for the reference tables. */
export const RESOURCE = {
  glAccounts: 'sync/Financial/GLAccounts',
  accounts: 'sync/CRM/Accounts',
  bankAccounts: 'crm/BankAccounts',
  journals: 'financial/Journals',
  paymentConditions: 'cashflow/PaymentConditions',
  bankEntries: 'financialtransaction/BankEntries',
} as const;

/**
 * Fills a division of the double with a company's reference data: `glAccounts` G/L accounts,
 * `accounts` relations (each with a bank account), three own bank accounts with a bank journal
 * each (codes 10, 11, 12) plus a sales and a cash journal, payment conditions, and per bank
 * journal `entries` bank entries whose balances connect (each opening is the previous closing).
 */
export function fillReference(
  double: ExactOnlineDouble,
  division: number,
  sizes: { glAccounts: number; accounts: number; entries: number },
) {
  const gl = Array.from({ length: sizes.glAccounts }, (_, i) => double.upsertRow(division, RESOURCE.glAccounts, glAccountRow(i)));
  const accounts = Array.from({ length: sizes.accounts }, (_, i) => double.upsertRow(division, RESOURCE.accounts, accountRow(i)));
  accounts.forEach((a, i) => double.upsertRow(division, RESOURCE.bankAccounts, bankAccountRow(i + 10, String(a.ID))));
  // Own bank accounts with valid IBANs (a statement of them passes the import's checks).
  const own = [0, 1, 2].map((i) =>
    double.upsertRow(division, RESOURCE.bankAccounts, { ...bankAccountRow(i, null), BankAccount: belgianIban(7_000_000 + i) }),
  );
  own.forEach((b, i) => double.upsertRow(division, RESOURCE.journals, journalRow(String(10 + i), 12, String(b.ID), String(gl[1].ID))));
  double.upsertRow(division, RESOURCE.journals, journalRow('70', 20, null, null));
  double.upsertRow(division, RESOURCE.journals, journalRow('01', 10, null, String(gl[0].ID)));
  for (let i = 0; i < 6; i++) double.upsertRow(division, RESOURCE.paymentConditions, paymentConditionRow(i));
  for (const journal of ['10', '11', '12']) {
    let opening = journal === '11' ? '-250.50' : '1000.00';
    for (let n = 1; n <= sizes.entries; n++) {
      const entry = bankEntryRow(journal, 26000000 + n, opening, 1 + (n % 4), 2 * n);
      double.upsertRow(division, RESOURCE.bankEntries, entry);
      opening = rounded(entry.ClosingBalanceFC, 2);
    }
  }
}
