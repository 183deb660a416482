import { ErrorCode, ruleErrors } from '../../platform/errors';

/**
 * Every rule of the allocation rule mutations (createAllocationRule, updateAllocationRule,
 * deleteAllocationRule), with the GraphQL code it is answered with. A Record over the enum, so a
 * rule without a decided code does not compile.
 */
export enum AllocationRuleCheck {
  REQUIRED = 'REQUIRED',
  TOO_LONG = 'TOO_LONG',
  INVALID_VALUE = 'INVALID_VALUE',
  INVALID_IBAN = 'INVALID_IBAN',
  /** An account or G/L account that does not exist in the rule's division. */
  UNKNOWN_REFERENCE = 'UNKNOWN_REFERENCE',
  DIVISION_NOT_GRANTED = 'DIVISION_NOT_GRANTED',
  NOT_FOUND = 'NOT_FOUND',
  STALE_VERSION = 'STALE_VERSION',
}

export const ALLOCATION_RULE_ERROR_CODES: Record<AllocationRuleCheck, ErrorCode> = {
  [AllocationRuleCheck.REQUIRED]: 'BAD_USER_INPUT',
  [AllocationRuleCheck.TOO_LONG]: 'BAD_USER_INPUT',
  [AllocationRuleCheck.INVALID_VALUE]: 'BAD_USER_INPUT',
  [AllocationRuleCheck.INVALID_IBAN]: 'BAD_USER_INPUT',
  [AllocationRuleCheck.UNKNOWN_REFERENCE]: 'BAD_USER_INPUT',
  [AllocationRuleCheck.DIVISION_NOT_GRANTED]: 'FORBIDDEN',
  [AllocationRuleCheck.NOT_FOUND]: 'NOT_FOUND',
  [AllocationRuleCheck.STALE_VERSION]: 'CONFLICT',
};

/** The error of a broken allocation rule check: message `field: why`, extensions {code, field, rule, ...}. */
export const allocationRuleError = ruleErrors(ALLOCATION_RULE_ERROR_CODES);
