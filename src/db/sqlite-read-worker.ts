import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { registerSqliteFunctions } from './sqlite-functions';

/**
 * One read worker of the SQLite read pool (sqlite-read-pool.ts), in a thread of its own: a
 * read-only connection to the database file (WAL lets it read while the main connection writes)
 * that runs one statement at a time, so a heavy read blocks this thread, never the event loop
 * that serves requests. It has the same SQL functions as the main connection (exact decimals,
 * text semantics, `cf_deadline`), and `cf_deadline` here also stops the statement as soon as the
 * main thread marks its job cancelled in the shared control word.
 *
 * Protocol (one job at a time, each request answered by one reply; 'all' and 'open' first send
 * {job, started: true} as the statement begins, so the pool knows what really runs):
 *   {op: 'all', job, sql, params}           -> {job, rows, done: true}
 *   {op: 'open', job, sql, params, batch}   -> {job, rows (up to batch values), done}
 *   {op: 'next', job}                       -> {job, rows, done}
 *   {op: 'close', job}                      -> {job, rows: [], done: true}
 *   {op: 'exit', job}                       -> the connection closes and the thread ends
 *   any failure                             -> {job, error: {message, code}}
 */
export interface WorkerRequest {
  op: 'all' | 'open' | 'next' | 'close' | 'exit';
  job: number;
  sql?: string;
  params?: unknown[];
  /** Values (rows times columns) per batch of a stream ('open'). */
  batch?: number;
}

export interface WorkerReply {
  job: number;
  /** The statement of `job` begins now (not a reply: one follows). */
  started?: boolean;
  rows?: Record<string, unknown>[];
  done?: boolean;
  error?: { message: string; code?: string };
}

/** Nice value of read workers (0 is the main thread's; 19 the lowest priority). */
const WORKER_NICE = 10;

/** What the pool hands a worker: the database file and the shared control word (job to cancel). */
export interface WorkerInit {
  file: string;
  control: SharedArrayBuffer;
}

function start(port: NonNullable<typeof parentPort>, init: WorkerInit): void {
  // Heavy reads yield the CPU to the thread that serves requests: when all cores are busy, a
  // request waits for a core only as long as the scheduler favours a nicer thread. On Linux the
  // nice value is per thread (setpriority of "0" is the calling thread); elsewhere it would
  // lower the whole process, so it is left alone there.
  if (process.platform === 'linux') os.setPriority(WORKER_NICE);
  const db = new BetterSqlite3(init.file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const control = new Int32Array(init.control);
  let current = 0;
  registerSqliteFunctions(db, { cancelled: () => Atomics.load(control, 0) === current });
  let open: { job: number; rows: IterableIterator<Record<string, unknown>>; batch: number } | undefined;

  const closeOpen = () => {
    open?.rows.return?.();
    open = undefined;
  };
  const nextBatch = (): WorkerReply => {
    const { job, rows, batch } = open!;
    const out: Record<string, unknown>[] = [];
    for (let r = rows.next(); !r.done; r = rows.next()) {
      out.push(r.value);
      if (out.length >= batch) return { job, rows: out, done: false };
    }
    open = undefined;
    return { job, rows: out, done: true };
  };

  port.on('message', (m: WorkerRequest) => {
    current = m.job;
    if (m.op === 'all' || m.op === 'open') port.postMessage({ job: m.job, started: true } satisfies WorkerReply);
    try {
      if (m.op === 'all') {
        closeOpen();
        port.postMessage({
          job: m.job,
          rows: db.prepare(m.sql!).all(...m.params!) as Record<string, unknown>[],
          done: true,
        } satisfies WorkerReply);
      } else if (m.op === 'open') {
        closeOpen();
        const statement = db.prepare(m.sql!);
        const batch = Math.max(1, Math.floor((m.batch ?? 16_384) / Math.max(1, statement.columns().length)));
        open = { job: m.job, rows: statement.iterate(...m.params!) as IterableIterator<Record<string, unknown>>, batch };
        port.postMessage(nextBatch());
      } else if (m.op === 'exit') {
        // Closed here, not left to thread teardown: a connection left open would keep the main
        // connection's close from checkpointing and removing the WAL file.
        closeOpen();
        db.close();
        port.close();
      } else if (m.op === 'next' && open?.job === m.job) {
        port.postMessage(nextBatch());
      } else {
        // 'close', or 'next' of a statement that has ended: nothing more to read.
        if (open?.job === m.job) closeOpen();
        port.postMessage({ job: m.job, rows: [], done: true } satisfies WorkerReply);
      }
    } catch (error) {
      closeOpen();
      const e = error as { message?: string; code?: string };
      port.postMessage({ job: m.job, error: { message: String(e?.message ?? error), code: e?.code } } satisfies WorkerReply);
    }
  });
}

if (parentPort && (workerData as { sqliteReadWorker?: WorkerInit } | undefined)?.sqliteReadWorker) {
  start(parentPort, (workerData as { sqliteReadWorker: WorkerInit }).sqliteReadWorker);
}
