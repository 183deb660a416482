import { forbidden } from '../common/errors';
import type { RequestContext } from '../context/request-context';
import { Scope } from './principal';

/** FORBIDDEN naming the missing scope, unless the caller holds it. */
export function requireScope(ctx: Pick<RequestContext, 'principal'>, scope: Scope): void {
  if (!ctx.principal.scopes.has(scope)) throw forbidden(`This operation needs the scope ${scope}`, { scope });
}
