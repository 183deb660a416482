import { Arg, Ctx, Field, Int, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import type { DivisionScope } from '../../access/division-scope';
import type { RequestContext } from '../../context/request-context';
import { RequiresScope } from '../../graphql/access';
import { whereType } from '../../graphql/catalog-inputs';
import { DivisionsArg } from '../../graphql/divisions-arg';
import { DateTimeScalar, DecimalScalar, UUIDScalar } from '../../graphql/scalars';
import { AgeingLevel, AgeingRow, openItemAgeing } from './ageing';
import { OpenItemKind } from './open-item';

registerEnumType(AgeingLevel, {
  name: 'AgeingLevel',
  description: 'Level of detail of an ageing: overall, per division, or per account (the supplier or the customer).',
});

/** Names of one side's ageing in the schema: `paymentAgeing` of type `PaymentAgeing` over "payables". */
export interface AgeingNames {
  query: string;
  type: string;
  /** What the side's open items are called: payables, receivables. */
  items: string;
}

/**
 * The ageing query of one side (`paymentAgeing`, `receivableAgeing`) and its row type: the open
 * items (Status 20 Open and 30 Selected) invoiced on or before a date, by days past the due date
 * (not yet due, 1-30, 31-60, 61-90, over 90), overall, per division or per account. The same
 * statement for both sides (ageing.ts); needs the analytics scope, as every aggregate.
 */
export function ageingResolver(kind: OpenItemKind, names: AgeingNames): Function {
  const counterparty = kind.counterparty.noun[0].toUpperCase() + kind.counterparty.noun.slice(1);
  const docs = {
    type:
      `Open ${names.items} (Status 20 Open and 30 Selected) as of a date, by days past the due date. ` +
      'Amounts are AmountDC (division currency) sums, exact.',
    query:
      `Ageing of open ${names.items} as of a date (${kind.noun}s invoiced on or before it): not yet due, 1-30, 31-60, 61-90 ` +
      'and over 90 days overdue; overall, per division or per account. Needs the analytics scope.',
  };

  @ObjectType(names.type, { description: docs.type })
  class Ageing implements AgeingRow {
    @Field(() => Int, { nullable: true, description: 'Division (per division and per account).' }) declare divisionCode: number | null;
    @Field(() => UUIDScalar, { nullable: true, description: `${counterparty} (per account).` }) declare accountID: string | null;
    @Field(() => String, { nullable: true, description: `${counterparty} name (per account).` }) declare accountName: string | null;
    @Field(() => Int, { description: `Open ${kind.noun}s counted.` }) declare count: number;
    @Field(() => DecimalScalar, { description: 'Due on or after the as-of date.' }) declare notYetDue: string;
    @Field(() => DecimalScalar, { description: '1 to 30 days overdue.' }) declare days1to30: string;
    @Field(() => DecimalScalar, { description: '31 to 60 days overdue.' }) declare days31to60: string;
    @Field(() => DecimalScalar, { description: '61 to 90 days overdue.' }) declare days61to90: string;
    @Field(() => DecimalScalar, { description: 'More than 90 days overdue.' }) declare over90: string;
    @Field(() => DecimalScalar, { description: `All open amounts.` }) declare total: string;
  }

  const Where = whereType(kind.table);

  @Resolver()
  class AgeingResolver {
    @Query(() => [Ageing], { name: names.query, description: docs.query })
    @RequiresScope('analytics')
    async ageing(
      @Arg('asOf', () => DateTimeScalar, { description: 'Reference date (its day counts, UTC).' }) asOf: Date,
      @Arg('by', () => AgeingLevel, { defaultValue: AgeingLevel.OVERALL }) by: AgeingLevel,
      @Arg('where', () => Where, { nullable: true, description: `Narrows the ${kind.noun}s considered, like the list filter.` })
      where: Record<string, unknown> | null,
      @DivisionsArg() scope: DivisionScope,
      @Ctx() ctx: RequestContext,
    ): Promise<AgeingRow[]> {
      const day = new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth(), asOf.getUTCDate()));
      return openItemAgeing(kind, scope, { statementTimeoutMs: ctx.config.statementTimeoutMs }, day, by, where);
    }
  }
  Object.defineProperty(AgeingResolver, 'name', { value: `${names.type}Resolver` });
  return AgeingResolver;
}
