import type { Database as SqliteDatabase } from 'better-sqlite3';
import { compareText, likeMatches, lowerText, textKey, upperText } from './text-collation';

/**
 * The gateway's text semantics as SQLite functions (see text-collation.ts: MariaDB's
 * utf8mb4_unicode_ci for all of Unicode). better-sqlite3 cannot register a collation, so the
 * dialect compares, groups and sorts text by `cf_key(x)` and matches patterns with `cf_like`:
 *
 * - `cf_key(text)`: the sort and equality key (a BLOB); deterministic, so indexes may use it.
 * - `cf_like(text, pattern)`: 1 when MariaDB's `text LIKE pattern` holds (`\` escapes).
 * - `cf_lower(text)`, `cf_upper(text)`: MariaDB's LOWER and UPPER.
 * - `cf_min(text)`, `cf_max(text)`: MIN and MAX by the same order.
 *
 * Null in, null out (and aggregates skip nulls), as SQL's own functions do.
 */
export function registerTextFunctions(db: SqliteDatabase): void {
  const det = { deterministic: true, varargs: false } as const;
  const text = (v: unknown): string | null => (v === null || v === undefined ? null : Buffer.isBuffer(v) ? v.toString() : String(v));
  db.function('cf_key', det, (v: unknown) => {
    const t = text(v);
    return t === null ? null : textKey(t);
  });
  db.function('cf_like', det, (v: unknown, p: unknown) => {
    const t = text(v);
    const pattern = text(p);
    return t === null || pattern === null ? null : likeMatches(t, pattern) ? 1 : 0;
  });
  db.function('cf_lower', det, (v: unknown) => {
    const t = text(v);
    return t === null ? null : lowerText(t);
  });
  db.function('cf_upper', det, (v: unknown) => {
    const t = text(v);
    return t === null ? null : upperText(t);
  });
  const extreme = (name: string, sign: 1 | -1) =>
    db.aggregate(name, {
      start: () => ({ best: null as string | null }),
      step: (acc: { best: string | null }, v: unknown) => {
        const t = text(v);
        if (t !== null && (acc.best === null || sign * compareText(t, acc.best) < 0)) acc.best = t;
        return acc;
      },
      result: (acc: { best: string | null }) => acc.best,
    });
  extreme('cf_min', 1);
  extreme('cf_max', -1);
}
