import { DateUnit, Dialect } from '../db/dialect';
import type { Expr } from './compile';
import { Position, sqlError } from './errors';
import { isNumeric, unify } from './value-types';

/** What a scalar function needs from the compiler: its compiled arguments and the dialect. */
export interface FunctionContext {
  readonly dialect: Dialect;
  readonly at: Position | null;
  readonly count: number;
  arg(i: number): Expr;
  /** A date-truncation unit given as a string literal. */
  unit(i: number): DateUnit;
  integerLiteral(i: number): number;
  /** A text literal or parameter read as a date. */
  asDate(e: Expr): Expr;
}

type Implementation = (ctx: FunctionContext) => Omit<Expr, 'aggregate'>;

/** The scalar functions of the dialect: everything else is refused. */
const FUNCTIONS: Record<string, { args: [number, number]; impl: Implementation }> = {
  YEAR: { args: [1, 1], impl: (c) => datePart(c, 'year') },
  QUARTER: { args: [1, 1], impl: (c) => datePart(c, 'quarter') },
  MONTH: { args: [1, 1], impl: (c) => datePart(c, 'month') },
  DAY: { args: [1, 1], impl: (c) => datePart(c, 'day') },
  DATE_TRUNC: {
    args: [2, 2],
    impl: (c) => ({ sql: c.dialect.dateBucket(date(c, 1).sql, c.unit(0)), type: { kind: 'date' } }),
  },
  COALESCE: {
    args: [1, 32],
    impl: (c) => {
      const args = Array.from({ length: c.count }, (_, i) => c.arg(i));
      return { sql: `COALESCE(${args.map((a) => a.sql).join(', ')})`, type: unify(args.map((a) => a.type)) };
    },
  },
  ROUND: {
    args: [1, 2],
    impl: (c) => {
      const x = number(c, 0, 'ROUND');
      const places = c.count === 2 ? c.integerLiteral(1) : 0;
      if (places < 0 || places > 12) throw sqlError('ROUND takes 0 to 12 decimal places', c.at);
      if (x.type.kind !== 'decimal') return { sql: x.sql, type: x.type };
      return { sql: c.dialect.decimalRound(x.sql, places), type: { kind: 'decimal', scale: places } };
    },
  },
  ABS: {
    args: [1, 1],
    impl: (c) => {
      const x = number(c, 0, 'ABS');
      return { sql: x.type.kind === 'decimal' ? c.dialect.decimalAbs(x.sql) : `ABS(${x.sql})`, type: x.type };
    },
  },
  // MariaDB's case mapping on both databases (SQLite's own UPPER and LOWER map ASCII only).
  UPPER: { args: [1, 1], impl: (c) => ({ sql: c.dialect.textCase(text(c, 0, 'UPPER').sql, 'upper'), type: { kind: 'string' } }) },
  LOWER: { args: [1, 1], impl: (c) => ({ sql: c.dialect.textCase(text(c, 0, 'LOWER').sql, 'lower'), type: { kind: 'string' } }) },
  LENGTH: { args: [1, 1], impl: (c) => ({ sql: c.dialect.charLength(text(c, 0, 'LENGTH').sql), type: { kind: 'integer' } }) },
  SUBSTRING: { args: [2, 3], impl: (c) => substring(c) },
  SUBSTR: { args: [2, 3], impl: (c) => substring(c) },
};

export function callFunction(name: string, ctx: FunctionContext): Expr {
  const f = FUNCTIONS[name];
  if (!f) throw sqlError(`unknown function ${name}: see docs/sql.md for the functions you can use`, ctx.at);
  const [min, max] = f.args;
  if (ctx.count < min || ctx.count > max) {
    throw sqlError(`${name} takes ${min === max ? min : `${min} to ${max}`} argument${max === 1 ? '' : 's'}, got ${ctx.count}`, ctx.at);
  }
  // Arguments are compiled lazily by the implementation; aggregates inside are tracked here.
  let aggregate = false;
  const tracking: FunctionContext = {
    ...ctx,
    arg: (i) => {
      const e = ctx.arg(i);
      aggregate ||= e.aggregate;
      return e;
    },
  };
  return { ...f.impl(tracking), aggregate };
}

function date(c: FunctionContext, i: number): Expr {
  const e = c.asDate(c.arg(i));
  if (e.type.kind !== 'datetime' && e.type.kind !== 'date' && e.type.kind !== 'null') throw sqlError('this function needs a date', c.at);
  return e;
}

function datePart(c: FunctionContext, part: 'year' | 'quarter' | 'month' | 'day'): Omit<Expr, 'aggregate'> {
  return { sql: c.dialect.datePart(date(c, 0).sql, part), type: { kind: 'integer' } };
}

function number(c: FunctionContext, i: number, name: string): Expr {
  const e = c.arg(i);
  if (!isNumeric(e.type) && e.type.kind !== 'null') throw sqlError(`${name} needs a number`, c.at);
  return e;
}

function text(c: FunctionContext, i: number, name: string): Expr {
  const e = c.arg(i);
  if (!['string', 'guid', 'null'].includes(e.type.kind)) throw sqlError(`${name} needs text`, c.at);
  return e;
}

function substring(c: FunctionContext): Omit<Expr, 'aggregate'> {
  const s = text(c, 0, 'SUBSTRING');
  const start = number(c, 1, 'SUBSTRING');
  const length = c.count === 3 ? number(c, 2, 'SUBSTRING') : undefined;
  for (const n of [start, length]) if (n && n.type.kind === 'decimal') throw sqlError('SUBSTRING takes whole numbers', c.at);
  return { sql: c.dialect.substring(s.sql, start.sql, length?.sql), type: { kind: 'string' } };
}
