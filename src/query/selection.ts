import { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { CatalogTable } from '../catalog';

/**
 * Field names selected under `path` (e.g. ['sum']) of the field being resolved, through inline
 * fragments and fragment spreads: aggregates compute only what the client asked for.
 */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  let sets: SelectionSetNode[] = info.fieldNodes.map((n) => n.selectionSet).filter((s): s is SelectionSetNode => Boolean(s));
  for (const name of path) {
    sets = fieldsOf(info, sets)
      .filter((f) => f.name.value === name)
      .map((f) => f.selectionSet)
      .filter((s): s is SelectionSetNode => Boolean(s));
  }
  return new Set(fieldsOf(info, sets).map((f) => f.name.value));
}

function fieldsOf(info: GraphQLResolveInfo, sets: SelectionSetNode[]): FieldNode[] {
  const out: FieldNode[] = [];
  const visit = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === 'Field') out.push(s);
      else if (s.kind === 'InlineFragment') visit(s.selectionSet);
      else {
        const fragment = info.fragments[s.name.value];
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  sets.forEach(visit);
  return out;
}

/**
 * To-one relations of `t` that the rows of a connection being resolved will read (selected
 * directly, or behind a selected derived column): the list query joins them once instead of
 * leaving each to a loader statement.
 */
export function selectedRelations(info: GraphQLResolveInfo, t: CatalogTable): string[] {
  const fields = new Set([...selectedFields(info, ['nodes']), ...selectedFields(info, ['edges', 'node'])]);
  const out = new Set<string>();
  for (const r of t.relations) if (r.kind === 'one' && fields.has(r.name)) out.add(r.name);
  for (const c of t.columns) if (c.derived && fields.has(c.field)) out.add(c.derived.relation);
  return [...out];
}
