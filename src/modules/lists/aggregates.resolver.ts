import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import { DIVISIONS_ARG, scopeForDivisions } from '../../context/partition-selection';
import { requireScope } from '../../context/require-scope';
import { CATALOG, CatalogTable } from '../../catalog';
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

  @Resolver()
  class AggregateQueries {
    @Query(() => [Group], {
      name: `${lcFirst(t.name)}Aggregate`,
      description: `Groups of ${t.labelEn} with count, sum, avg, min and max of the amount columns (exact decimals): where, groupBy (columns and date buckets), having, orderBy, limit. Needs the analytics scope.`,
    })
    async aggregate(
      @Args(() => ArgsClass) args: AggregateArgs,
      @Arg('divisions', () => [Int], { nullable: true, description: DIVISIONS_ARG }) divisions: number[] | null,
      @Ctx() ctx: RequestContext,
      @Info() info: GraphQLResolveInfo,
    ) {
      requireScope(ctx, 'analytics');
      const wanted = Object.fromEntries(AGGREGATE_FUNCTIONS.map((fn) => [fn, selectedFields(info, [fn])])) as WantedAggregates;
      const builder = new AggregateBuilder(scopeForDivisions(ctx, divisions), {
        maxPageSize: ctx.config.maxPageSize,
        statementTimeoutMs: ctx.config.statementTimeoutMs,
        maxListValues: ctx.config.maxListValues,
      });
      return builder.groups(t.name, args, wanted);
    }
  }
  Object.defineProperty(AggregateQueries, 'name', { value: `${t.typeName}AggregateQueries` });
  return AggregateQueries;
}

export const AGGREGATE_RESOLVERS = CATALOG.filter(hasAggregates).map(aggregateResolverFor);
