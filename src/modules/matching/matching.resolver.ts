import { DateTimeScalar, UUIDScalar } from '../../graphql/scalars';
import { Arg, Ctx, Field, InputType, Mutation, Resolver } from 'type-graphql';
import { RequiresScope } from '../../graphql/access';
import type { RequestContext } from '../../context/request-context';
import { IdempotencyKeyArg } from '../idempotency/idempotency-key.arg';
import type { Idempotent } from '../idempotency/idempotency-key.arg';
import { Payment } from '../payments/payment.entity';
import { MatchingService } from './matching.service';

const DOCS = {
  input: 'Payments to match with a bank statement line, or with each other when no line is given.',
  bankStatementLineReference:
    'Reference of the bank statement line that paid the payments (at most 60). ' +
    'Leave out to match payments with each other: their AmountDC must sum to 0.',
  date:
    'Date of the bank statement line (EndDate); default today, never after today. ' +
    'Matching with each other uses the highest invoice date.',
  matchPayments:
    'Match payments with a bank statement line or with each other: Status 50, EndDate/EndYear/EndPeriod (scope payments:process).',
  unmatchPayments:
    'Undo the matches of the given payments: every payment of those matches returns to its status before the match ' +
    '(scope payments:process).',
};

@InputType({ description: DOCS.input })
export class MatchPaymentsInput {
  @Field(() => [UUIDScalar])
  declare paymentIDs: string[];

  @Field(() => String, { nullable: true, description: DOCS.bankStatementLineReference })
  declare bankStatementLineReference?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: DOCS.date })
  declare date?: Date | null;
}

/** Matching (scope payments:process): Status 50 with EndDate, EndYear, EndPeriod, and undoing it. */
@Resolver(() => Payment)
export class MatchingResolver {
  @Mutation(() => [Payment], { description: DOCS.matchPayments })
  @RequiresScope('payments:process')
  matchPayments(
    @Arg('input', () => MatchPaymentsInput) input: MatchPaymentsInput,
    @IdempotencyKeyArg() idempotent: Idempotent,
    @Ctx() ctx: RequestContext,
  ) {
    return idempotent(input, (tx) => new MatchingService(tx, ctx.principal).match(input));
  }

  @Mutation(() => [Payment], { description: DOCS.unmatchPayments })
  @RequiresScope('payments:process')
  unmatchPayments(
    @Arg('paymentIDs', () => [UUIDScalar]) ids: string[],
    @IdempotencyKeyArg() idempotent: Idempotent,
    @Ctx() ctx: RequestContext,
  ) {
    return idempotent(ids, (tx) => new MatchingService(tx, ctx.principal).unmatch(ids));
  }
}
