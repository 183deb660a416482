import { ErrorCode, ruleErrors } from '../../platform/errors';

/**
 * Every rule of the payment run (processPayments) and of reading its bank files back, with the
 * GraphQL code it is answered with. The rule strings are those clients have seen since the run
 * borrowed the payment rules (`extensions.rule`); the map is a Record over the enum, so a rule
 * without a decided code does not compile.
 */
export enum BatchRule {
  REQUIRED = 'REQUIRED',
  INVALID_VALUE = 'INVALID_VALUE',
  /** The division's own bank account, or a supplier's, has an IBAN SEPA cannot carry. */
  INVALID_IBAN = 'INVALID_IBAN',
  INVALID_BIC = 'INVALID_BIC',
  UNKNOWN_REFERENCE = 'UNKNOWN_REFERENCE',
  BANK_ACCOUNT_NOT_OWN = 'BANK_ACCOUNT_NOT_OWN',
  /** A division, batch, bank file or attachment that does not exist in the caller's divisions. */
  NOT_FOUND = 'NOT_FOUND',
  /** Payments that are no longer open or selected (extensions.ids). */
  NOT_OPEN = 'NOT_OPEN',
  /** Payments SEPA credit transfer cannot pay (extensions.reasons per payment). */
  NOT_SEPA_PAYABLE = 'NOT_SEPA_PAYABLE',
  /** The division has no selected payments. */
  NOTHING_TO_PROCESS = 'NOTHING_TO_PROCESS',
}

export const BATCH_ERROR_CODES: Record<BatchRule, ErrorCode> = {
  [BatchRule.REQUIRED]: 'BAD_USER_INPUT',
  [BatchRule.INVALID_VALUE]: 'BAD_USER_INPUT',
  [BatchRule.INVALID_IBAN]: 'BAD_USER_INPUT',
  [BatchRule.INVALID_BIC]: 'BAD_USER_INPUT',
  [BatchRule.UNKNOWN_REFERENCE]: 'BAD_USER_INPUT',
  [BatchRule.BANK_ACCOUNT_NOT_OWN]: 'BAD_USER_INPUT',
  [BatchRule.NOT_FOUND]: 'NOT_FOUND',
  [BatchRule.NOT_OPEN]: 'CONFLICT',
  [BatchRule.NOT_SEPA_PAYABLE]: 'BAD_USER_INPUT',
  [BatchRule.NOTHING_TO_PROCESS]: 'BAD_USER_INPUT',
};

/** The error of a broken payment run rule: message `field: why`, extensions {code, field, rule, ...}. */
export const batchError = ruleErrors(BATCH_ERROR_CODES);
