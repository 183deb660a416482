import { ApolloServerPlugin } from '@apollo/server';
import {
  DocumentNode,
  FragmentDefinitionNode,
  getNamedType,
  GraphQLSchema,
  isLeafType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import { ComplexityEstimatorArgs, getComplexity } from 'graphql-query-complexity';
import { GatewayError } from '../common/errors';

/** Limits on the shape of an operation, checked before it runs. */
export interface ProtectionLimits {
  /** Deepest field nesting (introspection fields excepted). */
  maxDepth: number;
  /** Aliased fields in one operation (aliases multiply work without nesting). */
  maxAliases: number;
  /** Estimated cost: rows and values the operation may produce (see `estimateCost`). */
  maxCost: number;
  /** Page size assumed for a list whose first/last is not given. */
  defaultPageSize: number;
}

const tooLarge = (limit: 'depth' | 'aliases' | 'cost', message: string, value: number, max: number) =>
  new GatewayError('BAD_USER_INPUT', `query: ${message}`, { field: 'query', limit, value, max, http: { status: 400 } });

/**
 * Refuses operations that are too deep, use too many aliases or would cost too much, before any
 * SQL runs, with BAD_USER_INPUT naming the limit. Cost is estimated by graphql-query-complexity:
 * every field costs 1, and a list field (a connection with first/last, an aggregate with limit)
 * multiplies what is under it by the rows it may return.
 */
export function queryProtectionPlugin<C extends object>(limits: ProtectionLimits): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, schema, request }) {
          if (!operation) return;
          assertWithinLimits(schema, document, operation, request.variables ?? {}, limits);
        },
      };
    },
  };
}

/** The depth, alias and cost checks of the plugin, for operations run outside Apollo (exports). */
export function assertWithinLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits: ProtectionLimits,
): void {
  const fragments = fragmentsOf(document);
  const depth = depthOf(operation.selectionSet, fragments, 0);
  if (depth > limits.maxDepth) throw tooLarge('depth', `is nested ${depth} levels deep; the maximum is ${limits.maxDepth}`, depth, limits.maxDepth);
  const aliases = aliasesOf(operation.selectionSet, fragments);
  if (aliases > limits.maxAliases) throw tooLarge('aliases', `uses ${aliases} aliases; the maximum is ${limits.maxAliases}`, aliases, limits.maxAliases);
  const cost = estimateCost(schema, document, operation, variables, limits.defaultPageSize);
  if (cost > limits.maxCost) throw tooLarge('cost', `has an estimated cost of ${cost}; the maximum is ${limits.maxCost} (ask for smaller pages or fewer nested lists)`, cost, limits.maxCost);
}

export function estimateCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, defaultPageSize: number): number {
  try {
    return complexity(schema, document, operation, variables, defaultPageSize);
  } catch {
    // Variables that do not fit the operation: execution reports them (BAD_USER_INPUT).
    return 0;
  }
}

function complexity(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, defaultPageSize: number): number {
  return getComplexity({
    schema,
    query: { ...document, definitions: [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)] },
    variables,
    estimators: [
      ({ field, args, childComplexity }: ComplexityEstimatorArgs) => {
        if (field.name.startsWith('__')) return 0;
        if (isLeafType(getNamedType(field.type))) return 1;
        const rows = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : typeof args.limit === 'number' ? args.limit : undefined;
        if (field.args.some((a) => a.name === 'first' || a.name === 'limit')) return 1 + (rows ?? defaultPageSize) * childComplexity;
        return 1 + childComplexity;
      },
    ],
  });
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  return new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
}

function depthOf(set: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>, depth: number, seen = new Set<string>()): number {
  if (!set) return depth;
  let max = depth;
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      if (s.name.value.startsWith('__')) continue;
      max = Math.max(max, depthOf(s.selectionSet, fragments, depth + 1, seen));
    } else if (s.kind === Kind.INLINE_FRAGMENT) max = Math.max(max, depthOf(s.selectionSet, fragments, depth, seen));
    else if (!seen.has(s.name.value)) {
      const f = fragments.get(s.name.value);
      if (f) max = Math.max(max, depthOf(f.selectionSet, fragments, depth, new Set([...seen, s.name.value])));
    }
  }
  return max;
}

function aliasesOf(set: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): number {
  if (!set) return 0;
  let n = 0;
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) n += (s.alias ? 1 : 0) + aliasesOf(s.selectionSet, fragments, seen);
    else if (s.kind === Kind.INLINE_FRAGMENT) n += aliasesOf(s.selectionSet, fragments, seen);
    else if (!seen.has(s.name.value)) {
      const f = fragments.get(s.name.value);
      if (f) n += aliasesOf(f.selectionSet, fragments, new Set([...seen, s.name.value]));
    }
  }
  return n;
}
