/**
 * Aggregates and calls: COUNT, SUM, AVG, MIN and MAX (exact for decimals on both databases),
 * EXISTS, and the scalar functions of ../functions. Any other function, a window (OVER) or an
 * aggregate where its clause allows none is refused with a sqlError.
 */
import { DateUnit } from '../../db/dialect';
import { sqlError, Position } from '../errors';
import { callFunction, FunctionContext } from '../functions';
import { Node } from '../parse';
import { isNumeric } from '../value-types';
import { functionName } from './ast';
import { Clause, Compilation, Expr } from './context';
import { coerce, comparisonKey, expr, isText } from './expressions';
import { Scope } from './from';
import { statement } from './statement';

/**
 * An `aggr_func` node. The result is an integer for COUNT and for SUM of integers, the argument's
 * type for SUM of decimals, MIN and MAX, and a decimal of the argument's scale + 4 for AVG.
 */
export function aggregate(cx: Compilation, node: Node, scope: Scope, clause: Clause, at: Position | null): Expr {
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
  if (!['COUNT', 'SUM', 'AVG', 'MIN', 'MAX'].includes(name)) {
    throw sqlError(`unknown function ${name}: see docs/sql.md for the functions you can use`, at);
  }
  if (args.orderby || args.separator) throw sqlError(`${name} takes one expression`, at);
  const e = expr(cx, args.expr, scope, { ...clause, inAggregate: true }, at);
  const d = cx.dialect;
  switch (name) {
    case 'COUNT':
      // COUNT(DISTINCT text) counts values distinct by the gateway's text semantics.
      return { sql: `COUNT(${distinct}${distinct ? comparisonKey(cx, e) : e.sql})`, type: { kind: 'integer' }, aggregate: true };
    case 'SUM':
      if (e.type.kind === 'decimal') return { sql: d.decimalAggregate('sum', distinct + e.sql), type: e.type, aggregate: true };
      if (!isNumeric(e.type)) throw sqlError('SUM needs a number', at);
      return { sql: `SUM(${distinct}${e.sql})`, type: { kind: 'integer' }, aggregate: true };
    case 'AVG': {
      if (!isNumeric(e.type)) throw sqlError('AVG needs a number', at);
      // MySQL's scale for AVG (argument scale + 4); SQLite's exact average is rounded to it.
      const scale = (e.type.scale ?? 0) + 4;
      const exact = e.type.kind === 'decimal' || d.kind === 'sqlite';
      const avg = exact ? d.decimalAggregate('avg', distinct + e.sql) : `AVG(${distinct}${e.sql})`;
      return { sql: d.decimalRound(avg, scale), type: { kind: 'decimal', scale }, aggregate: true };
    }
    default: {
      const fn = name.toLowerCase() as 'min' | 'max';
      if (e.type.kind === 'decimal') return { sql: d.decimalAggregate(fn, distinct + e.sql), type: e.type, aggregate: true };
      // The smallest and largest text by the gateway's order (DISTINCT changes neither).
      if (isText(e.type)) return { sql: d.textExtreme(fn, e.sql), type: e.type, aggregate: true };
      return { sql: `${name}(${distinct}${e.sql})`, type: e.type, aggregate: true };
    }
  }
}

/** A `function` node: EXISTS (subquery), or a scalar function of ../functions with its arguments checked there. */
export function call(cx: Compilation, node: Node, scope: Scope, clause: Clause, at: Position | null): Expr {
  const name = functionName(node).toUpperCase();
  const args: Node[] = node.args?.value ?? (node.args ? [node.args] : []);
  if (node.over) throw sqlError('window functions (OVER) are not supported', at);
  if (name === 'EXISTS') {
    if (args.length !== 1 || !args[0]?.ast) throw sqlError('EXISTS needs a subquery', at);
    const sub = statement(cx, args[0].ast, scope);
    return { sql: `(EXISTS (${sub.sql}))`, type: { kind: 'boolean' }, aggregate: false };
  }
  const ctx: FunctionContext = {
    dialect: cx.dialect,
    at,
    arg: (i: number) => expr(cx, args[i], scope, clause, at),
    count: args.length,
    unit: (i: number): DateUnit => {
      const n = args[i];
      const quoted = n && ['single_quote_string', 'double_quote_string', 'string'].includes(n.type);
      const unit = quoted ? String(n.value).toLowerCase() : undefined;
      if (!unit || !['day', 'week', 'month', 'quarter', 'year'].includes(unit)) {
        throw sqlError(`${name} takes 'day', 'week', 'month', 'quarter' or 'year' as its first argument`, at);
      }
      return unit as DateUnit;
    },
    integerLiteral: (i: number) => {
      const n = args[i];
      if (!n || n.type !== 'number' || !Number.isInteger(Number(n.value))) {
        throw sqlError(`argument ${i + 1} of ${name} must be a whole number`, at);
      }
      return Number(n.value);
    },
    asDate: (e: Expr) => coerce(cx, e, { kind: 'datetime' }, at),
  };
  return callFunction(name, ctx);
}
