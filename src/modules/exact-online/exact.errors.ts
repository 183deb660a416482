import { ErrorCode, ruleErrors } from '../../platform/errors';

/**
 * Every rule of the Exact Online connector, with the code it is answered with (GraphQL
 * extensions.code, the CLI's message). Messages never carry a token or a secret.
 */
export enum ExactRule {
  /** A required option or setting is missing (EXACT_CLIENT_ID, SECRETS_KEY, --division). */
  REQUIRED = 'REQUIRED',
  INVALID_VALUE = 'INVALID_VALUE',
  /** The division is not connected to Exact. */
  NOT_CONNECTED = 'NOT_CONNECTED',
  /** Exact refused the refresh token: a person must connect again (`npm run exact -- connect`). */
  NEEDS_CONSENT = 'NEEDS_CONSENT',
  /** A synced row of a connected division is Exact's: the gateway does not change it. */
  OWNED_BY_EXACT = 'OWNED_BY_EXACT',
  /** Exact answered an error (after the retries allowed). */
  EXACT_ERROR = 'EXACT_ERROR',
  /** The endpoint failed repeatedly and rests until extensions.blockedUntil. */
  ENDPOINT_BLOCKED = 'ENDPOINT_BLOCKED',
}

export const EXACT_ERROR_CODES: Record<ExactRule, ErrorCode> = {
  [ExactRule.REQUIRED]: 'BAD_USER_INPUT',
  [ExactRule.INVALID_VALUE]: 'BAD_USER_INPUT',
  [ExactRule.NOT_CONNECTED]: 'NOT_FOUND',
  [ExactRule.NEEDS_CONSENT]: 'CONFLICT',
  [ExactRule.OWNED_BY_EXACT]: 'FORBIDDEN',
  [ExactRule.EXACT_ERROR]: 'INTERNAL_SERVER_ERROR',
  [ExactRule.ENDPOINT_BLOCKED]: 'CONFLICT',
};

/** The error of a broken connector rule: message `field: why`, extensions {code, field, rule, ...}. */
export const exactError = ruleErrors(EXACT_ERROR_CODES);
