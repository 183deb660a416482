import { ErrorCode, ruleErrors } from '../platform/errors';
import type { Scope } from './principal';

/**
 * Rules of access: scopes and divisions, each with the GraphQL code it is answered with (also the
 * HTTP status of /sql, /export and downloads, through HTTP_STATUS). Clients read
 * `extensions.code`, `extensions.rule` and the scope or division named in the extensions.
 */
export enum AccessRule {
  /** The caller lacks the scope the field or endpoint needs (extensions.scope names it). */
  SCOPE_REQUIRED = 'SCOPE_REQUIRED',
  /** A division named (header, argument, input) is not granted or not selected (extensions.division). */
  DIVISION_NOT_GRANTED = 'DIVISION_NOT_GRANTED',
  /** A division selection that is not a list of division codes. */
  INVALID_VALUE = 'INVALID_VALUE',
  /** A division selection that names no division (leave it out for all). */
  NO_DIVISION = 'NO_DIVISION',
  /** The rows are Exact Online's: their division is connected (extensions.division, extensions.table). */
  OWNED_BY_EXACT = 'OWNED_BY_EXACT',
}

export const ACCESS_ERROR_CODES: Record<AccessRule, ErrorCode> = {
  [AccessRule.SCOPE_REQUIRED]: 'FORBIDDEN',
  [AccessRule.DIVISION_NOT_GRANTED]: 'FORBIDDEN',
  [AccessRule.INVALID_VALUE]: 'BAD_USER_INPUT',
  [AccessRule.NO_DIVISION]: 'BAD_USER_INPUT',
  [AccessRule.OWNED_BY_EXACT]: 'FORBIDDEN',
};

/** The error of a broken access rule (extensions {code, rule, ...}; `field` when an argument is at fault). */
export const accessError = ruleErrors(ACCESS_ERROR_CODES);

/** FORBIDDEN for a caller lacking `scope`, naming it in the message and in extensions.scope. */
export function missingScope(scope: Scope) {
  return accessError(AccessRule.SCOPE_REQUIRED, null, `This operation needs the scope ${scope}`, { scope });
}
