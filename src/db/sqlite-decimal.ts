import type BetterSqlite3 from 'better-sqlite3';
import { Dec } from '../common/decimal';

/**
 * SQLite has no exact decimal type: money is stored as canonical decimal text and these
 * functions do the arithmetic exactly (decimal.js), so SUM(0.10 + 0.20) is 0.30, not
 * 0.30000000000000004. The query layers call them through the dialect, never directly.
 */
export function registerDecimalFunctions(db: BetterSqlite3.Database): void {
  const dec = (v: unknown) => (v === null || v === undefined ? null : new Dec(String(v)));
  const text = (d: InstanceType<typeof Dec> | null) => (d === null ? null : d.toFixed());
  const det = { deterministic: true, varargs: false } as const;

  db.function('dec_cmp', det, (a: unknown, b: unknown) => {
    const x = dec(a);
    const y = dec(b);
    return x === null || y === null ? null : x.cmp(y);
  });
  db.function('dec_add', det, (a: unknown, b: unknown) => text(binary(a, b, (x, y) => x.plus(y))));
  db.function('dec_sub', det, (a: unknown, b: unknown) => text(binary(a, b, (x, y) => x.minus(y))));
  db.function('dec_mul', det, (a: unknown, b: unknown) => text(binary(a, b, (x, y) => x.times(y))));
  db.function('dec_div', det, (a: unknown, b: unknown) =>
    text(binary(a, b, (x, y) => (y.isZero() ? null : x.dividedBy(y)))),
  );
  db.function('dec_round', { deterministic: true, varargs: true }, (a: unknown, places: unknown = 0) => {
    const x = dec(a);
    return x === null ? null : x.toDecimalPlaces(Number(places), Dec.ROUND_HALF_UP).toFixed();
  });
  db.function('dec_abs', det, (a: unknown) => text(dec(a)?.abs() ?? null));
  db.function('dec_neg', det, (a: unknown) => text(dec(a)?.negated() ?? null));
  /** Text that sorts like the number (for ORDER BY and keyset comparisons on decimal text). */
  db.function('dec_key', det, (a: unknown) => sortKey(dec(a)));

  const aggregate = (name: string, step: (acc: State, x: InstanceType<typeof Dec>) => void, result: (acc: State) => string | null) =>
    db.aggregate(name, {
      start: () => ({ sum: new Dec(0), n: 0, min: null, max: null }) as State,
      step: (acc: State, v: unknown) => {
        const x = dec(v);
        if (x !== null) step(acc, x);
        return acc;
      },
      result: (acc: State) => result(acc),
    });
  aggregate('dec_sum', (a, x) => { a.sum = a.sum.plus(x); a.n++; }, (a) => (a.n ? a.sum.toFixed() : null));
  aggregate('dec_avg', (a, x) => { a.sum = a.sum.plus(x); a.n++; }, (a) => (a.n ? a.sum.dividedBy(a.n).toFixed() : null));
  aggregate('dec_min', (a, x) => { if (a.min === null || x.lt(a.min)) a.min = x; }, (a) => a.min?.toFixed() ?? null);
  aggregate('dec_max', (a, x) => { if (a.max === null || x.gt(a.max)) a.max = x; }, (a) => a.max?.toFixed() ?? null);
}

interface State {
  sum: InstanceType<typeof Dec>;
  n: number;
  min: InstanceType<typeof Dec> | null;
  max: InstanceType<typeof Dec> | null;
}

function binary(
  a: unknown,
  b: unknown,
  op: (x: InstanceType<typeof Dec>, y: InstanceType<typeof Dec>) => InstanceType<typeof Dec> | null,
): InstanceType<typeof Dec> | null {
  if (a === null || a === undefined || b === null || b === undefined) return null;
  return op(new Dec(String(a)), new Dec(String(b)));
}

/**
 * Order-preserving text for decimals up to 10^30: sign marker, then a fixed-width integer part
 * and fraction for positives, and the nines' complement for negatives.
 */
function sortKey(x: InstanceType<typeof Dec> | null): string | null {
  if (x === null) return null;
  const [int, frac = ''] = x.abs().toFixed(12).split('.');
  const digits = int.padStart(30, '0') + frac;
  if (!x.isNegative() || x.isZero()) return `1${digits}`;
  return `0${digits.replace(/\d/g, (d) => String(9 - Number(d)))}`;
}
