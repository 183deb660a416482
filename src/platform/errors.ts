import { GraphQLError } from 'graphql';

/** Stable error codes clients can rely on (extensions.code). */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TIMEOUT'
  | 'METHOD_NOT_ALLOWED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'INTERNAL_SERVER_ERROR';

/** HTTP status used when the error is the whole answer (REST endpoints, 401 on /graphql). */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TIMEOUT: 504,
  METHOD_NOT_ALLOWED: 405,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INTERNAL_SERVER_ERROR: 500,
};

export class GatewayError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
  get code(): ErrorCode {
    return this.extensions.code as ErrorCode;
  }
}

export const badInput = (field: string, message: string, extra: Record<string, unknown> = {}) =>
  new GatewayError('BAD_USER_INPUT', `${field}: ${message}`, { field, ...extra });
export const forbidden = (message: string, extra: Record<string, unknown> = {}) => new GatewayError('FORBIDDEN', message, extra);
/** NOT_FOUND of a row named by an argument: `field: What id was not found`, extensions {field, id}. */
export const notFound = (what: string, id: unknown, field: string) =>
  new GatewayError('NOT_FOUND', `${field}: ${what} ${String(id)} was not found`, { field, id });
export const conflict = (message: string, extra: Record<string, unknown> = {}) => new GatewayError('CONFLICT', message, extra);

/** Position of the offending item in a bulk input, and anything else worth telling. */
export interface RuleDetails {
  index?: number;
  id?: string;
  ids?: string[];
  reasons?: { id: string; reasons: string[] }[];
  [key: string]: unknown;
}

/**
 * The error factory of one module's rules. Each module declares its rules as a string enum and a
 * `Record<Rule, ErrorCode>` (exhaustive: a rule without a decided code does not compile); the
 * factory makes errors with the message `field: why` (or `input[i].field: why` in bulk inputs) and
 * extensions `{ code, field, rule, ...details }`, which clients rely on. With `field` null (the
 * error is about no argument, such as a row that was not found) the message is `why` alone and
 * extensions carry no field.
 */
export function ruleErrors<Rule extends string>(codes: Readonly<Record<Rule, ErrorCode>>) {
  return (rule: Rule, field: string | null, message: string, details: RuleDetails = {}): GatewayError => {
    if (field === null) return new GatewayError(codes[rule], message, { rule, ...details });
    const where = details.index === undefined ? field : `input[${details.index}].${field}`;
    return new GatewayError(codes[rule], `${where}: ${message}`, { field, rule, ...details });
  };
}

/**
 * BAD_USER_INPUT for an input beyond one of the gateway's documented limits (docs/querying.md
 * and docs/sql.md, "Limits"): `limit` names it, `value` is what was given, `max` the most allowed.
 * The gateway checks these before the database could refuse the statement.
 */
export const overLimit = (field: string, limit: string, value: number, max: number, message: string) =>
  badInput(field, `${message} (${value} given; the limit is ${max})`, { limit, value, max });
