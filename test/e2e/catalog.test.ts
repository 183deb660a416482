import fs from 'node:fs';
import path from 'node:path';
import { openTestDatabase, TestDatabase } from '../support/database';
import { startTestGateway, TestGateway } from '../support/gateway';

/** The catalog query and GET /catalog: one description of every table and column. */
let t: TestDatabase;
let gw: TestGateway;

beforeAll(async () => {
  t = await openTestDatabase('catalog');
  gw = await startTestGateway(t.db);
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

const REFERENCE = ['../shared/reference/payments-columns.tsv', '../../shared/reference/payments-columns.tsv']
  .map((p) => path.resolve(__dirname, '../..', p))
  .find((p) => fs.existsSync(p));

const CATALOG = `query C($table: String) { catalog(table: $table) {
  name graphqlType labelNl labelEn description partitionColumn primaryKey
  allows { read insert update delete }
  columns { name field sqlType labelNl labelEn required derivedFrom documentation }
  relations { name table kind on }
} }`;

describe('catalog', () => {
  it('describes Payments: 81 columns with names, types, labels in both languages and documentation', async () => {
    const res = await gw.gql(CATALOG, { table: 'Payments' });
    expect(res.errors).toBeUndefined();
    const [payments] = res.data.catalog;
    expect(payments).toMatchObject({
      name: 'Payments',
      graphqlType: 'Payment',
      partitionColumn: 'Division',
      primaryKey: 'ID',
      allows: { read: true, insert: true, update: true, delete: true },
    });
    expect(payments.columns).toHaveLength(81);
    for (const c of payments.columns) {
      for (const label of [c.labelNl, c.labelEn]) {
        expect(label.trim()).not.toBe('');
        expect(label).not.toMatch(/\{res:/);
      }
      expect(c.documentation.length).toBeGreaterThan(5);
    }
    const byName = Object.fromEntries(payments.columns.map((c: { name: string }) => [c.name, c]));
    expect(byName.AmountDC).toMatchObject({
      field: 'amountDC',
      sqlType: 'decimal(18,2)',
      required: true,
      labelNl: 'Bedrag Administratie Munteenheid',
    });
    expect(byName.AccountName).toMatchObject({ sqlType: 'string(50)', derivedFrom: 'account.Name' });
    expect(byName.ID.sqlType).toBe('guid');
    expect(byName.Division.sqlType).toBe('int32');
    expect(byName.InvoiceDate.sqlType).toBe('datetime');
  });

  it('reproduces the 81 columns of the reference list, in its order', async () => {
    if (!REFERENCE) {
      console.warn('skipped: ../shared/reference/payments-columns.tsv is not there');
      return;
    }
    const reference = fs
      .readFileSync(REFERENCE, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t'));
    const res = await gw.gql(CATALOG, { table: 'Payments' });
    const columns = res.data.catalog[0].columns as { name: string; sqlType: string }[];
    expect(columns.map((c) => c.name)).toEqual(reference.map((r) => r[0]));
    reference.forEach(([name, type], i) => {
      const ours = columns[i].sqlType;
      // Exact publishes amounts as double (kept exact here) and some strings without length.
      if (type === 'double') expect(ours).toMatch(/^decimal\(\d+,\d+\)$/);
      else if (type === 'string') expect(ours).toMatch(/^string\(\d+\)$/);
      else expect(`${name} ${ours}`).toBe(`${name} ${type}`);
    });
  });

  it('lists every table, and GET /catalog gives the same as JSON', async () => {
    const res = await gw.gql(CATALOG);
    const names = res.data.catalog.map((x: { name: string }) => x.name);
    expect(names).toEqual(expect.arrayContaining(['Payments', 'Accounts', 'GLAccounts', 'Divisions', 'Users', 'PaymentBatches']));
    const users = res.data.catalog.find((x: { name: string }) => x.name === 'Users');
    expect(users.partitionColumn).toBeNull();

    const http = await gw.request('/catalog');
    expect(http.status).toBe(200);
    const body = (await http.json()) as { tables: { name: string; columns: unknown[] }[] };
    expect(body.tables.map((x) => x.name)).toEqual(names);
    expect(body.tables[0].columns).toEqual(res.data.catalog[0].columns);
    const one = (await (await gw.request('/catalog?table=payments')).json()) as { tables: { name: string }[] };
    expect(one.tables.map((x) => x.name)).toEqual(['Payments']);
    expect((await fetch(`${gw.baseUrl}/catalog`)).status).toBe(401);
  });
});
