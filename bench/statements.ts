import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { streamCamt053, streamCoda, type StatementEvent } from '../src/formats/statements';
import { TRANSACTIONS, writeCamt, writeCoda } from './statement-bench-files';

/**
 * `npm run bench:statements`: generates a CODA file and a camt.053 file of 100,000 transactions
 * each (in the system's temporary folder, removed afterwards), streams each through its parser
 * from a file stream (64 KiB chunks) and prints transactions per second (wall clock and the
 * process's CPU time) and the peak increase of the resident set size against the goals of issue 12:
 * at least 50,000 transactions/s, memory bounded (streaming, not a tree of the whole file).
 *
 *   BENCH_TRANSACTIONS  transactions per file (default 100000)
 *   BENCH_ROUNDS        parses per format, the median reported (default 3)
 *
 * Each parse runs in a fresh Node process (started with `--expose-gc`, so the baseline is taken
 * after a garbage collection) that first parses a file of 5,000 transactions, as a running server
 * has: the numbers are those of compiled code, not of the first call.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const GOAL_TPS = 50_000;
/** Transactions of the file parsed first in each measuring process. */
const WARM_UP = 5_000;
interface Run {
  lines: number;
  seconds: number;
  cpuSeconds: number;
  /** Resident set size before the parse and its peak increase during it (bytes). */
  baseRss: number;
  peakRss: number;
  /** Peak increase of the V8 heap in use (bytes): what the parse keeps alive at once. */
  peakHeap: number;
}

async function measure(file: string, stream: (source: fs.ReadStream) => AsyncGenerator<StatementEvent>): Promise<Run> {
  (globalThis as { gc?: () => void }).gc?.();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const sample = () => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  };
  let lines = 0;
  let events = 0;
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  for await (const event of stream(fs.createReadStream(file, { highWaterMark: 64 * 1024 }))) {
    if (event.kind === 'line') lines++;
    if (++events % 1000 === 0) sample();
  }
  const used = process.cpuUsage(cpu);
  sample();
  return {
    lines,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    cpuSeconds: (used.user + used.system) / 1e6,
    baseRss: base.rss,
    peakRss: peakRss - base.rss,
    peakHeap: peakHeap - base.heapUsed,
  };
}

const median = (runs: Run[], key: keyof Run) => [...runs].sort((a, b) => a[key] - b[key])[Math.floor(runs.length / 2)][key];
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const rate = (n: number) => `${Math.round(n).toLocaleString('en-US')}`;

/** One parse in a fresh process, so its resident set size is the parser's alone. */
function measureInChild(format: string, file: string, warmUp: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, [], {
      execArgv: ['--expose-gc', '-r', 'ts-node/register/transpile-only'],
      env: { ...process.env, BENCH_MEASURE: format, BENCH_FILE: file, BENCH_WARM_UP: warmUp },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.once('message', (run) => resolve(run as Run));
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`${format} measurement exited with ${code}`))));
  });
}

async function child(format: string, file: string, warmUp: string): Promise<void> {
  const stream = format === 'coda' ? (s: fs.ReadStream) => streamCoda(s) : (s: fs.ReadStream) => streamCamt053(s);
  // a small file first, as a running server has parsed before: modules loaded, code compiled
  await measure(warmUp, stream);
  process.send!(await measure(file, stream));
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statements-bench-'));
  const rows: string[] = [];
  try {
    const cases = [
      { name: 'CODA', format: 'coda', file: path.join(dir, 'bench.cod'), write: writeCoda },
      { name: 'camt.053 (.001.08)', format: 'camt053', file: path.join(dir, 'bench.xml'), write: writeCamt },
    ];
    for (const c of cases) {
      const expected = c.write(c.file, TRANSACTIONS);
      const warmUp = `${c.file}.warm-up`;
      c.write(warmUp, WARM_UP);
      // a file a quarter the size: a bounded parse needs no less memory for it than for the whole
      const quarter = `${c.file}.quarter`;
      c.write(quarter, Math.round(TRANSACTIONS / 4));
      const small = await measureInChild(c.format, quarter, warmUp);
      const size = fs.statSync(c.file).size;
      const runs: Run[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        const run = await measureInChild(c.format, c.file, warmUp);
        if (run.lines !== expected) throw new Error(`${c.name}: ${run.lines} lines parsed, ${expected} written`);
        runs.push(run);
      }
      const tps = expected / median(runs, 'seconds');
      const cpuTps = expected / median(runs, 'cpuSeconds');
      const peak = median(runs, 'peakRss');
      const verdict = (n: number) => (n >= GOAL_TPS ? 'met' : 'not met');
      rows.push(
        [
          c.name,
          rate(expected),
          mib(size),
          `${median(runs, 'seconds').toFixed(2)} s`,
          `${rate(tps)} tx/s`,
          `${rate(cpuTps)} tx/s`,
          `+${mib(peak)} (from ${mib(median(runs, 'baseRss'))})`,
          `${mib(median(runs, 'peakHeap'))} (${mib(small.peakHeap)} for a quarter of the transactions)`,
          `${verdict(tps)} (wall), ${verdict(cpuTps)} (CPU)`,
        ].join(' | '),
      );
      const round = (r: Run) =>
        `${r.seconds.toFixed(2)} s, ${r.cpuSeconds.toFixed(2)} s CPU, RSS ${mib(r.baseRss)} +${mib(r.peakRss)}, heap +${mib(r.peakHeap)}`;
      console.error(`${c.name}: ${runs.map(round).join('; ')}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const cpus = os.cpus();
  console.log(
    `Machine: ${cpus.length} cores (${cpus[0]?.model.trim()}), Node ${process.version}, ` +
      `load average ${os.loadavg()[0].toFixed(1)} at the end`,
  );
  console.log('');
  console.log(
    'format | transactions | file | wall time (median) | transactions/s (wall) | transactions/s (CPU time) | ' +
      'peak RSS increase | peak heap increase | goal 50,000/s',
  );
  console.log('---|---|---|---|---|---|---|---|---');
  for (const row of rows) console.log(row);
}

const measuring = process.env.BENCH_MEASURE;
(measuring ? child(measuring, process.env.BENCH_FILE!, process.env.BENCH_WARM_UP!) : main()).catch((e) => {
  console.error(e);
  process.exit(1);
});
