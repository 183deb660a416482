import { randomUUID } from 'node:crypto';
import Decimal from 'decimal.js';
import { DivisionScope } from '../../../src/access/division-scope';
import { ACCOUNTS } from '../../../src/catalog/tables/accounts';
import { BANK_ACCOUNTS } from '../../../src/catalog/tables/bank-accounts';
import { BANK_ENTRIES, BANK_ENTRY_LINES } from '../../../src/catalog/tables/bank-entries';
import { GL_ACCOUNTS } from '../../../src/catalog/tables/gl-accounts';
import { JOURNALS } from '../../../src/catalog/tables/journals';
import { PAYMENT_CONDITIONS } from '../../../src/catalog/tables/payment-conditions';
import type { CatalogTable } from '../../../src/catalog/types';
import { Account } from '../../../src/modules/accounts/account.entity';
import { BankAccount } from '../../../src/modules/bank-accounts/bank-account.entity';
import { ExactSync } from '../../../src/modules/exact-online/exact-sync.service';
import { ExactSyncState } from '../../../src/modules/exact-online/exact-sync-state.entity';
import { BankEntryLine } from '../../../src/modules/financial-accounts/bank-entry-line.entity';
import { BankEntry } from '../../../src/modules/financial-accounts/bank-entry.entity';
import { GLAccount } from '../../../src/modules/gl-accounts/gl-account.entity';
import { Journal } from '../../../src/modules/journals/journal.entity';
import { PaymentCondition } from '../../../src/modules/payment-conditions/payment-condition.entity';
import { createLogger } from '../../../src/platform/logger';
import { openSeededDatabase, TestDatabase } from '../../support/database';
import { ExactOnlineDouble } from '../../support/exact-online-double';
import { connectThroughDouble, divisionCodes, exactTestConfig, testBox } from '../../support/exact-online';
import { bankEntryRow, fillReference, RESOURCE, rounded, rowDifferences } from '../../support/exact-reference-rows';
import { startTestGateway, TestGateway } from '../../support/gateway';
import { dayText, statement, store } from '../../support/statements';

type Row = Record<string, unknown>;

/**
 * The reference tables of a connected division from Exact (issue 14): G/L accounts and accounts
 * from their sync/ endpoints, bank accounts, journals and payment conditions read whole, bank
 * entries with their lines by Modified; every mapped column equal to the double's row; incremental
 * runs with changes and deletions (sync/Deleted by EntityType, rows a full read no longer lists,
 * deleted transaction lines); a run stopped half-way continued without loss or duplicates; a moved
 * division reloaded; the rows served by GraphQL, the SQL layer and the financial accounts, to
 * callers of that division only.
 */
describe('Exact Online reference tables', () => {
  let t: TestDatabase;
  let double: ExactOnlineDouble;
  let sync: ExactSync;
  let connected: number;
  let local: number;
  const EXACT = 808;
  const ENTRIES = 70;

  beforeAll(async () => {
    t = await openSeededDatabase('exact_reference', { divisions: 2, payments: 10 });
    [connected, local] = await divisionCodes(t.db);
    // A larger minute budget than Exact's 60, so that the runs of this file never wait for a minute's reset.
    double = await new ExactOnlineDouble({ minutelyLimit: 1000 }).start();
    double.addDivision(EXACT);
    fillReference(double, EXACT, { glAccounts: 1200, accounts: 70, entries: ENTRIES });
    // Every table (EXACT_SYNC_TABLES' default).
    const config = { ...exactTestConfig(double, { EXACT_SYNC_TABLES: '' }), minutelyLimit: 1000 };
    await connectThroughDouble(t.db, double, connected, EXACT, config);
    sync = new ExactSync(t.db, testBox(), config, createLogger('silent'));
  });
  afterAll(async () => {
    await double.stop();
    await t.close();
  });

  const scope = () => new DivisionScope(t.db, [connected]);
  const stored = async (entity: typeof Account, key = 'id'): Promise<Map<string, Row>> =>
    new Map((await scope().select(entity, 'r').getMany()).map((r) => [String((r as unknown as Row)[key]), r as unknown as Row]));
  const live = (resource: string) => double.rowsOf(EXACT, resource);

  /** A plain table equals the double: one row per Exact row, every mapped column as the rules say. */
  const expectTable = async (table: CatalogTable, entity: unknown, resource: string, rename: Record<string, string | null> = {}) => {
    const rows = await stored(entity as typeof Account);
    const exact = live(resource);
    expect(rows.size).toBe(exact.length);
    const problems = exact.flatMap((raw) => {
      const row = rows.get(String(raw.ID).toLowerCase());
      return row ? rowDifferences(table, row, raw, rename) : [`${table.name} ${String(raw.ID)} missing`];
    });
    expect(problems).toEqual([]);
  };

  /** Bank entries and lines equal the double's, with the derived columns (bank account, entry date, balances after). */
  const expectBankEntries = async () => {
    const entries = await stored(BankEntry as never, 'entryID');
    const lines = await stored(BankEntryLine as never);
    const exact = live(RESOURCE.bankEntries);
    const journals = new Map(live(RESOURCE.journals).map((j) => [j.Code, j]));
    expect(entries.size).toBe(exact.length);
    expect(lines.size).toBe(exact.reduce((n, e) => n + (e.BankEntryLines as Row[]).length, 0));
    const problems: string[] = [];
    for (const raw of exact) {
      const entry = entries.get(String(raw.EntryID).toLowerCase());
      if (!entry) {
        problems.push(`entry ${String(raw.EntryID)} missing`);
        continue;
      }
      const rawLines = [...(raw.BankEntryLines as Row[])].sort((a, b) => Number(a.LineNumber) - Number(b.LineNumber));
      const entryDate = `/Date(${Math.max(...rawLines.map((l) => Number(/\d+/.exec(String(l.Date))![0])))})/`;
      expect(entry.statementHash).toMatch(/^[0-9a-f]{64}$/);
      const derived = {
        BankAccountID: journals.get(raw.JournalCode)!.BankAccountID,
        EntryDate: entryDate,
        StatementHash: entry.statementHash,
      };
      problems.push(...rowDifferences(BANK_ENTRIES, entry, { ...raw, ...derived }));
      let balance = new Decimal(rounded(raw.OpeningBalanceFC as number, 2));
      for (const l of rawLines) {
        balance = balance.plus(rounded(l.AmountFC as number, 2));
        const line = lines.get(String(l.ID).toLowerCase());
        if (!line) {
          problems.push(`line ${String(l.ID)} missing`);
          continue;
        }
        const fromEntry = { EntryID: raw.EntryID, JournalCode: raw.JournalCode, EntryNumber: raw.EntryNumber, Currency: raw.Currency };
        const expected = { ...l, ...fromEntry, EntryDate: entryDate, BalanceAfterFC: Number(balance.toFixed(2)) };
        problems.push(...rowDifferences(BANK_ENTRY_LINES, line, expected));
      }
    }
    expect(problems).toEqual([]);
  };

  const expectEqualToDouble = async () => {
    await expectTable(GL_ACCOUNTS, GLAccount, RESOURCE.glAccounts);
    await expectTable(ACCOUNTS, Account, RESOURCE.accounts);
    await expectTable(BANK_ACCOUNTS, BankAccount, RESOURCE.bankAccounts, { BIC: 'BICCode', Currency: null });
    await expectTable(JOURNALS, Journal, RESOURCE.journals);
    await expectTable(PAYMENT_CONDITIONS, PaymentCondition, RESOURCE.paymentConditions);
    await expectBankEntries();
  };

  it('loads every table first, replacing what the division held, with every mapped column equal to the double', async () => {
    const from = double.requests.length;
    const run = await sync.syncDivision(connected);
    const exactRows = Object.values(RESOURCE).reduce((n, r) => n + live(r).length, 0);
    expect(run).toMatchObject({ state: 'succeeded', rowsIn: exactRows, rowsDeleted: 0, lastError: null });
    await expectEqualToDouble();
    const calls = double.requests.slice(from).filter((r) => r.url.startsWith('/api/v1/'));
    const to = (path: string) => calls.filter((r) => r.url.includes(`/${path}?`));
    // G/L accounts: 1,000 a page, __next followed; REST endpoints: 60 a page (73 bank accounts, 210 entries).
    expect(to(RESOURCE.glAccounts)).toHaveLength(2);
    expect(to(RESOURCE.bankAccounts)).toHaveLength(2);
    expect(to(RESOURCE.bankEntries)).toHaveLength(4);
    expect(calls.every((r) => r.status === 200 && decodeURIComponent(r.url).includes('$select='))).toBe(true);
    expect(run.calls).toBe(calls.length);
  });

  it('continues incrementally: changes, new rows and every kind of deletion', async () => {
    const gl = live(RESOURCE.glAccounts);
    double.upsertRow(EXACT, RESOURCE.glAccounts, { ...gl[5], Description: 'Bank – gewijzigd', Type: 12 });
    double.deleteRow(EXACT, RESOURCE.glAccounts, String(gl[7].ID));
    const accounts = live(RESOURCE.accounts);
    double.upsertRow(EXACT, RESOURCE.accounts, { ...accounts[3], Name: 'Nieuwe naam BV', IsSales: true });
    double.deleteRow(EXACT, RESOURCE.accounts, String(accounts[4].ID));
    const banks = live(RESOURCE.bankAccounts);
    double.upsertRow(EXACT, RESOURCE.bankAccounts, { ...banks[20], Description: 'Spaarrekening', Main: true });
    double.deleteRow(EXACT, RESOURCE.bankAccounts, String(banks[21].ID));
    double.upsertRow(EXACT, RESOURCE.journals, { ...live(RESOURCE.journals)[4], ID: randomUUID(), Code: '80', Type: 22 });
    const conditions = live(RESOURCE.paymentConditions);
    double.upsertRow(EXACT, RESOURCE.paymentConditions, { ...conditions[0], DiscountPercentage: 1.23455 });
    double.deleteRow(EXACT, RESOURCE.paymentConditions, String(conditions[1].ID));
    const entries = live(RESOURCE.bankEntries);
    const changed = entries.find((e) => e.JournalCode === '11')!;
    const lines = changed.BankEntryLines as Row[];
    double.upsertRow(EXACT, RESOURCE.bankEntries, {
      ...changed,
      BankEntryLines: [{ ...lines[0], Description: 'Gewijzigd – ç' }, ...lines.slice(1)],
    });
    const gone = entries.find((e) => e.JournalCode === '12' && (e.BankEntryLines as Row[]).length === 3)!;
    double.deleteRow(EXACT, RESOURCE.bankEntries, String(gone.EntryID));
    const trimmed = entries.find((e) => e.JournalCode === '10' && (e.BankEntryLines as Row[]).length === 4)!;
    double.deleteBankEntryLine(EXACT, String(trimmed.EntryID), String((trimmed.BankEntryLines as Row[])[1].ID));
    const last = entries.filter((e) => e.JournalCode === '10').at(-1)!;
    double.upsertRow(
      EXACT,
      RESOURCE.bankEntries,
      bankEntryRow('10', 26000000 + ENTRIES + 1, rounded(last.ClosingBalanceFC as number, 2), 2, 2 * ENTRIES + 2),
    );

    const from = double.requests.length;
    const run = await sync.syncDivision(connected);
    // Deleted: a G/L account and an account (sync/Deleted 7 and 2), a bank account and a payment
    // condition (no longer listed), the three lines of a bank entry and one more line (TransactionLines, 1).
    expect(run).toMatchObject({ state: 'succeeded', full: 0, rowsDeleted: 2 + 2 + 3 + 1, lastError: null });
    await expectEqualToDouble();
    expect(
      await scope()
        .select(BankEntry, 'e')
        .where('e.entryID = :id', { id: String(gone.EntryID) })
        .getCount(),
    ).toBe(0);
    // Sync endpoints ask from the stored Timestamp; bank entries from the Modified reached.
    const urls = double.requests.slice(from).map((r) => decodeURIComponent(r.url));
    expect(urls.filter((u) => u.includes(`/${RESOURCE.glAccounts}?`))).toEqual([expect.stringMatching(/Timestamp gt \d+/)]);
    expect(urls.filter((u) => u.includes(`/${RESOURCE.bankEntries}?`))).toEqual([expect.stringMatching(/Modified ge datetime'2\d{3}-/)]);
  });

  it('continues a run stopped half-way (also mid full reload) without losing or duplicating a row', async () => {
    double.upsertRow(EXACT, RESOURCE.accounts, { ...live(RESOURCE.accounts)[10], City: 'Brugge' });
    for (const stopAt of ['crm/BankAccounts', RESOURCE.bankEntries]) {
      const stop = new AbortController();
      const run = await sync.syncDivision(connected, {
        full: stopAt === 'crm/BankAccounts',
        signal: stop.signal,
        onProgress: (p) => p.endpoint === stopAt && p.pages === 1 && stop.abort(),
      });
      expect(run.state).toBe('failed');
    }
    const resumed = await sync.syncDivision(connected);
    expect(resumed).toMatchObject({ state: 'succeeded', lastError: null });
    await expectEqualToDouble();
  });

  it('reloads the sync/ tables when the division moved and their Timestamps restarted', async () => {
    double.moveDivision(EXACT);
    const run = await sync.syncDivision(connected);
    expect(run).toMatchObject({ state: 'succeeded', full: 1 });
    await expectEqualToDouble();
  });

  it('fails a run on an endpoint that keeps answering 500, with its state saying so, and catches up on the next run', async () => {
    double.upsertRow(EXACT, RESOURCE.bankAccounts, { ...live(RESOURCE.bankAccounts)[30], Description: 'Na de storing' });
    double.fail(/\/crm\/BankAccounts/, '500', 4);
    const failed = await sync.syncDivision(connected);
    expect(failed.state).toBe('failed');
    expect(failed.lastError).toMatch(/crm\/BankAccounts: HTTP 500 after 4 tries/);
    const state = await scope().internal.find(ExactSyncState, { division: connected, endpoint: 'crm/BankAccounts' });
    expect(state).toMatchObject({ failures: 1, lastError: expect.stringMatching(/HTTP 500/) });
    const next = await sync.syncDivision(connected);
    expect(next).toMatchObject({ state: 'succeeded', lastError: null });
    expect(await scope().internal.find(ExactSyncState, { division: connected, endpoint: 'crm/BankAccounts' })).toMatchObject({
      failures: 0,
    });
    await expectEqualToDouble();
  });

  it("refuses the gateway's own bank statements in the connected division: its bank entries are Exact's", async () => {
    const iban = String(live(RESOURCE.bankAccounts).find((b) => b.Account === null)!.BankAccount);
    const before = await scope().select(BankEntry, 'e').getCount();
    const refused = await store(t.db, [connected], statement(connected, iban, '900', dayText(300), '0.00', [{ amount: '5.00' }]), {
      acceptGap: true,
    }).catch((e: { extensions?: Row }) => e);
    expect((refused as { extensions?: Row }).extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'OWNED_BY_EXACT', table: 'BankEntries' });
    expect(await scope().select(BankEntry, 'e').getCount()).toBe(before);
  });

  describe('served by the gateway', () => {
    let gw: TestGateway;
    beforeAll(async () => {
      gw = await startTestGateway(t.db);
    });
    afterAll(() => gw.close());

    it('answers GraphQL, SQL and the financial accounts like the double, to callers of the division only', async () => {
      const list = await gw.gql(`query($d: [Int!]) { accounts(divisions: $d, first: 1000) { totalCount nodes { id code name } } }`, {
        d: [connected],
      });
      expect(list.errors).toBeUndefined();
      const exactAccounts = live(RESOURCE.accounts);
      expect(list.data.accounts.totalCount).toBe(exactAccounts.length);
      const byId = new Map(list.data.accounts.nodes.map((n: Row) => [n.id, n]));
      for (const a of exactAccounts)
        expect(byId.get(String(a.ID).toLowerCase())).toEqual({ id: String(a.ID).toLowerCase(), code: a.Code, name: a.Name });

      const exactLines = live(RESOURCE.bankEntries).flatMap((e) => e.BankEntryLines as Row[]);
      const total = exactLines.reduce((s, l) => s.plus(rounded(l.AmountFC as number, 2)), new Decimal(0));
      const sql = await gw.gql('query($q: String!) { sql(query: $q) { rows } }', {
        q: `select count(*) as n, sum(AmountFC) as total from BankEntryLines where Division = ${connected}`,
      });
      expect(sql.errors).toBeUndefined();
      expect(sql.data.sql.rows[0]).toEqual({ n: exactLines.length, total: total.toFixed(2) });

      // Each bank journal's balance is the closing balance of its last entry (by date, then number).
      const accounts = await gw.gql(`query($d: [Int!]) { financialAccounts(divisions: $d, type: BANK) { journalCode currentBalance } }`, {
        d: [connected],
      });
      expect(accounts.errors).toBeUndefined();
      const expected = ['10', '11', '12'].map((code) => {
        const mine = live(RESOURCE.bankEntries).filter((e) => e.JournalCode === code);
        const day = (e: Row) => Math.max(...(e.BankEntryLines as Row[]).map((l) => Number(/\d+/.exec(String(l.Date))![0])));
        const lastEntry = mine.sort((a, b) => day(a) - day(b) || Number(a.EntryNumber) - Number(b.EntryNumber)).at(-1)!;
        return { journalCode: code, currentBalance: rounded(lastEntry.ClosingBalanceFC as number, 2) };
      });
      expect(accounts.data.financialAccounts).toEqual(expected);

      // A caller of the other division sees none of them, and may not ask for the connected one.
      const other = await gw.as({ divisions: [local] });
      const theirs = await other(`{ accounts(first: 1000) { nodes { id } } }`);
      const ids = new Set(exactAccounts.map((a) => String(a.ID).toLowerCase()));
      expect(theirs.data.accounts.nodes.some((n: Row) => ids.has(String(n.id)))).toBe(false);
      const forbidden = await other(`query($d: [Int!]) { glAccounts(divisions: $d, first: 1) { totalCount } }`, { d: [connected] });
      expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });
});
