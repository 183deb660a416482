import { badInput, forbidden } from '../platform/errors';
import { divisionCodesProblem, refuse } from '../platform/validation';
import type { RequestContext } from './request-context';
import { DivisionScope } from '../access/division-scope';

/**
 * Partition selection, like Invantive's `use 1,2` / `use all`: a request names the divisions it
 * wants in the X-Cashflow-Divisions header (`1,2` or `all`), and a root field may narrow further
 * with its `divisions` argument. The default is every granted division. Naming a division that
 * is not granted (or not selected by the header) is FORBIDDEN, never silently dropped; a code
 * named twice, or more than MAX_DIVISION_CODES codes, is BAD_USER_INPUT (divisionCodesProblem).
 */
export const DIVISIONS_HEADER = 'x-cashflow-divisions';

/** Description of the `divisions` argument every root field takes. */
export const DIVISIONS_ARG =
  'Divisions to read from (like `use 1,2`); default: every division granted and selected by the X-Cashflow-Divisions header. A division not granted is FORBIDDEN.';

/** The divisions a request works in, from the header value and the granted divisions. */
export function selectDivisions(granted: readonly number[], header: string | string[] | undefined): number[] {
  const value = (Array.isArray(header) ? header.join(',') : header ?? '').trim();
  if (value === '' || value.toLowerCase() === 'all') return [...granted];
  const requested: number[] = [];
  for (const part of value.split(',')) {
    const p = part.trim();
    if (!/^\d+$/.test(p) || !Number.isSafeInteger(Number(p))) {
      const got = JSON.stringify(value.slice(0, 100));
      throw badInput('X-Cashflow-Divisions', `must be "all" or a comma-separated list of division codes, got ${got}`);
    }
    requested.push(Number(p));
  }
  refuse('X-Cashflow-Divisions', divisionCodesProblem(requested));
  for (const d of requested) if (!granted.includes(d)) throw notGranted(d);
  return [...requested].sort((a, b) => a - b);
}

/**
 * The scope of a root field: the request's scope, narrowed to the field's `divisions` argument
 * when given. Every root field resolver that reads or writes partitioned rows calls this.
 */
export function scopeForDivisions(ctx: Pick<RequestContext, 'scope'>, divisions: readonly number[] | null | undefined): DivisionScope {
  if (divisions === null || divisions === undefined) return ctx.scope;
  if (divisions.length === 0) throw badInput('divisions', 'must name at least one division (omit it for all)');
  refuse('divisions', divisionCodesProblem(divisions));
  for (const d of divisions) if (!ctx.scope.allows(d)) throw notGranted(d);
  return ctx.scope.narrow(divisions);
}

function notGranted(division: number) {
  return forbidden(`Division ${division} is not granted to this caller (or not selected by the request)`, { division });
}
