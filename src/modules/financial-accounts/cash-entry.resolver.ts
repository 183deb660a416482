import { Arg, Ctx, Field, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { RequiresScope } from '../../graphql/access';
import { UUIDScalar } from '../../graphql/scalars';
import { IdempotencyKeyArg } from '../idempotency/idempotency-key.arg';
import type { Idempotent } from '../idempotency/idempotency-key.arg';
import { CashEntry } from './cash-entry.entity';
import { CashEntryCreateInput } from './cash-entry.inputs';
import { CashEntryService, MAX_CASH_LINES } from './cash-entry.service';

/** What deleteCashEntry answers: the ID of the entry it removed. */
@ObjectType({ description: 'The cash entry a delete removed, with its lines.' })
export class DeletedCashEntry {
  @Field(() => UUIDScalar)
  declare deletedEntryID: string;
}

const DOCS = {
  create:
    `Key in a cash entry with its lines, all or nothing (scope cash:write; 1 to ${MAX_CASH_LINES} lines): opening balance plus the ` +
    "lines must be the closing balance (UNBALANCED), the opening balance the closing balance of the journal's previous entry " +
    '(BALANCE_GAP, CONFLICT).',
  delete: 'Delete the last cash entry of its journal with its lines (scope cash:write); carries the version read.',
};

/** Cash entry writes (scope cash:write). Thin: the rules live in CashEntryService. */
@Resolver(() => CashEntry)
export class CashEntryMutations {
  @Mutation(() => CashEntry, { description: DOCS.create })
  @RequiresScope('cash:write')
  createCashEntry(
    @Arg('input', () => CashEntryCreateInput) input: CashEntryCreateInput,
    @IdempotencyKeyArg() idempotent: Idempotent,
    @Ctx() ctx: RequestContext,
  ) {
    return idempotent(input, (tx) => new CashEntryService(tx, ctx.principal).create(input));
  }

  @Mutation(() => DeletedCashEntry, { description: DOCS.delete })
  @RequiresScope('cash:write')
  deleteCashEntry(
    @Arg('entryID', () => UUIDScalar) entryID: string,
    @Arg('version', () => Int, { description: 'The version read; an entry changed since gets CONFLICT.' }) version: number,
    @IdempotencyKeyArg() idempotent: Idempotent,
    @Ctx() ctx: RequestContext,
  ) {
    return idempotent({ entryID, version }, async (tx) => ({
      deletedEntryID: await new CashEntryService(tx, ctx.principal).delete(entryID, version),
    }));
  }
}
