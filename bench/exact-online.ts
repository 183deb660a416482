import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import os from 'node:os';
import readline from 'node:readline';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import { allDivisionCodes } from '../src/access/authenticate';
import { closeDatabase, Database } from '../src/db/data-source';
import { openGatewayDatabase } from '../src/modules/entities';
import { ExactSync } from '../src/modules/exact-online/exact-sync.service';
import { createLogger } from '../src/platform/logger';
import { clearAll, seed } from '../src/seed/seed';
import { ExactOnlineDouble } from '../test/support/exact-online-double';
import { connectThroughDouble, exactTestConfig, testBox } from '../test/support/exact-online';
import { writeSection } from './report-sections';

/**
 * `npm run bench:exact`: the Exact Online sync against the double (test/support), on MariaDB.
 * (1) Budget-bound: the double allows 60 calls a "minute" whose length is scaled down
 *     (BENCH_EXACT_MINUTE_MS, default 3,000 ms: the double's windows and the connector's budget
 *     both use it, so every wait is for a real reset announced in X-RateLimit-Minutely-Reset);
 *     100,000 payment terms are 100 pages. Goal: the sync takes at most 1.1x the minutes' worth
 *     of calls it needs (calls / 60 windows).
 * (2) Limit lifted: the same load with an unlimited budget; rows stored per second. Goal >= 20,000.
 *
 *   BENCH_EXACT_URL  mysql://root@127.0.0.1:3306/cashflow_bench_exact (created when missing)
 *   BENCH_EXACT_ROWS payment terms (default 100,000)
 */
const URL_ = process.env.BENCH_EXACT_URL ?? 'mysql://root@127.0.0.1:3306/cashflow_bench_exact';
const ROWS = Number(process.env.BENCH_EXACT_ROWS ?? 100_000);
const MINUTE_MS = Number(process.env.BENCH_EXACT_MINUTE_MS ?? 3000);
const EXACT = 1001;

/** Why the goals are not met yet (kept in the section while they are not). */
const NOT_MET = `
Not met, and why: storing a page of 1,000 rows costs this connector about 1.1 s of its own on this machine
(profile: parsing the page about 0.2 s, mapping and building rows, garbage collection, then the
page's transaction: versions read, rows replaced through BulkInserter); the double runs in a
process of its own. So with the window scaled to 3 s the sync is bound by the gateway, not by the
budget; with Exact's real 60 s window, 100 pages need 101 calls, about 101 s of budget, against
about 115 s of processing. Next steps: a streaming parse of the page, mapping by a column plan
made once per table, and a LOAD DATA per page without the read of versions (Version from Exact's
Timestamp).
`;

async function openBenchDatabase(): Promise<Database> {
  const database = new URL(URL_).pathname.slice(1);
  const admin = await createConnection(URL_.slice(0, URL_.lastIndexOf('/')));
  await admin.query(`CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const db = await openGatewayDatabase(URL_);
  await clearAll(db);
  for (const t of ['ExactSyncRuns', 'ExactSyncStates', 'ExactDivisionMaps', 'ExactConnections', 'ExactCallBudgets', 'Leases']) {
    await db.dataSource.query(`DELETE FROM \`${t}\``);
  }
  await seed(db, { divisions: 1, payments: 100, seed: 42, today: new Date('2026-06-15T00:00:00Z') });
  return db;
}

/** Starts the double in its own process (bench/exact-double-server.ts) with `rows` payment terms. */
async function startDouble(minutelyLimit: number): Promise<{ double: ExactOnlineDouble; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      path.join(__dirname, 'exact-double-server.ts'),
      String(ROWS),
      String(minutelyLimit),
      String(MINUTE_MS),
      String(EXACT),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const [line] = (await once(readline.createInterface({ input: child.stdout! }), 'line')) as [string];
  return { double: JSON.parse(line) as ExactOnlineDouble, child };
}

async function measure(minutelyLimit: number): Promise<{ seconds: number; calls: number; rows: number }> {
  const db = await openBenchDatabase();
  const { double, child } = await startDouble(minutelyLimit);
  try {
    const config = { ...exactTestConfig(double, { EXACT_MINUTE_MS: String(MINUTE_MS) }), minutelyLimit, dailyLimit: 1_000_000 };
    const [division] = await allDivisionCodes(db);
    await connectThroughDouble(db, double, division, EXACT, config);
    // The budget starts full: connecting spent calls of the first window.
    await db.dataSource.query('DELETE FROM `ExactCallBudgets`');
    const started = performance.now();
    const run = await new ExactSync(db, testBox(), config, createLogger('warn')).syncDivision(division);
    const seconds = (performance.now() - started) / 1000;
    if (run.state !== 'succeeded' || run.rowsIn !== ROWS) throw new Error(`sync ${run.state}: ${run.lastError} (${run.rowsIn} rows)`);
    return { seconds, calls: run.calls, rows: run.rowsIn };
  } finally {
    child.kill();
    await closeDatabase(db);
  }
}

async function main(): Promise<void> {
  const bound = await measure(60);
  const budgetSeconds = ((bound.calls / 60) * MINUTE_MS) / 1000;
  const ratio = bound.seconds / budgetSeconds;
  const free = await measure(1_000_000_000);
  const rate = free.rows / free.seconds;
  const connection = await createConnection(URL_);
  const version = (await connection.query('SELECT VERSION() AS v'))[0] as { v: string }[];
  await connection.end();
  const body = `## Exact Online sync (issue 14)

Measured by \`npm run bench:exact\` (bench/exact-online.ts) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.

- Machine: ${os.cpus().length} cores, Node ${process.version}, MariaDB ${version[0].v}, shared with other work.
- Load: ${ROWS.toLocaleString('en')} payment terms in the Exact Online double (test/support/exact-online-double.ts, in a process of its own), both line
  types, synced by \`ExactSync\` (full first load: sync/Cashflow/PaymentTerms pages of 1,000, then sync/Deleted) into MariaDB.
- Budget-bound run: the double allows 60 calls a window and the connector's shared budget has the same window; the window is
  scaled from 60 s to ${MINUTE_MS / 1000} s (BENCH_EXACT_MINUTE_MS), so the waits are real waits for the reset the double announces.

run | calls | time | result
---|---|---|---
60 calls a window of ${MINUTE_MS / 1000} s | ${bound.calls} | ${bound.seconds.toFixed(1)} s | ${ratio.toFixed(2)}x the ${budgetSeconds.toFixed(1)} s the calls need at 60 a window
limit lifted | ${free.calls} | ${free.seconds.toFixed(1)} s | ${Math.round(rate).toLocaleString('en')} rows/s stored

Goals: budget-bound within 1.1x of the calls' windows: ${ratio <= 1.1 ? 'met' : 'not met'}; at least 20,000 rows/s with the
limit lifted: ${rate >= 20_000 ? 'met' : 'not met'}.
${rate >= 20_000 ? '' : NOT_MET}`;
  writeSection(path.resolve(__dirname, '..', 'docs', 'benchmarks.md'), 'exact-online', body);
  console.log(body);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
