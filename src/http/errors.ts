import type { Duplex } from 'node:stream';
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import { isStatementCancelled } from '../db/statement-context';
import { ErrorCode, GatewayError, HTTP_STATUS } from '../platform/errors';
import { Logger } from '../platform/logger';
import { lockConflictError } from '../platform/retry';
import { requestOf, routeOf } from './observability';

/**
 * Every HTTP error of the gateway is JSON of one shape, the same as GraphQL's:
 *
 *   {"errors": [{"message": "...", "extensions": {"code": "NOT_FOUND", "requestId": "...", ...}}]}
 *
 * with the code's HTTP status (platform/errors.ts HTTP_STATUS). Nothing answers HTML, a stack or
 * a server path: lock conflicts become CONFLICT (retryable), errors the gateway does not know
 * become INTERNAL_SERVER_ERROR, and their details
 * go to the log with the request id that the client also gets.
 */
export function sendError(res: Response, code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): void {
  const request = requestOf(res);
  request?.errorCodes.push(code);
  if (code === 'UNAUTHENTICATED') res.setHeader('WWW-Authenticate', 'Bearer realm="cashflow-gateway"');
  // `http` is Apollo's instruction for the status of a GraphQL response, not for clients.
  const { http: _http, ...rest } = extensions;
  res.status(HTTP_STATUS[code]).json({ errors: [{ message, extensions: { ...rest, code, requestId: request?.id } }] });
}

/** Answers a gateway error as the whole response, with its HTTP status and a GraphQL-shaped body. */
export function sendGatewayError(res: Response, error: GatewayError): void {
  sendError(res, error.code, error.message, error.extensions);
}

/** The errors of body-parser (express.json), by their `type`, as the gateway's codes. */
function bodyError(error: {
  type?: unknown;
  limit?: unknown;
}): { code: ErrorCode; message: string; extensions?: Record<string, unknown> } | undefined {
  switch (error.type) {
    case 'entity.parse.failed':
      return { code: 'BAD_USER_INPUT', message: 'body: is not valid JSON', extensions: { field: 'body' } };
    case 'entity.too.large':
      return {
        code: 'PAYLOAD_TOO_LARGE',
        message: `body: is larger than the limit of ${error.limit} bytes`,
        extensions: { field: 'body', limit: error.limit },
      };
    case 'encoding.unsupported':
      return {
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'body: the Content-Encoding is not supported (use identity, gzip, deflate or br)',
        extensions: { field: 'body' },
      };
    case 'charset.unsupported':
      return { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'body: the charset is not supported (use utf-8)', extensions: { field: 'body' } };
    case 'request.aborted':
    case 'request.size.invalid':
      return { code: 'BAD_USER_INPUT', message: 'body: was cut short or does not match its Content-Length', extensions: { field: 'body' } };
    default:
      return undefined;
  }
}

/** Client errors of express and its middleware (errors with a 4xx `status`) by status; other 4xx as 400. */
const CLIENT_ERRORS: Record<number, { code: ErrorCode; message: string }> = {
  400: { code: 'BAD_USER_INPUT', message: 'the request is malformed' },
  404: { code: 'NOT_FOUND', message: 'not found' },
  405: { code: 'METHOD_NOT_ALLOWED', message: 'method not allowed' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'body: too large' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'body: unsupported media type' },
};

/**
 * The one error middleware of the app, last in the chain, so express's default handler (which
 * answers HTML with a stack) is never reached. Gateway errors answer with their code; errors of
 * body parsing and of express's own middleware (a missing static file, a malformed URL) with
 * stable codes; anything else is INTERNAL_SERVER_ERROR, logged at error level with its stack,
 * the request id, route and principal. After the headers went out (a stream failing half way)
 * the error is logged and the connection cut, so the client sees an incomplete response.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    try {
      // A statement cancelled because the client hung up (or the server is stopping it): nobody
      // is left to answer, and nothing failed.
      if (isStatementCancelled(error) && (res.destroyed || !res.writable)) {
        res.destroy();
        return;
      }
      if (res.headersSent) {
        logInternal(req, res, logger, error, 'request failed after the response began');
        res.destroy();
        return;
      }
      if (error instanceof GatewayError) {
        if (error.code === 'INTERNAL_SERVER_ERROR') logInternal(req, res, logger, error);
        return sendGatewayError(res, error);
      }
      // Another process held the database's lock (platform/retry.ts): CONFLICT, retryable.
      const conflict = lockConflictError(error);
      if (conflict) return sendGatewayError(res, conflict);
      const e = (error ?? {}) as { type?: unknown; limit?: unknown; status?: unknown };
      const body = bodyError(e);
      if (body) return sendError(res, body.code, body.message, body.extensions);
      // http-errors and the router's own (a URL parameter that does not decode) carry a 4xx status.
      const known =
        typeof e.status === 'number' && e.status >= 400 && e.status < 500 ? (CLIENT_ERRORS[e.status] ?? CLIENT_ERRORS[400]) : undefined;
      if (known) return sendError(res, known.code, known.message);
      logInternal(req, res, logger, error);
      sendError(res, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    } catch (failure) {
      // Never fall through to express's HTML handler, not even when answering failed.
      logInternal(req, res, logger, failure, 'the error handler failed');
      res.destroy();
    }
  };
}

/**
 * Logs an internal error with everything needed to find it: stack, request id (the request's
 * logger, else `logger`), method, route and principal.
 */
export function logInternal(req: Request, res: Response, logger: Logger, error: unknown, message = 'internal error'): void {
  const request = requestOf(res);
  const principal = (res.locals.requestContext as { principal?: { id: string } } | undefined)?.principal?.id;
  (request?.log ?? logger).error({ err: error, method: req.method, route: request?.route ?? routeOf(req), principal }, message);
}

/** 404 NOT_FOUND for a path no route serves (after every route). */
export const notFoundHandler: RequestHandler = (req, res) => {
  sendError(res, 'NOT_FOUND', `${req.method} ${req.path.slice(0, 200)}: no such endpoint`);
};

/**
 * Middleware that lets `methods` through and answers the others 405 METHOD_NOT_ALLOWED with an
 * `Allow` header (OPTIONS: 204 with `Allow`). Put it in front of a mount
 * (`app.use(path, allowMethods('GET', 'POST'), ...)`) or last on a route
 * (`router.route(path).get(...).all(allowMethods('GET', 'HEAD'))`: express answers HEAD with
 * the GET handler, so name HEAD there too).
 */
export function allowMethods(...allowed: string[]): RequestHandler {
  const allow = allowed.join(', ');
  return (req, res, next) => {
    if (allowed.includes(req.method)) return next();
    res.setHeader('Allow', allow);
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    sendError(res, 'METHOD_NOT_ALLOWED', `${req.method} is not allowed here; use ${allow}`, { allow: allowed });
  };
}

/** 415 UNSUPPORTED_MEDIA_TYPE for a request with a body that is not JSON. */
export const jsonBodyOnly: RequestHandler = (req, res, next) => {
  if (req.method !== 'POST' && req.method !== 'PUT' && req.method !== 'PATCH') return next();
  // null: no body at all, which the endpoint itself refuses with its own message.
  if (req.is('application/json') !== false) return next();
  sendError(res, 'UNSUPPORTED_MEDIA_TYPE', 'body: must be JSON (Content-Type: application/json)', { field: 'body' });
};

/**
 * The answer to a request Node's HTTP parser refused before express saw it (malformed request
 * line or headers, headers over Node's size limit, a request that took too long to arrive): the
 * same JSON error body, with the status Node itself would give. Use as the server's
 * `clientError` listener; there is no request, so no request id.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const [status, reason, code, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', 'BAD_USER_INPUT', 'the request headers are too large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', 'TIMEOUT', 'the request did not arrive in time']
        : [400, 'Bad Request', 'BAD_USER_INPUT', 'the request is not valid HTTP'];
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  const head =
    `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\n` + `content-length: ${Buffer.byteLength(body)}`;
  socket.end(`${head}\r\nconnection: close\r\n\r\n${body}`);
}
