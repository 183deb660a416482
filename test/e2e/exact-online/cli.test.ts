import { ChildProcess, spawn } from 'node:child_process';
import { DivisionScope } from '../../../src/access/division-scope';
import { ExactSyncRun } from '../../../src/modules/exact-online/exact-sync-run.entity';
import { ExactSync } from '../../../src/modules/exact-online/exact-sync.service';
import { createLogger } from '../../../src/platform/logger';
import { openSeededDatabase, TestDatabase } from '../../support/database';
import { ExactOnlineDouble } from '../../support/exact-online-double';
import {
  differences,
  divisionCodes,
  exactTestConfig,
  paymentTerm,
  storedRows,
  testBox,
  TEST_SECRETS_KEY,
} from '../../support/exact-online';
import { freePort, ROOT } from '../../support/server-process';

/**
 * `npm run exact -- connect` and `sync` as separate processes on the same database, against the
 * double: the authorization code flow through the command's own callback server, a sync killed
 * with SIGKILL half-way and continued by the next run without a lost or duplicated row.
 */
describe('npm run exact (separate processes)', () => {
  let t: TestDatabase;
  let double: ExactOnlineDouble;
  let division: number;
  let env: Record<string, string>;
  const EXACT = 3003;
  const output: string[] = [];

  const run = (args: string[], extra: Record<string, string> = {}) => {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'reflect-metadata', 'src/main.ts', 'exact', ...args],
      {
        cwd: ROOT,
        env: { ...process.env, ...env, ...extra },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => (output.push(out), resolve(code))));
    return { child, exit, out: () => out };
  };
  const waitFor = async (p: { out: () => string; child: ChildProcess }, pattern: RegExp) => {
    for (let i = 0; i < 1200 && !pattern.test(p.out()); i++) await new Promise((r) => setTimeout(r, 50));
    const m = pattern.exec(p.out());
    if (!m) throw new Error(`no ${String(pattern)} in ${p.out()}`);
    return m;
  };

  beforeAll(async () => {
    t = await openSeededDatabase('exact_cli', { divisions: 2, payments: 20 });
    [division] = await divisionCodes(t.db);
    double = await new ExactOnlineDouble().start();
    double.addDivision(EXACT);
    for (let i = 0; i < 6000; i++) double.upsertTerm(EXACT, paymentTerm(i, EXACT));
    const config = exactTestConfig(double);
    env = {
      DATABASE_URL: t.url,
      EXACT_BASE_URL: double.url,
      EXACT_CLIENT_ID: double.clientId,
      EXACT_CLIENT_SECRET: double.clientSecret,
      EXACT_REDIRECT_URI: `http://127.0.0.1:${await freePort()}/exact/callback`,
      EXACT_BACKOFF_MS: String(config.backoffMs),
      EXACT_LEASE_MS: '5000',
      SECRETS_KEY: TEST_SECRETS_KEY,
      LOG_LEVEL: 'debug',
    };
  }, 60_000);
  afterAll(async () => {
    await double.stop();
    await t.close();
  });

  it('connects through the callback the command serves', async () => {
    const connect = run(['connect', '--division', String(division), '--exact-division', String(EXACT)]);
    const [url] = await waitFor(connect, /http:\/\/\S+\/api\/oauth2\/auth\?\S+/);
    // The browser: Exact's page (the double consents at once) redirects to the command's callback.
    const answer = await fetch(url);
    expect(await answer.text()).toMatch(/Connected/);
    expect(await connect.exit).toBe(0);
    expect(connect.out()).toMatch(new RegExp(`Connected gateway division ${division} to Exact division ${EXACT}`));
  }, 60_000);

  it('continues a sync killed half-way (SIGKILL) without losing or duplicating a row', async () => {
    const first = run(['sync', '--division', String(division)]);
    await waitFor(first, /sync\/Cashflow\/PaymentTerms: 2 pages/);
    first.child.kill('SIGKILL');
    await first.exit;
    const stored = (await storedRows(t.db, division, 'payments')).size + (await storedRows(t.db, division, 'receivables')).size;
    expect(stored).toBeGreaterThanOrEqual(2000);
    expect(stored).toBeLessThan(6000);
    // The dead process's lease expires (EXACT_LEASE_MS 5 s); until then a run is skipped.
    const sync = new ExactSync(t.db, testBox(), { ...exactTestConfig(double), leaseMs: 5000 }, createLogger('silent'));
    let resumed = await sync.syncDivision(division);
    for (let i = 0; i < 100 && resumed.state === 'skipped'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      resumed = await sync.syncDivision(division);
    }
    expect(resumed).toMatchObject({ state: 'succeeded', full: 0 });
    expect(resumed.rowsIn).toBe(6000 - stored);
    const payments = await storedRows(t.db, division, 'payments');
    const receivables = await storedRows(t.db, division, 'receivables');
    const live = [...double.divisions.get(EXACT)!.terms.values()];
    expect(payments.size + receivables.size).toBe(6000);
    expect(live.flatMap((term) => differences((term.LineType === 22 ? payments : receivables).get(term.ID) ?? {}, term))).toEqual([]);
    const runs = await new DivisionScope(t.db, [division]).internal.list(ExactSyncRun, { division }, { started: 'ASC' });
    expect(runs.map((r) => r.state).filter((s) => s !== 'skipped')).toEqual(['interrupted', 'succeeded']);
  }, 120_000);

  it('syncs with progress and a summary line, and prints no token', async () => {
    double.upsertTerm(EXACT, paymentTerm(7000, EXACT));
    const sync = run(['sync']);
    expect(await sync.exit).toBe(0);
    // The command syncs every table by default: the payment terms and sync/Deleted, and one (empty) page of each reference table.
    expect(sync.out()).toMatch(new RegExp(`division ${division}: succeeded; rows in 1, changed 0, deleted 0; calls 8`));
    for (const endpoint of ['sync/CRM/Accounts', 'sync/Financial/GLAccounts', 'crm/BankAccounts', 'financialtransaction/BankEntries']) {
      expect(sync.out()).toContain(`division ${division} ${endpoint}: 1 pages`);
    }
    const all = output.join('\n');
    for (const secret of [...double.issuedTokens, double.clientSecret, TEST_SECRETS_KEY]) expect(all.includes(secret)).toBe(false);
  }, 60_000);
});
