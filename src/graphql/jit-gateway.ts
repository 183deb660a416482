import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import {
  execute,
  ExecutionResult,
  getNamedType,
  getVariableValues,
  GraphQLInputObjectType,
  GraphQLSchema,
  isInputObjectType,
  OperationDefinitionNode,
  printSchema,
  typeFromAST,
} from 'graphql';
import { CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

type Gateway = NonNullable<ApolloServerOptionsWithGateway<BaseContext>['gateway']>;
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;
type ExecutorRequest = Parameters<Executor>[0];

/**
 * Runs operations compiled by graphql-jit instead of graphql-js's interpreter: a list page
 * resolves thousands of fields, and the compiled code skips the per-field bookkeeping of
 * `execute` (argument coercion, path objects, resolve infos built eagerly).
 *
 * Apollo Server 5 has one supported way to swap the executor, the `gateway` option: `load()`
 * hands it the schema and an executor, and Apollo keeps doing everything else (parsing and
 * validation with its document cache, plugins, error formatting). Compiled operations are kept
 * per query text and operation name.
 *
 * Whatever graphql-js would answer differently from the compiled code is left to graphql-js:
 * operations Apollo could not pick from the document, variables that do not coerce (graphql-js's
 * messages are the ones clients and Apollo's BAD_USER_INPUT mapping know), and documents
 * graphql-jit cannot compile. So are operations with a variable of a recursive input type
 * (`where: $w` with PaymentWhere's and/or/not): graphql-jit inlines the parsing of input types
 * and never stops on a cycle (graphql-jit issue #81, compilation runs out of memory).
 */
export function jitGateway(
  schema: GraphQLSchema,
  options: {
    cacheSize?: number;
    /**
     * Runs around each operation's execution, which it starts with `run` and the context to use
     * (the gateway's: mutation operations in one transaction, graphql/mutation-transaction.ts).
     */
    around?: (
      operation: OperationDefinitionNode | undefined,
      context: any,
      run: (context: any) => Promise<ExecutionResult>,
    ) => Promise<ExecutionResult>;
  } = {},
): Gateway {
  const compiled = new LRUCache<string, CompiledQuery | false>({ max: options.cacheSize ?? 500 });

  const executor: Executor = async (requestContext) => {
    if (!options.around) return run(requestContext);
    return options.around(requestContext.operation, requestContext.context, (context) => run({ ...requestContext, context }));
  };

  const run = async ({ document, operation, request, context, queryHash }: ExecutorRequest): Promise<ExecutionResult> => {
    const variables = request.variables ?? {};
    const interpreted = () =>
      execute({ schema, document, contextValue: context, variableValues: variables, operationName: request.operationName });
    if (!operation || hasRecursiveVariable(schema, operation)) return interpreted();
    if (operation.variableDefinitions?.length) {
      const coerced = getVariableValues(schema, operation.variableDefinitions, variables, { maxErrors: 50 });
      if (coerced.errors) return { errors: coerced.errors } satisfies ExecutionResult;
    }
    const key = `${queryHash}\0${request.operationName ?? ''}`;
    let query = compiled.get(key);
    if (query === undefined) {
      const result = compileQuery(schema, document, request.operationName ?? undefined, { disablingCapturingStackErrors: true });
      query = isCompiledQuery(result) ? result : false;
      compiled.set(key, query);
    }
    if (!query) return interpreted();
    return query.query(undefined, context, variables) as ExecutionResult | Promise<ExecutionResult>;
  };

  return {
    async load() {
      return { schema, executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    async stop() {},
  };
}

const recursiveInputs = new WeakMap<GraphQLInputObjectType, boolean>();

/** True when a variable's type reaches an input object type that contains itself. */
export function hasRecursiveVariable(schema: GraphQLSchema, operation: OperationDefinitionNode): boolean {
  return (operation.variableDefinitions ?? []).some((v) => {
    const type = typeFromAST(schema, v.type);
    const named = type && getNamedType(type);
    return isInputObjectType(named) && reachesCycle(named, new Set());
  });
}

function reachesCycle(type: GraphQLInputObjectType, path: Set<GraphQLInputObjectType>): boolean {
  const known = recursiveInputs.get(type);
  if (known !== undefined) return known;
  if (path.has(type)) return true;
  path.add(type);
  let found = false;
  for (const field of Object.values(type.getFields())) {
    const named = getNamedType(field.type);
    if (isInputObjectType(named) && reachesCycle(named, path)) found = true;
  }
  path.delete(type);
  recursiveInputs.set(type, found);
  return found;
}
