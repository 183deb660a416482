import { Arg, Ctx, Field, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { systemClock } from '../../access/audit';
import type { DivisionScope } from '../../access/division-scope';
import type { RequestContext } from '../../context/request-context';
import { RequiresScope } from '../../graphql/access';
import { UUIDScalar } from '../../graphql/scalars';
import { IdempotencyKeyArg } from '../idempotency/idempotency-key.arg';
import type { Idempotent } from '../idempotency/idempotency-key.arg';
import { OpenItemInputs } from './inputs';
import type { OpenItem, OpenItemKind, OpenItemValues } from './open-item';
import { OpenItemSplitter } from './split';
import type { SplitPart } from './split';
import { ownedRowWriterOf } from './owned-rows';
import { OpenItemWriter } from './writes';
import type { OpenItemDelete, OpenItemUpdate } from './writes';

/** Largest bulk input: one transaction must stay short. */
export const MAX_BULK = 500;

/**
 * The write mutations of one side, thin: create, update and delete (one and many), and split
 * (`createPayment`, `createPayments`, ..., `splitReceivable`), each in one transaction with an
 * optional idempotency key, under the side's write scope. The rules live in OpenItemWriter and
 * OpenItemSplitter.
 */
export function openItemMutations<T extends OpenItem>(kind: OpenItemKind<T>, inputs: OpenItemInputs): Function {
  const { noun, writeScope: scope, table } = kind;
  const [One, Many] = [table.typeName, table.name];
  const { CreateInput, UpdateInput, DeleteInput, SplitPartInput } = inputs;
  const exactNote =
    `In a division connected to Exact Online a ${noun} is Exact's: only the fields Exact lets a client change may change, ` +
    'and they are written to Exact first, then read back (docs/exact-online.md, "What may be written back").';
  const docs = {
    create: `Create one ${noun} (scope ${scope}).`,
    createMany: `Create ${noun}s, all or nothing (scope ${scope}; at most ${MAX_BULK}).`,
    update: `Change one ${noun} (scope ${scope}); carries the version read. ${exactNote}`,
    updateMany: `Change ${noun}s, all or nothing (scope ${scope}; at most ${MAX_BULK}). ${exactNote}`,
    delete: `Delete one ${noun} (scope ${scope}); processed and matched ${noun}s cannot be deleted.`,
    deleteMany: `Delete ${noun}s, all or nothing (scope ${scope}; at most ${MAX_BULK}).`,
    split:
      `Split an open ${noun} into parts with their own amounts and due dates (scope ${scope}). ` +
      'The first part keeps the ID and EntryID, the others get new ones; ' +
      `AmountFC of the parts sums exactly to the ${noun}, AmountDC and discounts are shared to the cent.`,
  };
  const checkBulk = (items: unknown[]) => {
    if (items.length === 0) throw kind.error('REQUIRED', 'input', 'at least one item is required');
    if (items.length > MAX_BULK) throw kind.error('INVALID_VALUE', 'input', `at most ${MAX_BULK} items a call`);
  };
  const writer = (tx: DivisionScope, ctx: RequestContext) =>
    new OpenItemWriter(kind, tx, ctx.principal, systemClock, ownedRowWriterOf(ctx.runtime));

  @ObjectType(`Deleted${Many}`, { description: `${Many} removed by a delete.` })
  class Deleted {
    @Field(() => [UUIDScalar])
    declare deletedIDs: string[];
  }

  @Resolver(() => kind.entity)
  class Mutations {
    @Mutation(() => kind.entity, { name: `create${One}`, description: docs.create })
    @RequiresScope(scope)
    createOne(
      @Arg('input', () => CreateInput) input: OpenItemValues,
      @IdempotencyKeyArg() idempotent: Idempotent,
      @Ctx() ctx: RequestContext,
    ) {
      return idempotent(input, async (tx) => (await writer(tx, ctx).create([input]))[0]);
    }

    @Mutation(() => [kind.entity], { name: `create${Many}`, description: docs.createMany })
    @RequiresScope(scope)
    createMany(
      @Arg('input', () => [CreateInput]) input: OpenItemValues[],
      @IdempotencyKeyArg() idempotent: Idempotent,
      @Ctx() ctx: RequestContext,
    ) {
      checkBulk(input);
      return idempotent(input, (tx) => writer(tx, ctx).create(input));
    }

    @Mutation(() => kind.entity, { name: `update${One}`, description: docs.update })
    @RequiresScope(scope)
    updateOne(
      @Arg('input', () => UpdateInput) input: OpenItemUpdate,
      @IdempotencyKeyArg() idempotent: Idempotent,
      @Ctx() ctx: RequestContext,
    ) {
      return idempotent(input, async (tx) => (await writer(tx, ctx).update([input]))[0]);
    }

    @Mutation(() => [kind.entity], { name: `update${Many}`, description: docs.updateMany })
    @RequiresScope(scope)
    updateMany(
      @Arg('input', () => [UpdateInput]) input: OpenItemUpdate[],
      @IdempotencyKeyArg() idempotent: Idempotent,
      @Ctx() ctx: RequestContext,
    ) {
      checkBulk(input);
      return idempotent(input, (tx) => writer(tx, ctx).update(input));
    }

    @Mutation(() => Deleted, { name: `delete${One}`, description: docs.delete })
    @RequiresScope(scope)
    deleteOne(
      @Arg('input', () => DeleteInput) input: OpenItemDelete,
      @IdempotencyKeyArg() idempotent: Idempotent,
      @Ctx() ctx: RequestContext,
    ) {
      return idempotent(input, async (tx) => ({ deletedIDs: await writer(tx, ctx).delete([input]) }));
    }

    @Mutation(() => Deleted, { name: `delete${Many}`, description: docs.deleteMany })
    @RequiresScope(scope)
    deleteMany(
      @Arg('input', () => [DeleteInput]) input: OpenItemDelete[],
      @IdempotencyKeyArg() idempotent: Idempotent,
      @Ctx() ctx: RequestContext,
    ) {
      checkBulk(input);
      return idempotent(input, async (tx) => ({ deletedIDs: await writer(tx, ctx).delete(input) }));
    }

    @Mutation(() => [kind.entity], { name: `split${One}`, description: docs.split })
    @RequiresScope(scope)
    split(
      @Arg('id', () => UUIDScalar) id: string,
      @Arg('version', () => Int, { description: 'The version read.' }) version: number,
      @Arg('parts', () => [SplitPartInput]) parts: SplitPart[],
      @IdempotencyKeyArg() idempotent: Idempotent,
      @Ctx() ctx: RequestContext,
    ) {
      return idempotent({ id, version, parts }, (tx) => new OpenItemSplitter(kind, tx, ctx.principal).split(id, version, parts));
    }
  }
  Object.defineProperty(Mutations, 'name', { value: `${One}Mutations` });
  return Mutations;
}
