import { Dec } from '../../src/platform/decimal';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { startTestGateway, TestGateway } from '../support/gateway';

/**
 * The list-query builder over real HTTP: filters (also through relations), sorting, keyset and
 * offset pagination, page limits and nested lists batched per request. Expectations are
 * computed here from all rows read back, never hard-coded.
 */
let t: TestDatabase;
let gw: TestGateway;
let all: any[];

const FIELDS =
  'id accountID divisionCode status amountDC dueDate description accountName glAccountCode paymentMethod cashflowTransactionBatchCode';

beforeAll(async () => {
  t = await openSeededDatabase('list_query', { payments: 400 });
  gw = await startTestGateway(t.db);
  const res = await gw.gql(`{ payments(first: 1000) { totalCount nodes { ${FIELDS} } } }`);
  expect(res.errors).toBeUndefined();
  all = res.data.payments.nodes;
  expect(all).toHaveLength(400);
  expect(res.data.payments.totalCount).toBe(400);
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

async function ids(where: unknown, orderBy?: unknown): Promise<string[]> {
  const res = await gw.gql(
    `query($w: PaymentWhere, $o: [PaymentOrderBy!]) { payments(first: 1000, where: $w, orderBy: $o) { nodes { id } } }`,
    { w: where, o: orderBy },
  );
  expect(res.errors).toBeUndefined();
  return res.data.payments.nodes.map((n: any) => n.id);
}
const sorted = (list: string[]) => [...list].sort();
const cmpDec = (a: string, b: string) => new Dec(a).cmp(new Dec(b));

describe('filters', () => {
  it('combines status and a due-date window', async () => {
    const from = '2026-05-01T00:00:00.000Z';
    const to = '2026-07-31T00:00:00.000Z';
    const got = await ids({ status: { eq: 'OPEN' }, dueDate: { between: { from, to } } });
    const expected = all.filter((p) => p.status === 'OPEN' && p.dueDate >= from && p.dueDate <= to).map((p) => p.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(sorted(got)).toEqual(sorted(expected));
  });

  it('filters a derived column and through a relation the same way (case-insensitive)', async () => {
    const needle = all[0].accountName.slice(1, 4).toUpperCase();
    const expected = all.filter((p) => p.accountName.toLowerCase().includes(needle.toLowerCase())).map((p) => p.id);
    expect(sorted(await ids({ accountName: { contains: needle } }))).toEqual(sorted(expected));
    expect(sorted(await ids({ account: { name: { contains: needle } } }))).toEqual(sorted(expected));
  });

  it('nests and / or / not', async () => {
    const got = await ids({
      or: [{ status: { eq: 'OPEN' } }, { not: { amountDC: { lt: '1000' } } }],
      and: [{ paymentMethod: { ne: 'CASH' } }],
    });
    const expected = all
      .filter((p) => (p.status === 'OPEN' || cmpDec(p.amountDC, '1000') >= 0) && p.paymentMethod !== 'CASH')
      .map((p) => p.id);
    expect(sorted(got)).toEqual(sorted(expected));
  });

  it('refuses an unknown field with BAD_USER_INPUT', async () => {
    const res = await gw.gql(`{ payments(where: { nope: { eq: 1 } }) { nodes { id } } }`);
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('sorting', () => {
  it('sorts on a money column exactly, ties broken by the primary key', async () => {
    const got = await ids(undefined, [{ field: 'amountDC', direction: 'DESC' }]);
    const expected = [...all].sort((a, b) => cmpDec(b.amountDC, a.amountDC) || (a.id < b.id ? -1 : 1)).map((p) => p.id);
    expect(got).toEqual(expected);
  });

  it('sorts on a to-one relation column and a nullable column with nulls last', async () => {
    const got = await ids(undefined, [
      { field: 'cashflowTransactionBatchCode', nulls: 'LAST' },
      { account: 'name', direction: 'DESC' },
    ]);
    const expected = [...all]
      .sort((a, b) => {
        const an = a.cashflowTransactionBatchCode === null;
        const bn = b.cashflowTransactionBatchCode === null;
        if (an !== bn) return an ? 1 : -1;
        if (!an && a.cashflowTransactionBatchCode.toLowerCase() !== b.cashflowTransactionBatchCode.toLowerCase())
          return a.cashflowTransactionBatchCode.toLowerCase() < b.cashflowTransactionBatchCode.toLowerCase() ? -1 : 1;
        if (a.accountName.toLowerCase() !== b.accountName.toLowerCase())
          return a.accountName.toLowerCase() > b.accountName.toLowerCase() ? -1 : 1;
        return a.id < b.id ? -1 : 1;
      })
      .map((p) => p.id);
    expect(got).toEqual(expected);
  });
});

describe('pagination', () => {
  const ORDER = [{ field: 'dueDate', direction: 'DESC' }, { field: 'amountDC' }];
  const PAGE = `query($first: Int, $after: String, $last: Int, $before: String, $offset: Int, $o: [PaymentOrderBy!]) {
    payments(first: $first, after: $after, last: $last, before: $before, offset: $offset, orderBy: $o, where: { status: { in: [OPEN, SELECTED] } }) {
      edges { cursor node { id } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }`;

  it('walks every page forwards and backwards by keyset cursors', async () => {
    const full = await ids({ status: { in: ['OPEN', 'SELECTED'] } }, ORDER);
    const forward: string[] = [];
    let after: string | undefined;
    for (;;) {
      const res = await gw.gql(PAGE, { first: 37, after, o: ORDER });
      expect(res.errors).toBeUndefined();
      const c = res.data.payments;
      forward.push(...c.edges.map((e: any) => e.node.id));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(forward).toEqual(full);

    const backward: string[] = [];
    let before: string | undefined;
    for (;;) {
      const res = await gw.gql(PAGE, { last: 37, before, o: ORDER });
      expect(res.errors).toBeUndefined();
      const c = res.data.payments;
      backward.unshift(...c.edges.map((e: any) => e.node.id));
      if (!c.pageInfo.hasPreviousPage) break;
      before = c.pageInfo.startCursor;
    }
    expect(backward).toEqual(full);
  });

  it('skips rows with offset', async () => {
    const full = await ids({ status: { in: ['OPEN', 'SELECTED'] } }, ORDER);
    const res = await gw.gql(PAGE, { first: 10, offset: 20, o: ORDER });
    expect(res.data.payments.edges.map((e: any) => e.node.id)).toEqual(full.slice(20, 30));
    expect(res.data.payments.pageInfo.hasPreviousPage).toBe(true);
  });

  it('refuses a cursor made for another ordering, and junk', async () => {
    const res = await gw.gql(PAGE, { first: 5, o: ORDER });
    const cursor = res.data.payments.pageInfo.endCursor;
    const other = await gw.gql(PAGE, { first: 5, after: cursor, o: [{ field: 'amountDC' }] });
    expect(other.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(other.errors?.[0].message).toMatch(/^after: .*another query or ordering/);
    const junk = await gw.gql(PAGE, { first: 5, after: 'bm9wZQ', o: ORDER });
    expect(junk.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a page over the maximum instead of clamping it', async () => {
    const res = await gw.gql(`{ payments(first: 1001) { nodes { id } } }`);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/^first: must be at most 1000/);
    const last = await gw.gql(`{ payments(last: 5000) { nodes { id } } }`);
    expect(last.errors?.[0].message).toMatch(/^last: /);
  });

  it('counts only when totalCount is selected', async () => {
    const without = await gw.gql(`{ payments(first: 5) { nodes { id } } }`);
    const withCount = await gw.gql(`{ payments(first: 5, where: { status: { eq: OPEN } }) { totalCount nodes { id } } }`);
    expect(withCount.statements).toBe(without.statements + 1);
    expect(withCount.data.payments.totalCount).toBe(all.filter((p) => p.status === 'OPEN').length);
  });
});

describe('to-one relations of a page', () => {
  it('are joined into the page statement when selected, and read the right rows', async () => {
    const res = await gw.gql(`{ payments(first: 200, orderBy: [{ field: dueDate }]) { nodes {
      id accountID accountName glAccountCode account { id name } glAccount { code } journal { code } division { code } bankAccount { id } paymentCondition { code } batch { cashflowTransactionBatchCode }
      divisionCode journalCode bankAccountID paymentConditionCode cashflowTransactionBatchCode } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.statements).toBe(1);
    for (const p of res.data.payments.nodes) {
      expect(p.account.id).toBe(p.accountID);
      expect(p.account.name).toBe(p.accountName);
      expect(p.glAccount.code).toBe(p.glAccountCode);
      expect(p.journal.code).toBe(p.journalCode);
      expect(p.division.code).toBe(p.divisionCode);
      expect(p.bankAccount?.id ?? null).toBe(p.bankAccountID);
      expect(p.paymentCondition?.code ?? null).toBe(p.paymentConditionCode);
      expect(p.batch?.cashflowTransactionBatchCode ?? null).toBe(p.cashflowTransactionBatchCode);
    }
  });

  it('tell a present related row from a missing one also when only its nullable fields are selected', async () => {
    // BankAccount.description may be NULL: the statement then also reads the join key to know.
    const q = t.db.dialect.quote;
    await t.db.dataSource.query(`UPDATE ${q('BankAccounts')} SET ${q('Description')} = NULL`);
    const res = await gw.gql(
      `{ payments(first: 400) { nodes { bankAccountID bankAccount { description } batch { documentID } cashflowTransactionBatchCode } } }`,
    );
    expect(res.errors).toBeUndefined();
    const nodes = res.data.payments.nodes;
    expect(nodes.some((p: any) => p.bankAccountID !== null)).toBe(true);
    expect(nodes.some((p: any) => p.cashflowTransactionBatchCode === null)).toBe(true);
    expect(nodes.some((p: any) => p.bankAccount !== null && p.bankAccount.description === null)).toBe(true);
    for (const p of nodes) {
      expect(p.bankAccount !== null).toBe(p.bankAccountID !== null);
      expect(p.batch !== null).toBe(p.cashflowTransactionBatchCode !== null);
    }
  });
});

describe('nested lists', () => {
  const NESTED = `query($n: Int, $m: Int) {
    accounts(first: $n, orderBy: [{ field: code }]) {
      nodes {
        id code
        payments(first: $m, orderBy: [{ field: amountDC, direction: DESC }], where: { status: { ne: MATCHED } }) {
          totalCount
          nodes { id amountDC accountName status glAccount { code } }
          pageInfo { hasNextPage }
        }
        bankAccounts { nodes { id bankAccount } }
      }
    }
  }`;

  it('answers each parent its own page, batched: statements depend on depth, not rows', async () => {
    const small = await gw.gql(NESTED, { n: 2, m: 2 });
    const large = await gw.gql(NESTED, { n: 30, m: 20 });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.data.accounts.nodes.length).toBeGreaterThan(20);
    // accounts, payments (window, joining account and glAccount), payments count, bankAccounts (window).
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBe(4);
    for (const a of large.data.accounts.nodes) {
      const mine = all
        .filter((p) => p.accountID === a.id && p.status !== 'MATCHED')
        .sort((x, y) => cmpDec(y.amountDC, x.amountDC) || (x.id < y.id ? -1 : 1));
      if (a.payments.nodes.length === 0) continue;
      expect(a.payments.nodes.map((p: any) => p.id)).toEqual(mine.slice(0, 20).map((p) => p.id));
      expect(a.payments.totalCount).toBe(mine.length);
      expect(a.payments.pageInfo.hasNextPage).toBe(mine.length > 20);
    }
  });

  it("pages a division's payments by cursor like the root list", async () => {
    const res = await gw.gql(
      `{ divisions { nodes { code payments(first: 3, orderBy: [{ field: dueDate }]) { nodes { id dueDate } pageInfo { endCursor } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    for (const d of res.data.divisions.nodes) {
      const expected = all
        .filter((p) => p.divisionCode === d.code)
        .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id < b.id ? -1 : 1))
        .slice(0, 3)
        .map((p) => p.id);
      expect(d.payments.nodes.map((p: any) => p.id)).toEqual(expected);
    }
  });
});
