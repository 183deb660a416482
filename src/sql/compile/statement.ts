/**
 * The shape of a statement: SELECT or a UNION chain, the select list, GROUP BY, ORDER BY and
 * LIMIT, and the clauses a read-only dialect refuses. The entry point, SelectStatementCompiler,
 * lives here; the other files of this folder compile the parts.
 */
import { sqlError } from '../errors';
import { Node, positionOf } from '../parse';
import { CompiledQuery, OutputColumn } from '../types';
import { unify } from '../value-types';
import { ALIAS, defaultName, fail, ident } from './ast';
import { Clause, Compilation, CompileOptions, CompiledStatement, Expr } from './context';
import { comparisonKey, condition, expr, isText, parameter } from './expressions';
import { SQL_LIMITS, sqlLimit } from '../limits';
import { DerivedSource, FromEntry, fromItem, renderFrom, Scope } from './from';
import { columnOf, lookupColumn, star } from './names';

/**
 * Checks a parsed SELECT against the catalog and compiles it into SQL of our own for the current
 * database. Nothing of the user's text passes through: identifiers come from the catalog (or are
 * validated aliases, quoted), literals and parameters become placeholders, numbers are
 * re-validated. Every catalog table reference (FROM, JOIN, subqueries, UNION members, and the
 * joins behind derived columns) becomes a derived table restricted by the division scope.
 */
export class SelectStatementCompiler {
  private readonly compilation: Compilation;

  constructor(options: CompileOptions) {
    this.compilation = new Compilation(options);
  }

  /**
   * The statement `ast` (from parseSelect) as SQL with `?` placeholders, their values in order,
   * and the result columns. Throws a sqlError (BAD_USER_INPUT, with line and column where known)
   * for anything it does not accept.
   */
  compile(ast: Node): CompiledQuery {
    const cx = this.compilation;
    const compiled = statement(cx, ast, undefined, cx.options.rowLimit);
    const bound = cx.placeholders(compiled.sql);
    return { sql: bound.text, parameters: bound.parameters, columns: compiled.columns };
  }
}

/**
 * A SELECT or a UNION chain; `parent` is the enclosing scope of a correlated subquery (undefined
 * for derived tables and the outer statement), and `rowLimit` caps the outer LIMIT.
 */
export function statement(cx: Compilation, ast: Node, parent: Scope | undefined, rowLimit?: number): CompiledStatement {
  return cx.nested(positionOf(ast), () => union(cx, ast, parent, rowLimit));
}

function union(cx: Compilation, ast: Node, parent: Scope | undefined, rowLimit?: number): CompiledStatement {
  refuseClauses(ast);
  if (!ast._next) return select(cx, ast, parent, rowLimit, true);

  const members: Node[] = [];
  const ops: string[] = [];
  for (let m: Node | undefined = ast; m; m = m._next) {
    refuseClauses(m);
    members.push(m);
    if (members.length > SQL_LIMITS.unionMembers) {
      const max = SQL_LIMITS.unionMembers;
      throw sqlLimit('unionMembers', countMembers(ast), max, `a UNION joins at most ${max} SELECTs`, { at: positionOf(m) });
    }
    if (m._next) {
      const op = String(m.set_op ?? '').toLowerCase();
      if (op !== 'union' && op !== 'union all') {
        throw sqlError(`${op.toUpperCase() || 'this set operation'} is not supported (UNION and UNION ALL are)`, positionOf(m._next));
      }
      ops.push(op === 'union' ? 'UNION' : 'UNION ALL');
    }
  }
  const last = members[members.length - 1];
  const compiled = members.map((m, i) => {
    if (i < members.length - 1 && (m.orderby || m.limit)) {
      throw sqlError('ORDER BY and LIMIT apply to the whole UNION: put them at the end', positionOf(m));
    }
    // The parser hangs the union's ORDER BY and LIMIT on its last member.
    return select(cx, { ...m, orderby: null, limit: null, _next: null }, parent, undefined, false);
  });
  const width = compiled[0].columns.length;
  compiled.forEach((c, i) => {
    if (c.columns.length !== width) {
      const message = `every UNION member must select ${width} columns; member ${i + 1} selects ${c.columns.length}`;
      throw sqlError(message, positionOf(members[i]));
    }
  });
  const columns: OutputColumn[] = compiled[0].columns.map((c, i) => ({
    name: c.name,
    type: unify(compiled.map((m) => m.columns[i].type)),
  }));
  const body = unionBody(
    cx,
    compiled.map((c) => c.sql),
    ops,
    columns,
  );
  // ORDER BY and LIMIT of the whole union run over it as a derived table.
  const scope = new Scope(parent);
  const u: DerivedSource = { kind: 'derived', alias: 'u', sql: body, columns };
  scope.sources.push(u);
  const aliases = new Map(columns.map((c) => [c.name.toLowerCase(), columnOf(cx, u, c)] as const));
  const order = orderBy(
    cx,
    last.orderby,
    scope,
    columns.map((c) => aliases.get(c.name.toLowerCase())!),
    aliases,
  );
  const limitText = limit(cx, last.limit, rowLimit);
  return { sql: `SELECT * FROM (${body}) AS ${cx.q('u')}${order}${limitText}`, columns };
}

function countMembers(ast: Node): number {
  let n = 0;
  for (let m: Node | undefined = ast; m; m = m._next) n++;
  return n;
}

/**
 * The members joined by their UNION / UNION ALL. A UNION removes rows equal by the gateway's
 * text semantics ('Ärzte' and 'ärzte' are one row, as MariaDB's collation has it); SQLite's
 * UNION would compare text byte by byte, so there the members up to the last UNION are joined
 * with UNION ALL and grouped by their comparison keys instead.
 */
function unionBody(cx: Compilation, members: string[], ops: string[], columns: OutputColumn[]): string {
  const join = (parts: string[], between: string[]) => parts.map((sql, i) => (i === 0 ? sql : `${between[i - 1]} ${sql}`)).join(' ');
  const last = ops.lastIndexOf('UNION');
  if (cx.dialect.kind !== 'sqlite' || last < 0 || !columns.some((c) => isText(c.type))) return join(members, ops);
  const d = cx.q('d');
  const keys = columns.map((c) => comparisonKey(cx, { sql: `${d}.${cx.q(c.name)}`, type: c.type }));
  const distinct = `SELECT * FROM (${members.slice(0, last + 2).join(' UNION ALL ')}) AS ${d} GROUP BY ${keys.join(', ')}`;
  return join([distinct, ...members.slice(last + 2)], ops.slice(last + 1));
}

/** Clauses this read-only dialect never accepts, wherever they appear. */
function refuseClauses(ast: Node): void {
  const at = positionOf(ast);
  if (ast.type !== 'select') throw sqlError(`only SELECT is allowed, not ${String(ast.type).toUpperCase()}`, at);
  if (ast.with) throw sqlError('WITH is not supported: use a subquery in FROM', at);
  if (ast.into && (ast.into.type || ast.into.expr || ast.into.keyword)) throw sqlError('SELECT ... INTO is not allowed', at);
  if (ast.locking_read) throw sqlError('locking reads (FOR UPDATE, LOCK IN SHARE MODE) are not allowed', at);
  if (ast.options && ast.options.length) throw sqlError(`SELECT options (${ast.options.join(' ')}) are not supported`, at);
  if (ast.window) throw sqlError('window functions are not supported', at);
}

/** One SELECT; `allowOrder` is false for a UNION member, whose ORDER BY and LIMIT belong to the union. */
function select(
  cx: Compilation,
  ast: Node,
  parent: Scope | undefined,
  rowLimit: number | undefined,
  allowOrder: boolean,
): CompiledStatement {
  const scope = new Scope(parent);
  const joins: FromEntry[] = [];
  for (const item of ast.from ?? []) joins.push(fromItem(cx, item, scope));

  // Select list.
  const items: { name: string; expr: Expr }[] = [];
  const used = new Set<string>();
  const add = (name: string, compiled: Expr) => {
    let unique = name;
    for (let n = 2; used.has(unique.toLowerCase()); n++) unique = `${name}_${n}`;
    used.add(unique.toLowerCase());
    items.push({ name: unique, expr: compiled });
  };
  const selectClause: Clause = { name: 'SELECT', aggregates: true };
  (ast.columns as Node[]).forEach((col, i) => {
    const e = col.expr;
    if (e?.type === 'column_ref' && ident(e.column) === '*') {
      for (const [name, column] of star(cx, e, scope)) add(name, column);
      return;
    }
    const compiled = expr(cx, e, scope, selectClause, positionOf(e));
    const name = col.as !== null && col.as !== undefined ? ident(col.as) : (compiled.columnName ?? defaultName(e, i));
    if (!ALIAS.test(name)) throw sqlError(`the column alias ${JSON.stringify(name)} is not allowed`, positionOf(e));
    add(name, compiled);
  });
  if (items.length === 0) throw sqlError('the select list is empty', positionOf(ast));

  const aliases = new Map(items.map((it) => [it.name.toLowerCase(), it.expr] as const));
  const where = ast.where ? ` WHERE ${condition(cx, ast.where, scope, { name: 'WHERE', aggregates: false })}` : '';
  const groupItems: Node[] = ast.groupby ? (Array.isArray(ast.groupby) ? ast.groupby : (ast.groupby.columns ?? [])) : [];
  let groupBy = groupItems.length
    ? ` GROUP BY ${groupItems
        .map((g) =>
          groupKey(
            cx,
            g,
            scope,
            items.map((it) => it.expr),
            aliases,
          ),
        )
        .join(', ')}`
    : '';
  const having = ast.having ? ` HAVING ${condition(cx, ast.having, scope, { name: 'HAVING', aggregates: true, aliases })}` : '';
  if (!allowOrder && (ast.orderby || ast.limit)) throw sqlError('ORDER BY and LIMIT apply to the whole UNION', positionOf(ast));
  const order = allowOrder
    ? orderBy(
        cx,
        ast.orderby,
        scope,
        items.map((it) => it.expr),
        aliases,
      )
    : '';
  const limitText = allowOrder ? limit(cx, ast.limit, rowLimit) : '';

  const list = items.map((it) => `${it.expr.sql} AS ${cx.q(it.name)}`).join(', ');
  const from = joins.length ? ` FROM ${renderFrom(cx, joins)}` : '';
  let distinct = ast.distinct
    ? String(ast.distinct).toUpperCase() === 'DISTINCT'
      ? 'DISTINCT '
      : fail(`${ast.distinct} is not supported`, positionOf(ast))
    : '';
  // SQLite's DISTINCT compares text byte by byte: rows equal by the gateway's text semantics
  // are made one by grouping on the comparison keys instead (same rows as MariaDB's DISTINCT).
  if (distinct && cx.dialect.kind === 'sqlite' && !groupBy && items.some((it) => isText(it.expr.type))) {
    if (!items.some((it) => it.expr.aggregate)) groupBy = ` GROUP BY ${items.map((it) => comparisonKey(cx, it.expr)).join(', ')}`;
    distinct = '';
  }
  return {
    sql: `SELECT ${distinct}${list}${from}${where}${groupBy}${having}${order}${limitText}`,
    columns: items.map((it) => ({ name: it.name, type: it.expr.type })),
  };
}

/** A GROUP BY item: a select-list position, a select alias, or an expression of the sources. */
function groupKey(cx: Compilation, g: Node, scope: Scope, items: Expr[], aliases: Map<string, Expr>): string {
  if (g.type === 'number') return groupingKey(cx, positional(g, items));
  if (g.type === 'column_ref' && !g.table) {
    const name = ident(g.column);
    // A column of the sources wins over a select alias of the same name (standard SQL).
    if (!lookupColumn(cx, scope, undefined, name, positionOf(g), true) && aliases.has(name.toLowerCase())) {
      const e = aliases.get(name.toLowerCase())!;
      if (e.aggregate) throw sqlError(`cannot GROUP BY the aggregate ${name}`, positionOf(g));
      return groupingKey(cx, e);
    }
  }
  return groupingKey(cx, expr(cx, g, scope, { name: 'GROUP BY', aggregates: false }, positionOf(g)));
}

/** Groups of text are formed by the gateway's text semantics ('Ärzte' and 'ärzte' are one group). */
function groupingKey(cx: Compilation, e: Expr): string {
  return isText(e.type) ? cx.dialect.textKey(e.sql) : e.sql;
}

/**
 * ORDER BY keys: positions, aliases or expressions; decimals by the dialect's sort key (SQLite
 * stores them as text), text by the gateway's text semantics.
 */
function orderBy(cx: Compilation, orderby: Node[] | null | undefined, scope: Scope, items: Expr[], aliases: Map<string, Expr>): string {
  if (!orderby || orderby.length === 0) return '';
  const keys = orderby.map((o) => {
    const direction = String(o.type ?? 'ASC').toUpperCase() === 'DESC' ? ' DESC' : ' ASC';
    let e: Expr;
    if (o.expr?.type === 'number') e = positional(o.expr, items);
    else e = expr(cx, o.expr, scope, { name: 'ORDER BY', aggregates: true, aliases }, positionOf(o.expr));
    return comparisonKey(cx, e) + direction;
  });
  return ` ORDER BY ${keys.join(', ')}`;
}

function positional(n: Node, items: Expr[]): Expr {
  const i = Number(n.value);
  if (!Number.isInteger(i) || i < 1 || i > items.length) {
    throw sqlError(`position ${n.value} is not a column of the select list (1 to ${items.length})`, positionOf(n));
  }
  return items[i - 1];
}

/** LIMIT/OFFSET as validated integers; the row limit lowers (never raises) the LIMIT. */
function limit(cx: Compilation, limitNode: Node | null | undefined, rowLimit?: number): string {
  const values: Node[] = limitNode?.value ?? [];
  let count: number | undefined;
  let offset: number | undefined;
  if (values.length === 1) count = integerValue(cx, values[0], 'LIMIT');
  else if (values.length === 2) {
    if (limitNode!.seperator === ',') [offset, count] = [integerValue(cx, values[0], 'OFFSET'), integerValue(cx, values[1], 'LIMIT')];
    else [count, offset] = [integerValue(cx, values[0], 'LIMIT'), integerValue(cx, values[1], 'OFFSET')];
  }
  if (rowLimit !== undefined) count = count === undefined ? rowLimit : Math.min(count, rowLimit);
  if (count === undefined && offset === undefined) return '';
  // SQLite needs a LIMIT before OFFSET; -1 means none there, MySQL takes the largest BIGINT.
  const all = cx.dialect.kind === 'sqlite' ? '-1' : '18446744073709551615';
  return ` LIMIT ${count ?? all}${offset ? ` OFFSET ${offset}` : ''}`;
}

function integerValue(cx: Compilation, n: Node, what: string): number {
  let v: unknown = n.value;
  if (n.type === 'param') v = parameter(cx, n, positionOf(n));
  else if (n.type !== 'number') throw sqlError(`${what} takes a whole number`, positionOf(n));
  const i = Number(v);
  if (!Number.isSafeInteger(i) || i < 0) throw sqlError(`${what} takes a whole number of 0 or more, got ${String(v)}`, positionOf(n));
  return i;
}
