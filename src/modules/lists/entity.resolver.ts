import { UUIDScalar } from '../../graphql/scalars';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ClassType, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import { ObjectLiteral } from 'typeorm';
import type { DivisionScope } from '../../access/division-scope';
import { CatalogTable } from '../../catalog';
import { readScopeOf, RequiresScope } from '../../graphql/access';
import { DivisionsArg } from '../../graphql/divisions-arg';
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
 * Reads one row of a catalog table by primary key through `scope`; NOT_FOUND naming the key
 * argument otherwise. A whole-number key (a division code) below 1 names no row of any table:
 * BAD_USER_INPUT, as a malformed UUID is.
 */
export async function findByKey<T extends ObjectLiteral>(scope: DivisionScope, t: CatalogTable, key: unknown): Promise<T> {
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
  const readScope = readScopeOf(t.name);
  const docs = {
    list: `${t.labelEn}: ${t.description} Filter with where, sort with orderBy, page with first/after, last/before or offset.`,
    one: `One ${t.typeName} by ${pk.field}; NOT_FOUND when it does not exist in the caller's divisions.`,
  };

  @Resolver(() => Entity)
  class EntityQueries {
    @Query(() => ConnectionType, { name: lcFirst(t.name), description: docs.list })
    @RequiresScope(readScope)
    async list(
      @Args(() => Args_) args: ListArgs,
      @DivisionsArg() scope: DivisionScope,
      @Ctx() ctx: RequestContext,
      @Info() info: GraphQLResolveInfo,
    ) {
      const page = await listQueryBuilder({ scope, config: ctx.config }).page<T & ObjectLiteral>(t.name, args, readPlan(info, t));
      return ConnectionType.of(page);
    }

    @Query(() => Entity, { name: lcFirst(t.typeName), description: docs.one })
    @RequiresScope(readScope)
    async one(@Arg(pk.field, () => keyType) key: unknown, @DivisionsArg() scope: DivisionScope) {
      return findByKey<T>(scope, t, key);
    }
  }
  Object.defineProperty(EntityQueries, 'name', { value: `${t.typeName}Queries` });
  return EntityQueries;
}
