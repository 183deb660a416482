import { openSeededDatabase, TestDatabase, TEST_TODAY } from '../support/database';
import { startTestGateway, TestGateway } from '../support/gateway';

/**
 * Analyst questions answered by the two query languages of the gateway: the SQL layer (`sql`)
 * and the GraphQL aggregates (`paymentsAggregate`). Both compile to their own SQL over the same
 * division scope; the answers must be the same, digit for digit, on SQLite and MariaDB.
 */
let t: TestDatabase;
let gw: TestGateway;

beforeAll(async () => {
  t = await openSeededDatabase('sql_vs_aggregates');
  gw = await startTestGateway(t.db);
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

type Row = Record<string, unknown>;
const STATUS: Record<string, number> = { OPEN: 20, SELECTED: 30, PROCESSED: 40, MATCHED: 50 };
const METHOD: Record<string, string> = { ON_CREDIT: 'B', COLLECTION: 'I', CASH: 'K', CREDIT_CARD: 'V' };
const today = TEST_TODAY.toISOString();

async function sql(query: string, parameters?: Record<string, unknown>): Promise<Row[]> {
  const res = await gw.gql('query Q($q: String!, $p: JSONObject) { sql(query: $q, parameters: $p) { rows } }', { q: query, p: parameters });
  expect(res.errors).toBeUndefined();
  return res.data.sql.rows;
}

async function aggregate(args: string, selection: string): Promise<any[]> {
  const res = await gw.gql(`{ paymentsAggregate${args ? `(${args})` : ''} { ${selection} } }`);
  expect(res.errors).toBeUndefined();
  return res.data.paymentsAggregate;
}

interface Question {
  title: string;
  sql: string;
  parameters?: Record<string, unknown>;
  graphql: () => Promise<Row[]>;
  /** The SQL orders the rows (compare in order), else compare as sets. */
  ordered?: boolean;
}

const questions: Question[] = [
  {
    title: 'total open amount',
    sql: 'select sum(AmountDC) as total from Payments where Status = 20',
    graphql: async () => (await aggregate('where: { status: { eq: OPEN } }', 'sum { amountDC }')).map((g) => ({ total: g.sum.amountDC })),
  },
  {
    title: 'number of payments per status',
    sql: 'select Status, count(*) as n from Payments group by Status',
    graphql: async () =>
      (await aggregate('groupBy: [{ field: status }]', 'key { status } count')).map((g) => ({ Status: STATUS[g.key.status], n: g.count })),
  },
  {
    title: 'total and count per division',
    sql: 'select Division, count(*) as n, sum(AmountDC) as total from Payments group by Division',
    graphql: async () =>
      (await aggregate('groupBy: [{ field: divisionCode }]', 'key { divisionCode } count sum { amountDC }')).map((g) => ({
        Division: g.key.divisionCode,
        n: g.count,
        total: g.sum.amountDC,
      })),
  },
  {
    title: 'five suppliers with the most open money',
    sql: 'select AccountName, sum(AmountDC) as open from Payments where Status = 20 group by AccountName order by open desc limit 5',
    ordered: true,
    graphql: async () =>
      (
        await aggregate(
          'where: { status: { eq: OPEN } }, groupBy: [{ field: accountName }], orderBy: [{ field: sum_amountDC, direction: DESC }], limit: 5',
          'key { accountName } sum { amountDC }',
        )
      ).map((g) => ({ AccountName: g.key.accountName, open: g.sum.amountDC })),
  },
  {
    title: 'average amount per payment method',
    sql: 'select PaymentMethod, avg(AmountDC) as average from Payments group by PaymentMethod',
    graphql: async () =>
      (await aggregate('groupBy: [{ field: paymentMethod }]', 'key { paymentMethod } avg { amountDC }')).map((g) => ({
        PaymentMethod: METHOD[g.key.paymentMethod],
        average: g.avg.amountDC,
      })),
  },
  {
    title: 'smallest and largest foreign amount per currency',
    sql: 'select Currency, min(AmountFC) as lo, max(AmountFC) as hi from Payments group by Currency',
    graphql: async () =>
      (await aggregate('groupBy: [{ field: currency }]', 'key { currency } min { amountFC } max { amountFC }')).map((g) => ({
        Currency: g.key.currency,
        lo: g.min.amountFC,
        hi: g.max.amountFC,
      })),
  },
  {
    title: 'invoiced per month',
    sql: "select date_trunc('month', InvoiceDate) as month, count(*) as n, sum(AmountDC) as total from Payments group by 1",
    graphql: async () =>
      (await aggregate('groupBy: [{ field: invoiceDate, bucket: MONTH }]', 'key { invoiceDate } count sum { amountDC }')).map((g) => ({
        month: g.key.invoiceDate,
        n: g.count,
        total: g.sum.amountDC,
      })),
  },
  {
    title: 'invoiced per quarter',
    sql: "select date_trunc('quarter', InvoiceDate) as quarter, count(*) as n from Payments group by 1",
    graphql: async () =>
      (await aggregate('groupBy: [{ field: invoiceDate, bucket: QUARTER }]', 'key { invoiceDate } count')).map((g) => ({
        quarter: g.key.invoiceDate,
        n: g.count,
      })),
  },
  {
    title: 'invoiced per year',
    sql: "select date_trunc('year', InvoiceDate) as year, sum(AmountDC) as total from Payments group by 1",
    graphql: async () =>
      (await aggregate('groupBy: [{ field: invoiceDate, bucket: YEAR }]', 'key { invoiceDate } sum { amountDC }')).map((g) => ({
        year: g.key.invoiceDate,
        total: g.sum.amountDC,
      })),
  },
  {
    title: 'due per ISO week',
    sql: "select date_trunc('week', DueDate) as week, count(*) as n from Payments where Status = 20 group by 1",
    graphql: async () =>
      (await aggregate('where: { status: { eq: OPEN } }, groupBy: [{ field: dueDate, bucket: WEEK }]', 'key { dueDate } count')).map(
        (g) => ({ week: g.key.dueDate, n: g.count }),
      ),
  },
  {
    title: 'open money overdue today',
    sql: 'select count(*) as n, sum(AmountDC) as total from Payments where Status = 20 and DueDate < :today',
    parameters: { today },
    graphql: async () =>
      (await aggregate(`where: { status: { eq: OPEN }, dueDate: { lt: "${today}" } }`, 'count sum { amountDC }')).map((g) => ({
        n: g.count,
        total: g.sum.amountDC,
      })),
  },
  {
    title: 'payments between 1,000 and 5,000',
    sql: 'select count(*) as n, sum(AmountDC) as total from Payments where AmountDC between 1000 and 5000',
    graphql: async () =>
      (await aggregate('where: { amountDC: { between: { from: "1000", to: "5000" } } }', 'count sum { amountDC }')).map((g) => ({
        n: g.count,
        total: g.sum.amountDC,
      })),
  },
  {
    title: 'suppliers with more than 20 payments',
    sql: 'select AccountName, count(*) as n from Payments group by AccountName having count(*) > 20',
    graphql: async () =>
      (await aggregate('groupBy: [{ field: accountName }], having: { count: { gt: 20 } }', 'key { accountName } count')).map((g) => ({
        AccountName: g.key.accountName,
        n: g.count,
      })),
  },
  {
    title: 'suppliers owed more than 150,000',
    sql: 'select AccountName, sum(AmountDC) as total from Payments group by AccountName having sum(AmountDC) > 150000',
    graphql: async () =>
      (
        await aggregate(
          'groupBy: [{ field: accountName }], having: { sum: { amountDC: { gt: "150000" } } }',
          'key { accountName } sum { amountDC }',
        )
      ).map((g) => ({ AccountName: g.key.accountName, total: g.sum.amountDC })),
  },
  {
    title: 'payments not in a batch yet',
    sql: 'select count(*) as n from Payments where CashflowTransactionBatchCode is null',
    graphql: async () =>
      (await aggregate('where: { cashflowTransactionBatchCode: { isNull: true } }', 'count')).map((g) => ({ n: g.count })),
  },
  {
    title: 'owed per foreign currency',
    sql: "select Currency, sum(AmountFC) as fc, sum(AmountDC) as dc from Payments where Currency <> 'EUR' group by Currency",
    graphql: async () =>
      (
        await aggregate('where: { currency: { ne: "EUR" } }, groupBy: [{ field: currency }]', 'key { currency } sum { amountFC amountDC }')
      ).map((g) => ({ Currency: g.key.currency, fc: g.sum.amountFC, dc: g.sum.amountDC })),
  },
  {
    title: 'total per G/L account code (derived column)',
    sql: 'select GLAccountCode, sum(AmountDC) as total from Payments group by GLAccountCode',
    graphql: async () =>
      (await aggregate('groupBy: [{ field: glAccountCode }]', 'key { glAccountCode } sum { amountDC }')).map((g) => ({
        GLAccountCode: g.key.glAccountCode,
        total: g.sum.amountDC,
      })),
  },
  {
    title: 'money to suppliers whose name ends in BV',
    sql: "select count(*) as n, sum(AmountDC) as total from Payments where AccountName like '%BV'",
    graphql: async () =>
      (await aggregate('where: { accountName: { endsWith: "BV" } }', 'count sum { amountDC }')).map((g) => ({
        n: g.count,
        total: g.sum.amountDC,
      })),
  },
  {
    title: 'still to pay (open or selected)',
    sql: 'select sum(AmountDC) as total from Payments where Status in (20, 30)',
    graphql: async () =>
      (await aggregate('where: { status: { in: [OPEN, SELECTED] } }', 'sum { amountDC }')).map((g) => ({ total: g.sum.amountDC })),
  },
  {
    title: 'owed to suppliers named A to M (subquery on Accounts / relation filter)',
    sql: "select count(*) as n, sum(AmountDC) as total from Payments where Account in (select ID from Accounts where Name < 'N')",
    graphql: async () =>
      (await aggregate('where: { account: { name: { lt: "N" } } }', 'count sum { amountDC }')).map((g) => ({
        n: g.count,
        total: g.sum.amountDC,
      })),
  },
  {
    title: 'largest total owed to one supplier (subquery in FROM)',
    sql: 'select max(total) as largest from (select Account, sum(AmountDC) as total from Payments group by Account) as per_supplier',
    graphql: async () =>
      (
        await aggregate(
          'groupBy: [{ field: accountID }], orderBy: [{ field: sum_amountDC, direction: DESC }], limit: 1',
          'sum { amountDC }',
        )
      ).map((g) => ({ largest: g.sum.amountDC })),
  },
  {
    title: 'open against settled (UNION)',
    sql: "select 'open' as kind, count(*) as n, sum(AmountDC) as total from Payments where Status = 20 union all select 'settled', count(*), sum(AmountDC) from Payments where Status = 50",
    graphql: async () => [
      ...(await aggregate('where: { status: { eq: OPEN } }', 'count sum { amountDC }')).map((g) => ({
        kind: 'open',
        n: g.count,
        total: g.sum.amountDC,
      })),
      ...(await aggregate('where: { status: { eq: MATCHED } }', 'count sum { amountDC }')).map((g) => ({
        kind: 'settled',
        n: g.count,
        total: g.sum.amountDC,
      })),
    ],
  },
  {
    title: 'average and extremes of the discount per division',
    sql: 'select Division, avg(AmountDiscountDC) as average, min(AmountDiscountDC) as lo, max(AmountDiscountDC) as hi from Payments group by Division',
    graphql: async () =>
      (
        await aggregate(
          'groupBy: [{ field: divisionCode }]',
          'key { divisionCode } avg { amountDiscountDC } min { amountDiscountDC } max { amountDiscountDC }',
        )
      ).map((g) => ({
        Division: g.key.divisionCode,
        average: g.avg.amountDiscountDC,
        lo: g.min.amountDiscountDC,
        hi: g.max.amountDiscountDC,
      })),
  },
  {
    title: 'open money per supplier and month of the due date',
    sql: "select AccountCode, date_trunc('month', DueDate) as month, sum(AmountDC) as total from Payments where Status = 20 group by AccountCode, date_trunc('month', DueDate)",
    graphql: async () =>
      (
        await aggregate(
          'where: { status: { eq: OPEN } }, groupBy: [{ field: accountCode }, { field: dueDate, bucket: MONTH }]',
          'key { accountCode dueDate } sum { amountDC }',
        )
      ).map((g) => ({ AccountCode: g.key.accountCode, month: g.key.dueDate, total: g.sum.amountDC })),
  },
];

const canonical = (rows: Row[], ordered?: boolean) => {
  const lines = rows.map((r) => JSON.stringify(r));
  return ordered ? lines : lines.sort();
};

describe('SQL layer and GraphQL aggregates give the same answers', () => {
  it('asks at least 20 questions', () => expect(questions.length).toBeGreaterThanOrEqual(20));

  it.each(questions.map((q) => [q.title, q] as const))('%s', async (_title, q) => {
    const [viaSql, viaGraphql] = await Promise.all([sql(q.sql, q.parameters), q.graphql()]);
    expect(viaSql.length).toBeGreaterThan(0);
    expect(canonical(viaSql, q.ordered)).toEqual(canonical(viaGraphql, q.ordered));
  });
});
