import { DivisionScope } from '../../../src/access/division-scope';
import { ExactClient } from '../../../src/modules/exact-online/exact-client';
import { ExactDivisionMap } from '../../../src/modules/exact-online/exact-division-map.entity';
import { ExactSync } from '../../../src/modules/exact-online/exact-sync.service';
import { ExactTokens } from '../../../src/modules/exact-online/exact-tokens';
import { createLogger } from '../../../src/platform/logger';
import { openSeededDatabase, TestDatabase } from '../../support/database';
import { ExactOnlineDouble } from '../../support/exact-online-double';
import { connectThroughDouble, divisionCodes, exactTestConfig, paymentTerm, storedRows, testBox } from '../../support/exact-online';

/**
 * The rate-limit budget of an Exact division is shared through the database: a sync and another
 * client calling the same Exact division at once (as two processes would) together stay within
 * Exact's calls a window, so Exact never has to answer 429. The double allows 5 calls a 1-second
 * window. And one Exact division feeds one gateway division only (its IDs are the rows' keys).
 */
describe('Exact Online call budget shared by processes', () => {
  let t: TestDatabase;
  let double: ExactOnlineDouble;

  beforeAll(async () => {
    t = await openSeededDatabase('exact_budget', { divisions: 2, payments: 10 });
    double = await new ExactOnlineDouble({ minutelyLimit: 5, minuteMs: 1000 }).start();
    double.addDivision(9);
    for (let i = 0; i < 4500; i++) double.upsertTerm(9, paymentTerm(i, 9));
  });
  afterAll(async () => {
    await double.stop();
    await t.close();
  });

  it('never exceeds the budget, so Exact never answers 429', async () => {
    const [a, b] = await divisionCodes(t.db);
    const config = { ...exactTestConfig(double, { EXACT_MINUTE_MS: '1000' }), minutelyLimit: 5 };
    await connectThroughDouble(t.db, double, a, 9, config);
    await expect(connectThroughDouble(t.db, double, b, 9, config)).rejects.toThrow(/Exact division 9 already feeds gateway division/);
    await new Promise((r) => setTimeout(r, 1000));
    const from = double.requests.length;
    const log = createLogger('silent');
    const map = (await new DivisionScope(t.db, [a]).internal.find(ExactDivisionMap, { division: a }))!;
    const other = new ExactClient(t.db, new ExactTokens(t.db, testBox(), config, log), config, map.connectionID, double.url, log);
    const [run] = await Promise.all([
      new ExactSync(t.db, testBox(), config, log).syncDivision(a),
      (async () => {
        for (let i = 0; i < 6; i++) await other.page(9, '9/system/Divisions?$select=Code');
      })(),
    ]);
    expect([run.state, run.lastError]).toEqual(['succeeded', null]);
    // 5 pages of payment terms, 1 of deletions and the other client's 6: at most 5 a window, none refused.
    expect(run.calls + other.counter.calls).toBe(12);
    expect(double.requests.slice(from).map((r) => r.status)).toEqual(Array(12).fill(200));
    expect((await storedRows(t.db, a, 'payments')).size + (await storedRows(t.db, a, 'receivables')).size).toBe(4500);
  }, 60_000);
});
