/**
 * Exact fixed-point arithmetic on BigInt for generating demo amounts: a million payments with
 * decimal.js objects spend most of their time in the decimal library and its garbage. The
 * results are the text Dec would give (half-up rounding, as Dec is configured); money never
 * passes through a float.
 */

/** `scaled('0.92150000', 8)` is 92150000n: the decimal text times 10^scale. */
export function scaled(text: string, scale: number): bigint {
  const [int, frac = ''] = text.split('.');
  if (frac.length > scale) throw new Error(`${text} has more than ${scale} decimals`);
  return BigInt(int + frac.padEnd(scale, '0'));
}

/** round(a * b / divisor), halves away from zero, for non-negative a and b. */
export function mulDivHalfUp(a: bigint, b: bigint, divisor: bigint): bigint {
  return (a * b * 2n + divisor) / (divisor * 2n);
}

/** Text of a non-negative amount in cents: 12345n is '123.45'. */
export function centsText(cents: bigint): string {
  const s = cents.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}
