import Decimal from 'decimal.js';

/**
 * Exact decimal arithmetic for money. decimal.js is configured with enough precision for
 * DECIMAL(38, x) values; amounts never pass through a binary float.
 */
export const Dec = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 60 });
export type Dec = Decimal;

const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

export function isDecimalText(value: string): boolean {
  return DECIMAL_TEXT.test(value);
}

/** Canonical fixed-scale text of a decimal: `toFixedScale('0.1', 2)` is `'0.10'`. */
export function toFixedScale(value: string | number | Decimal, scale: number): string {
  return new Dec(value).toFixed(scale);
}

/** Plain (non-exponent) text of a decimal without trailing zeros beyond `minScale`. */
export function plain(value: Decimal): string {
  return value.toFixed();
}

const TWO_PLACES = /^-?\d+\.\d\d$/;

/**
 * Hundredths of money text with exactly two decimals (`'-12.50'` is -1250n), exact at any size;
 * null for any other text (callers take Dec then). For sums over many amounts that are stored with
 * two places already: one BigInt per amount instead of a decimal.js object and its rounding.
 */
export function hundredthsOf(text: string): bigint | null {
  return TWO_PLACES.test(text) ? BigInt(text.replace('.', '')) : null;
}

/** Money text with two decimals of hundredths: `fromHundredths(-5n)` is `'-0.05'`, 0n is `'0.00'`. */
export function fromHundredths(value: bigint): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
