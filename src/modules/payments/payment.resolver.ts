import { UUIDScalar } from '../../graphql/scalars';
import { Arg, Ctx, Field, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { requireScope } from '../../context/require-scope';
import type { RequestContext } from '../../context/request-context';
import { IDEMPOTENCY_KEY_DOC, idempotent } from '../idempotency/idempotency.service';
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


function checkBulk(items: unknown[]): void {
  if (items.length === 0) throw ruleError(PaymentRule.REQUIRED, 'input', 'at least one item is required');
  if (items.length > MAX_BULK) throw ruleError(PaymentRule.INVALID_VALUE, 'input', `at most ${MAX_BULK} items a call`);
}

/** Payment writes (scope payments:write). Thin: the rules live in PaymentService. */
@Resolver(() => Payment)
export class PaymentMutations {
  @Mutation(() => Payment, { description: 'Create one payment (scope payments:write).' })
  createPayment(@Arg('input', () => PaymentCreateInput) input: PaymentCreateInput, @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | null, @Ctx() ctx: RequestContext) {
    return this.run(ctx, key, 'createPayment', input, async (s) => (await s.create([input]))[0]);
  }

  @Mutation(() => [Payment], { description: `Create payments, all or nothing (scope payments:write; at most ${MAX_BULK}).` })
  createPayments(@Arg('input', () => [PaymentCreateInput]) input: PaymentCreateInput[], @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | null, @Ctx() ctx: RequestContext) {
    checkBulk(input);
    return this.run(ctx, key, 'createPayments', input, (s) => s.create(input));
  }

  @Mutation(() => Payment, { description: 'Change one payment (scope payments:write); carries the version read.' })
  updatePayment(@Arg('input', () => PaymentUpdateInput) input: PaymentUpdateInput, @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | null, @Ctx() ctx: RequestContext) {
    return this.run(ctx, key, 'updatePayment', input, async (s) => (await s.update([input]))[0]);
  }

  @Mutation(() => [Payment], { description: `Change payments, all or nothing (scope payments:write; at most ${MAX_BULK}).` })
  updatePayments(@Arg('input', () => [PaymentUpdateInput]) input: PaymentUpdateInput[], @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | null, @Ctx() ctx: RequestContext) {
    checkBulk(input);
    return this.run(ctx, key, 'updatePayments', input, (s) => s.update(input));
  }

  @Mutation(() => DeletedPayments, { description: 'Delete one payment (scope payments:write); processed and matched payments cannot be deleted.' })
  deletePayment(@Arg('input', () => PaymentDeleteInput) input: PaymentDeleteInput, @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | null, @Ctx() ctx: RequestContext) {
    return this.run(ctx, key, 'deletePayment', input, async (s) => ({ deletedIDs: await s.delete([input]) }));
  }

  @Mutation(() => DeletedPayments, { description: `Delete payments, all or nothing (scope payments:write; at most ${MAX_BULK}).` })
  deletePayments(@Arg('input', () => [PaymentDeleteInput]) input: PaymentDeleteInput[], @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | null, @Ctx() ctx: RequestContext) {
    checkBulk(input);
    return this.run(ctx, key, 'deletePayments', input, async (s) => ({ deletedIDs: await s.delete(input) }));
  }

  @Mutation(() => [Payment], { description: 'Split an open payment into parts with their own amounts and due dates (scope payments:write). The first part keeps the ID and EntryID, the others get new ones; AmountFC of the parts sums exactly to the payment, AmountDC and discounts are shared to the cent.' })
  splitPayment(
    @Arg('id', () => UUIDScalar) id: string,
    @Arg('version', () => Int, { description: 'The version read.' }) version: number,
    @Arg('parts', () => [PaymentSplitPartInput]) parts: PaymentSplitPartInput[],
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    requireScope(ctx, 'payments:write');
    return idempotent(ctx.scope, ctx.principal, key, 'splitPayment', { id, version, parts }, (tx) => new PaymentSplitService(tx, ctx.principal).split(id, version, parts));
  }

  private run<R>(ctx: RequestContext, key: string | null, operation: string, input: unknown, work: (service: PaymentService) => Promise<R>): Promise<R> {
    requireScope(ctx, 'payments:write');
    return idempotent(ctx.scope, ctx.principal, key, operation, input, (tx) => work(new PaymentService(tx, ctx.principal)));
  }
}
