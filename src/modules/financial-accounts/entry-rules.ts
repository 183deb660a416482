import { BoundedMemo } from '../../platform/bounded-memo';
import { canonicalCurrency, currencyProblem, minorUnits } from '../../platform/currency';
import { Dec, hundredthsOf, isDecimalText } from '../../platform/decimal';
import { RuleDetails } from '../../platform/errors';
import { textProblem } from '../../platform/validation';
import { entryError, FinancialEntryRule } from './financial-entry.errors';

/**
 * The rules of entries that need no database: amounts, texts, days, currencies and the balance
 * rule. Each check names the field it refuses (`closingBalance`, `lines[3].amount`), so a caller
 * finds the value at fault; nothing is written when one fails.
 */

/** Decimals the amount columns store (Exact's money columns, DECIMAL(18,2)). */
export const STORED_SCALE = 2;
/** Digits before the decimal point that DECIMAL(18,2) holds. */
const INTEGER_DIGITS = 16;

/** Most lines one entry may have: a statement of a busy account, in one transaction. */
export const MAX_ENTRY_LINES = 100_000;

/**
 * Decimals an amount in `currency` may have: the currency's minor units (ISO 4217: JPY 0, EUR 2),
 * at most the 2 the columns store (a KWD amount with 3 decimals is refused, never rounded).
 */
export function amountScaleOf(currency: string): { scale: number; why: string } {
  return SCALES.get(currency, scaleOf);
}

const SCALES = new BoundedMemo<string, { scale: number; why: string }>(1000);

function scaleOf(currency: string): { scale: number; why: string } {
  const units = currencyProblem(currency) ? STORED_SCALE : minorUnits(currency);
  if (units > STORED_SCALE)
    return { scale: STORED_SCALE, why: `${currency} has ${units} decimals, but amounts are stored with ${STORED_SCALE}` };
  return { scale: units, why: `${currency} has ${units} decimals` };
}

/**
 * An amount as stored: exact decimal text with two places (`'-12.50'`). Refuses what is not a
 * decimal, has more decimals than `currency` allows, or does not fit DECIMAL(18,2).
 */
export function checkAmount(value: unknown, field: string, currency: string, details: RuleDetails = {}): string {
  // The usual amount (a statement line's: sign, up to 16 digits, up to 2 decimals, not zero) in
  // text alone; anything else, and every refusal, through decimal.js below.
  const plain = typeof value === 'string' ? PLAIN_AMOUNT.exec(value) : null;
  if (plain && (plain[2] !== '0' || /[1-9]/.test(plain[3] ?? ''))) {
    const decimals = (plain[3] ?? '').replace(/0+$/, '').length;
    if (decimals <= amountScaleOf(currency).scale) return `${plain[1]}${plain[2]}.${(plain[3] ?? '').padEnd(2, '0')}`;
  }
  const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
  if (text === null || text === undefined || text === '')
    throw entryError(FinancialEntryRule.REQUIRED, field, 'an amount is required', details);
  if (typeof text !== 'string' || !isDecimalText(text.trim())) {
    throw entryError(
      FinancialEntryRule.INVALID_VALUE,
      field,
      `must be a decimal number such as "-12.50", got ${JSON.stringify(value)}`,
      details,
    );
  }
  const d = new Dec(text.trim());
  const { scale, why } = amountScaleOf(currency);
  if (d.decimalPlaces() > scale)
    throw entryError(FinancialEntryRule.AMOUNT_SCALE, field, `at most ${scale} decimals (${why})`, { ...details, scale });
  checkFits(d, field, details);
  return d.toFixed(STORED_SCALE);
}

/** Sign, integer part (no leading zero, at most INTEGER_DIGITS digits) and up to two decimals. */
const PLAIN_AMOUNT = /^(-?)(0|[1-9]\d{0,15})(?:\.(\d{1,2}))?$/;

/** Refuses a value DECIMAL(18,2) cannot hold (a running balance as much as an amount). */
export function checkFits(d: Dec, field: string, details: RuleDetails = {}): void {
  if (d.abs().trunc().toFixed().length > INTEGER_DIGITS) {
    throw entryError(FinancialEntryRule.INVALID_VALUE, field, `at most ${INTEGER_DIGITS} digits before the decimal point`, details);
  }
}

/** A currency code in its canonical form (upper case), or INVALID_CURRENCY naming `field`. */
export function checkCurrency(value: unknown, field: string): string {
  if (value === null || value === undefined || value === '') throw entryError(FinancialEntryRule.REQUIRED, field, 'a currency is required');
  if (typeof value !== 'string') throw entryError(FinancialEntryRule.INVALID_CURRENCY, field, 'must be an ISO 4217 code');
  const code = canonicalCurrency(value) as string;
  const problem = currencyProblem(code);
  if (problem) throw entryError(FinancialEntryRule.INVALID_CURRENCY, field, problem);
  return code;
}

/**
 * Optional text as stored: null when absent or blank, else as given (the bank's own text), at
 * most `maxLength` characters (Unicode code points, as the databases count them) and without
 * control characters (the shared text rule of platform/validation.ts; a bank's lines of text are
 * joined with a space before they come here).
 */
export function checkText(value: unknown, field: string, maxLength: number, details: RuleDetails = {}): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw entryError(FinancialEntryRule.INVALID_VALUE, field, 'must be text', details);
  if (value.trim() === '') return null;
  // UTF-16 units bound the code points from above: count them only when the units exceed the limit.
  const length = value.length <= maxLength ? value.length : [...value].length;
  if (length > maxLength)
    throw entryError(FinancialEntryRule.TOO_LONG, field, `at most ${maxLength} characters, got ${length}`, { ...details, maxLength });
  // Within its length, textProblem's only other rule is no control characters: tested alone here.
  if (!CONTROL.test(value)) return value;
  const problem = textProblem(value, 1, maxLength);
  if (problem) throw entryError(FinancialEntryRule.INVALID_VALUE, field, problem, details);
  return value;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar day: `YYYY-MM-DD` text (the statement parsers' dates) or a Date (its UTC day), as
 * midnight UTC, the way the gateway stores dates.
 */
export function checkDay(value: unknown, field: string, details: RuleDetails = {}): Date {
  if (value === null || value === undefined || value === '')
    throw entryError(FinancialEntryRule.REQUIRED, field, 'a date is required', details);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw entryError(FinancialEntryRule.INVALID_VALUE, field, 'must be a date', details);
    return new Date(Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate()));
  }
  // A statement's lines share a few days: each distinct text is checked once.
  const time = typeof value === 'string' ? DAYS.get(value, dayTime) : null;
  if (time === null) {
    throw entryError(FinancialEntryRule.INVALID_VALUE, field, `must be a day such as 2026-06-15, got ${JSON.stringify(value)}`, details);
  }
  return new Date(time);
}

/** Midnight UTC of a `YYYY-MM-DD` day from 1900 on (its time), or null when the text is no such day. */
function dayTime(text: string): number | null {
  const m = DAY.exec(text);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  return !m || !d || d.toISOString().slice(0, 10) !== text || d.getUTCFullYear() < 1900 ? null : d.getTime();
}

const DAYS = new BoundedMemo<string, number | null>(10_000);

/**
 * The balance rule of every entry (Exact's, and every statement format's: CODA records 1, 2.1 and
 * 8, CAMT OPBD/CLBD, MT940 :60F:/:62F:): the opening balance plus the lines is exactly the
 * closing balance. UNBALANCED naming `field` (the closing balance), with the sum it should be.
 */
export function checkBalance(opening: string, amounts: readonly string[], closing: string, field: string): void {
  if (balancesInHundredths(opening, amounts, closing)) return;
  const expected = amounts.reduce((sum, a) => sum.plus(a), new Dec(opening));
  if (expected.eq(closing)) return;
  const difference = new Dec(closing).minus(expected).toFixed(STORED_SCALE);
  const sum = expected.toFixed(STORED_SCALE);
  const why = `the opening balance ${opening} plus the lines (${amounts.length}) is ${sum}, not ${closing} (a difference of ${difference})`;
  throw entryError(FinancialEntryRule.UNBALANCED, field, why, { expected: sum, difference });
}

/** True when every amount has two decimals and they balance, summed exactly as BigInt hundredths. */
function balancesInHundredths(opening: string, amounts: readonly string[], closing: string): boolean {
  let sum = hundredthsOf(opening);
  const end = hundredthsOf(closing);
  if (sum === null || end === null) return false;
  for (const amount of amounts) {
    const h = hundredthsOf(amount);
    if (h === null) return false;
    sum += h;
  }
  return sum === end;
}

/** Refuses more lines than one entry may have. */
export function checkLineCount(count: number, field: string, max = MAX_ENTRY_LINES): void {
  if (count > max) throw entryError(FinancialEntryRule.TOO_MANY_LINES, field, `at most ${max} lines per entry, got ${count}`, { max });
}
