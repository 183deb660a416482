import { storedColumns } from '../../catalog';
import { PAYMENTS } from '../../catalog/tables/payments';
import { RECEIVABLES } from '../../catalog/tables/receivables';
import type { CatalogColumn, CatalogTable } from '../../catalog/types';
import { canonicalCurrency, minorUnits } from '../../platform/currency';
import { Dec } from '../../platform/decimal';

/**
 * From Exact's JSON to catalog rows. Exact sends amounts as JSON doubles: the text of each number
 * is kept (lossless-json hands every number over as its text, never through a binary float) and
 * rounded with decimal.js, half away from zero, to the currency's minor units (ISO 4217) or the
 * column's scale, whichever is smaller. Dates arrive as `/Date(ms)/`, milliseconds since 1970
 * UTC, and become that instant.
 */

/** Minor units per currency code, looked up once (ISO 4217 via currency-codes). */
const MINOR_UNITS = new Map<string, number>();

/** An Exact row as parsed: numbers as their JSON text, strings, booleans, null. */
export type ExactRow = Record<string, string | boolean | null>;

/** A page of an OData answer: `d.results` and `__next` (absent on the last page). */
export interface ExactPage {
  results: ExactRow[];
  next: string | null;
}

/** A malformed answer or row (not JSON, no `d.results`, a required value missing). */
export class ExactMalformedError extends Error {
  override name = 'ExactMalformedError';
}

/**
 * A JSON string (with its escapes) or a JSON number. Scanning left to right, every string is taken
 * whole, so a number matched is never inside a string: quoting each number turns it into its own
 * text for JSON.parse, the way lossless-json hands numbers over (lossless-json itself was 20 times
 * slower on a page of 1,000 rows than this pass plus JSON.parse).
 */
const JSON_TOKEN = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/** Parses an OData JSON answer `{"d": {"results": [...], "__next": "..."}}`; ExactMalformedError otherwise. */
export function parsePage(text: string): ExactPage {
  let body: unknown;
  try {
    body = JSON.parse(text.replace(JSON_TOKEN, (token) => (token.charCodeAt(0) === 34 ? token : `"${token}"`)));
  } catch {
    throw new ExactMalformedError('the answer is not JSON');
  }
  const d = (body as { d?: { results?: unknown; __next?: unknown } } | null)?.d;
  if (!d || !Array.isArray(d.results)) throw new ExactMalformedError('the answer has no d.results');
  return { results: d.results as ExactRow[], next: typeof d.__next === 'string' ? d.__next : null };
}

/** Line types of sync/Cashflow/PaymentTerms: 20 receipt (a receivable), 22 payment (a payable). */
export const LINE_TYPE_RECEIPT = '20';
export const LINE_TYPE_PAYMENT = '22';

/** Columns the gateway sets itself on a synced row (not asked of Exact). */
export const GATEWAY_COLUMNS = new Set(['Division', 'CreatedUtc', 'ModifiedUtc']);

/** The Exact fields the payment-term sync asks for (`$select`): every stored column of both sides, the line type and Timestamp. */
export const PAYMENT_TERM_SELECT: readonly string[] = [
  ...new Set([
    'ID',
    'Timestamp',
    'LineType',
    ...[PAYMENTS, RECEIVABLES].flatMap((t) => storedColumns(t).map((c) => c.name)).filter((n) => !GATEWAY_COLUMNS.has(n)),
  ]),
];

/** `/Date(1735689600000)/` (optionally with an offset, which Exact's JSON dates never carry) as a Date; null stays null. */
export function exactDate(value: unknown, field: string): Date | null {
  if (value === null || value === undefined) return null;
  const m = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/.exec(String(value));
  if (!m) throw new ExactMalformedError(`${field}: not an Exact date: ${JSON.stringify(value)}`);
  return new Date(Number(m[1]));
}

/** A JSON number's text rounded to `scale` decimals, half away from zero, as fixed text; null stays null. */
export function exactDecimal(value: unknown, scale: number, field: string, fixedScale = scale): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value);
  if (!/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text)) throw new ExactMalformedError(`${field}: not a number: ${JSON.stringify(value)}`);
  return new Dec(text).toDecimalPlaces(scale, Dec.ROUND_HALF_UP).toFixed(fixedScale);
}

/** Amount columns in the division's currency (the others of a side are in the row's Currency). */
const DIVISION_CURRENCY_AMOUNTS = new Set(['AmountDC', 'AmountDiscountDC', 'TransactionAmountDC']);

/**
 * The entity values of one catalog table from an Exact payment term: every stored column the row
 * carries, converted by the column's type; the gateway division instead of Exact's; CreatedUtc and
 * ModifiedUtc (Payments) equal Created and Modified, which Exact's JSON gives in UTC already.
 * Throws ExactMalformedError naming the field when a value does not fit its column.
 */
export function mapExactRow(table: CatalogTable, raw: ExactRow, division: number, divisionCurrency: string): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const currency = String(canonicalCurrency(raw.Currency ?? divisionCurrency));
  for (const c of storedColumns(table)) {
    if (GATEWAY_COLUMNS.has(c.name)) continue;
    const value = convert(c, raw[c.name], DIVISION_CURRENCY_AMOUNTS.has(c.name) ? divisionCurrency : currency);
    if (value === null && c.required) throw new ExactMalformedError(`${c.name}: required, missing in row ${String(raw.ID)}`);
    values[c.field] = value;
  }
  values.divisionCode = division;
  if (table.columns.some((c) => c.name === 'CreatedUtc')) {
    values.createdUtc = values.created;
    values.modifiedUtc = values.modified;
  }
  return values;
}

function convert(c: CatalogColumn, value: string | boolean | null | undefined, currency: string): unknown {
  if (value === null || value === undefined) return null;
  switch (c.type) {
    case 'guid':
      return String(value).toLowerCase();
    case 'string':
      return c.name === 'Currency' ? canonicalCurrency(String(value)) : String(value);
    case 'int16':
    case 'int32':
    case 'int64': {
      const n = Number(value);
      if (!Number.isSafeInteger(n)) throw new ExactMalformedError(`${c.name}: not a whole number: ${JSON.stringify(value)}`);
      return n;
    }
    case 'decimal': {
      const scale = c.scale ?? 2;
      const isAmount = c.name.startsWith('Amount') || c.name.startsWith('TransactionAmount');
      return exactDecimal(value, isAmount ? Math.min(scale, minorUnitsOr(currency, scale)) : scale, c.name, scale);
    }
    case 'datetime':
      return exactDate(value, c.name);
    case 'boolean':
      return value === true || value === 'true' || value === '1';
    case 'blob':
      return null;
  }
}

function minorUnitsOr(currency: string, fallback: number): number {
  let digits = MINOR_UNITS.get(currency);
  if (digits === undefined) {
    try {
      digits = minorUnits(currency);
    } catch {
      digits = -1;
    }
    MINOR_UNITS.set(currency, digits);
  }
  return digits < 0 ? fallback : digits;
}
