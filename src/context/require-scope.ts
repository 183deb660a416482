import { forbidden } from '../platform/errors';
import type { RequestContext } from './request-context';
import { Scope } from '../access/principal';

/** FORBIDDEN naming the missing scope, unless the caller holds it. */
export function requireScope(ctx: Pick<RequestContext, 'principal'>, scope: Scope): void {
  if (!ctx.principal.scopes.has(scope)) throw forbidden(`This operation needs the scope ${scope}`, { scope });
}
