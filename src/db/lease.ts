import { randomUUID } from 'node:crypto';
import { changedAnyRow } from './changed-rows';
import type { Database } from './data-source';

/**
 * Named, expiring locks in the database (table Leases), so that of all processes sharing it
 * (gateway instances, the CLI) exactly one does a piece of work at a time: refreshing a
 * single-use OAuth refresh token, syncing a division from Exact Online, pulling a bank account.
 * A lease that its holder stops renewing (the process died) expires after its time to live and
 * can then be taken by another.
 *
 * Taking a lease is one conditional write, atomic on both databases: insert the name if absent
 * (SQLite `INSERT OR IGNORE`, MariaDB `INSERT IGNORE`), then take it over only if it expired or
 * is already ours (`UPDATE ... WHERE Name = ? AND (ExpiresAt <= now OR Holder = me)`); the row
 * count says who won.
 */
export interface Lease {
  readonly name: string;
  /** Who holds it (a random id per acquisition unless given). */
  readonly holder: string;
  /** Extends the lease by its time to live from now; false when it was lost (expired and taken). */
  renew(): Promise<boolean>;
  /** Gives it up now (only if still held by this holder). */
  release(): Promise<void>;
}

export interface LeaseOptions {
  /** How long the lease lasts without renewal, in milliseconds. */
  ttlMs: number;
  /** The holder's id (default: a new random id); the same holder re-acquires its own lease. */
  holder?: string;
  /** Clock (epoch ms), for tests. */
  now?: () => number;
}

/** The lease `name` if no other holder has it now, or null. */
export async function acquireLease(db: Database, name: string, options: LeaseOptions): Promise<Lease | null> {
  const holder = options.holder ?? randomUUID();
  const now = options.now ?? Date.now;
  const q = (column: string) => db.dialect.quote(column);
  const insertIgnore = db.dialect.kind === 'sqlite' ? 'INSERT OR IGNORE' : 'INSERT IGNORE';
  const at = now();
  await db.dataSource.query(
    `${insertIgnore} INTO ${q('Leases')} (${q('Name')}, ${q('Holder')}, ${q('AcquiredAt')}, ${q('ExpiresAt')}) VALUES (?, ?, ?, ?)`,
    [name, holder, at, 0],
  );
  const taken = await changedAnyRow(
    db,
    `UPDATE ${q('Leases')} SET ${q('Holder')} = ?, ${q('AcquiredAt')} = ?, ${q('ExpiresAt')} = ? ` +
      `WHERE ${q('Name')} = ? AND (${q('ExpiresAt')} <= ? OR ${q('Holder')} = ?)`,
    [holder, at, at + options.ttlMs, name, at, holder],
  );
  if (!taken) return null;
  return {
    name,
    holder,
    renew: async () => {
      const t = now();
      return changedAnyRow(
        db,
        `UPDATE ${q('Leases')} SET ${q('ExpiresAt')} = ? WHERE ${q('Name')} = ? AND ${q('Holder')} = ? AND ${q('ExpiresAt')} > ?`,
        [t + options.ttlMs, name, holder, t],
      );
    },
    release: async () => {
      await db.dataSource.query(`UPDATE ${q('Leases')} SET ${q('ExpiresAt')} = 0 WHERE ${q('Name')} = ? AND ${q('Holder')} = ?`, [
        name,
        holder,
      ]);
    },
  };
}

/**
 * Runs `work` while holding the lease `name`, renewing it every third of its time to live, and
 * releases it afterwards (also when `work` throws). Returns `{ ran: false }` without running
 * when another holder has it. `work` receives a signal that aborts if the lease is lost, so it
 * can stop before doing what only the holder may do.
 */
export async function withLease<T>(
  db: Database,
  name: string,
  options: LeaseOptions,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<{ ran: true; value: T } | { ran: false }> {
  const lease = await acquireLease(db, name, options);
  if (!lease) return { ran: false };
  const lost = new AbortController();
  const timer = setInterval(
    () => {
      lease.renew().then(
        (held) => held || lost.abort(new Error(`lease ${name} was lost`)),
        (error) => lost.abort(error),
      );
    },
    Math.max(1, Math.floor(options.ttlMs / 3)),
  );
  timer.unref();
  try {
    return { ran: true, value: await work(lost.signal) };
  } finally {
    clearInterval(timer);
    await lease.release();
  }
}
