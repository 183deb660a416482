import { missingScope } from '../access/access.errors';
import type { RequestContext } from './request-context';
import { Scope } from '../access/principal';

/**
 * FORBIDDEN naming the missing scope (message and extensions.scope), unless the caller holds it.
 * GraphQL fields do not call this themselves: they declare `@RequiresScope` and the schema checks
 * (src/graphql/access.ts); HTTP routes and services shared with them call it.
 */
export function requireScope(ctx: Pick<RequestContext, 'principal'>, scope: Scope): void {
  if (!ctx.principal.scopes.has(scope)) throw missingScope(scope);
}
