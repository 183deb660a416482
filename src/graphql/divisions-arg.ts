import { createParameterDecorator, Int } from 'type-graphql';
import type { DivisionScope } from '../access/division-scope';
import type { RequestContext } from '../context/request-context';
import { scopeForDivisions } from '../context/partition-selection';

/** Description of the `divisions` argument, the same on every root field that takes it. */
export const DIVISIONS_ARG_DOC =
  'Divisions to read from (like `use 1,2`); default: every division granted and selected by the X-Cashflow-Divisions header. ' +
  'A division not granted is FORBIDDEN.';

/**
 * Declares the `divisions: [Int!]` argument of a root field and hands the resolver the request's
 * division scope narrowed to it (scopeForDivisions: the one rule, shared with /sql and /export):
 *
 *   ageing(@Arg('asOf', ...) asOf: Date, @DivisionsArg() scope: DivisionScope) { ... }
 *
 * So a resolver cannot take the argument and forget to narrow. An empty list is BAD_USER_INPUT
 * naming `divisions`; a division outside the request's scope is FORBIDDEN naming it.
 */
export function DivisionsArg() {
  return createParameterDecorator<RequestContext>(
    ({ args, context }): DivisionScope => scopeForDivisions(context, args.divisions as number[] | null | undefined),
    { arg: { name: 'divisions', typeFunc: () => [Int], options: { nullable: true, description: DIVISIONS_ARG_DOC } } },
  );
}
