import { DEFAULT_FILTER_LIMITS, MAX_GROUP_KEYS, MAX_SORT_KEYS } from '../../src/query/limits';
import { SQL_LIMITS } from '../../src/sql/limits';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { startTestGateway, TestGateway } from '../support/gateway';

/**
 * The gateway's limits (docs/querying.md and docs/sql.md, "Limits") are checked before either
 * database could refuse a statement: just below a limit the request works, just above it is
 * BAD_USER_INPUT naming the field, the limit and its maximum, never INTERNAL_SERVER_ERROR. The
 * examples of issue 11 (70,000 values in an `in` list or a list parameter) are among them.
 */
let t: TestDatabase;
let gw: TestGateway;
const L = DEFAULT_FILTER_LIMITS;

beforeAll(async () => {
  t = await openSeededDatabase('limits', { payments: 60 });
  gw = await startTestGateway(t.db);
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

const codes = (n: number) => Array.from({ length: n }, (_, i) => `C${i}`);

async function list(where: unknown, orderBy?: unknown) {
  return gw.gql(`query($w: PaymentWhere, $o: [PaymentOrderBy!]) { payments(first: 5, where: $w, orderBy: $o) { nodes { id } } }`, {
    w: where,
    o: orderBy,
  });
}
function works(res: { errors?: unknown; data?: any }) {
  expect(res.errors).toBeUndefined();
  expect(res.data).toBeDefined();
}
function refused(res: { errors?: { extensions?: Record<string, unknown> }[] }, field: string, limit: string, max: number) {
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, limit, max });
}

/** `not` nested `n` times around a condition. */
const nested = (n: number, leaf: Record<string, unknown> = { currency: { eq: 'EUR' } }): Record<string, unknown> =>
  n === 0 ? leaf : { not: nested(n - 1, leaf) };

describe('GraphQL list filters', () => {
  it('in / notIn take MAX_LIST_VALUES values (the 70,000 of issue 11 refused)', async () => {
    works(await list({ currency: { in: codes(L.listValues) } }));
    works(await list({ currency: { notIn: codes(L.listValues) } }));
    works(await list({ amountDC: { in: codes(L.listValues).map((_, i) => `${i}.50`) } }));
    refused(await list({ currency: { in: codes(L.listValues + 1) } }), 'where.currency.in', 'listValues', L.listValues);
    refused(await list({ currency: { notIn: codes(L.listValues + 1) } }), 'where.currency.notIn', 'listValues', L.listValues);
    refused(await list({ currency: { in: codes(70_000) } }), 'where.currency.in', 'listValues', L.listValues);
  });

  it('and / or / not and relation filters nest at most `depth` deep', async () => {
    works(await list(nested(L.depth)));
    refused(await list(nested(L.depth + 1)), `where${'.not'.repeat(L.depth + 1)}`, 'filterDepth', L.depth);
    // A relation filter is one level as well.
    const name = { name: { eq: 'x' } };
    works(await list({ account: nested(L.depth - 1, name) }));
    refused(await list({ account: nested(L.depth, name) }), `where.account${'.not'.repeat(L.depth)}`, 'filterDepth', L.depth);
  });

  it('and / or lists take at most `breadth` filters', async () => {
    const alternatives = (n: number) => codes(n).map((c) => ({ currency: { eq: c } }));
    works(await list({ or: alternatives(L.breadth) }));
    works(await list({ and: alternatives(L.breadth) }));
    refused(await list({ or: alternatives(L.breadth + 1) }), 'where.or', 'filterBreadth', L.breadth);
  });

  it('a request has at most `conditions` conditions in all', async () => {
    const per = L.conditions / L.breadth;
    const group = (n: number) => ({ or: codes(n).map((c) => ({ description: { eq: c } })) });
    works(await list({ and: Array.from({ length: L.breadth }, () => group(per)) }));
    const over = { and: [...Array.from({ length: L.breadth - 1 }, () => group(per)), group(per + 1)] };
    refused(await list(over), `where.and[${L.breadth - 1}].or[${per}].description`, 'filterConditions', L.conditions);
  });

  it('text values are at most `textLength` characters', async () => {
    for (const op of ['eq', 'contains', 'startsWith', 'endsWith', 'gt']) {
      works(await list({ description: { [op]: 'x'.repeat(L.textLength) } }));
      refused(await list({ description: { [op]: 'x'.repeat(L.textLength + 1) } }), `where.description.${op}`, 'textLength', L.textLength);
    }
    refused(
      await list({ description: { in: ['a', 'x'.repeat(L.textLength + 1)] } }),
      'where.description.in[1]',
      'textLength',
      L.textLength,
    );
  });

  it('one statement binds at most `parameters` values', async () => {
    const lists = (n: number, size: number) => ({ or: Array.from({ length: n }, () => ({ currency: { in: codes(size) } })) });
    works(await list(lists(L.parameters / L.listValues, L.listValues)));
    refused(
      await list({ and: [lists(L.parameters / L.listValues, L.listValues), { currency: { eq: 'EUR' } }] }),
      'where',
      'parameters',
      L.parameters,
    );
  });

  it(`orderBy takes at most ${MAX_SORT_KEYS} keys`, async () => {
    // Distinct keys: a key named twice is refused on its own (input-validation.test.ts).
    const fields = [
      'description',
      'dueDate',
      'amountDC',
      'currency',
      'invoiceDate',
      'yourRef',
      'paymentReference',
      'journalCode',
      'entryDate',
    ];
    const keys = (n: number) => fields.slice(0, n).map((field) => ({ field }));
    works(await list(undefined, keys(MAX_SORT_KEYS)));
    refused(await list(undefined, keys(MAX_SORT_KEYS + 1)), 'orderBy', 'sortKeys', MAX_SORT_KEYS);
  });

  it('aggregates: groupBy, orderBy and having lists within the limits', async () => {
    const q = `query($g: [PaymentGroupBy!], $h: PaymentHaving) { paymentsAggregate(groupBy: $g, having: $h) { count } }`;
    const fields = [
      'currency',
      'status',
      'paymentMethod',
      'journalCode',
      'divisionCode',
      'accountID',
      'glAccountID',
      'dueDate',
      'invoiceDate',
    ];
    const groups = (n: number) => fields.slice(0, n).map((field) => ({ field }));
    works(await gw.gql(q, { g: groups(MAX_GROUP_KEYS) }));
    refused(await gw.gql(q, { g: groups(MAX_GROUP_KEYS + 1) }), 'groupBy', 'groupKeys', MAX_GROUP_KEYS);
    const counts = (n: number) => Array.from({ length: n }, (_, i) => i);
    works(await gw.gql(q, { g: groups(1), h: { count: { in: counts(L.listValues) } } }));
    refused(
      await gw.gql(q, { g: groups(1), h: { count: { in: counts(L.listValues + 1) } } }),
      'having.count.in',
      'listValues',
      L.listValues,
    );
    const sums = (n: number) => ({ sum: { amountDC: { notIn: counts(n).map(String) } } });
    refused(await gw.gql(q, { g: groups(1), h: sums(L.listValues + 1) }), 'having.sum.amountDC.notIn', 'listValues', L.listValues);
  });
});

async function sql(query: string, parameters: Record<string, unknown> = {}) {
  const res = await gw.request('/sql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, parameters }),
  });
  return { status: res.status, body: (await res.json()) as any };
}
async function sqlWorks(query: string, parameters: Record<string, unknown> = {}) {
  const { status, body } = await sql(query, parameters);
  expect(body.errors).toBeUndefined();
  expect(status).toBe(200);
}
async function sqlRefused(query: string, parameters: Record<string, unknown>, limit: string, max: number, field = 'query') {
  const { status, body } = await sql(query, parameters);
  expect(status).toBe(400);
  expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, limit, max });
}
const numbers = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('SQL layer', () => {
  it('IN lists and list parameters take MAX_LIST_VALUES values (the 70,000 of issue 11 refused)', async () => {
    const n = L.listValues;
    await sqlWorks(`SELECT COUNT(*) AS n FROM Payments WHERE Status IN (${numbers(n).join(',')})`);
    await sqlRefused(`SELECT COUNT(*) AS n FROM Payments WHERE Status IN (${numbers(n + 1).join(',')})`, {}, 'listValues', n);
    await sqlWorks('SELECT COUNT(*) AS n FROM Payments WHERE Currency IN (:c)', { c: codes(n) });
    await sqlRefused('SELECT COUNT(*) AS n FROM Payments WHERE Currency IN (:c)', { c: codes(n + 1) }, 'listValues', n, 'parameters.c');
    await sqlRefused(
      'SELECT COUNT(*) AS n FROM Payments WHERE Currency NOT IN (:c)',
      { c: codes(70_000) },
      'listValues',
      n,
      'parameters.c',
    );
  });

  it(`binds at most ${SQL_LIMITS.parameters} values`, async () => {
    const lists = (k: number) => Array.from({ length: k }, (_, i) => `Currency IN (:l${i})`).join(' OR ');
    const params = (k: number) => Object.fromEntries(Array.from({ length: k }, (_, i) => [`l${i}`, codes(L.listValues)]));
    const k = SQL_LIMITS.parameters / L.listValues;
    await sqlWorks(`SELECT COUNT(*) AS n FROM Payments WHERE ${lists(k)}`, params(k));
    await sqlRefused(
      `SELECT COUNT(*) AS n FROM Payments WHERE ${lists(k)} OR Currency = 'EUR'`,
      params(k),
      'parameters',
      SQL_LIMITS.parameters,
    );
  });

  it(`takes a text of at most ${SQL_LIMITS.queryLength} characters`, async () => {
    const base = 'SELECT COUNT(*) AS n FROM Payments ';
    const padded = (length: number) => `${base}/*${'x'.repeat(length - base.length - 4)}*/`;
    await sqlWorks(padded(SQL_LIMITS.queryLength));
    await sqlRefused(padded(SQL_LIMITS.queryLength + 1), {}, 'queryLength', SQL_LIMITS.queryLength);
  });

  it(`nests parentheses at most ${SQL_LIMITS.nesting} deep`, async () => {
    const wrap = (n: number) => `SELECT ${'('.repeat(n)}1${')'.repeat(n)} AS x`;
    await sqlWorks(wrap(SQL_LIMITS.nesting));
    await sqlRefused(wrap(SQL_LIMITS.nesting + 1), {}, 'nesting', SQL_LIMITS.nesting);
  });

  it('long OR chains count once; other operators count each level', async () => {
    // 1,000 ORs: beyond SQLite's expression depth as a chain, fine as the balanced tree written.
    await sqlWorks(
      `SELECT COUNT(*) AS n FROM Payments WHERE ${numbers(1000)
        .map((i) => `Status = ${i}`)
        .join(' OR ')}`,
    );
    const sum = (n: number) =>
      `SELECT ${numbers(n)
        .map(() => '1')
        .join(' + ')} AS x`;
    // SELECT, the column and n - 1 additions.
    await sqlWorks(sum(SQL_LIMITS.expressionDepth - 1));
    await sqlRefused(sum(SQL_LIMITS.expressionDepth), {}, 'expressionDepth', SQL_LIMITS.expressionDepth);
  });

  it(`nests SELECTs at most ${SQL_LIMITS.subqueryDepth} deep`, async () => {
    const sub = (n: number): string => (n === 1 ? 'SELECT COUNT(*) AS n FROM Payments' : `SELECT (${sub(n - 1)}) AS n`);
    await sqlWorks(sub(SQL_LIMITS.subqueryDepth));
    await sqlRefused(sub(SQL_LIMITS.subqueryDepth + 1), {}, 'subqueryDepth', SQL_LIMITS.subqueryDepth);
  });

  it(`joins at most ${SQL_LIMITS.unionMembers} SELECTs by UNION`, async () => {
    const union = (n: number) =>
      numbers(n)
        .map((i) => `SELECT ${i} AS x`)
        .join(' UNION ALL ');
    await sqlWorks(union(SQL_LIMITS.unionMembers));
    await sqlRefused(union(SQL_LIMITS.unionMembers + 1), {}, 'unionMembers', SQL_LIMITS.unionMembers);
  });

  it(`reads at most ${SQL_LIMITS.tables} tables`, async () => {
    const joins = (n: number) =>
      `SELECT COUNT(*) AS n FROM Payments p0 ${numbers(n - 1)
        .map((i) => `JOIN Payments p${i} ON p${i}.ID = p0.ID`)
        .join(' ')}`;
    await sqlWorks(joins(SQL_LIMITS.tables));
    await sqlRefused(joins(SQL_LIMITS.tables + 1), {}, 'tables', SQL_LIMITS.tables);
    // AccountName is read through a join of Accounts: two tables.
    await sqlRefused(`${joins(SQL_LIMITS.tables)} AND p0.AccountName IS NOT NULL`, {}, 'tables', SQL_LIMITS.tables);
  });

  it(`takes text parameters of at most ${SQL_LIMITS.textLength} characters`, async () => {
    await sqlWorks('SELECT COUNT(*) AS n FROM Payments WHERE Description LIKE :p', { p: `%${'x'.repeat(SQL_LIMITS.textLength - 2)}%` });
    await sqlRefused(
      'SELECT COUNT(*) AS n FROM Payments WHERE Description LIKE :p',
      { p: 'x'.repeat(SQL_LIMITS.textLength + 1) },
      'textLength',
      SQL_LIMITS.textLength,
      'parameters.p',
    );
  });
});

describe('exports', () => {
  async function exportStatus(body: Record<string, unknown>) {
    const res = await gw.request('/export', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, text };
  }

  it('checks the same limits for SQL parameters and GraphQL variables', async () => {
    const sqlOk = await exportStatus({ sql: 'SELECT ID FROM Payments WHERE Currency IN (:c)', parameters: { c: codes(L.listValues) } });
    expect(sqlOk.status).toBe(200);
    const sqlOver = await exportStatus({
      sql: 'SELECT ID FROM Payments WHERE Currency IN (:c)',
      parameters: { c: codes(L.listValues + 1) },
    });
    expect(sqlOver.status).toBe(400);
    expect(JSON.parse(sqlOver.text).errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'parameters.c',
      limit: 'listValues',
      max: L.listValues,
    });
    const graphql = 'query($w: PaymentWhere) { payments(where: $w) { nodes { id } } }';
    const gqlOk = await exportStatus({ graphql, variables: { w: { currency: { in: codes(L.listValues) } } } });
    expect(gqlOk.status).toBe(200);
    const gqlOver = await exportStatus({ graphql, variables: { w: { currency: { in: codes(L.listValues + 1) } } } });
    expect(gqlOver.status).toBe(400);
    expect(JSON.parse(gqlOver.text).errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'where.currency.in',
      limit: 'listValues',
    });
  });
});
