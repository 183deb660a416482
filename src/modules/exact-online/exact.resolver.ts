import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { RequiresScope } from '../../graphql/access';
import { ExactStatus, MAX_SYNC_RUNS } from './exact-status.service';
import { ExactConnectionType, ExactSyncRunType } from './exact.types';
import { ExactRule, exactError } from './exact.errors';

const DOCS = {
  exactConnections: 'Divisions of the caller connected to Exact Online: state, last run, calls left, endpoints (scope admin).',
  syncRuns: `Sync runs from Exact Online of the caller's divisions, newest first (scope admin; at most ${MAX_SYNC_RUNS}).`,
};

/** Admin queries of the Exact Online connector; thin over ExactStatus. */
@Resolver()
export class ExactResolver {
  @Query(() => [ExactConnectionType], { description: DOCS.exactConnections })
  @RequiresScope('admin')
  exactConnections(@Ctx() ctx: RequestContext): Promise<ExactConnectionType[]> {
    return new ExactStatus(ctx.scope).connections();
  }

  @Query(() => [ExactSyncRunType], { description: DOCS.syncRuns })
  @RequiresScope('admin')
  syncRuns(
    @Arg('division', () => Int, { nullable: true }) division: number | null,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Ctx() ctx: RequestContext,
  ): Promise<ExactSyncRunType[]> {
    if (first < 1 || first > MAX_SYNC_RUNS) throw exactError(ExactRule.INVALID_VALUE, 'first', `from 1 to ${MAX_SYNC_RUNS}`);
    return new ExactStatus(ctx.scope).runs(division ?? null, first);
  }
}
