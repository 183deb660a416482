/**
 * Shares the event loop between pieces of background work that each would run on it for long
 * (exports formatting rows): together they work at most `sliceMs` (wall clock) per turn of the
 * event loop, however many there are, and take turns in order. Requests in between (/health, a
 * small query) then wait one slice at most, not one slice per export: with four exports each
 * yielding on its own every 2 ms, a turn of the loop held 8 ms of export work and more, which a
 * loaded machine (the process getting a fraction of a core) stretched to tens of milliseconds.
 *
 * A worker calls `turn()` between small units of work (a row): it answers undefined while the
 * current slice lasts, else a promise that resolves on a later turn of the loop (one waiting
 * worker is resumed per turn, from setImmediate, after the loop has polled for I/O), and a new
 * slice starts for it. One per process: the event loop is the process's (a worker thread has
 * its own module instance, and its own loop).
 */
export class LoopShare {
  private sliceStart = 0;
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  constructor(private readonly sliceMs: number) {}

  /** Undefined while the slice lasts; else resolves when it is the caller's turn again. */
  turn(): Promise<void> | undefined {
    if (performance.now() - this.sliceStart < this.sliceMs) return undefined;
    return new Promise<void>((resolve) => {
      this.waiting.push(resolve);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      const next = this.waiting.shift();
      this.sliceStart = performance.now();
      // Queued from the check phase, the next resume runs on the next turn, after its I/O poll.
      if (this.waiting.length > 0) this.schedule();
      next?.();
    });
  }
}
