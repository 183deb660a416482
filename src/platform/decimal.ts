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
