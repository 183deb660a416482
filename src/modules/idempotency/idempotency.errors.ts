import { ErrorCode, ruleErrors } from '../../platform/errors';

/** Rules of idempotency keys, each with the GraphQL code it is answered with. */
export enum IdempotencyRule {
  INVALID_VALUE = 'INVALID_VALUE',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
}

export const IDEMPOTENCY_ERROR_CODES: Record<IdempotencyRule, ErrorCode> = {
  [IdempotencyRule.INVALID_VALUE]: 'BAD_USER_INPUT',
  [IdempotencyRule.IDEMPOTENCY_KEY_REUSED]: 'BAD_USER_INPUT',
};

/** The error of a broken idempotency rule (extensions {code, field, rule}). */
export const idempotencyError = ruleErrors(IDEMPOTENCY_ERROR_CODES);
