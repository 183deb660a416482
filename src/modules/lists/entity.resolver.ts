import { UUIDScalar } from '../../graphql/scalars';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ClassType, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import { ObjectLiteral } from 'typeorm';
import { DIVISIONS_ARG, scopeForDivisions } from '../../context/partition-selection';
import { requireScope } from '../../context/require-scope';
import { CatalogTable } from '../../catalog';
import { notFound } from '../../platform/errors';
import { INT32_MAX, integerProblem, refuse } from '../../platform/validation';
import type { RequestContext } from '../../context/request-context';
import { entityOf } from '../entities';
import { listArgsType } from '../../graphql/catalog-inputs';
import type { ListArgs } from '../../query/list-inputs';
import { Connection } from '../../graphql/connection';
import { listQueryBuilder } from '../../query/list-query-builder';
import { readPlan } from '../../query/selection';

export const lcFirst = (s: string) => (/^[A-Z]{2}/.test(s) ? s.slice(0, 2).toLowerCase() + s.slice(2) : s[0].toLowerCase() + s.slice(1));

/**
 * Reads one row of a catalog table by primary key through the scope; NOT_FOUND naming the key
 * argument otherwise. A whole-number key (a division code) below 1 names no row of any table:
 * BAD_USER_INPUT, as a malformed UUID is.
 */
export async function findByKey<T extends ObjectLiteral>(ctx: RequestContext, t: CatalogTable, key: unknown, scope = ctx.scope): Promise<T> {
  const pk = t.columns.find((c) => c.name === t.primaryKey)!;
  if (pk.type === 'int32') refuse(pk.field, integerProblem(key, 1, INT32_MAX));
  const row = await scope.select(entityOf(t.name), 't').where(`t.${pk.field} = :key`, { key }).getOne();
  if (!row) throw notFound(t.typeName, key, pk.field);
  return row as unknown as T;
}

/**
 * Root queries of a catalog table: a list (`accounts`) and a lookup by key (`account`).
 * Thin by design: the list goes to the list-query builder, the lookup to the scope.
 */
export function entityResolver<T extends object>(t: CatalogTable, Entity: ClassType<T>) {
  const ConnectionType = Connection(Entity, t.typeName);
  const pk = t.columns.find((c) => c.name === t.primaryKey)!;
  const keyType = pk.type === 'guid' ? UUIDScalar : Int;
  const Args_ = listArgsType(t);

  @Resolver(() => Entity)
  class EntityQueries {
    @Query(() => ConnectionType, { name: lcFirst(t.name), description: `${t.labelEn}: ${t.description} Filter with where, sort with orderBy, page with first/after, last/before or offset.` })
    async list(
      @Args(() => Args_) args: ListArgs,
      @Arg('divisions', () => [Int], { nullable: true, description: DIVISIONS_ARG }) divisions: number[] | null,
      @Ctx() ctx: RequestContext,
      @Info() info: GraphQLResolveInfo,
    ) {
      requireScope(ctx, 'payments:read');
      const builder = listQueryBuilder({ scope: scopeForDivisions(ctx, divisions), config: ctx.config });
      const page = await builder.page<T & ObjectLiteral>(t.name, args, readPlan(info, t));
      return ConnectionType.of(page);
    }

    @Query(() => Entity, { name: lcFirst(t.typeName), description: `One ${t.typeName} by ${pk.field}; NOT_FOUND when it does not exist in the caller's divisions.` })
    async one(
      @Arg(pk.field, () => keyType) key: unknown,
      @Arg('divisions', () => [Int], { nullable: true, description: DIVISIONS_ARG }) divisions: number[] | null,
      @Ctx() ctx: RequestContext,
    ) {
      requireScope(ctx, 'payments:read');
      return findByKey<T>(ctx, t, key, scopeForDivisions(ctx, divisions));
    }
  }
  Object.defineProperty(EntityQueries, 'name', { value: `${t.typeName}Queries` });
  return EntityQueries;
}
