import { CatalogTable } from '../catalog';
import { badInput } from '../platform/errors';
import { NullsOrder, OrderByInput, SortDirection, SortKeyRef, toOneRelations } from './list-inputs';
import { table } from '../catalog';
import { ColumnExpr, ListFilterCompiler } from './filter-sql';
import { checkKeyCount, MAX_SORT_KEYS } from './limits';

/** One resolved sort key of a list. */
export interface SortKey {
  ref: SortKeyRef;
  expr: ColumnExpr;
  ascending: boolean;
  /** Where nulls go in the requested order (default: nulls sort as the smallest value). */
  nullsFirst: boolean;
  /** The client chose where nulls go: the order needs a null-flag term. */
  explicitNulls: boolean;
}

/** The client's sort keys plus the primary key, so every order is total and pages are stable. */
export function resolveSortKeys(compiler: ListFilterCompiler, orderBy: readonly OrderByInput[] | null | undefined): SortKey[] {
  const t: CatalogTable = compiler.t;
  const list = orderBy ?? [];
  checkKeyCount('orderBy', 'sortKeys', list.length, MAX_SORT_KEYS);
  const seen = new Set<string>();
  const keys: SortKey[] = list.map((o, i) => {
    const ref = sortKeyRef(t, o, i);
    const expr = compiler.column(ref.column, ref.relation);
    const name = ref.relation ? `${ref.relation}.${expr.column.field}` : expr.column.field;
    // A key named again could only repeat or contradict the first: the order is already decided.
    if (seen.has(name)) throw badInput(`orderBy[${i}]`, `${name} is already a sort key`);
    seen.add(name);
    const ascending = (o.direction ?? SortDirection.ASC) === SortDirection.ASC;
    const explicitNulls = o.nulls === NullsOrder.FIRST || o.nulls === NullsOrder.LAST;
    if (explicitNulls && !expr.nullable) {
      throw badInput(`orderBy[${i}].nulls`, `${name} is never empty (null), so nulls does not apply to it`);
    }
    return { ref, expr, ascending, nullsFirst: explicitNulls ? o.nulls === NullsOrder.FIRST : ascending, explicitNulls };
  });
  if (!keys.some((k) => !k.ref.relation && k.ref.column === t.primaryKey)) {
    keys.push({
      ref: { column: t.primaryKey },
      expr: compiler.column(t.primaryKey),
      ascending: true,
      nullsFirst: true,
      explicitNulls: false,
    });
  }
  return keys;
}

export type OrderTerm = [expression: string, direction: 'ASC' | 'DESC'];

/** The column a sort key names: `field`, or exactly one to-one relation's column. */
function sortKeyRef(t: CatalogTable, o: OrderByInput, i: number): SortKeyRef {
  const given: SortKeyRef[] = [];
  if (o.field) given.push({ column: o.field });
  for (const r of toOneRelations(t)) {
    const value = o[r.name];
    if (typeof value !== 'string') continue;
    const c = table(r.table).columns.find((x) => x.name === value);
    if (!c || c.derived) throw badInput(`orderBy[${i}].${r.name}`, `cannot sort on ${value} of ${r.table}`);
    given.push({ relation: r.name, column: value });
  }
  if (given.length !== 1) throw badInput(`orderBy[${i}]`, 'each key names exactly one of field or a relation');
  return given[0];
}

/** ORDER BY terms for the keys, reversed when paging backwards (last/before). */
export function orderTerms(compiler: ListFilterCompiler, keys: readonly SortKey[], backward: boolean): OrderTerm[] {
  const terms: OrderTerm[] = [];
  for (const k of keys) {
    const ascending = k.ascending !== backward;
    if (k.explicitNulls && k.expr.nullable) {
      const nullsFirst = k.nullsFirst !== backward;
      terms.push([`CASE WHEN ${k.expr.sql} IS NULL THEN 0 ELSE 1 END`, nullsFirst ? 'ASC' : 'DESC']);
    }
    terms.push([sortExpression(compiler, k.expr), ascending ? 'ASC' : 'DESC']);
  }
  return terms;
}

function sortExpression(compiler: ListFilterCompiler, e: ColumnExpr): string {
  if (e.column.type === 'decimal') return compiler.dialect.decimalSortKey(e.sql);
  return compiler.comparable(e.sql, e.column);
}

/**
 * The keyset condition "row comes strictly after the cursor row" in the traversal order, written
 * as an ordinary filter: (k1 > v1) OR (k1 = v1 AND k2 > v2) OR ..., with nulls placed as the
 * order places them. A leading `k1 >= v1` lets the database seek on an index.
 */
export function keysetCondition(
  compiler: ListFilterCompiler,
  keys: readonly SortKey[],
  values: readonly unknown[],
  backward: boolean,
): string {
  const params = values.map((v, i) => (v === null || v === undefined ? null : compiler.param(keys[i].expr.column, v)));
  const equal = (i: number) => (params[i] === null ? `${keys[i].expr.sql} IS NULL` : compiler.compareSql(keys[i].expr, '=', params[i]!));
  const after = (i: number): string | undefined => {
    const k = keys[i];
    const ascending = k.ascending !== backward;
    const nullsFirst = k.nullsFirst !== backward;
    if (params[i] === null) return nullsFirst ? `${k.expr.sql} IS NOT NULL` : undefined;
    const beyond = compiler.compareSql(k.expr, ascending ? '>' : '<', params[i]!);
    return k.expr.nullable && !nullsFirst ? `(${beyond} OR ${k.expr.sql} IS NULL)` : beyond;
  };
  const alternatives: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    const a = after(i);
    if (a === undefined) continue;
    alternatives.push([...Array.from({ length: i }, (_, j) => equal(j)), a].join(' AND '));
  }
  if (alternatives.length === 0) return '1 = 0';
  const condition = `(${alternatives.map((a) => `(${a})`).join(' OR ')})`;
  const first = keys[0];
  if (!first.expr.nullable && params[0] !== null) {
    const seek = compiler.compareSql(first.expr, first.ascending !== backward ? '>=' : '<=', params[0]!);
    return `(${seek} AND ${condition})`;
  }
  return condition;
}
