import { Arg, Ctx, Field, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { RequiresScope } from '../../graphql/access';
import { UUIDScalar } from '../../graphql/scalars';
import { IdempotencyKeyArg } from '../idempotency/idempotency-key.arg';
import type { Idempotent } from '../idempotency/idempotency-key.arg';
import { AllocationRule } from './allocation-rule.entity';
import { AllocationRuleInput } from './allocation-rule.inputs';
import { AllocationRuleService } from './allocation-rule.service';

/** What deleteAllocationRule answers: the ID of the rule it removed. */
@ObjectType({ description: 'The allocation rule a delete removed.' })
export class DeletedAllocationRule {
  @Field(() => UUIDScalar)
  declare deletedID: string;
}

const VERSION = 'The version read; a rule changed since gets CONFLICT (STALE_VERSION).';
const DOCS = {
  create:
    'Create an allocation rule (scope reconciliation:write): bank lines whose texts hold all its words, or whose counterparty ' +
    'IBAN is its IBAN (both when both are given), are proposed for its G/L account and account.',
  update: 'Change an allocation rule (scope reconciliation:write): absent fields keep their value, null clears an optional one.',
  delete: 'Delete an allocation rule (scope reconciliation:write).',
};

/** Allocation rule writes (scope reconciliation:write); reads are the AllocationRules list (reconciliation:read). */
@Resolver(() => AllocationRule)
export class AllocationRuleMutations {
  @Mutation(() => AllocationRule, { description: DOCS.create })
  @RequiresScope('reconciliation:write')
  createAllocationRule(
    @Arg('input', () => AllocationRuleInput) input: AllocationRuleInput,
    @IdempotencyKeyArg() idempotent: Idempotent,
    @Ctx() ctx: RequestContext,
  ) {
    return idempotent(input, (tx) => new AllocationRuleService(tx, ctx.principal).create(input));
  }

  @Mutation(() => AllocationRule, { description: DOCS.update })
  @RequiresScope('reconciliation:write')
  updateAllocationRule(
    @Arg('id', () => UUIDScalar) id: string,
    @Arg('version', () => Int, { description: VERSION }) version: number,
    @Arg('input', () => AllocationRuleInput) input: AllocationRuleInput,
    @IdempotencyKeyArg() idempotent: Idempotent,
    @Ctx() ctx: RequestContext,
  ) {
    return idempotent({ id, version, input }, (tx) => new AllocationRuleService(tx, ctx.principal).update(id, version, input));
  }

  @Mutation(() => DeletedAllocationRule, { description: DOCS.delete })
  @RequiresScope('reconciliation:write')
  deleteAllocationRule(
    @Arg('id', () => UUIDScalar) id: string,
    @Arg('version', () => Int, { description: VERSION }) version: number,
    @IdempotencyKeyArg() idempotent: Idempotent,
    @Ctx() ctx: RequestContext,
  ) {
    return idempotent({ id, version }, async (tx) => ({
      deletedID: await new AllocationRuleService(tx, ctx.principal).delete(id, version),
    }));
  }
}
