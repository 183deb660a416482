import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import { allDivisionCodes, LOCAL_PRINCIPAL } from '../src/access/authenticate';
import { DivisionScope } from '../src/access/division-scope';
import { closeDatabase, Database } from '../src/db/data-source';
import { BankAccount } from '../src/modules/bank-accounts/bank-account.entity';
import { openGatewayDatabase } from '../src/modules/entities';
import { Journal } from '../src/modules/journals/journal.entity';
import { StatementImportService } from '../src/modules/statement-import/statement-import.service';
import { chunksOf } from '../src/modules/statement-import/statement-pass';
import { detectStatementFormat, streamStatementFile } from '../src/formats/statements';
import { seed } from '../src/seed/seed';
import { cpuOf, mariadbPid, untilQuiet } from './process-cpu';
import { OWN, TRANSACTIONS, writeCamt, writeCoda } from './statement-bench-files';

/**
 * `npm run bench:import`: imports a generated CODA file and a camt.053.001.08 file of 100,000
 * transactions each (bench/statement-bench-files.ts, in the system's temporary folder, removed
 * afterwards) through StatementImportService, the code behind POST /statements,
 * importBankStatements and `npm run import`, into a fresh database per file, and prints against
 * the goals of issue 12: transactions/s parsed (the parser alone over the file, with every check it
 * makes: goal 50,000) and stored (the whole import, which reads the file once: parse, checks and
 * inserts in one transaction, commit included: goal 20,000 on MariaDB), and
 * the peak memory above the baseline (bounded: three statements at a time, one being stored and
 * the next waiting for it while the one after is read, never the file as a tree). Each timed part starts once the MariaDB server is
 * quiet (it purges and flushes the import before it for seconds). CPU time is the process's, its thread pool's
 * hashing included; MariaDB's work is in its own process.
 *
 *   BENCH_TRANSACTIONS   transactions per file (default 100000)
 *   BENCH_DATABASES      mariadb,sqlite (default both)
 *   BENCH_FORMATS        coda,camt.053 (default both)
 *   BENCH_MARIADB_URL    server to create the database cashflow_bench_import on (root@127.0.0.1:3306)
 *
 * The file is kept with its entries (a document attachment): MariaDB takes it only when
 * max_allowed_packet is above twice its size, so the benchmark raises the server's global value to
 * 256 MiB for its run and puts the old one back afterwards.
 */
const DATABASES = (process.env.BENCH_DATABASES ?? 'mariadb,sqlite').split(',');
const SERVER = process.env.BENCH_MARIADB_URL ?? 'mysql://root@127.0.0.1:3306';
const DB_NAME = 'cashflow_bench_import';
const PACKET = 256 * 1024 * 1024;
const GOALS = { parsed: 50_000, stored: 20_000 };
/** Transactions of the file imported first (into another division) before the measured import. */
const WARM_UP = 5_000;

interface Result {
  database: string;
  format: string;
  size: number;
  lines: number;
  parseSeconds: number;
  storeSeconds: number;
  /** CPU time of the process in each (the machine is shared: wall time counts other work too). */
  parseCpu: number;
  storeCpu: number;
  /** CPU seconds of the local MariaDB server during the import (NaN on SQLite or a server elsewhere). */
  databaseCpu: number;
  baseRss: number;
  peakRss: number;
  peakHeap: number;
  created: number;
  /** Largest heap in use right after a full collection (sampled every second), above the baseline: what the import keeps. */
  retainedHeap: number;
  /** Peak RSS increase of the same import with a full collection every second (as the retained heap is measured). */
  collectedPeakRss?: number;
  /** Peak RSS increase and retained heap importing a file of a quarter of the transactions (a collection every second). */
  quarterPeakRss?: number;
  quarterRetainedHeap?: number;
}

async function freshDatabase(kind: string, dir: string): Promise<Database> {
  let url = `sqlite:${path.join(dir, `import-${Date.now()}.sqlite`)}`;
  if (kind === 'mariadb') {
    const admin = await createConnection(SERVER);
    await admin.query(`DROP DATABASE IF EXISTS \`${DB_NAME}\``);
    await admin.query(`CREATE DATABASE \`${DB_NAME}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    url = `${SERVER}/${DB_NAME}`;
  }
  const db = await openGatewayDatabase(url);
  await seed(db, { divisions: 4, payments: 100, seed: 42, today: new Date('2026-06-15T00:00:00Z') });
  for (const division of await allDivisionCodes(db)) await ownAccounts(db, division);
  return db;
}

/** The own bank accounts of the generated statements (OWN), each with its bank journal, in `division`. */
async function ownAccounts(db: Database, division: number): Promise<void> {
  for (const [i, iban] of OWN.entries()) {
    const bank = Object.assign(new BankAccount(), {
      id: crypto.randomUUID(),
      divisionCode: division,
      accountID: null,
      bankAccount: iban,
      bic: 'GEBABEBB',
      currency: 'EUR',
      main: false,
      created: new Date(),
      modified: new Date(),
    });
    await db.dataSource.getRepository(BankAccount).insert(bank);
    await db.dataSource.getRepository(Journal).insert(
      Object.assign(new Journal(), {
        id: crypto.randomUUID(),
        divisionCode: division,
        code: `BI${i + 1}`,
        description: `Bench bank ${i + 1}`,
        type: 12,
        bankAccountID: bank.id,
        currency: 'EUR',
        glAccountID: null,
        created: new Date(),
        modified: new Date(),
      }),
    );
  }
}

/**
 * Imports `file` into `division`, timed. With `retained`, a full garbage collection every second
 * measures the heap the import keeps alive: that costs time, so timed runs go without it.
 */
async function importOnce(
  db: Database,
  division: number,
  database: string,
  formatName: string,
  file: string,
  measureRetained = false,
): Promise<Result> {
  const content = fs.readFileSync(file);
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const sample = () => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  };
  let retained = base.heapUsed;
  let ticks = 0;
  const timer = setInterval(() => {
    sample();
    // every second: what the import keeps alive (the heap right after a full collection)
    if (measureRetained && ++ticks % 50 === 0 && gc) {
      gc();
      retained = Math.max(retained, process.memoryUsage().heapUsed);
    }
  }, 20);
  const server = { mariadb: database === 'mariadb' ? await mariadbPid(SERVER) : null };
  // Each timed part starts with the server quiet: it purges and flushes the import before for seconds.
  await untilQuiet(server.mariadb);
  // Parsed: the parser alone over the file, with every check it makes (balances, record 9, batches).
  const format = detectStatementFormat(content)!;
  const parseStarted = performance.now();
  const parseCpuStarted = process.cpuUsage();
  let parsed = 0;
  for await (const event of streamStatementFile(chunksOf(content), format)) if (event.kind === 'line') parsed++;
  const parseSeconds = (performance.now() - parseStarted) / 1000;
  const parseUsed = process.cpuUsage(parseCpuStarted);
  gc?.();
  // Stored: the whole import, as the ways in run it (one read of the file: parse, checks, inserts, commit).
  await untilQuiet(server.mariadb);
  const serverBefore = cpuOf(server).mariadb;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const service = new StatementImportService(new DivisionScope(db, [division]), LOCAL_PRINCIPAL);
  const summary = await service.import([{ content, fileName: path.basename(file) }]);
  const ended = performance.now();
  const used = process.cpuUsage(cpuStarted);
  const databaseCpu = cpuOf(server).mariadb - serverBefore;
  clearInterval(timer);
  sample();
  const f = summary.files[0];
  if (f.outcome !== 'IMPORTED') throw new Error(`${formatName} on ${database}: ${f.outcome} ${JSON.stringify(f.problems.slice(0, 3))}`);
  const lines = f.statements.reduce((n, s) => n + s.lineCount, 0);
  if (lines !== parsed) throw new Error(`${format} on ${database}: ${parsed} lines parsed, ${lines} stored`);
  return {
    database,
    format: formatName,
    size: content.length,
    lines,
    parseSeconds,
    storeSeconds: (ended - started) / 1000,
    parseCpu: (parseUsed.user + parseUsed.system) / 1e6,
    storeCpu: (used.user + used.system) / 1e6,
    databaseCpu,
    baseRss: base.rss,
    peakRss: peakRss - base.rss,
    peakHeap: peakHeap - base.heapUsed,
    retainedHeap: retained - base.heapUsed,
    created: summary.created,
  };
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const rate = (n: number) => Math.round(n).toLocaleString('en-US');

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statement-import-bench-'));
  const results: Result[] = [];
  let oldPacket: number | undefined;
  try {
    const files = [
      { format: 'CODA', file: path.join(dir, 'bench.cod'), write: writeCoda },
      { format: 'camt.053 (.001.08)', file: path.join(dir, 'bench.xml'), write: writeCamt },
    ];
    const only = process.env.BENCH_FORMATS?.split(',');
    if (only) files.splice(0, files.length, ...files.filter((f) => only.includes(f.format.split(' ')[0].toLowerCase())));
    for (const f of files) {
      f.write(f.file, TRANSACTIONS);
      f.write(`${f.file}.warm-up`, WARM_UP);
      f.write(`${f.file}.quarter`, Math.round(TRANSACTIONS / 4));
    }
    for (const database of DATABASES) {
      if (database === 'mariadb') {
        const admin = await createConnection(SERVER);
        const [[row]] = (await admin.query('SELECT @@GLOBAL.max_allowed_packet AS p')) as unknown as [[{ p: number }]];
        oldPacket = Number(row.p);
        if (oldPacket < PACKET) await admin.query(`SET GLOBAL max_allowed_packet = ${PACKET}`);
        await admin.end();
      }
      for (const f of files) {
        const db = await freshDatabase(database, dir);
        try {
          const [division, warmUpDivision, quarterDivision, retainedDivision] = await allDivisionCodes(db);
          // a small file into another division first, as a running server has: modules loaded, code compiled
          await importOnce(db, warmUpDivision, database, f.format, `${f.file}.warm-up`);
          // a quarter of the transactions into a third: bounded memory needs no less for it than for the whole
          const quarter = await importOnce(db, quarterDivision, database, f.format, `${f.file}.quarter`, true);
          const timed = await importOnce(db, division, database, f.format, f.file);
          // the same file again into a fourth, with a full collection every second: the heap it keeps alive
          const kept = await importOnce(db, retainedDivision, database, f.format, f.file, true);
          const r = {
            ...timed,
            retainedHeap: kept.retainedHeap,
            collectedPeakRss: kept.peakRss,
            quarterPeakRss: quarter.peakRss,
            quarterRetainedHeap: quarter.retainedHeap,
          };
          console.error(`${database} ${f.format}: ${JSON.stringify(r)}`);
          results.push(r);
        } finally {
          await closeDatabase(db);
        }
      }
    }
  } finally {
    if (oldPacket !== undefined && oldPacket < PACKET) {
      const admin = await createConnection(SERVER);
      await admin.query(`SET GLOBAL max_allowed_packet = ${oldPacket}`);
      await admin.query(`DROP DATABASE IF EXISTS \`${DB_NAME}\``);
      await admin.end();
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const cpus = os.cpus();
  console.log(
    `Machine: ${cpus.length} cores (${cpus[0]?.model.trim()}), Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)} at the end`,
  );
  console.log('');
  console.log(
    'database | format | transactions | file | parse | parsed/s wall (CPU) | import (one read: parse, checks, inserts) | ' +
      'stored/s wall (CPU) | MariaDB CPU during the import | peak RSS increase, timed run | peak RSS increase, collected every second (a quarter) | ' +
      'retained heap (a quarter) | peak heap increase, timed run',
  );
  console.log('---|---|---|---|---|---|---|---|---|---|---|---|---');
  for (const r of results) {
    const both = (seconds: number, cpu: number, goal?: number) => {
      const [wall, own] = [r.lines / seconds, r.lines / cpu];
      const verdict = goal === undefined ? '' : ` ${wall >= goal ? 'met' : own >= goal ? 'met by CPU time' : 'not met'}`;
      return `${rate(wall)} (${rate(own)}) tx/s${verdict}`;
    };
    console.log(
      [
        r.database,
        r.format,
        rate(r.lines),
        mib(r.size),
        `${r.parseSeconds.toFixed(2)} s`,
        both(r.parseSeconds, r.parseCpu, GOALS.parsed),
        `${r.storeSeconds.toFixed(2)} s`,
        both(r.storeSeconds, r.storeCpu, r.database === 'mariadb' ? GOALS.stored : undefined),
        Number.isNaN(r.databaseCpu) ? 'n/a' : `${r.databaseCpu.toFixed(2)} s`,
        `+${mib(r.peakRss)} from ${mib(r.baseRss)}`,
        `+${mib(r.collectedPeakRss ?? 0)} (+${mib(r.quarterPeakRss ?? 0)})`,
        `+${mib(r.retainedHeap)} (+${mib(r.quarterRetainedHeap ?? 0)})`,
        `+${mib(r.peakHeap)}`,
      ].join(' | '),
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
