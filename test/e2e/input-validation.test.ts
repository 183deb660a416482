import { allDivisionCodes } from '../../src/access/authenticate';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { startTestGateway, TestGateway } from '../support/gateway';

/**
 * Issue 11, section 4, for lists, aggregates, lookups and the REST routes: every argument is
 * checked, a refusal is BAD_USER_INPUT (or NOT_FOUND) naming the argument, and the same request
 * gets the same answer over GraphQL and over HTTP.
 */
let t: TestDatabase;
let gw: TestGateway;
let D1: number;
let D2: number;

beforeAll(async () => {
  t = await openSeededDatabase('input_validation', { divisions: 2, payments: 60 });
  [D1, D2] = await allDivisionCodes(t.db);
  gw = await startTestGateway(t.db, { CURSOR_SECRET: 'input-validation-test-secret-0123456789' });
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

type Err = { message: string; extensions?: Record<string, unknown> };
const first = (res: { errors?: Err[] }) => res.errors?.[0];
const json = async (res: Response) => (await res.json()) as { errors?: Err[]; [k: string]: unknown };

const PAGE = `query($after: String, $before: String, $offset: Int, $o: [PaymentOrderBy!]) {
  payments(first: 5, after: $after, before: $before, offset: $offset, orderBy: $o) { nodes { id } pageInfo { endCursor startCursor } } }`;
const BY_DUE = [{ field: 'dueDate' }];
/** A cursor's payload and signature, to forge cursors the way issue 11 reports them. */
const parts = (cursor: string) => {
  const [payload, mac] = cursor.split('.');
  return { payload: JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as [string, unknown[]], mac };
};
const unsigned = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString('base64url');

describe('cursors', () => {
  it('pages through a list by the cursors it made', async () => {
    const page1 = await gw.gql(PAGE, { o: BY_DUE });
    const page2 = await gw.gql(PAGE, { o: BY_DUE, after: page1.data.payments.pageInfo.endCursor });
    expect(page2.errors).toBeUndefined();
    expect(page2.data.payments.nodes).toHaveLength(5);
    expect(page2.data.payments.nodes.map((n: { id: string }) => n.id)).not.toContain(page1.data.payments.nodes[4].id);
  });

  it('refuses a cursor of the right shape with other values, as BAD_USER_INPUT, never INTERNAL_SERVER_ERROR', async () => {
    const { payload } = parts((await gw.gql(PAGE, { o: BY_DUE })).data.payments.pageInfo.endCursor);
    // The two reports of issue 11: [fingerprint, [{"a":1},["x"]]] and [null, null].
    for (const forged of [
      [payload[0], [{ a: 1 }, ['x']]],
      [payload[0], [null, null]],
      [payload[0], payload[1]],
    ]) {
      const res = await gw.gql(PAGE, { o: BY_DUE, after: unsigned(forged) });
      expect(res.data?.payments).toBeFalsy();
      expect(first(res)).toMatchObject({
        message: 'after: is not a cursor this gateway made (use a startCursor or endCursor of the same list)',
        extensions: { code: 'BAD_USER_INPUT', field: 'after' },
      });
    }
    const res = await gw.gql(PAGE, { o: BY_DUE, before: 'garbage' });
    expect(first(res)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'before' });
  });

  it('refuses a cursor whose signature does not match its values', async () => {
    const cursor = (await gw.gql(PAGE, { o: BY_DUE })).data.payments.pageInfo.endCursor;
    const { payload, mac } = parts(cursor);
    const shifted = unsigned([payload[0], [payload[1][0], '00000000-0000-4000-8000-000000000000']]);
    expect(first(await gw.gql(PAGE, { o: BY_DUE, after: `${shifted}.${mac}` }))?.message).toBe(
      'after: is not a cursor this gateway made (use a startCursor or endCursor of the same list)',
    );
  });

  it('refuses a cursor of another ordering', async () => {
    const cursor = (await gw.gql(PAGE, { o: BY_DUE })).data.payments.pageInfo.endCursor;
    const res = await gw.gql(PAGE, { o: [{ field: 'amountDC' }], after: cursor });
    expect(first(res)).toMatchObject({ message: 'after: was made for another query or ordering', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('keeps cursors valid across restarts with the same CURSOR_SECRET, and refuses them under another', async () => {
    const cursor = (await gw.gql(PAGE, { o: BY_DUE })).data.payments.pageInfo.endCursor;
    const same = await startTestGateway(t.db, { CURSOR_SECRET: 'input-validation-test-secret-0123456789' });
    const other = await startTestGateway(t.db, { CURSOR_SECRET: 'another-gateway-secret-0123456789abcdef' });
    try {
      expect((await same.gql(PAGE, { o: BY_DUE, after: cursor })).errors).toBeUndefined();
      expect(first(await other.gql(PAGE, { o: BY_DUE, after: cursor }))?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'after',
      });
    } finally {
      await same.close();
      await other.close();
    }
  });
});

describe('paging and sorting options that apply only to some cases', () => {
  it('refuses offset together with after or before', async () => {
    const { endCursor, startCursor } = (await gw.gql(PAGE, { o: BY_DUE })).data.payments.pageInfo;
    expect(first(await gw.gql(PAGE, { o: BY_DUE, after: endCursor, offset: 5 }))).toMatchObject({
      message: 'offset: cannot be combined with after: page by cursor or by offset',
      extensions: { field: 'offset' },
    });
    expect(first(await gw.gql(PAGE, { o: BY_DUE, before: startCursor, offset: 1 }))?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'offset',
    });
    expect((await gw.gql(PAGE, { o: BY_DUE, offset: 5 })).errors).toBeUndefined();
  });

  it('refuses nulls on a sort key that is never null, and accepts it where it can be', async () => {
    for (const field of ['id', 'dueDate', 'amountDC']) {
      const res = await gw.gql(PAGE, { o: [{ field, nulls: 'LAST' }] });
      expect(first(res)).toMatchObject({
        message: `orderBy[0].nulls: ${field} is never empty (null), so nulls does not apply to it`,
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    expect((await gw.gql(PAGE, { o: [{ field: 'paymentSelected', nulls: 'LAST' }] })).errors).toBeUndefined();
    expect((await gw.gql(PAGE, { o: [{ account: 'name', nulls: 'FIRST' }] })).errors).toBeUndefined();
    expect((await gw.gql(PAGE, { o: [{ field: 'accountName', nulls: 'FIRST' }] })).errors).toBeUndefined();
  });

  it('refuses a sort key named twice', async () => {
    const res = await gw.gql(PAGE, { o: [{ field: 'dueDate' }, { field: 'dueDate', direction: 'DESC' }] });
    expect(first(res)).toMatchObject({ message: 'orderBy[1]: dueDate is already a sort key', extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe('aggregates', () => {
  const AGG = 'query($g: [PaymentGroupBy!], $o: [PaymentGroupOrderBy!]) { paymentsAggregate(groupBy: $g, orderBy: $o) { count } }';

  it('refuses a date bucket on a column that is not a date', async () => {
    const res = await gw.gql(AGG, { g: [{ field: 'status', bucket: 'MONTH' }] });
    expect(first(res)).toMatchObject({
      message: 'groupBy[0].bucket: applies to date columns only; status is not one',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(
      (
        await gw.gql(AGG, {
          g: [
            { field: 'dueDate', bucket: 'MONTH' },
            { field: 'dueDate', bucket: 'YEAR' },
          ],
        })
      ).errors,
    ).toBeUndefined();
  });

  it('refuses a group key or order key given twice (and, as the limits say, more than 8 group keys)', async () => {
    expect(first(await gw.gql(AGG, { g: [{ field: 'status' }, { field: 'status' }] }))?.message).toBe(
      'groupBy[1]: status is already a group key',
    );
    expect(first(await gw.gql(AGG, { g: [{ field: 'dueDate' }, { field: 'dueDate', bucket: 'DAY' }] }))?.message).toBe(
      'groupBy[1]: dueDate by day is already a group key',
    );
    expect(first(await gw.gql(AGG, { g: [{ field: 'status' }], o: [{ field: 'count' }, { field: 'count' }] }))?.message).toBe(
      'orderBy[1].field: orders by a key already given',
    );
    const nine = [
      'status',
      'currency',
      'paymentMethod',
      'accountID',
      'glAccountID',
      'journalCode',
      'divisionCode',
      'dueDate',
      'invoiceDate',
    ].map((field) => ({ field }));
    expect(first(await gw.gql(AGG, { g: nine }))).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'groupBy', max: 8 } });
  });
});

describe('lookups: NOT_FOUND names the argument, the same over GraphQL and HTTP', () => {
  const missing = '00000000-0000-4000-8000-0000000000aa';

  it('a row by key', async () => {
    expect(first(await gw.gql(`{ payment(id: "${missing}") { id } }`))).toMatchObject({
      message: `id: Payment ${missing} was not found`,
      extensions: { code: 'NOT_FOUND', field: 'id' },
    });
    expect(first(await gw.gql('{ division(code: 999999) { code } }'))).toMatchObject({
      message: 'code: Division 999999 was not found',
      extensions: { code: 'NOT_FOUND', field: 'code' },
    });
    expect(first(await gw.gql('{ division(code: 0) { code } }'))).toMatchObject({
      message: 'code: must be from 1 to 2147483647, got 0',
      extensions: { code: 'BAD_USER_INPUT', field: 'code' },
    });
  });

  it('a bank file: paymentBatch(id) { file } and GET /batches/{id}/file', async () => {
    const graphql = first(await gw.gql(`{ paymentBatch(id: "${missing}") { file { fileName } } }`));
    const res = await gw.request(`/batches/${missing}/file`);
    expect(res.status).toBe(404);
    const http = first(await json(res));
    expect(graphql).toMatchObject({ message: `id: PaymentBatch ${missing} was not found`, extensions: { code: 'NOT_FOUND', field: 'id' } });
    expect(http).toMatchObject({ message: graphql!.message, extensions: { code: 'NOT_FOUND', field: 'id' } });
    const bad = await gw.request('/batches/abc/file');
    expect(bad.status).toBe(400);
    expect(first(await json(bad))).toMatchObject({
      message: 'id: must be a UUID, got "abc"',
      extensions: { code: 'BAD_USER_INPUT', field: 'id' },
    });
    const extra = await gw.request(`/batches/${missing}/file?download=1`);
    expect(extra.status).toBe(400);
    expect(first(await json(extra))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'download' });
  });

  it('a batch named in upper case is the same batch', async () => {
    const batch = (await gw.gql('{ paymentBatches(first: 1) { nodes { id } } }')).data.paymentBatches.nodes[0];
    const res = await gw.request(`/batches/${batch.id.toUpperCase()}/file`);
    expect(res.status).toBe(200);
  });

  it('the catalog: catalog(table) and GET /catalog?table=', async () => {
    const graphql = first(await gw.gql('{ catalog(table: "Nope") { name } }'));
    const res = await gw.request('/catalog?table=Nope');
    expect(res.status).toBe(404);
    expect(graphql).toMatchObject({
      message: 'table: Catalog table Nope was not found',
      extensions: { code: 'NOT_FOUND', field: 'table' },
    });
    const { requestId: _id, ...same } = graphql!.extensions ?? {};
    expect(first(await json(res))).toMatchObject({ message: graphql!.message, extensions: same });
    expect(first(await gw.gql('{ catalog(table: "") { name } }'))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'table' });
    expect((await gw.request('/catalog?table=')).status).toBe(400);
    expect((await gw.gql('{ catalog(table: "payments") { name } }')).data.catalog).toEqual([{ name: 'Payments' }]);
    const typo = await gw.request('/catalog?tabel=Payments');
    expect(typo.status).toBe(400);
    expect(first(await json(typo))).toMatchObject({
      message: 'tabel: is not a parameter of GET /catalog (known: table)',
      extensions: { code: 'BAD_USER_INPUT', field: 'tabel' },
    });
    const twice = await gw.request('/catalog?table=Payments&table=Divisions');
    expect(first(await json(twice))).toMatchObject({
      message: 'table: must be given once, as plain text',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

describe('division lists', () => {
  const LIST = 'query($d: [Int!]) { payments(first: 1, divisions: $d) { totalCount } }';
  const withHeader = (value: string) =>
    gw.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-cashflow-divisions': value },
      body: JSON.stringify({ query: '{ payments(first: 1) { totalCount } }' }),
    });

  it.each([
    ['1,,2', /^X-Cashflow-Divisions: must be "all" or a comma-separated list of division codes, got "1,,2"$/],
    ['abc', /got "abc"/],
    ['3000000000', /3000000000 is not a division code \(a whole number from 1 to 2147483647\)/],
  ])('refuses the header %j', async (value, message) => {
    const res = await withHeader(value);
    expect(res.status).toBe(400);
    expect(first(await json(res))).toMatchObject({
      message: expect.stringMatching(message),
      extensions: { code: 'BAD_USER_INPUT', field: 'X-Cashflow-Divisions' },
    });
  });

  it('refuses a huge list, and a code beyond an Int, in the header, the argument and /sql alike', async () => {
    const many = Array.from({ length: 1001 }, (_, i) => i + 1);
    const header = await withHeader(many.join(','));
    expect(header.status).toBe(400);
    const message = 'must have at most 1000 items, got 1001 (use all, or leave the divisions out, for every granted division)';
    expect(first(await json(header))?.message).toBe(`X-Cashflow-Divisions: ${message}`);
    expect(first(await gw.gql(LIST, { d: many }))).toMatchObject({
      message: `divisions: ${message}`,
      extensions: { code: 'BAD_USER_INPUT', field: 'divisions' },
    });
    const sql = await gw.request('/sql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'select count(*) as n from Payments', divisions: many }),
    });
    expect(sql.status).toBe(400);
    expect(first(await json(sql))).toMatchObject({
      message: `divisions: ${message}`,
      extensions: { code: 'BAD_USER_INPUT', field: 'divisions' },
    });
    const exported = await gw.request(`/export?list=payments&divisions=${D1},3000000000`);
    expect(first(await json(exported))?.message).toBe('divisions: 3000000000 is not a division code (a whole number from 1 to 2147483647)');
  });

  it('counts a division named twice once, as a set', async () => {
    const once = (await gw.gql(LIST, { d: [D1] })).data.payments.totalCount;
    expect((await gw.gql(LIST, { d: [D1, D1] })).data.payments.totalCount).toBe(once);
    const header = await withHeader(`${D1}, ${D1}`);
    expect(((await header.json()) as { data: { payments: { totalCount: number } } }).data.payments.totalCount).toBe(once);
  });

  it('still narrows to the divisions named once', async () => {
    const both = (await gw.gql(LIST, { d: [D1, D2] })).data.payments.totalCount;
    const one = (await gw.gql(LIST, { d: [D1] })).data.payments.totalCount;
    expect(both).toBe(60);
    expect(one).toBeGreaterThan(0);
    expect(one).toBeLessThan(60);
    expect(
      ((await (await withHeader(` ${D2} , ${D1} `)).json()) as { data: { payments: { totalCount: number } } }).data.payments.totalCount,
    ).toBe(60);
  });
});

describe('REST input: formats, Accept, bodies and parameters', () => {
  const sql = (body: unknown, headers: Record<string, string> = {}, query = '') =>
    gw.request(`/sql${query}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const QUERY = { query: 'select count(*) as n from Payments' };

  it('refuses a format it does not write, naming format', async () => {
    for (const res of [await sql(QUERY, {}, '?format=xml'), await sql({ ...QUERY, format: 'xml' })]) {
      expect(res.status).toBe(400);
      expect(first(await json(res))).toMatchObject({
        message: 'format: must be json, csv or ndjson, not "xml"',
        extensions: { code: 'BAD_USER_INPUT', field: 'format' },
      });
    }
    const exported = await gw.request('/export?list=payments&format=json');
    expect(first(await json(exported))).toMatchObject({
      message: 'format: must be csv or ndjson, not "json"',
      extensions: { field: 'format' },
    });
  });

  it('answers by the Accept header, by its quality values, and refuses one it cannot satisfy', async () => {
    const preferred = await sql(QUERY, { accept: 'application/json, text/csv;q=0.5' });
    expect(preferred.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await (await sql(QUERY, { accept: 'text/csv;q=0.9, application/json;q=0.1' })).text()).toBe('n\r\n60\r\n');
    expect((await sql(QUERY, { accept: '*/*' })).headers.get('content-type')).toMatch(/^application\/json/);
    expect((await sql(QUERY, { accept: 'application/jsonl' })).headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const xml = await sql(QUERY, { accept: 'application/xml' });
    expect(xml.status).toBe(400);
    expect(first(await json(xml))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Accept' });
    const exported = await gw.request('/export?list=payments', { headers: { accept: 'application/json' } });
    expect(exported.status).toBe(400);
    expect(first(await json(exported))?.extensions).toMatchObject({ field: 'Accept' });
    expect(
      (await gw.request('/export?list=divisions', { headers: { accept: 'application/json, text/csv;q=0.1' } })).headers.get('content-type'),
    ).toMatch(/^text\/csv/);
  });

  it('refuses a body that is not a JSON object and fields it does not know', async () => {
    const array = await sql([1, 2]);
    expect(first(await json(array))).toMatchObject({
      message: 'body: must be a JSON object',
      extensions: { code: 'BAD_USER_INPUT', field: 'body' },
    });
    const text = await gw.request('/sql', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'select 1' });
    expect(first(await json(text))?.extensions).toMatchObject({ field: 'body' });
    const typo = await sql({ ...QUERY, paramaters: {} });
    expect(first(await json(typo))).toMatchObject({
      message: 'paramaters: is not a field of POST /sql (known: query, parameters, divisions, format)',
      extensions: { field: 'paramaters' },
    });
    const exportTypo = await gw.request('/export?list=payments&fromat=csv');
    expect(first(await json(exportTypo))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fromat' });
  });

  it('answers the same refusal over GraphQL sql and POST /sql', async () => {
    for (const query of ['', '   ', 'delete from Payments', 'select Nope from Payments']) {
      const graphql = first(await gw.gql('query($q: String!) { sql(query: $q) { rowCount } }', { q: query }));
      const res = await sql({ query });
      expect(res.status).toBe(400);
      const http = first(await json(res));
      expect(http?.extensions?.code).toBe('BAD_USER_INPUT');
      expect([query, http?.message, http?.extensions?.field]).toEqual([query, graphql?.message, graphql?.extensions?.field]);
    }
    const divisions = first(await gw.gql('query($d: [Int!]) { sql(query: "select 1 as x", divisions: $d) { rowCount } }', { d: [D1, 0] }));
    const res = await sql({ query: 'select 1 as x', divisions: [D1, 0] });
    expect(first(await json(res))?.message).toBe(divisions?.message);
  });

  it('refuses a whole-number parameter that JSON rounded (beyond 2^53), over GraphQL and POST /sql', async () => {
    const body = '{"query": "select :n as n", "parameters": {"n": 9007199254740993}}';
    const res = await gw.request('/sql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const http = first(await json(res));
    expect(http).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'query' } });
    expect(http?.message).toMatch(/the parameter :n is beyond 2\^53 and was rounded in transit; pass it as a decimal string/);
    const graphql = await gw.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": "query($p: JSONObject) { sql(query: \\"select :n as n\\", parameters: $p) { rows } }", "variables": {"p": {"n": 9007199254740993}}}',
    });
    expect(first(await json(graphql))?.message).toBe(http?.message);
    const exact = await sql({ query: 'select :n as n', parameters: { n: '9007199254740993' } });
    expect(((await exact.json()) as { rows: unknown[] }).rows).toEqual([{ n: '9007199254740993' }]);
  });

  it('applies parameters and variables only to the export kind they belong to', async () => {
    const res = await gw.request(`/export?list=payments&parameters=${encodeURIComponent('{"a":1}')}`);
    expect(first(await json(res))).toMatchObject({
      message: 'parameters: apply to a sql export only, not to list',
      extensions: { field: 'parameters' },
    });
    const both = await gw.request(`/export?list=payments&sql=${encodeURIComponent('select 1 as x')}`);
    expect(first(await json(both))?.message).toBe('list: give one of sql, graphql or list, not sql and list');
  });
});
