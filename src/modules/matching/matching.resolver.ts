import { DateTimeScalar, UUIDScalar } from '../../graphql/scalars';
import { Arg, Ctx, Field, InputType, Mutation, Resolver } from 'type-graphql';
import { requireScope } from '../../context/require-scope';
import type { RequestContext } from '../../context/request-context';
import { IDEMPOTENCY_KEY_DOC, idempotent } from '../idempotency/idempotency.service';
import { Payment } from '../payments/payment.entity';
import { MatchingService } from './matching.service';

@InputType({ description: 'Payments to match with a bank statement line, or with each other when no line is given.' })
export class MatchPaymentsInput {
  @Field(() => [UUIDScalar])
  declare paymentIDs: string[];

  @Field(() => String, { nullable: true, description: 'Reference of the bank statement line that paid the payments (at most 60). Leave out to match payments with each other: their AmountDC must sum to 0.' })
  declare bankStatementLineReference?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Date of the bank statement line (EndDate); default today, never after today. Matching with each other uses the highest invoice date.' })
  declare date?: Date | null;
}


/** Matching (scope payments:process): Status 50 with EndDate, EndYear, EndPeriod, and undoing it. */
@Resolver(() => Payment)
export class MatchingResolver {
  @Mutation(() => [Payment], { description: 'Match payments with a bank statement line or with each other: Status 50, EndDate/EndYear/EndPeriod (scope payments:process).' })
  matchPayments(
    @Arg('input', () => MatchPaymentsInput) input: MatchPaymentsInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    requireScope(ctx, 'payments:process');
    return idempotent(ctx.scope, ctx.principal, key, 'matchPayments', input, (tx) => new MatchingService(tx, ctx.principal).match(input));
  }

  @Mutation(() => [Payment], { description: 'Undo the matches of the given payments: every payment of those matches returns to its status before the match (scope payments:process).' })
  unmatchPayments(
    @Arg('paymentIDs', () => [UUIDScalar]) ids: string[],
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    requireScope(ctx, 'payments:process');
    return idempotent(ctx.scope, ctx.principal, key, 'unmatchPayments', ids, (tx) => new MatchingService(tx, ctx.principal).unmatch(ids));
  }
}
