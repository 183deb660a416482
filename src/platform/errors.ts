import { GraphQLError } from 'graphql';

/** Stable error codes clients can rely on (extensions.code). */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TIMEOUT'
  | 'INTERNAL_SERVER_ERROR';

/** HTTP status used when the error is the whole answer (REST endpoints, 401 on /graphql). */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TIMEOUT: 504,
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
export const forbidden = (message: string, extra: Record<string, unknown> = {}) =>
  new GatewayError('FORBIDDEN', message, extra);
export const notFound = (what: string, id: unknown) =>
  new GatewayError('NOT_FOUND', `${what} ${String(id)} was not found`, { id });
export const conflict = (message: string, extra: Record<string, unknown> = {}) =>
  new GatewayError('CONFLICT', message, extra);
