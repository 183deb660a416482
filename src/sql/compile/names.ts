/**
 * Name resolution: column references, `*` and `alias.*`, looked up in the sources of a SELECT and
 * then of the enclosing ones. Only catalog columns and the columns of derived tables resolve;
 * whatever does not is refused with a sqlError naming what was not found.
 */
import { CatalogColumn } from '../../catalog';
import { sqlError, Position } from '../errors';
import { Node, positionOf } from '../parse';
import { OutputColumn } from '../types';
import { kindOfCatalog } from '../value-types';
import { ident } from './ast';
import { Clause, Compilation, Expr } from './context';
import { Scope, Source, TableSource } from './from';

/**
 * `*` or `alias.*`: every column of the sources, catalog order (binary columns left out), as
 * [output name, expression] pairs. Throws a sqlError for an unknown alias or `*` without FROM.
 */
export function star(cx: Compilation, e: Node, scope: Scope): [string, Expr][] {
  const qualifier = e.table ? ident(e.table) : undefined;
  const sources = qualifier ? [scope.find(qualifier)] : scope.sources;
  if (qualifier && !sources[0]) throw sqlError(`unknown table or alias ${qualifier}`, positionOf(e));
  if (sources.length === 0) throw sqlError('* needs a FROM clause', positionOf(e));
  const out: [string, Expr][] = [];
  for (const s of sources as Source[]) {
    if (s.kind === 'table') {
      for (const c of s.table.columns) if (c.type !== 'blob') out.push([c.name, catalogColumn(cx, s, c)]);
    } else {
      for (const c of s.columns) out.push([c.name, columnOf(cx, s, c)]);
    }
  }
  return out;
}

/** A `column_ref` node: a select alias where the clause allows one, else a column of the sources. */
export function columnRef(cx: Compilation, node: Node, scope: Scope, clause: Clause, at: Position | null): Expr {
  if (node.db) throw sqlError(`${ident(node.db)}.${ident(node.table)}.${ident(node.column)}: only catalog tables can be queried`, at);
  const name = ident(node.column);
  if (name === '*') throw sqlError('* is only allowed in the select list and in COUNT(*)', at);
  const qualifier = node.table ? ident(node.table) : undefined;
  // ORDER BY and HAVING see the select list's aliases first (as MySQL does).
  if (!qualifier && clause.aliases?.has(name.toLowerCase())) return clause.aliases.get(name.toLowerCase())!;
  const found = lookupColumn(cx, scope, qualifier, name, at, false)!;
  return found;
}

/**
 * Resolves a column in this scope, then in the enclosing ones (correlated subqueries). Unknown,
 * ambiguous or wrongly qualified names throw a sqlError, or give undefined when `quiet`.
 */
export function lookupColumn(
  cx: Compilation,
  scope: Scope,
  qualifier: string | undefined,
  name: string,
  at: Position | null,
  quiet: boolean,
): Expr | undefined {
  for (let s: Scope | undefined = scope; s; s = s.parent) {
    if (qualifier) {
      const source = s.find(qualifier);
      if (!source) continue;
      const c = columnIn(cx, source, name);
      if (c) return c;
      if (quiet) return undefined;
      const where = source.kind === 'table' ? `table ${source.table.name}` : source.alias;
      throw sqlError(`unknown column ${name} in ${where}${source.kind === 'table' ? ' (see the catalog)' : ''}`, at);
    }
    const matches = s.sources.map((src) => columnIn(cx, src, name, true)).filter((c): c is Expr => c !== undefined);
    if (matches.length > 1) {
      if (quiet) return undefined;
      throw sqlError(`column ${name} is ambiguous: qualify it with a table alias`, at);
    }
    if (matches.length === 1)
      return columnIn(
        cx,
        s.sources.find((src) => columnIn(cx, src, name, true))!,
        name,
      );
  }
  if (quiet) return undefined;
  if (qualifier) throw sqlError(`unknown table or alias ${qualifier}`, at);
  throw sqlError(`unknown column ${name}`, at);
}

/** The column `name` of a source, or undefined. `probe` does not record derived-column use. */
function columnIn(cx: Compilation, source: Source, name: string, probe = false): Expr | undefined {
  const n = name.toLowerCase();
  if (source.kind === 'table') {
    const c = source.table.columns.find((x) => x.name.toLowerCase() === n);
    if (!c) return undefined;
    if (probe) return { sql: '', type: kindOfCatalog(c), aggregate: false };
    return catalogColumn(cx, source, c);
  }
  const c = source.columns.find((x) => x.name.toLowerCase() === n);
  return c ? columnOf(cx, source, c) : undefined;
}

/** A catalog column through its source; a derived column is recorded so FROM joins it in. */
function catalogColumn(cx: Compilation, source: TableSource, c: CatalogColumn): Expr {
  if (c.type === 'blob') throw sqlError(`column ${c.name} holds binary content and cannot be queried`);
  if (c.derived) source.derivedUsed.add(c);
  return { sql: `${cx.q(source.alias)}.${cx.q(c.name)}`, type: kindOfCatalog(c), aggregate: false, columnName: c.name };
}

/** A result column of a derived source (a subquery in FROM, or a UNION being ordered). */
export function columnOf(cx: Compilation, source: Source, c: OutputColumn): Expr {
  return { sql: `${cx.q(source.alias)}.${cx.q(c.name)}`, type: c.type, aggregate: false, columnName: c.name };
}
