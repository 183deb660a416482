import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, validate } from 'graphql';
import { buildGatewaySchema } from '../../src/modules/schema';
import { seed } from '../../src/seed/seed';
import { openTestDatabase, TestDatabase } from '../support/database';
import { startTestGateway, TestGateway } from '../support/gateway';
import { runCli } from '../support/server-process';

/**
 * Runs every example of docs/statements.md, in order, against the demo data of `npm start`
 * (seed 42; its first division's current account BE95 0012 1024 5758), over real HTTP and a real
 * process: the files the page shows are written out as it names them, each curl command is sent
 * as it is written (raw body or multipart), each GraphQL operation with its variables, and the
 * command line is run; every answer must match the `<!-- expect: ... -->` that follows it.
 */
const DOC = path.resolve(__dirname, '../../docs/statements.md');
const text = fs.readFileSync(DOC, 'utf8');
/** What `npm start` seeds (src/cli/start.ts), smaller, on a day before the examples' statements. */
const DEMO = { divisions: 1, payments: 200, seed: 42, today: new Date('2026-12-31T00:00:00Z') };
const CLI_TIMEOUT = 240_000;

type Token =
  | { kind: 'file'; name: string; content: string }
  | { kind: 'sh'; source: string }
  | { kind: 'graphql'; source: string }
  | { kind: 'variables'; json: string }
  | { kind: 'expect'; json: string };

function tokens(): Token[] {
  const pattern =
    /<!-- file: (\S+) -->\s*```\w+\n([\s\S]*?)```|```sh\n([\s\S]*?)```|```graphql\n([\s\S]*?)```|<!-- variables -->\s*```json\n([\s\S]*?)```|<!-- expect: (.*?) -->/g;
  return [...text.matchAll(pattern)].map((m): Token => {
    if (m[1]) return { kind: 'file', name: m[1], content: m[2] };
    if (m[3]) return { kind: 'sh', source: m[3].trim() };
    if (m[4]) return { kind: 'graphql', source: m[4] };
    if (m[5]) return { kind: 'variables', json: m[5] };
    return { kind: 'expect', json: m[6] };
  });
}

let t: TestDatabase;
let gw: TestGateway;
let dir: string;

beforeAll(async () => {
  t = await openTestDatabase('statements_doc');
  await seed(t.db, DEMO);
  gw = await startTestGateway(t.db);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfgt-statements-doc-'));
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** A curl command of the page as a request: its URL's path and query, and its body (`--data-binary @f` or `-F "file=@f"`). */
async function curl(command: string): Promise<unknown> {
  const url = /"http:\/\/localhost:4000(\/[^"]*)"/.exec(command)![1];
  const raw = /--data-binary @(\S+)/.exec(command);
  const part = /-F "file=@([^"]+)"/.exec(command);
  let body: Buffer | FormData;
  if (raw) body = fs.readFileSync(path.join(dir, raw[1]));
  else {
    const form = new FormData();
    form.append('file', new Blob([fs.readFileSync(path.join(dir, part![1]))]), part![1]);
    body = form;
  }
  const res = await gw.request(url, { method: 'POST', body });
  expect({ command, status: res.status }).toEqual({ command, status: 200 });
  return res.json();
}

describe('docs/statements.md', () => {
  it('has the examples of every way in', () => {
    const kinds = tokens().map((x) => x.kind);
    expect(kinds.filter((k) => k === 'expect').length).toBeGreaterThanOrEqual(6);
    expect(kinds).toEqual(expect.arrayContaining(['file', 'sh', 'graphql', 'variables']));
  });

  it.each([...text.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m, i) => [i + 1, m[1]]))(
    'GraphQL example %i validates against the schema',
    (_i, source) => {
      expect(validate(buildGatewaySchema(), parse(source as string)).map((e) => e.message)).toEqual([]);
    },
  );

  it(
    'runs every example against the demo data with the outcome the page gives',
    async () => {
      let pending: (() => Promise<unknown>) | undefined;
      let query: string | undefined;
      let ran = 0;
      for (const token of tokens()) {
        if (token.kind === 'file') fs.writeFileSync(path.join(dir, token.name), token.content);
        else if (token.kind === 'sh') {
          const command = token.source;
          if (command.startsWith('curl ')) pending = () => curl(command);
          else {
            const args = command.replace(/^npm run import -- /, '').split(/\s+/);
            pending = async () => {
              const run = await runCli(['import', ...args.map((a) => (a.includes('.') ? path.join(dir, a) : a))], {
                DATABASE_URL: t.url,
              });
              return { exitCode: run.code, stdout: run.stdout.slice(run.stdout.indexOf(args[args.length - 1])) };
            };
          }
        } else if (token.kind === 'graphql') {
          query = token.source;
          const q = query;
          pending = async () => {
            const res = await gw.gql(q);
            expect(res.errors).toBeUndefined();
            return (res.data.financialAccounts as { journalCode: string }[]).find((a) => a.journalCode === '20');
          };
        } else if (token.kind === 'variables') {
          const q = query!;
          const variables = JSON.parse(token.json) as Record<string, unknown>;
          pending = async () => {
            const res = await gw.gql(q, variables);
            expect(res.errors).toBeUndefined();
            return res.data.importBankStatements;
          };
        } else {
          const expected = JSON.parse(token.json) as Record<string, unknown>;
          const answer = await pending!();
          if (typeof expected.stdout === 'string') {
            expect(answer).toMatchObject({ exitCode: expected.exitCode });
            expect((answer as { stdout: string }).stdout.startsWith(expected.stdout)).toBe(true);
          } else expect(answer).toMatchObject(expected);
          pending = undefined;
          ran++;
        }
      }
      expect(ran).toBe(tokens().filter((x) => x.kind === 'expect').length);
    },
    CLI_TIMEOUT,
  );
});
