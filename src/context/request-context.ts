import { randomUUID } from 'node:crypto';
import { ApiKeyAdmin } from '../access/api-key-admin';
import { Principal } from '../access/principal';
import { DivisionScope } from '../access/division-scope';
import { Config } from '../platform/config';
import { Logger } from '../platform/logger';
import { Runtime } from '../platform/runtime';
import { Database } from '../db/data-source';
import { Loaders } from './loaders';

/** Everything a resolver may use, built once per request. */
export interface RequestContext {
  readonly principal: Principal;
  /** The only door to partitioned tables for this request. */
  readonly scope: DivisionScope;
  readonly loaders: Loaders;
  readonly config: Config;
  /** The gateway's runtime: logger, events, hooks, caches. */
  readonly runtime: Runtime;
  /** API key management (admin mutations), bound to this request's principal. */
  readonly apiKeys: ApiKeyAdmin;
  /** The request's id (X-Request-Id), on every log line and error of the request. */
  readonly requestId: string;
  /** The runtime's logger with the request id bound: log through this, never console. */
  readonly log: Logger;
}

/** The request a context serves: its id and logger (the HTTP layer makes them per request). */
export interface RequestIdentity {
  requestId: string;
  log: Logger;
}

/**
 * The context of one request by `principal`, working in `divisions` (already checked against its
 * grant). Outside HTTP (the command line, tests) `request` may be left out: the context gets a
 * fresh id and the runtime's logger with it bound. `signal` (an HTTP request's: its client went
 * away) cancels the statements the request's scope runs.
 */
export function createContext(
  db: Database,
  runtime: Runtime,
  principal: Principal,
  divisions: readonly number[],
  request?: RequestIdentity,
  signal?: AbortSignal,
): RequestContext {
  const scope = new DivisionScope(db, divisions, undefined, false, { signal });
  const requestId = request?.requestId ?? randomUUID();
  const log = request?.log ?? runtime.logger.child({ requestId });
  return {
    principal,
    scope,
    loaders: new Loaders(scope),
    config: runtime.config,
    runtime,
    apiKeys: new ApiKeyAdmin(db, principal),
    requestId,
    log,
  };
}
