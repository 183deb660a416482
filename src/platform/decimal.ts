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

/**
 * A running sum of decimal texts, exact: amounts with two decimals (most money) as BigInt
 * hundredths, any other through decimal.js. For totals over every line of a file (CODA record 9),
 * where one decimal.js addition per line was a measurable part of the parse.
 */
export class DecimalSum {
  private hundredths = 0n;
  private other: Decimal | null = null;

  add(text: string): void {
    const h = hundredthsOf(text);
    if (h === null) this.other = (this.other ?? new Dec(0)).plus(text);
    else this.hundredths += h;
  }

  subtract(text: string): void {
    const h = hundredthsOf(text);
    if (h === null) this.other = (this.other ?? new Dec(0)).minus(text);
    else this.hundredths -= h;
  }

  get value(): Decimal {
    const sum = new Dec(fromHundredths(this.hundredths));
    return this.other ? sum.plus(this.other) : sum;
  }
}

/** Money text with two decimals of hundredths: `fromHundredths(-5n)` is `'-0.05'`, 0n is `'0.00'`. */
export function fromHundredths(value: bigint): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** Plain decimal text as JSON writes a number: an optional minus (1), digits without leading zeros (2), optional decimals (3). */
export const PLAIN_DECIMAL_TEXT = /^(-?)(0|[1-9]\d*)(?:\.(\d+))?$/;

/**
 * Plain decimal text (`-?digits(.digits)?`, no exponent, as JSON writes a number) rounded to
 * `scale` decimals, half away from zero (decimal.js ROUND_HALF_UP), as text with exactly `scale`
 * decimals: `roundHalfUpText('1.005', 2)` is `'1.01'`, `('-2.675', 2)` `'-2.68'`, `('-0.004', 2)`
 * `'0.00'` (no negative zero). Exact at any length: only the digit text is carried, never a float.
 * Null for any other text (an exponent, a plus sign, leading zeros), which callers round with Dec.
 */
export function roundHalfUpText(text: string, scale: number): string | null {
  const m = PLAIN_DECIMAL_TEXT.exec(text);
  if (!m) return null;
  const decimals = m[3] ?? '';
  let digits = m[2] + decimals.slice(0, scale).padEnd(scale, '0');
  if (decimals.charCodeAt(scale) >= 53 /* '5' */) {
    // Add one unit in the last place: carry through the nines.
    let i = digits.length - 1;
    while (i >= 0 && digits[i] === '9') i--;
    digits =
      i < 0
        ? `1${'0'.repeat(digits.length)}`
        : digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1) + '0'.repeat(digits.length - i - 1);
  }
  const whole = digits.slice(0, digits.length - scale).replace(/^0+(?=\d)/, '') || '0';
  const fraction = digits.slice(digits.length - scale);
  const zero = /^0*$/.test(whole + fraction);
  return `${m[1] && !zero ? '-' : ''}${whole}${scale ? `.${fraction}` : ''}`;
}
