import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { closeDatabase } from '../../src/db/data-source';
import { registerSqliteFunctions } from '../../src/db/sqlite-functions';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { runningStatements, waitFor } from '../support/running-statements';

/**
 * SIGTERM stops a real server process (`src/main.ts start`) within 10 s even while exports run:
 * it stops accepting, cuts the exports (their statements end), closes the database and, on
 * SQLite, checkpoints the WAL so the database file alone holds every write (here the demo key
 * the server wrote at start).
 */
const ROOT = path.resolve(__dirname, '../..');
const HEAVY = 'select count(*) as heavy_probe from Payments a cross join Payments b cross join Payments c cross join Payments d';
let t: TestDatabase;
let server: ChildProcess | undefined;

beforeAll(async () => {
  t = await openSeededDatabase('shutdown', { divisions: 2, payments: 400 });
  // The server process is the only one using a SQLite file (the test reads it again afterwards).
  if (t.db.dialect.kind === 'sqlite') await closeDatabase(t.db);
}, 120_000);
afterAll(async () => {
  if (server && server.exitCode === null) server.kill('SIGKILL');
  await t?.close();
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** Starts `src/main.ts start` on the test database; resolves with its demo key once it serves. */
async function startServer(port: number): Promise<string> {
  server = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'reflect-metadata', 'src/main.ts', 'start'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: t.url, PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: 'true', DEMO_KEY: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitFor(async () => /Demo key\s+cfk_/.test(output) || server!.exitCode !== null, 90_000, 'the server to start');
  const key = /Demo key\s+(cfk_[\w-]+)/.exec(output)?.[1];
  if (!key) throw new Error(`The server did not start:\n${output}`);
  return key;
}

/** An export request that is never read: the server keeps working on it until it stops. */
function heavyExport(port: number, key: string): void {
  const req = http.get(
    `http://127.0.0.1:${port}/export?format=csv&sql=${encodeURIComponent(HEAVY)}`,
    { headers: { 'x-api-key': key } },
    (res) => res.resume(),
  );
  req.on('error', () => undefined);
}

describe('stopping the server', () => {
  it('exits within 10 s of SIGTERM mid-export, leaving a complete database', async () => {
    const port = await freePort();
    const key = await startServer(port);
    heavyExport(port, key);
    heavyExport(port, key);
    if (t.db.dialect.kind === 'mysql')
      await waitFor(async () => (await runningStatements(t.db, t.url, 'heavy_probe')) === 2, 30_000, 'the exports to run');
    // SQLite: the statements run in the server's read workers, out of sight; give them time to start.
    else await new Promise((resolve) => setTimeout(resolve, 2000));
    const health = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2000) });
    expect(health.status).toBe(200);

    const exited = new Promise<number | null>((resolve) => server!.once('exit', (code) => resolve(code)));
    const started = Date.now();
    server!.kill('SIGTERM');
    const code = await exited;
    const took = Date.now() - started;
    console.log(`${t.db.dialect.kind}: the server exited ${took} ms after SIGTERM, with code ${code}`);
    expect(code).toBe(0);
    expect(took).toBeLessThan(10_000);

    if (t.db.dialect.kind === 'mysql') {
      await waitFor(async () => (await runningStatements(t.db, t.url, 'heavy_probe')) === 0, 5000, 'the exports statements to end');
      return;
    }
    const file = t.url.slice('sqlite:'.length);
    const wal = `${file}-wal`;
    expect(fs.existsSync(wal) ? fs.statSync(wal).size : 0).toBe(0);
    // The file alone, without -wal or -shm, holds everything: the key the server wrote at start.
    const copy = `${file}.alone.sqlite`;
    fs.copyFileSync(file, copy);
    const alone = new BetterSqlite3(copy, { readonly: true });
    // Its indexes on cf_key(...) need the gateway's SQL functions.
    registerSqliteFunctions(alone);
    try {
      expect(alone.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((alone.prepare('SELECT COUNT(*) AS n FROM Payments').get() as { n: number }).n).toBe(400);
      const keyId = key.split('_')[1];
      expect(alone.prepare('SELECT COUNT(*) AS n FROM ApiKeys WHERE KeyID = ?').get(keyId)).toEqual({ n: 1 });
    } finally {
      alone.close();
    }
  }, 180_000);
});
