import { UUIDScalar } from '../../graphql/scalars';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { requireScope } from '../../context/require-scope';
import type { RequestContext } from '../../context/request-context';
import { IDEMPOTENCY_KEY_DOC, idempotent } from '../idempotency/idempotency.service';
import { Payment } from './payment.entity';
import { PaymentSelectionService } from './payment-selection.service';


/** Selecting payments to be paid (scope payments:select). */
@Resolver(() => Payment)
export class PaymentSelectionResolver {
  @Mutation(() => [Payment], {
    description: 'Select open payments (Status 20) to be paid: Status 30, PaymentSelected and PaymentSelector set (scope payments:select). All or nothing: payments that are no longer open give CONFLICT with their ids in extensions.ids.',
  })
  selectPayments(
    @Arg('paymentIDs', () => [UUIDScalar]) ids: string[],
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    requireScope(ctx, 'payments:select');
    return idempotent(ctx.scope, ctx.principal, key, 'selectPayments', ids, (tx) => new PaymentSelectionService(tx, ctx.principal).select(ids));
  }

  @Mutation(() => [Payment], { description: 'Deselect selected payments (Status 30 back to 20; scope payments:select). All or nothing.' })
  deselectPayments(
    @Arg('paymentIDs', () => [UUIDScalar]) ids: string[],
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    requireScope(ctx, 'payments:select');
    return idempotent(ctx.scope, ctx.principal, key, 'deselectPayments', ids, (tx) => new PaymentSelectionService(tx, ctx.principal).deselect(ids));
  }
}
