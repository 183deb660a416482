/**
 * Expressions and coercion: literals and parameters (always bound as placeholders, numbers
 * re-validated), operators, comparisons that are exact for decimals, text read as dates next to
 * dates, IN lists, CASE and scalar subqueries. Anything else is refused with a sqlError.
 */
import { CompareOp } from '../../db/dialect';
import { canonicalGuid } from '../../platform/guid';
import { parameterError, sqlError, Position } from '../errors';
import { Node, positionOf } from '../parse';
import { ValueType } from '../types';
import { balanced, SQL_LIMITS, sqlLimit } from '../limits';
import { isNumeric, unify } from '../value-types';
import { decodeString, describeNode, isNotCall } from './ast';
import { aggregate, call } from './calls';
import { Clause, Compilation, Expr } from './context';
import { Scope } from './from';
import { columnRef } from './names';
import { statement } from './statement';

const COMPARISONS = new Set(['=', '!=', '<>', '<', '<=', '>', '>=']);
const ARITHMETIC = new Set(['+', '-', '*', '/', '%']);

/** A boolean condition (WHERE, ON, HAVING) as SQL; an aggregate where the clause allows none throws a sqlError. */
export function condition(cx: Compilation, node: Node, scope: Scope, clause: Clause): string {
  const e = expr(cx, node, scope, clause, positionOf(node));
  if (e.aggregate && !clause.aggregates) throw sqlError(`aggregates are not allowed in ${clause.name}`, positionOf(node));
  return e.sql;
}

/**
 * Compiles any expression node in `scope`. `inherited` is the position to report when the node
 * carries none (the parser gives positions to few nodes). Throws a sqlError for what is unsupported.
 */
export function expr(cx: Compilation, node: Node, scope: Scope, clause: Clause, inherited: Position | null): Expr {
  const at = positionOf(node) ?? inherited;
  if (node === null || node === undefined) throw sqlError('missing expression', at);
  if (node.ast) return scalarSubquery(cx, node, scope, at);
  switch (node.type) {
    case 'column_ref':
      return columnRef(cx, node, scope, clause, at);
    case 'number':
    case 'bigint':
      return numberLiteral(cx, String(node.value), at);
    case 'single_quote_string':
    case 'double_quote_string':
    case 'string':
    case 'natural_string':
      return cx.bind(decodeString(String(node.value)), { kind: 'string' });
    case 'bool':
      return { sql: node.value ? '1' : '0', type: { kind: 'boolean' }, aggregate: false };
    case 'null':
      return { sql: 'NULL', type: { kind: 'null' }, aggregate: false };
    case 'param':
      return parameterExpr(cx, node, at);
    case 'unary_expr':
      return unary(cx, node, scope, clause, at);
    case 'binary_expr':
      return binary(cx, node, scope, clause, at);
    case 'aggr_func':
      return aggregate(cx, node, scope, clause, at);
    case 'function':
      // node-sql-parser reads `NOT (a <> b)` as a call of a function named NOT.
      if (isNotCall(node)) return unary(cx, { type: 'unary_expr', operator: 'NOT', expr: node.args.value[0] }, scope, clause, at);
      return call(cx, node, scope, clause, at);
    case 'case':
      return caseExpr(cx, node, scope, clause, at);
    case 'expr_list':
      if (Array.isArray(node.value) && node.value.length === 1) return expr(cx, node.value[0], scope, clause, at);
      throw sqlError('a list of values is only allowed after IN', at);
    default:
      throw sqlError(`${describeNode(node)} is not supported`, at);
  }
}

function numberLiteral(cx: Compilation, text: string, at: Position | null): Expr {
  if (!/^\d+(\.\d+)?$/.test(text)) throw sqlError(`the number ${text} is not supported (use plain digits)`, at);
  if (!text.includes('.') && Number.isSafeInteger(Number(text))) return { sql: text, type: { kind: 'integer' }, aggregate: false };
  const scale = text.includes('.') ? text.split('.')[1].length : 0;
  return { sql: cx.dialect.decimalLiteral(text), type: { kind: 'decimal', scale }, aggregate: false };
}

/** The value given for the `:name` parameter `node`; a missing one throws a sqlError. */
export function parameter(cx: Compilation, node: Node, at: Position | null): unknown {
  const name = String(node.value);
  const parameters = cx.options.parameters ?? {};
  if (!Object.prototype.hasOwnProperty.call(parameters, name)) throw parameterError(`no value was given for the parameter :${name}`, at);
  return parameters[name];
}

function parameterExpr(cx: Compilation, node: Node, at: Position | null): Expr {
  const value = parameter(cx, node, at);
  return valueExpr(cx, value, `:${node.value}`, at);
}

/** A parameter's value: numbers are checked and written as SQL (exact decimals), text is bound, null and booleans inlined. */
function valueExpr(cx: Compilation, value: unknown, what: string, at: Position | null): Expr {
  if (value === null || value === undefined) return { sql: 'NULL', type: { kind: 'null' }, aggregate: false };
  if (typeof value === 'boolean') return { sql: value ? '1' : '0', type: { kind: 'boolean' }, aggregate: false };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw parameterError(`the parameter ${what} is not a finite number`, at);
    if (Number.isSafeInteger(value)) return { sql: String(value), type: { kind: 'integer' }, aggregate: false };
    // JSON has already rounded a whole number beyond 2^53 (9007199254740993 arrives as ...992).
    if (Number.isInteger(value)) {
      throw sqlError(`the parameter ${what} is beyond 2^53 and was rounded in transit; pass it as a decimal string`, at);
    }
    const text = String(value);
    if (!/^-?\d+(\.\d+)?$/.test(text))
      throw parameterError(`the parameter ${what} is too large or too small; pass it as a decimal string`, at);
    return signedDecimal(cx, text);
  }
  if (typeof value === 'string') {
    const max = SQL_LIMITS.textLength;
    if (value.length > max) {
      const field = `parameters.${what.replace(/^:/, '')}`;
      throw sqlLimit('textLength', value.length, max, `text parameters take at most ${max} characters`, { field });
    }
    return cx.bind(value, { kind: 'string' });
  }
  const hint = Array.isArray(value) ? ' (lists only after IN)' : '';
  throw parameterError(`the parameter ${what} must be a string, number, boolean or null${hint}`, at);
}

function signedDecimal(cx: Compilation, text: string): Expr {
  const negative = text.startsWith('-');
  const digits = negative ? text.slice(1) : text;
  const scale = digits.includes('.') ? digits.split('.')[1].length : 0;
  const literal = cx.dialect.decimalLiteral(digits);
  return { sql: negative ? cx.dialect.decimalNegate(literal) : literal, type: { kind: 'decimal', scale }, aggregate: false };
}

function unary(cx: Compilation, node: Node, scope: Scope, clause: Clause, at: Position | null): Expr {
  const op = String(node.operator).toUpperCase();
  const e = expr(cx, node.expr, scope, clause, at);
  if (op === 'NOT' || op === '!') return { sql: `(NOT ${e.sql})`, type: { kind: 'boolean' }, aggregate: e.aggregate };
  if (op === '-') {
    if (!isNumeric(e.type) && e.type.kind !== 'null') throw sqlError('minus needs a number', at);
    if (e.type.kind === 'decimal') return { ...e, sql: cx.dialect.decimalNegate(e.sql), bound: undefined, columnName: undefined };
    return { ...e, sql: `(-${e.sql})`, bound: undefined, columnName: undefined };
  }
  if (op === '+') return e;
  throw sqlError(`the operator ${op} is not supported`, at);
}

function binary(cx: Compilation, node: Node, scope: Scope, clause: Clause, at: Position | null): Expr {
  const op = String(node.operator).toUpperCase();
  if (op === 'AND' || op === 'OR') {
    const parts = chain(node, op).map((n) => expr(cx, n, scope, clause, at));
    return {
      sql: balanced(
        parts.map((p) => p.sql),
        op,
      ),
      type: { kind: 'boolean' },
      aggregate: parts.some((p) => p.aggregate),
    };
  }
  if (op === 'IN' || op === 'NOT IN') return inList(cx, node, op === 'NOT IN', scope, clause, at);
  if (op === 'BETWEEN' || op === 'NOT BETWEEN') {
    const v = expr(cx, node.left, scope, clause, at);
    const bounds: Node[] = node.right?.value ?? [];
    if (bounds.length !== 2) throw sqlError('BETWEEN needs two bounds', at);
    const lo = expr(cx, bounds[0], scope, clause, at);
    const hi = expr(cx, bounds[1], scope, clause, at);
    const sql = `(${compare(cx, '>=', v, lo, at)} AND ${compare(cx, '<=', v, hi, at)})`;
    const aggregate = v.aggregate || lo.aggregate || hi.aggregate;
    return { sql: op === 'BETWEEN' ? sql : `(NOT ${sql})`, type: { kind: 'boolean' }, aggregate };
  }
  if (op === 'IS' || op === 'IS NOT') {
    if (node.right?.type !== 'null') throw sqlError(`${op} is only supported with NULL`, at);
    const l = expr(cx, node.left, scope, clause, at);
    return { sql: `(${l.sql} ${op} NULL)`, type: { kind: 'boolean' }, aggregate: l.aggregate };
  }
  const l = expr(cx, node.left, scope, clause, at);
  const r = expr(cx, node.right, scope, clause, at);
  const aggregate = l.aggregate || r.aggregate;
  if (op === 'LIKE' || op === 'NOT LIKE') {
    for (const side of [l, r]) {
      if (!['string', 'guid', 'null'].includes(side.type.kind)) throw sqlError(`${op} needs text on both sides`, at);
    }
    const like = cx.dialect.textLike(l.sql, r.sql);
    return { sql: op === 'LIKE' ? `(${like})` : `(NOT ${like})`, type: { kind: 'boolean' }, aggregate };
  }
  if (COMPARISONS.has(op)) return { sql: compare(cx, op as CompareOp | '!=', l, r, at), type: { kind: 'boolean' }, aggregate };
  if (ARITHMETIC.has(op)) return { ...arithmetic(cx, op, l, r, at), aggregate };
  throw sqlError(`the operator ${op} is not supported`, at);
}

/**
 * A comparison that is exact for decimals and treats dates written as text as dates. Throws a
 * sqlError when the sides cannot be compared (a number with text, ...).
 */
export function compare(cx: Compilation, op: CompareOp | '!=', a: Expr, b: Expr, at: Position | null): string {
  const sqlOp: CompareOp = op === '!=' ? '<>' : op;
  [a, b] = [coerce(cx, a, b.type, at), coerce(cx, b, a.type, at)];
  checkComparable(a.type, b.type, at);
  if (a.type.kind === 'decimal' || b.type.kind === 'decimal') {
    if (a.type.kind === 'null' || b.type.kind === 'null') return `(${a.sql} ${sqlOp} ${b.sql})`;
    return `(${cx.dialect.compareDecimal(a.sql, sqlOp, b.sql)})`;
  }
  if (isText(a.type) || isText(b.type)) return `(${cx.dialect.textKey(a.sql)} ${sqlOp} ${cx.dialect.textKey(b.sql)})`;
  return `(${a.sql} ${sqlOp} ${b.sql})`;
}

/** Text compared by the gateway's text semantics (GUIDs are compared as stored: lower-case hex). */
export function isText(t: ValueType): boolean {
  return t.kind === 'string';
}

/**
 * The value `e` is compared, grouped, sorted and deduplicated by: the text key for text, the
 * exact sort key for decimals (SQLite keeps them as text), the value itself otherwise.
 */
export function comparisonKey(cx: Compilation, e: { sql: string; type: ValueType }): string {
  if (isText(e.type)) return cx.dialect.textKey(e.sql);
  if (e.type.kind === 'decimal') return cx.dialect.decimalSortKey(e.sql);
  return e.sql;
}

/**
 * A text literal or parameter next to a date is a date: normalised to the stored form
 * (`YYYY-MM-DD HH:MM:SS.mmm`) so SQLite's text comparison and MariaDB agree. Next to a decimal
 * it is a decimal (exact on both databases, never a float comparison). Next to a GUID it is a
 * GUID in its canonical form (lower case, platform/guid.ts).
 */
export function coerce(cx: Compilation, e: Expr, other: ValueType, at: Position | null): Expr {
  if (!e.bound || typeof e.bound.value !== 'string') return e;
  const value = e.bound.value;
  if (other.kind === 'datetime' || other.kind === 'date') {
    const normal = normaliseDate(value, other.kind);
    if (normal === undefined) throw sqlError(`${JSON.stringify(value)} is not a date (use YYYY-MM-DD or YYYY-MM-DD HH:MM:SS)`, at);
    cx.rebind(e.bound.token, normal);
    return { ...e, type: { kind: other.kind }, bound: { token: e.bound.token, value: normal } };
  }
  if (other.kind === 'guid') {
    // GUIDs are stored lower case: the text is compared in that form on both databases (SQLite's
    // comparison is case-sensitive, MariaDB's collation is not).
    const canonical = canonicalGuid(value.trim());
    cx.rebind(e.bound.token, canonical);
    return { ...e, type: { kind: 'guid' }, bound: { token: e.bound.token, value: canonical } };
  }
  if (other.kind === 'decimal' || other.kind === 'integer') {
    const text = value.trim();
    if (!/^-?\d+(\.\d+)?$/.test(text)) throw sqlError(`${JSON.stringify(value)} is not a number`, at);
    return signedDecimal(cx, text);
  }
  return e;
}

/** `+ - * / %` with the result type and scale MySQL gives, computed exactly on both databases. */
function arithmetic(cx: Compilation, op: string, l: Expr, r: Expr, at: Position | null): Omit<Expr, 'aggregate'> {
  for (const side of [l, r]) {
    if (!isNumeric(side.type) && side.type.kind !== 'null') throw sqlError(`${op} needs numbers on both sides`, at);
  }
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
    return { sql: cx.dialect.decimalRound(cx.dialect.decimalArithmetic('/', l.sql, r.sql), scale), type: { kind: 'decimal', scale } };
  }
  if (!decimal) return { sql: `(${l.sql} ${op} ${r.sql})`, type: { kind: 'integer' } };
  const scale = op === '*' ? ls + rs : Math.max(ls, rs);
  return { sql: cx.dialect.decimalArithmetic(op as '+' | '-' | '*', l.sql, r.sql), type: { kind: 'decimal', scale } };
}

/**
 * `IN (list)`, `IN (:listParameter)` or `IN (subquery)`, negated for NOT IN. Always one IN list
 * of comparison keys (exact decimals, text by its key, text read as dates), never a chain of ORs
 * that could outgrow SQLite's expression depth; at most `maxListValues` items.
 */
function inList(cx: Compilation, node: Node, negated: boolean, scope: Scope, clause: Clause, at: Position | null): Expr {
  const left = expr(cx, node.left, scope, clause, at);
  const list: Node[] = node.right?.value ?? [];
  const not = (sql: string) => (negated ? `(NOT ${sql})` : sql);
  if (list.length === 1 && list[0]?.ast) {
    const sub = statement(cx, list[0].ast, scope);
    if (sub.columns.length !== 1) throw sqlError('a subquery after IN must select exactly one column', positionOf(list[0].ast) ?? at);
    const col = sub.columns[0];
    checkComparable(left.type, col.type, at);
    const decimal = left.type.kind === 'decimal' || col.type.kind === 'decimal';
    const keyed = isText(left.type) || isText(col.type) ? 'text' : decimal ? 'decimal' : undefined;
    if (keyed && cx.dialect.kind === 'sqlite') {
      const v = cx.q('v');
      const key = (sql: string) => (keyed === 'text' ? cx.dialect.textKey(sql) : cx.dialect.decimalSortKey(sql));
      const sql = `(${key(left.sql)} IN (SELECT ${key(`${v}.${cx.q(col.name)}`)} FROM (${sub.sql}) AS ${v}))`;
      return { sql: not(sql), type: { kind: 'boolean' }, aggregate: left.aggregate };
    }
    return { sql: not(`(${left.sql} IN (${sub.sql}))`), type: { kind: 'boolean' }, aggregate: left.aggregate };
  }
  const items: Expr[] = [];
  const max = cx.maxListValues;
  const add = (e: Expr) => {
    if (items.length >= max) throw sqlLimit('listValues', countItems(cx, list, at), max, `an IN list takes at most ${max} values`, { at });
    items.push(e);
  };
  for (const item of list) {
    if (item?.type === 'param' && Array.isArray(parameter(cx, item, at))) {
      const values = parameter(cx, item, at) as unknown[];
      if (values.length > max) {
        const field = `parameters.${item.value}`;
        throw sqlLimit('listValues', values.length, max, `a list parameter takes at most ${max} values`, { field, at });
      }
      for (const v of values) add(valueExpr(cx, v, `:${item.value}`, at));
    } else add(expr(cx, item, scope, clause, at));
  }
  if (items.length === 0) return { sql: negated ? '(1 = 1)' : '(1 = 0)', type: { kind: 'boolean' }, aggregate: left.aggregate };
  const aggregate = left.aggregate || items.some((i) => i.aggregate);
  const coerced = items.map((i) => coerce(cx, i, left.type, at));
  for (const i of coerced) checkComparable(left.type, i.type, at);
  const all = [left, ...coerced];
  const keyed = all.some((e) => isText(e.type)) ? 'text' : all.some((e) => e.type.kind === 'decimal') ? 'decimal' : undefined;
  const key = (e: Expr) => (keyed === 'text' ? cx.dialect.textKey(e.sql) : keyed === 'decimal' ? cx.dialect.decimalSortKey(e.sql) : e.sql);
  return { sql: not(`(${key(left)} IN (${coerced.map(key).join(', ')}))`), type: { kind: 'boolean' }, aggregate };
}

/** Items of an IN list with list parameters expanded (for the message of a refused list). */
function countItems(cx: Compilation, list: Node[], at: Position | null): number {
  const size = (item: Node) => {
    const value = item?.type === 'param' ? parameter(cx, item, at) : undefined;
    return Array.isArray(value) ? value.length : 1;
  };
  return list.reduce((n, item) => n + size(item), 0);
}

/** The operands of a chain of the same AND or OR, left to right, without recursion. */
function chain(node: Node, op: string): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n?.type === 'binary_expr' && String(n.operator).toUpperCase() === op) stack.push(n.right, n.left);
    else out.push(n);
  }
  return out;
}

function scalarSubquery(cx: Compilation, node: Node, scope: Scope, at: Position | null): Expr {
  const sub = statement(cx, node.ast, scope);
  if (sub.columns.length !== 1) throw sqlError('a subquery used as a value must select exactly one column', at);
  return { sql: `(${sub.sql})`, type: sub.columns[0].type, aggregate: false };
}

function caseExpr(cx: Compilation, node: Node, scope: Scope, clause: Clause, at: Position | null): Expr {
  const subject = node.expr ? expr(cx, node.expr, scope, clause, at) : undefined;
  const parts: string[] = [];
  const results: Expr[] = [];
  let aggregate = subject?.aggregate ?? false;
  for (const arm of node.args as Node[]) {
    const result = expr(cx, arm.result, scope, clause, at);
    results.push(result);
    aggregate ||= result.aggregate;
    if (arm.type === 'when') {
      const when = expr(cx, arm.cond, scope, clause, at);
      const cond = subject ? compare(cx, '=', subject, when, at) : when.sql;
      parts.push(`WHEN ${cond} THEN ${result.sql}`);
    } else parts.push(`ELSE ${result.sql}`);
  }
  return { sql: `(CASE ${parts.join(' ')} END)`, type: unify(results.map((r) => r.type)), aggregate };
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
