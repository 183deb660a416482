import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { ObjectLiteral } from 'typeorm';
import { CATALOG, CatalogRelation, CatalogTable, table } from '../../catalog';
import type { RequestContext } from '../../context/request-context';
import { entityOf } from '../entities';
import { readScopeOf, RequiresScope } from '../../graphql/access';
import { listArgsType } from '../../graphql/catalog-inputs';
import type { ListArgs } from '../../query/list-inputs';
import { Connection, Page } from '../../graphql/connection';
import { fingerprint } from '../../query/cursor';
import { listQueryBuilder, ParentKey } from '../../query/list-query-builder';
import { readPlan } from '../../query/selection';

type ConnectionOf = { of(page: Page<ObjectLiteral>): unknown };

/**
 * Connection fields for every to-many relation of the catalog (`division.payments`,
 * `account.payments`, `batch.payments`, `document.attachments`, ...). They take the same where,
 * orderBy and paging arguments as the root lists, need the same scope as the listed table's root
 * list (readScopeOf: receivables:read for `account.receivables`, statements:read for the bank and
 * cash entries, payments:read otherwise), and are batched per request: all parents of one field
 * with the same arguments are answered by one statement of the list-query builder.
 */

function nestedListResolverFor(t: CatalogTable): Function | undefined {
  const many = t.relations.filter((r) => r.kind === 'many');
  if (!many.length) return undefined;
  const Generated = class {};
  Object.defineProperty(Generated, 'name', { value: `${t.typeName}NestedListsResolver` });
  const proto = Generated.prototype;
  for (const rel of many) {
    const target = table(rel.table);
    const ConnectionType = Connection(entityOf(target.name) as never, target.typeName) as unknown as ConnectionOf;
    const ArgsClass = listArgsType(target);
    const body = async (root: ObjectLiteral, args: ListArgs, ctx: RequestContext, info: GraphQLResolveInfo) => {
      const read = readPlan(info, target);
      const prefetch = read.prefetch?.map((p) => [p.name, p.columns && [...p.columns]]);
      const plan = { columns: read.columns && [...read.columns], prefetch };
      const id = `nested:${t.name}.${rel.name}:${fingerprint({ args, read: plan })}`;
      const pages = (parents: readonly ParentKey[]) => listQueryBuilder(ctx).pagesByParent(t, rel, parents, args, read);
      const loader = ctx.loaders.batch<ParentKey, Page<ObjectLiteral>>(id, pages);
      return ConnectionType.of(await loader.load(parentKey(t, rel, root)));
    };
    Object.defineProperty(proto, rel.name, { value: body, writable: true, configurable: true });
    const descriptor = Object.getOwnPropertyDescriptor(proto, rel.name)!;
    const description = `${rel.doc} Same where, orderBy and paging as the root list; batched for all parents in one statement.`;
    FieldResolver(() => ConnectionType, { description })(proto, rel.name, descriptor);
    RequiresScope(readScopeOf(target.name))(proto, rel.name, descriptor);
    Root()(proto, rel.name, 0);
    Args(() => ArgsClass)(proto, rel.name, 1);
    Ctx()(proto, rel.name, 2);
    Info()(proto, rel.name, 3);
  }
  Resolver(() => entityOf(t.name))(Generated);
  return Generated;
}

function parentKey(t: CatalogTable, rel: CatalogRelation, row: ObjectLiteral): ParentKey {
  const [local] = rel.on[0];
  const field = t.columns.find((c) => c.name === local)!.field;
  const partition = t.partitionColumn ? t.columns.find((c) => c.name === t.partitionColumn)!.field : undefined;
  return { division: partition ? (row[partition] as number) : null, value: row[field] };
}

export const NESTED_LIST_RESOLVERS = CATALOG.map(nestedListResolverFor).filter((r): r is Function => r !== undefined);
