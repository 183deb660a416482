import { composeIBAN, isValidIBAN } from 'ibantools';
import { BoundedMemo } from '../../platform/bounded-memo';
import { currencyProblem, minorUnits } from '../../platform/currency';
import type { Dec } from '../../platform/decimal';
import { parseBelgianReference, parseCreditorReference } from '../structured-reference';
import type { StatementRule } from './errors';
import type { StructuredRemittance } from './types';

/**
 * Field values shared by the three parsers: amounts as exact decimal text, calendar days, account
 * numbers and references. Each parser of a value returns it or throws a ValueProblem, which the
 * format's parser turns into a StatementFormatError naming the line.
 */
export class ValueProblem extends Error {
  constructor(
    readonly rule: StatementRule,
    message: string,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------
// Amounts

/** Currencies' minor units, by the code as a file writes it (bounded: a file may write anything there). */
const MINOR_UNITS = new BoundedMemo<string, number>(1000);

/** ISO 4217 minor units of a currency; 0 for a code ISO does not list (its amounts keep the file's digits). */
export function currencyMinorUnits(currency: string): number {
  return MINOR_UNITS.get(currency, (code) => (currencyProblem(code) === null ? minorUnits(code) : 0));
}

/**
 * Canonical signed decimal text from the digits before and after the decimal mark: leading zeros
 * of the whole part and trailing zeros of the fraction beyond the currency's minor units dropped,
 * the fraction padded to the minor units, no sign on zero.
 */
export function decimalText(negative: boolean, whole: string, fraction: string, minor: number): string {
  let w = whole;
  let i = 0;
  while (i < w.length - 1 && w.charCodeAt(i) === 48) i++;
  if (i) w = w.slice(i);
  let f = fraction;
  let end = f.length;
  while (end > minor && f.charCodeAt(end - 1) === 48) end--;
  if (end < f.length) f = f.slice(0, end);
  if (f.length < minor) f = f.padEnd(minor, '0');
  const zero = (w === '0' || w === '') && !/[1-9]/.test(f);
  return `${negative && !zero ? '-' : ''}${w || '0'}${f ? `.${f}` : ''}`;
}

/** A computed amount as text for messages: at least the currency's minor units, all its digits. */
export function moneyText(value: Dec, currency: string): string {
  return value.toFixed(Math.max(currencyMinorUnits(currency), value.decimalPlaces()));
}

const DIGITS = /^\d+$/;

/**
 * A CODA amount: 15 digits, the last 3 of them decimals (Febelfin CODA 2.6, e.g. record 2.1
 * positions 33-47), with the sign digit beside it (`0` credit, `1` debit).
 */
export function codaAmount(signDigit: string, digits: string, currency: string): string {
  if (signDigit !== '0' && signDigit !== '1')
    throw new ValueProblem('BAD_AMOUNT', `sign ${JSON.stringify(signDigit)} is neither 0 (credit) nor 1 (debit)`);
  if (digits.length !== 15 || !DIGITS.test(digits))
    throw new ValueProblem('BAD_AMOUNT', `amount ${JSON.stringify(digits)} is not 15 digits`);
  return decimalText(signDigit === '1', digits.slice(0, 12), digits.slice(12), currencyMinorUnits(currency));
}

const CAMT_AMOUNT = /^(\d{1,18})(?:\.(\d{1,5}))?$/;

/**
 * A camt.053 amount (ISO 20022 ActiveOrHistoricCurrencyAndAmount: up to 18 digits, at most 5 of
 * them decimals, `.` as the mark, no sign) made signed by its `CdtDbtInd` (CRDT / DBIT).
 */
export function camtAmount(text: string, creditDebit: string, currency: string): string {
  const m = CAMT_AMOUNT.exec(text.trim());
  if (!m || m[1].length + (m[2]?.length ?? 0) > 18)
    throw new ValueProblem('BAD_AMOUNT', `amount ${JSON.stringify(text)} is not an ISO 20022 amount`);
  if (creditDebit !== 'CRDT' && creditDebit !== 'DBIT') {
    throw new ValueProblem('BAD_AMOUNT', `credit/debit indicator ${JSON.stringify(creditDebit)} is neither CRDT nor DBIT`);
  }
  return decimalText(creditDebit === 'DBIT', m[1], m[2] ?? '', currencyMinorUnits(currency));
}

const SWIFT_AMOUNT = /^(\d+),(\d*)$/;

/** An MT940 amount (SWIFT `15d`: digits with a decimal comma, e.g. `9,` or `1234,5`), signed by the caller. */
export function swiftAmount(text: string, negative: boolean, currency: string): string {
  const m = SWIFT_AMOUNT.exec(text);
  if (!m || text.length > 15)
    throw new ValueProblem('BAD_AMOUNT', `amount ${JSON.stringify(text)} is not a SWIFT amount (digits with a decimal comma)`);
  return decimalText(negative, m[1], m[2], currencyMinorUnits(currency));
}

/** An ISO 4217 code as three capital letters, or a ValueProblem. */
export function currencyCode(text: string): string {
  const code = text.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) throw new ValueProblem('BAD_RECORD', `currency ${JSON.stringify(text)} is not an ISO 4217 code`);
  return code;
}

// ---------------------------------------------------------------------------------------------
// Dates

function isoDay(year: number, month: number, day: number, text: string): string {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > days) throw new ValueProblem('BAD_DATE', `${JSON.stringify(text)} is not a date`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Two-digit years: 00-79 are 2000-2079, 80-99 are 1980-1999 (CODA and MT940 predate 1980 nowhere). */
export function fullYear(twoDigits: number): number {
  return twoDigits < 80 ? 2000 + twoDigits : 1900 + twoDigits;
}

/**
 * The days read last, by their text: a statement's lines share a handful of dates, and a date
 * costs a regular expression and a calendar check. Bounded; only valid dates are kept.
 */
const CODA_DAYS = new BoundedMemo<string, string>(1024);
const ISO_DAYS = new BoundedMemo<string, string>(1024);

/** CODA DDMMYY; `000000` or blanks (no date given, e.g. an unknown value date) is null. */
export function dateDDMMYY(text: string): string | null {
  if (/^(0{6}| {6})$/.test(text)) return null;
  return CODA_DAYS.get(text, codaDay);
}

function codaDay(text: string): string {
  if (!/^\d{6}$/.test(text)) throw new ValueProblem('BAD_DATE', `${JSON.stringify(text)} is not a DDMMYY date`);
  return isoDay(fullYear(Number(text.slice(4, 6))), Number(text.slice(2, 4)), Number(text.slice(0, 2)), text);
}

/** SWIFT YYMMDD (MT940 `:60F:`, `:61:`, `:62F:`). */
export function dateYYMMDD(text: string): string {
  if (!/^\d{6}$/.test(text)) throw new ValueProblem('BAD_DATE', `${JSON.stringify(text)} is not a YYMMDD date`);
  return isoDay(fullYear(Number(text.slice(0, 2))), Number(text.slice(2, 4)), Number(text.slice(4, 6)), text);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/** An ISO 20022 date (`2014-12-31`) or date-time (`2014-12-31T13:15:00+01:00`): its calendar day as written. */
export function isoDate(text: string): string {
  return ISO_DAYS.get(text, isoDayOf);
}

function isoDayOf(text: string): string {
  const m = ISO_DATE.exec(text.trim());
  if (!m) throw new ValueProblem('BAD_DATE', `${JSON.stringify(text)} is not an ISO 8601 date or date-time`);
  return isoDay(Number(m[1]), Number(m[2]), Number(m[3]), text);
}

// ---------------------------------------------------------------------------------------------
// Accounts

/** An account number: a valid IBAN, or another number; at most one of the two is set. */
export interface AccountNumber {
  iban: string | null;
  otherId: string | null;
}

/**
 * An account number as a bank writes it: a valid IBAN (spaces and case ignored) becomes `iban`
 * in electronic form, anything else `otherId` (spaces removed); blank is neither.
 */
export function accountNumber(text: string | null | undefined): AccountNumber {
  // A statement names the same counterparties again and again (as accountKey remembers for the
  // store, statement.input.ts): each text's answer, its IBAN check included, is kept for the last
  // 10,000 texts. The answers are frozen: callers copy them, never change them.
  return text ? ACCOUNTS.get(text, accountNumberOf) : NO_ACCOUNT;
}

function accountNumberOf(text: string): AccountNumber {
  const compact = SPACE.test(text) ? text.replace(/\s+/g, '') : text;
  const upper = compact.toUpperCase();
  return Object.freeze(!compact ? NO_ACCOUNT : isValidIBAN(upper) ? { iban: upper, otherId: null } : { iban: null, otherId: compact });
}

const NO_ACCOUNT: AccountNumber = Object.freeze({ iban: null, otherId: null });
const ACCOUNTS = new BoundedMemo<string, AccountNumber>(10_000);
const SPACE = /\s/;

/**
 * A Belgian account number (BBAN, 12 digits, the last two the first ten modulo 97) with its IBAN,
 * which the Belgian IBAN format fixes (`BE`, check digits, the BBAN); a number whose national check
 * fails stays `otherId`.
 */
export function belgianAccount(bban: string): AccountNumber {
  const digits = bban.replace(/[\s-]+/g, '');
  if (!/^\d{12}$/.test(digits)) return accountNumber(bban);
  const iban = composeIBAN({ countryCode: 'BE', bban: digits });
  return iban && isValidIBAN(iban) ? { iban, otherId: null } : { iban: null, otherId: digits };
}

const BIC = /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/;

/** A BIC (ISO 9362, 8 or 11 characters) in upper case, or null when the text is none. */
export function bicOrNull(text: string | null | undefined): string | null {
  if (!text) return null;
  // as written in most files: compact and upper case already
  if (BIC.test(text)) return text;
  const compact = text.replace(/\s+/g, '').toUpperCase();
  return BIC.test(compact) ? compact : null;
}

// ---------------------------------------------------------------------------------------------
// Texts and references

/** Trimmed text, or null when nothing is left. */
export function textOrNull(text: string | null | undefined): string | null {
  const t = text?.trim();
  return t ? t : null;
}

/** An end-to-end id; `NOTPROVIDED` is the SEPA rulebook's way of giving none. */
export function endToEndOrNull(text: string | null | undefined): string | null {
  const t = textOrNull(text);
  return t === null || t.toUpperCase() === 'NOTPROVIDED' ? null : t;
}

/**
 * A reference the file marks as structured, classified: a valid Belgian structured communication
 * or ISO 11649 reference is BE or RF; 12 digits the file calls Belgian (CODA type 101/102) stay BE
 * with `valid` false when their check digits fail; an `RF..` whose check fails is RF, not valid.
 */
export function structuredReference(text: string, issuer: string | null, claimedBelgian = false): StructuredRemittance | null {
  const compact = text.replace(/\s+/g, '');
  if (!compact) return null;
  const be = parseBelgianReference(text);
  if (be) return { type: 'BE', reference: be, issuer, valid: true };
  const rf = parseCreditorReference(text);
  if (rf) return { type: 'RF', reference: rf, issuer, valid: true };
  if (claimedBelgian && /^\d{12}$/.test(compact)) return { type: 'BE', reference: compact, issuer, valid: false };
  if (/^RF\d{2}[A-Za-z0-9]{1,21}$/.test(compact)) return { type: 'RF', reference: compact.toUpperCase(), issuer, valid: false };
  return { type: 'OTHER', reference: text.trim(), issuer, valid: false };
}
