import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { DivisionScope } from '../../access/division-scope';
import { CATALOG, CatalogTable } from '../../catalog';
import { RequiresScope } from '../../graphql/access';
import { DivisionsArg } from '../../graphql/divisions-arg';
import type { RequestContext } from '../../context/request-context';
import { AggregateBuilder } from '../../query/aggregate-builder';
import type { WantedAggregates } from '../../query/aggregate-builder';
import { aggregateTypes, hasAggregates } from '../../graphql/aggregate-inputs';
import { AGGREGATE_FUNCTIONS } from '../../query/list-inputs';
import type { AggregateArgs } from '../../query/list-inputs';
import { selectedFields } from '../../query/selection';
import { lcFirst } from './entity.resolver';

/**
 * `<list>Aggregate` root queries (paymentsAggregate, paymentBatchesAggregate, ...) for every
 * catalog table with amount columns: groups with keys, count and exact sum/avg/min/max of the
 * amounts, only those selected being computed. Needs the analytics scope.
 */
function aggregateResolverFor(t: CatalogTable): Function {
  const { Args: ArgsClass, Group } = aggregateTypes(t);
  const description =
    `Groups of ${t.labelEn} with count, sum, avg, min and max of the amount columns (exact decimals): ` +
    'where, groupBy (columns and date buckets), having, orderBy, limit. Needs the analytics scope.';

  @Resolver()
  class AggregateQueries {
    @Query(() => [Group], { name: `${lcFirst(t.name)}Aggregate`, description })
    @RequiresScope('analytics')
    async aggregate(
      @Args(() => ArgsClass) args: AggregateArgs,
      @DivisionsArg() scope: DivisionScope,
      @Ctx() ctx: RequestContext,
      @Info() info: GraphQLResolveInfo,
    ) {
      const wanted = Object.fromEntries(AGGREGATE_FUNCTIONS.map((fn) => [fn, selectedFields(info, [fn])])) as WantedAggregates;
      const { maxPageSize, statementTimeoutMs, maxListValues } = ctx.config;
      return new AggregateBuilder(scope, { maxPageSize, statementTimeoutMs, maxListValues }).groups(t.name, args, wanted);
    }
  }
  Object.defineProperty(AggregateQueries, 'name', { value: `${t.typeName}AggregateQueries` });
  return AggregateQueries;
}

export const AGGREGATE_RESOLVERS = CATALOG.filter(hasAggregates).map(aggregateResolverFor);
