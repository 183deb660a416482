import { electronicFormatIBAN, isSEPACountry, isValidBIC, validateIBAN, ValidationErrorsIBAN } from 'ibantools';
import { Dec, isDecimalText } from '../platform/decimal';

/**
 * The checks a SEPA credit transfer imposes on its amount and accounts, shared by the pain.001
 * writer and the EPC QR code. Each returns the normalised value or the reason it is refused.
 */
export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const refused = <T>(reason: string): Checked<T> => ({ ok: false, reason });

export const SEPA_MIN_AMOUNT = new Dec('0.01');
export const SEPA_MAX_AMOUNT = new Dec('999999999.99');

/** A EUR amount of a credit transfer: exact decimal text, whole cents, 0.01 to 999999999.99. */
export function checkSepaAmount(amount: unknown): Checked<Dec> {
  if (typeof amount !== 'string' || !isDecimalText(amount.trim())) return refused(`${JSON.stringify(amount)} is not a decimal number`);
  const value = new Dec(amount.trim());
  if (!value.equals(value.toDecimalPlaces(2))) return refused(`${amount} has more than 2 decimals (SEPA pays whole cents)`);
  if (value.lessThan(SEPA_MIN_AMOUNT) || value.greaterThan(SEPA_MAX_AMOUNT)) {
    return refused(`${amount} is outside the SEPA range 0.01 to 999999999.99`);
  }
  return ok(value);
}

export function checkEuro(currency: unknown): Checked<'EUR'> {
  return currency === 'EUR' ? ok('EUR') : refused(`${JSON.stringify(currency)} cannot be paid by SEPA credit transfer, only EUR can`);
}

const IBAN_REASONS: Partial<Record<ValidationErrorsIBAN, string>> = {
  [ValidationErrorsIBAN.NoIBANProvided]: 'no IBAN given',
  [ValidationErrorsIBAN.NoIBANCountry]: 'unknown IBAN country',
  [ValidationErrorsIBAN.WrongBBANLength]: 'wrong length for its country',
  [ValidationErrorsIBAN.WrongBBANFormat]: 'wrong account format for its country',
  [ValidationErrorsIBAN.ChecksumNotNumber]: 'check digits are not numeric',
  [ValidationErrorsIBAN.WrongIBANChecksum]: 'wrong IBAN check digits',
  [ValidationErrorsIBAN.WrongAccountBankBranchChecksum]: 'wrong national check digits',
  [ValidationErrorsIBAN.QRIBANNotAllowed]: 'QR-IBAN not allowed',
};

/** An IBAN of a SEPA country, returned in electronic format (upper case, no spaces). */
export function checkSepaIban(iban: unknown): Checked<string> {
  if (typeof iban !== 'string' || !iban.trim()) return refused('no IBAN given');
  const electronic = electronicFormatIBAN(iban) ?? '';
  const result = validateIBAN(electronic);
  if (!result.valid) {
    const why = result.errorCodes.map((c) => IBAN_REASONS[c] ?? `error ${c}`).join(', ');
    return refused(`${JSON.stringify(iban)} is not a valid IBAN (${why})`);
  }
  if (!isSEPACountry(electronic.slice(0, 2)))
    return refused(`${electronic} is an IBAN of ${electronic.slice(0, 2)}, which is outside the SEPA area`);
  return ok(electronic);
}

/**
 * A BIC of 8 or 11 characters (upper case, no spaces). The pattern is the stricter one of the
 * pain.001.001.03 schema (7th character not 0 or 1, 8th not O), which the .09 pattern also accepts.
 */
const BIC_PATTERN = /^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$/;

export function checkBic(bic: unknown): Checked<string> {
  if (typeof bic !== 'string' || !bic.trim()) return refused('no BIC given');
  const value = bic.replace(/\s+/g, '').toUpperCase();
  if (!BIC_PATTERN.test(value) || !isValidBIC(value)) return refused(`${JSON.stringify(bic)} is not a valid BIC`);
  return ok(value);
}

/** True when the optional value is absent (null, undefined or only spaces). */
export function blank(value: string | null | undefined): value is null | undefined | '' {
  return value === null || value === undefined || value.trim() === '';
}
