import { storedColumns } from '../../catalog';
import { PAYMENTS } from '../../catalog/tables/payments';
import { RECEIVABLES } from '../../catalog/tables/receivables';
import type { CatalogColumn, CatalogTable } from '../../catalog/types';
import { canonicalCurrency, minorUnits } from '../../platform/currency';
import { Dec, PLAIN_DECIMAL_TEXT, roundHalfUpText } from '../../platform/decimal';

/**
 * From Exact's JSON to catalog rows. Exact sends amounts as JSON doubles: the text of each number
 * is kept (lossless-json hands every number over as its text, never through a binary float) and
 * rounded with decimal.js, half away from zero, to the currency's minor units (ISO 4217) or the
 * column's scale, whichever is smaller. Dates arrive as `/Date(ms)/`, milliseconds since 1970
 * UTC, and become that instant.
 */

/** Minor units per currency code, looked up once (ISO 4217 via currency-codes). */
const MINOR_UNITS = new Map<string, number>();

/**
 * An Exact row as parsed: strings, booleans, null, and numbers either as their JSON text or as a
 * JS number whose shortest text (`String(n)`) is the same decimal (see parsePage).
 */
export type ExactRow = Record<string, string | number | boolean | null>;

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

/**
 * A number in value position (after `:`, `,` or `[`) that a binary double might not give back as
 * the same decimal: 16 or more digits and dots in a row, or an exponent. Every decimal of at most
 * 15 significant digits survives JSON.parse and `String()` unchanged in value (a double holds 15
 * significant digits exactly, and the shortest text that reads back as the same double is then
 * that decimal). Text inside strings can match too (`"a:1234567890123456"`): that only costs the
 * slower exact pass, never a wrong value.
 */
const LOSSY_NUMBER = /[:,[]\s*-?(?:[\d.]{16}|\d[\d.]*[eE])/;

/**
 * Parses an OData JSON answer `{"d": {"results": [...], "__next": "..."}}`; ExactMalformedError
 * otherwise. Numbers stay exact: a page whose numbers all have at most 15 significant digits (every
 * amount Exact keeps) goes straight through JSON.parse, six times faster; any other page is parsed
 * with each number kept as its JSON text.
 */
export function parsePage(text: string): ExactPage {
  let body: unknown;
  try {
    const exact = LOSSY_NUMBER.test(text) ? text.replace(JSON_TOKEN, (token) => (token.charCodeAt(0) === 34 ? token : `"${token}"`)) : text;
    body = JSON.parse(exact);
  } catch {
    throw new ExactMalformedError('the answer is not JSON');
  }
  const d = (body as { d?: { results?: unknown; __next?: unknown } } | null)?.d;
  if (!d || !Array.isArray(d.results)) throw new ExactMalformedError('the answer has no d.results');
  return { results: d.results as ExactRow[], next: typeof d.__next === 'string' ? d.__next : null };
}

/** Line types of sync/Cashflow/PaymentTerms: 20 receipt (a receivable), 22 payment (a payable). */
/** Rows a sync or bulk page holds at most (Exact: 1,000); a full page without `__next` is followed from its high-water mark. */
export const SYNC_PAGE_SIZE = 1000;
/** The endpoint that lists deletions of every sync/ table, by EntityType (Exact's SyncDeleted reference). */
export const DELETED = 'sync/Deleted';

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

/**
 * A JSON number's text rounded to `scale` decimals, half away from zero, as fixed text with
 * `fixedScale` decimals; null stays null. Text with no more decimals than `scale` needs no
 * rounding and is only padded with zeros; anything else is rounded by decimal.js.
 */
export function exactDecimal(value: unknown, scale: number, field: string, fixedScale = scale): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value);
  // Plain decimal text (no exponent, no leading zeros) is the fast case.
  const plain = PLAIN_DECIMAL_TEXT.exec(text);
  const decimals = plain ? (plain[3]?.length ?? 0) : Infinity;
  // Negative zero is left to decimal.js, which writes it without the sign.
  if (decimals <= scale && decimals <= fixedScale && !(text.charCodeAt(0) === 45 && /^-0(\.0*)?$/.test(text))) {
    if (decimals === fixedScale) return text;
    return (decimals ? text : `${text}.`) + '0'.repeat(fixedScale - decimals);
  }
  if (plain && scale <= fixedScale) {
    // More decimals than the scale: rounded on the text (no decimal.js object per value).
    const rounded = roundHalfUpText(text, scale)!;
    return fixedScale === scale ? rounded : `${rounded}${scale ? '' : '.'}${'0'.repeat(fixedScale - scale)}`;
  }
  if (!plain && !/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text)) {
    throw new ExactMalformedError(`${field}: not a number: ${JSON.stringify(value)}`);
  }
  return new Dec(text).toDecimalPlaces(scale, Dec.ROUND_HALF_UP).toFixed(fixedScale);
}

/** Amount columns in the division's currency (the others of a side are in the row's Currency). */
const DIVISION_CURRENCY_AMOUNTS = new Set(['AmountDC', 'AmountDiscountDC', 'TransactionAmountDC']);

/** The rows' value of a column (already known not null) as its entity value; currencies of the row and division. */
type Converter = (value: string | number | boolean, rowCurrency: string, divisionCurrency: string) => unknown;

/** One stored column of a table as the mapping fills it: entity field, Exact name, whether required, conversion. */
interface ColumnStep {
  readonly field: string;
  readonly name: string;
  readonly required: boolean;
  readonly convert: Converter;
}

/** Column plans by table, made once: the catalog is walked per table, not per row. */
const PLANS = new Map<CatalogTable, { steps: readonly ColumnStep[]; utcCopies: boolean }>();

function planOf(table: CatalogTable): { steps: readonly ColumnStep[]; utcCopies: boolean } {
  let plan = PLANS.get(table);
  if (!plan) {
    const steps = storedColumns(table)
      .filter((c) => !GATEWAY_COLUMNS.has(c.name))
      .map((c) => ({ field: c.field, name: c.name, required: c.required, convert: converterOf(c) }));
    plan = { steps, utcCopies: table.columns.some((c) => c.name === 'CreatedUtc') };
    PLANS.set(table, plan);
  }
  return plan;
}

/**
 * The entity values of one catalog table from an Exact payment term: every stored column the row
 * carries, converted by the column's type; the gateway division instead of Exact's; CreatedUtc and
 * ModifiedUtc (Payments) equal Created and Modified, which Exact's JSON gives in UTC already.
 * Throws ExactMalformedError naming the field when a value does not fit its column.
 */
export function mapExactRow(table: CatalogTable, raw: ExactRow, division: number, divisionCurrency: string): Record<string, unknown> {
  const { steps, utcCopies } = planOf(table);
  const values: Record<string, unknown> = {};
  const currency = String(canonicalCurrency(raw.Currency ?? divisionCurrency));
  for (const step of steps) {
    const v = raw[step.name];
    const value = v === null || v === undefined ? null : step.convert(v, currency, divisionCurrency);
    if (value === null && step.required) throw new ExactMalformedError(`${step.name}: required, missing in row ${String(raw.ID)}`);
    values[step.field] = value;
  }
  values.divisionCode = division;
  if (utcCopies) {
    values.createdUtc = values.created;
    values.modifiedUtc = values.modified;
  }
  return values;
}

/** How a column's value is converted, chosen once per column by its type. */
function converterOf(c: CatalogColumn): Converter {
  switch (c.type) {
    case 'guid':
      return (value) => String(value).toLowerCase();
    case 'string':
      return c.name === 'Currency' ? (value) => canonicalCurrency(String(value)) : (value) => String(value);
    case 'int16':
    case 'int32':
    case 'int64':
      return (value) => {
        const n = Number(value);
        if (!Number.isSafeInteger(n)) throw new ExactMalformedError(`${c.name}: not a whole number: ${JSON.stringify(value)}`);
        return n;
      };
    case 'decimal': {
      const scale = c.scale ?? 2;
      const isAmount = c.name.startsWith('Amount') || c.name.startsWith('TransactionAmount');
      if (!isAmount) return (value) => exactDecimal(value, scale, c.name);
      const inDivisionCurrency = DIVISION_CURRENCY_AMOUNTS.has(c.name);
      return (value, rowCurrency, divisionCurrency) => {
        const minor = minorUnitsOr(inDivisionCurrency ? divisionCurrency : rowCurrency, scale);
        return exactDecimal(value, Math.min(scale, minor), c.name, scale);
      };
    }
    case 'datetime':
      return (value) => exactDate(value, c.name);
    case 'boolean':
      return (value) => value === true || value === 'true' || value === '1' || value === 1;
    case 'blob':
      return () => null;
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
