import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { executeAs } from '../support/execute';
import { startTestGateway, TestGateway } from '../support/gateway';

/** POST /sql in its three formats, GET/POST /export of SQL and of lists, the CLI export, scopes. */
let t: TestDatabase;
let gw: TestGateway;
let divisions: number[];

beforeAll(async () => {
  t = await openSeededDatabase('sql_http');
  gw = await startTestGateway(t.db, { MAX_PAGE_SIZE: '100' });
  const res = await gw.gql('{ sql(query: "select Code from Divisions order by Code") { rows } }');
  divisions = res.data.sql.rows.map((r: { Code: number }) => r.Code);
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

const post = (url: string, body: unknown, accept = 'application/json', headers: Record<string, string> = {}) =>
  gw.request(url, { method: 'POST', headers: { 'content-type': 'application/json', accept, ...headers }, body: JSON.stringify(body) });

const QUERY = 'select Status, count(*) as n, sum(AmountDC) as total from Payments where Status in (:a, :b) group by Status order by Status';

describe('POST /sql', () => {
  it('answers JSON with typed columns and exact decimals', async () => {
    const res = await post('/sql', { query: QUERY, parameters: { a: 20, b: 50 } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.columns).toEqual([
      { name: 'Status', type: 'integer' },
      { name: 'n', type: 'integer' },
      { name: 'total', type: 'decimal(2)' },
    ]);
    expect(body.rows.map((r: any) => r.Status)).toEqual([20, 50]);
    expect(body.rows[0].total).toMatch(/^\d+\.\d{2}$/);
    expect(body.rowCount).toBe(2);
  });

  it('answers CSV and NDJSON by Accept, with the same values', async () => {
    const json = ((await (await post('/sql', { query: QUERY, parameters: { a: 20, b: 50 } })).json()) as any).rows;
    const csv = await post('/sql', { query: QUERY, parameters: { a: 20, b: 50 } }, 'text/csv');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect((await csv.text()).trim().split('\r\n')).toEqual(['Status,n,total', ...json.map((r: any) => `${r.Status},${r.n},${r.total}`)]);
    const nd = await post('/sql', { query: QUERY, parameters: { a: 20, b: 50 } }, 'application/x-ndjson');
    expect(nd.headers.get('content-type')).toMatch(/ndjson/);
    expect(
      (await nd.text())
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual(json);
  });

  it('refuses bad SQL with 400, the code, line and column', async () => {
    const res = await post('/sql', { query: 'select ID\nfrom Payments where Nope = 1' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.errors[0].message).toBe('query: line 2, column 21: unknown column Nope');
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query', line: 2, column: 21 });
  });

  it('refuses divisions the caller was not granted with 403', async () => {
    const res = await post('/sql', { query: 'select count(*) from Payments', divisions: [987654] });
    expect(res.status).toBe(403);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('answers 401 without credentials', async () => {
    const res = await fetch(`${gw.baseUrl}/sql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'select 1' }),
    });
    expect(res.status).toBe(401);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await fetch(`${gw.baseUrl}/export?list=payments`)).status).toBe(401);
  });

  it('needs the analytics scope over HTTP too (403)', async () => {
    const headers = await gw.headersFor({ scopes: ['payments:read'] });
    const res = await post('/sql', { query: 'select 1' }, 'application/json', headers);
    expect(res.status).toBe(403);
    expect(((await res.json()) as any).errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', scope: 'analytics' });
    const exported = await gw.request('/export?list=payments', { headers });
    expect(exported.status).toBe(403);
  });

  it('restricts a caller granted one division, whatever the query says', async () => {
    const headers = await gw.headersFor({ divisions: [divisions[1]] });
    const res = await post(
      '/sql',
      { query: `select Division, count(*) n from Payments where Division in (${divisions.join(', ')}) group by Division` },
      'application/json',
      headers,
    );
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).rows).toEqual([{ Division: divisions[1], n: expect.any(Number) }]);
  });

  it('needs the analytics scope', async () => {
    // Through the schema: the field declares the scope (@RequiresScope), the schema checks it.
    const res = await executeAs(t.db, { divisions, scopes: ['payments:read'] }, '{ sql(query: "select 1") { rowCount } }');
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', scope: 'analytics' } });
  });
});

describe('/export', () => {
  it('streams a SQL query as NDJSON (GET) restricted to the divisions asked for', async () => {
    const res = await gw.request(
      `/export?format=ndjson&divisions=${divisions[0]}&sql=${encodeURIComponent('select ID, Division, AmountDC from Payments')}`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/ndjson/);
    const rows = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.Division).toBe(divisions[0]);
  });

  it('streams a GraphQL list by keyset pages as CSV (POST), every row once', async () => {
    const res = await post('/export', { list: 'payments', format: 'csv' });
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0].split(',')).toEqual(expect.arrayContaining(['id', 'amountDC', 'divisionCode']));
    const ids = lines.slice(1).map((l) => l.split(',')[lines[0].split(',').indexOf('id')]);
    expect(ids).toHaveLength(600); // six pages of 100
    expect(new Set(ids).size).toBe(600);
  });

  it('streams a GraphQL list query page by page: its filter, derived fields and nested objects', async () => {
    const graphql = `query Open($s: PaymentStatus) {
      payments(where: { status: { eq: $s } }) { nodes { id amountDC accountName account { code } } }
    }`;
    const res = await post('/export', { graphql, variables: { s: 'OPEN' }, format: 'ndjson' });
    expect(res.status).toBe(200);
    const rows = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const sqlRows = (
      (await (await post('/sql', { query: 'select ID, AmountDC, AccountName, AccountCode from Payments where Status = 20' })).json()) as any
    ).rows;
    expect(rows.length).toBe(sqlRows.length);
    expect(rows.length).toBeGreaterThan(0);
    expect(Object.keys(rows[0])).toEqual(['id', 'amountDC', 'accountName', 'account.code']);
    const key = (r: Record<string, unknown>) => Object.values(r).join('|');
    expect(rows.map(key).sort()).toEqual(sqlRows.map(key).sort());
  });

  it('refuses a GraphQL export that is not one list query', async () => {
    for (const graphql of [
      '{ payments { totalCount } }',
      '{ catalog { name } }',
      'mutation { revokeApiKey(id: "x") { id } }',
      '{ payments(after: "x") { nodes { id } } }',
      '{ payments { nodes { nope } } }',
    ]) {
      const res = await post('/export', { graphql });
      expect(res.status).toBe(400);
      expect(((await res.json()) as any).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'graphql' });
    }
    // The protection limits of /graphql hold for exports too.
    const costly = await post('/export', {
      graphql:
        '{ payments(first: 100) { nodes { id payments: account { payments(first: 100) { nodes { account { payments(first: 100) { nodes { id } } } } } } } } }',
    });
    expect(costly.status).toBe(400);
    expect(((await costly.json()) as any).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'cost' });
  });

  it('refuses a bad query before streaming, with its status', async () => {
    const res = await gw.request(`/export?sql=${encodeURIComponent('delete from Payments')}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query' });
    const none = await gw.request('/export?format=xml&list=payments');
    expect(none.status).toBe(400);
  });

  it('exports from the command line with progress on stderr', async () => {
    const root = path.resolve(__dirname, '../..');
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'reflect-metadata',
        'src/main.ts',
        'export',
        '--sql',
        'select ID, AmountDC from Payments where Status = :s',
        '--param',
        's=20',
        '--format',
        'csv',
      ],
      { cwd: root, env: { ...process.env, DATABASE_URL: t.url }, maxBuffer: 64 * 1024 * 1024 },
    );
    const lines = stdout.trim().split('\r\n');
    expect(lines[0]).toBe('ID,AmountDC');
    expect(stderr).toContain(`Exported ${lines.length - 1} rows`);
    expect(stderr).toMatch(/exported [\d,]+ rows \([\d,]+ rows\/s\)/);
  }, 60_000);
});
