import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openSeededDatabase, TestDatabase } from '../../support/database';
import { startTestGateway, TestGateway } from '../../support/gateway';
import { freePort, ROOT } from '../../support/server-process';

/**
 * docs/exact-online.md, "Trying it against the double", run as written: `npm run exact-double`
 * in one process (the first ```sh double block), the second block in bash as a newcomer would
 * paste it, with this test as the browser that opens the printed URL. Only the double's port is
 * moved to a free one (the docs' 7300 may be taken). The synced rows then answer the gateway's
 * GraphQL and SQL: every payment term the double serves, on its side by LineType.
 */
jest.setTimeout(240_000);

const DOC = fs.readFileSync(path.join(ROOT, 'docs/exact-online.md'), 'utf8');
const blocks = [...DOC.matchAll(/^```sh double\n([\s\S]*?)^```$/gm)].map((m) => m[1].trim());

interface Proc {
  out: () => string;
  exit: Promise<number | null>;
  kill: () => void;
}

function start(command: string, args: string[], env: Record<string, string>): Proc {
  // A process group of its own: npm and the node it starts stop with the shell.
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGTERM');
  };
  return { out: () => out, exit, kill };
}

async function waitFor(p: Proc, pattern: RegExp): Promise<RegExpExecArray> {
  for (let i = 0; i < 1200; i++) {
    const m = pattern.exec(p.out());
    if (m) return m;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no ${String(pattern)} in:\n${p.out()}`);
}

describe('docs/exact-online.md: connect and sync against the double by hand', () => {
  let t: TestDatabase;
  let double: Proc | undefined;
  let gw: TestGateway;

  beforeAll(async () => {
    t = await openSeededDatabase('exact_by_hand', { divisions: 2, payments: 20 });
  });
  afterAll(async () => {
    double?.kill();
    await double?.exit;
    await gw?.close();
    await t.close();
  });

  it('has the two blocks the test runs', () => {
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toBe('npm run exact-double');
  });

  it('connects, syncs, and the double’s payment terms answer GraphQL and SQL', async () => {
    const port = String(await freePort());
    const env = { DATABASE_URL: t.url, EXACT_DOUBLE_PORT: port, LOG_LEVEL: 'warn' };
    double = start('bash', ['-c', blocks[0]], env);
    const [, url] = await waitFor(double, /export EXACT_BASE_URL=(\S+)/);
    expect(url).toBe(`http://127.0.0.1:${port}`);
    const script = blocks[1].replaceAll('127.0.0.1:7300', `127.0.0.1:${port}`);
    const shell = start('bash', ['-e', '-c', script], env);
    const [authorize] = await waitFor(shell, /http:\/\/127\.0\.0\.1:\d+\/api\/oauth2\/auth\?\S+/);
    // The browser: the double consents at once and redirects to the command's callback.
    expect(await (await fetch(authorize)).text()).toMatch(/Connected/);
    expect(await shell.exit).toBe(0);
    expect(shell.out()).toMatch(/Connected gateway division 100101 to Exact division 3003/);
    expect(shell.out()).toMatch(/division 100101: succeeded \(full\); rows in 2500, changed 0, deleted 0/);

    gw = await startTestGateway(t.db);
    const res = await gw.gql(
      '{ payments(divisions: [100101], first: 1) { totalCount } receivables(divisions: [100101], first: 1) { totalCount } }',
    );
    expect(res.errors).toBeUndefined();
    // The double's terms alternate: even ones are receipts (LineType 20), odd ones payments (22).
    expect([res.data.payments.totalCount, res.data.receivables.totalCount]).toEqual([1250, 1250]);
    const sql = await gw.request('/sql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'SELECT MIN(EntryNumber) AS lo, MAX(EntryNumber) AS hi, COUNT(*) AS n FROM Payments WHERE Division = 100101',
      }),
    });
    const body = (await sql.json()) as { rows: { lo: unknown; hi: unknown; n: unknown }[] };
    expect(body.rows.map((r) => [Number(r.lo), Number(r.hi), Number(r.n)])).toEqual([[26000001, 26002499, 1250]]);
  });
});
