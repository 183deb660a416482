import { DivisionScope } from '../../../src/access/division-scope';
import { ExactConnection } from '../../../src/modules/exact-online/exact-connection.entity';
import { ExactSyncState } from '../../../src/modules/exact-online/exact-sync-state.entity';
import { ExactSync, PAYMENT_TERMS } from '../../../src/modules/exact-online/exact-sync.service';
import { sealPurpose } from '../../../src/modules/exact-online/exact-tokens';
import { openSeededDatabase, TestDatabase } from '../../support/database';
import { ExactOnlineDouble } from '../../support/exact-online-double';
import {
  connectThroughDouble,
  differences,
  divisionCodes,
  exactTestConfig,
  paymentTerm,
  storedRows,
  testBox,
} from '../../support/exact-online';
import { captureLog } from '../../support/gateway';

/**
 * The faults of issue 14 against the double: 429, 500, a malformed page, a missing __next, an
 * expired access token (401), a refresh token used elsewhere, two syncs of one division at once.
 * Each time: no row lost, none duplicated, no refresh token burnt twice, a clear status. (A process
 * killed mid-run: kill.test.ts.) The double's minute is one second here, so a 429 waits briefly.
 */
describe('Exact Online sync under faults', () => {
  let t: TestDatabase;
  let double: ExactOnlineDouble;
  let division: number;
  const EXACT = 100;
  const log = captureLog('debug');
  let sync: () => ExactSync;
  let next = 0;

  const add = (n: number) => {
    for (let i = 0; i < n; i++) double.upsertTerm(EXACT, paymentTerm(next++, EXACT));
  };
  const expectEqualToDouble = async () => {
    const payments = await storedRows(t.db, division, 'payments');
    const receivables = await storedRows(t.db, division, 'receivables');
    const live = [...double.divisions.get(EXACT)!.terms.values()];
    expect(payments.size + receivables.size).toBe(live.length);
    const problems = live.flatMap((term) => {
      const stored = (term.LineType === 22 ? payments : receivables).get(term.ID);
      return stored ? differences(stored, term) : [`${term.ID} missing`];
    });
    expect(problems).toEqual([]);
  };
  const statuses = (from: number) => double.requests.slice(from).map((r) => r.status);

  beforeAll(async () => {
    t = await openSeededDatabase('exact_faults', { divisions: 2, payments: 20 });
    [division] = await divisionCodes(t.db);
    double = await new ExactOnlineDouble({ minuteMs: 1000 }).start();
    double.addDivision(EXACT);
    const config = exactTestConfig(double, { EXACT_MINUTE_MS: '1000', EXACT_BLOCK_MS: '600000' });
    sync = () => new ExactSync(t.db, testBox(), config, log.logger);
    await connectThroughDouble(t.db, double, division, EXACT, config);
    add(1500);
    expect((await sync().syncDivision(division)).state).toBe('succeeded');
  });
  afterAll(async () => {
    await double.stop();
    await t.close();
  });

  it('waits for the reset after a 429 and asks once, never hammering', async () => {
    add(1200);
    const from = double.requests.length;
    double.fail(/sync\/Cashflow\/PaymentTerms/, '429');
    const run = await sync().syncDivision(division);
    expect(run).toMatchObject({ state: 'succeeded', rowsIn: 1200 });
    expect(statuses(from).filter((s) => s === 429)).toHaveLength(1);
    await expectEqualToDouble();
  });

  it('backs off on 500 and on a malformed page, then continues', async () => {
    add(1100);
    double.fail(/sync\/Cashflow\/PaymentTerms/, '500', 2);
    double.fail(/sync\/Cashflow\/PaymentTerms/, 'malformed');
    const run = await sync().syncDivision(division);
    expect(run).toMatchObject({ state: 'succeeded', rowsIn: 1100 });
    await expectEqualToDouble();
  });

  it('follows a full page without __next from its high-water mark', async () => {
    add(2100);
    double.fail(/sync\/Cashflow\/PaymentTerms/, 'missing-next');
    const run = await sync().syncDivision(division);
    expect(run).toMatchObject({ state: 'succeeded', rowsIn: 2100 });
    await expectEqualToDouble();
  });

  it('refreshes an expired access token once (401), whoever asks at the same time', async () => {
    add(10);
    double.expireAccessTokens();
    const before = double.refreshes;
    const [a, b] = await Promise.all([sync().syncDivision(division), sync().syncDivision(division)]);
    // Two "processes" at once: one syncs, the other finds the division taken.
    expect([a.state, b.state].sort()).toEqual(['skipped', 'succeeded']);
    expect(double.refreshes - before).toBe(1);
    expect(double.reusedRefreshTokens).toBe(0);
    await expectEqualToDouble();
  });

  it('stops calling an endpoint that keeps failing, keeping what it stored', async () => {
    add(1500);
    const failed = [];
    for (let i = 0; i < 3; i++) {
      double.fail(/sync\/Cashflow\/PaymentTerms/, '500', 4);
      failed.push(await sync().syncDivision(division));
    }
    expect(failed.map((r) => r.state)).toEqual(['failed', 'failed', 'failed']);
    expect(failed[0].lastError).toMatch(/sync\/Cashflow\/PaymentTerms: HTTP 500 after 4 tries/);
    const from = double.requests.length;
    const blocked = await sync().syncDivision(division);
    expect(blocked).toMatchObject({ state: 'failed', calls: 0 });
    expect(blocked.lastError).toMatch(/failed 3 times in a row and rests until/);
    expect(double.requests.length).toBe(from);
    // Lifting the block (its time passed), the next run brings in everything, once.
    await new DivisionScope(t.db, [division]).internal.update(ExactSyncState, { division, endpoint: PAYMENT_TERMS }, { blockedUntil: 1 });
    expect((await sync().syncDivision(division)).state).toBe('succeeded');
    await expectEqualToDouble();
  });

  it('marks the connection as needing consent when its refresh token was used elsewhere, without retrying', async () => {
    // Another program (not sharing our lease) refreshes with the stored token first.
    const [c] = await new DivisionScope(t.db, []).internal.list(ExactConnection, {});
    double.expireAccessTokens();
    const refresh = testBox().open(c.refreshToken!, sealPurpose('refresh', c.id));
    const form = { grant_type: 'refresh_token', refresh_token: refresh, client_id: double.clientId, client_secret: double.clientSecret };
    expect((await fetch(`${double.url}/api/oauth2/token`, { method: 'POST', body: new URLSearchParams(form) })).status).toBe(200);
    const run = await sync().syncDivision(division);
    expect(run.state).toBe('failed');
    expect(run.lastError).toMatch(/Exact refused the refresh token \(invalid_grant: Old refresh token used.\); connect again/);
    expect(double.reusedRefreshTokens).toBe(1);
    const [after] = await new DivisionScope(t.db, []).internal.list(ExactConnection, {});
    expect(after).toMatchObject({ state: 'needs_consent', accessToken: null, refreshToken: null });
    // The next run does not try again: it says why at once.
    const tokenCalls = double.requests.filter((r) => r.url.startsWith('/api/oauth2/token')).length;
    const again = await sync().syncDivision(division);
    expect(again.lastError).toMatch(/needs consent again/);
    expect(double.requests.filter((r) => r.url.startsWith('/api/oauth2/token')).length).toBe(tokenCalls);
    expect(double.reusedRefreshTokens).toBe(1);
  });

  it('never writes a token or the client secret to a log line', () => {
    const text = log.text();
    expect(text.length).toBeGreaterThan(0);
    for (const secret of [...double.issuedTokens, double.clientSecret]) expect(text.includes(secret)).toBe(false);
  });
});
