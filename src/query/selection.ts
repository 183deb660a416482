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
export function selectedRelations(info: GraphQLResolveInfo, t: CatalogTable, paths: string[][] = [['nodes'], ['edges', 'node']]): { name: string; columns?: ReadonlySet<string> }[] {
  const fields = new Set(paths.flatMap((p) => [...selectedFields(info, p)]));
  const out = new Map<string, Set<string> | undefined>();
  for (const r of t.relations) {
    if (r.kind !== 'one' || !fields.has(r.name)) continue;
    out.set(r.name, columnsFor(table(r.table), new Set(paths.flatMap((p) => [...selectedFields(info, [...p, r.name])])), [], false));
  }
  for (const c of t.columns) {
    if (!c.derived || !fields.has(c.field)) continue;
    const rel = t.relations.find((r) => r.name === c.derived!.relation)!;
    if (!out.has(rel.name)) out.set(rel.name, columnsFor(table(rel.table), new Set(), [], false));
    out.get(rel.name)?.add(c.derived.column);
  }
  // The statement must tell a missing related row from a present one: a selected NOT NULL
  // column does (see presenceColumn), else the column the join matches on.
  for (const [name, columns] of out) {
    const r = t.relations.find((x) => x.name === name)!;
    if (columns && !presenceColumn(table(r.table), columns)) r.on.forEach(([, remote]) => columns.add(remote));
  }
  return [...out].map(([name, columns]) => ({ name, columns }));
}

/**
 * A column of `columns` that is never NULL in a row of `t` (required in the catalog, NOT NULL in
 * the schema): NULL in a LEFT JOIN's result then means that there is no related row.
 */
export function presenceColumn(t: CatalogTable, columns: Iterable<string>): string | undefined {
  for (const name of columns) if (t.columns.find((c) => c.name === name && c.required && !c.derived)) return name;
  return undefined;
}

/**
 * The physical columns of `t` a row must carry for the selected `fields`, or undefined for all
 * of them: the selected columns, the columns (and division) the selected relations and derived
 * columns join on, `joinedOn` (the columns a parent's join or a nested list matches rows by)
 * and, `withKeys`, the primary key and division (list rows; a joined related row needs them
 * only when selected). Relations in `joined` come with the row and need no join columns. A field the catalog does not describe (a custom resolver may read any
 * column) falls back to all columns.
 */
export function columnsFor(t: CatalogTable, fields: ReadonlySet<string>, joinedOn: readonly string[] = [], withKeys = true, joined: ReadonlySet<string> = new Set()): Set<string> | undefined {
  const out = new Set<string>(joinedOn);
  if (withKeys) out.add(t.primaryKey);
  if (withKeys && t.partitionColumn) out.add(t.partitionColumn);
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
  const rowFields = new Set([...selectedFields(info, ['nodes']), ...selectedFields(info, ['edges', 'node'])]);
  const prefetch = selectedRelations(info, t);
  return { columns: columnsFor(t, rowFields, [], true, new Set(prefetch.map((p) => p.name))), prefetch };
}
