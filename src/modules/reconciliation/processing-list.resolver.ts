import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { ObjectLiteral } from 'typeorm';
import type { DivisionScope } from '../../access/division-scope';
import { table } from '../../catalog';
import type { RequestContext } from '../../context/request-context';
import { RequiresScope } from '../../graphql/access';
import { listArgsType } from '../../graphql/catalog-inputs';
import { Connection } from '../../graphql/connection';
import { DivisionsArg } from '../../graphql/divisions-arg';
import { UUIDScalar } from '../../graphql/scalars';
import type { ListArgs } from '../../query/list-inputs';
import { listQueryBuilder } from '../../query/list-query-builder';
import { readPlan } from '../../query/selection';
import { BankEntryLine } from '../financial-accounts/bank-entry-line.entity';
import { LISTED_STATUSES } from './match-line';
import { reconciliationStatus, ReconciliationStatusOfAccount } from './reconciliation-status';

const LINES = table('BankEntryLines');
const LineConnection = Connection(BankEntryLine, LINES.typeName);

const DOCS = {
  list:
    "The processing list (onFact's Verwerklijst; scope reconciliation:read): the bank entry lines still waiting, open or with " +
    'proposals (select reconciliationProposals for the best ones), or split with parts waiting (select reconciliationParts), ' +
    'filtered, sorted and paged like bankEntryLines.',
  status:
    'Per financial account (bank journal): lines matched, proposed, open and ignored, by count and amount (scope reconciliation:read).',
};

/**
 * The condition that keeps the processing list to waiting lines (and split lines whose parts wait), ANDed with the caller's filter:
 * the list goes through the one list-query builder like every list.
 */
export function waitingFilter(where: ListArgs['where']): Record<string, unknown> {
  const waiting = { or: [{ reconciliationStatus: { isNull: true } }, { reconciliationStatus: { in: [...LISTED_STATUSES] } }] };
  return where ? { and: [where, waiting] } : waiting;
}

/** The processing list and the reconciliation status (scope reconciliation:read). */
@Resolver(() => BankEntryLine)
export class ProcessingListResolver {
  @Query(() => LineConnection, { description: DOCS.list })
  @RequiresScope('reconciliation:read')
  async reconciliationList(
    @Args(() => listArgsType(LINES)) args: ListArgs,
    @DivisionsArg() scope: DivisionScope,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const builder = listQueryBuilder({ scope, config: ctx.config });
    const page = await builder.page<BankEntryLine & ObjectLiteral>(
      LINES.name,
      { ...args, where: waitingFilter(args.where) },
      readPlan(info, LINES),
    );
    return LineConnection.of(page);
  }

  @Query(() => [ReconciliationStatusOfAccount], { description: DOCS.status })
  @RequiresScope('reconciliation:read')
  reconciliationStatus(
    @Arg('financialAccountID', () => UUIDScalar, { nullable: true, description: 'One account (its journal ID); default all.' })
    financialAccountID: string | null,
    @DivisionsArg() scope: DivisionScope,
  ) {
    return reconciliationStatus(scope, financialAccountID);
  }
}
