import { SignJWT } from 'jose';
import { createApiKey } from '../../src/access/api-keys';
import { allDivisionCodes } from '../../src/access/authenticate';
import { SCOPES } from '../../src/access/principal';
import { MAX_OPERATION_LABELS } from '../../src/platform/metrics';
import { openSeededDatabase, openTestDatabase, TEST_DATABASE, TestDatabase } from '../support/database';
import { captureLog, NO_CREDENTIALS, startTestGateway, TestGateway } from '../support/gateway';
import { parsePrometheus, Sample, select, sumOf, valueOf } from '../support/prometheus';

/**
 * Issue 10 items 5 and 6 over real HTTP: the request id, one JSON log line per request without
 * secrets, SQL lines under LOG_SQL, and the Prometheus metrics on their own port.
 */
const JWT_SECRET = 'observability-secret-of-at-least-32-bytes!';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PAYMENT_IDS = 'query PaymentIds { payments(first: 2) { nodes { id } } }';

let t: TestDatabase;
let divisions: number[];

beforeAll(async () => {
  t = await openSeededDatabase('observability', { divisions: 2, payments: 40 });
  divisions = await allDivisionCodes(t.db);
});
afterAll(async () => {
  await t?.close();
});

const jwt = (claims: Record<string, unknown>) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('alice')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(JWT_SECRET));

describe('request ids and the request log', () => {
  let gw: TestGateway;
  let log: ReturnType<typeof captureLog>;
  beforeAll(async () => {
    log = captureLog();
    gw = await startTestGateway(t.db, { JWT_SECRET }, { logger: log.logger });
  });
  afterAll(async () => {
    await gw?.close();
  });

  const requestLines = (id: string) => log.lines().filter((l) => l.requestId === id && l.msg === 'request');

  it("answers the client's X-Request-Id when it is safe, and a new id otherwise", async () => {
    const echoed = await gw.request('/health', { headers: { 'x-request-id': 'client-7f3a.b:9' } });
    expect(echoed.headers.get('x-request-id')).toBe('client-7f3a.b:9');
    for (const unsafe of ['x'.repeat(129), 'has space', 'quote"d', '<script>', 'semi;colon']) {
      const res = await gw.request('/health', { headers: { 'x-request-id': unsafe } });
      expect(res.headers.get('x-request-id')).toMatch(UUID);
    }
    const made = await gw.request('/health');
    const again = await gw.request('/health');
    expect(made.headers.get('x-request-id')).toMatch(UUID);
    expect(again.headers.get('x-request-id')).not.toBe(made.headers.get('x-request-id'));
  });

  it('writes exactly one JSON request line per request, with who asked what and how it went', async () => {
    const { key, secret } = await createApiKey(t.db, {
      name: 'log test',
      divisions: [divisions[0]],
      scopes: [...SCOPES],
      createdBy: 'test',
    });
    const token = await jwt({ divisions: [divisions[1]], scope: 'payments:read' });
    const named = await gw.gql(PAYMENT_IDS, {}, { 'x-api-key': secret, 'x-request-id': 'log-named' });
    expect(named.errors).toBeUndefined();
    const anonymous = await gw.gql(
      '{ payments(first: 1) { nodes { id } } }',
      {},
      { authorization: `Bearer ${token}`, 'x-request-id': 'log-jwt' },
    );
    expect(anonymous.errors).toBeUndefined();
    expect((await gw.request('/catalog?table=Journals', { headers: { 'x-api-key': secret, 'x-request-id': 'log-rest' } })).status).toBe(
      200,
    );
    expect((await gw.gql(PAYMENT_IDS, {}, { ...NO_CREDENTIALS, 'x-request-id': 'log-401' })).status).toBe(401);

    const [graphql] = requestLines('log-named');
    expect(requestLines('log-named')).toHaveLength(1);
    expect(graphql).toMatchObject({
      level: 30,
      method: 'POST',
      route: '/graphql',
      path: '/graphql',
      operation: 'PaymentIds',
      operationType: 'query',
      status: 200,
      principal: `key:${key.id}`,
      divisions: [divisions[0]],
    });
    expect(typeof graphql.durationMs).toBe('number');
    expect(graphql.durationMs).toBeGreaterThanOrEqual(0);
    expect(new Date(graphql.time).toISOString()).toBe(graphql.time);

    expect(requestLines('log-jwt')).toHaveLength(1);
    expect(requestLines('log-jwt')[0]).toMatchObject({ operation: null, operationType: 'query', status: 200, divisions: [divisions[1]] });
    expect(requestLines('log-jwt')[0].principal).toMatch(/^jwt:alice/);

    expect(requestLines('log-rest')).toHaveLength(1);
    expect(requestLines('log-rest')[0]).toMatchObject({
      method: 'GET',
      route: '/catalog',
      path: '/catalog',
      status: 200,
      principal: `key:${key.id}`,
    });

    expect(requestLines('log-401')).toHaveLength(1);
    expect(requestLines('log-401')[0]).toMatchObject({ route: '/graphql', status: 401, errors: ['UNAUTHENTICATED'] });
    expect(requestLines('log-401')[0].principal).toBeUndefined();

    // Every line the gateway wrote is JSON with a request id (nothing logs outside a request here).
    for (const line of log.lines()) expect(line.requestId).toEqual(expect.any(String));
    // No credential, in whole or in part, and no query string reached the log.
    const text = log.text();
    for (const secretText of [secret, secret.split('_').at(-1)!, token, token.split('.')[2], JWT_SECRET, gw.adminKey])
      expect(text).not.toContain(secretText);
    expect(text).not.toMatch(/x-api-key|authorization|table=Journals/i);
  });

  it('logs SQL statements at debug level with the request id when LOG_SQL is on', async () => {
    const sqlLog = captureLog('debug');
    const own = await openTestDatabase('observability_sql', { logger: sqlLog.logger, logSql: true });
    const sqlGw = await startTestGateway(own.db, { LOG_SQL: 'true' }, { logger: sqlLog.logger });
    try {
      const res = await sqlGw.gql('query Divisions { divisions(first: 5) { nodes { code } } }', {}, { 'x-request-id': 'log-sql' });
      expect(res.errors).toBeUndefined();
      const sql = sqlLog.lines().filter((l) => l.msg === 'sql' && l.requestId === 'log-sql');
      // The API key lookup, the granted divisions and the list itself at least.
      expect(sql.length).toBeGreaterThanOrEqual(2);
      for (const line of sql) {
        expect(line.level).toBe(20);
        expect(typeof line.sql).toBe('string');
      }
      expect(sql.some((l) => /\bFROM\b.*Divisions/is.test(l.sql))).toBe(true);
      expect(sqlLog.text()).not.toContain(sqlGw.adminKey);
    } finally {
      await sqlGw.close();
      await own.close();
    }
  });
});

describe('metrics on METRICS_PORT', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway(t.db, {}, { metrics: true });
  });
  afterAll(async () => {
    await gw?.close();
  });

  const scrape = async (): Promise<Sample[]> => {
    const res = await fetch(gw.metricsUrl!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return parsePrometheus(await res.text());
  };

  it('answers Prometheus text with request histograms, errors by code, SQL, event-loop lag, export rows and the pool', async () => {
    for (let i = 0; i < 3; i++) expect((await gw.gql(PAYMENT_IDS)).errors).toBeUndefined();
    for (let i = 0; i < 2; i++) expect((await gw.gql('{ __typename }')).errors).toBeUndefined();
    const tooLarge = await gw.gql('query TooLargePage { payments(first: 1000000) { nodes { id } } }');
    expect(tooLarge.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooLarge.status).toBe(400);
    expect((await gw.gql('{ __typename }', {}, NO_CREDENTIALS)).status).toBe(401);
    expect((await gw.request('/no-such-endpoint')).status).toBe(404);
    const exported = await gw.request(`/export?sql=${encodeURIComponent('SELECT Code FROM Divisions')}`);
    expect(exported.status).toBe(200);
    const csvRows = (await exported.text()).trim().split('\n').length - 1;
    expect(csvRows).toBe(divisions.length);

    const m = await scrape();
    const op = (operation: string) => ({ operation, type: 'query' });
    const H = 'cashflow_graphql_operation_duration_seconds';
    expect(valueOf(m, `${H}_count`, op('PaymentIds'))).toBe(3);
    expect(valueOf(m, `${H}_bucket`, { ...op('PaymentIds'), le: '+Inf' })).toBe(3);
    expect(valueOf(m, `${H}_sum`, op('PaymentIds'))).toBeGreaterThan(0);
    const buckets = select(m, `${H}_bucket`, op('PaymentIds')).map((s) => s.value);
    expect(buckets.length).toBeGreaterThan(5);
    expect([...buckets].sort((a, b) => a - b)).toEqual(buckets);
    expect(valueOf(m, `${H}_count`, op('(anonymous)'))).toBe(2);
    expect(valueOf(m, `${H}_count`, op('TooLargePage'))).toBe(1);

    const R = 'cashflow_http_request_duration_seconds_count';
    expect(valueOf(m, R, { method: 'POST', route: '/graphql', status: '200' })).toBe(5);
    expect(valueOf(m, R, { method: 'POST', route: '/graphql', status: '400' })).toBe(1);
    expect(valueOf(m, R, { method: 'POST', route: '/graphql', status: '401' })).toBe(1);
    expect(valueOf(m, R, { method: 'GET', route: '(unmatched)', status: '404' })).toBe(1);
    expect(valueOf(m, R, { method: 'GET', route: '/export', status: '200' })).toBe(1);

    expect(valueOf(m, 'cashflow_errors_total', { code: 'UNAUTHENTICATED' })).toBe(1);
    expect(valueOf(m, 'cashflow_errors_total', { code: 'NOT_FOUND' })).toBe(1);
    expect(valueOf(m, 'cashflow_errors_total', { code: 'BAD_USER_INPUT' })).toBe(1);

    expect(valueOf(m, 'cashflow_sql_statement_duration_seconds_count', { kind: 'select' })).toBeGreaterThan(0);
    expect(valueOf(m, 'cashflow_export_rows_total', { source: 'sql', outcome: 'finished' })).toBe(divisions.length);
    expect(valueOf(m, 'cashflow_exports_total', { source: 'sql', outcome: 'finished' })).toBe(1);
    expect(select(m, 'nodejs_eventloop_lag_seconds')).toHaveLength(1);
    expect(valueOf(m, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);

    if (TEST_DATABASE === 'mariadb') {
      expect(valueOf(m, 'cashflow_db_pool_max_connections')).toBe(20);
      expect(sumOf(m, 'cashflow_db_pool_connections')).toBeGreaterThanOrEqual(1);
      expect(valueOf(m, 'cashflow_db_pool_waiting_requests')).toBe(0);
    } else {
      expect(select(m, 'cashflow_db_pool_connections')).toEqual([]);
    }
  });

  it('times at least every statement a request ran', async () => {
    const kinds = (m: Sample[]) => sumOf(m, 'cashflow_sql_statement_duration_seconds_count');
    const before = kinds(await scrape());
    const res = await gw.gql(PAYMENT_IDS);
    expect(res.statements).toBeGreaterThan(0);
    // x-sql-statements counts the operation's statements; the API key lookup comes on top.
    expect(kinds(await scrape()) - before).toBeGreaterThanOrEqual(res.statements);
  });

  it('never labels a division, a principal or a key', async () => {
    const { key, secret } = await createApiKey(t.db, { name: 'metrics test', divisions, scopes: [...SCOPES], createdBy: 'test' });
    const res = await gw.gql(
      `query Narrowed { payments(first: 3, divisions: [${divisions[1]}]) { nodes { id } } }`,
      {},
      {
        'x-api-key': secret,
        'x-cashflow-divisions': divisions.join(','),
      },
    );
    expect(res.errors).toBeUndefined();
    const names = (await t.db.dataSource.query('SELECT Description FROM Divisions')) as { Description: string }[];
    const text = await (await fetch(gw.metricsUrl!)).text();
    for (const forbidden of [key.id, secret, gw.adminKey.split('_')[1], ...names.map((n) => n.Description)])
      expect(text).not.toContain(forbidden);
    const ours = parsePrometheus(text).filter((s) => s.name.startsWith('cashflow_'));
    const labelNames = new Set(ours.flatMap((s) => Object.keys(s.labels)));
    expect([...labelNames].sort()).toEqual(
      [
        'code',
        'kind',
        'le',
        'method',
        'operation',
        'outcome',
        'route',
        'source',
        'status',
        'type',
        ...(TEST_DATABASE === 'mariadb' ? ['state'] : []),
      ].sort(),
    );
    for (const s of ours) {
      for (const [label, value] of Object.entries(s.labels)) {
        if (label === 'le' || label === 'status') continue;
        expect(divisions.map(String)).not.toContain(value);
      }
    }
  });

  it('labels at most MAX_OPERATION_LABELS operation names; later names count as (other)', async () => {
    const H = 'cashflow_graphql_operation_duration_seconds_count';
    const named = (m: Sample[]) => select(m, H).filter((s) => !s.labels.operation.startsWith('('));
    const before = await scrape();
    const free = MAX_OPERATION_LABELS - named(before).length;
    const sent = free + 12;
    for (let i = 0; i < sent; i++) expect((await gw.gql(`query Generated${i} { __typename }`)).errors).toBeUndefined();
    const after = await scrape();
    expect(named(after)).toHaveLength(MAX_OPERATION_LABELS);
    expect(valueOf(after, H, { operation: '(other)', type: 'query' }) - valueOf(before, H, { operation: '(other)', type: 'query' })).toBe(
      12,
    );
    // A name seen before the budget ran out keeps its own series.
    await gw.gql(PAYMENT_IDS);
    expect(valueOf(await scrape(), H, { operation: 'PaymentIds', type: 'query' })).toBe(
      valueOf(after, H, { operation: 'PaymentIds', type: 'query' }) + 1,
    );
  });

  it('serves only /metrics on its port, and nothing of it on the main port', async () => {
    const base = gw.metricsUrl!.replace(/\/metrics$/, '');
    const other = await fetch(`${base}/graphql`);
    expect(other.status).toBe(404);
    expect(((await other.json()) as any).errors[0].extensions.code).toBe('NOT_FOUND');
    const post = await fetch(gw.metricsUrl!, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(((await post.json()) as any).errors[0].extensions.code).toBe('METHOD_NOT_ALLOWED');
    const main = await gw.request('/metrics');
    expect(main.status).toBe(404);
    expect(((await main.json()) as any).errors[0].extensions.code).toBe('NOT_FOUND');
  });
});
