import { Dec } from '../../src/platform/decimal';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { startTestGateway, TestGateway } from '../support/gateway';

/**
 * Group-by aggregates and ageing over real HTTP; every expectation is computed here, with exact
 * decimals, from all payments read back through the list.
 */
let t: TestDatabase;
let gw: TestGateway;
let all: any[];

beforeAll(async () => {
  t = await openSeededDatabase('aggregates', { payments: 400 });
  gw = await startTestGateway(t.db);
  const res = await gw.gql(
    `{ payments(first: 1000) { nodes { id divisionCode status paymentMethod amountDC amountFC amountDiscountDC dueDate invoiceDate accountID accountName glAccountCode } } }`,
  );
  expect(res.errors).toBeUndefined();
  all = res.data.payments.nodes;
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

const DAY = 86_400_000;
function bucket(iso: string, unit: 'day' | 'week' | 'month' | 'quarter' | 'year'): string {
  const d = new Date(iso);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (unit) {
    case 'day':
      return iso.slice(0, 10);
    case 'week': {
      const monday = new Date(Date.UTC(y, m, d.getUTCDate()) - ((d.getUTCDay() + 6) % 7) * DAY);
      return monday.toISOString().slice(0, 10);
    }
    case 'month':
      return `${iso.slice(0, 7)}-01`;
    case 'quarter':
      return `${y}-${String(Math.floor(m / 3) * 3 + 1).padStart(2, '0')}-01`;
    case 'year':
      return `${y}-01-01`;
  }
}

interface Expected {
  count: number;
  sum: string;
  min: string;
  max: string;
  avg: string;
}
function summarise(rows: any[], field = 'amountDC'): Expected {
  const values = rows.map((r) => new Dec(r[field]));
  const sum = values.reduce((a, b) => a.plus(b), new Dec(0));
  return {
    count: rows.length,
    sum: sum.toFixed(2),
    min: Dec.min(...values).toFixed(2),
    max: Dec.max(...values).toFixed(2),
    avg: sum.dividedBy(rows.length).toFixed(6, Dec.ROUND_HALF_UP),
  };
}
function groupRows(rows: any[], keyOf: (r: any) => string): Map<string, any[]> {
  const m = new Map<string, any[]>();
  for (const r of rows) {
    const k = keyOf(r);
    m.set(k, [...(m.get(k) ?? []), r]);
  }
  return m;
}

describe('aggregates', () => {
  it('sums and counts by status and due month over one division, exactly', async () => {
    const division = all[0].divisionCode;
    const res = await gw.gql(
      `query($d: Int!) { paymentsAggregate(where: { divisionCode: { eq: $d } }, groupBy: [{ field: status }, { field: dueDate, bucket: MONTH }]) {
        key { status dueDate } count sum { amountDC } avg { amountDC } min { amountDC } max { amountDC } } }`,
      { d: division },
    );
    expect(res.errors).toBeUndefined();
    const expected = groupRows(
      all.filter((p) => p.divisionCode === division),
      (p) => `${p.status}|${bucket(p.dueDate, 'month')}`,
    );
    expect(res.data.paymentsAggregate).toHaveLength(expected.size);
    const statusOrder = ['OPEN', 'SELECTED', 'PROCESSED', 'MATCHED'];
    const keys = res.data.paymentsAggregate.map((g: any) => [statusOrder.indexOf(g.key.status), g.key.dueDate]);
    expect(keys).toEqual([...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)));
    for (const g of res.data.paymentsAggregate) {
      const e = summarise(expected.get(`${g.key.status}|${g.key.dueDate}`)!);
      expect({ count: g.count, sum: g.sum.amountDC, min: g.min.amountDC, max: g.max.amountDC, avg: g.avg.amountDC }).toEqual(e);
    }
  });

  it.each(['DAY', 'WEEK', 'QUARTER', 'YEAR'] as const)('groups invoice dates by %s buckets', async (unit) => {
    const res = await gw.gql(
      `{ paymentsAggregate(groupBy: [{ field: invoiceDate, bucket: ${unit} }]) { key { invoiceDate } count sum { amountFC } } }`,
    );
    expect(res.errors).toBeUndefined();
    const expected = groupRows(all, (p) => bucket(p.invoiceDate, unit.toLowerCase() as never));
    expect(res.data.paymentsAggregate.map((g: any) => g.key.invoiceDate)).toEqual([...expected.keys()].sort());
    for (const g of res.data.paymentsAggregate) {
      expect(g.count).toBe(expected.get(g.key.invoiceDate)!.length);
      expect(g.sum.amountFC).toBe(summarise(expected.get(g.key.invoiceDate)!, 'amountFC').sum);
    }
  });

  it('gives one group over all matching rows without groupBy, and null for empty amounts', async () => {
    const res = await gw.gql(
      `{ paymentsAggregate(where: { status: { eq: OPEN } }) { key { status } count sum { amountDC amountDiscountDC } } }`,
    );
    const open = all.filter((p) => p.status === 'OPEN');
    expect(res.data.paymentsAggregate).toEqual([
      { key: { status: null }, count: open.length, sum: { amountDC: summarise(open).sum, amountDiscountDC: expect.anything() } },
    ]);
    const none = await gw.gql(`{ paymentsAggregate(where: { amountDC: { lt: "-1000000" } }) { count sum { amountDC } } }`);
    expect(none.data.paymentsAggregate).toEqual([{ count: 0, sum: { amountDC: null } }]);
  });

  it('filters groups with having, orders them by an aggregate and limits them', async () => {
    const byAccount = groupRows(all, (p) => p.accountID);
    const threshold = new Dec(summarise(all).sum).dividedBy(byAccount.size).toFixed(2);
    const res = await gw.gql(
      `query($th: Decimal!) { paymentsAggregate(groupBy: [{ field: accountID }, { field: accountName }], having: { sum: { amountDC: { gte: $th } }, count: { gt: 2 } }, orderBy: [{ field: sum_amountDC, direction: DESC }], limit: 5) {
        key { accountID accountName } count sum { amountDC } } }`,
      { th: threshold },
    );
    expect(res.errors).toBeUndefined();
    const expected = [...byAccount.values()]
      .map((rows) => ({
        key: { accountID: rows[0].accountID, accountName: rows[0].accountName },
        count: rows.length,
        sum: { amountDC: summarise(rows).sum },
      }))
      .filter((g) => new Dec(g.sum.amountDC).gte(threshold) && g.count > 2)
      .sort((a, b) => new Dec(b.sum.amountDC).cmp(new Dec(a.sum.amountDC)) || (a.key.accountID < b.key.accountID ? -1 : 1))
      .slice(0, 5);
    expect(expected.length).toBeGreaterThan(0);
    expect(res.data.paymentsAggregate).toEqual(expected);
  });

  it('compares averages exactly in having', async () => {
    const byMethod = groupRows(all, (p) => p.paymentMethod);
    const avgs = [...byMethod.entries()].map(([k, rows]) => [k, summarise(rows).avg] as const);
    const [, pivot] = avgs[0];
    const res = await gw.gql(
      `query($v: Decimal!) { paymentsAggregate(groupBy: [{ field: paymentMethod }], having: { avg: { amountDC: { gte: $v } } }) { key { paymentMethod } avg { amountDC } } }`,
      { v: pivot },
    );
    expect(res.errors).toBeUndefined();
    // The pivot is a rounded average: the comparison is with the exact quotient, sum >= pivot * count.
    const exact = (rows: any[]) => new Dec(summarise(rows).sum).dividedBy(rows.length);
    const expected = [...byMethod.entries()]
      .filter(([, rows]) => exact(rows).gte(pivot))
      .map(([k]) => k)
      .sort();
    expect(res.data.paymentsAggregate.map((g: any) => g.key.paymentMethod).sort()).toEqual(expected);
  });

  it('groups by a derived column through a join, and by a relation-filtered where', async () => {
    const code = all[0].glAccountCode;
    const res = await gw.gql(
      `query($c: String!) { paymentsAggregate(where: { glAccount: { code: { eq: $c } } }, groupBy: [{ field: glAccountCode }, { field: divisionCode }]) { key { glAccountCode divisionCode } count } }`,
      { c: code },
    );
    expect(res.errors).toBeUndefined();
    const expected = groupRows(
      all.filter((p) => p.glAccountCode === code),
      (p) => `${p.divisionCode}`,
    );
    expect(res.data.paymentsAggregate).toEqual(
      [...expected.entries()]
        .sort(([a], [b]) => Number(a) - Number(b))
        .map(([d, rows]) => ({ key: { glAccountCode: code, divisionCode: Number(d) }, count: rows.length })),
    );
  });

  it('refuses more groups than the maximum and an order by a column not grouped', async () => {
    const big = await gw.gql(`{ paymentsAggregate(limit: 5000) { count } }`);
    expect(big.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const bad = await gw.gql(`{ paymentsAggregate(groupBy: [{ field: status }], orderBy: [{ field: currency }]) { count } }`);
    expect(bad.errors?.[0].message).toMatch(/^orderBy\[0\]\.field: /);
  });

  it('needs the analytics scope', async () => {
    const reader = await gw.as({ scopes: ['payments:read'] });
    const res = await reader(`{ paymentsAggregate { count } }`);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(res.errors?.[0].message).toMatch(/analytics/);
  });
});

describe('ageing of open payables', () => {
  const AS_OF = '2026-06-15T00:00:00.000Z';
  const BUCKETS = ['notYetDue', 'days1to30', 'days31to60', 'days61to90', 'over90'] as const;
  function expectedAgeing(rows: any[]): Record<string, any> {
    const asOfDay = Date.parse(AS_OF);
    const open = rows.filter((p) => (p.status === 'OPEN' || p.status === 'SELECTED') && Date.parse(p.invoiceDate) < asOfDay + DAY);
    const sums = Object.fromEntries([...BUCKETS, 'total'].map((b) => [b, new Dec(0)]));
    for (const p of open) {
      const days = Math.round((asOfDay - Date.parse(p.dueDate.slice(0, 10))) / DAY);
      const b = days <= 0 ? 'notYetDue' : days <= 30 ? 'days1to30' : days <= 60 ? 'days31to60' : days <= 90 ? 'days61to90' : 'over90';
      sums[b] = sums[b].plus(p.amountDC);
      sums.total = sums.total.plus(p.amountDC);
    }
    return { count: open.length, ...Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, v.toFixed(2)])) };
  }
  const Q = `query($by: AgeingLevel!, $asOf: DateTime!) { paymentAgeing(asOf: $asOf, by: $by) { divisionCode accountID count notYetDue days1to30 days31to60 days61to90 over90 total } }`;

  it('buckets the open amount overall', async () => {
    const res = await gw.gql(Q, { by: 'OVERALL', asOf: AS_OF });
    expect(res.errors).toBeUndefined();
    const e = expectedAgeing(all);
    expect(Number(e.count)).toBeGreaterThan(0);
    expect(new Dec(e.days1to30).plus(e.over90).gt(0)).toBe(true);
    expect(res.data.paymentAgeing).toEqual([{ divisionCode: null, accountID: null, ...e }]);
  });

  it('per division and per account', async () => {
    const perDivision = await gw.gql(Q, { by: 'DIVISION', asOf: AS_OF });
    const divisions = [...new Set(all.map((p) => p.divisionCode))].sort((a, b) => a - b);
    expect(perDivision.data.paymentAgeing).toEqual(
      divisions.map((d) => ({ divisionCode: d, accountID: null, ...expectedAgeing(all.filter((p) => p.divisionCode === d)) })),
    );
    const perAccount = await gw.gql(Q, { by: 'ACCOUNT', asOf: AS_OF });
    expect(perAccount.errors).toBeUndefined();
    for (const row of perAccount.data.paymentAgeing) {
      expect(row).toEqual({
        divisionCode: row.divisionCode,
        accountID: row.accountID,
        ...expectedAgeing(all.filter((p) => p.accountID === row.accountID)),
      });
    }
    const total = perAccount.data.paymentAgeing.reduce((a: any, r: any) => a.plus(r.total), new Dec(0));
    expect(total.toFixed(2)).toBe(expectedAgeing(all).total);
  });
});
