import { allDivisionCodes } from '../../src/access/authenticate';
import { Account } from '../../src/modules/accounts/account.entity';
import { GLAccount } from '../../src/modules/gl-accounts/gl-account.entity';
import { Receivable } from '../../src/modules/receivables/receivable.entity';
import { Dec } from '../../src/platform/decimal';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { GraphQLResult, startTestGateway, TestGateway } from '../support/gateway';

/**
 * Reading receivables: lists (filters, derived columns, relations, sorting, keyset pages),
 * receivablesAggregate, receivableAgeing, the SQL layer, exports and the read scopes, over real
 * HTTP. Every expectation is computed here from the seeded rows as the database holds them
 * (read with TypeORM, not through the gateway), with exact decimals.
 */
let t: TestDatabase;
let gw: TestGateway;
let rows: Receivable[];
let accounts: Map<string, Account>;
let gls: Map<string, GLAccount>;
let divisions: number[];

const DAY = 86_400_000;
const STATUS = { 20: 'OPEN', 30: 'SELECTED', 40: 'PROCESSED', 50: 'MATCHED' } as Record<number, string>;
const sum = (xs: Receivable[]) => xs.reduce((a, r) => a.plus(r.amountDC), new Dec(0)).toFixed(2);
const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();

beforeAll(async () => {
  t = await openSeededDatabase('receivables', { divisions: 3, payments: 600 });
  gw = await startTestGateway(t.db);
  const m = t.db.dataSource.manager;
  rows = await m.find(Receivable);
  accounts = new Map((await m.find(Account)).map((a) => [a.id, a]));
  gls = new Map((await m.find(GLAccount)).map((g) => [g.id, g]));
  divisions = await allDivisionCodes(t.db);
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

/** Every page of a list query, following endCursor. */
async function pages(query: string, variables: Record<string, unknown>, field = 'receivables'): Promise<any[]> {
  const out: any[] = [];
  let after: string | null = null;
  for (;;) {
    const res: GraphQLResult = await gw.gql(query, { ...variables, after });
    expect(res.errors).toBeUndefined();
    out.push(...res.data[field].nodes);
    if (!res.data[field].pageInfo.hasNextPage) return out;
    after = res.data[field].pageInfo.endCursor;
  }
}

describe('the seeded receivables', () => {
  it('exist in every status and division, each owed by a customer on a G/L account of type 20', () => {
    expect(rows.length).toBe(300);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set([20, 30, 40, 50]));
    expect(new Set(rows.map((r) => r.divisionCode))).toEqual(new Set(divisions));
    for (const r of rows) {
      const a = accounts.get(r.accountID)!;
      expect({ isSales: a.isSales, isSupplier: a.isSupplier, glType: gls.get(r.glAccountID)!.type }).toEqual({
        isSales: true,
        isSupplier: false,
        glType: 20,
      });
    }
  });
});

describe('receivables list', () => {
  const Q = `query($w: ReceivableWhere, $o: [ReceivableOrderBy!], $after: String) {
    receivables(where: $w, orderBy: $o, first: 17, after: $after) {
      nodes { id divisionCode status amountDC dueDate accountName accountCode glAccountCode paymentReference account { id country } }
      pageInfo { hasNextPage endCursor } } }`;

  it('shows every row with the columns derived from its customer and G/L account', async () => {
    const nodes = await pages(Q, {});
    expect(ids(nodes)).toEqual(ids(rows));
    for (const n of nodes) {
      const r = rows.find((x) => x.id === n.id)!;
      const a = accounts.get(r.accountID)!;
      expect(n).toMatchObject({ divisionCode: r.divisionCode, status: STATUS[r.status], amountDC: r.amountDC, accountName: a.name });
      expect({ code: n.accountCode, gl: n.glAccountCode, account: n.account.id }).toEqual({
        code: a.code,
        gl: gls.get(r.glAccountID)!.code,
        account: a.id,
      });
    }
  });

  it('filters on codes, amounts, derived columns and relations', async () => {
    const w = { status: { in: ['SELECTED', 'PROCESSED'] }, amountDC: { gte: '1000.00' } };
    const expected = rows.filter((r) => (r.status === 30 || r.status === 40) && new Dec(r.amountDC).gte(1000));
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(await pages(Q, { w }))).toEqual(ids(expected));

    const belgian = rows.filter((r) => accounts.get(r.accountID)!.country === 'BE');
    expect(ids(await pages(Q, { w: { account: { country: { eq: 'BE' } } } }))).toEqual(ids(belgian));
    const name = accounts.get(rows[0].accountID)!.name;
    expect(ids(await pages(Q, { w: { accountName: { eq: name } } }))).toEqual(
      ids(rows.filter((r) => accounts.get(r.accountID)!.name === name)),
    );
    const collected = rows.filter((r) => r.paymentMethod === 'I');
    expect(ids(await pages(Q, { w: { paymentMethod: { eq: 'COLLECTION' }, directDebitMandateID: { isNull: false } } }))).toEqual(
      ids(collected),
    );
  });

  it('sorts and pages by keyset, every row once and in order', async () => {
    const o = [{ field: 'dueDate', direction: 'DESC' }, { field: 'amountDC' }];
    const nodes = await pages(Q, { o });
    const expected = [...rows].sort(
      (a, b) => b.dueDate.getTime() - a.dueDate.getTime() || new Dec(a.amountDC).cmp(new Dec(b.amountDC)) || (a.id < b.id ? -1 : 1),
    );
    expect(nodes.map((n) => n.id)).toEqual(expected.map((r) => r.id));
  });

  it("lists a customer's receivables under it, only those of its division", async () => {
    const customer = accounts.get(rows[0].accountID)!;
    const res = await gw.gql(`query($id: UUID!) { account(id: $id) { receivables(first: 1000) { totalCount nodes { id } } } }`, {
      id: customer.id,
    });
    expect(res.errors).toBeUndefined();
    const own = rows.filter((r) => r.accountID === customer.id);
    expect(ids(res.data.account.receivables.nodes)).toEqual(ids(own));
    expect(res.data.account.receivables.totalCount).toBe(own.length);
  });

  it('looks one receivable up by ID', async () => {
    const r = rows[5];
    const res = await gw.gql(`query($id: UUID!) { receivable(id: $id) { id amountFC currency version journalDescription } }`, { id: r.id });
    expect(res.data.receivable).toEqual({
      id: r.id,
      amountFC: r.amountFC,
      currency: r.currency,
      version: 1,
      journalDescription: 'Verkoopboek',
    });
  });
});

describe('receivablesAggregate', () => {
  it('counts and sums by status and due month, exactly', async () => {
    const res = await gw.gql(`{ receivablesAggregate(groupBy: [{ field: status }, { field: dueDate, bucket: MONTH }]) {
      key { status dueDate } count sum { amountDC } } }`);
    expect(res.errors).toBeUndefined();
    const expected = new Map<string, Receivable[]>();
    for (const r of rows) {
      const k = `${STATUS[r.status]}|${r.dueDate.toISOString().slice(0, 7)}-01`;
      expected.set(k, [...(expected.get(k) ?? []), r]);
    }
    expect(res.data.receivablesAggregate).toHaveLength(expected.size);
    for (const g of res.data.receivablesAggregate) {
      const group = expected.get(`${g.key.status}|${g.key.dueDate.slice(0, 10)}`)!;
      expect({ count: g.count, sum: g.sum.amountDC }).toEqual({ count: group.length, sum: sum(group) });
    }
  });

  it('groups by the customer name read through the relation', async () => {
    const res = await gw.gql(`{ receivablesAggregate(groupBy: [{ field: accountName }]) { key { accountName } count sum { amountDC } } }`);
    expect(res.errors).toBeUndefined();
    const byName = new Map<string, Receivable[]>();
    for (const r of rows) {
      const name = accounts.get(r.accountID)!.name;
      byName.set(name, [...(byName.get(name) ?? []), r]);
    }
    const got = Object.fromEntries(res.data.receivablesAggregate.map((g: any) => [g.key.accountName, [g.count, g.sum.amountDC]]));
    expect(got).toEqual(Object.fromEntries([...byName].map(([name, group]) => [name, [group.length, sum(group)]])));
  });
});

describe('receivableAgeing', () => {
  const AS_OF = '2026-06-15T00:00:00.000Z';
  const BUCKETS = ['notYetDue', 'days1to30', 'days31to60', 'days61to90', 'over90'] as const;
  /** The rule: open (20) and selected (30) items invoiced on or before the day, by days past due. */
  function expected(xs: Receivable[]): Record<string, any> {
    const asOf = Date.parse(AS_OF);
    const open = xs.filter((r) => (r.status === 20 || r.status === 30) && r.invoiceDate.getTime() < asOf + DAY);
    const sums = Object.fromEntries([...BUCKETS, 'total'].map((b) => [b, new Dec(0)]));
    for (const r of open) {
      const days = Math.round((asOf - Date.parse(r.dueDate.toISOString().slice(0, 10))) / DAY);
      const b = days <= 0 ? 'notYetDue' : days <= 30 ? 'days1to30' : days <= 60 ? 'days31to60' : days <= 90 ? 'days61to90' : 'over90';
      sums[b] = sums[b].plus(r.amountDC);
      sums.total = sums.total.plus(r.amountDC);
    }
    return { count: open.length, ...Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, v.toFixed(2)])) };
  }
  const Q = `query($by: AgeingLevel!) { receivableAgeing(asOf: "${AS_OF}", by: $by) {
    divisionCode accountID accountName count notYetDue days1to30 days31to60 days61to90 over90 total } }`;

  it('buckets the open amount overall, per division and per customer', async () => {
    const overall = await gw.gql(Q, { by: 'OVERALL' });
    expect(overall.errors).toBeUndefined();
    const e = expected(rows);
    expect(e.count).toBeGreaterThan(0);
    expect(new Dec(e.notYetDue).gt(0) && new Dec(e.over90).gt(0)).toBe(true);
    expect(overall.data.receivableAgeing).toEqual([{ divisionCode: null, accountID: null, accountName: null, ...e }]);

    const perDivision = await gw.gql(Q, { by: 'DIVISION' });
    expect(perDivision.data.receivableAgeing).toEqual(
      divisions.map((d) => ({
        divisionCode: d,
        accountID: null,
        accountName: null,
        ...expected(rows.filter((r) => r.divisionCode === d)),
      })),
    );

    const perCustomer = await gw.gql(Q, { by: 'ACCOUNT' });
    const customers = new Set(rows.filter((r) => expected([r]).count === 1).map((r) => r.accountID));
    expect(perCustomer.data.receivableAgeing.map((l: any) => l.accountID).sort()).toEqual([...customers].sort());
    for (const line of perCustomer.data.receivableAgeing) {
      const own = rows.filter((r) => r.accountID === line.accountID);
      expect(line).toEqual({
        divisionCode: own[0].divisionCode,
        accountID: line.accountID,
        accountName: accounts.get(line.accountID)!.name,
        ...expected(own),
      });
    }
    const total = perCustomer.data.receivableAgeing.reduce((a: Dec, l: any) => a.plus(l.total), new Dec(0));
    expect(total.toFixed(2)).toBe(e.total);
  });

  it('narrows by a filter like the list, and needs the analytics scope', async () => {
    const res = await gw.gql(`{ receivableAgeing(asOf: "${AS_OF}", where: { paymentMethod: { eq: COLLECTION } }) { count total } }`);
    const { count, total } = expected(rows.filter((r) => r.paymentMethod === 'I'));
    expect(res.data.receivableAgeing).toEqual([{ count, total }]);
    const typo = await gw.gql(`{ receivableAgeing(asOf: "2206-06-15T00:00:00Z") { total } }`);
    expect(typo.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'asOf', rule: 'INVALID_VALUE' });
    const reader = await gw.as({ scopes: ['receivables:read'] });
    const refused = await reader(`{ receivableAgeing(asOf: "${AS_OF}") { total } }`);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', scope: 'analytics' });
  });
});

describe('the SQL layer and exports', () => {
  it("answers SELECT over Receivables with Exact's names, derived columns included", async () => {
    const res = await gw.gql(
      `{ sql(query: "select Status, count(*) as n, sum(AmountDC) as s from Receivables group by Status order by Status") { rows } }`,
    );
    expect(res.errors).toBeUndefined();
    const expected = [20, 30, 40, 50].map((s) => ({
      Status: s,
      n: rows.filter((r) => r.status === s).length,
      s: sum(rows.filter((r) => r.status === s)),
    }));
    expect(res.data.sql.rows).toEqual(expected);
    const sql = "select ID, AccountName, GLAccountCode, PaymentReference from Receivables where PaymentReference like '+++%'";
    const named = await gw.gql(`query($q: String!) { sql(query: $q) { rows } }`, { q: sql });
    const belgian = rows.filter((r) => r.paymentReference?.startsWith('+++'));
    expect(named.data.sql.rows.map((x: any) => x.ID).sort()).toEqual(ids(belgian));
    for (const x of named.data.sql.rows) {
      const r = rows.find((y) => y.id === x.ID)!;
      expect(x).toEqual({
        ID: r.id,
        AccountName: accounts.get(r.accountID)!.name,
        GLAccountCode: gls.get(r.glAccountID)!.code,
        PaymentReference: r.paymentReference,
      });
    }
  });

  it('exports the list and a SQL query, restricted to the divisions asked for', async () => {
    const list = await gw.request(`/export?list=receivables&format=ndjson&divisions=${divisions[0]}`);
    expect(list.status).toBe(200);
    const exported = (await list.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const mine = rows.filter((r) => r.divisionCode === divisions[0]);
    expect(exported.map((x) => x.id).sort()).toEqual(ids(mine));
    const first = exported.find((x) => x.id === mine[0].id);
    expect(first).toMatchObject({ divisionCode: divisions[0], amountDC: mine[0].amountDC, paymentReference: mine[0].paymentReference });

    const sql = await gw.request(
      `/export?format=csv&sql=${encodeURIComponent('select ID, Division, AmountDC, AccountCode from Receivables order by ID')}`,
    );
    const [header, ...lines] = (await sql.text()).trim().split(/\r?\n/);
    expect(header).toBe('ID,Division,AmountDC,AccountCode');
    expect(lines).toHaveLength(rows.length);
  });
});

describe('read scopes', () => {
  it('reads receivables with receivables:read, not with payments:read alone', async () => {
    const payables = await gw.as({ scopes: ['payments:read'] });
    for (const q of ['{ receivables { totalCount } }', `{ receivable(id: "${rows[0].id}") { id } }`]) {
      const res = await payables(q);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', scope: 'receivables:read' });
    }
    const nested = await payables('{ accounts(first: 1) { nodes { id receivables { totalCount } } } }');
    expect(nested.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', scope: 'receivables:read' });

    const collections = await gw.as({ scopes: ['receivables:read'] });
    const ok = await collections('{ receivables { totalCount } }');
    expect(ok.data.receivables.totalCount).toBe(rows.length);
    const payments = await collections('{ payments { totalCount } }');
    expect(payments.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', scope: 'payments:read' });
  });
});
