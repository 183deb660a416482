import { BUSINESS_YEARS, businessDateProblem, dayOf } from '../../platform/dates';
import { INT32_MAX, integerProblem, listProblem, MAX_IDS_PER_CALL, percentageProblem } from '../../platform/validation';
import { canonicalCurrency, currencyProblem, minorUnits } from '../../platform/currency';
import { canonicalGuid } from '../../platform/guid';
import { electronicFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';
import { CatalogColumn, storedColumns } from '../../catalog';
import { PAYMENTS } from '../../catalog/tables/payments';
import { Dec, isDecimalText } from '../../platform/decimal';
import { Payment } from './payment.entity';
import { PaymentStatus } from '../../catalog/codes';
import { PaymentRule, ruleError } from './payment.errors';

/**
 * The catalog-driven rules of a payment row that need no database: required columns, lengths,
 * decimal scales, currencies, AmountFC x RateFC = AmountDC, dates, and which columns each status
 * still lets change. Rules that read other rows live in payment.references.ts.
 */

/**
 * Columns the server sets (audit, workflow, and the ID of a new payment); never taken from input.
 * The ID is not the caller's to choose: IDs are unique over all divisions, so a chosen ID that a
 * payment of another division holds could be neither accepted nor refused without telling the
 * caller that the payment exists (idempotency keys make a create safe to retry instead).
 */
export const SERVER_MANAGED = new Set([
  'ID', 'Created', 'CreatedUtc', 'Creator', 'Modified', 'ModifiedUtc', 'Modifier',
  'Status', 'Source', 'CashflowTransactionBatchCode', 'PaymentBatchNumber', 'Document',
  'PaymentSelected', 'PaymentSelector', 'EndDate', 'EndPeriod', 'EndYear', 'IsBatchBooking',
]);

/** Required columns the server fills when the input leaves them out. */
const DEFAULTED = new Set(['ID', 'EntryID', 'PaymentMethod']);

export const CREATE_COLUMNS: readonly CatalogColumn[] = storedColumns(PAYMENTS).filter((c) => !SERVER_MANAGED.has(c.name));
/** A payment never moves to another division and keeps its ID. */
export const UPDATE_COLUMNS: readonly CatalogColumn[] = CREATE_COLUMNS.filter((c) => c.name !== 'ID' && c.name !== 'Division');

/** Columns a selected payment (Status 30) may no longer change: what it will pay. */
export const AMOUNT_COLUMNS = new Set(['AmountDC', 'AmountFC', 'RateFC', 'AmountDiscountDC', 'AmountDiscountFC', 'Currency']);
/** The only columns a processed or matched payment (Status 40, 50) may still change. */
export const DESCRIPTIVE_COLUMNS = new Set(['Description', 'YourRef']);

export type PaymentValues = Partial<Record<keyof Payment, unknown>>;

const byField = new Map(storedColumns(PAYMENTS).map((c) => [c.field, c]));

export function columnOfField(field: string): CatalogColumn {
  const c = byField.get(field);
  if (!c) throw new Error(`Unknown payment field ${field}`);
  return c;
}

/**
 * A value as the gateway stores it: currency codes upper case (ISO 4217's form, so `eur` and
 * EUR are one currency on every database), GUIDs lower case. Other values are returned as given.
 */
export function canonicalValue(field: string, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (field === 'currency') return canonicalCurrency(value);
  return columnOfField(field).type === 'guid' ? canonicalGuid(value) : value;
}

/** How strictly AmountDC must equal AmountFC x RateFC. */
export interface RowCheckOptions {
  /**
   * Currency of the payment's division (AmountDC is in it); its minor units decide the scale of
   * the DC amounts and the rounding of AmountFC x RateFC. Unknown: 2 decimals.
   */
  divisionCurrency?: string | null;
  /**
   * 'exact' (default): AmountDC is AmountFC x RateFC rounded to the division currency's minor
   * unit. 'allocated': it may differ from that by one minor unit, the cent a split moves when it
   * shares AmountDC over its parts so that they add up exactly to the whole (see allocate in
   * payment-split.service.ts), and that an unchanged split part keeps on later updates.
   */
  rate?: 'exact' | 'allocated';
}

/** Amount columns in the payment's currency and in the division's. */
const FC_AMOUNTS = ['amountFC', 'amountDiscountFC', 'transactionAmountFC'] as const;
const DC_AMOUNTS = ['amountDC', 'amountDiscountDC', 'transactionAmountDC'] as const;

/**
 * Decimals an amount in `currency` may have: the currency's minor units (ISO 4217: JPY 0, EUR 2,
 * KWD 3), at most the scale the column stores (2, as Exact's amount columns).
 */
export function amountScale(currency: string | null | undefined, field: string): { scale: number; why: string } {
  const stored = columnOfField(field).scale ?? 2;
  const units = currency && !currencyProblem(currency) ? minorUnits(currency) : stored;
  if (units > stored) return { scale: stored, why: `${currency} has ${units} decimals, but amounts are stored with ${stored}` };
  return { scale: units, why: currency && units < stored ? `${currency} has ${units} decimals` : `amounts have ${units} decimals` };
}

/**
 * Rules of one complete candidate row (after defaults, or the current row with an update
 * applied). Throws the first broken rule; `index` positions it in a bulk input. The currency must
 * be canonical already (see canonicalCurrency).
 */
export function checkRow(row: PaymentValues, index?: number, options: RowCheckOptions = {}): void {
  const at = { index, ...(row.id ? { id: String(row.id) } : {}) };
  for (const c of CREATE_COLUMNS) {
    const value = row[c.field as keyof Payment];
    if (value === null || value === undefined) {
      if (c.required && !DEFAULTED.has(c.name)) throw ruleError(PaymentRule.REQUIRED, c.field, `${c.labelEn} (${c.name}) is required`, at);
      continue;
    }
    checkColumnValue(c, value, at);
  }
  const currency = String(row.currency);
  const problem = currencyProblem(currency);
  if (problem) throw ruleError(PaymentRule.INVALID_CURRENCY, 'currency', problem, at);
  const divisionCurrency = options.divisionCurrency && !currencyProblem(options.divisionCurrency) ? options.divisionCurrency : null;
  for (const [fields, inCurrency] of [[FC_AMOUNTS, currency], [DC_AMOUNTS, divisionCurrency]] as const) {
    for (const field of fields) {
      const raw = row[field];
      if (raw === null || raw === undefined) continue;
      const { scale, why } = amountScale(inCurrency, field);
      if (new Dec(String(raw)).decimalPlaces() > scale) {
        throw ruleError(PaymentRule.AMOUNT_SCALE, field, `at most ${scale} decimals (${why})`, { ...at, scale });
      }
    }
  }
  const amountFC = new Dec(String(row.amountFC));
  const rate = new Dec(String(row.rateFC));
  const amountDC = new Dec(String(row.amountDC));
  if (rate.lte(0)) throw ruleError(PaymentRule.INVALID_VALUE, 'rateFC', 'the exchange rate must be positive', at);
  const dcScale = amountScale(divisionCurrency, 'amountDC').scale;
  const product = amountFC.times(rate).toDecimalPlaces(dcScale, Dec.ROUND_HALF_UP);
  const allowed = options.rate === 'allocated' ? new Dec(1).dividedBy(new Dec(10).pow(dcScale)) : new Dec(0);
  if (product.minus(amountDC).abs().gt(allowed)) {
    const unit = dcScale === 2 ? 'cent' : 'minor unit';
    const how = allowed.isZero() ? `to the ${unit}` : `within ${allowed.toFixed(dcScale)}, the ${unit} a split moves`;
    const [expected, got] = [product.toFixed(dcScale), amountDC.toFixed(dcScale)];
    const message = `AmountFC x RateFC = ${expected}, not ${got} (${how})`;
    throw ruleError(PaymentRule.AMOUNT_RATE_MISMATCH, 'amountDC', message, { ...at, expected });
  }
  for (const [discountField, amount] of [['amountDiscountDC', amountDC], ['amountDiscountFC', amountFC]] as const) {
    const raw = row[discountField];
    if (raw === null || raw === undefined) continue;
    const discount = new Dec(String(raw));
    if (discount.isNegative() !== amount.isNegative() && !discount.isZero()) throw ruleError(PaymentRule.DISCOUNT_EXCEEDS_AMOUNT, discountField, 'the discount must have the sign of the amount', at);
    if (discount.abs().gt(amount.abs())) throw ruleError(PaymentRule.DISCOUNT_EXCEEDS_AMOUNT, discountField, 'the discount exceeds the amount', at);
  }
  const invoice = row.invoiceDate as Date;
  const due = row.dueDate as Date;
  if (dayOf(due) < dayOf(invoice)) throw ruleError(PaymentRule.DUE_BEFORE_INVOICE, 'dueDate', `the due date ${dayOf(due)} is before the invoice date ${dayOf(invoice)}`, at);
  const discountDue = row.discountDueDate as Date | null | undefined;
  if (discountDue && dayOf(discountDue) < dayOf(invoice)) {
    const why = `the discount due date ${dayOf(discountDue)} is before the invoice date ${dayOf(invoice)}`;
    throw ruleError(PaymentRule.DUE_BEFORE_INVOICE, 'discountDueDate', why, at);
  }
}

/** Longest payment term, in days (PaymentDays, PaymentDaysDiscount): ten years. */
export const MAX_PAYMENT_DAYS = 3660;

/**
 * What the domain allows in payment columns beyond their type: a percentage is 0 to 100, day
 * counts are not negative, a reporting period is one of at most 13 (Exact's 4-weekly years have
 * 13), years and numbers are real ones. Dates are checked for all date columns (BUSINESS_YEARS).
 */
const DOMAIN_RULES: Readonly<Record<string, (value: unknown) => string | undefined>> = {
  paymentDiscountPercentage: percentageProblem,
  paymentDays: (v) => integerProblem(v, 0, MAX_PAYMENT_DAYS),
  paymentDaysDiscount: (v) => integerProblem(v, 0, MAX_PAYMENT_DAYS),
  transactionReportingPeriod: (v) => integerProblem(v, 1, 13),
  transactionReportingYear: (v) => integerProblem(v, BUSINESS_YEARS.first, BUSINESS_YEARS.last),
  entryNumber: (v) => integerProblem(v, 1, INT32_MAX),
  invoiceNumber: (v) => integerProblem(v, 1, INT32_MAX),
};

/** Type, length and scale of one value against its catalog column. */
export function checkColumnValue(c: CatalogColumn, value: unknown, at: { index?: number; id?: string } = {}): void {
  switch (c.type) {
    case 'string':
      if (typeof value !== 'string') throw ruleError(PaymentRule.INVALID_VALUE, c.field, 'must be text', at);
      if (c.required && value.trim() === '') throw ruleError(PaymentRule.REQUIRED, c.field, `${c.labelEn} (${c.name}) is required`, at);
      if (c.length !== undefined && [...value].length > c.length) {
        throw ruleError(PaymentRule.TOO_LONG, c.field, `at most ${c.length} characters, got ${[...value].length}`, { ...at, maxLength: c.length });
      }
      break;
    case 'decimal': {
      const text = String(value);
      if (!isDecimalText(text)) throw ruleError(PaymentRule.INVALID_VALUE, c.field, 'must be a decimal number', at);
      const d = new Dec(text);
      const scale = c.scale ?? 0;
      if (d.decimalPlaces() > scale) throw ruleError(PaymentRule.AMOUNT_SCALE, c.field, `at most ${scale} decimals`, at);
      const integerDigits = d.abs().trunc().toFixed().replace(/^0$/, '').length;
      if (c.precision !== undefined && integerDigits > c.precision - scale) {
        throw ruleError(PaymentRule.INVALID_VALUE, c.field, `at most ${c.precision - scale} digits before the decimal point`, at);
      }
      break;
    }
    case 'datetime': {
      if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw ruleError(PaymentRule.INVALID_VALUE, c.field, 'must be a date-time', at);
      const problem = businessDateProblem(value);
      if (problem) throw ruleError(PaymentRule.INVALID_VALUE, c.field, problem, at);
      break;
    }
    case 'int16':
    case 'int32':
      if (!Number.isInteger(value)) throw ruleError(PaymentRule.INVALID_VALUE, c.field, 'must be an integer', at);
      if (c.type === 'int16' && Math.abs(value as number) > 32767) throw ruleError(PaymentRule.INVALID_VALUE, c.field, 'out of range', at);
      break;
    default:
      break;
  }
  const problem = DOMAIN_RULES[c.field]?.(value);
  if (problem) throw ruleError(PaymentRule.INVALID_VALUE, c.field, problem, at);
}

/**
 * Which of the changed columns the payment's status forbids: Selected keeps its amounts,
 * Processed and Matched keep everything but the descriptive columns.
 */
export function checkStatusAllowsChange(current: Payment, changedFields: string[], index?: number): void {
  const at = { index, id: current.id, status: current.status };
  for (const field of changedFields) {
    const c = columnOfField(field);
    if (current.status >= PaymentStatus.PROCESSED && !DESCRIPTIVE_COLUMNS.has(c.name)) {
      throw ruleError(PaymentRule.STATUS_LOCKED, field, `a ${PaymentStatus[current.status].toLowerCase()} payment (Status ${current.status}) can only change ${[...DESCRIPTIVE_COLUMNS].join(', ')}`, at);
    }
    if (current.status === PaymentStatus.SELECTED && AMOUNT_COLUMNS.has(c.name)) {
      throw ruleError(PaymentRule.AMOUNTS_LOCKED, field, 'the amounts of a selected payment (Status 30) cannot change; deselect it first', at);
    }
  }
}

/** A version as read from a payment: a whole number from 1 (versions start at 1). */
export function checkVersion(version: unknown, index?: number): void {
  const problem = integerProblem(version, 1, INT32_MAX);
  if (problem) throw ruleError(PaymentRule.INVALID_VALUE, 'version', problem, { index });
}

/**
 * What is wrong with the IDs a call names (`paymentIDs` of selectPayments, matchPayments,
 * processPayments, ...): none (REQUIRED), more than MAX_IDS_PER_CALL or one named twice
 * (INVALID_VALUE). Each module answers with the rule of its own vocabulary.
 */
export function paymentIdsProblem(ids: readonly string[]): { rule: 'REQUIRED' | 'INVALID_VALUE'; why: string } | undefined {
  if (ids.length === 0) return { rule: 'REQUIRED', why: 'at least one payment is required' };
  const why = listProblem(ids, { max: MAX_IDS_PER_CALL, key: String });
  return why ? { rule: 'INVALID_VALUE', why } : undefined;
}

export function checkDeletable(current: Payment, index?: number): void {
  if (current.status >= PaymentStatus.PROCESSED) {
    throw ruleError(PaymentRule.NOT_DELETABLE, 'id', `a ${PaymentStatus[current.status].toLowerCase()} payment (Status ${current.status}) cannot be deleted`, { index, id: current.id, status: current.status });
  }
}

/** True when two stored values of a column are the same (decimals compared exactly). */
export function sameValue(c: CatalogColumn, a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (c.type === 'decimal') return new Dec(String(a)).eq(String(b));
  if (c.type === 'datetime') return (a as Date).getTime() === (b as Date).getTime();
  return a === b;
}

/** A bank account number as an IBAN, or the reason it is not a valid one. */
export function ibanProblem(number: string | null | undefined): string | undefined {
  if (!number) return 'no bank account number';
  const iban = electronicFormatIBAN(number) ?? '';
  return isValidIBAN(iban) ? undefined : `${number} is not a valid IBAN`;
}

export function bicProblem(bic: string | null | undefined): string | undefined {
  if (!bic) return undefined;
  return isValidBIC(bic) ? undefined : `${bic} is not a valid BIC`;
}

/** Looks like an IBAN (country letters and check digits) rather than another account number. */
export function looksLikeIban(number: string): boolean {
  return /^[A-Z]{2}[0-9]{2}/i.test(number.replace(/\s+/g, ''));
}
