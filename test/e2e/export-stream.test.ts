import http from 'node:http';
import { storedColumns, table } from '../../src/catalog';
import { exportEvents } from '../../src/export/export-events';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { startTestGateway, TestGateway } from '../support/gateway';

/**
 * An export of 200,000 payments streams: the first bytes reach the client before the statement
 * has read its last row, and the resident memory of the process grows by a bounded amount,
 * far less than the size of the result.
 */
const ROWS = 200_000;
let t: TestDatabase;
let gw: TestGateway;

/** Copies the seeded payments with fresh IDs until the table holds `ROWS` rows (INSERT ... SELECT). */
async function growPayments(): Promise<void> {
  const q = t.db.dialect.quote;
  const columns = storedColumns(table('Payments')).map((c) => c.name);
  const newId = t.db.dialect.kind === 'sqlite' ? 'lower(hex(randomblob(16)))' : 'UUID()';
  const list = columns.map(q).join(', ');
  const select = columns.map((c) => (c === 'ID' ? newId : q(c))).join(', ');
  for (;;) {
    const n = Number((await t.db.dataSource.query(`SELECT COUNT(*) AS n FROM ${q('Payments')}`))[0].n);
    if (n >= ROWS) return;
    // The copy goes through a derived table so MariaDB reads the source before writing.
    await t.db.dataSource.query(`INSERT INTO ${q('Payments')} (${list}) SELECT ${select} FROM (SELECT * FROM ${q('Payments')} LIMIT ${Math.min(n, ROWS - n)}) AS ${q('src')}`);
  }
}

beforeAll(async () => {
  t = await openSeededDatabase('export_stream', { divisions: 2, payments: 400 });
  await growPayments();
  gw = await startTestGateway(t.db);
}, 180_000);
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

interface Download {
  status: number;
  bytes: number;
  lines: number;
  exportFinishedAtFirstByte: boolean | undefined;
  peakRssGrowth: number;
}

/** Streams `url`, keeping nothing but counts, and samples the process's resident memory. */
function download(url: string, body: unknown): Promise<Download> {
  return new Promise((resolve, reject) => {
    let finished = false;
    const onFinished = () => {
      finished = true;
    };
    exportEvents.on('finished', onFinished);
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 10);
    const payload = JSON.stringify(body);
    const req = http.request(url, { method: 'POST', headers: { ...gw.authHeaders, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
      const out: Download = { status: res.statusCode ?? 0, bytes: 0, lines: 0, exportFinishedAtFirstByte: undefined, peakRssGrowth: 0 };
      res.on('data', (chunk: Buffer) => {
        if (out.exportFinishedAtFirstByte === undefined) out.exportFinishedAtFirstByte = finished;
        out.bytes += chunk.length;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) out.lines++;
      });
      res.on('end', () => {
        clearInterval(sampler);
        exportEvents.off('finished', onFinished);
        peak = Math.max(peak, process.memoryUsage().rss);
        out.peakRssGrowth = peak - baseline;
        resolve(out);
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

describe('streaming export', () => {
  it(`streams ${ROWS.toLocaleString('en')} payments as CSV in bounded memory, first bytes before the statement ends`, async () => {
    // Forty columns of every kind (ids, text, money, dates, codes): about 115 MB of CSV.
    const columns = storedColumns(table('Payments')).map((c) => c.name).slice(0, 40);
    const query = `select ${columns.join(', ')} from Payments`;
    // Warm up code paths and driver buffers with a small export first.
    await download(`${gw.baseUrl}/export`, { sql: `${query} limit 1000`, format: 'csv' });
    const result = await download(`${gw.baseUrl}/export`, { sql: query, format: 'csv' });
    expect(result.status).toBe(200);
    expect(result.lines).toBe(ROWS + 1); // header + rows
    expect(result.exportFinishedAtFirstByte).toBe(false);
    const mb = (n: number) => Math.round(n / 1048576);
    console.log(`export: ${mb(result.bytes)} MB of CSV, resident memory grew by at most ${mb(result.peakRssGrowth)} MB`);
    expect(result.bytes).toBeGreaterThan(100 * 1048576);
    // Holding the result (or only its CSV) in memory would take more than the whole CSV.
    expect(result.peakRssGrowth).toBeLessThan(80 * 1048576);
  }, 180_000);
});
