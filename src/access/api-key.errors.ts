import { ErrorCode, ruleErrors } from '../platform/errors';

/**
 * Rules of API key management (createApiKey, apiKeys, revokeApiKey and `npm run keys`), each with
 * the GraphQL code it is answered with. A key presented with a request that is not valid is
 * UNAUTHENTICATED (authentication, src/access/authenticate.ts), not one of these.
 */
export enum ApiKeyRule {
  /** A value out of its range: the name (1 to 100 characters), an expiry in the past. */
  INVALID_VALUE = 'INVALID_VALUE',
  /** A key must grant at least one scope and one division (or all). */
  REQUIRED = 'REQUIRED',
  /** A scope that does not exist (extensions.scope). */
  UNKNOWN_SCOPE = 'UNKNOWN_SCOPE',
  /** Something that is not a division code. */
  INVALID_DIVISION = 'INVALID_DIVISION',
  /** An admin grants a scope it does not hold (extensions.scope). */
  SCOPE_NOT_HELD = 'SCOPE_NOT_HELD',
  /** An admin grants a division it does not hold, or all divisions while holding some. */
  DIVISION_NOT_GRANTED = 'DIVISION_NOT_GRANTED',
  /** No such key, or one outside the admin's divisions (extensions.id). */
  NOT_FOUND = 'NOT_FOUND',
}

export const API_KEY_ERROR_CODES: Record<ApiKeyRule, ErrorCode> = {
  [ApiKeyRule.INVALID_VALUE]: 'BAD_USER_INPUT',
  [ApiKeyRule.REQUIRED]: 'BAD_USER_INPUT',
  [ApiKeyRule.UNKNOWN_SCOPE]: 'BAD_USER_INPUT',
  [ApiKeyRule.INVALID_DIVISION]: 'BAD_USER_INPUT',
  [ApiKeyRule.SCOPE_NOT_HELD]: 'FORBIDDEN',
  [ApiKeyRule.DIVISION_NOT_GRANTED]: 'FORBIDDEN',
  [ApiKeyRule.NOT_FOUND]: 'NOT_FOUND',
};

/** The error of a broken key management rule (extensions {code, field, rule, ...}). */
export const apiKeyError = ruleErrors(API_KEY_ERROR_CODES);
