import { ErrorCode, GatewayError, ruleErrors } from '../platform/errors';

/** Position in the query text (1-based), as node-sql-parser reports it. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * Every rule of the SQL layer (`sql` field, POST /sql, SQL exports), with the GraphQL code it is
 * answered with (exhaustive: a rule without a decided code does not compile). A statement that
 * runs too long is TIMEOUT, from the division scope that ran it.
 */
export enum SqlRule {
  /** The query text: syntax, names, types, what the layer does not support (with line and column). */
  INVALID_QUERY = 'INVALID_QUERY',
  /** A :name parameter without a value, or with a value SQL cannot take. */
  INVALID_PARAMETER = 'INVALID_PARAMETER',
  /** More rows than SQL_MAX_ROWS (extensions.rowLimit): add a LIMIT, aggregate, or export. */
  TOO_MANY_ROWS = 'TOO_MANY_ROWS',
}

export const SQL_ERROR_CODES: Record<SqlRule, ErrorCode> = {
  [SqlRule.INVALID_QUERY]: 'BAD_USER_INPUT',
  [SqlRule.INVALID_PARAMETER]: 'BAD_USER_INPUT',
  [SqlRule.TOO_MANY_ROWS]: 'BAD_USER_INPUT',
};

/** The error of a broken SQL rule: message `field: why`, extensions {code, field, rule, ...}. */
export const sqlRuleError = ruleErrors(SQL_ERROR_CODES);

/** BAD_USER_INPUT on the `query` argument, giving the line and column of the offending part. */
export function sqlError(message: string, at?: Position | null, rule = SqlRule.INVALID_QUERY): GatewayError {
  const where = at ? `line ${at.line}, column ${at.column}: ` : '';
  return sqlRuleError(rule, 'query', `${where}${message}`, at ? { line: at.line, column: at.column } : {});
}

/** BAD_USER_INPUT on the `query` argument about a :name parameter's value (rule INVALID_PARAMETER). */
export function parameterError(message: string, at?: Position | null): GatewayError {
  return sqlError(message, at, SqlRule.INVALID_PARAMETER);
}
