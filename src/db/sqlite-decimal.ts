import type BetterSqlite3 from 'better-sqlite3';
import { Dec } from '../platform/decimal';

/**
 * SQLite has no exact decimal type: money is stored as canonical decimal text and these
 * functions do the arithmetic exactly (decimal.js), so SUM(0.10 + 0.20) is 0.30, not
 * 0.30000000000000004. The query layers call them through the dialect, never directly.
 *
 * Results carry the scale MariaDB/MySQL would give them (SUM of DECIMAL(18,2) is '0.30', not
 * '0.3'; AVG and division add 4 digits, rounded half away from zero), so both databases answer
 * the same text.
 */
export function registerDecimalFunctions(db: BetterSqlite3.Database): void {
  const det = { deterministic: true, varargs: false } as const;

  db.function('dec_cmp', det, (a: unknown, b: unknown) => {
    const x = parse(a);
    const y = parse(b);
    return x === null || y === null ? null : x.value.cmp(y.value);
  });
  db.function('dec_add', det, (a: unknown, b: unknown) => binary(a, b, (x, y) => text(x.value.plus(y.value), Math.max(x.scale, y.scale))));
  db.function('dec_sub', det, (a: unknown, b: unknown) => binary(a, b, (x, y) => text(x.value.minus(y.value), Math.max(x.scale, y.scale))));
  db.function('dec_mul', det, (a: unknown, b: unknown) => binary(a, b, (x, y) => text(x.value.times(y.value), x.scale + y.scale)));
  db.function('dec_div', det, (a: unknown, b: unknown) =>
    binary(a, b, (x, y) => (y.value.isZero() ? null : text(x.value.dividedBy(y.value), x.scale + DIV_PRECISION_INCREMENT))),
  );
  db.function('dec_round', { deterministic: true, varargs: true }, (a: unknown, places: unknown = 0) => {
    const x = parse(a);
    if (x === null) return null;
    const n = Number(places);
    if (n >= 0) return text(x.value, n);
    // ROUND(1234.5, -2) = 1200: round to a power of ten, no fraction digits.
    const unit = new Dec(10).pow(-n);
    return text(x.value.dividedBy(unit).toDecimalPlaces(0, Dec.ROUND_HALF_UP).times(unit), 0);
  });
  db.function('dec_abs', det, (a: unknown) => unary(a, (x) => x.abs()));
  db.function('dec_neg', det, (a: unknown) => unary(a, (x) => x.negated()));
  /** Text that sorts like the number (for ORDER BY and keyset comparisons on decimal text). */
  db.function('dec_key', det, (a: unknown) => sortKey(parse(a)?.value ?? null));

  const aggregate = (name: string, step: (acc: State, x: Parsed) => void, result: (acc: State) => string | null) =>
    db.aggregate(name, {
      start: () => ({ sum: new Dec(0), n: 0, scale: 0, min: null, max: null }) as State,
      step: (acc: State, v: unknown) => {
        const x = parse(v);
        if (x !== null) {
          acc.n++;
          acc.scale = Math.max(acc.scale, x.scale);
          step(acc, x);
        }
        return acc;
      },
      result: (acc: State) => (acc.n ? result(acc) : null),
    });
  aggregate(
    'dec_sum',
    (a, x) => {
      a.sum = a.sum.plus(x.value);
    },
    (a) => text(a.sum, a.scale),
  );
  aggregate(
    'dec_avg',
    (a, x) => {
      a.sum = a.sum.plus(x.value);
    },
    (a) => text(a.sum.dividedBy(a.n), a.scale + DIV_PRECISION_INCREMENT),
  );
  aggregate(
    'dec_min',
    (a, x) => {
      if (a.min === null || x.value.lt(a.min)) a.min = x.value;
    },
    (a) => text(a.min!, a.scale),
  );
  aggregate(
    'dec_max',
    (a, x) => {
      if (a.max === null || x.value.gt(a.max)) a.max = x.value;
    },
    (a) => text(a.max!, a.scale),
  );
}

/** MariaDB/MySQL's default `div_precision_increment`: digits a division adds to the scale. */
const DIV_PRECISION_INCREMENT = 4;
/** Largest scale of a DECIMAL on MariaDB/MySQL. */
const MAX_SCALE = 30;

interface Parsed {
  value: InstanceType<typeof Dec>;
  /** Digits after the decimal point as written ('0.10' has 2). */
  scale: number;
}

interface State {
  sum: InstanceType<typeof Dec>;
  n: number;
  scale: number;
  min: InstanceType<typeof Dec> | null;
  max: InstanceType<typeof Dec> | null;
}

function parse(v: unknown): Parsed | null {
  if (v === null || v === undefined) return null;
  const raw = typeof v === 'bigint' ? v.toString() : String(v).trim();
  const value = new Dec(raw);
  const written = /^[+-]?\d*\.(\d+)$/.exec(raw);
  return { value, scale: written ? written[1].length : value.decimalPlaces() };
}

function text(value: InstanceType<typeof Dec>, scale: number): string {
  return value.toFixed(Math.min(scale, MAX_SCALE), Dec.ROUND_HALF_UP);
}

function unary(a: unknown, op: (x: InstanceType<typeof Dec>) => InstanceType<typeof Dec>): string | null {
  const x = parse(a);
  return x === null ? null : text(op(x.value), x.scale);
}

function binary(a: unknown, b: unknown, op: (x: Parsed, y: Parsed) => string | null): string | null {
  const x = parse(a);
  const y = parse(b);
  return x === null || y === null ? null : op(x, y);
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
