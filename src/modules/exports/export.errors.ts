import { ErrorCode, ruleErrors } from '../../platform/errors';

/**
 * Every rule of exports (GET/POST /export, `npm run export`) and of the request bodies they share
 * with POST /sql, with the GraphQL code it is answered with (exhaustive: a rule without a decided
 * code does not compile). Errors of the exported SQL or GraphQL query itself keep their own rules.
 */
export enum ExportRule {
  /** None of sql, graphql or list was given. */
  NO_SOURCE = 'NO_SOURCE',
  /** More than one of sql, graphql or list was given. */
  TOO_MANY_SOURCES = 'TOO_MANY_SOURCES',
  /** A format other than csv or ndjson. */
  INVALID_FORMAT = 'INVALID_FORMAT',
  /** A list name that is not a root list field. */
  UNKNOWN_LIST = 'UNKNOWN_LIST',
  /** A GraphQL export that does not parse or validate against the schema. */
  INVALID_QUERY = 'INVALID_QUERY',
  /** A GraphQL export that is not one root list field with `nodes { ... }`, or that pages by itself. */
  NOT_A_LIST_QUERY = 'NOT_A_LIST_QUERY',
  /** A request value of the wrong shape: an empty string, parameters that are not an object, a body that is not JSON. */
  INVALID_VALUE = 'INVALID_VALUE',
}

export const EXPORT_ERROR_CODES: Record<ExportRule, ErrorCode> = {
  [ExportRule.NO_SOURCE]: 'BAD_USER_INPUT',
  [ExportRule.TOO_MANY_SOURCES]: 'BAD_USER_INPUT',
  [ExportRule.INVALID_FORMAT]: 'BAD_USER_INPUT',
  [ExportRule.UNKNOWN_LIST]: 'BAD_USER_INPUT',
  [ExportRule.INVALID_QUERY]: 'BAD_USER_INPUT',
  [ExportRule.NOT_A_LIST_QUERY]: 'BAD_USER_INPUT',
  [ExportRule.INVALID_VALUE]: 'BAD_USER_INPUT',
};

/** The error of a broken export rule: message `field: why`, extensions {code, field, rule, ...}. */
export const exportError = ruleErrors(EXPORT_ERROR_CODES);
