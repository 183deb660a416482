import { UUIDScalar } from '../../graphql/scalars';
import { Arg, Ctx, Field, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { DivisionScope } from '../../access/division-scope';
import { RequiresScope } from '../../graphql/access';
import type { RequestContext } from '../../context/request-context';
import { IdempotencyKeyArg } from '../idempotency/idempotency-key.arg';
import type { Idempotent } from '../idempotency/idempotency-key.arg';
import { Payment } from './payment.entity';
import { PaymentRule, ruleError } from './payment.errors';
import { PaymentCreateInput, PaymentDeleteInput, PaymentSplitPartInput, PaymentUpdateInput } from './payment.inputs';
import { PaymentSplitService } from './payment-split.service';
import { PaymentService } from './payment.service';

/** Largest bulk input: one transaction must stay short. */
export const MAX_BULK = 500;

@ObjectType({ description: 'Payments removed by a delete.' })
export class DeletedPayments {
  @Field(() => [UUIDScalar])
  declare deletedIDs: string[];
}

const DOCS = {
  createPayment: 'Create one payment (scope payments:write).',
  createPayments: `Create payments, all or nothing (scope payments:write; at most ${MAX_BULK}).`,
  updatePayment: 'Change one payment (scope payments:write); carries the version read.',
  updatePayments: `Change payments, all or nothing (scope payments:write; at most ${MAX_BULK}).`,
  deletePayment: 'Delete one payment (scope payments:write); processed and matched payments cannot be deleted.',
  deletePayments: `Delete payments, all or nothing (scope payments:write; at most ${MAX_BULK}).`,
  splitPayment:
    'Split an open payment into parts with their own amounts and due dates (scope payments:write). ' +
    'The first part keeps the ID and EntryID, the others get new ones; ' +
    'AmountFC of the parts sums exactly to the payment, AmountDC and discounts are shared to the cent.',
};

function checkBulk(items: unknown[]): void {
  if (items.length === 0) throw ruleError(PaymentRule.REQUIRED, 'input', 'at least one item is required');
  if (items.length > MAX_BULK) throw ruleError(PaymentRule.INVALID_VALUE, 'input', `at most ${MAX_BULK} items a call`);
}

/** Payment writes (scope payments:write). Thin: the rules live in PaymentService. */
@Resolver(() => Payment)
export class PaymentMutations {
  @Mutation(() => Payment, { description: DOCS.createPayment })
  @RequiresScope('payments:write')
  createPayment(
    @Arg('input', () => PaymentCreateInput) input: PaymentCreateInput,
    @IdempotencyKeyArg() idempotent: Idempotent,
    @Ctx() ctx: RequestContext,
  ) {
    return idempotent(input, async (tx) => (await payments(tx, ctx).create([input]))[0]);
  }

  @Mutation(() => [Payment], { description: DOCS.createPayments })
  @RequiresScope('payments:write')
  createPayments(
    @Arg('input', () => [PaymentCreateInput]) input: PaymentCreateInput[],
    @IdempotencyKeyArg() idempotent: Idempotent,
    @Ctx() ctx: RequestContext,
  ) {
    checkBulk(input);
    return idempotent(input, (tx) => payments(tx, ctx).create(input));
  }

  @Mutation(() => Payment, { description: DOCS.updatePayment })
  @RequiresScope('payments:write')
  updatePayment(
    @Arg('input', () => PaymentUpdateInput) input: PaymentUpdateInput,
    @IdempotencyKeyArg() idempotent: Idempotent,
    @Ctx() ctx: RequestContext,
  ) {
    return idempotent(input, async (tx) => (await payments(tx, ctx).update([input]))[0]);
  }

  @Mutation(() => [Payment], { description: DOCS.updatePayments })
  @RequiresScope('payments:write')
  updatePayments(
    @Arg('input', () => [PaymentUpdateInput]) input: PaymentUpdateInput[],
    @IdempotencyKeyArg() idempotent: Idempotent,
    @Ctx() ctx: RequestContext,
  ) {
    checkBulk(input);
    return idempotent(input, (tx) => payments(tx, ctx).update(input));
  }

  @Mutation(() => DeletedPayments, { description: DOCS.deletePayment })
  @RequiresScope('payments:write')
  deletePayment(
    @Arg('input', () => PaymentDeleteInput) input: PaymentDeleteInput,
    @IdempotencyKeyArg() idempotent: Idempotent,
    @Ctx() ctx: RequestContext,
  ) {
    return idempotent(input, async (tx) => ({ deletedIDs: await payments(tx, ctx).delete([input]) }));
  }

  @Mutation(() => DeletedPayments, { description: DOCS.deletePayments })
  @RequiresScope('payments:write')
  deletePayments(
    @Arg('input', () => [PaymentDeleteInput]) input: PaymentDeleteInput[],
    @IdempotencyKeyArg() idempotent: Idempotent,
    @Ctx() ctx: RequestContext,
  ) {
    checkBulk(input);
    return idempotent(input, async (tx) => ({ deletedIDs: await payments(tx, ctx).delete(input) }));
  }

  @Mutation(() => [Payment], { description: DOCS.splitPayment })
  @RequiresScope('payments:write')
  splitPayment(
    @Arg('id', () => UUIDScalar) id: string,
    @Arg('version', () => Int, { description: 'The version read.' }) version: number,
    @Arg('parts', () => [PaymentSplitPartInput]) parts: PaymentSplitPartInput[],
    @IdempotencyKeyArg() idempotent: Idempotent,
    @Ctx() ctx: RequestContext,
  ) {
    return idempotent({ id, version, parts }, (tx) => new PaymentSplitService(tx, ctx.principal).split(id, version, parts));
  }
}

const payments = (tx: DivisionScope, ctx: RequestContext) => new PaymentService(tx, ctx.principal);
