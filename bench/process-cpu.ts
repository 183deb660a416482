import { readFileSync } from 'node:fs';
import { createConnection } from 'mysql2/promise';

/**
 * User and system CPU seconds of each process so far, from /proc/PID/stat (Linux), by name; NaN
 * for a process /proc does not show (none, another host, another OS). The benchmarks share two
 * cores between the gateway, MariaDB and any double, so each process's CPU says more than the
 * wall clock alone.
 */
export function cpuOf<K extends string>(pids: Record<K, number | null>): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const [name, pid] of Object.entries(pids) as [K, number | null][]) {
    try {
      // Fields 14 and 15 (utime, stime) in clock ticks of 1/100 s, after the command in parentheses.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      out[name] = (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      out[name] = Number.NaN;
    }
  }
  return out;
}

/** The process of the MariaDB server at `url` (by its pid file), or null when it runs elsewhere. */
export async function mariadbPid(url: string): Promise<number | null> {
  const connection = await createConnection(url);
  try {
    const [rows] = (await connection.query('SELECT @@pid_file AS f')) as unknown as [{ f: string }[]];
    return Number(readFileSync(rows[0].f, 'utf8').trim()) || null;
  } catch {
    return null;
  } finally {
    await connection.end();
  }
}

/**
 * Waits until the process `pid` (the MariaDB server) has used less than `share` of one core over
 * `windowMs`, for at most `limitMs`: InnoDB purges and flushes for seconds after a large commit,
 * on the same cores as the next measurement. Returns the milliseconds waited (no wait for null).
 */
export async function untilQuiet(pid: number | null, share = 0.05, windowMs = 500, limitMs = 30_000): Promise<number> {
  if (pid === null) return 0;
  const started = performance.now();
  for (;;) {
    const before = cpuOf({ server: pid }).server;
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const used = cpuOf({ server: pid }).server - before;
    if (Number.isNaN(used) || used < (share * windowMs) / 1000 || performance.now() - started > limitMs) {
      return performance.now() - started;
    }
  }
}
