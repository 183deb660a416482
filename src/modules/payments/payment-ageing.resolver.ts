import { Arg, Ctx, Field, Int, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import type { DivisionScope } from '../../access/division-scope';
import { table } from '../../catalog';
import { RequiresScope } from '../../graphql/access';
import { DivisionsArg } from '../../graphql/divisions-arg';
import { DateTimeScalar, DecimalScalar, UUIDScalar } from '../../graphql/scalars';
import { whereType } from '../../graphql/catalog-inputs';
import type { RequestContext } from '../../context/request-context';
import { AgeingLevel, AgeingRow, paymentAgeing } from './payment-ageing.service';

const DOCS = {
  level: 'Level of detail of an ageing: overall, per division, or per account (supplier).',
  type:
    'Open payables (Status 20 Open and 30 Selected) as of a date, by days past the due date. ' +
    'Amounts are AmountDC (division currency) sums, exact.',
  query:
    'Ageing of open payables as of a date (payments invoiced on or before it): not yet due, 1-30, 31-60, 61-90 and over 90 days ' +
    'overdue; overall, per division or per account. Needs the analytics scope.',
};

registerEnumType(AgeingLevel, { name: 'AgeingLevel', description: DOCS.level });

@ObjectType('PaymentAgeing', { description: DOCS.type })
class PaymentAgeing implements AgeingRow {
  @Field(() => Int, { nullable: true, description: 'Division (per division and per account).' }) declare divisionCode: number | null;
  @Field(() => UUIDScalar, { nullable: true, description: 'Supplier (per account).' }) declare accountID: string | null;
  @Field(() => String, { nullable: true, description: 'Supplier name (per account).' }) declare accountName: string | null;
  @Field(() => Int, { description: 'Open payments counted.' }) declare count: number;
  @Field(() => DecimalScalar, { description: 'Due on or after the as-of date.' }) declare notYetDue: string;
  @Field(() => DecimalScalar, { description: '1 to 30 days overdue.' }) declare days1to30: string;
  @Field(() => DecimalScalar, { description: '31 to 60 days overdue.' }) declare days31to60: string;
  @Field(() => DecimalScalar, { description: '61 to 90 days overdue.' }) declare days61to90: string;
  @Field(() => DecimalScalar, { description: 'More than 90 days overdue.' }) declare over90: string;
  @Field(() => DecimalScalar, { description: 'All open amounts.' }) declare total: string;
}

const PaymentWhere = whereType(table('Payments'));

@Resolver()
export class PaymentAgeingResolver {
  @Query(() => [PaymentAgeing], { description: DOCS.query })
  @RequiresScope('analytics')
  async paymentAgeing(
    @Arg('asOf', () => DateTimeScalar, { description: 'Reference date (its day counts, UTC).' }) asOf: Date,
    @Arg('by', () => AgeingLevel, { defaultValue: AgeingLevel.OVERALL }) by: AgeingLevel,
    @Arg('where', () => PaymentWhere, { nullable: true, description: 'Narrows the payments considered, like the list filter.' })
    where: Record<string, unknown> | null,
    @DivisionsArg() scope: DivisionScope,
    @Ctx() ctx: RequestContext,
  ): Promise<AgeingRow[]> {
    const day = new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth(), asOf.getUTCDate()));
    return paymentAgeing(scope, { statementTimeoutMs: ctx.config.statementTimeoutMs }, day, by, where);
  }
}
