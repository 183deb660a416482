import { ApiKeyAdmin } from '../access/api-key-admin';
import { Principal } from '../access/principal';
import { DivisionScope } from '../access/division-scope';
import { Config } from '../config';
import { Database } from '../db/data-source';
import { Loaders } from './loaders';

/** Everything a resolver may use, built once per request. */
export interface RequestContext {
  readonly principal: Principal;
  /** The only door to partitioned tables for this request. */
  readonly scope: DivisionScope;
  readonly loaders: Loaders;
  readonly config: Config;
  /** API key management (admin mutations), bound to this request's principal. */
  readonly apiKeys: ApiKeyAdmin;
}

/**
 * The context of one request of `principal` over `divisions`. `signal` (an HTTP request's: its
 * client went away) cancels the statements the request's scope runs.
 */
export function createContext(db: Database, config: Config, principal: Principal, divisions: readonly number[], signal?: AbortSignal): RequestContext {
  const scope = new DivisionScope(db, divisions, undefined, false, { signal });
  return { principal, scope, loaders: new Loaders(scope), config, apiKeys: new ApiKeyAdmin(db, principal) };
}
