import { openSeededDatabase, TestDatabase } from '../support/database';
import { startTestGateway, TestGateway } from '../support/gateway';
import { runningStatements, waitFor } from '../support/running-statements';

/**
 * No request may stall the server: heavy reads (SQL exports, the SQL layer, aggregates) never
 * delay /health or a small query, and a statement stops when its client hangs up. On SQLite the
 * heavy reads run in read workers (better-sqlite3 would otherwise run them on the event loop);
 * on MariaDB a disconnect kills the statement (KILL QUERY) instead of leaving it to run for
 * EXPORT_TIMEOUT_MS.
 */
let t: TestDatabase;
let gw: TestGateway;

/** A statement that runs for hours: four cross joins of the payments (400^4 combinations). */
const HEAVY = 'select count(*) as heavy_probe from Payments a cross join Payments b cross join Payments c cross join Payments d';

beforeAll(async () => {
  t = await openSeededDatabase('availability', { divisions: 2, payments: 400 });
  gw = await startTestGateway(t.db, { MAX_PAGE_SIZE: '100' });
}, 120_000);
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

/** Starts a request that is never read to its end; abort the controller to hang up. */
function hangingRequest(path: string, init: RequestInit & { headers?: Record<string, string> } = {}): AbortController {
  const controller = new AbortController();
  gw.request(path, { ...init, signal: controller.signal })
    .then((res) => res.body?.cancel())
    .catch(() => undefined);
  return controller;
}

const running = () => runningStatements(t.db, t.url, 'heavy_probe');

/** Latencies (ms) of `n` requests made one after the other. */
async function latencies(n: number, request: () => Promise<Response>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    const res = await request();
    await res.text();
    expect(res.status).toBe(200);
    out.push(performance.now() - started);
  }
  return out.sort((a, b) => a - b);
}

describe('availability under heavy reads', () => {
  it('answers /health and a small query within a second while four heavy SQL exports run', async () => {
    const exports = Array.from({ length: 4 }, () => hangingRequest(`/export?format=csv&sql=${encodeURIComponent(HEAVY)}`));
    try {
      await waitFor(async () => (await running()) === 4, 30_000, 'four heavy exports to be running');
      const health = await latencies(30, () => fetch(`${gw.baseUrl}/health`));
      const small = await latencies(5, () =>
        gw.request('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ payments(first: 5) { nodes { id amountDC } } }' }),
        }),
      );
      const ms = (x: number) => `${x.toFixed(1)} ms`;
      const kind = t.db.dialect.kind;
      console.log(
        `${kind}: /health under four heavy exports p50 ${ms(health[15])}, max ${ms(health[29])}; small query max ${ms(small[4])}`,
      );
      expect(health[29]).toBeLessThan(1000);
      expect(small[4]).toBeLessThan(1000);
      // Still running: the answers did not wait for the exports to end.
      expect(await running()).toBe(4);
    } finally {
      for (const e of exports) e.abort();
    }
    // Hung up: every statement is gone within seconds, not at EXPORT_TIMEOUT_MS.
    const gone = await waitFor(async () => (await running()) === 0, 5000, 'the cancelled exports to stop');
    console.log(`${t.db.dialect.kind}: cancelled exports stopped within ${gone} ms`);
  }, 90_000);

  it('stops the statement of a POST /sql whose client hangs up', async () => {
    const request = hangingRequest('/sql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: HEAVY }),
    });
    try {
      await waitFor(async () => (await running()) === 1, 30_000, 'the SQL statement to be running');
    } finally {
      request.abort();
    }
    await waitFor(async () => (await running()) === 0, 5000, 'the cancelled SQL statement to stop');
  }, 60_000);

  it('stops the statement of a GraphQL sql field whose client hangs up', async () => {
    const body = JSON.stringify({ query: `{ sql(query: "${HEAVY}") { rowCount } }` });
    const request = hangingRequest('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    try {
      await waitFor(async () => (await running()) === 1, 30_000, 'the sql field statement to be running');
    } finally {
      request.abort();
    }
    await waitFor(async () => (await running()) === 0, 5000, 'the cancelled sql field statement to stop');
  }, 60_000);
});

describe('GraphQL exports', () => {
  const exportRows = async (body: Record<string, unknown>) => {
    const res = await gw.request('/export', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'ndjson', ...body }),
    });
    expect(res.status).toBe(200);
    return (await res.text())
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, string>);
  };

  it('takes first as a cap on the rows, not as the page size', async () => {
    const five = await exportRows({ graphql: '{ payments(first: 5) { nodes { id amountDC } } }' });
    expect(five).toHaveLength(5);
    const all = await exportRows({ graphql: '{ payments { nodes { id amountDC } } }' });
    expect(all).toHaveLength(400);
    expect(five).toEqual(all.slice(0, 5));
    // Amounts stay exact decimal text.
    for (const r of all) expect(r.amountDC).toMatch(/^-?\d+\.\d{2}$/);
    const capped = await exportRows({ graphql: 'query($n: Int) { payments(first: $n) { nodes { id } } }', variables: { n: 250 } });
    expect(capped.map((r) => r.id)).toEqual(all.slice(0, 250).map((r) => r.id));
  });

  it('takes last as the last rows in order, up to one page', async () => {
    const all = await exportRows({ graphql: '{ payments { nodes { id } } }' });
    const three = await exportRows({ graphql: '{ payments(last: 3) { nodes { id } } }' });
    expect(three).toEqual(all.slice(-3));
    const tooMany = await gw.request('/export', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ graphql: '{ payments(last: 101) { nodes { id } } }' }),
    });
    expect(tooMany.status).toBe(400);
  });

  it('reads in pages of the largest page size, not row by row', async () => {
    const before = t.db.statements.total;
    const rows = await exportRows({ graphql: '{ payments { nodes { id amountDC } } }' });
    expect(rows).toHaveLength(400);
    // 400 rows in pages of MAX_PAGE_SIZE (100): four or five statements, whatever first defaults to.
    expect(t.db.statements.total - before).toBeLessThanOrEqual(6);
  });
});
