import { code as iso4217 } from 'currency-codes';

/**
 * ISO 4217 currency codes as money is paid in them. Codes are stored and compared in their one
 * canonical form, upper case (`eur` is EUR), so every database groups and compares them alike.
 */

/**
 * Codes in ISO 4217 that no payment is made in: precious metals (XAU, XAG, XPD, XPT), units of
 * account and bond units (XDR, XSU, XUA, XBA-XBD), testing and no-currency codes (XTS, XXX),
 * whose minor unit ISO lists as N.A., and the fund codes ISO marks as such (BOV, CHE, CHW, CLF,
 * COU, MXV, USN, UYI, UYW): units for indexation or settlement, not currencies of payments.
 */
export const NOT_PAYMENT_CURRENCIES: ReadonlySet<string> = new Set([
  'XAG',
  'XAU',
  'XPD',
  'XPT',
  'XBA',
  'XBB',
  'XBC',
  'XBD',
  'XDR',
  'XSU',
  'XUA',
  'XTS',
  'XXX',
  'BOV',
  'CHE',
  'CHW',
  'CLF',
  'COU',
  'MXV',
  'USN',
  'UYI',
  'UYW',
]);

/** The canonical form of a currency code: trimmed, upper case. Anything not text is returned as it is. */
export function canonicalCurrency<T>(value: T): T | string {
  return typeof value === 'string' ? value.trim().toUpperCase() : value;
}

/** Why `code` (canonical) is not a currency a payment can be made in, or null when it is one. */
export function currencyProblem(code: string): string | null {
  if (!/^[A-Z]{3}$/.test(code)) return `${JSON.stringify(code)} is not an ISO 4217 currency code (three letters)`;
  if (NOT_PAYMENT_CURRENCIES.has(code))
    return `${code} is an ISO 4217 code of a fund, metal, unit of account or test, not a currency payments are made in`;
  if (!iso4217(code)) return `${code} is not an ISO 4217 currency code`;
  return null;
}

/**
 * Decimals of the currency's minor unit (ISO 4217): EUR 2, JPY 0, KWD and BHD 3. Throws for a
 * code currencyProblem refuses (callers check it first).
 */
export function minorUnits(code: string): number {
  const entry = iso4217(code);
  if (!entry || NOT_PAYMENT_CURRENCIES.has(code)) throw new Error(`${code} is not a currency of payments`);
  return entry.digits;
}
