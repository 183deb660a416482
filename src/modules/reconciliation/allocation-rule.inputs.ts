import { Field, InputType, Int } from 'type-graphql';
import { UUIDScalar } from '../../graphql/scalars';

/**
 * Input of createAllocationRule and updateAllocationRule. Required fields are nullable in GraphQL
 * on purpose: a missing one is answered by the gateway's BAD_USER_INPUT naming it. On update an
 * absent field keeps its value and null clears an optional one.
 */
@InputType({ description: 'An allocation rule: words and/or a counterparty IBAN, and the G/L account (and account) they assign.' })
export class AllocationRuleInput {
  @Field(() => Int, { nullable: true, description: 'Division of the rule. Required on create; never changed.' })
  declare divisionCode?: number | null;

  @Field(() => String, { nullable: true, description: 'What the rule is for, 1 to 60 characters (e.g. Bank fees). Required.' })
  declare description?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Words separated by spaces (at most 200 characters) that must all appear in a line's texts; case and accents ignored.",
  })
  declare words?: string | null;

  @Field(() => String, { nullable: true, description: 'IBAN a line must come from or go to (stored in electronic form).' })
  declare counterpartyBankAccount?: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: 'Account (customer or supplier) the rule assigns; an account of the division.' })
  declare accountID?: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: 'G/L account the line is booked to; a G/L account of the division. Required.' })
  declare glAccountID?: string | null;

  @Field(() => Int, { nullable: true, description: 'Order among the rules, 0 to 1000000, lower first (default 100).' })
  declare priority?: number | null;
}
