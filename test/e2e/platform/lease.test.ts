import { acquireLease, withLease } from '../../../src/db/lease';
import { openTestDatabase, TestDatabase } from '../../support/database';

describe('leases shared through the database', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase('leases');
  });
  afterAll(() => t.close());

  it('lets one holder at a time take a name, and another after release', async () => {
    const a = await acquireLease(t.db, 'sync:100101', { ttlMs: 60_000, holder: 'a' });
    expect(a).not.toBeNull();
    expect(await acquireLease(t.db, 'sync:100101', { ttlMs: 60_000, holder: 'b' })).toBeNull();
    // Another name is independent; the same holder re-acquires its own lease.
    expect(await acquireLease(t.db, 'sync:100102', { ttlMs: 60_000, holder: 'b' })).not.toBeNull();
    expect(await acquireLease(t.db, 'sync:100101', { ttlMs: 60_000, holder: 'a' })).not.toBeNull();
    await a!.release();
    expect(await acquireLease(t.db, 'sync:100101', { ttlMs: 60_000, holder: 'b' })).not.toBeNull();
  });

  it('lets a lease expire when its holder stops renewing it, and then the old holder cannot renew', async () => {
    let clock = 1_000_000;
    const now = () => clock;
    const a = await acquireLease(t.db, 'refresh:1', { ttlMs: 1000, holder: 'a', now });
    expect(await acquireLease(t.db, 'refresh:1', { ttlMs: 1000, holder: 'b', now })).toBeNull();
    clock += 500;
    expect(await a!.renew()).toBe(true);
    clock += 999;
    expect(await acquireLease(t.db, 'refresh:1', { ttlMs: 1000, holder: 'b', now })).toBeNull();
    clock += 1;
    const b = await acquireLease(t.db, 'refresh:1', { ttlMs: 1000, holder: 'b', now });
    expect(b).not.toBeNull();
    expect(await a!.renew()).toBe(false);
    await a!.release(); // releasing a lost lease must not free the new holder's
    expect(await acquireLease(t.db, 'refresh:1', { ttlMs: 1000, holder: 'c', now })).toBeNull();
  });

  it('runs work under exactly one of several concurrent contenders', async () => {
    let inside = 0;
    let most = 0;
    const contend = () =>
      withLease(t.db, 'pull:account', { ttlMs: 30_000 }, async () => {
        inside += 1;
        most = Math.max(most, inside);
        await new Promise((resolve) => setTimeout(resolve, 50));
        inside -= 1;
        return 'done';
      });
    const results = await Promise.all(Array.from({ length: 6 }, contend));
    expect(results.filter((r) => r.ran)).toHaveLength(1);
    expect(most).toBe(1);
    // Released afterwards, also after a failure.
    await expect(
      withLease(t.db, 'pull:account', { ttlMs: 30_000 }, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await withLease(t.db, 'pull:account', { ttlMs: 30_000 }, async () => 1)).ran).toBe(true);
  });
});
