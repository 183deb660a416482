import { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { CatalogTable, table } from '../catalog';
import type { ReadOptions } from './list-query-builder';

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
 * directly, or behind a selected derived column), each with the columns of the related row the
 * query reads: the list query joins them once instead of leaving each to a loader statement.
 */
/** Where a connection's rows are in its selection. */
const ROW_PATHS = [['nodes'], ['edges', 'node']];

/** Fields selected under any of `paths` of the field being resolved. */
function selectedUnder(info: GraphQLResolveInfo, paths: readonly string[][]): Set<string> {
  return new Set(paths.flatMap((p) => [...selectedFields(info, p)]));
}

/**
 * To-one relations of `t` that the rows of a connection being resolved will read (selected
 * directly, or behind a selected derived column), each with the columns of the related row the
 * query reads: the list query joins them once instead of leaving each to a loader statement.
 */
export function selectedRelations(info: GraphQLResolveInfo, t: CatalogTable): { name: string; columns?: ReadonlySet<string> }[] {
  const fields = selectedUnder(info, ROW_PATHS);
  const out = new Map<string, Set<string> | undefined>();
  for (const r of t.relations) {
    if (r.kind !== 'one' || !fields.has(r.name)) continue;
    out.set(
      r.name,
      columnsFor(
        table(r.table),
        selectedUnder(
          info,
          ROW_PATHS.map((p) => [...p, r.name]),
        ),
        { keys: false },
      ),
    );
  }
  for (const c of t.columns) {
    if (!c.derived || !fields.has(c.field)) continue;
    const rel = t.relations.find((r) => r.name === c.derived!.relation)!;
    if (!out.has(rel.name)) out.set(rel.name, columnsFor(table(rel.table), new Set(), { keys: false }));
    out.get(rel.name)?.add(c.derived.column);
  }
  return [...out].map(([name, columns]) => ({ name, columns }));
}

/**
 * The physical columns of `t` a row must carry for the selected `fields`, or undefined for all
 * of them: the selected columns, the columns (and division) the selected relations and derived
 * columns join on and, with `keys` (the default; list rows), the primary key and division (a
 * joined related row needs them only when selected). Relations in `joined` come with the row
 * and need no join columns. A field the catalog does not describe (a custom resolver may read
 * any column) falls back to all columns.
 */
export function columnsFor(
  t: CatalogTable,
  fields: ReadonlySet<string>,
  options: { keys?: boolean; joined?: ReadonlySet<string> } = {},
): Set<string> | undefined {
  const { keys = true, joined = new Set<string>() } = options;
  const out = new Set<string>();
  if (keys) out.add(t.primaryKey);
  if (keys && t.partitionColumn) out.add(t.partitionColumn);
  const addJoin = (name: string) => {
    // A relation the statement joins arrives with the row: its join columns are not needed.
    if (joined.has(name)) return;
    t.relations.find((r) => r.name === name)!.on.forEach(([local]) => out.add(local));
    // Loaders and nested lists look related rows up within the row's division.
    if (t.partitionColumn) out.add(t.partitionColumn);
  };
  for (const f of fields) {
    if (f === '__typename') continue;
    if (f === 'version') {
      out.add('Version');
      continue;
    }
    const c = t.columns.find((x) => x.field === f);
    if (c) {
      if (c.derived) addJoin(c.derived.relation);
      else out.add(c.name);
      continue;
    }
    if (t.relations.some((r) => r.name === f)) {
      addJoin(f);
      continue;
    }
    return undefined;
  }
  return out;
}

/**
 * What a connection's rows must carry: their columns, and the to-one relations to join with the
 * columns the query reads of them (the related rows travel with their row, see prefetched.ts).
 */
export function readPlan(info: GraphQLResolveInfo, t: CatalogTable): ReadOptions {
  // A field node belongs to a parsed document, which Apollo keeps and hands to every request
  // with the same query: its plan is worked out once.
  const node = info.fieldNodes.length === 1 ? info.fieldNodes[0] : undefined;
  const known = node && plans.get(node);
  if (known) return known;
  const plan = makeReadPlan(info, t);
  if (node) plans.set(node, plan);
  return plan;
}
const plans = new WeakMap<FieldNode, ReadOptions>();

function makeReadPlan(info: GraphQLResolveInfo, t: CatalogTable): ReadOptions {
  const prefetch = selectedRelations(info, t);
  return { columns: columnsFor(t, selectedUnder(info, ROW_PATHS), { joined: new Set(prefetch.map((p) => p.name)) }), prefetch };
}
