import { ExecutionResult, GraphQLError, GraphQLSchema, isNonNullType, Kind, OperationDefinitionNode } from 'graphql';
import { Loaders } from '../context/loaders';
import type { RequestContext } from '../context/request-context';
import { heldEvents } from '../platform/events';
import { isLockConflict, retryOnDeadlock } from '../platform/retry';

/** Executes the operation with `context` (the executor's own work: compiled or interpreted). */
export type RunOperation = (context: RequestContext) => Promise<ExecutionResult>;

/** Carries the answer of an operation whose transaction was rolled back because of its errors. */
class RolledBack extends Error {
  constructor(readonly result: ExecutionResult) {
    super('the mutation operation answered errors: rolled back');
  }
}

/**
 * The rule for writes (issue 11, §12 "an error means nothing was written", applied to the whole
 * answer): a GraphQL mutation operation runs in one transaction, all of it, the mutation fields
 * and every field of their answers (the relations of the rows they return, read through loaders
 * bound to the transaction), and commits only if the answer has no error at all. So an answer
 * with an error never reports a write that stayed: when a relation read fails after the writes,
 * the writes roll back and the answer says so with the error; the mutation fields of a rolled-back
 * answer are null (`data` is null when one of them is non-null in the schema). An answer without
 * errors is committed before it is sent. Several mutation fields in one operation are therefore
 * all or nothing.
 *
 * The services' own transactions join this one (DivisionScope.transaction), and so do their
 * retries (retryOnDeadlock): a lock conflict anywhere in the operation rolls back the whole
 * transaction and the operation runs again from the start (fresh loaders), up to retryOnDeadlock's
 * attempts, then answers CONFLICT (retryable). Runtime events emitted during the operation
 * (statementsImported, ...) are sent after the commit, and dropped with a rollback (heldEvents).
 * Queries and subscriptions run as they are, outside any transaction.
 */
export async function inMutationTransaction(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode | undefined,
  context: RequestContext,
  run: RunOperation,
): Promise<ExecutionResult> {
  if (operation?.operation !== 'mutation') return run(context);
  try {
    const { result, release } = await retryOnDeadlock(() =>
      heldEvents(() =>
        context.scope.transaction(async (tx) => {
          const answer = await run({ ...context, scope: tx, loaders: new Loaders(tx) });
          const errors = answer.errors ?? [];
          // The database rolled the transaction back already: run the whole operation again.
          const conflict = errors.find((e) => isLockConflict(e.originalError));
          if (conflict) throw conflict.originalError;
          if (errors.length > 0) throw new RolledBack(answer);
          return answer;
        }),
      ),
    );
    release();
    return result;
  } catch (error) {
    if (error instanceof RolledBack) return withoutMutationData(schema, operation, error.result);
    // A conflict that retrying did not resolve (CONFLICT), a failed commit: no field has it.
    const e = error instanceof GraphQLError ? error : new GraphQLError('the mutation failed', { originalError: error as Error });
    return { data: null, errors: [e] };
  }
}

/** `result` with every mutation field null (all of `data` when one of them may not be null). */
function withoutMutationData(schema: GraphQLSchema, operation: OperationDefinitionNode, result: ExecutionResult): ExecutionResult {
  if (!result.data) return { ...result, data: null };
  const fields = schema.getMutationType()?.getFields() ?? {};
  const data: Record<string, unknown> = { ...result.data };
  for (const selection of operation.selectionSet.selections) {
    const field = selection.kind === Kind.FIELD ? fields[selection.name.value] : undefined;
    if (selection.kind !== Kind.FIELD || !field || isNonNullType(field.type)) return { ...result, data: null };
    data[(selection.alias ?? selection.name).value] = null;
  }
  return { ...result, data };
}
