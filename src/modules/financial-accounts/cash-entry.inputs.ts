import { Field, InputType, Int } from 'type-graphql';
import { DateTimeScalar, DecimalScalar, UUIDScalar } from '../../graphql/scalars';

/**
 * GraphQL inputs of the cash entry mutations. Fields a rule requires are nullable in GraphQL on
 * purpose (as the payment inputs are): a missing one is answered by the gateway's own
 * BAD_USER_INPUT naming it (`closingBalanceFC`, `lines[2].amountFC`) instead of a bare
 * validation error.
 */

@InputType({ description: 'One line of a cash entry: money into (positive) or out of (negative) the cash book.' })
export class CashEntryLineInput {
  @Field(() => DateTimeScalar, { nullable: true, description: "Date of the line (its UTC day); default the entry's date, never after it." })
  declare date?: Date | null;

  @Field(() => DecimalScalar, { nullable: true, description: "Amount in the cash book's currency: positive in, negative out. Required." })
  declare amountFC?: string | null;

  @Field(() => String, { nullable: true, description: 'Description of the line (at most 255 characters).' })
  declare description?: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: 'The customer or supplier, an account of the division.' })
  declare accountID?: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: 'G/L account the line books against (the offset of the cash account).' })
  declare glAccountID?: string | null;

  @Field(() => Int, { nullable: true, description: 'Our reference: the invoice number the line pays.' })
  declare ourRef?: number | null;

  @Field(() => String, { nullable: true, description: 'Notes (at most 1000 characters).' })
  declare notes?: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: 'A document of the division (the receipt).' })
  declare documentID?: string | null;
}

@InputType({
  description:
    'A new cash entry (one page of a cash book). Opening balance plus the lines must be the closing balance, and the opening ' +
    "balance the closing balance of the journal's previous entry.",
})
export class CashEntryCreateInput {
  @Field(() => Int, { nullable: true, description: 'Division of the cash book. Required.' })
  declare divisionCode?: number | null;

  @Field(() => String, { nullable: true, description: 'Code of the cash journal (type 10). Required.' })
  declare journalCode?: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Date of the entry (its UTC day): when the closing balance was counted. Required.',
  })
  declare entryDate?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "Currency (ISO 4217); default the journal's, else the division's. Must be the cash book's.",
  })
  declare currency?: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      "Opening balance; default the closing balance of the journal's previous entry (0.00 for its first). When given, it must equal it.",
  })
  declare openingBalanceFC?: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Closing balance counted: exactly the opening balance plus the lines. Required.',
  })
  declare closingBalanceFC?: string | null;

  @Field(() => [CashEntryLineInput], { nullable: true, description: 'The lines, at least one and at most 500.' })
  declare lines?: CashEntryLineInput[] | null;
}
