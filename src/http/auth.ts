import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { GatewayError } from '../platform/errors';
import { Runtime } from '../platform/runtime';
import { createContext, RequestContext, RequestIdentity } from '../context/request-context';
import { Database } from '../db/data-source';
import { authenticate, grantedDivisions } from '../access/authenticate';
import { DIVISIONS_HEADER, selectDivisions } from '../context/partition-selection';
import { sendGatewayError } from './errors';
import { requestOf } from './observability';

/**
 * Express middleware for every HTTP endpoint that serves data (/graphql, /sql, /export, file
 * downloads): authenticates the caller, applies the X-Cashflow-Divisions selection and leaves
 * the request context in `res.locals`. Without valid credentials it answers 401 with a GraphQL
 * style error body `{errors: [{message, extensions: {code: 'UNAUTHENTICATED', requestId}}]}`; a division
 * that is not granted answers 403 FORBIDDEN.
 *
 *   app.get('/export', authenticated(db, runtime), (req, res) => {
 *     const ctx = requestContextOf(res);
 *     requireScope(ctx, 'analytics');
 *     ...
 *   });
 */
export function authenticated(db: Database, runtime: Runtime): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const record = requestOf(res);
      const request = record && { requestId: record.id, log: record.log };
      res.locals.requestContext = await contextForRequest(req, db, runtime, request, disconnectSignal(res));
    } catch (error) {
      if (error instanceof GatewayError) return sendGatewayError(res, error);
      return next(error);
    }
    next();
  };
}

/**
 * The context of an HTTP request, for code that does not go through the middleware; `request`
 * is its id and logger (see observability.ts), a fresh id when not given; `signal` cancels the
 * statements of the request (see disconnectSignal).
 */
export async function contextForRequest(
  req: Pick<Request, 'headers'>,
  db: Database,
  runtime: Runtime,
  request?: RequestIdentity,
  signal?: AbortSignal,
): Promise<RequestContext> {
  const principal = await authenticate(req.headers, db, runtime);
  const divisions = selectDivisions(await grantedDivisions(principal, db), req.headers[DIVISIONS_HEADER]);
  return createContext(db, runtime, principal, divisions, request, signal);
}

/**
 * Aborted when the connection closes before the response is complete: the client hung up, or
 * the server is stopping and closed it. The request's statements then stop (SQLite: its read
 * worker ends the statement; MariaDB: KILL QUERY) instead of running on for nobody.
 */
function disconnectSignal(res: Response): AbortSignal {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort(new Error('the client disconnected'));
  });
  return controller.signal;
}

/** The context `authenticated` left on the response; throws if the middleware did not run. */
export function requestContextOf(res: Response): RequestContext {
  const ctx = res.locals.requestContext as RequestContext | undefined;
  if (!ctx) throw new Error('requestContextOf: the authenticated() middleware did not run for this route');
  return ctx;
}
