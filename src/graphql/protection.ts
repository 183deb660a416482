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

import { tooLarge, Violation } from './document-size';

export { asLimitError, assertDocumentSize, documentSizeRule, MAX_NESTING, parseOptionsFor, tokenLimitError } from './document-size';
export type { DocumentLimits } from './document-size';

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

const OK = 'ok' as const;

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
  const verdicts = new LRUCache<string, Violation | typeof OK>({
    max: 2000,
    maxSize: 8_000_000,
    maxEntrySize: 64_000,
    sizeCalculation: (_v, key) => key.length,
  });
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
  const { depth, aliases } = shapeOf(operation.selectionSet, fragmentsOf(document));
  if (depth > limits.maxDepth)
    return {
      limit: 'depth',
      message: `is nested ${depth} levels deep; the maximum is ${limits.maxDepth}`,
      value: depth,
      max: limits.maxDepth,
    };
  if (aliases > limits.maxAliases)
    return {
      limit: 'aliases',
      message: `uses ${aliases} aliases; the maximum is ${limits.maxAliases}`,
      value: aliases,
      max: limits.maxAliases,
    };
  const cost = estimateCost(schema, document, operation, variables, limits.defaultPageSize);
  if (cost > limits.maxCost)
    return {
      limit: 'cost',
      message: `has an estimated cost of ${cost}; the maximum is ${limits.maxCost} (ask for smaller pages or fewer nested lists)`,
      value: cost,
      max: limits.maxCost,
    };
  return undefined;
}

export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  defaultPageSize: number,
): number {
  try {
    return complexity(schema, document, operation, variables, defaultPageSize);
  } catch {
    // Variables that do not fit the operation: execution reports them (BAD_USER_INPUT).
    return 0;
  }
}

function complexity(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  defaultPageSize: number,
): number {
  return getComplexity({
    schema,
    query: { ...document, definitions: [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)] },
    variables,
    estimators: [
      ({ field, args, childComplexity }: ComplexityEstimatorArgs) => {
        if (field.name.startsWith('__')) return 0;
        if (isLeafType(getNamedType(field.type))) return 1;
        const rows =
          typeof args.first === 'number'
            ? args.first
            : typeof args.last === 'number'
              ? args.last
              : typeof args.limit === 'number'
                ? args.limit
                : undefined;
        if (field.args.some((a) => a.name === 'first' || a.name === 'limit')) return 1 + (rows ?? defaultPageSize) * childComplexity;
        return 1 + childComplexity;
      },
    ],
  });
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  return new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
}

/** Depth and aliases of a selection set, its fragments expanded. */
interface Shape {
  depth: number;
  aliases: number;
}

/**
 * The field depth (introspection fields excepted) and the aliases of `set`, counting a fragment
 * every time it is spread. Each fragment's shape is worked out once: walking a fragment again at
 * every spread made a document of fragments spreading each other several times cost time
 * exponential in its length. A spread of a fragment that is being worked out (a cycle, which
 * validation refuses) adds nothing.
 */
function shapeOf(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, shapes = new Map<string, Shape | null>()): Shape {
  const shape: Shape = { depth: 0, aliases: 0 };
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      const below = s.selectionSet ? shapeOf(s.selectionSet, fragments, shapes) : { depth: 0, aliases: 0 };
      shape.aliases += (s.alias ? 1 : 0) + below.aliases;
      // Introspection is nested by nature (ofType { ofType { ... } }) and reads no rows.
      if (!s.name.value.startsWith('__')) shape.depth = Math.max(shape.depth, 1 + below.depth);
      continue;
    }
    let inner: Shape | null | undefined;
    if (s.kind === Kind.INLINE_FRAGMENT) inner = shapeOf(s.selectionSet, fragments, shapes);
    else {
      inner = shapes.get(s.name.value);
      const fragment = fragments.get(s.name.value);
      if (inner === undefined && fragment) {
        shapes.set(s.name.value, null);
        inner = shapeOf(fragment.selectionSet, fragments, shapes);
        shapes.set(s.name.value, inner);
      }
    }
    if (!inner) continue;
    shape.depth = Math.max(shape.depth, inner.depth);
    shape.aliases += inner.aliases;
  }
  return shape;
}
