import { ChildProcess, fork } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { storedColumns, table } from '../../src/catalog';
import { openSeededDatabase, TestDatabase } from '../support/database';

/**
 * An export of 200,000 payments streams: the first bytes reach the client before the export
 * has read its last row, and the resident memory of the serving process grows by a bounded
 * amount, far less than the size of the result. The gateway runs in a process of its own
 * (test/support/export-server.ts) so its memory is measured cleanly.
 */
const ROWS = 200_000;
let t: TestDatabase;
let server: ChildProcess;
let url: string;
let key: string;
const messages: { type: string; [k: string]: unknown }[] = [];

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
    await t.db.dataSource.query(
      `INSERT INTO ${q('Payments')} (${list}) SELECT ${select} FROM (SELECT * FROM ${q('Payments')} LIMIT ${Math.min(n, ROWS - n)}) AS ${q('src')}`,
    );
  }
}

/** The next message of `type` from the server process. */
function next(type: string): Promise<{ [k: string]: unknown }> {
  return new Promise((resolve) => {
    const seen = messages.findIndex((m) => m.type === type);
    if (seen >= 0) return resolve(messages.splice(seen, 1)[0]);
    const on = (m: { type: string }) => {
      if (m.type !== type) return;
      server.off('message', on);
      messages.splice(messages.indexOf(m), 1);
      resolve(m);
    };
    server.on('message', on);
  });
}

beforeAll(async () => {
  t = await openSeededDatabase('export_stream', { divisions: 2, payments: 400 });
  await growPayments();
  const root = path.resolve(__dirname, '../..');
  server = fork(path.join(root, 'test/support/export-server.ts'), [], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: t.url },
    execArgv: ['-r', 'ts-node/register/transpile-only'],
  });
  server.on('message', (m: { type: string }) => messages.push(m));
  const ready = await next('ready');
  url = `${ready.url}/export`;
  key = String(ready.key);
}, 180_000);
afterAll(async () => {
  if (server?.connected) {
    server.send('stop');
    await new Promise((resolve) => server.once('exit', resolve));
  }
  await t?.close();
});

interface Download {
  status: number;
  bytes: number;
  lines: number;
  finishedAtFirstByte: boolean | undefined;
}

/** Streams the export, keeping nothing but counts. */
function download(body: unknown): Promise<Download> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = http.request(
      url,
      { method: 'POST', headers: { 'x-api-key': key, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        const out: Download = { status: res.statusCode ?? 0, bytes: 0, lines: 0, finishedAtFirstByte: undefined };
        res.on('data', (chunk: Buffer) => {
          if (out.finishedAtFirstByte === undefined) out.finishedAtFirstByte = messages.some((m) => m.type === 'finished');
          out.bytes += chunk.length;
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) out.lines++;
        });
        res.on('end', () => resolve(out));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

describe('streaming export', () => {
  it(`streams ${ROWS.toLocaleString('en')} payments as CSV in bounded memory, first bytes before the export ends`, async () => {
    // Every stored column of every payment: about 150 MB of CSV.
    const query = `select ${storedColumns(table('Payments'))
      .map((c) => c.name)
      .join(', ')} from Payments`;
    // Warm up code paths and driver buffers with a small export first, then measure from here.
    await download({ sql: `${query} limit 2000`, format: 'csv' });
    await next('finished');
    const baseline = Number((await (server.send('reset'), next('reset'))).rss);

    const result = await download({ sql: query, format: 'csv' });
    expect(result.status).toBe(200);
    expect(result.lines).toBe(ROWS + 1); // header + rows
    expect(result.finishedAtFirstByte).toBe(false);
    expect((await next('finished')).rows).toBe(ROWS);

    server.send('peak');
    const growth = Number((await next('peak')).rss) - baseline;
    const mb = (n: number) => Math.round(n / 1048576);
    console.log(`export: ${mb(result.bytes)} MB of CSV, resident memory of the server grew by at most ${mb(growth)} MB`);
    expect(result.bytes).toBeGreaterThan(120 * 1048576);
    // Holding the rows, or only their CSV text, would take more than the CSV's size.
    expect(growth).toBeLessThan(64 * 1048576);
  }, 180_000);
});
