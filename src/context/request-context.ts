import { ApiKeyAdmin } from '../access/api-key-admin';
import { Principal } from '../access/principal';
import { DivisionScope } from '../access/division-scope';
import { Config } from '../platform/config';
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
}

/** The context of one request by `principal`, working in `divisions` (already checked against its grant). */
export function createContext(db: Database, runtime: Runtime, principal: Principal, divisions: readonly number[]): RequestContext {
  const scope = new DivisionScope(db, divisions);
  return { principal, scope, loaders: new Loaders(scope), config: runtime.config, runtime, apiKeys: new ApiKeyAdmin(db, principal) };
}
