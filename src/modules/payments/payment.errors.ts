import { ErrorCode, ruleErrors } from '../../platform/errors';

/**
 * Every rule a payment mutation can break (create, update, delete, split, select, the EPC QR code),
 * with the GraphQL code it is answered with. The map is a Record over the enum, so adding a rule
 * without deciding its code does not compile. Clients read `extensions.code` (stable GraphQL
 * code), `extensions.field` and `extensions.rule`. The payment run and matching have their own
 * rules (batches/batch.errors.ts, matching/matching.errors.ts).
 */
export enum PaymentRule {
  REQUIRED = 'REQUIRED',
  TOO_LONG = 'TOO_LONG',
  INVALID_VALUE = 'INVALID_VALUE',
  INVALID_IBAN = 'INVALID_IBAN',
  INVALID_BIC = 'INVALID_BIC',
  INVALID_CURRENCY = 'INVALID_CURRENCY',
  AMOUNT_SCALE = 'AMOUNT_SCALE',
  AMOUNT_RATE_MISMATCH = 'AMOUNT_RATE_MISMATCH',
  DISCOUNT_EXCEEDS_AMOUNT = 'DISCOUNT_EXCEEDS_AMOUNT',
  GL_ACCOUNT_NOT_PAYABLE = 'GL_ACCOUNT_NOT_PAYABLE',
  ACCOUNT_NOT_SUPPLIER = 'ACCOUNT_NOT_SUPPLIER',
  BANK_ACCOUNT_NOT_SUPPLIERS = 'BANK_ACCOUNT_NOT_SUPPLIERS',
  BANK_ACCOUNT_NOT_OWN = 'BANK_ACCOUNT_NOT_OWN',
  UNKNOWN_REFERENCE = 'UNKNOWN_REFERENCE',
  DUE_BEFORE_INVOICE = 'DUE_BEFORE_INVOICE',
  DIVISION_NOT_GRANTED = 'DIVISION_NOT_GRANTED',
  DUPLICATE_ID = 'DUPLICATE_ID',
  NOT_FOUND = 'NOT_FOUND',
  AMOUNTS_LOCKED = 'AMOUNTS_LOCKED',
  STATUS_LOCKED = 'STATUS_LOCKED',
  NOT_DELETABLE = 'NOT_DELETABLE',
  STALE_VERSION = 'STALE_VERSION',
  NOT_OPEN = 'NOT_OPEN',
  NOT_SELECTED = 'NOT_SELECTED',
  NOT_SEPA_PAYABLE = 'NOT_SEPA_PAYABLE',
  SPLIT_NOT_EXACT = 'SPLIT_NOT_EXACT',
  /** The row is Exact Online's (its division is connected) and Exact does not let a client change this field. */
  OWNED_BY_EXACT = 'OWNED_BY_EXACT',
  /** Exact Online refused the value written back (4xx): nothing changed, at Exact or here. */
  EXACT_REFUSED = 'EXACT_REFUSED',
  /** Exact Online could not be reached or kept failing (5xx, no answer, no calls left): nothing changed; retryable. */
  EXACT_UNAVAILABLE = 'EXACT_UNAVAILABLE',
}

export const PAYMENT_ERROR_CODES: Record<PaymentRule, ErrorCode> = {
  [PaymentRule.REQUIRED]: 'BAD_USER_INPUT',
  [PaymentRule.TOO_LONG]: 'BAD_USER_INPUT',
  [PaymentRule.INVALID_VALUE]: 'BAD_USER_INPUT',
  [PaymentRule.INVALID_IBAN]: 'BAD_USER_INPUT',
  [PaymentRule.INVALID_BIC]: 'BAD_USER_INPUT',
  [PaymentRule.INVALID_CURRENCY]: 'BAD_USER_INPUT',
  [PaymentRule.AMOUNT_SCALE]: 'BAD_USER_INPUT',
  [PaymentRule.AMOUNT_RATE_MISMATCH]: 'BAD_USER_INPUT',
  [PaymentRule.DISCOUNT_EXCEEDS_AMOUNT]: 'BAD_USER_INPUT',
  [PaymentRule.GL_ACCOUNT_NOT_PAYABLE]: 'BAD_USER_INPUT',
  [PaymentRule.ACCOUNT_NOT_SUPPLIER]: 'BAD_USER_INPUT',
  [PaymentRule.BANK_ACCOUNT_NOT_SUPPLIERS]: 'BAD_USER_INPUT',
  [PaymentRule.BANK_ACCOUNT_NOT_OWN]: 'BAD_USER_INPUT',
  [PaymentRule.UNKNOWN_REFERENCE]: 'BAD_USER_INPUT',
  [PaymentRule.DUE_BEFORE_INVOICE]: 'BAD_USER_INPUT',
  [PaymentRule.DIVISION_NOT_GRANTED]: 'FORBIDDEN',
  [PaymentRule.DUPLICATE_ID]: 'BAD_USER_INPUT',
  [PaymentRule.NOT_FOUND]: 'NOT_FOUND',
  [PaymentRule.AMOUNTS_LOCKED]: 'CONFLICT',
  [PaymentRule.STATUS_LOCKED]: 'CONFLICT',
  [PaymentRule.NOT_DELETABLE]: 'CONFLICT',
  [PaymentRule.STALE_VERSION]: 'CONFLICT',
  [PaymentRule.NOT_OPEN]: 'CONFLICT',
  [PaymentRule.NOT_SELECTED]: 'CONFLICT',
  [PaymentRule.NOT_SEPA_PAYABLE]: 'BAD_USER_INPUT',
  [PaymentRule.SPLIT_NOT_EXACT]: 'BAD_USER_INPUT',
  [PaymentRule.OWNED_BY_EXACT]: 'FORBIDDEN',
  [PaymentRule.EXACT_REFUSED]: 'BAD_USER_INPUT',
  [PaymentRule.EXACT_UNAVAILABLE]: 'CONFLICT',
};

export type { RuleDetails } from '../../platform/errors';

/** The error of a broken payment rule: message `field: why`, extensions {code, field, rule, ...}. */
export const ruleError = ruleErrors(PAYMENT_ERROR_CODES);
