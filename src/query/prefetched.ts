import { ObjectLiteral } from 'typeorm';

/**
 * Related rows a list statement joined (only the columns the query reads of them), carried on
 * the row that points at them. Relation and derived fields read them from here, synchronously,
 * instead of through the request's loaders: partial rows must not reach a shared loader, where
 * another part of the query could read a column they lack.
 */
const PREFETCHED = Symbol('prefetched');

type Carrier = ObjectLiteral & { [PREFETCHED]?: Record<string, ObjectLiteral | null> };

export function attachRelated(row: ObjectLiteral, relation: string, related: ObjectLiteral | null): void {
  const carrier = row as Carrier;
  (carrier[PREFETCHED] ??= Object.create(null) as Record<string, ObjectLiteral | null>)[relation] = related;
}

/** The joined row of `relation` (null: none in the caller's divisions), or undefined when not joined. */
export function prefetchedRelated(row: ObjectLiteral, relation: string): ObjectLiteral | null | undefined {
  const joined = (row as Carrier)[PREFETCHED];
  return joined && relation in joined ? joined[relation] : undefined;
}
