import { createHash } from 'node:crypto';
import { DivisionScope } from '../../access/division-scope';
import { Principal } from '../../access/principal';
import { assertCompleteResult } from '../../graphql/complete-result';
import { retryOnDeadlock, WriteConflict } from '../../platform/retry';
import { IdempotencyRule, idempotencyError } from './idempotency.errors';
import { IdempotencyRecord } from './idempotency-record.entity';

/**
 * Every mutation runs here: in one transaction, which commits only when the work and the check of
 * its result (assertCompleteResult) succeeded, so an error answer means nothing was written.
 *
 * Idempotent mutations: a caller may send an idempotency key with a mutation. The first call
 * runs and its result is stored in the same transaction as its writes (so a failed call stores
 * nothing and may be retried). A retry with the same key and the same input returns the stored
 * result without doing anything; the same key with other input is refused. Keys belong to a
 * principal: two callers can use the same key independently.
 */
export const MAX_KEY_LENGTH = 100;

/**
 * Runs `work` in one transaction of `scope`, once per (principal, key): see above. Resolvers reach
 * it through `@IdempotencyKeyArg()` (idempotency-key.arg.ts), which names the operation after the
 * mutation field. BAD_USER_INPUT (rule INVALID_VALUE or IDEMPOTENCY_KEY_REUSED) on `idempotencyKey`.
 */
export async function idempotent<R>(
  scope: DivisionScope,
  principal: Principal,
  key: string | null | undefined,
  operation: string,
  input: unknown,
  work: (scope: DivisionScope) => Promise<R>,
): Promise<R> {
  // The result is checked inside the transaction: a result GraphQL would refuse must undo the writes.
  const complete = async (tx: DivisionScope): Promise<R> => {
    const result = await work(tx);
    assertCompleteResult(result);
    return result;
  };
  if (key === null || key === undefined) return retryOnDeadlock(() => scope.transaction(complete));
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw idempotencyError(IdempotencyRule.INVALID_VALUE, 'idempotencyKey', `1 to ${MAX_KEY_LENGTH} characters`);
  }
  const requestHash = hashRequest(operation, input);
  const replay = (record: IdempotencyRecord): R => {
    if (record.requestHash !== requestHash) {
      const why = `key ${key} was already used for another request (${record.operation})`;
      throw idempotencyError(IdempotencyRule.IDEMPOTENCY_KEY_REUSED, 'idempotencyKey', why);
    }
    return JSON.parse(Buffer.from(record.response).toString('utf8'), reviveDates) as R;
  };
  try {
    return await retryOnDeadlock(() =>
      scope.transaction(async (tx) => {
        const existing = await tx.findInternal(IdempotencyRecord, { principalID: principal.id, idempotencyKey: key });
        if (existing) return replay(existing);
        const result = await complete(tx);
        await tx.insertInternal(IdempotencyRecord, {
          principalID: principal.id,
          idempotencyKey: key,
          operation,
          requestHash,
          response: Buffer.from(JSON.stringify(result ?? null), 'utf8'),
          created: new Date(),
        });
        return result;
      }),
    );
  } catch (error) {
    // Two calls with one key at the same moment: the second insert hits the primary key and
    // its transaction rolls back; it answers with what the first one stored. Inside a larger
    // transaction (a GraphQL mutation operation's) whose snapshot cannot see that row, the
    // whole transaction runs again instead, and then replays it.
    if (!isDuplicateKey(error)) throw error;
    if (scope.inTransaction) throw new WriteConflict(`idempotency key ${key} is being used by a concurrent call`, { cause: error });
    const stored = await scope.findInternal(IdempotencyRecord, { principalID: principal.id, idempotencyKey: key });
    if (!stored) throw error;
    return replay(stored);
  }
}

/** sha256 of the operation and its input, with object keys sorted (order-insensitive JSON). */
export function hashRequest(operation: string, input: unknown): string {
  return createHash('sha256').update(operation).update('\n').update(canonicalJson(input)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const ISO_DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

function reviveDates(_key: string, value: unknown): unknown {
  return typeof value === 'string' && ISO_DATE_TIME.test(value) ? new Date(value) : value;
}

function isDuplicateKey(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  const code = e?.driverError?.code ?? e?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
