import { GraphQLSchema, isObjectType } from 'graphql';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ObjectLiteral } from 'typeorm';
import { CATALOG, CatalogRelation, CatalogTable, describe, table } from '../../catalog';
import { defaultScalarOf } from '../../graphql/column-types';
import { Loaders } from '../../context/loaders';
import type { RequestContext } from '../../context/request-context';
import { entityOf } from '../entities';
import { prefetchedRelated } from '../../query/prefetched';

/**
 * Field resolvers generated from the catalog for every to-one relation (`payment.account`) and
 * every derived column (`payment.accountName`, read from the account row). All of them go
 * through the per-request DataLoaders, so a page of N payments costs one statement per
 * relation, not N.
 */
/**
 * The row a to-one relation of `row` points at, or null: the one its list statement joined when
 * there is one (synchronously), else through the request's loaders.
 */
export function loadRelated(
  loaders: Loaders,
  source: CatalogTable,
  rel: CatalogRelation,
  row: ObjectLiteral,
): ObjectLiteral | null | Promise<ObjectLiteral | null> {
  const joined = prefetchedRelated(row, rel.name);
  if (joined !== undefined) return joined;
  const [local, remote] = rel.on[0];
  const localField = source.columns.find((c) => c.name === local)!.field;
  const value = row[localField];
  if (value === null || value === undefined) return Promise.resolve(null);
  const target = table(rel.table);
  const division = target.partitionColumn ? partitionOf(source, row) : null;
  return loaders.by(rel.table, remote).load(Loaders.key(division, value));
}

function partitionOf(t: CatalogTable, row: ObjectLiteral): number | null {
  if (!t.partitionColumn) return null;
  return row[t.columns.find((c) => c.name === t.partitionColumn)!.field] as number;
}

type Body = (root: ObjectLiteral, ctx: RequestContext) => unknown;

/**
 * The generated fields' bodies by type and field name. They read only the row and the context,
 * so the schema calls them directly (installDirectResolvers): type-graphql's wrapper, which
 * gathers parameters and runs middlewares, would run for every relation of every row of a page.
 */
const BODIES = new Map<string, Map<string, Body>>();

function define(proto: object, typeName: string, name: string, typeFn: () => unknown, description: string, body: Body): void {
  if (!BODIES.has(typeName)) BODIES.set(typeName, new Map());
  BODIES.get(typeName)!.set(name, body);
  Object.defineProperty(proto, name, { value: body, writable: true, configurable: true });
  const descriptor = Object.getOwnPropertyDescriptor(proto, name)!;
  FieldResolver(typeFn as never, { nullable: true, description })(proto, name, descriptor);
  Root()(proto, name, 0);
  Ctx()(proto, name, 1);
}

function relationResolverFor(t: CatalogTable): Function | undefined {
  const toOne = t.relations.filter((r) => r.kind === 'one');
  const derived = t.columns.filter((c) => c.derived);
  if (!toOne.length && !derived.length) return undefined;
  const Generated = class {};
  Object.defineProperty(Generated, 'name', { value: `${t.typeName}RelationsResolver` });
  const proto = Generated.prototype;
  for (const rel of toOne) {
    define(
      proto,
      t.typeName,
      rel.name,
      () => entityOf(rel.table),
      `${rel.doc} (relation ${rel.name})`,
      (root, ctx) => loadRelated(ctx.loaders, t, rel, root),
    );
  }
  for (const c of derived) {
    const rel = t.relations.find((r) => r.name === c.derived!.relation)!;
    const targetColumn = table(rel.table).columns.find((x) => x.name === c.derived!.column)!;
    const read = (related: ObjectLiteral | null) => (related ? (related[targetColumn.field] ?? null) : null);
    const description = `${describe(c)} Read from ${rel.table}.${targetColumn.name}.`;
    define(proto, t.typeName, c.field, defaultScalarOf(c.type), description, (root, ctx) => {
      const related = loadRelated(ctx.loaders, t, rel, root);
      return related instanceof Promise ? related.then(read) : read(related);
    });
  }
  Resolver(() => entityOf(t.name))(Generated);
  return Generated;
}

export const RELATION_RESOLVERS = CATALOG.map(relationResolverFor).filter((r): r is Function => r !== undefined);

/** Calls the generated relation and derived fields' bodies straight from the schema (see BODIES). */
export function installDirectResolvers(schema: GraphQLSchema): GraphQLSchema {
  for (const [typeName, bodies] of BODIES) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`Generated resolvers for ${typeName}, which the schema lacks`);
    const fields = type.getFields();
    for (const [name, body] of bodies) fields[name].resolve = (root: ObjectLiteral, _args: unknown, ctx: RequestContext) => body(root, ctx);
  }
  return schema;
}
