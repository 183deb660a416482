import { electronicFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';
import { CatalogColumn, storedColumns } from '../../catalog';
import { canonicalCurrency, currencyProblem, minorUnits } from '../../platform/currency';
import { BUSINESS_YEARS, businessDateProblem, dayOf } from '../../platform/dates';
import { Dec, isDecimalText } from '../../platform/decimal';
import { canonicalGuid } from '../../platform/guid';
import { INT32_MAX, integerProblem, listProblem, MAX_IDS_PER_CALL, percentageProblem } from '../../platform/validation';
import { OpenItemKind, OpenItemValues, RowAt } from './open-item';

/**
 * The catalog-driven rules of an open-item row (payable or receivable) that need no database:
 * required columns, lengths, decimal scales, currencies, AmountFC x RateFC = AmountDC, discounts,
 * dates. Rules that read other rows live in references.ts, those of the status in status.ts.
 */

/** Required columns the server fills when the input leaves them out. */
const DEFAULTED = new Set(['ID', 'EntryID', 'PaymentMethod']);

/** How strictly AmountDC must equal AmountFC x RateFC. */
export interface RowCheckOptions {
  /**
   * Currency of the item's division (AmountDC is in it); its minor units decide the scale of
   * the DC amounts and the rounding of AmountFC x RateFC. Unknown: 2 decimals.
   */
  divisionCurrency?: string | null;
  /**
   * 'exact' (default): AmountDC is AmountFC x RateFC rounded to the division currency's minor
   * unit. 'allocated': it may differ from that by one minor unit, the cent a split moves when it
   * shares AmountDC over its parts so that they add up exactly to the whole (see allocate in
   * split.ts), and that an unchanged split part keeps on later updates.
   */
  rate?: 'exact' | 'allocated';
}

/** Longest payment term, in days (PaymentDays, PaymentDaysDiscount): ten years. */
export const MAX_PAYMENT_DAYS = 3660;

/**
 * What the domain allows in open-item columns beyond their type: a percentage is 0 to 100, day
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

/** Amount columns in the item's currency and in the division's. */
const FC_AMOUNTS = ['amountFC', 'amountDiscountFC', 'transactionAmountFC'] as const;
const DC_AMOUNTS = ['amountDC', 'amountDiscountDC', 'transactionAmountDC'] as const;

/** The row rules of one side (its catalog table and its vocabulary); see rulesOf. */
export class OpenItemRules {
  /** Columns a create may give: the stored ones the server does not manage. */
  readonly createColumns: readonly CatalogColumn[];
  /** An item never moves to another division and keeps its ID. */
  readonly updateColumns: readonly CatalogColumn[];
  readonly #byField: Map<string, CatalogColumn>;

  constructor(readonly kind: OpenItemKind) {
    const stored = storedColumns(kind.table);
    this.createColumns = stored.filter((c) => !kind.serverManaged.has(c.name));
    this.updateColumns = this.createColumns.filter((c) => c.name !== 'ID' && c.name !== 'Division');
    this.#byField = new Map(stored.map((c) => [c.field, c]));
  }

  columnOfField(field: string): CatalogColumn {
    const c = this.#byField.get(field);
    if (!c) throw new Error(`Unknown ${this.kind.noun} field ${field}`);
    return c;
  }

  /**
   * A value as the gateway stores it: currency codes upper case (ISO 4217's form, so `eur` and
   * EUR are one currency on every database), GUIDs lower case. Other values are returned as given.
   */
  canonicalValue(field: string, value: unknown): unknown {
    if (typeof value !== 'string') return value;
    if (field === 'currency') return canonicalCurrency(value);
    return this.columnOfField(field).type === 'guid' ? canonicalGuid(value) : value;
  }

  /**
   * Decimals an amount in `currency` may have: the currency's minor units (ISO 4217: JPY 0, EUR 2,
   * KWD 3), at most the scale the column stores (2, as Exact's amount columns).
   */
  amountScale(currency: string | null | undefined, field: string): { scale: number; why: string } {
    const stored = this.columnOfField(field).scale ?? 2;
    const units = currency && !currencyProblem(currency) ? minorUnits(currency) : stored;
    if (units > stored) return { scale: stored, why: `${currency} has ${units} decimals, but amounts are stored with ${stored}` };
    return { scale: units, why: currency && units < stored ? `${currency} has ${units} decimals` : `amounts have ${units} decimals` };
  }

  /**
   * Rules of one complete candidate row (after defaults, or the current row with an update
   * applied). Throws the first broken rule; `index` positions it in a bulk input. The currency must
   * be canonical already (see canonicalCurrency).
   */
  checkRow(row: OpenItemValues, index?: number, options: RowCheckOptions = {}): void {
    const { error } = this.kind;
    const at = { index, ...(row.id ? { id: String(row.id) } : {}) };
    for (const c of this.createColumns) {
      const value = row[c.field];
      if (value === null || value === undefined) {
        if (c.required && !DEFAULTED.has(c.name)) throw error('REQUIRED', c.field, `${c.labelEn} (${c.name}) is required`, at);
        continue;
      }
      this.checkColumnValue(c, value, at);
    }
    const currency = String(row.currency);
    const problem = currencyProblem(currency);
    if (problem) throw error('INVALID_CURRENCY', 'currency', problem, at);
    const divisionCurrency = options.divisionCurrency && !currencyProblem(options.divisionCurrency) ? options.divisionCurrency : null;
    for (const [fields, inCurrency] of [
      [FC_AMOUNTS, currency],
      [DC_AMOUNTS, divisionCurrency],
    ] as const) {
      for (const field of fields) {
        const raw = row[field];
        if (raw === null || raw === undefined) continue;
        const { scale, why } = this.amountScale(inCurrency, field);
        if (new Dec(String(raw)).decimalPlaces() > scale) {
          throw error('AMOUNT_SCALE', field, `at most ${scale} decimals (${why})`, { ...at, scale });
        }
      }
    }
    const amountFC = new Dec(String(row.amountFC));
    const rate = new Dec(String(row.rateFC));
    const amountDC = new Dec(String(row.amountDC));
    if (rate.lte(0)) throw error('INVALID_VALUE', 'rateFC', 'the exchange rate must be positive', at);
    const dcScale = this.amountScale(divisionCurrency, 'amountDC').scale;
    const product = amountFC.times(rate).toDecimalPlaces(dcScale, Dec.ROUND_HALF_UP);
    const allowed = options.rate === 'allocated' ? new Dec(1).dividedBy(new Dec(10).pow(dcScale)) : new Dec(0);
    if (product.minus(amountDC).abs().gt(allowed)) {
      const unit = dcScale === 2 ? 'cent' : 'minor unit';
      const how = allowed.isZero() ? `to the ${unit}` : `within ${allowed.toFixed(dcScale)}, the ${unit} a split moves`;
      const [expected, got] = [product.toFixed(dcScale), amountDC.toFixed(dcScale)];
      throw error('AMOUNT_RATE_MISMATCH', 'amountDC', `AmountFC x RateFC = ${expected}, not ${got} (${how})`, { ...at, expected });
    }
    for (const [discountField, amount] of [
      ['amountDiscountDC', amountDC],
      ['amountDiscountFC', amountFC],
    ] as const) {
      const raw = row[discountField];
      if (raw === null || raw === undefined) continue;
      const discount = new Dec(String(raw));
      if (discount.isNegative() !== amount.isNegative() && !discount.isZero()) {
        throw error('DISCOUNT_EXCEEDS_AMOUNT', discountField, 'the discount must have the sign of the amount', at);
      }
      if (discount.abs().gt(amount.abs())) throw error('DISCOUNT_EXCEEDS_AMOUNT', discountField, 'the discount exceeds the amount', at);
    }
    const invoice = row.invoiceDate as Date;
    const due = row.dueDate as Date;
    if (dayOf(due) < dayOf(invoice)) {
      throw error('DUE_BEFORE_INVOICE', 'dueDate', `the due date ${dayOf(due)} is before the invoice date ${dayOf(invoice)}`, at);
    }
    const discountDue = row.discountDueDate as Date | null | undefined;
    if (discountDue && dayOf(discountDue) < dayOf(invoice)) {
      const why = `the discount due date ${dayOf(discountDue)} is before the invoice date ${dayOf(invoice)}`;
      throw error('DUE_BEFORE_INVOICE', 'discountDueDate', why, at);
    }
  }

  /** Type, length and scale of one value against its catalog column, then what the domain allows (DOMAIN_RULES). */
  checkColumnValue(c: CatalogColumn, value: unknown, at: RowAt = {}): void {
    this.checkType(c, value, at);
    const problem = DOMAIN_RULES[c.field]?.(value);
    if (problem) throw this.kind.error('INVALID_VALUE', c.field, problem, at);
  }

  private checkType(c: CatalogColumn, value: unknown, at: RowAt): void {
    const { error } = this.kind;
    switch (c.type) {
      case 'string':
        if (typeof value !== 'string') throw error('INVALID_VALUE', c.field, 'must be text', at);
        if (c.required && value.trim() === '') throw error('REQUIRED', c.field, `${c.labelEn} (${c.name}) is required`, at);
        if (c.length !== undefined && [...value].length > c.length) {
          throw error('TOO_LONG', c.field, `at most ${c.length} characters, got ${[...value].length}`, { ...at, maxLength: c.length });
        }
        return;
      case 'decimal': {
        const text = String(value);
        if (!isDecimalText(text)) throw error('INVALID_VALUE', c.field, 'must be a decimal number', at);
        const d = new Dec(text);
        const scale = c.scale ?? 0;
        if (d.decimalPlaces() > scale) throw error('AMOUNT_SCALE', c.field, `at most ${scale} decimals`, at);
        const integerDigits = d.abs().trunc().toFixed().replace(/^0$/, '').length;
        if (c.precision !== undefined && integerDigits > c.precision - scale) {
          throw error('INVALID_VALUE', c.field, `at most ${c.precision - scale} digits before the decimal point`, at);
        }
        return;
      }
      case 'datetime': {
        if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw error('INVALID_VALUE', c.field, 'must be a date-time', at);
        const problem = businessDateProblem(value);
        if (problem) throw error('INVALID_VALUE', c.field, problem, at);
        return;
      }
      case 'int16':
      case 'int32':
        if (!Number.isInteger(value)) throw error('INVALID_VALUE', c.field, 'must be an integer', at);
        if (c.type === 'int16' && Math.abs(value as number) > 32767) throw error('INVALID_VALUE', c.field, 'out of range', at);
        return;
      default:
        return;
    }
  }
}

const rulesByKind = new WeakMap<OpenItemKind, OpenItemRules>();

/** The row rules of a side, built once per kind. */
export function rulesOf(kind: OpenItemKind): OpenItemRules {
  let rules = rulesByKind.get(kind);
  if (!rules) rulesByKind.set(kind, (rules = new OpenItemRules(kind)));
  return rules;
}

/**
 * What is wrong with the IDs a call names (`paymentIDs` of selectPayments, matchPayments,
 * processPayments, ...): none (REQUIRED), more than MAX_IDS_PER_CALL or one named twice
 * (INVALID_VALUE). Each module answers with the rule of its own vocabulary.
 */
export function idsProblem(noun: string, ids: readonly string[]): { rule: 'REQUIRED' | 'INVALID_VALUE'; why: string } | undefined {
  if (ids.length === 0) return { rule: 'REQUIRED', why: `at least one ${noun} is required` };
  const why = listProblem(ids, { max: MAX_IDS_PER_CALL, key: String });
  return why ? { rule: 'INVALID_VALUE', why } : undefined;
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
