import { CatalogColumn, CatalogTable, findTable, table as catalogTable } from '../catalog';
import { Dialect, CompareOp, DateUnit } from '../db/dialect';
import { sqlError, Position } from './errors';
import { callFunction, FunctionContext } from './functions';
import { Node, positionOf } from './parse';
import { isNumeric, kindOfCatalog, unify } from './value-types';
import { CompiledQuery, OutputColumn, ValueType } from './types';

/** What the compiler needs from the request: the database dialect and the division scope. */
export interface CompileOptions {
  readonly dialect: Dialect;
  /** The division scope's condition for a catalog table under an alias (undefined: global). */
  readonly conditionFor: (tableName: string, alias: string) => string | undefined;
  /** Values of the `:name` parameters. */
  readonly parameters?: Record<string, unknown>;
  /** The outer statement returns at most this many rows (LIMIT is lowered to it). */
  readonly rowLimit?: number;
  /** Epoch ms after which a SQLite statement aborts (see Dialect.deadlineGuard). */
  readonly deadline?: number;
}

/** A compiled expression: SQL text, its type, and whether it contains an aggregate. */
export interface Expr {
  readonly sql: string;
  readonly type: ValueType;
  readonly aggregate: boolean;
  /** Set for literals and parameters: the placeholder token and the value bound to it. */
  readonly bound?: { token: string; value: unknown };
  /** Set for a plain column reference: the column's name (default output name). */
  readonly columnName?: string;
}

/** Where an expression stands; decides whether aggregates and select aliases may appear. */
interface Clause {
  readonly name: 'SELECT' | 'WHERE' | 'ON' | 'GROUP BY' | 'HAVING' | 'ORDER BY' | 'function argument';
  readonly aggregates: boolean;
  readonly inAggregate?: boolean;
  /** Select-list aliases usable here (HAVING, ORDER BY), lower-cased name to expression. */
  readonly aliases?: Map<string, Expr>;
}

interface TableSource {
  readonly kind: 'table';
  readonly alias: string;
  readonly table: CatalogTable;
  /** Derived columns used through this source: each becomes a join through its relation. */
  readonly derivedUsed: Set<CatalogColumn>;
}

interface DerivedSource {
  readonly kind: 'derived';
  readonly alias: string;
  readonly sql: string;
  readonly columns: OutputColumn[];
}

type Source = TableSource | DerivedSource;

/** The sources of one SELECT; `parent` is the enclosing SELECT for correlated subqueries. */
class Scope {
  readonly sources: Source[] = [];
  constructor(readonly parent?: Scope) {}
  find(alias: string): Source | undefined {
    const a = alias.toLowerCase();
    return this.sources.find((s) => s.alias.toLowerCase() === a);
  }
}

const TOKEN = '\u0001';
const ALIAS = /^[^\u0000-\u001f`"'\\]{1,64}$/;
const JOINS: Record<string, string> = {
  JOIN: 'INNER JOIN',
  'INNER JOIN': 'INNER JOIN',
  'LEFT JOIN': 'LEFT JOIN',
  'LEFT OUTER JOIN': 'LEFT JOIN',
  'RIGHT JOIN': 'RIGHT JOIN',
  'RIGHT OUTER JOIN': 'RIGHT JOIN',
  'CROSS JOIN': 'CROSS JOIN',
};
const COMPARISONS = new Set(['=', '!=', '<>', '<', '<=', '>', '>=']);
const ARITHMETIC = new Set(['+', '-', '*', '/', '%']);

/**
 * Checks a parsed SELECT against the catalog and compiles it into SQL of our own for the current
 * database. Nothing of the user's text passes through: identifiers come from the catalog (or are
 * validated aliases, quoted), literals and parameters become placeholders, numbers are
 * re-validated. Every catalog table reference (FROM, JOIN, subqueries, UNION members, and the
 * joins behind derived columns) becomes a derived table restricted by the division scope.
 */
export class SqlCompiler {
  private readonly values = new Map<string, unknown>();
  private readonly dialect: Dialect;

  constructor(private readonly options: CompileOptions) {
    this.dialect = options.dialect;
  }

  compile(ast: Node): CompiledQuery {
    const compiled = this.statement(ast, undefined, this.options.rowLimit);
    const parameters: unknown[] = [];
    const text = compiled.sql.replace(new RegExp(`${TOKEN}(\\d+)${TOKEN}`, 'g'), (_m, n: string) => {
      parameters.push(this.values.get(n));
      return '?';
    });
    return { sql: text, parameters, columns: compiled.columns };
  }

  // ---------------------------------------------------------------- statements

  /** A SELECT or a UNION chain; `rowLimit` caps the outer LIMIT. */
  private statement(ast: Node, parent: Scope | undefined, rowLimit?: number): { sql: string; columns: OutputColumn[] } {
    this.refuseClauses(ast);
    if (!ast._next) return this.select(ast, parent, rowLimit, true);

    const members: Node[] = [];
    const ops: string[] = [];
    for (let m: Node | undefined = ast; m; m = m._next) {
      this.refuseClauses(m);
      members.push(m);
      if (m._next) {
        const op = String(m.set_op ?? '').toLowerCase();
        if (op !== 'union' && op !== 'union all') throw sqlError(`${op.toUpperCase() || 'this set operation'} is not supported (UNION and UNION ALL are)`, positionOf(m._next));
        ops.push(op === 'union' ? 'UNION' : 'UNION ALL');
      }
    }
    const last = members[members.length - 1];
    const compiled = members.map((m, i) => {
      if (i < members.length - 1 && (m.orderby || m.limit)) throw sqlError('ORDER BY and LIMIT apply to the whole UNION: put them at the end', positionOf(m));
      // The parser hangs the union's ORDER BY and LIMIT on its last member.
      return this.select({ ...m, orderby: null, limit: null, _next: null }, parent, undefined, false);
    });
    const width = compiled[0].columns.length;
    compiled.forEach((c, i) => {
      if (c.columns.length !== width) throw sqlError(`every UNION member must select ${width} columns; member ${i + 1} selects ${c.columns.length}`, positionOf(members[i]));
    });
    const columns: OutputColumn[] = compiled[0].columns.map((c, i) => ({ name: c.name, type: unify(compiled.map((m) => m.columns[i].type)) }));
    const body = compiled.map((c, i) => (i === 0 ? c.sql : `${ops[i - 1]} ${c.sql}`)).join(' ');
    // ORDER BY and LIMIT of the whole union run over it as a derived table.
    const scope = new Scope(parent);
    const u: DerivedSource = { kind: 'derived', alias: 'u', sql: body, columns };
    scope.sources.push(u);
    const aliases = new Map(columns.map((c) => [c.name.toLowerCase(), this.columnOf(u, c)] as const));
    const order = this.orderBy(last.orderby, scope, columns.map((c) => aliases.get(c.name.toLowerCase())!), aliases);
    const limit = this.limit(last.limit, rowLimit);
    return { sql: `SELECT * FROM (${body}) AS ${this.q('u')}${order}${limit}`, columns };
  }

  /** Clauses this read-only dialect never accepts, wherever they appear. */
  private refuseClauses(ast: Node): void {
    const at = positionOf(ast);
    if (ast.type !== 'select') throw sqlError(`only SELECT is allowed, not ${String(ast.type).toUpperCase()}`, at);
    if (ast.with) throw sqlError('WITH is not supported: use a subquery in FROM', at);
    if (ast.into && (ast.into.type || ast.into.expr || ast.into.keyword)) throw sqlError('SELECT ... INTO is not allowed', at);
    if (ast.locking_read) throw sqlError('locking reads (FOR UPDATE, LOCK IN SHARE MODE) are not allowed', at);
    if (ast.options && ast.options.length) throw sqlError(`SELECT options (${ast.options.join(' ')}) are not supported`, at);
    if (ast.window) throw sqlError('window functions are not supported', at);
  }

  private select(ast: Node, parent: Scope | undefined, rowLimit: number | undefined, allowOrder: boolean): { sql: string; columns: OutputColumn[] } {
    const scope = new Scope(parent);
    const joins: { source: Source; join?: string; on?: string }[] = [];
    for (const item of ast.from ?? []) joins.push(this.fromItem(item, scope));

    // Select list.
    const items: { name: string; expr: Expr }[] = [];
    const used = new Set<string>();
    const add = (name: string, expr: Expr) => {
      let unique = name;
      for (let n = 2; used.has(unique.toLowerCase()); n++) unique = `${name}_${n}`;
      used.add(unique.toLowerCase());
      items.push({ name: unique, expr });
    };
    const selectClause: Clause = { name: 'SELECT', aggregates: true };
    (ast.columns as Node[]).forEach((col, i) => {
      const e = col.expr;
      if (e?.type === 'column_ref' && ident(e.column) === '*') {
        for (const [name, expr] of this.star(e, scope)) add(name, expr);
        return;
      }
      const expr = this.expr(e, scope, selectClause, positionOf(e));
      let name = col.as !== null && col.as !== undefined ? ident(col.as) : expr.columnName ?? defaultName(e, i);
      if (!ALIAS.test(name)) throw sqlError(`the column alias ${JSON.stringify(name)} is not allowed`, positionOf(e));
      add(name, expr);
    });
    if (items.length === 0) throw sqlError('the select list is empty', positionOf(ast));

    const aliases = new Map(items.map((it) => [it.name.toLowerCase(), it.expr] as const));
    const where = ast.where ? ` WHERE ${this.condition(ast.where, scope, { name: 'WHERE', aggregates: false })}` : '';
    const groupItems: Node[] = ast.groupby ? (Array.isArray(ast.groupby) ? ast.groupby : ast.groupby.columns ?? []) : [];
    const groupBy = groupItems.length
      ? ` GROUP BY ${groupItems.map((g) => this.groupKey(g, scope, items.map((it) => it.expr), aliases)).join(', ')}`
      : '';
    const having = ast.having ? ` HAVING ${this.condition(ast.having, scope, { name: 'HAVING', aggregates: true, aliases })}` : '';
    if (!allowOrder && (ast.orderby || ast.limit)) throw sqlError('ORDER BY and LIMIT apply to the whole UNION', positionOf(ast));
    const order = allowOrder ? this.orderBy(ast.orderby, scope, items.map((it) => it.expr), aliases) : '';
    const limit = allowOrder ? this.limit(ast.limit, rowLimit) : '';

    const list = items.map((it) => `${it.expr.sql} AS ${this.q(it.name)}`).join(', ');
    const from = joins.length ? ` FROM ${this.renderFrom(joins)}` : '';
    const distinct = ast.distinct ? (String(ast.distinct).toUpperCase() === 'DISTINCT' ? 'DISTINCT ' : fail(`${ast.distinct} is not supported`, positionOf(ast))) : '';
    return {
      sql: `SELECT ${distinct}${list}${from}${where}${groupBy}${having}${order}${limit}`,
      columns: items.map((it) => ({ name: it.name, type: it.expr.type })),
    };
  }

  private fromItem(item: Node, scope: Scope): { source: Source; join?: string; on?: string } {
    const at = positionOf(item);
    let source: Source;
    if (item.expr?.ast) {
      if (!item.as) throw sqlError('a subquery in FROM needs an alias', at);
      const alias = ident(item.as);
      if (!ALIAS.test(alias)) throw sqlError(`the alias ${JSON.stringify(alias)} is not allowed`, at);
      // Derived tables cannot see the enclosing query (no LATERAL).
      const sub = this.statement(item.expr.ast, undefined);
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
    return { source, join, on: this.condition(item.on, scope, { name: 'ON', aggregates: false }) };
  }

  private renderFrom(joins: { source: Source; join?: string; on?: string }[]): string {
    return joins
      .map((j, i) => {
        const s = this.renderSource(j.source);
        if (i === 0) return s;
        return j.on ? `${j.join} ${s} ON ${j.on}` : `${j.join ?? 'CROSS JOIN'} ${s}`;
      })
      .join(' ');
  }

  /**
   * A catalog table as a derived table of the rows the caller may see, with the derived columns
   * the query uses joined in through their catalog relations (each join scoped as well).
   */
  private renderSource(source: Source): string {
    const q = (s: string) => this.q(s);
    if (source.kind === 'derived') return `(${source.sql}) AS ${q(source.alias)}`;
    const t = source.table;
    const conditions: string[] = [];
    const own = this.options.conditionFor(t.name, 's');
    if (own) conditions.push(own);
    const guard = this.options.deadline !== undefined ? this.dialect.deadlineGuard(this.options.deadline, `${q('s')}.${q(t.primaryKey)}`) : undefined;
    if (guard) conditions.push(guard);
    if (source.derivedUsed.size === 0 && conditions.length === 0) return `${q(t.name)} AS ${q(source.alias)}`;

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
        const scoped = this.options.conditionFor(target.name, ra);
        if (scoped) on.push(scoped);
        joins.push(` LEFT JOIN ${q(target.name)} ${q(ra)} ON ${on.join(' AND ')}`);
      }
      columns.push(`${q(ra)}.${q(c.derived!.column)} AS ${q(c.name)}`);
    }
    const where = conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
    return `(SELECT ${columns.join(', ')} FROM ${q(t.name)} ${q('s')}${joins.join('')}${where}) AS ${q(source.alias)}`;
  }

  /** `*` or `alias.*`: every column of the sources, catalog order (binary columns left out). */
  private star(e: Node, scope: Scope): [string, Expr][] {
    const qualifier = e.table ? ident(e.table) : undefined;
    const sources = qualifier ? [scope.find(qualifier)] : scope.sources;
    if (qualifier && !sources[0]) throw sqlError(`unknown table or alias ${qualifier}`, positionOf(e));
    if (sources.length === 0) throw sqlError('* needs a FROM clause', positionOf(e));
    const out: [string, Expr][] = [];
    for (const s of sources as Source[]) {
      if (s.kind === 'table') {
        for (const c of s.table.columns) if (c.type !== 'blob') out.push([c.name, this.catalogColumn(s, c)]);
      } else {
        for (const c of s.columns) out.push([c.name, this.columnOf(s, c)]);
      }
    }
    return out;
  }

  private groupKey(g: Node, scope: Scope, items: Expr[], aliases: Map<string, Expr>): string {
    if (g.type === 'number') return this.positional(g, items).sql;
    if (g.type === 'column_ref' && !g.table) {
      const name = ident(g.column);
      // A column of the sources wins over a select alias of the same name (standard SQL).
      if (!this.lookupColumn(scope, undefined, name, positionOf(g), true) && aliases.has(name.toLowerCase())) {
        const e = aliases.get(name.toLowerCase())!;
        if (e.aggregate) throw sqlError(`cannot GROUP BY the aggregate ${name}`, positionOf(g));
        return e.sql;
      }
    }
    return this.expr(g, scope, { name: 'GROUP BY', aggregates: false }, positionOf(g)).sql;
  }

  private orderBy(orderby: Node[] | null | undefined, scope: Scope, items: Expr[], aliases: Map<string, Expr>): string {
    if (!orderby || orderby.length === 0) return '';
    const keys = orderby.map((o) => {
      const direction = String(o.type ?? 'ASC').toUpperCase() === 'DESC' ? ' DESC' : ' ASC';
      let e: Expr;
      if (o.expr?.type === 'number') e = this.positional(o.expr, items);
      else e = this.expr(o.expr, scope, { name: 'ORDER BY', aggregates: true, aliases }, positionOf(o.expr));
      const key = e.type.kind === 'decimal' ? this.dialect.decimalSortKey(e.sql) : e.sql;
      return key + direction;
    });
    return ` ORDER BY ${keys.join(', ')}`;
  }

  private positional(n: Node, items: Expr[]): Expr {
    const i = Number(n.value);
    if (!Number.isInteger(i) || i < 1 || i > items.length) throw sqlError(`position ${n.value} is not a column of the select list (1 to ${items.length})`, positionOf(n));
    return items[i - 1];
  }

  /** LIMIT/OFFSET as validated integers; the row limit lowers (never raises) the LIMIT. */
  private limit(limit: Node | null | undefined, rowLimit?: number): string {
    const values: Node[] = limit?.value ?? [];
    let count: number | undefined;
    let offset: number | undefined;
    if (values.length === 1) count = this.integerValue(values[0], 'LIMIT');
    else if (values.length === 2) {
      if (limit!.seperator === ',') [offset, count] = [this.integerValue(values[0], 'OFFSET'), this.integerValue(values[1], 'LIMIT')];
      else [count, offset] = [this.integerValue(values[0], 'LIMIT'), this.integerValue(values[1], 'OFFSET')];
    }
    if (rowLimit !== undefined) count = count === undefined ? rowLimit : Math.min(count, rowLimit);
    if (count === undefined && offset === undefined) return '';
    // SQLite needs a LIMIT before OFFSET; -1 means none there, MySQL takes the largest BIGINT.
    const all = this.dialect.kind === 'sqlite' ? '-1' : '18446744073709551615';
    return ` LIMIT ${count ?? all}${offset ? ` OFFSET ${offset}` : ''}`;
  }

  private integerValue(n: Node, what: string): number {
    let v: unknown = n.value;
    if (n.type === 'param') v = this.parameter(n, positionOf(n));
    else if (n.type !== 'number') throw sqlError(`${what} takes a whole number`, positionOf(n));
    const i = Number(v);
    if (!Number.isSafeInteger(i) || i < 0) throw sqlError(`${what} takes a whole number of 0 or more, got ${String(v)}`, positionOf(n));
    return i;
  }

  // ---------------------------------------------------------------- expressions

  /** A boolean condition (WHERE, ON, HAVING). */
  private condition(node: Node, scope: Scope, clause: Clause): string {
    const e = this.expr(node, scope, clause, positionOf(node));
    if (e.aggregate && !clause.aggregates) throw sqlError(`aggregates are not allowed in ${clause.name}`, positionOf(node));
    return e.sql;
  }

  expr(node: Node, scope: Scope, clause: Clause, inherited: Position | null): Expr {
    const at = positionOf(node) ?? inherited;
    if (node === null || node === undefined) throw sqlError('missing expression', at);
    if (node.ast) return this.scalarSubquery(node, scope, at);
    switch (node.type) {
      case 'column_ref':
        return this.columnRef(node, scope, clause, at);
      case 'number':
      case 'bigint':
        return this.number(String(node.value), at);
      case 'single_quote_string':
      case 'double_quote_string':
      case 'string':
      case 'natural_string':
        return this.bind(decodeString(String(node.value)), { kind: 'string' });
      case 'bool':
        return { sql: node.value ? '1' : '0', type: { kind: 'boolean' }, aggregate: false };
      case 'null':
        return { sql: 'NULL', type: { kind: 'null' }, aggregate: false };
      case 'param':
        return this.parameterExpr(node, at);
      case 'unary_expr':
        return this.unary(node, scope, clause, at);
      case 'binary_expr':
        return this.binary(node, scope, clause, at);
      case 'aggr_func':
        return this.aggregate(node, scope, clause, at);
      case 'function':
        // node-sql-parser reads `NOT (a <> b)` as a call of a function named NOT.
        if (isNotCall(node)) return this.unary({ type: 'unary_expr', operator: 'NOT', expr: node.args.value[0] }, scope, clause, at);
        return this.call(node, scope, clause, at);
      case 'case':
        return this.caseExpr(node, scope, clause, at);
      case 'expr_list':
        if (Array.isArray(node.value) && node.value.length === 1) return this.expr(node.value[0], scope, clause, at);
        throw sqlError('a list of values is only allowed after IN', at);
      default:
        throw sqlError(`${describeNode(node)} is not supported`, at);
    }
  }

  private columnRef(node: Node, scope: Scope, clause: Clause, at: Position | null): Expr {
    if (node.db) throw sqlError(`${ident(node.db)}.${ident(node.table)}.${ident(node.column)}: only catalog tables can be queried`, at);
    const name = ident(node.column);
    if (name === '*') throw sqlError('* is only allowed in the select list and in COUNT(*)', at);
    const qualifier = node.table ? ident(node.table) : undefined;
    // ORDER BY and HAVING see the select list's aliases first (as MySQL does).
    if (!qualifier && clause.aliases?.has(name.toLowerCase())) return clause.aliases.get(name.toLowerCase())!;
    const found = this.lookupColumn(scope, qualifier, name, at, false)!;
    return found;
  }

  /** Resolves a column in this scope, then in the enclosing ones (correlated subqueries). */
  private lookupColumn(scope: Scope, qualifier: string | undefined, name: string, at: Position | null, quiet: boolean): Expr | undefined {
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      if (qualifier) {
        const source = s.find(qualifier);
        if (!source) continue;
        const c = this.columnIn(source, name);
        if (c) return c;
        if (quiet) return undefined;
        throw sqlError(`unknown column ${name} in ${source.kind === 'table' ? `table ${source.table.name}` : source.alias}${source.kind === 'table' ? ' (see the catalog)' : ''}`, at);
      }
      const matches = s.sources.map((src) => this.columnIn(src, name, true)).filter((c): c is Expr => c !== undefined);
      if (matches.length > 1) {
        if (quiet) return undefined;
        throw sqlError(`column ${name} is ambiguous: qualify it with a table alias`, at);
      }
      if (matches.length === 1) return this.columnIn(s.sources.find((src) => this.columnIn(src, name, true))!, name);
    }
    if (quiet) return undefined;
    if (qualifier) throw sqlError(`unknown table or alias ${qualifier}`, at);
    throw sqlError(`unknown column ${name}`, at);
  }

  /** The column `name` of a source, or undefined. `probe` does not record derived-column use. */
  private columnIn(source: Source, name: string, probe = false): Expr | undefined {
    const n = name.toLowerCase();
    if (source.kind === 'table') {
      const c = source.table.columns.find((x) => x.name.toLowerCase() === n);
      if (!c) return undefined;
      if (probe) return { sql: '', type: kindOfCatalog(c), aggregate: false };
      return this.catalogColumn(source, c);
    }
    const c = source.columns.find((x) => x.name.toLowerCase() === n);
    return c ? this.columnOf(source, c) : undefined;
  }

  private catalogColumn(source: TableSource, c: CatalogColumn): Expr {
    if (c.type === 'blob') throw sqlError(`column ${c.name} holds binary content and cannot be queried`);
    if (c.derived) source.derivedUsed.add(c);
    return { sql: `${this.q(source.alias)}.${this.q(c.name)}`, type: kindOfCatalog(c), aggregate: false, columnName: c.name };
  }

  private columnOf(source: Source, c: OutputColumn): Expr {
    return { sql: `${this.q(source.alias)}.${this.q(c.name)}`, type: c.type, aggregate: false, columnName: c.name };
  }

  private number(text: string, at: Position | null): Expr {
    if (!/^\d+(\.\d+)?$/.test(text)) throw sqlError(`the number ${text} is not supported (use plain digits)`, at);
    if (!text.includes('.') && Number.isSafeInteger(Number(text))) return { sql: text, type: { kind: 'integer' }, aggregate: false };
    const scale = text.includes('.') ? text.split('.')[1].length : 0;
    return { sql: this.dialect.decimalLiteral(text), type: { kind: 'decimal', scale }, aggregate: false };
  }

  /** A value bound as a placeholder. */
  private bind(value: unknown, type: ValueType): Expr {
    const n = String(this.values.size);
    this.values.set(n, value);
    const token = `${TOKEN}${n}${TOKEN}`;
    return { sql: token, type, aggregate: false, bound: { token, value } };
  }

  private parameter(node: Node, at: Position | null): unknown {
    const name = String(node.value);
    const parameters = this.options.parameters ?? {};
    if (!Object.prototype.hasOwnProperty.call(parameters, name)) throw sqlError(`no value was given for the parameter :${name}`, at);
    return parameters[name];
  }

  private parameterExpr(node: Node, at: Position | null): Expr {
    const value = this.parameter(node, at);
    return this.valueExpr(value, `:${node.value}`, at);
  }

  private valueExpr(value: unknown, what: string, at: Position | null): Expr {
    if (value === null || value === undefined) return { sql: 'NULL', type: { kind: 'null' }, aggregate: false };
    if (typeof value === 'boolean') return { sql: value ? '1' : '0', type: { kind: 'boolean' }, aggregate: false };
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw sqlError(`the parameter ${what} is not a finite number`, at);
      if (Number.isSafeInteger(value)) return { sql: String(value), type: { kind: 'integer' }, aggregate: false };
      const text = String(value);
      if (!/^-?\d+(\.\d+)?$/.test(text)) throw sqlError(`the parameter ${what} is too large or too small; pass it as a decimal string`, at);
      return this.signedDecimal(text);
    }
    if (typeof value === 'string') return this.bind(value, { kind: 'string' });
    throw sqlError(`the parameter ${what} must be a string, number, boolean or null${Array.isArray(value) ? ' (lists only after IN)' : ''}`, at);
  }

  private signedDecimal(text: string): Expr {
    const negative = text.startsWith('-');
    const digits = negative ? text.slice(1) : text;
    const scale = digits.includes('.') ? digits.split('.')[1].length : 0;
    const literal = this.dialect.decimalLiteral(digits);
    return { sql: negative ? this.dialect.decimalNegate(literal) : literal, type: { kind: 'decimal', scale }, aggregate: false };
  }

  private unary(node: Node, scope: Scope, clause: Clause, at: Position | null): Expr {
    const op = String(node.operator).toUpperCase();
    const e = this.expr(node.expr, scope, clause, at);
    if (op === 'NOT' || op === '!') return { sql: `(NOT ${e.sql})`, type: { kind: 'boolean' }, aggregate: e.aggregate };
    if (op === '-') {
      if (!isNumeric(e.type) && e.type.kind !== 'null') throw sqlError('minus needs a number', at);
      if (e.type.kind === 'decimal') return { ...e, sql: this.dialect.decimalNegate(e.sql), bound: undefined, columnName: undefined };
      return { ...e, sql: `(-${e.sql})`, bound: undefined, columnName: undefined };
    }
    if (op === '+') return e;
    throw sqlError(`the operator ${op} is not supported`, at);
  }

  private binary(node: Node, scope: Scope, clause: Clause, at: Position | null): Expr {
    const op = String(node.operator).toUpperCase();
    if (op === 'AND' || op === 'OR') {
      const l = this.expr(node.left, scope, clause, at);
      const r = this.expr(node.right, scope, clause, at);
      return { sql: `(${l.sql} ${op} ${r.sql})`, type: { kind: 'boolean' }, aggregate: l.aggregate || r.aggregate };
    }
    if (op === 'IN' || op === 'NOT IN') return this.inList(node, op === 'NOT IN', scope, clause, at);
    if (op === 'BETWEEN' || op === 'NOT BETWEEN') {
      const v = this.expr(node.left, scope, clause, at);
      const bounds: Node[] = node.right?.value ?? [];
      if (bounds.length !== 2) throw sqlError('BETWEEN needs two bounds', at);
      const lo = this.expr(bounds[0], scope, clause, at);
      const hi = this.expr(bounds[1], scope, clause, at);
      const sql = `(${this.compare('>=', v, lo, at)} AND ${this.compare('<=', v, hi, at)})`;
      return { sql: op === 'BETWEEN' ? sql : `(NOT ${sql})`, type: { kind: 'boolean' }, aggregate: v.aggregate || lo.aggregate || hi.aggregate };
    }
    if (op === 'IS' || op === 'IS NOT') {
      if (node.right?.type !== 'null') throw sqlError(`${op} is only supported with NULL`, at);
      const l = this.expr(node.left, scope, clause, at);
      return { sql: `(${l.sql} ${op} NULL)`, type: { kind: 'boolean' }, aggregate: l.aggregate };
    }
    const l = this.expr(node.left, scope, clause, at);
    const r = this.expr(node.right, scope, clause, at);
    const aggregate = l.aggregate || r.aggregate;
    if (op === 'LIKE' || op === 'NOT LIKE') {
      for (const side of [l, r]) if (!['string', 'guid', 'null'].includes(side.type.kind)) throw sqlError(`${op} needs text on both sides`, at);
      return { sql: `(${l.sql} ${op} ${r.sql})`, type: { kind: 'boolean' }, aggregate };
    }
    if (COMPARISONS.has(op)) return { sql: this.compare(op as CompareOp | '!=', l, r, at), type: { kind: 'boolean' }, aggregate };
    if (ARITHMETIC.has(op)) return { ...this.arithmetic(op, l, r, at), aggregate };
    throw sqlError(`the operator ${op} is not supported`, at);
  }

  /** A comparison that is exact for decimals and treats dates written as text as dates. */
  compare(op: CompareOp | '!=', a: Expr, b: Expr, at: Position | null): string {
    const sqlOp: CompareOp = op === '!=' ? '<>' : op;
    [a, b] = [this.coerce(a, b.type, at), this.coerce(b, a.type, at)];
    checkComparable(a.type, b.type, at);
    if (a.type.kind === 'decimal' || b.type.kind === 'decimal') {
      if (a.type.kind === 'null' || b.type.kind === 'null') return `(${a.sql} ${sqlOp} ${b.sql})`;
      return `(${this.dialect.compareDecimal(a.sql, sqlOp, b.sql)})`;
    }
    return `(${a.sql} ${sqlOp} ${b.sql})`;
  }

  /**
   * A text literal or parameter next to a date is a date: normalised to the stored form
   * (`YYYY-MM-DD HH:MM:SS.mmm`) so SQLite's text comparison and MariaDB agree. Next to a decimal
   * it is a decimal (exact on both databases, never a float comparison).
   */
  private coerce(e: Expr, other: ValueType, at: Position | null): Expr {
    if (!e.bound || typeof e.bound.value !== 'string') return e;
    const value = e.bound.value;
    if (other.kind === 'datetime' || other.kind === 'date') {
      const normal = normaliseDate(value, other.kind);
      if (normal === undefined) throw sqlError(`${JSON.stringify(value)} is not a date (use YYYY-MM-DD or YYYY-MM-DD HH:MM:SS)`, at);
      this.values.set(e.bound.token.slice(1, -1), normal);
      return { ...e, type: { kind: other.kind }, bound: { token: e.bound.token, value: normal } };
    }
    if (other.kind === 'decimal' || other.kind === 'integer') {
      const text = value.trim();
      if (!/^-?\d+(\.\d+)?$/.test(text)) throw sqlError(`${JSON.stringify(value)} is not a number`, at);
      return this.signedDecimal(text);
    }
    return e;
  }

  private arithmetic(op: string, l: Expr, r: Expr, at: Position | null): Omit<Expr, 'aggregate'> {
    for (const side of [l, r]) if (!isNumeric(side.type) && side.type.kind !== 'null') throw sqlError(`${op} needs numbers on both sides`, at);
    const ls = l.type.scale ?? 0;
    const rs = r.type.scale ?? 0;
    if (op === '%') {
      if (l.type.kind === 'decimal' || r.type.kind === 'decimal') throw sqlError('% needs whole numbers', at);
      return { sql: `(${l.sql} % ${r.sql})`, type: { kind: 'integer' } };
    }
    const decimal = l.type.kind === 'decimal' || r.type.kind === 'decimal';
    if (op === '/') {
      // Division scale follows MySQL (dividend scale + 4); SQLite rounds to the same scale so
      // later sums agree on both databases.
      const scale = ls + 4;
      return { sql: this.dialect.decimalRound(this.dialect.decimalArithmetic('/', l.sql, r.sql), scale), type: { kind: 'decimal', scale } };
    }
    if (!decimal) return { sql: `(${l.sql} ${op} ${r.sql})`, type: { kind: 'integer' } };
    const scale = op === '*' ? ls + rs : Math.max(ls, rs);
    return { sql: this.dialect.decimalArithmetic(op as '+' | '-' | '*', l.sql, r.sql), type: { kind: 'decimal', scale } };
  }

  private inList(node: Node, negated: boolean, scope: Scope, clause: Clause, at: Position | null): Expr {
    const left = this.expr(node.left, scope, clause, at);
    const list: Node[] = node.right?.value ?? [];
    const not = (sql: string) => (negated ? `(NOT ${sql})` : sql);
    if (list.length === 1 && list[0]?.ast) {
      const sub = this.statement(list[0].ast, scope);
      if (sub.columns.length !== 1) throw sqlError('a subquery after IN must select exactly one column', positionOf(list[0].ast) ?? at);
      const col = sub.columns[0];
      checkComparable(left.type, col.type, at);
      if (this.dialect.kind === 'sqlite' && (left.type.kind === 'decimal' || col.type.kind === 'decimal')) {
        const v = this.q('v');
        return { sql: not(`(${this.dialect.decimalSortKey(left.sql)} IN (SELECT ${this.dialect.decimalSortKey(`${v}.${this.q(col.name)}`)} FROM (${sub.sql}) AS ${v}))`), type: { kind: 'boolean' }, aggregate: left.aggregate };
      }
      return { sql: not(`(${left.sql} IN (${sub.sql}))`), type: { kind: 'boolean' }, aggregate: left.aggregate };
    }
    const items: Expr[] = [];
    for (const item of list) {
      if (item?.type === 'param' && Array.isArray(this.parameter(item, at))) {
        for (const v of this.parameter(item, at) as unknown[]) items.push(this.valueExpr(v, `:${item.value}`, at));
      } else items.push(this.expr(item, scope, clause, at));
    }
    if (items.length === 0) return { sql: negated ? '(1 = 1)' : '(1 = 0)', type: { kind: 'boolean' }, aggregate: left.aggregate };
    const aggregate = left.aggregate || items.some((i) => i.aggregate);
    if (left.type.kind === 'decimal' || items.some((i) => i.type.kind === 'decimal') || items.some((i) => i.bound) ) {
      // Element-wise so that decimals and dates written as text compare exactly.
      return { sql: not(`(${items.map((i) => this.compare('=', left, i, at)).join(' OR ')})`), type: { kind: 'boolean' }, aggregate };
    }
    for (const i of items) checkComparable(left.type, i.type, at);
    return { sql: not(`(${left.sql} IN (${items.map((i) => i.sql).join(', ')}))`), type: { kind: 'boolean' }, aggregate };
  }

  private scalarSubquery(node: Node, scope: Scope, at: Position | null): Expr {
    const sub = this.statement(node.ast, scope);
    if (sub.columns.length !== 1) throw sqlError('a subquery used as a value must select exactly one column', at);
    return { sql: `(${sub.sql})`, type: sub.columns[0].type, aggregate: false };
  }

  private aggregate(node: Node, scope: Scope, clause: Clause, at: Position | null): Expr {
    const name = String(node.name).toUpperCase();
    if (!clause.aggregates) throw sqlError(`${name} is an aggregate and is not allowed in ${clause.name}`, at);
    if (clause.inAggregate) throw sqlError(`${name} cannot be nested in another aggregate`, at);
    if (node.over) throw sqlError('window functions (OVER) are not supported', at);
    const args = node.args ?? {};
    const distinct = args.distinct ? 'DISTINCT ' : '';
    if (name === 'COUNT' && args.expr?.type === 'star') {
      if (distinct) throw sqlError('COUNT(DISTINCT *) is not valid', at);
      return { sql: 'COUNT(*)', type: { kind: 'integer' }, aggregate: true };
    }
    if (!['COUNT', 'SUM', 'AVG', 'MIN', 'MAX'].includes(name)) throw sqlError(`unknown function ${name}: see docs/sql.md for the functions you can use`, at);
    if (args.orderby || args.separator) throw sqlError(`${name} takes one expression`, at);
    const e = this.expr(args.expr, scope, { ...clause, inAggregate: true }, at);
    const d = this.dialect;
    switch (name) {
      case 'COUNT':
        return { sql: `COUNT(${distinct}${e.sql})`, type: { kind: 'integer' }, aggregate: true };
      case 'SUM':
        if (e.type.kind === 'decimal') return { sql: d.decimalAggregate('sum', distinct + e.sql), type: e.type, aggregate: true };
        if (!isNumeric(e.type)) throw sqlError('SUM needs a number', at);
        return { sql: `SUM(${distinct}${e.sql})`, type: { kind: 'integer' }, aggregate: true };
      case 'AVG': {
        if (!isNumeric(e.type)) throw sqlError('AVG needs a number', at);
        // MySQL's scale for AVG (argument scale + 4); SQLite's exact average is rounded to it.
        const scale = (e.type.scale ?? 0) + 4;
        const avg = e.type.kind === 'decimal' || d.kind === 'sqlite' ? d.decimalAggregate('avg', distinct + e.sql) : `AVG(${distinct}${e.sql})`;
        return { sql: d.decimalRound(avg, scale), type: { kind: 'decimal', scale }, aggregate: true };
      }
      default: {
        const fn = name.toLowerCase() as 'min' | 'max';
        if (e.type.kind === 'decimal') return { sql: d.decimalAggregate(fn, distinct + e.sql), type: e.type, aggregate: true };
        return { sql: `${name}(${distinct}${e.sql})`, type: e.type, aggregate: true };
      }
    }
  }

  private call(node: Node, scope: Scope, clause: Clause, at: Position | null): Expr {
    const name = functionName(node).toUpperCase();
    const args: Node[] = node.args?.value ?? (node.args ? [node.args] : []);
    if (node.over) throw sqlError('window functions (OVER) are not supported', at);
    if (name === 'EXISTS') {
      if (args.length !== 1 || !args[0]?.ast) throw sqlError('EXISTS needs a subquery', at);
      const sub = this.statement(args[0].ast, scope);
      return { sql: `(EXISTS (${sub.sql}))`, type: { kind: 'boolean' }, aggregate: false };
    }
    const ctx: FunctionContext = {
      dialect: this.dialect,
      at,
      arg: (i: number) => this.expr(args[i], scope, clause, at),
      count: args.length,
      unit: (i: number): DateUnit => {
        const n = args[i];
        const unit = n && ['single_quote_string', 'double_quote_string', 'string'].includes(n.type) ? String(n.value).toLowerCase() : undefined;
        if (!unit || !['day', 'week', 'month', 'quarter', 'year'].includes(unit)) throw sqlError(`${name} takes 'day', 'week', 'month', 'quarter' or 'year' as its first argument`, at);
        return unit as DateUnit;
      },
      integerLiteral: (i: number) => {
        const n = args[i];
        if (!n || n.type !== 'number' || !Number.isInteger(Number(n.value))) throw sqlError(`argument ${i + 1} of ${name} must be a whole number`, at);
        return Number(n.value);
      },
      asDate: (e: Expr) => this.coerce(e, { kind: 'datetime' }, at),
    };
    return callFunction(name, ctx);
  }

  private caseExpr(node: Node, scope: Scope, clause: Clause, at: Position | null): Expr {
    const subject = node.expr ? this.expr(node.expr, scope, clause, at) : undefined;
    const parts: string[] = [];
    const results: Expr[] = [];
    let aggregate = subject?.aggregate ?? false;
    for (const arm of node.args as Node[]) {
      const result = this.expr(arm.result, scope, clause, at);
      results.push(result);
      aggregate ||= result.aggregate;
      if (arm.type === 'when') {
        const cond = subject ? this.compare('=', subject, this.expr(arm.cond, scope, clause, at), at) : this.expr(arm.cond, scope, clause, at).sql;
        parts.push(`WHEN ${cond} THEN ${result.sql}`);
      } else parts.push(`ELSE ${result.sql}`);
    }
    return { sql: `(CASE ${parts.join(' ')} END)`, type: unify(results.map((r) => r.type)), aggregate };
  }

  private q(identifier: string): string {
    return this.dialect.quote(identifier);
  }
}

function fail(message: string, at: Position | null): never {
  throw sqlError(message, at);
}

/** An identifier from the AST: a plain string or a quoted-identifier node. */
function ident(x: unknown): string {
  if (typeof x === 'string') return x;
  if (x && typeof x === 'object') {
    const o = x as { value?: unknown; expr?: { value?: unknown } };
    if (typeof o.value === 'string') return o.value;
    if (typeof o.expr?.value === 'string') return o.expr.value;
  }
  throw sqlError('unexpected identifier');
}

function isNotCall(node: Node): boolean {
  const parts = node.name?.name as { value: string }[] | undefined;
  return parts?.length === 1 && parts[0].value.toUpperCase() === 'NOT' && node.args?.value?.length === 1;
}

function functionName(node: Node): string {
  const n = node.name;
  if (typeof n === 'string') return n;
  const parts = n?.name as { value: string }[] | undefined;
  if (!parts?.length) throw sqlError('unexpected function call', positionOf(node));
  if (parts.length > 1 || n.schema) throw sqlError(`unknown function ${parts.map((p) => p.value).join('.')}`, positionOf(node));
  return parts[0].value;
}

function defaultName(e: Node, i: number): string {
  const firstColumn = (args: Node | undefined): string | undefined => {
    const list: Node[] = args?.value ?? (args?.expr ? [args.expr] : []);
    const c = list.find((a) => a?.type === 'column_ref');
    return c ? ident(c.column) : undefined;
  };
  if (e?.type === 'aggr_func') {
    const c = e.args?.expr?.type === 'column_ref' ? ident(e.args.expr.column) : undefined;
    return c && c !== '*' ? `${String(e.name).toLowerCase()}_${c}` : String(e.name).toLowerCase();
  }
  if (e?.type === 'function') {
    const c = firstColumn(e.args);
    const n = functionName(e).toLowerCase();
    return c ? `${n}_${c}` : n;
  }
  return `expr${i + 1}`;
}

function describeNode(node: Node): string {
  switch (node.type) {
    case 'var':
      return `the variable ${node.prefix ?? ''}${node.name}`;
    case 'cast':
      return 'CAST';
    case 'extract':
      return 'EXTRACT (use YEAR, QUARTER, MONTH or DAY)';
    case 'interval':
      return 'INTERVAL';
    case 'hex_string':
    case 'bit_string':
    case 'full_hex_string':
      return 'a hexadecimal or bit literal';
    default:
      return `the expression ${String(node.type)}`;
  }
}

/** A MySQL string literal's text: '' and backslash escapes decoded. */
function decodeString(raw: string): string {
  const escapes: Record<string, string> = { '0': '\0', "'": "'", '"': '"', b: '\b', n: '\n', r: '\r', t: '\t', Z: '\x1a', '\\': '\\', '%': '\\%', _: '\\_' };
  return raw.replace(/''/g, "'").replace(/\\(.)/gs, (_m, c: string) => escapes[c] ?? c);
}

/** Text of a date or datetime in the form both databases store and compare. */
function normaliseDate(value: string, kind: 'datetime' | 'date'): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?(Z|[+-]00:?00)?$/.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', f = ''] = m;
  if (kind === 'date') return `${y}-${mo}-${d}`;
  return `${y}-${mo}-${d} ${h}:${mi}:${s}.${f.padEnd(3, '0').slice(0, 3)}`;
}

function checkComparable(a: ValueType, b: ValueType, at: Position | null): void {
  const group = (t: ValueType) =>
    t.kind === 'null' ? 'null' : isNumeric(t) ? 'number' : t.kind === 'datetime' || t.kind === 'date' ? 'date' : 'text';
  const ga = group(a);
  const gb = group(b);
  if (ga !== 'null' && gb !== 'null' && ga !== gb) throw sqlError(`cannot compare ${a.kind} with ${b.kind}`, at);
}
