import { ErrorCode, ruleErrors } from '../../platform/errors';

/**
 * Every rule of matching payments (matchPayments, unmatchPayments), with the GraphQL code it is
 * answered with. The rule strings are those clients have seen since matching borrowed the
 * payment rules (`extensions.rule`); the map is a Record over the enum, so a rule without a
 * decided code does not compile.
 */
export enum MatchingRule {
  REQUIRED = 'REQUIRED',
  TOO_LONG = 'TOO_LONG',
  INVALID_VALUE = 'INVALID_VALUE',
  /** Payments already matched, or changed meanwhile (extensions.ids). */
  NOT_MATCHABLE = 'NOT_MATCHABLE',
  /** Payments matched with each other must be two or more and sum to 0.00 (extensions.sum). */
  MATCH_NOT_BALANCED = 'MATCH_NOT_BALANCED',
  /** Payments to unmatch that are not matched (extensions.ids). */
  NOT_MATCHED = 'NOT_MATCHED',
}

export const MATCHING_ERROR_CODES: Record<MatchingRule, ErrorCode> = {
  [MatchingRule.REQUIRED]: 'BAD_USER_INPUT',
  [MatchingRule.TOO_LONG]: 'BAD_USER_INPUT',
  [MatchingRule.INVALID_VALUE]: 'BAD_USER_INPUT',
  [MatchingRule.NOT_MATCHABLE]: 'CONFLICT',
  [MatchingRule.MATCH_NOT_BALANCED]: 'BAD_USER_INPUT',
  [MatchingRule.NOT_MATCHED]: 'CONFLICT',
};

/** The error of a broken matching rule: message `field: why`, extensions {code, field, rule, ...}. */
export const matchingError = ruleErrors(MATCHING_ERROR_CODES);
