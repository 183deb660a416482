import { CATALOG, storedColumns } from '../../src/catalog';
import { seedCommand } from '../../src/cli/seed';
import { ENTITIES } from '../../src/modules/entities';
import { loadConfig } from '../../src/platform/config';
import { DemoOptions, FUTURE_DATE_COLUMNS } from '../../src/seed/demo-data';
import { clearAll, seed } from '../../src/seed/seed';
import { Dec } from '../../src/platform/decimal';
import { openTestDatabase, TEST_TODAY, TestDatabase } from '../support/database';

/**
 * Demo data is a pure function of its options: the same seed gives the same rows, byte for byte,
 * whichever load path wrote them (row-by-row indexes, or indexes built after the load).
 */
// 400 payments a division: enough for both MariaDB load paths (LOAD DATA and multi-row INSERT).
const OPTIONS: DemoOptions = { divisions: 2, payments: 800, seed: 11, today: TEST_TODAY, suppliersPerDivision: 6 };

let a: TestDatabase;
let b: TestDatabase;

beforeAll(async () => {
  a = await openTestDatabase('seed_a');
  b = await openTestDatabase('seed_b');
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});

/** Every row of every Cashflow table as the database holds it, in primary key order. */
async function dump(t: TestDatabase): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const entity of ENTITIES) {
    const meta = t.db.dataSource.getMetadata(entity);
    const q = (s: string) => t.db.dialect.quote(s);
    out[meta.tableName] = await t.db.dataSource.query(
      `SELECT * FROM ${q(meta.tableName)} ORDER BY ${q(meta.primaryColumns[0].databaseName)}`,
    );
  }
  return out;
}

/** The index definitions of Payments, as the database reports them. */
async function paymentIndexes(t: TestDatabase): Promise<unknown[]> {
  if (t.db.dialect.kind === 'mysql') {
    return t.db.dataSource.query(
      `SELECT INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME FROM information_schema.STATISTICS
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'Payments' ORDER BY INDEX_NAME, SEQ_IN_INDEX`,
    );
  }
  return t.db.dataSource.query(`SELECT name, sql FROM sqlite_master WHERE tbl_name = 'Payments' ORDER BY name`);
}

/** A datetime as either database returns it (Date from mysql2, text from SQLite). */
const asDate = (v: unknown) =>
  v instanceof Date ? v : new Date(`${String(v).replace(' ', 'T')}${/Z|[+-]\d\d:?\d\d$/.test(String(v)) ? '' : 'Z'}`);

/** The latest value of every stored datetime column of every catalog table, by `Table.Column`. */
async function latestDates(t: TestDatabase): Promise<Record<string, Date | null>> {
  const q = (s: string) => t.db.dialect.quote(s);
  const out: Record<string, Date | null> = {};
  for (const table of CATALOG) {
    for (const c of storedColumns(table).filter((x) => x.type === 'datetime')) {
      const [row] = await t.db.dataSource.query(`SELECT MAX(${q(c.name)}) AS m FROM ${q(table.name)}`);
      out[`${table.name}.${c.name}`] = row.m === null ? null : asDate(row.m);
    }
  }
  return out;
}

describe('demo seed', () => {
  it('gives identical rows for the same options', async () => {
    const first = await seed(a.db, OPTIONS);
    const second = await seed(b.db, OPTIONS);
    expect(second).toEqual(first);
    expect(first.payments).toBe(800);
    expect(first.batches).toBeGreaterThan(0);
    const rows = await dump(a);
    expect(rows.Payments).toHaveLength(800);
    expect(await dump(b)).toEqual(rows);
  });

  it('gives other rows for another seed', async () => {
    await clearAll(b.db);
    await seed(b.db, { ...OPTIONS, seed: 12 });
    const [x, y] = [await dump(a), await dump(b)];
    expect(y.Payments).toHaveLength(800);
    expect(y.Payments).not.toEqual(x.Payments);
  });

  it('stores the same rows and the same indexes when the indexes are built after the load', async () => {
    const indexes = await paymentIndexes(b);
    await clearAll(b.db);
    await seed(b.db, OPTIONS, undefined, { deferIndexesFrom: 0 });
    expect(await dump(b)).toEqual(await dump(a));
    expect(await paymentIndexes(b)).toEqual(indexes);
  });

  it('spreads the payments over every status, currency and division', async () => {
    const rows = (await dump(a)).Payments as Record<string, unknown>[];
    expect(new Set(rows.map((r) => Number(r.Status)))).toEqual(new Set([20, 30, 40, 50]));
    expect(new Set(rows.map((r) => r.Division)).size).toBe(2);
    expect(new Set(rows.map((r) => r.Currency)).size).toBeGreaterThan(1);
  });

  it('holds no timestamp after today, except due dates, discount dates and requested execution dates', async () => {
    const endOfToday = TEST_TODAY.getTime() + 86_400_000 - 1;
    const latest = await latestDates(a);
    expect(Object.keys(latest).length).toBeGreaterThan(20);
    for (const [column, value] of Object.entries(latest)) {
      if (FUTURE_DATE_COLUMNS.includes(column)) continue;
      expect({ column, afterToday: value !== null && value.getTime() > endOfToday }).toEqual({ column, afterToday: false });
    }
    // The exceptions do reach beyond today: invoices fall due after it.
    expect(latest['Payments.DueDate']!.getTime()).toBeGreaterThan(endOfToday);
  });
});

/** A row's column as text, a decimal as exact text with two places, a day as YYYY-MM-DD (either database's form). */
type Row = Record<string, unknown>;
const money = (v: unknown) => new Dec(String(v)).toFixed(2);
const dayOf = (v: unknown) => (v === null || v === undefined ? null : asDate(v).toISOString().slice(0, 10));

describe("the current accounts' year of statements", () => {
  const DAY = 86_400_000;
  const first = new Date(TEST_TODAY.getTime() - 364 * DAY);
  /** Exact's rule (amountToPay): AmountDC, less the discount when the money moves by the discount's due date. */
  const toPay = (item: Row, on: string) =>
    item.AmountDiscountDC !== null && item.DiscountDueDate !== null && on <= dayOf(item.DiscountDueDate)!
      ? new Dec(String(item.AmountDC)).minus(String(item.AmountDiscountDC)).toFixed(2)
      : money(item.AmountDC);
  const inYear = (day: string) => day >= first.toISOString().slice(0, 10) && day <= TEST_TODAY.toISOString().slice(0, 10);

  it('chain from one business day to the next, numbered per year, within the last year', async () => {
    const rows = await dump(a);
    const entries = (rows.BankEntries as Row[]).filter((e) => e.JournalCode === '20');
    for (const division of new Set(entries.map((e) => Number(e.Division)))) {
      const mine = entries.filter((e) => Number(e.Division) === division).sort((x, y) => Number(x.EntryNumber) - Number(y.EntryNumber));
      expect(mine.length).toBeGreaterThan(50);
      let previous: Row | null = null;
      for (const e of mine) {
        const day = dayOf(e.EntryDate)!;
        expect({ day, business: inYear(day) && ![0, 6].includes(asDate(e.EntryDate).getUTCDay()) }).toEqual({ day, business: true });
        if (previous) {
          expect({ day, opening: money(e.OpeningBalanceFC) }).toEqual({ day, opening: money(previous.ClosingBalanceFC) });
          expect(day > dayOf(previous.EntryDate)!).toBe(true);
          const sameYear = day.slice(0, 4) === dayOf(previous.EntryDate)!.slice(0, 4);
          expect({ day, number: Number(e.StatementNumber) }).toEqual({ day, number: sameYear ? Number(previous.StatementNumber) + 1 : 1 });
        }
        expect(e.BalanceGapFC).toBeNull();
        previous = e;
      }
    }
  });

  it('pay every matched receivable on its end date and every executed batch payment under its EndToEndId', async () => {
    const rows = await dump(a);
    const lines = (rows.BankEntryLines as Row[]).filter((l) => l.JournalCode === '20');
    const banks = new Map((rows.BankAccounts as Row[]).map((b) => [b.ID, b.BankAccount]));
    const byEndToEnd = new Map(lines.filter((l) => l.EndToEndID).map((l) => [`${l.Division}|${l.EndToEndID}`, l]));
    const byReference = new Map<string, Row[]>();
    for (const l of lines) {
      const key = `${l.Division}|${l.PaymentReference ?? l.RemittanceInformation}`;
      byReference.set(key, [...(byReference.get(key) ?? []), l]);
    }
    const matched = (rows.Receivables as Row[]).filter(
      (r) => Number(r.Status) === 50 && r.Currency === 'EUR' && r.DirectDebitMandate === null && inYear(dayOf(r.EndDate)!),
    );
    expect(matched.length).toBeGreaterThan(20);
    for (const r of matched) {
      // A transfer carries the invoice's structured communication (OGM/VCS as 12 digits, RF as is), else the invoice number.
      const given = r.PaymentReference === null ? null : String(r.PaymentReference);
      const ref = given?.startsWith('+++') ? given.replace(/\D/g, '') : given?.startsWith('RF') ? given : null;
      const found = byReference.get(`${r.Division}|${ref ?? `Factuur ${r.InvoiceNumber}`}`) ?? [];
      expect({ invoice: r.InvoiceNumber, lines: found.length }).toEqual({ invoice: r.InvoiceNumber, lines: 1 });
      const [line] = found;
      expect({
        invoice: r.InvoiceNumber,
        value: dayOf(line.ValueDate),
        amount: money(line.AmountFC),
        iban: line.CounterpartyBankAccount,
      }).toEqual({
        invoice: r.InvoiceNumber,
        value: dayOf(r.EndDate),
        amount: toPay(r, dayOf(r.EndDate)!),
        iban: banks.get(r.AccountBankAccountID),
      });
    }
    const executed = new Map((rows.PaymentBatches as Row[]).map((b) => [b.CashflowTransactionBatchCode, dayOf(b.ExecutionDate)!]));
    const paid = (rows.Payments as Row[]).filter(
      (p) => Number(p.Status) >= 40 && p.CashflowTransactionBatchCode && inYear(executed.get(p.CashflowTransactionBatchCode)!),
    );
    expect(paid.length).toBeGreaterThan(20);
    for (const p of paid) {
      const id = `${p.CashflowTransactionBatchCode}-${p.PaymentBatchNumber}`;
      const line = byEndToEnd.get(`${p.Division}|${id}`);
      const on = executed.get(p.CashflowTransactionBatchCode)!;
      expect({ id, amount: line && money(line.AmountFC), iban: line?.CounterpartyBankAccount, value: dayOf(line?.ValueDate) }).toEqual({
        id,
        amount: new Dec(toPay(p, on)).neg().toFixed(2),
        iban: banks.get(p.AccountBankAccountID),
        value: on,
      });
    }
    // Every other debit under an EndToEndId is none: the payments' lines are exactly the executed batch payments.
    const paymentLines = lines.filter((l) => l.EndToEndID && new Dec(String(l.AmountFC)).isNegative());
    expect(paymentLines).toHaveLength(paid.length);
  });
});

describe('npm run seed -- --append', () => {
  let c: TestDatabase;
  beforeAll(async () => {
    c = await openTestDatabase('seed_append');
  });
  afterAll(async () => {
    await c?.close();
  });

  const codes = async () =>
    (await c.db.dataSource.query('SELECT Code FROM Divisions ORDER BY Code')).map((r: { Code: number }) => Number(r.Code));

  it('adds new divisions after the existing ones, reuses the users, and leaves every existing row as it was', async () => {
    await seed(c.db, OPTIONS);
    const before = await dump(c);
    expect(await codes()).toEqual([100101, 100202]);
    const config = loadConfig({ DATABASE_URL: c.url });
    // The command reports progress on stderr and its result on stdout: kept out of the test output.
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    // Exactly as documented: the same seed and today (the same demo users), then another seed.
    await seedCommand(config, ['--divisions', '2', '--payments', '100', '--seed', '11', '--today', '2026-06-15', '--append']);
    await seedCommand(config, ['--divisions', '1', '--payments', '30', '--seed', '99', '--today', '2026-06-15', '--append']);
    jest.restoreAllMocks();
    expect(await codes()).toEqual([100101, 100202, 100303, 100404, 100505]);
    const after = await dump(c);
    expect(after.Users).toEqual(before.Users);
    expect(after.Payments).toHaveLength(800 + 100 + 30);
    for (const [table, rows] of Object.entries(before)) {
      const keyed = new Map(after[table].map((r) => [JSON.stringify(r), r]));
      for (const r of rows) expect({ table, kept: keyed.has(JSON.stringify(r)) }).toEqual({ table, kept: true });
    }
    const userIds = new Set((before.Users as { UserID: string }[]).map((u) => u.UserID));
    const added = (after.Payments as { Division: number; Creator: string }[]).filter((p) => Number(p.Division) > 100202);
    expect(added.every((p) => userIds.has(p.Creator))).toBe(true);
    // Added rows keep the rules of the demo: nothing happened after today.
    const latest = await latestDates(c);
    for (const [column, value] of Object.entries(latest)) {
      if (!FUTURE_DATE_COLUMNS.includes(column))
        expect({ column, ok: value === null || value.getTime() < TEST_TODAY.getTime() + 86_400_000 }).toEqual({ column, ok: true });
    }
  });

  it('makes receivables in every status and division, owed by customers, and leaves the payments as they were', async () => {
    const rows = await dump(a);
    const receivables = rows.Receivables as Record<string, unknown>[];
    expect(receivables).toHaveLength(400);
    expect(new Set(receivables.map((r) => Number(r.Status)))).toEqual(new Set([20, 30, 40, 50]));
    expect(new Set(receivables.map((r) => r.Division)).size).toBe(2);
    const accounts = new Map((rows.Accounts as Record<string, unknown>[]).map((x) => [x.ID, x]));
    for (const r of receivables) {
      const customer = accounts.get(r.Account)!;
      expect({ sales: Boolean(customer.IsSales), supplier: Boolean(customer.IsSupplier) }).toEqual({ sales: true, supplier: false });
    }
    // Receivables draw from a random stream of their own: without them, the payments are the same rows.
    await clearAll(b.db);
    const result = await seed(b.db, { ...OPTIONS, receivables: 0 });
    expect(result.receivables).toBe(0);
    const without = await dump(b);
    expect(without.Payments).toEqual(rows.Payments);
    expect(without.Receivables).toEqual([]);
  });
});
