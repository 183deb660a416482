import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { openSeededDatabase, TEST_DATABASE, TestDatabase } from '../support/database';
import { captureLog, startTestGateway, TestGateway } from '../support/gateway';
import { parsePrometheus, valueOf } from '../support/prometheus';

/**
 * Issue 11 section 5: every HTTP error is JSON with a stable code and the request id, never HTML,
 * a stack or a server path; every internal error is logged with what it takes to find it.
 */
let t: TestDatabase;
let gw: TestGateway;
let log: ReturnType<typeof captureLog>;

beforeAll(async () => {
  t = await openSeededDatabase('http_errors', { divisions: 1, payments: 10 });
  log = captureLog();
  gw = await startTestGateway(t.db, {}, { logger: log.logger, metrics: true });
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

interface ErrorBody {
  errors: { message: string; extensions: { code: string; requestId: string; [k: string]: unknown } }[];
}

/** The response's error, checked for the shape every error has and for leaks. */
async function errorOf(res: Response): Promise<ErrorBody['errors'][number]> {
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const text = await res.text();
  // No stack frame, server path, module path or HTML page.
  expect(text).not.toMatch(/\bat \S+ \(|\bat \/|\/work\/|node_modules|<html|<pre>/i);
  const body = JSON.parse(text) as ErrorBody;
  expect(body.errors).toHaveLength(1);
  const [error] = body.errors;
  expect(error.extensions.requestId).toBe(res.headers.get('x-request-id'));
  expect(typeof error.message).toBe('string');
  return error;
}

const json = { 'content-type': 'application/json' };
const tooLarge = (bytes: number) => JSON.stringify({ query: `{ __typename } #${'x'.repeat(bytes)}` });
const UUID = randomUUID();

const CASES: [string, string, RequestInit & { headers?: Record<string, string> }, number, string][] = [
  ['malformed JSON on /graphql', '/graphql', { method: 'POST', headers: json, body: '{"query": ' }, 400, 'BAD_USER_INPUT'],
  ['malformed JSON on /sql', '/sql', { method: 'POST', headers: json, body: '{bad' }, 400, 'BAD_USER_INPUT'],
  ['malformed JSON on POST /export', '/export', { method: 'POST', headers: json, body: '[' }, 400, 'BAD_USER_INPUT'],
  [
    'a body over the limit on /graphql (2 MB)',
    '/graphql',
    { method: 'POST', headers: json, body: tooLarge(2_200_000) },
    413,
    'PAYLOAD_TOO_LARGE',
  ],
  ['a body over the limit on /sql (1 MB)', '/sql', { method: 'POST', headers: json, body: tooLarge(1_100_000) }, 413, 'PAYLOAD_TOO_LARGE'],
  [
    'a body that is not JSON on /graphql',
    '/graphql',
    { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{ __typename }' },
    415,
    'UNSUPPORTED_MEDIA_TYPE',
  ],
  [
    'a body that is not JSON on /sql',
    '/sql',
    { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=1' },
    415,
    'UNSUPPORTED_MEDIA_TYPE',
  ],
  [
    'an unsupported charset',
    '/sql',
    { method: 'POST', headers: { 'content-type': 'application/json; charset=latin9' }, body: '{}' },
    415,
    'UNSUPPORTED_MEDIA_TYPE',
  ],
  ['an unknown path', '/no/such/path', {}, 404, 'NOT_FOUND'],
  ['an unknown path, POST', '/graphqlx', { method: 'POST', headers: json, body: '{}' }, 404, 'NOT_FOUND'],
  ['a missing explorer asset', '/explore/static/no-such-file.js', {}, 404, 'NOT_FOUND'],
  ['a malformed URL parameter', '/batches/%E0%A4%A/file', {}, 400, 'BAD_USER_INPUT'],
  ['PUT /graphql', '/graphql', { method: 'PUT', headers: json, body: '{}' }, 405, 'METHOD_NOT_ALLOWED'],
  ['DELETE /graphql', '/graphql', { method: 'DELETE' }, 405, 'METHOD_NOT_ALLOWED'],
  [
    'a mutation over GET',
    `/graphql?query=${encodeURIComponent('mutation { revokeApiKey(id: "x") { id } }')}`,
    {},
    405,
    'METHOD_NOT_ALLOWED',
  ],
  ['GET /sql', '/sql', {}, 405, 'METHOD_NOT_ALLOWED'],
  ['DELETE /export', '/export', { method: 'DELETE' }, 405, 'METHOD_NOT_ALLOWED'],
  ['POST /catalog', '/catalog', { method: 'POST', headers: json, body: '{}' }, 405, 'METHOD_NOT_ALLOWED'],
  ['POST /health', '/health', { method: 'POST' }, 405, 'METHOD_NOT_ALLOWED'],
  ['POST /explore', '/explore', { method: 'POST' }, 405, 'METHOD_NOT_ALLOWED'],
  ['PUT on a file download', `/batches/${UUID}/file`, { method: 'PUT' }, 405, 'METHOD_NOT_ALLOWED'],
  ['a file that does not exist', `/batches/${UUID}/file`, {}, 404, 'NOT_FOUND'],
  ['a file id that is no UUID', '/batches/nope/file', {}, 400, 'BAD_USER_INPUT'],
];

describe('HTTP errors', () => {
  it.each(CASES)('%s answers JSON with a stable code', async (_name, path, init, status, code) => {
    const res = await gw.request(path, init);
    expect(res.status).toBe(status);
    const error = await errorOf(res);
    expect(error.extensions.code).toBe(code);
    if (status === 405) expect(res.headers.get('allow')).toMatch(/^(GET|POST)/);
  });

  it('counts each error code once per answer', async () => {
    const m = parsePrometheus(await (await fetch(gw.metricsUrl!)).text());
    const count = (code: string) => CASES.filter((c) => c[4] === code).length;
    for (const code of ['NOT_FOUND', 'METHOD_NOT_ALLOWED', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE']) {
      expect(valueOf(m, 'cashflow_errors_total', { code })).toBe(count(code));
    }
  });

  it('keeps a 401 JSON with the request id', async () => {
    const res = await fetch(`${gw.url}`, { method: 'POST', headers: json, body: '{"query":"{ __typename }"}' });
    expect(res.status).toBe(401);
    expect((await errorOf(res)).extensions.code).toBe('UNAUTHENTICATED');
  });
});

/** Sends `raw` bytes to the gateway's port and reads the whole answer (the server closes). */
function rawRequest(raw: string): Promise<string> {
  const { port } = new URL(gw.baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => socket.end(raw));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('requests Node refuses before express', () => {
  it.each([
    ['a malformed request line', 'NONSENSE\r\n\r\n', 400, 'BAD_USER_INPUT'],
    ['a malformed header', 'GET /health HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n', 400, 'BAD_USER_INPUT'],
    ['headers over the size limit', `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431, 'BAD_USER_INPUT'],
  ])('answers %s JSON with a code', async (_name, raw, status, code) => {
    const answer = await rawRequest(raw);
    const [head, body] = answer.split('\r\n\r\n');
    expect(head).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    expect(head).toMatch(/content-type: application\/json/i);
    expect(JSON.parse(body).errors[0].extensions.code).toBe(code);
  });
});

describe('internal errors', () => {
  // A table the gateway needs is gone (the kind of fault no input can cause): every read of it
  // fails inside the database driver.
  beforeAll(async () => {
    await t.db.dataSource.query('ALTER TABLE Journals RENAME TO Journals_gone');
  });

  const internalLogOf = (requestId: string) => log.lines().filter((l) => l.requestId === requestId && l.level === 50);

  it('answers GraphQL INTERNAL_SERVER_ERROR without details and logs it with the request id and stack', async () => {
    const res = await gw.gql('query BrokenJournals { journals(first: 1) { nodes { code } } }', {}, { 'x-request-id': 'broken-graphql' });
    expect(res.headers.get('x-request-id')).toBe('broken-graphql');
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]).toMatchObject({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'broken-graphql' },
    });
    expect(JSON.stringify(res.errors)).not.toMatch(/Journals|\/work\/|\bat /);

    const [logged] = internalLogOf('broken-graphql');
    expect(internalLogOf('broken-graphql')).toHaveLength(1);
    expect(logged).toMatchObject({ msg: 'internal error', operation: 'BrokenJournals', principal: expect.stringMatching(/^key:/) });
    expect(logged.err.message).toMatch(/Journals/);
    expect(logged.err.stack).toMatch(/\n\s+at /);
    const [line] = log.lines().filter((l) => l.requestId === 'broken-graphql' && l.msg === 'request');
    expect(line).toMatchObject({ operation: 'BrokenJournals', errors: ['INTERNAL_SERVER_ERROR'] });
  });

  it('answers REST 500 INTERNAL_SERVER_ERROR without details and logs it with the request id, route and principal', async () => {
    for (const [path, init] of [
      ['/sql', { method: 'POST', headers: json, body: JSON.stringify({ query: 'SELECT Code FROM Journals' }) }],
      [`/export?sql=${encodeURIComponent('SELECT Code FROM Journals')}`, {}],
    ] as const) {
      const res = await gw.request(path, init);
      expect(res.status).toBe(500);
      const error = await errorOf(res);
      expect(error).toEqual({
        message: 'Internal server error',
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: res.headers.get('x-request-id') },
      });
      const id = error.extensions.requestId;
      const [logged] = internalLogOf(id);
      expect(logged).toMatchObject({
        msg: 'internal error',
        route: path.split('?')[0],
        method: init.method ?? 'GET',
        principal: expect.stringMatching(/^key:/),
      });
      expect(logged.err.stack).toMatch(/Journals[\s\S]*\n\s+at /);
      expect(log.lines().filter((l) => l.requestId === id && l.msg === 'request')).toEqual([expect.objectContaining({ status: 500 })]);
    }
  });

  it('counts the failed statements in the metrics', async () => {
    const m = parsePrometheus(await (await fetch(gw.metricsUrl!)).text());
    // On SQLite TypeORM prepares a statement before its error handling (a missing table fails
    // there), so only the streamed export's failure is counted; MariaDB fails all three.
    expect(valueOf(m, 'cashflow_sql_statement_errors_total', { kind: 'select' })).toBeGreaterThanOrEqual(
      TEST_DATABASE === 'mariadb' ? 3 : 1,
    );
    expect(valueOf(m, 'cashflow_errors_total', { code: 'INTERNAL_SERVER_ERROR' })).toBe(3);
  });
});
