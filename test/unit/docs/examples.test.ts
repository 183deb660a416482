import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Kind, OperationDefinitionNode, parse, print } from 'graphql';
import { In, IsNull, Not } from 'typeorm';
import { exportCommand } from '../../../src/cli/export';
import { keysCommand } from '../../../src/cli/keys';
import { PaymentMethod } from '../../../src/catalog/codes';
import { BankAccount } from '../../../src/modules/bank-accounts/bank-account.entity';
import { BankEntryLine } from '../../../src/modules/financial-accounts/bank-entry-line.entity';
import { CashEntry } from '../../../src/modules/financial-accounts/cash-entry.entity';
import { Dec } from '../../../src/platform/decimal';
import { Payment } from '../../../src/modules/payments/payment.entity';
import { loadConfig } from '../../../src/platform/config';
import { addDays, DAY_MS, startOfDay } from '../../../src/platform/dates';
import { parseSeedCommand } from '../../../src/seed/seed-options';
import { seed } from '../../../src/seed/seed';
import { openTestDatabase, TestDatabase } from '../../support/database';
import { startTestGateway, TestGateway } from '../../support/gateway';
import { divisionFixture, validPaymentInput } from '../../support/payments';

/**
 * Every example of README.md and docs/*.md, run as a newcomer would run it, against exactly the
 * demo data `npm start` seeds (5 divisions, 20,000 payments, seed 42, today): each GraphQL
 * operation, each SQL query, each curl, keys and export command must work and find rows. The
 * examples' dates suit data seeded on ANCHOR (README, "Demo data"); they are moved by the days
 * between ANCHOR and today, as the README tells readers to. Every code block must be either run
 * here or named as not runnable (answers, grammar, signatures), so a new example cannot rot.
 */
jest.setTimeout(300_000);

const ROOT = path.resolve(__dirname, '..', '..', '..');
/** The README and every document of docs/, so a new document's examples are run as well. */
const FILES = [
  'README.md',
  ...fs
    .readdirSync(path.join(ROOT, 'docs'))
    // docs/statements.md imports the files it shows, one after the other, and checks each answer:
    // test/e2e/statements-doc.test.ts runs all of it against the same demo data.
    .filter((f) => f.endsWith('.md') && f !== 'statements.md')
    .sort()
    .map((f) => `docs/${f}`),
];
const ANCHOR = new Date('2026-11-30T00:00:00Z');
const TODAY = startOfDay(new Date());
const SHIFT_DAYS = Math.round((TODAY.getTime() - ANCHOR.getTime()) / DAY_MS);
const DEMO_DIVISION = 100101;
const run = promisify(execFile);

interface Block {
  file: string;
  line: number;
  info: string;
  text: string;
}

function blocksOf(file: string): Block[] {
  const lines = fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n');
  const out: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(.*)$/.exec(lines[i]);
    if (!open) continue;
    const end = lines.findIndex((l, j) => j > i && l === '```');
    out.push({ file, line: i + 1, info: open[1].trim(), text: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return out;
}

/** Dates of the examples moved from ANCHOR to today. */
const shiftDates = (text: string) =>
  text.replace(/\b(\d{4}-\d{2}-\d{2})(?=T|'|"|\b)/g, (d) =>
    addDays(new Date(`${d}T00:00:00Z`), SHIFT_DAYS)
      .toISOString()
      .slice(0, 10),
  );

/** Shell words: whitespace-separated, '...' and "..." quoted (all the docs use). */
function shellWords(line: string): string[] {
  const words: string[] = [];
  for (const m of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) words.push(m[1] ?? m[2] ?? m[3]);
  return words;
}

/** True when a GraphQL or SQL answer holds rows: non-empty lists and pages, non-null objects. */
function hasRows(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (Array.isArray(o.nodes)) return o.nodes.length > 0;
    if (Array.isArray(o.edges)) return o.edges.length > 0;
  }
  return true;
}

let t: TestDatabase;
let gw: TestGateway;
let dir: string;
/** What earlier examples answered, for the placeholders of later ones (the walk-through's state). */
const state: Record<string, any> = {};
const ran: string[] = [];
/** Examples that failed or found nothing, with where they are: all of them, not just the first. */
const problems: string[] = [];
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  t = await openTestDatabase('docs_examples');
  await seed(t.db, { divisions: 5, payments: 20_000, seed: 42, today: TODAY });
  gw = await startTestGateway(t.db);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfgt-docs-'));
  // The split example splits a payment of 1,000.00 (docs/payment-run.md says so).
  const f = await divisionFixture(t.db);
  const made = await gw.gql('mutation($i: [PaymentCreateInput!]!) { createPayments(input: $i) { id version } }', {
    i: [validPaymentInput(f, { amountFC: '1000.00', amountDC: '1000.00' })],
  });
  expect(made.errors).toBeUndefined();
  state.splitPayment = made.data.createPayments[0];
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function graphql(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const res = await gw.gql(query, variables, headers);
  expect({ query, errors: res.errors }).toEqual({ query, errors: undefined });
  return res.data as Record<string, unknown>;
}

/** Variables of the named operations of docs/payment-run.md, from the walk-through so far. */
async function variablesFor(op: OperationDefinitionNode, template: string | undefined): Promise<Record<string, unknown>> {
  const name = op.name?.value ?? '';
  // A step that needs what an earlier step should have made: say what went wrong before.
  const needs = (value: unknown, what: string) => {
    if (value === undefined) throw new Error(`${name} needs ${what}, which no earlier example made:\n${problems.join('\n')}`);
  };
  if (['Select', 'Process', 'Match'].includes(name)) needs(state.toSelect, 'the ids of the Open example');
  if (name === 'File') needs(state.batch, 'the batch of the Process example');
  const own = (await t.db.dataSource.manager.findOneByOrFail(BankAccount, { divisionCode: DEMO_DIVISION, accountID: IsNull(), main: true }))
    .id;
  switch (name) {
    case 'Select':
      return { ids: state.toSelect };
    case 'Process': {
      const text = template!
        .replace('["<the ids you selected>"]', JSON.stringify(state.toSelect))
        .replace('"<an own bank account of the division>"', JSON.stringify(own));
      return JSON.parse(text);
    }
    case 'File':
      return { id: state.batch.id };
    case 'Match':
      return { ids: state.toSelect };
    case 'QR': {
      const open = await t.db.dataSource.manager.findOneByOrFail(Payment, {
        divisionCode: DEMO_DIVISION,
        status: 20,
        currency: 'EUR',
        paymentMethod: PaymentMethod.ON_CREDIT,
      });
      return { id: open.id };
    }
    case 'Split':
      return { id: state.splitPayment.id, version: state.splitPayment.version };
    case 'KeyIn': {
      // The cash counted: the cash book's last closing balance plus the example's lines.
      const input = JSON.parse(template!.replace(/"<the cash counted[^"]*>"/, '"0"')).input;
      const [last] = await t.db.dataSource.manager.find(CashEntry, {
        where: { divisionCode: input.divisionCode, journalCode: input.journalCode },
        order: { entryDate: 'DESC', entryNumber: 'DESC' },
        take: 1,
      });
      const lines = (input.lines as { amountFC: string }[]).reduce((sum, l) => sum.plus(l.amountFC), new Dec(0));
      return { input: { ...input, closingBalanceFC: lines.plus(last.closingBalanceFC).toFixed(2) } };
    }
    case 'Ignore':
      needs(state.waitingLine, 'a line of the ProcessingList example');
      return { lineID: state.waitingLine };
    case 'UndoIgnore':
      needs(state.ignored, 'the action of the Ignore example');
      return { actionID: state.ignored };
    case 'SplitLine': {
      // The second line of the ProcessingList example, in two parts adding up to it: 1.50 (in its sign) and the rest.
      needs(state.lineToSplit, 'a second line of the ProcessingList example');
      const listed = await t.db.dataSource.manager.findOneByOrFail(BankEntryLine, { id: state.lineToSplit });
      // Only a line with nothing settled yet is split: another waiting line when that one kept an over-payment.
      const line =
        listed.openAmountFC === null
          ? listed
          : await t.db.dataSource.manager.findOneByOrFail(BankEntryLine, {
              openAmountFC: IsNull(),
              reconciliationStatus: In([10, 20]),
              id: Not(state.waitingLine),
            });
      const fee = new Dec(line.amountFC).isNegative() ? new Dec('-1.50') : new Dec('1.50');
      const parts = [
        { amountFC: new Dec(line.amountFC).minus(fee).toFixed(2), description: 'invoice' },
        { amountFC: fee.toFixed(2), description: 'bank costs' },
      ];
      return { lineID: line.id, parts };
    }
    case 'UndoSplit':
      needs(state.split, 'the action of the SplitLine example');
      return { actionID: state.split };
    case 'Undo':
      needs(state.cashEntry, 'the entry of the KeyIn example');
      return { entryID: state.cashEntry.entryID, version: state.cashEntry.version };
    default:
      throw new Error(`${name || 'an anonymous operation'} declares variables the test does not know how to give`);
  }
}

/** What an operation's answer tells later examples (ids to select, the batch, cursors). */
async function remember(op: OperationDefinitionNode, data: Record<string, any>): Promise<void> {
  if (op.name?.value === 'Open') {
    const ids = (data.payments.nodes as { id: string; divisionCode: number }[])
      .filter((n) => n.divisionCode === DEMO_DIVISION)
      .map((n) => n.id);
    const payable = await t.db.dataSource.manager.findBy(
      Payment,
      ids.map((id) => ({ id, paymentMethod: PaymentMethod.ON_CREDIT })),
    );
    state.toSelect = payable.slice(0, 3).map((p) => p.id);
    expect(state.toSelect).toHaveLength(3);
  }
  if (op.name?.value === 'Process') state.batch = data.processPayments;
  if (op.name?.value === 'KeyIn') state.cashEntry = data.createCashEntry;
  if (op.name?.value === 'ProcessingList') {
    state.waitingLine = data.reconciliationList.nodes[0]?.id;
    state.lineToSplit = data.reconciliationList.nodes[1]?.id;
  }
  if (op.name?.value === 'SplitLine') state.split = data.splitBankEntryLine.id;
  if (op.name?.value === 'Ignore') state.ignored = data.ignoreBankEntryLine.id;
  for (const v of Object.values(data)) {
    const info = (v as { pageInfo?: { endCursor?: string; startCursor?: string } })?.pageInfo;
    if (info?.endCursor) state.endCursor = info.endCursor;
    if (info?.startCursor) state.startCursor = info.startCursor;
  }
}

async function runGraphqlBlock(block: Block, variablesTemplate?: string): Promise<void> {
  const document = parse(shiftDates(block.text));
  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) throw new Error(`${block.file}:${block.line}: only operations are examples`);
    let query = print(def);
    query = query
      .replace('"<endCursor>"', JSON.stringify(state.endCursor ?? ''))
      .replace('"<startCursor>"', JSON.stringify(state.startCursor ?? ''));
    expect(query).not.toMatch(/<[a-z][^>]*>/i);
    const variables = def.variableDefinitions?.length ? await variablesFor(def, variablesTemplate && shiftDates(variablesTemplate)) : {};
    const res = await gw.gql(query, variables);
    const where = `${block.file}:${block.line}`;
    if (res.errors) problems.push(`${where} ${oneLine(query)}: ${res.errors.map((e) => e.message).join('; ')}`);
    const data = (res.data ?? {}) as Record<string, any>;
    for (const [field, value] of Object.entries(data))
      if (!hasRows(value)) problems.push(`${where} ${oneLine(query)}: no rows in ${field}`);
    await remember(def, data);
    ran.push(`${block.file}:${block.line} ${def.name?.value ?? query.split('\n')[0]}`);
  }
}

async function runSql(query: string, where: string): Promise<void> {
  const parameters = /:today\b/.test(query) ? { today: TODAY.toISOString().slice(0, 10) } : {};
  const res = await gw.request('/sql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, parameters }),
  });
  const body = (await res.json()) as { errors?: { message: string }[]; rows?: Record<string, unknown>[] };
  if (body.errors) problems.push(`${where} ${oneLine(query)}: ${body.errors.map((e) => e.message).join('; ')}`);
  const cells = (body.rows ?? []).flatMap((r) => Object.values(r));
  if (!cells.some((c) => c !== null)) problems.push(`${where} ${oneLine(query)}: no rows`);
  ran.push(`${where} ${query.split('\n')[0]}`);
}

/** One shell command of the docs: run (curl, keys, export), parsed (seed), or named as run elsewhere. */
async function runCommand(command: string, where: string): Promise<void> {
  const line = command.replace(/\s+#.*$/, '').trim();
  // The placeholders a reader fills in, filled in from what the earlier examples answered.
  const filled = line
    .replace('$KEY', gw.adminKey)
    .replace('http://localhost:4000', gw.baseUrl)
    .replace('<batch id>', state.batch?.id)
    .replace('<document id>', state.batch?.document.id)
    .replace('<attachment id>', state.batch?.file.id)
    .replace('<key id>', state.keyId);
  expect({ where, line: filled }).not.toEqual({ where, line: expect.stringMatching(/<[a-z][^>]*>|undefined/) });
  const [program, ...args] = shellWords(filled.replace(/^([A-Z_]+=\S+\s+)+/, ''));
  if (program === 'curl') {
    const substituted = args;
    // Each curl in a folder of its own: -OJ writes the file under the name the server gives.
    const cwd = fs.mkdtempSync(path.join(dir, 'curl-'));
    const { stdout } = await run('curl', ['--fail', '--silent', '--show-error', ...substituted], { cwd, maxBuffer: 64 * 1024 * 1024 });
    const files = fs.readdirSync(cwd);
    const output = files.length ? fs.readFileSync(path.join(cwd, files[0]), 'utf8') : stdout;
    expect({ where, command, rows: output.trim().length > 0 }).toEqual({ where, command, rows: true });
    if (files.length)
      expect({ file: files[0], xml: output.startsWith('<?xml') }).toEqual({ file: expect.stringMatching(/\.xml$/), xml: true });
    ran.push(`${where} ${line}`);
    return;
  }
  if (program !== 'npm') throw new Error(`${where}: no way to run ${line}`);
  const [verb, script, dashes, ...rest] = args;
  if (verb === 'install' || verb === 'test') return; // `npm install && npm start`, `npm test`: CI and two-processes.test.ts
  expect({ where, command: line, form: `${verb} ${dashes}` }).toEqual({ where, command: line, form: 'run --' });
  if (script === 'seed') {
    expect(() => parseSeedCommand(rest)).not.toThrow();
  } else if (script === 'export') {
    const output = rest.map((a) => (a === 'payments.csv' ? path.join(dir, 'payments.csv') : shiftDates(a)));
    // The command's progress goes to stderr: kept out of the test's output.
    const quiet = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await exportCommand(loadConfig({ DATABASE_URL: t.url }), output);
    } finally {
      quiet.mockRestore();
    }
    expect(fs.readFileSync(path.join(dir, 'payments.csv'), 'utf8').split('\n').length).toBeGreaterThan(2);
  } else if (script === 'keys') {
    const lines: string[] = [];
    await keysCommand(t.db, rest, (l) => lines.push(l));
    const created = /Created API key ([0-9a-f]{16})/.exec(lines.join('\n'));
    const secret = /Secret \(shown once, store it now\): (\S+)/.exec(lines.join('\n'));
    if (created) [state.keyId, state.keySecret] = [created[1], secret![1]];
    expect(lines.length).toBeGreaterThan(0);
  } else {
    throw new Error(`${where}: no way to run ${line}`);
  }
  ran.push(`${where} ${line}`);
}

/**
 * Statements of a ```sql block: chunks between blank lines, comment lines dropped, a new
 * statement at each `select` that does not continue a UNION; and the commands in its comments.
 */
function sqlParts(text: string): { queries: string[]; commands: string[] } {
  const commands = [...text.matchAll(/^--\s+((?:npm|curl) .*)$/gm)].map((m) => m[1]);
  const queries: string[] = [];
  for (const chunk of text.split(/\n\s*\n/)) {
    let current = '';
    for (const l of chunk.split('\n').filter((x) => !x.trim().startsWith('--'))) {
      if (/^select /i.test(l) && current && !/union( all)?\s*$/i.test(current.trim())) {
        queries.push(current.trim());
        current = '';
      }
      current += `${l}\n`;
    }
    if (current.trim()) queries.push(current.trim());
  }
  return { queries, commands };
}

describe('every example of README.md and docs/', () => {
  it('runs against the demo data and finds rows', async () => {
    const blocks = FILES.flatMap(blocksOf);
    expect(blocks.length).toBeGreaterThan(15);
    const consumed = new Set<Block>();
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i];
      if (consumed.has(b)) continue;
      const where = `${b.file}:${b.line}`;
      if (b.info === 'graphql') {
        // A JSON block right after an operation with variables is its variables.
        const next = blocks[i + 1];
        const template = next?.info === 'json' && next.file === b.file && /^\{ "input"/.test(next.text) ? next.text : undefined;
        if (template) consumed.add(next);
        await runGraphqlBlock(b, template);
      } else if (b.info === 'sql') {
        const { queries, commands } = sqlParts(shiftDates(b.text));
        expect(queries.length).toBeGreaterThan(5);
        for (const q of queries) await runSql(q, where);
        for (const c of commands) await runCommand(c, where);
      } else if (b.info === 'sh' || b.info === 'bash') {
        for (const l of b.text.split('\n').filter((x) => x.trim())) await runCommand(l, where);
      } else if (b.info === 'sh double') {
        // Commands run beside a test double in another terminal: test/e2e/exact-online/by-hand.test.ts runs them.
      } else if (['json', 'graphql signature', 'ts', ''].includes(b.info)) {
        // Answers and error shapes (json), type signatures, source excerpts, grammar and layouts: nothing to run.
      } else {
        throw new Error(`${where}: a \`\`\`${b.info} block; run it here or name it as not runnable`);
      }
    }
    expect(problems).toEqual([]);
    expect(ran.length).toBeGreaterThan(50);
  });

  it('README: the documented key and division header reach the demo divisions and find rows', async () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const commands = [...readme.matchAll(/`(npm run keys -- (?:create|list|revoke)[^`]*)`/g)].map((m) => m[1]);
    expect(commands.map((c) => c.split(' ')[4])).toEqual(['create', 'list', 'revoke']);
    // The README's example query of payments (the first graphql block that lists them).
    const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
    const query = blocks.find((b) => /^\s*payments\(/m.test(b))!.replace('divisionName', 'divisionName divisionCode');
    const pageOf = (data: Record<string, unknown>) => (data.payments as { nodes: { divisionCode: number }[] }).nodes;

    // The key of `keys create --divisions ...` sees rows, of those divisions only.
    await runCommand(commands[0], 'README.md');
    const granted = /--divisions ([0-9,]+)/.exec(commands[0])![1].split(',').map(Number);
    const mine = pageOf(await graphql(query, {}, { 'x-api-key': state.keySecret }));
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine.map((n) => n.divisionCode))).toEqual(new Set(granted.filter((d) => mine.some((n) => n.divisionCode === d))));
    expect(mine.every((n) => granted.includes(n.divisionCode))).toBe(true);
    await runCommand(commands[1], 'README.md');
    await runCommand(commands[2], 'README.md');
    expect((await gw.gql(query, {}, { 'x-api-key': state.keySecret })).status).toBe(401);

    // The X-Cashflow-Divisions header narrows an all-divisions key to those divisions.
    const header = /`X-Cashflow-Divisions: ([0-9,]+)`/.exec(readme)![1];
    const narrowed = pageOf(await graphql(query, {}, { 'x-cashflow-divisions': header }));
    expect(narrowed.length).toBeGreaterThan(0);
    expect(narrowed.every((n) => header.split(',').map(Number).includes(n.divisionCode))).toBe(true);
  });
});
