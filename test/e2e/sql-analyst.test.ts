import { Dec } from '../../src/platform/decimal';
import { openSeededDatabase, TestDatabase, TEST_TODAY } from '../support/database';
import { startTestGateway, TestGateway } from '../support/gateway';

/**
 * Analyst questions answered twice: once by the SQL layer (the `sql` field), once from the
 * GraphQL API's payments list with the arithmetic done here in exact decimals. Both views go
 * through the same division scope; the answers must be identical, on SQLite and MariaDB.
 */
let t: TestDatabase;
let gw: TestGateway;
let payments: P[];

interface P {
  id: string;
  amountDC: string;
  amountFC: string;
  currency: string;
  status: number;
  paymentMethod: string;
  invoiceDate: string;
  dueDate: string;
  accountName: string;
  accountID: string;
  divisionCode: number;
  glAccountCode: string;
  cashflowTransactionBatchCode: string | null;
  paymentDays: number | null;
  description: string | null;
}

const STATUS: Record<string, number> = { OPEN: 20, SELECTED: 30, PROCESSED: 40, MATCHED: 50 };
const METHOD: Record<string, string> = { ON_CREDIT: 'B', COLLECTION: 'I', CASH: 'K', CREDIT_CARD: 'V' };

beforeAll(async () => {
  t = await openSeededDatabase('sql_analyst');
  gw = await startTestGateway(t.db);
  const res = await gw.gql(`{ payments(first: 1000) { nodes {
    id amountDC amountFC currency status paymentMethod invoiceDate dueDate accountName accountID divisionCode
    glAccountCode cashflowTransactionBatchCode paymentDays description } } }`);
  expect(res.errors).toBeUndefined();
  payments = res.data.payments.nodes.map((p: any) => ({ ...p, status: STATUS[p.status], paymentMethod: METHOD[p.paymentMethod] }));
  expect(payments.length).toBe(600);
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

async function sql(query: string, parameters?: Record<string, unknown>): Promise<Record<string, unknown>[]> {
  const res = await gw.gql('query Q($q: String!, $p: JSONObject) { sql(query: $q, parameters: $p) { rows rowCount } }', {
    q: query,
    p: parameters,
  });
  expect(res.errors).toBeUndefined();
  return res.data.sql.rows;
}

// ---- exact helpers over the GraphQL rows
const sum = (xs: P[], f: (p: P) => string | null = (p) => p.amountDC) =>
  xs.reduce((acc, p) => (f(p) === null ? acc : acc.plus(f(p)!)), new Dec(0));
const groupBy = <K>(xs: P[], key: (p: P) => K) => {
  const m = new Map<K, P[]>();
  for (const p of xs) m.set(key(p), [...(m.get(key(p)) ?? []), p]);
  return m;
};
const money = (d: InstanceType<typeof Dec>, scale = 2) => d.toFixed(scale);
const sorted = (rows: Record<string, unknown>[]) => rows.map((r) => JSON.stringify(r)).sort();
const month = (iso: string) => `${iso.slice(0, 7)}-01`;
const todayText = TEST_TODAY.toISOString().slice(0, 10);

const questions: [string, () => Promise<void>][] = [
  [
    'What is the total open amount (status 20)?',
    async () => {
      expect(await sql('select sum(AmountDC) as total from Payments where Status = 20')).toEqual([
        { total: money(sum(payments.filter((p) => p.status === 20))) },
      ]);
    },
  ],
  [
    'How many payments are there per status?',
    async () => {
      const rows = await sql('select Status, count(*) as n from Payments group by Status order by Status');
      const expected = [...groupBy(payments, (p) => p.status)].sort((a, b) => a[0] - b[0]).map(([s, ps]) => ({ Status: s, n: ps.length }));
      expect(rows).toEqual(expected);
    },
  ],
  [
    'What is the total per division?',
    async () => {
      const rows = await sql('select Division, sum(AmountDC) as total from Payments group by Division');
      expect(sorted(rows)).toEqual(
        sorted([...groupBy(payments, (p) => p.divisionCode)].map(([d, ps]) => ({ Division: d, total: money(sum(ps)) }))),
      );
    },
  ],
  [
    'Which five suppliers have the most open money?',
    async () => {
      const rows = await sql(
        'select AccountName, sum(AmountDC) as open from Payments where Status = :s group by AccountName order by open desc limit 5',
        { s: 20 },
      );
      const all = [
        ...groupBy(
          payments.filter((p) => p.status === 20),
          (p) => p.accountName,
        ),
      ].map(([a, ps]) => ({ AccountName: a, open: sum(ps) }));
      all.sort((a, b) => b.open.cmp(a.open));
      expect(rows).toEqual(all.slice(0, 5).map((r) => ({ AccountName: r.AccountName, open: money(r.open) })));
    },
  ],
  [
    'What is the average amount per payment method?',
    async () => {
      const rows = await sql('select PaymentMethod, avg(AmountDC) as average from Payments group by PaymentMethod');
      const expected = [...groupBy(payments, (p) => p.paymentMethod)].map(([m, ps]) => ({
        PaymentMethod: m,
        average: sum(ps).dividedBy(ps.length).toFixed(6),
      }));
      expect(sorted(rows)).toEqual(sorted(expected));
    },
  ],
  [
    'What are the smallest and largest amounts per currency?',
    async () => {
      const rows = await sql('select Currency, min(AmountFC) as lo, max(AmountFC) as hi from Payments group by Currency');
      const expected = [...groupBy(payments, (p) => p.currency)].map(([c, ps]) => ({
        Currency: c,
        lo: Dec.min(...ps.map((p) => p.amountFC)).toFixed(2),
        hi: Dec.max(...ps.map((p) => p.amountFC)).toFixed(2),
      }));
      expect(sorted(rows)).toEqual(sorted(expected));
    },
  ],
  [
    'What was invoiced per month?',
    async () => {
      const rows = await sql(
        "select date_trunc('month', InvoiceDate) as month, sum(AmountDC) as total, count(*) as n from Payments group by date_trunc('month', InvoiceDate) order by month",
      );
      const expected = [...groupBy(payments, (p) => month(p.invoiceDate))]
        .sort((a, b) => a[0].localeCompare(b[0]))
        .map(([m, ps]) => ({ month: m, total: money(sum(ps)), n: ps.length }));
      expect(rows).toEqual(expected);
    },
  ],
  [
    'How many invoices per year and quarter?',
    async () => {
      const rows = await sql('select year(InvoiceDate) y, quarter(InvoiceDate) q, count(*) n from Payments group by 1, 2 order by 1, 2');
      const key = (p: P) => `${p.invoiceDate.slice(0, 4)}-${Math.floor((Number(p.invoiceDate.slice(5, 7)) - 1) / 3) + 1}`;
      const expected = [...groupBy(payments, key)]
        .sort((a, b) => a[0].localeCompare(b[0]))
        .map(([k, ps]) => ({ y: Number(k.slice(0, 4)), q: Number(k.slice(5)), n: ps.length }));
      expect(rows).toEqual(expected);
    },
  ],
  [
    'How much open money is overdue today?',
    async () => {
      const rows = await sql('select count(*) n, sum(AmountDC) total from Payments where Status = 20 and DueDate < :today', {
        today: todayText,
      });
      const overdue = payments.filter((p) => p.status === 20 && p.dueDate < TEST_TODAY.toISOString());
      expect(rows).toEqual([{ n: overdue.length, total: overdue.length ? money(sum(overdue)) : null }]);
    },
  ],
  [
    'How many payments are between 1,000 and 5,000 euro?',
    async () => {
      const rows = await sql('select count(*) n from Payments where AmountDC between 1000 and 5000.00');
      expect(rows).toEqual([{ n: payments.filter((p) => new Dec(p.amountDC).gte(1000) && new Dec(p.amountDC).lte(5000)).length }]);
    },
  ],
  [
    'Which suppliers have more than 20 payments?',
    async () => {
      const rows = await sql('select AccountName, count(*) as n from Payments group by AccountName having count(*) > 20');
      const expected = [...groupBy(payments, (p) => p.accountName)]
        .filter(([, ps]) => ps.length > 20)
        .map(([a, ps]) => ({ AccountName: a, n: ps.length }));
      expect(sorted(rows)).toEqual(sorted(expected));
    },
  ],
  [
    'How many distinct suppliers does each division pay?',
    async () => {
      const rows = await sql('select Division, count(distinct Account) as suppliers from Payments group by Division');
      const expected = [...groupBy(payments, (p) => p.divisionCode)].map(([d, ps]) => ({
        Division: d,
        suppliers: new Set(ps.map((p) => p.accountID)).size,
      }));
      expect(sorted(rows)).toEqual(sorted(expected));
    },
  ],
  [
    'How many payments are not in a batch yet?',
    async () => {
      const rows = await sql('select count(*) as n from Payments where CashflowTransactionBatchCode is null');
      expect(rows).toEqual([{ n: payments.filter((p) => p.cashflowTransactionBatchCode === null).length }]);
    },
  ],
  [
    'What is owed per foreign currency?',
    async () => {
      const rows = await sql("select Currency, sum(AmountFC) as fc from Payments where Currency <> 'EUR' group by Currency");
      const expected = [
        ...groupBy(
          payments.filter((p) => p.currency !== 'EUR'),
          (p) => p.currency,
        ),
      ].map(([c, ps]) => ({ Currency: c, fc: money(sum(ps, (p) => p.amountFC)) }));
      expect(sorted(rows)).toEqual(sorted(expected));
    },
  ],
  [
    'What is the total per G/L account code?',
    async () => {
      const rows = await sql('select GLAccountCode, sum(AmountDC) as total from Payments group by GLAccountCode');
      const expected = [...groupBy(payments, (p) => p.glAccountCode)].map(([g, ps]) => ({ GLAccountCode: g, total: money(sum(ps)) }));
      expect(sorted(rows)).toEqual(sorted(expected));
    },
  ],
  [
    'How much goes to suppliers whose name ends in BV?',
    async () => {
      const rows = await sql("select count(*) n, sum(AmountDC) total from Payments where AccountName like '%BV'");
      const bv = payments.filter((p) => p.accountName.toLowerCase().endsWith('bv'));
      expect(rows).toEqual([{ n: bv.length, total: bv.length ? money(sum(bv)) : null }]);
    },
  ],
  [
    'What is still to pay (open or selected)?',
    async () => {
      const rows = await sql('select sum(AmountDC) total from Payments where Status in (20, 30)');
      expect(rows).toEqual([{ total: money(sum(payments.filter((p) => p.status === 20 || p.status === 30))) }]);
    },
  ],
  [
    'What do we owe suppliers whose name starts with a letter from A to M (subquery on Accounts)?',
    async () => {
      const rows = await sql("select sum(AmountDC) total from Payments where Account in (select ID from Accounts where Name < 'N')");
      expect(rows).toEqual([{ total: money(sum(payments.filter((p) => p.accountName.toUpperCase() < 'N'))) }]);
    },
  ],
  [
    'How do open and settled money compare (UNION)?',
    async () => {
      const rows = await sql(
        "select 'open' as kind, sum(AmountDC) as total from Payments where Status = 20 union all select 'settled', sum(AmountDC) from Payments where Status = 50 order by kind",
      );
      expect(rows).toEqual([
        { kind: 'open', total: money(sum(payments.filter((p) => p.status === 20))) },
        { kind: 'settled', total: money(sum(payments.filter((p) => p.status === 50))) },
      ]);
    },
  ],
  [
    'What are the average payment terms in days?',
    async () => {
      const rows = await sql('select avg(PaymentDays) as days from Payments where PaymentDays is not null');
      const withDays = payments.filter((p) => p.paymentDays !== null);
      expect(rows).toEqual([{ days: new Dec(withDays.reduce((a, p) => a + p.paymentDays!, 0)).dividedBy(withDays.length).toFixed(4) }]);
    },
  ],
  [
    'What is the average payment per status, rounded to cents (SUM / COUNT)?',
    async () => {
      const rows = await sql('select Status, round(sum(AmountDC) / count(*), 2) as average from Payments group by Status');
      const expected = [...groupBy(payments, (p) => p.status)].map(([s, ps]) => ({
        Status: s,
        average: sum(ps).dividedBy(ps.length).toDecimalPlaces(6).toFixed(2),
      }));
      expect(sorted(rows)).toEqual(sorted(expected));
    },
  ],
  [
    'What is the largest total owed to one supplier (subquery in FROM)?',
    async () => {
      const rows = await sql(
        'select max(total) as largest from (select Account, sum(AmountDC) as total from Payments group by Account) as per_supplier',
      );
      const totals = [...groupBy(payments, (p) => p.accountID)].map(([, ps]) => sum(ps));
      expect(rows).toEqual([{ largest: money(Dec.max(...totals)) }]);
    },
  ],
  [
    'In which months do payments fall due?',
    async () => {
      const rows = await sql('select month(DueDate) as m, count(*) as n from Payments group by month(DueDate) order by m');
      const expected = [...groupBy(payments, (p) => Number(p.dueDate.slice(5, 7)))]
        .sort((a, b) => a[0] - b[0])
        .map(([m, ps]) => ({ m, n: ps.length }));
      expect(rows).toEqual(expected);
    },
  ],
  [
    'What is owed per G/L account description (JOIN)?',
    async () => {
      const rows = await sql(
        'select g.Code, sum(p.AmountDC) as total from Payments p join GLAccounts g on g.ID = p.GLAccount group by g.Code',
      );
      const expected = [...groupBy(payments, (p) => p.glAccountCode)].map(([g, ps]) => ({ Code: g, total: money(sum(ps)) }));
      expect(sorted(rows)).toEqual(sorted(expected));
    },
  ],
];

describe('analyst questions: SQL layer and GraphQL agree', () => {
  it('has at least 20 questions', () => expect(questions.length).toBeGreaterThanOrEqual(20));
  it.each(questions)('%s', async (_title, check) => {
    await check();
  });
});
