/**
 * FROM and the division scope: the sources a SELECT reads (catalog tables, derived tables), the
 * joins between them, and the rendering of every catalog table as a derived table restricted by
 * the division scope, with the joins its derived columns need (each scoped as well).
 */
import { CatalogColumn, CatalogTable, findTable, table as catalogTable } from '../../catalog';
import { sqlError } from '../errors';
import { Node, positionOf } from '../parse';
import { OutputColumn } from '../types';
import { ALIAS, ident } from './ast';
import { Compilation } from './context';
import { condition } from './expressions';
import { statement } from './statement';

/** A catalog table in FROM or JOIN under its alias. */
export interface TableSource {
  readonly kind: 'table';
  readonly alias: string;
  readonly table: CatalogTable;
  /** Derived columns used through this source: each becomes a join through its relation. */
  readonly derivedUsed: Set<CatalogColumn>;
}

/** A subquery in FROM (or a UNION being ordered): compiled SQL and its result columns. */
export interface DerivedSource {
  readonly kind: 'derived';
  readonly alias: string;
  readonly sql: string;
  readonly columns: OutputColumn[];
}

/** Anything a column reference can resolve against. */
export type Source = TableSource | DerivedSource;

/** One entry of FROM: its source, and for all but the first how it joins (`INNER JOIN`, ...) and on what. */
export interface FromEntry {
  readonly source: Source;
  readonly join?: string;
  readonly on?: string;
}

/** The sources of one SELECT; `parent` is the enclosing SELECT for correlated subqueries. */
export class Scope {
  readonly sources: Source[] = [];
  constructor(readonly parent?: Scope) {}
  /** The source under `alias`, case-insensitively. */
  find(alias: string): Source | undefined {
    const a = alias.toLowerCase();
    return this.sources.find((s) => s.alias.toLowerCase() === a);
  }
}

const JOINS: Record<string, string> = {
  JOIN: 'INNER JOIN',
  'INNER JOIN': 'INNER JOIN',
  'LEFT JOIN': 'LEFT JOIN',
  'LEFT OUTER JOIN': 'LEFT JOIN',
  'RIGHT JOIN': 'RIGHT JOIN',
  'RIGHT OUTER JOIN': 'RIGHT JOIN',
  'CROSS JOIN': 'CROSS JOIN',
};

/**
 * Checks one FROM item (a catalog table or an aliased subquery, with its join) and adds its source
 * to `scope`. Throws a sqlError for unknown tables, other databases, bad or repeated aliases,
 * USING, and joins without (or CROSS JOIN with) an ON condition.
 */
export function fromItem(cx: Compilation, item: Node, scope: Scope): FromEntry {
  const at = positionOf(item);
  let source: Source;
  if (item.expr?.ast) {
    if (!item.as) throw sqlError('a subquery in FROM needs an alias', at);
    const alias = ident(item.as);
    if (!ALIAS.test(alias)) throw sqlError(`the alias ${JSON.stringify(alias)} is not allowed`, at);
    // Derived tables cannot see the enclosing query (no LATERAL).
    const sub = statement(cx, item.expr.ast, undefined);
    source = { kind: 'derived', alias, sql: sub.sql, columns: sub.columns };
  } else if (typeof item.table === 'string' || item.table?.value) {
    const name = ident(item.table);
    if (item.db) throw sqlError(`${ident(item.db)}.${name} is not a catalog table: only the catalog's tables can be queried`, at);
    const t = findTable(name);
    if (!t) throw sqlError(`unknown table ${name}: see the catalog for the tables you can query`, at);
    const alias = item.as ? ident(item.as) : t.name;
    if (!ALIAS.test(alias)) throw sqlError(`the alias ${JSON.stringify(alias)} is not allowed`, at);
    source = { kind: 'table', alias, table: t, derivedUsed: new Set() };
  } else {
    throw sqlError('only catalog tables and subqueries can appear in FROM', at);
  }
  if (scope.find(source.alias)) throw sqlError(`the table alias ${source.alias} is used twice`, at);
  scope.sources.push(source);
  if (!item.join) {
    if (scope.sources.length > 1) return { source, join: 'CROSS JOIN' };
    return { source };
  }
  const join = JOINS[String(item.join).toUpperCase()];
  if (!join) throw sqlError(`${item.join} is not supported`, at);
  if (item.using) throw sqlError('JOIN ... USING is not supported: use ON', at);
  if (join === 'CROSS JOIN') {
    if (item.on) throw sqlError('CROSS JOIN takes no ON condition', at);
    return { source, join };
  }
  if (!item.on) throw sqlError(`${join} needs an ON condition`, at);
  return { source, join, on: condition(cx, item.on, scope, { name: 'ON', aggregates: false }) };
}

/**
 * The FROM clause's text (without the keyword). Call it after the whole SELECT is compiled: only
 * then does each table source know which derived columns it must join in.
 */
export function renderFrom(cx: Compilation, joins: FromEntry[]): string {
  return joins
    .map((j, i) => {
      const s = renderSource(cx, j.source);
      if (i === 0) return s;
      return j.on ? `${j.join} ${s} ON ${j.on}` : `${j.join ?? 'CROSS JOIN'} ${s}`;
    })
    .join(' ');
}

/**
 * A catalog table as a derived table of the rows the caller may see, with the derived columns
 * the query uses joined in through their catalog relations (each join scoped as well).
 */
function renderSource(cx: Compilation, source: Source): string {
  const q = (s: string) => cx.q(s);
  if (source.kind === 'derived') return `(${source.sql}) AS ${q(source.alias)}`;
  const t = source.table;
  const conditions: string[] = [];
  const own = cx.options.conditionFor(t.name, 's');
  if (own) conditions.push(own);
  const deadline = cx.options.deadline;
  const guard = deadline !== undefined ? cx.dialect.deadlineGuard(deadline, `${q('s')}.${q(t.primaryKey)}`) : undefined;
  if (guard) conditions.push(guard);
  if (source.derivedUsed.size === 0 && conditions.length === 0) {
    cx.countTables(1, t.name);
    return `${q(t.name)} AS ${q(source.alias)}`;
  }

  const columns = [`${q('s')}.*`];
  const joins: string[] = [];
  const relationAlias = new Map<string, string>();
  for (const c of t.columns.filter((x) => source.derivedUsed.has(x))) {
    const relation = t.relations.find((r) => r.name === c.derived!.relation)!;
    let ra = relationAlias.get(relation.name);
    if (!ra) {
      ra = `r${relationAlias.size}`;
      relationAlias.set(relation.name, ra);
      const target = catalogTable(relation.table);
      const on = relation.on.map(([local, remote]) => `${q(ra!)}.${q(remote)} = ${q('s')}.${q(local)}`);
      if (target.partitionColumn && t.partitionColumn) on.push(`${q(ra)}.${q(target.partitionColumn)} = ${q('s')}.${q(t.partitionColumn)}`);
      const scoped = cx.options.conditionFor(target.name, ra);
      if (scoped) on.push(scoped);
      joins.push(` LEFT JOIN ${q(target.name)} ${q(ra)} ON ${on.join(' AND ')}`);
    }
    columns.push(`${q(ra)}.${q(c.derived!.column)} AS ${q(c.name)}`);
  }
  cx.countTables(1 + relationAlias.size, t.name);
  const where = conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
  return `(SELECT ${columns.join(', ')} FROM ${q(t.name)} ${q('s')}${joins.join('')}${where}) AS ${q(source.alias)}`;
}
