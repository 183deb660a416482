import { DivisionScope } from '../../../src/access/division-scope';
import { ExactSyncRun } from '../../../src/modules/exact-online/exact-sync-run.entity';
import { startExactSchedule } from '../../../src/modules/exact-online/exact-schedule';
import { createLogger } from '../../../src/platform/logger';
import { openSeededDatabase, TestDatabase } from '../../support/database';
import { ExactOnlineDouble } from '../../support/exact-online-double';
import { connectThroughDouble, divisionCodes, exactTestConfig, paymentTerm, storedRows, testBox } from '../../support/exact-online';

/**
 * The schedule inside the server (EXACT_SYNC_INTERVAL): two gateway instances on one database
 * both run it; the division's lease lets one sync at a time, the other records a skipped run.
 */
describe('Exact Online sync schedule', () => {
  let t: TestDatabase;
  let double: ExactOnlineDouble;

  beforeAll(async () => {
    t = await openSeededDatabase('exact_schedule', { divisions: 1, payments: 10 });
    double = await new ExactOnlineDouble().start();
    double.addDivision(7);
    for (let i = 0; i < 2500; i++) double.upsertTerm(7, paymentTerm(i, 7));
  });
  afterAll(async () => {
    await double.stop();
    await t.close();
  });

  it('syncs each division in one instance at a time', async () => {
    const [division] = await divisionCodes(t.db);
    const config = { ...exactTestConfig(double), syncIntervalSeconds: 1 };
    await connectThroughDouble(t.db, double, division, 7, config);
    const instances = [1, 2].map(() => startExactSchedule(t.db, testBox(), config, createLogger('silent'))!);
    const runs = () => new DivisionScope(t.db, [division]).internal.list(ExactSyncRun, { division }, { started: 'ASC' });
    for (let i = 0; i < 300 && (await runs()).filter((r) => r.state === 'succeeded').length < 2; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    await Promise.all(instances.map((s) => s.stop()));
    const done = (await runs()).filter((r) => r.state === 'succeeded');
    expect(done.length).toBeGreaterThanOrEqual(2);
    // No two successful runs overlap in time.
    for (let i = 1; i < done.length; i++) expect(done[i].started).toBeGreaterThanOrEqual(done[i - 1].finished!);
    const stored = (await storedRows(t.db, division, 'payments')).size + (await storedRows(t.db, division, 'receivables')).size;
    expect(stored).toBe(2500);
  }, 60_000);
});
