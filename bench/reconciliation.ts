import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import { allDivisionCodes } from '../src/access/authenticate';
import { closeDatabase } from '../src/db/data-source';
import { openGatewayDatabase } from '../src/modules/entities';
import { DEFAULT_AUTO_THRESHOLD } from '../src/modules/reconciliation/engine-types';
import { measureReconciliation, QualityReport } from '../src/seed/reconciliation-quality';
import { clearAll, seed } from '../src/seed/seed';
import { writeSection } from './report-sections';

/**
 * `npm run bench:reconciliation`: the matching engine's measured quality and speed (issue 13). Seeds
 * the demo data (BENCH_OPEN_ITEMS payments and receivables over BENCH_DIVISIONS divisions), makes
 * BENCH_LINES labelled noisy bank lines with the demo-statements generator
 * (src/seed/labelled-statements.ts), stores them through storeStatement, sets up the allocation
 * rules a bookkeeper would (bank costs; the own savings account needs none), runs proposeMatches once over all
 * lines, and prints the table against the goals. The result is the reconciliation section of
 * docs/benchmarks.md (BENCH_WRITE=0 to leave it).
 *
 *   BENCH_RECON_URL   mysql://root@127.0.0.1:3306/cashflow_bench_recon (created when missing), or sqlite:/path (or `sqlite` for a temp file)
 *   BENCH_LINES       labelled lines (default 20,000)
 *   BENCH_OPEN_ITEMS  seeded payments + receivables (default 1,250,000: about 1,000,000 of them still open)
 *   BENCH_DIVISIONS   divisions (default 4)       BENCH_SEED (default 11)
 */
const URL_ = process.env.BENCH_RECON_URL ?? 'mysql://root@127.0.0.1:3306/cashflow_bench_recon';
const LINES = Number(process.env.BENCH_LINES ?? 20_000);
const ITEMS = Number(process.env.BENCH_OPEN_ITEMS ?? 1_250_000);
const DIVISIONS = Number(process.env.BENCH_DIVISIONS ?? 4);
const SEED = Number(process.env.BENCH_SEED ?? 11);
const ROOT = path.resolve(__dirname, '..');
/** BENCH_DEBUG=n prints the first n lines whose right answer the engine missed. */
const DEBUG = Number(process.env.BENCH_DEBUG ?? 0);
let misses = 0;

const GOALS = { precision: 0.999, coverage: 0.85, top3: 0.95, seconds: 60 };

async function open() {
  if (URL_.startsWith('mysql:')) {
    const database = new URL(URL_).pathname.slice(1);
    const admin = await createConnection(URL_.slice(0, URL_.lastIndexOf('/')));
    await admin.query(`CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    return { db: await openGatewayDatabase(URL_), label: 'MariaDB' };
  }
  const file =
    URL_ === 'sqlite' ? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'recon-')), 'bench.sqlite') : URL_.slice('sqlite:'.length);
  return { db: await openGatewayDatabase(`sqlite:${file}`), label: 'SQLite' };
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(2)}%` : 'n/a');
const ok = (pass: boolean) => (pass ? 'yes' : '**no**');

export function table(r: QualityReport, database: string): string {
  const precision = r.automatic ? r.automaticRight / r.automatic : 1;
  const coverage = r.answerable ? r.automaticRight / r.answerable : 0;
  const top3 = r.rest ? r.restInTop3 / r.rest : 1;
  const seconds = r.proposeMs / 1000;
  const rows = [
    '| Measure | Goal | Result | Met |',
    '|---|---|---|---|',
    `| Precision of automatic matches (confidence >= ${DEFAULT_AUTO_THRESHOLD}) | >= 99.9% | ${pct(r.automaticRight, r.automatic)} (${r.automaticRight} of ${r.automatic}) | ${ok(precision >= GOALS.precision)} |`,
    `| Automatic coverage of lines with a correct answer | >= 85% | ${pct(r.automaticRight, r.answerable)} (${r.automaticRight} of ${r.answerable}) | ${ok(coverage >= GOALS.coverage)} |`,
    `| Right answer in the top 3 for the rest | >= 95% | ${pct(r.restInTop3, r.rest)} (${r.restInTop3} of ${r.rest}) | ${ok(top3 >= GOALS.top3)} |`,
    `| proposeMatches: ${r.lines} lines against ${r.openItems} open items (${database}) | < 60 s | ${seconds.toFixed(1)} s | ${ok(seconds < GOALS.seconds)} |`,
  ];
  const noise = [
    '| Noise of the line | Lines | Right automatically | Right in top 3 | Wrong automatic |',
    '|---|---|---|---|---|',
    ...[...r.byNoise.entries()]
      .sort((a, b) => b[1].lines - a[1].lines)
      .map(([name, n]) => `| ${name} | ${n.lines} | ${pct(n.automaticRight, n.lines)} | ${pct(n.inTop3, n.lines)} | ${n.automaticWrong} |`),
  ];
  return `${rows.join('\n')}\n\n${noise.join('\n')}`;
}

async function main(): Promise<void> {
  const { db, label } = await open();
  try {
    const t0 = Date.now();
    await clearAll(db);
    const payments = Math.round(ITEMS / 2);
    process.stdout.write(`seeding ${payments} payments and ${ITEMS - payments} receivables over ${DIVISIONS} divisions ...\n`);
    await seed(db, {
      divisions: DIVISIONS,
      payments,
      receivables: ITEMS - payments,
      seed: SEED,
      today: new Date('2026-06-15T00:00:00Z'),
      suppliersPerDivision: 400,
      customersPerDivision: 400,
    });
    process.stdout.write(`seeded in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
    const divisions = await allDivisionCodes(db);
    const report = await measureReconciliation(db, {
      divisions,
      lines: LINES,
      seed: SEED,
      progress: (what) => process.stdout.write(`${what} ...\n`),
      onMiss: DEBUG
        ? (label, proposals) => {
            if (misses++ < DEBUG) process.stdout.write(`MISS ${JSON.stringify(label)}\n  ${JSON.stringify(proposals)}\n`);
          }
        : undefined,
    });
    const result = table(report, label);
    process.stdout.write(`\n${result}\n`);
    if (process.env.BENCH_WRITE !== '0') {
      const body = [
        '## Reconciliation: the matching engine against labelled statements (issue 13)',
        '',
        `\`npm run bench:reconciliation\` on ${label}, ${new Date().toISOString().slice(0, 10)}: ${DIVISIONS} divisions, ${ITEMS.toLocaleString('en')} ` +
          `seeded payments and receivables (${report.openItems.toLocaleString('en')} open), ${report.lines.toLocaleString('en')} labelled lines ` +
          'from src/seed/labelled-statements.ts (its docstring says how the noise was chosen), stored through storeStatement, with ' +
          'the allocation rules a bookkeeper sets up (bank costs by words; transfers to the own savings account are recognised without a rule). ' +
          'One proposeMatches call ' +
          "over all lines, best three proposals each; a proposal is right when it settles exactly the label's items (or books its G/L account).",
        '',
        result,
      ].join('\n');
      writeSection(path.join(ROOT, 'docs/benchmarks.md'), 'reconciliation', body);
    }
  } finally {
    await closeDatabase(db);
  }
}

if (require.main === module)
  main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
