import { UUIDScalar } from '../../graphql/scalars';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { RequiresScope } from '../../graphql/access';
import type { RequestContext } from '../../context/request-context';
import { IdempotencyKeyArg } from '../idempotency/idempotency-key.arg';
import type { Idempotent } from '../idempotency/idempotency-key.arg';
import { Payment } from './payment.entity';
import { PaymentSelectionService } from './payment-selection.service';

const DOCS = {
  select:
    'Select open payments (Status 20) to be paid: Status 30, PaymentSelected and PaymentSelector set (scope payments:select). ' +
    'All or nothing: payments that are no longer open give CONFLICT with their ids in extensions.ids.',
  deselect: 'Deselect selected payments (Status 30 back to 20; scope payments:select). All or nothing.',
};

/** Selecting payments to be paid (scope payments:select). */
@Resolver(() => Payment)
export class PaymentSelectionResolver {
  @Mutation(() => [Payment], { description: DOCS.select })
  @RequiresScope('payments:select')
  selectPayments(
    @Arg('paymentIDs', () => [UUIDScalar]) ids: string[],
    @IdempotencyKeyArg() idempotent: Idempotent,
    @Ctx() ctx: RequestContext,
  ) {
    return idempotent(ids, (tx) => new PaymentSelectionService(tx, ctx.principal).select(ids));
  }

  @Mutation(() => [Payment], { description: DOCS.deselect })
  @RequiresScope('payments:select')
  deselectPayments(
    @Arg('paymentIDs', () => [UUIDScalar]) ids: string[],
    @IdempotencyKeyArg() idempotent: Idempotent,
    @Ctx() ctx: RequestContext,
  ) {
    return idempotent(ids, (tx) => new PaymentSelectionService(tx, ctx.principal).deselect(ids));
  }
}
