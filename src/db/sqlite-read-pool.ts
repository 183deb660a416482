import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { StatementCancelledError } from './statement-context';
import { SQLITE_CANCELLED_MESSAGE } from './sqlite-deadline';
import type { WorkerInit, WorkerReply, WorkerRequest } from './sqlite-read-worker';

export type Row = Record<string, unknown>;

/**
 * Heavy SQLite reads (SQL layer, exports, aggregates, ageing) off the event loop. better-sqlite3
 * runs a statement synchronously on the thread that calls it; on the main thread one long read
 * would freeze every request, /health and shutdown. This pool keeps up to `size` worker threads,
 * each with a read-only connection of its own (sqlite-read-worker.ts), and runs one statement per
 * worker; more statements wait in a queue (first come, first served). Workers start on first use
 * and then stay (a worker costs a connection and, when run from TypeScript sources, a few hundred
 * ms to start).
 *
 * Cancellation: aborting a statement's signal writes its job number into the worker's shared
 * control word; `cf_deadline`, which the compilers put in every scan of the statement, sees it on
 * the next row and stops the statement (SQLITE_CANCELLED_MESSAGE). A statement that does not stop
 * within CANCEL_GRACE_MS is ended by terminating its worker, which is then replaced.
 *
 * Plain node:worker_threads rather than a pool library: exports need a statement that stays open
 * across messages (a stream with back-pressure) and per-job cooperative cancellation, which
 * task-per-call pools such as piscina do not offer.
 */
export class SqliteReadPool {
  readonly #file: string;
  readonly #size: number;
  readonly #slots: Slot[] = [];
  readonly #idle: Slot[] = [];
  readonly #waiting: { grant: (slot: Slot) => void; fail: (error: Error) => void }[] = [];
  #nextJob = 1;
  #closed = false;

  /** `file`: the SQLite database file (not :memory:); `size`: most statements running at once. */
  constructor(file: string, size: number) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`A read pool needs at least one worker, got ${size}`);
    this.#file = file;
    this.#size = size;
  }

  /** Statements that have a worker (running, or waiting for their worker to start). */
  get busy(): number {
    return this.#slots.filter((s) => s.job !== 0).length;
  }

  /** Statements executing in a worker now (their worker has begun them); for tests and diagnostics. */
  get running(): number {
    return this.#slots.filter((s) => s.job !== 0 && s.started === s.job).length;
  }

  /** Statements waiting for a free worker. */
  get queued(): number {
    return this.#waiting.length;
  }

  /**
   * All rows of one read statement. Rejects with StatementCancelledError when `signal` aborts
   * first, and with the statement's error (message and code as SQLite gave them) otherwise.
   */
  async all(sql: string, params: unknown[], signal?: AbortSignal): Promise<Row[]> {
    const slot = await this.#acquire(signal);
    const job = this.#nextJob++;
    const stop = this.#watch(slot, job, signal);
    try {
      const reply = await slot.request({ op: 'all', job, sql, params: params.map(sqliteValue) });
      return rowsOf(reply, signal);
    } finally {
      stop();
      this.#release(slot);
    }
  }

  /**
   * The rows of one read statement in batches of about `batchCells` values (rows times
   * columns), read while the caller consumes the previous batch (one batch in flight, so memory
   * holds two). Stop iterating (or abort `signal`) to end the statement.
   *
   * Batches are sized in values, not rows: a batch arrives as one message whose objects all live
   * until the batch is consumed, so large batches of wide rows outlive V8's young generation and
   * pile up in the old one (1,000 rows of 57 columns per batch cost an export of 200,000 payments
   * about 100 MB of resident memory; 16,384 values per batch, about 15 MB).
   */
  async *stream(sql: string, params: unknown[], signal?: AbortSignal, batchCells = 16_384): AsyncGenerator<Row[]> {
    const slot = await this.#acquire(signal);
    const job = this.#nextJob++;
    const stop = this.#watch(slot, job, signal);
    let done = false;
    try {
      let pending = slot.request({ op: 'open', job, sql, params: params.map(sqliteValue), batch: batchCells });
      for (;;) {
        const reply = await pending;
        const rows = rowsOf(reply, signal);
        done = reply.done === true;
        if (!done) pending = slot.request({ op: 'next', job });
        if (rows.length) yield rows;
        if (done) return;
      }
    } finally {
      stop();
      if (!done) {
        // Left mid-way: stop the batch in flight (its rows are not wanted), then close the statement.
        cancel(slot, job);
        await slot.settle();
        await slot.request({ op: 'close', job }).catch(() => undefined);
      }
      this.#release(slot);
    }
  }

  /**
   * Ends every worker, each closing its connection (within about CANCEL_GRACE_MS: a worker that
   * does not stop is terminated), and fails queued statements; running ones fail as cancelled.
   */
  async close(): Promise<void> {
    this.#closed = true;
    for (const w of this.#waiting.splice(0)) w.fail(new StatementCancelledError(new Error('the database is closing')));
    await Promise.all(this.#slots.splice(0).map((s) => s.close()));
    this.#idle.length = 0;
  }

  async #acquire(signal: AbortSignal | undefined): Promise<Slot> {
    if (signal?.aborted) throw new StatementCancelledError(signal.reason);
    if (this.#closed) throw new StatementCancelledError(new Error('the database is closed'));
    const idle = this.#idle.pop();
    if (idle) return (idle.alive ? idle : this.#replace(idle)!).begin();
    if (this.#slots.length < this.#size) {
      const slot = new Slot(this.#file);
      this.#slots.push(slot);
      return slot.begin();
    }
    return new Promise<Slot>((resolve, reject) => {
      const entry = {
        grant: (slot: Slot) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(slot.begin());
        },
        fail: reject,
      };
      const onAbort = () => {
        this.#waiting.splice(this.#waiting.indexOf(entry), 1);
        reject(new StatementCancelledError(signal!.reason));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiting.push(entry);
    });
  }

  #release(slot: Slot): void {
    slot.job = 0;
    if (this.#closed) return;
    // A worker that was terminated (cancellation it did not honour, or a crash) is replaced.
    const usable = slot.alive ? slot : this.#replace(slot);
    if (!usable) return;
    const next = this.#waiting.shift();
    if (next) next.grant(usable);
    else this.#idle.push(usable);
  }

  #replace(dead: Slot): Slot | undefined {
    const i = this.#slots.indexOf(dead);
    if (i < 0) return undefined;
    const slot = new Slot(this.#file);
    this.#slots[i] = slot;
    return slot;
  }

  /** Gives `slot` to job `job`, cancelled when `signal` aborts; returns the function that stops watching. */
  #watch(slot: Slot, job: number, signal: AbortSignal | undefined): () => void {
    slot.job = job;
    if (!signal) return () => undefined;
    const onAbort = () => cancel(slot, job);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    return () => signal.removeEventListener('abort', onAbort);
  }
}

/** How long a cancelled statement may take to notice before its worker is terminated. */
const CANCEL_GRACE_MS = 1000;

/**
 * Stops job `job` on `slot`: its statement ends at the next row it examines (cf_deadline reads
 * the control word), or its worker is terminated after CANCEL_GRACE_MS if it is still reading.
 * Job numbers are never reused, so a late timer cannot touch a later job.
 */
function cancel(slot: Slot, job: number): void {
  Atomics.store(slot.control, 0, job);
  setTimeout(() => {
    if (slot.job === job && slot.running) void slot.terminate();
  }, CANCEL_GRACE_MS).unref();
}

interface Pending {
  resolve: (r: WorkerReply) => void;
  reject: (e: Error) => void;
  promise: Promise<WorkerReply>;
}

/** One worker thread and its single outstanding request. */
class Slot {
  readonly control = new Int32Array(new SharedArrayBuffer(4));
  /** The job using this slot (0: none). */
  job = 0;
  /** The last job whose statement the worker has begun. */
  started = 0;
  alive = true;
  #worker: Worker;
  #pending: Pending | undefined;

  constructor(file: string) {
    const init: WorkerInit = { file, control: this.control.buffer as SharedArrayBuffer };
    this.#worker = new Worker(BOOTSTRAP, { eval: true, workerData: { entry: WORKER_ENTRY, tsNode: TS_NODE, sqliteReadWorker: init } });
    // Idle workers must not keep a finished process alive (CLI commands, tests).
    this.#worker.unref();
    this.#worker.on('message', (reply: WorkerReply) => {
      if (reply.started) this.started = reply.job;
      else this.#settle((p) => p.resolve(reply));
    });
    this.#worker.on('error', (error) => this.#settle((p) => p.reject(error)));
    this.#worker.on('exit', () => {
      this.alive = false;
      this.#settle((p) => p.reject(new StatementCancelledError(new Error('the read worker stopped'))));
    });
  }

  /** True while a request is outstanding (the worker is reading). */
  get running(): boolean {
    return this.#pending !== undefined;
  }

  begin(): this {
    Atomics.store(this.control, 0, 0);
    return this;
  }

  request(message: WorkerRequest): Promise<WorkerReply> {
    if (this.#pending) return Promise.reject(new Error('A read worker runs one request at a time'));
    if (!this.alive) return Promise.reject(new StatementCancelledError(new Error('the read worker stopped')));
    let resolve!: (r: WorkerReply) => void;
    let reject!: (e: Error) => void;
    const promise = new Promise<WorkerReply>((res, rej) => ((resolve = res), (reject = rej)));
    this.#pending = { resolve, reject, promise };
    // Busy with a request: keep the process alive until the answer arrives.
    this.#worker.ref();
    this.#worker.postMessage(message);
    return promise;
  }

  /** Resolves when no request is outstanding (whatever its outcome). */
  async settle(): Promise<void> {
    await this.#pending?.promise.catch(() => undefined);
  }

  async terminate(): Promise<void> {
    this.alive = false;
    await this.#worker.terminate();
  }

  /** Cancels the statement running, lets the worker close its connection and end; terminates it if it does not. */
  async close(): Promise<void> {
    if (!this.alive) return;
    if (this.job !== 0) Atomics.store(this.control, 0, this.job);
    const exited = new Promise<void>((resolve) => this.#worker.once('exit', () => resolve()));
    const timer = setTimeout(() => void this.terminate(), CANCEL_GRACE_MS);
    await this.settle();
    if (this.alive) this.#worker.postMessage({ op: 'exit', job: 0 } satisfies WorkerRequest);
    await exited;
    clearTimeout(timer);
    this.alive = false;
  }

  #settle(how: (p: Pending) => void): void {
    const p = this.#pending;
    this.#pending = undefined;
    this.#worker.unref();
    if (p) how(p);
  }
}

const WORKER_ENTRY = path.join(__dirname, `sqlite-read-worker${path.extname(__filename)}`);
/** Run from TypeScript sources (npm start, tests) the worker compiles its modules as the main thread does. */
const TS_NODE = path.extname(__filename) === '.ts' ? require.resolve('ts-node/register/transpile-only') : '';
const BOOTSTRAP = `const { workerData } = require('node:worker_threads');
if (workerData.tsNode) require(workerData.tsNode);
require(workerData.entry);`;

function rowsOf(reply: WorkerReply, signal: AbortSignal | undefined): Row[] {
  if (reply.error) {
    if (reply.error.message.includes(SQLITE_CANCELLED_MESSAGE)) throw new StatementCancelledError(signal?.reason);
    throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
  }
  const rows = reply.rows ?? [];
  // Blobs cross the thread boundary as Uint8Array; the main connection gives Buffers.
  for (const row of rows)
    for (const k in row) if (row[k] instanceof Uint8Array && !Buffer.isBuffer(row[k])) row[k] = Buffer.from(row[k] as Uint8Array);
  return rows;
}

/** better-sqlite3 binds numbers, strings, bigints, buffers and null only. */
export function sqliteValue(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  return value === undefined ? null : value;
}
