import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import autocannon from 'autocannon';
import { composeIBAN } from 'ibantools';
import { createConnection } from 'mysql2/promise';
import { createApiKey } from '../src/access/api-keys';
import { SCOPES } from '../src/access/principal';
import { BulkInserter, withIndexesDeferred } from '../src/db/bulk-insert';
import { closeDatabase, Database } from '../src/db/data-source';
import { BankAccount } from '../src/modules/bank-accounts/bank-account.entity';
import { bankEntryRows } from '../src/modules/financial-accounts/bank-entry-rows';
import { BankEntryLine } from '../src/modules/financial-accounts/bank-entry-line.entity';
import { BankEntry } from '../src/modules/financial-accounts/bank-entry.entity';
import { checkStatement, StatementLineToStore } from '../src/modules/financial-accounts/statement.input';
import { belgianCheckDigits } from '../src/formats/structured-reference';
import { Journal } from '../src/modules/journals/journal.entity';
import { openGatewayDatabase } from '../src/modules/entities';
import { Dec } from '../src/platform/decimal';
import { clearAll, seed } from '../src/seed/seed';
import { Random } from '../src/seed/random';
import { writeSection } from './report-sections';

/**
 * `npm run bench:accounts`: one financial account with 1,000,000 transactions (1,000 daily bank
 * statements of 1,000 lines each, stored by the statement service's own row builder) in MariaDB,
 * and the real gateway asked for its transactions with the balance after each: page 1 and page
 * 1,000 (100 a page, the second reached by the keyset cursor of the 99,900th transaction). The
 * goal: page 1,000's p50 within 1.2x of page 1's. On the way to page 1,000 every page is checked
 * to continue the previous one's running balance exactly. The result is the financial-accounts
 * section of docs/benchmarks.md.
 *
 *   BENCH_ACCOUNTS_URL  mysql://root@127.0.0.1:3306/cashflow_bench_accounts (created when missing)
 *   BENCH_LINES         transactions of the account (default 1,000,000; 1,000 per statement)
 *   BENCH_DURATION      seconds per run (default 10)   BENCH_CONNECTIONS (default 4)
 *   BENCH_ROUNDS        alternating runs per page, median reported (default 3)
 */
const URL_ = process.env.BENCH_ACCOUNTS_URL ?? 'mysql://root@127.0.0.1:3306/cashflow_bench_accounts';
/** The database of URL_ (created when missing) and the server it lives on. */
const DATABASE = new URL(URL_).pathname.slice(1);
const SERVER = URL_.slice(0, URL_.lastIndexOf('/'));
const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const PER_STATEMENT = 1_000;
const PAGE_SIZE = 100;
const DEEP_PAGE = 1_000;
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const JOURNAL = 'BENCH';
const ROOT = path.resolve(__dirname, '..');
/** The gateway signs cursors with this; the benchmark walks to page 1,000 through the gateway itself. */
const CURSOR_SECRET = 'bench-financial-accounts-cursor-secret';

/** The account's statements: daily from 2023-01-01, each line booked on its statement's day. */
async function load(db: Database): Promise<void> {
  await clearAll(db);
  await seed(db, { divisions: 1, payments: 100, seed: 42, today: new Date('2026-06-15T00:00:00Z') });
  const [division] = await db.dataSource.query('SELECT `Code` AS code, `Currency` AS currency FROM `Divisions`');
  const random = new Random(42);
  const audit = { created: new Date(), creatorID: null, modified: new Date(), modifierID: null };
  const bank = Object.assign(new BankAccount(), {
    id: random.uuid(),
    divisionCode: division.code,
    accountID: null,
    bankAccount: benchIban(),
    bic: 'GKCCBEBB',
    bankAccountHolderName: 'Benchmark',
    currency: 'EUR',
    description: 'Benchmark account',
    main: false,
    ...audit,
  });
  const journal = Object.assign(new Journal(), {
    id: random.uuid(),
    divisionCode: division.code,
    code: JOURNAL,
    description: 'Benchmark bank',
    type: 12,
    bankAccountID: bank.id,
    currency: 'EUR',
    glAccountID: null,
    ...audit,
  });
  const runner = db.dataSource.createQueryRunner();
  await runner.connect();
  await runner.query('SET SESSION unique_checks = 0, foreign_key_checks = 0');
  const bulk = new BulkInserter(runner);
  await bulk.insert(BankAccount, [bank]);
  await bulk.insert(Journal, [journal]);
  const statements = Math.ceil(LINES / PER_STATEMENT);
  let balance = new Dec('25000.00');
  const started = Date.now();
  await withIndexesDeferred(runner, 'BankEntryLines', async () => {
    for (let s = 0; s < statements; s += 10) {
      const entries: BankEntry[] = [];
      const lines: BankEntryLine[] = [];
      for (let k = s; k < Math.min(statements, s + 10); k++) {
        const day = new Date(Date.UTC(2023, 0, 1 + k)).toISOString().slice(0, 10);
        const movements: StatementLineToStore[] = Array.from({ length: Math.min(PER_STATEMENT, LINES - k * PER_STATEMENT) }, (_, i) => ({
          bookingDate: day,
          amount: new Dec(random.int(-250_000, 250_000)).dividedBy(100).toFixed(2),
          counterpartyName: `Counterparty ${random.int(1, 5000)}`,
          counterpartyAccount: 'BE68539007547034',
          unstructuredRemittance: `Invoice ${random.digits(8)}`,
          endToEndId: random.digits(20),
          bankReference: `${k}-${i}`,
          bankTransactionCode: 'PMNT/RCDT/ESCT',
          sourceLine: i + 2,
        }));
        const closing = movements.reduce((sum, l) => sum.plus(l.amount), balance);
        const statement = checkStatement({
          divisionCode: division.code,
          account: bank.bankAccount,
          currency: 'EUR',
          statementNumber: String(k + 1),
          statementDate: day,
          openingBalance: balance.toFixed(2),
          closingBalance: closing.toFixed(2),
          lines: movements,
        });
        const built = bankEntryRows(statement, {
          entryID: random.uuid(),
          entryNumber: k + 1,
          journalCode: JOURNAL,
          bankAccountID: bank.id,
          divisionCurrency: division.currency,
          balanceGap: null,
          documentID: null,
          audit,
          newId: () => random.uuid(),
        });
        entries.push(built.entry);
        lines.push(...built.lines);
        balance = closing;
      }
      await bulk.insert(BankEntry, entries);
      await bulk.insert(BankEntryLine, lines);
      process.stderr.write(`\r${Math.min(LINES, (s + 10) * PER_STATEMENT).toLocaleString('en')} lines`);
    }
    process.stderr.write(`\nBuilding the line indexes...\n`);
  });
  await runner.query('SET SESSION unique_checks = 1, foreign_key_checks = 1');
  await runner.release();
  console.error(`Loaded ${LINES.toLocaleString('en')} lines in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** A valid Belgian IBAN of no seeded account (bank code 999). */
function benchIban(): string {
  const ten = '9990000042';
  return composeIBAN({ countryCode: 'BE', bban: ten + belgianCheckDigits(ten) })!;
}

async function prepare(): Promise<{ key: string; mariadb: string; accountId: string }> {
  const admin = await createConnection(SERVER);
  await admin.query(`CREATE DATABASE IF NOT EXISTS \`${DATABASE}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const db = await openGatewayDatabase(URL_);
  try {
    const count = async () =>
      Number((await db.dataSource.query('SELECT COUNT(*) AS n FROM `BankEntryLines` WHERE `JournalCode` = ?', [JOURNAL]))[0].n);
    if ((await count()) !== LINES) await load(db);
    else console.error(`Reusing ${LINES.toLocaleString('en')} lines in ${DATABASE}`);
    await db.dataSource.query('ANALYZE TABLE `BankEntryLines`, `BankEntries`, `Journals`');
    const [{ id }] = await db.dataSource.query('SELECT `ID` AS id FROM `Journals` WHERE `Code` = ?', [JOURNAL]);
    const { secret } = await createApiKey(db, { name: 'benchmark', divisions: 'all', scopes: [...SCOPES], createdBy: 'bench' });
    const [{ v }] = await db.dataSource.query('SELECT VERSION() AS v');
    return { key: secret, mariadb: String(v), accountId: id };
  } finally {
    await closeDatabase(db);
  }
}

const PAGE = `query Page($id: UUID!, $after: String) {
  financialAccount(id: $id) {
    transactions(first: ${PAGE_SIZE}, after: $after) {
      nodes { date entryNumber lineNumber amount balanceAfter counterpartyName remittanceInformation }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

interface Run {
  requests: number;
  p50: number;
  p99: number;
}

async function main() {
  const { key, mariadb, accountId } = await prepare();
  const START_FLAGS = /^node ((?:--\S+ )*)/
    .exec(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.start)![1]
    .trim()
    .split(/\s+/);
  const child: ChildProcess = spawn(
    process.execPath,
    [...START_FLAGS, '-r', 'ts-node/register/transpile-only', '-r', 'reflect-metadata', path.join(__dirname, 'gateway-server.ts')],
    {
      cwd: ROOT,
      env: { ...process.env, BENCH_DATABASE_URL: URL_, NODE_ENV: 'production', CURSOR_SECRET },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const line = await new Promise<string>((resolve) => readline.createInterface({ input: child.stdout! }).once('line', resolve));
  const url = `http://127.0.0.1:${JSON.parse(line).port}/graphql`;
  const headers = { 'content-type': 'application/json', 'x-api-key': key };
  const ask = async (after: string | null) => {
    const res = (await (
      await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query: PAGE, variables: { id: accountId, after } }) })
    ).json()) as any;
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.financialAccount.transactions as { nodes: { amount: string; balanceAfter: string }[]; pageInfo: { endCursor: string } };
  };
  try {
    // Walk to page 1,000 through the gateway, checking that every page continues the running balance exactly.
    let after: string | null = null;
    let previous: Dec | null = null;
    const walkStarted = Date.now();
    for (let p = 1; p < DEEP_PAGE; p++) {
      const page = await ask(after);
      for (const n of page.nodes) {
        if (previous && !previous.plus(n.amount).eq(n.balanceAfter))
          throw new Error(`page ${p}: ${previous} + ${n.amount} is not ${n.balanceAfter}`);
        previous = new Dec(n.balanceAfter);
      }
      after = page.pageInfo.endCursor;
    }
    const walkS = (Date.now() - walkStarted) / 1000;
    const deepPage = await ask(after);
    if (!previous!.plus(deepPage.nodes[0].amount).eq(deepPage.nodes[0].balanceAfter))
      throw new Error('page 1,000 does not continue page 999');
    console.error(`Walked ${DEEP_PAGE - 1} pages in ${walkS.toFixed(1)} s; every running balance continued exactly`);

    const bodies = {
      first: JSON.stringify({ query: PAGE, variables: { id: accountId, after: null } }),
      deep: JSON.stringify({ query: PAGE, variables: { id: accountId, after } }),
    };
    const run = async (body: string): Promise<Run> => {
      const r = await autocannon({ url, method: 'POST', headers, body, connections: CONNECTIONS, duration: DURATION, timeout: 60 });
      if (r.non2xx || r.errors) throw new Error(`${r.non2xx} non-2xx answers, ${r.errors} errors`);
      return { requests: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 };
    };
    await autocannon({ url, method: 'POST', headers, body: bodies.first, connections: CONNECTIONS, duration: 2, timeout: 60 });
    const runs: { first: Run[]; deep: Run[] } = { first: [], deep: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const which of round % 2 === 0 ? (['first', 'deep'] as const) : (['deep', 'first'] as const)) {
        const r = await run(bodies[which]);
        runs[which].push(r);
        console.error(
          `round ${round + 1} page ${which === 'first' ? 1 : DEEP_PAGE}: ${r.requests.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms`,
        );
      }
    }
    report(runs, mariadb, walkS);
  } finally {
    child.kill('SIGTERM');
  }
}

function report(runs: { first: Run[]; deep: Run[] }, mariadb: string, walkS: number): void {
  const median = (rs: Run[]) => [...rs].sort((a, b) => a.p50 - b.p50)[Math.floor(rs.length / 2)];
  const [first, deep] = [median(runs.first), median(runs.deep)];
  const ratio = deep.p50 / Math.max(first.p50, 1);
  const cell = (r: Run) => `${r.requests.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms`;
  const cpus = os.cpus();
  const machine = `${cpus.length} cores (${cpus[0]?.model.trim()}), Node ${process.version}, MariaDB ${mariadb}`;
  const body = `## Financial account transactions: page 1 against page ${DEEP_PAGE.toLocaleString('en')}

Measured by \`npm run bench:accounts\` (bench/financial-accounts.ts) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.

- Machine: ${machine}, shared with other work as above.
- Data: one bank account with ${LINES.toLocaleString('en')} transactions (${(LINES / PER_STATEMENT).toLocaleString('en')} daily statements of
  ${PER_STATEMENT.toLocaleString('en')} lines, stored by the statement service's row builder), in MariaDB.
- Question: \`financialAccount(id) { transactions(first: ${PAGE_SIZE}, after) { nodes { date entryNumber lineNumber amount balanceAfter
  counterpartyName remittanceInformation } } }\` through the real gateway (API key, scope, GraphQL); page ${DEEP_PAGE.toLocaleString('en')}
  is reached by the cursor of transaction ${((DEEP_PAGE - 1) * PAGE_SIZE).toLocaleString('en')}, got by walking there page by page
  (${walkS.toFixed(0)} s for ${DEEP_PAGE - 1} pages), every page checked to continue the previous one's running balance exactly.
- Load: autocannon, ${CONNECTIONS} connections, ${DURATION} s per run, ${ROUNDS} rounds in alternating order; median run by p50.

page | result
---|---
1 | ${cell(first)}
${DEEP_PAGE.toLocaleString('en')} | ${cell(deep)}

Goal: page ${DEEP_PAGE.toLocaleString('en')}'s p50 within 1.2x of page 1's: ${ratio.toFixed(2)}x ${ratio <= 1.2 ? 'met' : 'NOT met'}
(rounds, p50 page 1 / page ${DEEP_PAGE.toLocaleString('en')}: ${runs.first.map((r, i) => `${r.p50}/${runs.deep[i].p50} ms`).join(', ')}).

Why a deep page costs what the first does: every line stores the balance after it
(\`BalanceAfterFC\`), so no page sums the lines before it, and the lines carry their entry's
journal, date and number, so a page is one range of the index (Division, JournalCode,
EntryDate, EntryNumber, LineNumber) from the cursor on: \`EntryDate >= ? AND (EntryDate > ? OR
(EntryDate = ? AND (EntryNumber > ? OR (EntryNumber = ? AND LineNumber > ?))))\`, LIMIT 101. The
page takes two statements: the 101 keys from that index alone (a covering range), then the rows
by primary key. Asked for whole rows in one statement, MariaDB read the index by its (Division,
JournalCode) prefix from the account's first line whenever the rest of the account looked large,
filtering its way to the cursor: page 1,000 then took 17 times page 1 (p50 104 ms against 6 ms).
A covering read keeps the range plan.`;
  console.log(body);
  writeSection(path.join(ROOT, 'docs', 'benchmarks.md'), 'financial-accounts', body);
  console.error('Wrote the financial-accounts section of docs/benchmarks.md');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
