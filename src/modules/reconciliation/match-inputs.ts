import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DecimalScalar, UUIDScalar } from '../../graphql/scalars';
import { GLTarget, ItemTarget, LinkRequest, OverpaymentHandling } from './match-apply.service';
import { reconciliationError, ReconciliationRule } from './match-apply.errors';
import { SettingsChange } from './match-settings';
import type { PartRequest } from './line-split';

registerEnumType(OverpaymentHandling, {
  name: 'OverpaymentHandling',
  description:
    'What the part of a line its items leave becomes: KEEP_ON_LINE (stays open on the line) or CREDIT (a credit of the customer).',
});

@InputType({ description: 'An open item a bank entry line settles: a receivable or a payment (exactly one), with the amount applied.' })
export class MatchItemInput {
  @Field(() => UUIDScalar, { nullable: true, description: 'The receivable settled (a credit line).' })
  declare receivableID?: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: 'The payment settled (a debit line).' })
  declare paymentID?: string | null;

  @Field(() => DecimalScalar, {
    description:
      "Amount applied, in the item's sign (positive for an invoice); less than the item's amount leaves the rest open as a new part.",
  })
  declare amountFC: string;

  @Field(() => Int, { nullable: true, description: 'The version read: an item changed since gets CONFLICT.' })
  declare version?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Book what the item keeps (its amount minus the applied) as a payment difference, within the division's tolerance.",
  })
  declare bookDifference?: boolean | null;
}

@InputType({ description: 'Part of a bank entry line booked to a G/L account, in the sign of the line.' })
export class MatchGLAccountInput implements GLTarget {
  @Field(() => UUIDScalar)
  declare glAccountID: string;

  @Field(() => DecimalScalar)
  declare amountFC: string;
}

@InputType({ description: 'A bank entry line linked by hand to open items and/or G/L accounts (one action, undoable).' })
export class LinkBankEntryLineInput {
  @Field(() => UUIDScalar)
  declare lineID: string;

  @Field(() => [MatchItemInput], { nullable: true })
  declare items?: MatchItemInput[] | null;

  @Field(() => [MatchGLAccountInput], {
    nullable: true,
    description: 'Parts booked to G/L accounts (this also splits a line over several).',
  })
  declare glAccounts?: MatchGLAccountInput[] | null;

  @Field(() => OverpaymentHandling, { nullable: true, description: 'Default KEEP_ON_LINE.' })
  declare overpayment?: OverpaymentHandling | null;

  @Field(() => String, { nullable: true, description: 'A note (at most 255 characters).' })
  declare reason?: string | null;
}

@InputType({ description: 'A part of a split bank entry line.' })
export class BankEntryLinePartInput implements PartRequest {
  @Field(() => DecimalScalar, { description: "In the line's sign, at least a cent; the parts add up to the line exactly." })
  declare amountFC: string;

  @Field(() => String, { nullable: true, description: 'What the part is for (at most 255 characters).' })
  declare description?: string | null;
}

@InputType({ description: "A division's reconciliation settings; fields left out keep their value." })
export class ReconciliationSettingsInput implements SettingsChange {
  @Field(() => Int)
  declare divisionCode: number;

  @Field(() => DecimalScalar, { nullable: true, description: 'Confidence (0 to 1) from which proposals are applied automatically.' })
  declare autoApplyThreshold?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Largest payment difference that may be booked (0 or more).' })
  declare toleranceFC?: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: 'G/L account of payment differences (null: none).' })
  declare paymentDifferenceGLAccountID?: string | null;
}

@ObjectType({ description: 'What a reconciliation run did.' })
export class ReconcileResultInfo {
  @Field(() => Int, { description: 'Lines looked at (those still waiting).' })
  declare lines: number;

  @Field(() => Int, { description: 'Lines that got at least one proposal.' })
  declare proposed: number;

  @Field(() => Int, { description: "Lines matched automatically (best proposal at or above the division's threshold)." })
  declare applied: number;

  @Field(() => Int, {
    description: 'Lines whose best proposal could not be applied (another action was first, an item changed); they stay on the list.',
  })
  declare conflicts: number;
}

/** The link request of an input: each item names exactly one receivable or payment (BAD_USER_INPUT naming `items` otherwise). */
export function linkRequestOf(input: LinkBankEntryLineInput): LinkRequest {
  const items = (input.items ?? []).map((i, index): ItemTarget => {
    if (!!i.receivableID === !!i.paymentID) {
      throw reconciliationError(ReconciliationRule.INVALID_VALUE, 'items', `item ${index + 1}: give receivableID or paymentID, not both`, {
        index,
      });
    }
    return {
      side: i.receivableID ? 'RECEIVABLE' : 'PAYMENT',
      id: (i.receivableID ?? i.paymentID)!,
      amountFC: i.amountFC,
      version: i.version,
      bookDifference: i.bookDifference,
    };
  });
  return { lineID: input.lineID, items, glAccounts: input.glAccounts, overpayment: input.overpayment, reason: input.reason };
}
