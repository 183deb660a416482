import { createParameterDecorator } from 'type-graphql';
import type { DivisionScope } from '../../access/division-scope';
import type { RequestContext } from '../../context/request-context';
import { idempotent, MAX_KEY_LENGTH } from './idempotency.service';

/** Description of the `idempotencyKey` argument, the same on every mutation that takes it. */
export const IDEMPOTENCY_KEY_DOC =
  `Idempotency key (1 to ${MAX_KEY_LENGTH} characters): a retry with the same key and input returns the first result ` +
  'and does nothing twice; the same key with other input is refused.';

/**
 * The work of a mutation run once per idempotency key: `input` is what identifies the request
 * (hashed with the field name), `work` does the writes in the transaction it is given.
 */
export type Idempotent = <R>(input: unknown, work: (tx: DivisionScope) => Promise<R>) => Promise<R>;

/**
 * Declares the optional `idempotencyKey: String` argument of a mutation and hands the resolver
 * the mutation's runner: `idempotent(input, (tx) => service(tx).do(input))` runs the work in one
 * transaction of the request's scope, keyed by the caller, the key and the field name (the
 * operation recorded with the key); without a key it simply runs in a transaction.
 *
 *   selectPayments(@Arg('paymentIDs', ...) ids: string[], @IdempotencyKeyArg() idempotent: Idempotent, ...)
 */
export function IdempotencyKeyArg() {
  return createParameterDecorator<RequestContext>(
    ({ args, context, info }): Idempotent => {
      const key = args.idempotencyKey as string | null | undefined;
      return (input, work) => idempotent(context.scope, context.principal, key, info.fieldName, input, work);
    },
    { arg: { name: 'idempotencyKey', typeFunc: () => String, options: { nullable: true, description: IDEMPOTENCY_KEY_DOC } } },
  );
}
