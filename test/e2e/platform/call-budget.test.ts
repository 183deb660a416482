import { observeBudget, takeCall } from '../../../src/db/call-budget';
import { openTestDatabase, TestDatabase } from '../../support/database';

/**
 * The shared call budget against a remote whose windows do not line up with ours: the remote's
 * window starts at the first call that reaches it, ours at the first call a process took, so the
 * two are a few milliseconds apart. Answers to earlier calls must never hand back calls that
 * other processes have taken since (the fault that made Exact answer 429 in the budget test).
 */
describe('call budget shared through the database', () => {
  let t: TestDatabase;
  const limits = { minutely: 5, daily: 1000, minuteMs: 1000 };
  beforeAll(async () => {
    t = await openTestDatabase('call_budget');
  });
  afterAll(() => t.close());

  /** Calls that can be taken at `now` before the budget says wait. */
  async function callsLeft(name: string, now: number): Promise<number> {
    let n = 0;
    while ((await takeCall(t.db, name, limits, now)) === null) n++;
    return n;
  }

  it('takes at most the limit a window, and says until when to wait', async () => {
    const now = 10_000;
    expect(await callsLeft('a', now)).toBe(5);
    expect(await takeCall(t.db, 'a', limits, now + 10)).toBe(now + 1000);
    expect(await callsLeft('a', now + 1000)).toBe(5);
  });

  it('keeps calls taken after an answer was made, when the remote window started later than ours', async () => {
    const now = 20_000;
    // Five calls taken at once by several processes; the first reaches the remote 30 ms later.
    for (let i = 0; i < 5; i++) expect(await takeCall(t.db, 'b', limits, now)).toBeNull();
    // Its answer: the remote saw one call, its window ends 30 ms after ours.
    await observeBudget(t.db, 'b', { limit: 5, remaining: 4, reset: now + 1030 }, null, now + 35);
    // The four others are still on their way: nothing is left until the remote's window ends.
    expect(await takeCall(t.db, 'b', limits, now + 40)).toBe(now + 1030);
    expect(await takeCall(t.db, 'b', limits, now + 1010)).toBe(now + 1030);
    expect(await callsLeft('b', now + 1030)).toBe(5);
  });

  it('lowers the count within one window and takes the remote count once our window is over', async () => {
    const now = 30_000;
    expect(await takeCall(t.db, 'c', limits, now)).toBeNull();
    // Another application of the same company used three calls: the remote says one left.
    await observeBudget(t.db, 'c', { limit: 5, remaining: 1, reset: now + 1000 }, null, now + 5);
    expect(await callsLeft('c', now + 10)).toBe(1);
    // An answer from the remote's next window, observed after ours ended, replaces the count.
    await observeBudget(t.db, 'c', { limit: 5, remaining: 2, reset: now + 2100 }, null, now + 1100);
    expect(await callsLeft('c', now + 1110)).toBe(2);
    expect(await takeCall(t.db, 'c', limits, now + 1120)).toBe(now + 2100);
  });
});
