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
import { LRUCache } from 'lru-cache';
import { GatewayError } from '../platform/errors';

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

/** Which limit an operation exceeds, and by how much. */
interface Violation {
  limit: 'depth' | 'aliases' | 'cost';
  message: string;
  value: number;
  max: number;
}

const OK = 'ok' as const;

const tooLarge = ({ limit, message, value, max }: Violation) =>
  new GatewayError('BAD_USER_INPUT', `query: ${message}`, { field: 'query', limit, value, max, http: { status: 400 } });

/**
 * Refuses operations that are too deep, use too many aliases or would cost too much, before any
 * SQL runs, with BAD_USER_INPUT naming the limit. Cost is estimated by graphql-query-complexity:
 * every field costs 1, and a list field (a connection with first/last, an aggregate with limit)
 * multiplies what is under it by the rows it may return.
 *
 * The verdict depends only on the operation and its variables, and clients repeat the same few,
 * so it is remembered per (query text, operation, variables): walking the document and estimating
 * the cost on every request was a measurable share of a list request's CPU time.
 */
export function queryProtectionPlugin<C extends object>(limits: ProtectionLimits): ApolloServerPlugin<C> {
  // Bounded by entries and by key size: variables of a large mutation are not worth keeping.
  const verdicts = new LRUCache<string, Violation | typeof OK>({ max: 2000, maxSize: 8_000_000, maxEntrySize: 64_000, sizeCalculation: (_v, key) => key.length });
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, schema, request, queryHash }) {
          if (!operation) return;
          const variables = request.variables ?? {};
          const key = `${queryHash}\0${request.operationName ?? ''}\0${JSON.stringify(variables)}`;
          let verdict = verdicts.get(key);
          if (verdict === undefined) {
            verdict = violationOf(schema, document, operation, variables, limits) ?? OK;
            verdicts.set(key, verdict);
          }
          // A fresh error per request: Apollo and formatError may annotate the one they get.
          if (verdict !== OK) throw tooLarge(verdict);
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
  const violation = violationOf(schema, document, operation, variables, limits);
  if (violation) throw tooLarge(violation);
}

function violationOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits: ProtectionLimits,
): Violation | undefined {
  const fragments = fragmentsOf(document);
  const depth = depthOf(operation.selectionSet, fragments, 0);
  if (depth > limits.maxDepth) return { limit: 'depth', message: `is nested ${depth} levels deep; the maximum is ${limits.maxDepth}`, value: depth, max: limits.maxDepth };
  const aliases = aliasesOf(operation.selectionSet, fragments);
  if (aliases > limits.maxAliases) return { limit: 'aliases', message: `uses ${aliases} aliases; the maximum is ${limits.maxAliases}`, value: aliases, max: limits.maxAliases };
  const cost = estimateCost(schema, document, operation, variables, limits.defaultPageSize);
  if (cost > limits.maxCost) return { limit: 'cost', message: `has an estimated cost of ${cost}; the maximum is ${limits.maxCost} (ask for smaller pages or fewer nested lists)`, value: cost, max: limits.maxCost };
  return undefined;
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
