import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Request, RequestHandler, Response } from 'express';
import type { GraphQLError } from 'graphql';
import { RequestContext } from '../context/request-context';
import { isStatementCancelled } from '../db/statement-context';
import { Logger } from '../platform/logger';
import { Runtime } from '../platform/runtime';

/** The header a request id comes in and goes back in. */
export const REQUEST_ID_HEADER = 'x-request-id';
/** A client's request id is kept when it is this safe to log and echo: short, no spaces or quotes. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:+=/-]{1,128}$/;
/** The route label of a request no route served (a 404): never the client's path. */
export const UNMATCHED_ROUTE = '(unmatched)';

/** The request id to use: the client's X-Request-Id when it is safe (see above), else a new UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given !== undefined && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}

/** What the gateway learns about one HTTP request while serving it, for its log line and metrics. */
export interface RequestRecord {
  readonly id: string;
  /** The runtime's logger with `requestId` bound. */
  readonly log: Logger;
  /** The route pattern, for mounts that express does not name (see `routeLabel`). */
  route?: string;
  /** The GraphQL operation Apollo resolved (name as the client gave it; no name: anonymous). */
  operation?: { name?: string; type: string };
  /** Codes of the errors answered (HTTP error bodies, GraphQL errors). */
  readonly errorCodes: string[];
  /** Apollo's request pipeline answered (its errors already carry the request id). */
  graphqlAnswered?: boolean;
}

/** The record `observeRequests` keeps for the request of `res`. */
export function requestOf(res: Response): RequestRecord | undefined {
  return res.locals.request as RequestRecord | undefined;
}

/** The logger of the request of `res` (request id bound); `fallback` outside observed requests. */
export function requestLog(res: Response, fallback: Logger): Logger {
  return requestOf(res)?.log ?? fallback;
}

/** The route pattern express matched (a pattern from the code, never the client's path). */
export function routeOf(req: Request): string | undefined {
  const route = (req as { route?: { path?: unknown } }).route;
  return typeof route?.path === 'string' ? `${req.baseUrl ?? ''}${route.path}` : undefined;
}

/** Names the route of a mount (`app.use('/graphql', routeLabel('/graphql'), ...)`) for logs and metrics. */
export function routeLabel(route: string): RequestHandler {
  return (_req, res, next) => {
    const record = requestOf(res);
    if (record) record.route = route;
    next();
  };
}

/**
 * The first middleware of the app: gives each request its id (X-Request-Id, see requestIdFrom),
 * answers it in the `X-Request-Id` header, binds it to a child logger for everything the request
 * logs, and when the response is done (or the client went away) writes one JSON line:
 *
 *   {"level":30,"time":"...","requestId":"...","method":"POST","route":"/graphql","path":"/graphql",
 *    "operation":"Payments","operationType":"query","status":200,"durationMs":12.3,
 *    "principal":"<key id or JWT subject>","divisions":[1,2],"msg":"request"}
 *
 * and observes the request in the metrics (by route pattern, and by GraphQL operation). No
 * header, body, query string or credential is ever logged. Not pino-http: the line needs the
 * GraphQL operation and the principal, known only after authentication and Apollo's parse, and
 * the same end of request feeds the metrics; pino-http would log req/res objects (headers) that
 * would then have to be serialised away again.
 */
export function observeRequests(runtime: Runtime): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    const id = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    const record: RequestRecord = { id, log: runtime.logger.child({ requestId: id }), errorCodes: [] };
    res.locals.request = record;
    res.setHeader('X-Request-Id', id);
    res.once('close', () => requestEnded(runtime, req, res, record, performance.now() - started));
    next();
  };
}

function requestEnded(runtime: Runtime, req: Request, res: Response, record: RequestRecord, ms: number): void {
  const route = record.route ?? routeOf(req) ?? UNMATCHED_ROUTE;
  const ctx = res.locals.requestContext as RequestContext | undefined;
  const status = res.statusCode;
  record.log.info(
    {
      method: req.method,
      route,
      path: req.originalUrl.split('?')[0].slice(0, 200),
      operation: record.operation ? (record.operation.name ?? null) : undefined,
      operationType: record.operation?.type,
      status,
      durationMs: Math.round(ms * 10) / 10,
      principal: ctx?.principal.id,
      divisions: ctx?.scope.divisions,
      errors: record.errorCodes.length > 0 ? record.errorCodes : undefined,
      // The client went away before the whole response was sent.
      aborted: res.writableFinished ? undefined : true,
    },
    'request',
  );
  const { metrics } = runtime;
  metrics.observeRequest(req.method, route, status, ms / 1000);
  if (record.operation) metrics.observeOperation(record.operation.name, record.operation.type, ms / 1000);
  for (const code of record.errorCodes) metrics.countError(code);
}

/**
 * Puts the request id into the error bodies Apollo answers outside its request pipeline (a
 * mutation sent with GET, a body without `query`), which no plugin sees. Only error statuses are
 * looked at; successful bodies pass untouched.
 */
export const requestIdInApolloErrors: RequestHandler = (_req, res, next) => {
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    const record = requestOf(res);
    if (record && !record.graphqlAnswered && res.statusCode >= 400 && typeof body === 'string' && body.startsWith('{"errors"')) {
      try {
        const parsed = JSON.parse(body) as { errors: { extensions?: Record<string, unknown> }[] };
        parsed.errors = parsed.errors.map((e) => {
          const code = codeFor(res.statusCode, e.extensions);
          record.errorCodes.push(code);
          return { ...e, extensions: { ...e.extensions, code, requestId: record.id } };
        });
        return send(`${JSON.stringify(parsed)}\n`);
      } catch {
        // Not the shape expected: send as it is.
      }
    }
    return send(body);
  };
  next();
};

/**
 * The code of an error Apollo answers: its own, except that every 405 of the gateway says
 * METHOD_NOT_ALLOWED (Apollo answers a mutation sent with GET 405 BAD_REQUEST).
 */
function codeFor(status: number | undefined, extensions: Record<string, unknown> | undefined): string {
  return status === 405 ? 'METHOD_NOT_ALLOWED' : String(extensions?.code ?? 'INTERNAL_SERVER_ERROR');
}

/** True for errors the client gets as INTERNAL_SERVER_ERROR (see formatError in server.ts). */
function isInternal(error: GraphQLError): boolean {
  const code = error.extensions?.code;
  return code === undefined || code === 'INTERNAL_SERVER_ERROR';
}

/**
 * Ties GraphQL requests to their HTTP request: `remember` links the request context Apollo gets
 * to the request's record; the plugin notes the operation Apollo resolved (for the request line
 * and the per-operation metrics), logs every internal error with the request id, the principal,
 * the operation and the original error's stack, and adds `extensions.requestId` to every error
 * of the response.
 */
export function graphqlObservation(logger: Logger) {
  // Apollo hands each operation a shallow copy of the context, so the copy is found by a field
  // it shares with the original: the request's own logger.
  const records = new WeakMap<Logger, RequestRecord>();
  const plugin: ApolloServerPlugin<RequestContext> = {
    async requestDidStart({ contextValue }) {
      const record = records.get(contextValue.log);
      return {
        async didResolveOperation({ operationName, operation }) {
          if (record && operation) record.operation = { name: operationName ?? undefined, type: operation.operation };
        },
        async didEncounterErrors({ errors, operationName }) {
          for (const error of errors) {
            // A statement cancelled because the client hung up: nobody reads this answer, nothing failed.
            if (!isInternal(error) || isStatementCancelled(error.originalError)) continue;
            const fields = {
              err: error.originalError ?? error,
              route: record?.route,
              operation: operationName ?? undefined,
              path: error.path,
              principal: contextValue.principal.id,
            };
            contextValue.log.error(fields, 'internal error');
          }
        },
        async willSendResponse({ response }) {
          if (record) record.graphqlAnswered = true;
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((e) => {
            const code = codeFor(response.http.status, e.extensions);
            record?.errorCodes.push(code);
            return { ...e, extensions: { ...e.extensions, code, requestId: contextValue.requestId } };
          });
        },
      };
    },
    async unexpectedErrorProcessingRequest({ requestContext, error }) {
      (requestContext.contextValue?.log ?? logger).error({ err: error }, 'internal error');
    },
    async contextCreationDidFail({ error }) {
      logger.error({ err: error }, 'internal error: no GraphQL context');
    },
  };
  return {
    plugin,
    /** `ctx`, linked to the record of the request of `res`; use as Apollo's context function. */
    remember(res: Response, ctx: RequestContext): RequestContext {
      const record = requestOf(res);
      if (record) records.set(ctx.log, record);
      return ctx;
    },
  };
}
