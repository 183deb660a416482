import type { Database } from './data-source';
import { changedAnyRow } from './changed-rows';

/**
 * A remote API's call budget shared by every process on the database (gateway instances, the
 * CLI): calls left in the current minute and day and when each window resets (epoch ms), in the
 * table ExactCallBudgets (named for its first user; any connector may keep a budget there under
 * its own name). A caller takes one call before each request, with one conditional UPDATE, atomic
 * on both databases (the row count says whether a call was left); the answer's rate-limit headers
 * then correct the row (`observe`), and a 429 empties it until the reset (`exhaust`).
 */
export interface CallBudgetLimits {
  minutely: number;
  daily: number;
  /** Length of the minute window in ms (60,000; tests and benchmarks may scale it). */
  minuteMs?: number;
}

/** What the remote reported about a window: limit, calls left, reset (epoch ms). */
export interface BudgetWindow {
  limit: number;
  remaining: number;
  reset: number;
}

/**
 * Takes one call of the budget `name` at time `now` (epoch ms). Returns null when taken, or the
 * time (epoch ms) until which no call is left. A window whose reset has passed starts afresh
 * with its limit. The first use creates the row with `limits`.
 */
export async function takeCall(db: Database, name: string, limits: CallBudgetLimits, now: number): Promise<number | null> {
  const q = (c: string) => db.dialect.quote(c);
  const insertIgnore = db.dialect.kind === 'sqlite' ? 'INSERT OR IGNORE' : 'INSERT IGNORE';
  const cols = ['Name', 'MinutelyLimit', 'MinutelyRemaining', 'MinutelyReset', 'DailyLimit', 'DailyRemaining', 'DailyReset'];
  await db.dataSource.query(`${insertIgnore} INTO ${q('ExactCallBudgets')} (${cols.map(q).join(', ')}) VALUES (?, ?, ?, ?, ?, ?, ?)`, [
    name,
    limits.minutely,
    limits.minutely,
    0,
    limits.daily,
    limits.daily,
    0,
  ]);
  const minuteMs = limits.minuteMs ?? 60_000;
  const [mr, mrem, ml, dr, drem, dl] = [
    'MinutelyReset',
    'MinutelyRemaining',
    'MinutelyLimit',
    'DailyReset',
    'DailyRemaining',
    'DailyLimit',
  ].map(q);
  const sql =
    `UPDATE ${q('ExactCallBudgets')} SET ` +
    `${mrem} = CASE WHEN ${mr} <= ? THEN ${ml} - 1 ELSE ${mrem} - 1 END, ` +
    `${mr} = CASE WHEN ${mr} <= ? THEN ? ELSE ${mr} END, ` +
    `${drem} = CASE WHEN ${dr} <= ? THEN ${dl} - 1 ELSE ${drem} - 1 END, ` +
    `${dr} = CASE WHEN ${dr} <= ? THEN ? ELSE ${dr} END ` +
    `WHERE ${q('Name')} = ? AND (${mr} <= ? OR ${mrem} > 0) AND (${dr} <= ? OR ${drem} > 0)`;
  const taken = await changedAnyRow(db, sql, [now, now, now + minuteMs, now, now, now + 24 * 60 * minuteMs, name, now, now]);
  if (taken) return null;
  const rows = (await db.dataSource.query(
    `SELECT ${mr} AS m, ${mrem} AS mrem, ${dr} AS d, ${drem} AS drem FROM ${q('ExactCallBudgets')} WHERE ${q('Name')} = ?`,
    [name],
  )) as { m: unknown; mrem: unknown; d: unknown; drem: unknown }[];
  const r = rows[0];
  const daily = Number(r.drem) <= 0 && Number(r.d) > now;
  return daily ? Number(r.d) : Math.max(Number(r.m), now + 1);
}

/**
 * Corrects the budget from the remote's headers after an answer, at time `now` (epoch ms).
 * Calls other processes took while this answer was on its way are in the stored count but not
 * yet in the remote's, so the stored count never rises while the stored window is open: within
 * the same window, and when the remote's window started later than ours (it starts at the first
 * call that reaches it, ours at the first call we took), the smaller count wins and the later
 * reset is kept. Only once our window is over does the remote's count replace it. Without this,
 * two windows a few milliseconds apart let each answer hand back calls that were already taken,
 * and Exact answered 429.
 */
export async function observeBudget(
  db: Database,
  name: string,
  minutely: BudgetWindow | null,
  daily: BudgetWindow | null,
  now: number,
): Promise<void> {
  const q = (c: string) => db.dialect.quote(c);
  const least = db.dialect.kind === 'sqlite' ? 'MIN' : 'LEAST';
  for (const [w, prefix] of [
    [minutely, 'Minutely'],
    [daily, 'Daily'],
  ] as const) {
    if (!w) continue;
    const [reset, remaining, limit] = [`${prefix}Reset`, `${prefix}Remaining`, `${prefix}Limit`].map(q);
    // SET assignments are evaluated left to right on MariaDB, so Reset is assigned last.
    await db.dataSource.query(
      `UPDATE ${q('ExactCallBudgets')} SET ${limit} = ?, ` +
        `${remaining} = CASE WHEN ${reset} <= ? THEN ? ELSE ${least}(${remaining}, ?) END, ` +
        `${reset} = CASE WHEN ? > ${reset} THEN ? ELSE ${reset} END WHERE ${q('Name')} = ?`,
      [w.limit, now, w.remaining, w.remaining, w.reset, w.reset, name],
    );
  }
}

/** No call is left until `reset` (epoch ms): after a 429, every process waits for the reset. */
export async function exhaustBudget(db: Database, name: string, reset: number, window: 'minutely' | 'daily'): Promise<void> {
  const q = (c: string) => db.dialect.quote(c);
  const prefix = window === 'minutely' ? 'Minutely' : 'Daily';
  await db.dataSource.query(
    `UPDATE ${q('ExactCallBudgets')} SET ${q(`${prefix}Remaining`)} = 0, ${q(`${prefix}Reset`)} = ? WHERE ${q('Name')} = ?`,
    [reset, name],
  );
}
