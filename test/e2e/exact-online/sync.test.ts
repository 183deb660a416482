import { DivisionScope } from '../../../src/access/division-scope';
import { ExactConnection } from '../../../src/modules/exact-online/exact-connection.entity';
import { ExactSync } from '../../../src/modules/exact-online/exact-sync.service';
import { createLogger } from '../../../src/platform/logger';
import { openSeededDatabase, TestDatabase } from '../../support/database';
import { ExactOnlineDouble, PaymentTermRow } from '../../support/exact-online-double';
import {
  connectThroughDouble,
  differences,
  divisionCodes,
  exactTestConfig,
  paymentTerm,
  storedRows,
  testBox,
  TEST_SECRETS_KEY,
} from '../../support/exact-online';

/**
 * The connector against the Exact Online double (issue 14): connect with the authorization code
 * flow, a full first load of sync/Cashflow/PaymentTerms split into payables (LineType 22) and
 * receivables (20), exact values for every mapped column, incremental runs from the stored
 * Timestamp, deletions from sync/Deleted, and a full reload when the division's Timestamps restart.
 */
describe('Exact Online sync', () => {
  let t: TestDatabase;
  let double: ExactOnlineDouble;
  let division: number;
  const EXACT = 4711;
  const terms = new Map<string, PaymentTermRow>();
  let sync: ExactSync;

  beforeAll(async () => {
    t = await openSeededDatabase('exact_sync', { divisions: 2, payments: 40 });
    division = (await divisionCodes(t.db))[0];
    double = await new ExactOnlineDouble().start();
    double.addDivision(EXACT);
    double.addDivision(EXACT + 1, 'Other company');
    for (let i = 0; i < 2500; i++) {
      const row = double.upsertTerm(EXACT, paymentTerm(i, EXACT));
      terms.set(row.ID, row);
    }
    sync = new ExactSync(t.db, testBox(), exactTestConfig(double), createLogger('silent'));
  });
  afterAll(async () => {
    await double.stop();
    await t.close();
  });

  const expectEqualToDouble = async () => {
    const payments = await storedRows(t.db, division, 'payments');
    const receivables = await storedRows(t.db, division, 'receivables');
    const live = [...double.divisions.get(EXACT)!.terms.values()];
    expect(payments.size).toBe(live.filter((r) => r.LineType === 22).length);
    expect(receivables.size).toBe(live.filter((r) => r.LineType === 20).length);
    const problems = live.flatMap((term) => {
      const stored = (term.LineType === 22 ? payments : receivables).get(term.ID);
      return stored ? differences(stored, term).map((d) => `${term.ID} ${d}`) : [`${term.ID} missing`];
    });
    expect(problems).toEqual([]);
  };

  it('connects with the authorization code flow and stores the tokens encrypted', async () => {
    const result = await connectThroughDouble(t.db, double, division, EXACT);
    expect(result).toMatchObject({ division, exactDivision: EXACT, exactUserName: 'Test User' });
    expect(result.available.map((d) => d.code)).toEqual([EXACT, EXACT + 1]);
    const [c] = await new DivisionScope(t.db, []).internal.list(ExactConnection, {});
    expect(c.state).toBe('connected');
    expect(c.accessToken).toMatch(/^v1\./);
    expect(c.refreshToken).toMatch(/^v1\./);
    // expires_in "600" (a string) became an expiry 600 s after issue.
    expect(c.accessTokenExpiresAt! - c.refreshedAt!).toBe(600_000);
    expect(TEST_SECRETS_KEY).toHaveLength(64);
  });

  it('loads everything first, replacing the division rows, with every mapped column equal to the double', async () => {
    const run = await sync.syncDivision(division);
    expect(run).toMatchObject({ state: 'succeeded', full: 1, rowsIn: 2500, rowsDeleted: 0, lastError: null });
    // 3 pages of payment terms (1000, 1000, 500) and one of deletions.
    const syncCalls = double.requests.filter((r) => r.url.includes('/sync/'));
    expect(syncCalls.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(run.calls).toBe(4);
    await expectEqualToDouble();
    // Every sync call named its columns.
    expect(
      double.requests.filter((r) => r.url.includes('/sync/')).every((r) => r.url.includes('%24select=') || r.url.includes('$select=')),
    ).toBe(true);
  });

  it('rounds the text of Exact doubles half away from zero, never the binary float', async () => {
    const payments = await storedRows(t.db, division, 'payments');
    const receivables = await storedRows(t.db, division, 'receivables');
    const byAmount = (text: string) => [...payments.values(), ...receivables.values()].some((r) => r.amountDC === text);
    // 100.005 is 100.00499999999999 as a float: toFixed(2) gives 100.00; the decimal rule gives 100.01.
    expect((100.005).toFixed(2)).toBe('100.00');
    expect(byAmount('100.01')).toBe(true);
    // Row 3 is a payable (negative) of 1234.565 + 3, row 2 a receivable of 2.675 + 2.
    expect(byAmount('-1237.57')).toBe(true);
    expect(byAmount('4.68')).toBe(true);
  });

  it('continues incrementally from the stored Timestamp: changes and new rows only', async () => {
    const changed = [...terms.values()].slice(0, 3);
    for (const c of changed)
      terms.set(c.ID, double.upsertTerm(EXACT, { ...c, Description: `${c.Description as string} (gewijzigd)`, AmountDC: 12.345 }));
    const added = double.upsertTerm(EXACT, paymentTerm(9999, EXACT, 22));
    terms.set(added.ID, added);
    const payments = await storedRows(t.db, division, 'payments');
    const versionBefore = payments.get(changed.find((c) => c.LineType === 22)!.ID)?.version;
    const run = await sync.syncDivision(division);
    expect(run).toMatchObject({ state: 'succeeded', full: 0, rowsIn: 4, rowsChanged: 3, rowsDeleted: 0, calls: 2 });
    await expectEqualToDouble();
    const after = await storedRows(t.db, division, 'payments');
    expect(after.get(changed.find((c) => c.LineType === 22)!.ID)?.version).toBe(versionBefore + 1);
    // Row 9999: 1234.565 + 9999 as a payable.
    expect(after.get(added.ID)?.amountDC).toBe('-11233.57');
  });

  it('deletes what Exact deleted (sync/Deleted)', async () => {
    const gone = [...terms.values()].slice(10, 14);
    for (const g of gone) double.deleteTerm(EXACT, g.ID);
    const run = await sync.syncDivision(division);
    expect(run).toMatchObject({ state: 'succeeded', rowsIn: 0, rowsDeleted: 4 });
    await expectEqualToDouble();
  });

  it('reloads everything when the division moved and its Timestamps restarted', async () => {
    double.moveDivision(EXACT);
    const gone = [...double.divisions.get(EXACT)!.terms.values()][20];
    // Deleted right after the move: the new sync/Deleted has it, but the reload must not depend on it.
    double.divisions.get(EXACT)!.terms.delete(gone.ID);
    const run = await sync.syncDivision(division);
    expect(run).toMatchObject({ state: 'succeeded', full: 1 });
    await expectEqualToDouble();
  });

  it('leaves the other divisions alone', async () => {
    const other = (await divisionCodes(t.db))[1];
    expect((await storedRows(t.db, other, 'payments')).size).toBeGreaterThan(0);
  });
});
