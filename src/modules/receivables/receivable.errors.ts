import { ErrorCode, ruleErrors } from '../../platform/errors';

/**
 * Every rule a receivable mutation can break (create, update, delete, split), with the GraphQL
 * code it is answered with. The rules every open item shares (modules/open-items) carry the same
 * names and codes as the payment rules; the side's own say that a receivable books on type 20,
 * comes from a customer, and carries a valid structured communication. Clients read
 * `extensions.code`, `extensions.field` and `extensions.rule`.
 */
export enum ReceivableRule {
  REQUIRED = 'REQUIRED',
  TOO_LONG = 'TOO_LONG',
  INVALID_VALUE = 'INVALID_VALUE',
  INVALID_IBAN = 'INVALID_IBAN',
  INVALID_BIC = 'INVALID_BIC',
  INVALID_CURRENCY = 'INVALID_CURRENCY',
  AMOUNT_SCALE = 'AMOUNT_SCALE',
  AMOUNT_RATE_MISMATCH = 'AMOUNT_RATE_MISMATCH',
  DISCOUNT_EXCEEDS_AMOUNT = 'DISCOUNT_EXCEEDS_AMOUNT',
  GL_ACCOUNT_NOT_RECEIVABLE = 'GL_ACCOUNT_NOT_RECEIVABLE',
  ACCOUNT_NOT_CUSTOMER = 'ACCOUNT_NOT_CUSTOMER',
  BANK_ACCOUNT_NOT_CUSTOMERS = 'BANK_ACCOUNT_NOT_CUSTOMERS',
  BANK_ACCOUNT_NOT_OWN = 'BANK_ACCOUNT_NOT_OWN',
  UNKNOWN_REFERENCE = 'UNKNOWN_REFERENCE',
  INVALID_STRUCTURED_REFERENCE = 'INVALID_STRUCTURED_REFERENCE',
  DUE_BEFORE_INVOICE = 'DUE_BEFORE_INVOICE',
  DIVISION_NOT_GRANTED = 'DIVISION_NOT_GRANTED',
  DUPLICATE_ID = 'DUPLICATE_ID',
  NOT_FOUND = 'NOT_FOUND',
  AMOUNTS_LOCKED = 'AMOUNTS_LOCKED',
  STATUS_LOCKED = 'STATUS_LOCKED',
  NOT_DELETABLE = 'NOT_DELETABLE',
  STALE_VERSION = 'STALE_VERSION',
  SPLIT_NOT_EXACT = 'SPLIT_NOT_EXACT',
  /** The row is Exact Online's (its division is connected) and Exact does not let a client change this field. */
  OWNED_BY_EXACT = 'OWNED_BY_EXACT',
  /** Exact Online refused the value written back (4xx): nothing changed, at Exact or here. */
  EXACT_REFUSED = 'EXACT_REFUSED',
  /** Exact Online could not be reached or kept failing (5xx, no answer, no calls left): nothing changed; retryable. */
  EXACT_UNAVAILABLE = 'EXACT_UNAVAILABLE',
}

export const RECEIVABLE_ERROR_CODES: Record<ReceivableRule, ErrorCode> = {
  [ReceivableRule.REQUIRED]: 'BAD_USER_INPUT',
  [ReceivableRule.TOO_LONG]: 'BAD_USER_INPUT',
  [ReceivableRule.INVALID_VALUE]: 'BAD_USER_INPUT',
  [ReceivableRule.INVALID_IBAN]: 'BAD_USER_INPUT',
  [ReceivableRule.INVALID_BIC]: 'BAD_USER_INPUT',
  [ReceivableRule.INVALID_CURRENCY]: 'BAD_USER_INPUT',
  [ReceivableRule.AMOUNT_SCALE]: 'BAD_USER_INPUT',
  [ReceivableRule.AMOUNT_RATE_MISMATCH]: 'BAD_USER_INPUT',
  [ReceivableRule.DISCOUNT_EXCEEDS_AMOUNT]: 'BAD_USER_INPUT',
  [ReceivableRule.GL_ACCOUNT_NOT_RECEIVABLE]: 'BAD_USER_INPUT',
  [ReceivableRule.ACCOUNT_NOT_CUSTOMER]: 'BAD_USER_INPUT',
  [ReceivableRule.BANK_ACCOUNT_NOT_CUSTOMERS]: 'BAD_USER_INPUT',
  [ReceivableRule.BANK_ACCOUNT_NOT_OWN]: 'BAD_USER_INPUT',
  [ReceivableRule.UNKNOWN_REFERENCE]: 'BAD_USER_INPUT',
  [ReceivableRule.INVALID_STRUCTURED_REFERENCE]: 'BAD_USER_INPUT',
  [ReceivableRule.DUE_BEFORE_INVOICE]: 'BAD_USER_INPUT',
  [ReceivableRule.DIVISION_NOT_GRANTED]: 'FORBIDDEN',
  [ReceivableRule.DUPLICATE_ID]: 'BAD_USER_INPUT',
  [ReceivableRule.NOT_FOUND]: 'NOT_FOUND',
  [ReceivableRule.AMOUNTS_LOCKED]: 'CONFLICT',
  [ReceivableRule.STATUS_LOCKED]: 'CONFLICT',
  [ReceivableRule.NOT_DELETABLE]: 'CONFLICT',
  [ReceivableRule.STALE_VERSION]: 'CONFLICT',
  [ReceivableRule.SPLIT_NOT_EXACT]: 'BAD_USER_INPUT',
  [ReceivableRule.OWNED_BY_EXACT]: 'FORBIDDEN',
  [ReceivableRule.EXACT_REFUSED]: 'BAD_USER_INPUT',
  [ReceivableRule.EXACT_UNAVAILABLE]: 'CONFLICT',
};

/** The error of a broken receivable rule: message `field: why`, extensions {code, field, rule, ...}. */
export const receivableError = ruleErrors(RECEIVABLE_ERROR_CODES);
