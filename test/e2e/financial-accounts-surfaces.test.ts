import { allDivisionCodes } from '../../src/access/authenticate';
import { BankEntryLine } from '../../src/modules/financial-accounts/bank-entry-line.entity';
import { BankEntry } from '../../src/modules/financial-accounts/bank-entry.entity';
import { Dec } from '../../src/platform/decimal';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { startTestGateway, TestGateway } from '../support/gateway';

/**
 * Bank and cash entries are reachable through every door with Exact's names: the catalog (both
 * languages), the generic GraphQL lists with relations and derived columns, the SQL layer (exact
 * sums that reproduce the balance rule) and exports. (The examples of docs/financial-accounts.md
 * run with every other doc's in test/unit/docs/examples.test.ts.)
 */
let t: TestDatabase;
let gw: TestGateway;
let D: number;

beforeAll(async () => {
  t = await openSeededDatabase('financial_surfaces', { divisions: 2, payments: 20 });
  gw = await startTestGateway(t.db);
  [D] = await allDivisionCodes(t.db);
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

describe('the statement tables through every door', () => {
  it("are in the catalog with Exact's names, partitioned by Division", async () => {
    const res = await gw.gql('{ catalog { name labelNl partitionColumn primaryKey columns { name field sqlType } } }');
    const byName = new Map(res.data.catalog.map((x: { name: string }) => [x.name, x]));
    const columns = (name: string) => (byName.get(name) as { columns: { name: string }[] }).columns.map((c) => c.name);
    expect(byName.get('BankEntries')).toMatchObject({ labelNl: 'Bankboekingen', partitionColumn: 'Division', primaryKey: 'EntryID' });
    expect(byName.get('CashEntryLines')).toMatchObject({ labelNl: 'Kasboekingsregels', partitionColumn: 'Division', primaryKey: 'ID' });
    expect(columns('BankEntries')).toEqual(
      expect.arrayContaining([
        'EntryID',
        'JournalCode',
        'Currency',
        'OpeningBalanceFC',
        'ClosingBalanceFC',
        'EntryNumber',
        'FinancialYear',
        'FinancialPeriod',
        'BankStatementDocument',
        'Status',
        'StatementNumber',
      ]),
    );
    expect(columns('BankEntryLines')).toEqual(
      expect.arrayContaining([
        'EntryID',
        'LineNumber',
        'Date',
        'ValueDate',
        'AmountFC',
        'AmountDC',
        'ExchangeRate',
        'Description',
        'Account',
        'GLAccount',
        'OurRef',
        'Notes',
        'Document',
        'OffsetID',
        'CounterpartyName',
        'CounterpartyBankAccount',
        'CounterpartyBIC',
        'PaymentReference',
        'RemittanceInformation',
        'EndToEndID',
        'BankReference',
        'BankTransactionCode',
        'SourceLine',
        'BalanceAfterFC',
      ]),
    );
    expect(columns('CashEntries')).toEqual(
      expect.arrayContaining(['EntryID', 'JournalCode', 'OpeningBalanceFC', 'ClosingBalanceFC', 'EntryNumber', 'Status']),
    );
  });

  it('are GraphQL lists with relations and derived columns', async () => {
    const res = await gw.gql(`{
      bankEntries(first: 5, orderBy: [{ field: entryDate }]) {
        nodes { entryID journalCode journalDescription bankAccountNumber openingBalanceFC closingBalanceFC journal { type } bankAccount { accountID }
          lines(orderBy: [{ field: lineNumber }]) { nodes { lineNumber amountFC balanceAfterFC entry { entryID } } } }
      }
      cashEntryLines(first: 2) { nodes { id journalCode journal { type } } }
    }`);
    expect(res.errors).toBeUndefined();
    for (const e of res.data.bankEntries.nodes) {
      expect(e.journal.type).toBe(12);
      expect(e.bankAccount.accountID).toBeNull();
      expect(e.bankAccountNumber).toMatch(/^(BE|NL)\d\d/);
      // The balance rule, read back: opening plus the lines is the closing balance, and the last line shows it.
      const lines = e.lines.nodes;
      expect(lines.reduce((s: Dec, l: { amountFC: string }) => s.plus(l.amountFC), new Dec(e.openingBalanceFC)).toFixed(2)).toBe(
        e.closingBalanceFC,
      );
      expect(lines[lines.length - 1].balanceAfterFC).toBe(e.closingBalanceFC);
      for (const l of lines) expect(l.entry.entryID).toBe(e.entryID);
    }
    expect(res.data.cashEntryLines.nodes.every((n: { journal: { type: number } }) => n.journal.type === 10)).toBe(true);
  });

  it('are tables of the SQL layer, whose exact sums reproduce the balance rule', async () => {
    const query = `
      SELECT e.EntryID, e.OpeningBalanceFC, e.ClosingBalanceFC, SUM(l.AmountFC) AS Moved, MAX(l.LineNumber) AS LineCount
      FROM BankEntries e JOIN BankEntryLines l ON l.EntryID = e.EntryID
      GROUP BY e.EntryID, e.OpeningBalanceFC, e.ClosingBalanceFC`;
    const res = await gw.gql('query($q: String!) { sql(query: $q) { rows } }', { q: query });
    expect(res.errors).toBeUndefined();
    const rows = res.data.sql.rows as {
      EntryID: string;
      OpeningBalanceFC: string;
      ClosingBalanceFC: string;
      Moved: string;
      LineCount: number;
    }[];
    const stored = await t.db.dataSource.getRepository(BankEntry).find();
    expect(rows.length).toBe(stored.length);
    for (const r of rows) expect(new Dec(r.OpeningBalanceFC).plus(r.Moved).toFixed(2)).toBe(new Dec(r.ClosingBalanceFC).toFixed(2));
    const lines = await t.db.dataSource.getRepository(BankEntryLine).count();
    expect(rows.reduce((n, r) => n + Number(r.LineCount), 0)).toBe(lines);
  });

  it('export as lists and as SQL, with every stored column', async () => {
    const list = await gw.request(`/export?list=bankEntryLines&format=csv&divisions=${D}`);
    expect(list.status).toBe(200);
    const [header, ...body] = (await list.text()).trim().split(/\r?\n/);
    expect(header.split(',')).toEqual(
      expect.arrayContaining(['id', 'entryID', 'lineNumber', 'amountFC', 'balanceAfterFC', 'counterpartyName', 'endToEndID']),
    );
    const mine = (await t.db.dataSource.getRepository(BankEntryLine).find()).filter((l) => l.divisionCode === D);
    expect(body.length).toBe(mine.length);
    const sql = await gw.request(
      `/export?format=ndjson&sql=${encodeURIComponent('SELECT EntryID, JournalCode, ClosingBalanceFC FROM CashEntries ORDER BY EntryDate')}`,
    );
    const rows = (await sql.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.length).toBeGreaterThan(0);
    expect(Object.keys(rows[0])).toEqual(['EntryID', 'JournalCode', 'ClosingBalanceFC']);
  });

  it('need statements:read as lists; analytics reaches them through the SQL layer as it reaches every table', async () => {
    const dashboard = await gw.as({ scopes: ['payments:read'], name: 'dashboard' });
    const refused = await dashboard('{ bankEntryLines(first: 1) { nodes { id } } }');
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', scope: 'statements:read' });
    const nested = await dashboard('{ journals(first: 50) { nodes { code bankEntries { nodes { entryID } } } } }');
    expect(nested.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', scope: 'statements:read' });
    const reader = await gw.as({ scopes: ['statements:read'], name: 'statements' });
    expect((await reader('{ financialAccounts { id } }')).errors).toBeUndefined();
  });
});
