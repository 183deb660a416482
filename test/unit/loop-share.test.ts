import { LoopShare } from '../../src/platform/loop-share';

/**
 * Exports share the event loop (platform/loop-share.ts): however many wait, one is resumed per
 * turn of the loop, in the order they came, so other requests wait one slice at most. The turns
 * are counted with a setImmediate chain of the test's own (one tick per turn), not timed.
 */
describe('LoopShare', () => {
  it('resumes one waiting worker per turn of the event loop, in turn order', async () => {
    const share = new LoopShare(0); // every slice is used up at once: each call waits its turn
    const log: string[] = [];
    let ticking = true;
    const tick = () => {
      if (!ticking) return;
      log.push('|');
      setImmediate(tick);
    };
    setImmediate(tick);
    const worker = async (name: string) => {
      for (let i = 0; i < 3; i++) {
        await share.turn();
        log.push(name);
      }
    };
    await Promise.all(['a', 'b', 'c', 'd'].map(worker));
    ticking = false;
    const resumes = log.filter((x) => x !== '|');
    expect(resumes).toEqual(['a', 'b', 'c', 'd', 'a', 'b', 'c', 'd', 'a', 'b', 'c', 'd']);
    // Never two workers in one turn: between two resumes there is always a tick.
    const turns = log.join('').split('|').filter(Boolean);
    expect(turns.every((t) => t.length === 1)).toBe(true);
  });

  it('lets a worker go on without waiting while its slice lasts', async () => {
    const share = new LoopShare(60_000);
    await share.turn(); // the first slice starts when the worker is first resumed
    expect(share.turn()).toBeUndefined();
    expect(share.turn()).toBeUndefined();
  });
});
