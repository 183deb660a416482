import { AccessRule, accessError } from '../access/access.errors';
import { divisionCodesProblem } from '../platform/validation';
import type { RequestContext } from './request-context';
import { DivisionScope } from '../access/division-scope';

/**
 * Partition selection, like Invantive's `use 1,2` / `use all`: a request names the divisions it
 * wants in the X-Cashflow-Divisions header (`1,2` or `all`), and a root field (GraphQL), the body
 * or query string of /sql and /export, or `--divisions` of the export command may narrow further
 * with `divisions`. The default is every granted division. Naming a division that is not granted
 * (or not selected by the header) is FORBIDDEN, never silently dropped; an empty `divisions` is
 * BAD_USER_INPUT (leave it out for all), and so are a code beyond a GraphQL Int and more than
 * MAX_DIVISION_CODES codes (divisionCodesProblem), in the header as anywhere; a code named twice
 * counts once (a selection is a set).
 */
export const DIVISIONS_HEADER = 'x-cashflow-divisions';

/** The divisions a request works in, from the header value and the granted divisions. */
export function selectDivisions(granted: readonly number[], header: string | string[] | undefined): number[] {
  const value = (Array.isArray(header) ? header.join(',') : (header ?? '')).trim();
  if (value === '' || value.toLowerCase() === 'all') return [...granted];
  const codes = divisionCodes(value.split(','));
  if (!codes) {
    const why = `must be "all" or a comma-separated list of division codes, got ${JSON.stringify(value.slice(0, 100))}`;
    throw accessError(AccessRule.INVALID_VALUE, 'X-Cashflow-Divisions', why);
  }
  const problem = divisionCodesProblem(codes);
  if (problem) throw accessError(AccessRule.INVALID_VALUE, 'X-Cashflow-Divisions', problem);
  const requested = new Set(codes);
  for (const d of requested) if (!granted.includes(d)) throw notGranted(d);
  return [...requested].sort((a, b) => a - b);
}

/**
 * The scope of a request narrowed to its `divisions` (the GraphQL argument, or what
 * `divisionsParameter` read over HTTP): the request's scope when absent (null or undefined);
 * BAD_USER_INPUT naming `divisions` when empty; FORBIDDEN naming the first division that is not
 * in the request's scope. The one rule for every root field, /sql, /export and the export command.
 */
export function scopeForDivisions(ctx: Pick<RequestContext, 'scope'>, divisions: readonly number[] | null | undefined): DivisionScope {
  if (divisions === null || divisions === undefined) return ctx.scope;
  if (divisions.length === 0) throw accessError(AccessRule.NO_DIVISION, 'divisions', 'must name at least one division (omit it for all)');
  const problem = divisionCodesProblem(divisions);
  if (problem) throw accessError(AccessRule.INVALID_VALUE, 'divisions', problem);
  for (const d of divisions) if (!ctx.scope.allows(d)) throw notGranted(d);
  return ctx.scope.narrow(divisions);
}

/**
 * `divisions` as sent outside GraphQL: a JSON list of codes (`[1, 2]`, `["1"]`) in a body, or
 * comma-separated text (`1,2`) in a query string or on the command line. Absent (undefined or
 * null) stays absent; an empty text or list is the empty list, which `scopeForDivisions` refuses.
 * BAD_USER_INPUT naming `divisions` for anything that is not a division code.
 */
export function divisionsParameter(value: unknown): number[] | undefined {
  if (value === undefined || value === null) return undefined;
  const parts = Array.isArray(value) ? value : typeof value === 'string' ? (value.trim() === '' ? [] : value.split(',')) : [value];
  const codes = divisionCodes(parts);
  if (!codes) throw accessError(AccessRule.INVALID_VALUE, 'divisions', 'must be a list of division codes');
  return codes;
}

/** Integers from numbers or digit strings; undefined when any part is something else. */
function divisionCodes(parts: readonly unknown[]): number[] | undefined {
  const codes: number[] = [];
  for (const part of parts) {
    const text = typeof part === 'number' ? String(part) : typeof part === 'string' ? part.trim() : '';
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) return undefined;
    codes.push(Number(text));
  }
  return codes;
}

function notGranted(division: number) {
  const message = `Division ${division} is not granted to this caller (or not selected by the request)`;
  return accessError(AccessRule.DIVISION_NOT_GRANTED, null, message, { division });
}
