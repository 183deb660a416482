/**
 * The few places where SQLite and MariaDB/MySQL differ, as SQL fragments. Every compiler
 * (list-query builder, aggregates, SQL layer) asks the dialect instead of branching itself.
 */
export type DialectKind = 'sqlite' | 'mysql';
export type CompareOp = '=' | '<>' | '<' | '<=' | '>' | '>=';
export type DateUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';
export type DatePart = 'year' | 'quarter' | 'month' | 'day';
export type DecimalOp = '+' | '-' | '*' | '/';

export interface Dialect {
  readonly kind: DialectKind;
  quote(identifier: string): string;
  /** Comparison of a decimal column with a decimal parameter (exact on both databases). */
  compareDecimal(expr: string, op: CompareOp, param: string): string;
  /** A decimal parameter placeholder as a decimal value (MariaDB would compare text as a double). */
  decimalParam(param: string): string;
  /** Exact product of two decimal expressions. */
  decimalProduct(a: string, b: string): string;
  /** Quotient of two decimal expressions (for ordering by an average). */
  decimalQuotient(a: string, b: string): string;
  /** Expression to ORDER BY for a decimal column. */
  decimalSortKey(expr: string): string;
  /** Exact aggregates over decimal columns; results come back as decimal text. */
  decimalAggregate(fn: 'sum' | 'avg' | 'min' | 'max', expr: string): string;
  /**
   * Text as the gateway compares, sorts and groups it: MariaDB's utf8mb4_unicode_ci (case- and
   * accent-insensitive for all of Unicode, trailing spaces ignored; src/db/text-collation.ts).
   * MariaDB's columns and connection already use that collation (the expression itself); SQLite
   * compares `cf_key(expr)`. Use it on both sides of a comparison, in IN lists, GROUP BY,
   * DISTINCT and ORDER BY.
   */
  textKey(expr: string): string;
  /**
   * `expr LIKE pattern` by the same semantics, character by character, `\` escaping `%`, `_`
   * and itself (the pattern is passed as it is: never lower-cased by the caller).
   */
  textLike(expr: string, pattern: string): string;
  /** LOWER / UPPER as MariaDB's utf8mb4_unicode_ci maps case (SQLite's own map ASCII only). */
  textCase(expr: string, to: 'lower' | 'upper'): string;
  /** MIN / MAX of text by the order of textKey. */
  textExtreme(fn: 'min' | 'max', expr: string): string;
  /** Start of the day/week/month/quarter/year of a datetime, as 'YYYY-MM-DD'. */
  dateBucket(expr: string, unit: DateUnit): string;
  /** Whole days from `from` to `to` (to - from). */
  daysBetween(from: string, to: string): string;
  /** Year, quarter (1-4), month (1-12) or day of month of a datetime, as an integer. */
  datePart(expr: string, part: DatePart): string;
  /** Exact arithmetic where at least one operand is a decimal (decimal text on SQLite). */
  decimalArithmetic(op: DecimalOp, left: string, right: string): string;
  decimalNegate(expr: string): string;
  decimalAbs(expr: string): string;
  decimalRound(expr: string, places: number): string;
  /** A validated decimal literal (digits, optional sign and point) as an exact SQL value. */
  decimalLiteral(text: string): string;
  /** Length of a string in characters (not bytes). */
  charLength(expr: string): string;
  substring(expr: string, start: string, length?: string): string;
  /**
   * A condition that is true until `deadline` (epoch ms) and aborts the statement after it;
   * put on every scanned table so a long SQLite statement can be stopped (SQLite has no
   * server-side statement timeout). `rowExpr` is a column of the scanned table, so that the
   * planner evaluates the guard for every row rather than once. Undefined where the server
   * enforces a timeout itself.
   */
  deadlineGuard(deadline: number, rowExpr: string): string | undefined;
  /**
   * The table reference of a LEFT JOIN that looks one row up by the target's primary key, with
   * the hint that makes the database use that key. MariaDB otherwise prefers a covering
   * (Division, Name) index and reads every row of the division for each joined row.
   */
  primaryKeyJoin(tableRef: string): string;
}

export const sqliteDialect: Dialect = {
  kind: 'sqlite',
  quote: (id) => `"${id.replace(/"/g, '""')}"`,
  // SQLite's planner looks a row up by its key by itself.
  primaryKeyJoin: (tableRef) => tableRef,
  compareDecimal: (expr, op, param) => `dec_cmp(${expr}, ${param}) ${op} 0`,
  decimalParam: (param) => param,
  decimalProduct: (a, b) => `dec_mul(${a}, ${b})`,
  decimalQuotient: (a, b) => `dec_div(${a}, ${b})`,
  decimalSortKey: (expr) => `dec_key(${expr})`,
  decimalAggregate: (fn, expr) => `dec_${fn}(${expr})`,
  textKey: (expr) => `cf_key(${expr})`,
  textLike: (expr, pattern) => `cf_like(${expr}, ${pattern})`,
  textCase: (expr, to) => `cf_${to}(${expr})`,
  textExtreme: (fn, expr) => `cf_${fn}(${expr})`,
  dateBucket: (expr, unit) => {
    switch (unit) {
      case 'day':
        return `date(${expr})`;
      case 'week': // ISO weeks start on Monday
        return `date(${expr}, '-' || ((CAST(strftime('%w', ${expr}) AS INTEGER) + 6) % 7) || ' days')`;
      case 'month':
        return `strftime('%Y-%m-01', ${expr})`;
      case 'quarter':
        return `printf('%s-%02d-01', strftime('%Y', ${expr}), ((CAST(strftime('%m', ${expr}) AS INTEGER) - 1) / 3) * 3 + 1)`;
      case 'year':
        return `strftime('%Y-01-01', ${expr})`;
    }
  },
  daysBetween: (from, to) => `CAST(julianday(date(${to})) - julianday(date(${from})) AS INTEGER)`,
  datePart: (expr, part) =>
    part === 'quarter'
      ? `((CAST(strftime('%m', ${expr}) AS INTEGER) + 2) / 3)`
      : `CAST(strftime('${({ year: '%Y', month: '%m', day: '%d' } as const)[part]}', ${expr}) AS INTEGER)`,
  decimalArithmetic: (op, left, right) => `dec_${({ '+': 'add', '-': 'sub', '*': 'mul', '/': 'div' } as const)[op]}(${left}, ${right})`,
  decimalNegate: (expr) => `dec_neg(${expr})`,
  decimalAbs: (expr) => `dec_abs(${expr})`,
  decimalRound: (expr, places) => `dec_round(${expr}, ${Math.trunc(places)})`,
  decimalLiteral: (text) => {
    if (!/^[+-]?\d+(\.\d+)?$/.test(text)) throw new Error(`Not a decimal literal: ${text}`);
    return `'${text}'`;
  },
  charLength: (expr) => `LENGTH(${expr})`,
  substring: (expr, start, length) => (length === undefined ? `SUBSTR(${expr}, ${start})` : `SUBSTR(${expr}, ${start}, ${length})`),
  deadlineGuard: (deadline, rowExpr) => `cf_deadline(${Math.trunc(deadline)}, ${rowExpr}) = 1`,
};

export const mysqlDialect: Dialect = {
  kind: 'mysql',
  quote: (id) => `\`${id.replace(/`/g, '``')}\``,
  primaryKeyJoin: (tableRef) => `${tableRef} FORCE INDEX (PRIMARY)`,
  compareDecimal: (expr, op, param) => `${expr} ${op} ${param}`,
  decimalParam: (param) => `CAST(${param} AS DECIMAL(38, 12))`,
  decimalProduct: (a, b) => `(${a} * ${b})`,
  decimalQuotient: (a, b) => `(${a} / NULLIF(${b}, 0))`,
  decimalSortKey: (expr) => expr,
  decimalAggregate: (fn, expr) => `${fn.toUpperCase()}(${expr})`,
  textKey: (expr) => expr,
  // Backslash is MariaDB's default LIKE escape; the column's collation does the rest (and a
  // prefix pattern can still use the column's index).
  textLike: (expr, pattern) => `${expr} LIKE ${pattern}`,
  textCase: (expr, to) => `${to.toUpperCase()}(${expr})`,
  textExtreme: (fn, expr) => `${fn.toUpperCase()}(${expr})`,
  dateBucket: (expr, unit) => {
    switch (unit) {
      case 'day':
        return `DATE_FORMAT(${expr}, '%Y-%m-%d')`;
      case 'week':
        return `DATE_FORMAT(DATE_SUB(${expr}, INTERVAL WEEKDAY(${expr}) DAY), '%Y-%m-%d')`;
      case 'month':
        return `DATE_FORMAT(${expr}, '%Y-%m-01')`;
      case 'quarter':
        return `CONCAT(YEAR(${expr}), '-', LPAD((QUARTER(${expr}) - 1) * 3 + 1, 2, '0'), '-01')`;
      case 'year':
        return `DATE_FORMAT(${expr}, '%Y-01-01')`;
    }
  },
  daysBetween: (from, to) => `DATEDIFF(${to}, ${from})`,
  datePart: (expr, part) => `${part.toUpperCase()}(${expr})`,
  decimalArithmetic: (op, left, right) => `(${left} ${op} ${right})`,
  decimalNegate: (expr) => `(-${expr})`,
  decimalAbs: (expr) => `ABS(${expr})`,
  decimalRound: (expr, places) => `ROUND(${expr}, ${Math.trunc(places)})`,
  decimalLiteral: (text) => {
    if (!/^[+-]?\d+(\.\d+)?$/.test(text)) throw new Error(`Not a decimal literal: ${text}`);
    return text;
  },
  charLength: (expr) => `CHAR_LENGTH(${expr})`,
  substring: (expr, start, length) => (length === undefined ? `SUBSTRING(${expr}, ${start})` : `SUBSTRING(${expr}, ${start}, ${length})`),
  // MariaDB/MySQL stop the statement themselves (max_statement_time / MAX_EXECUTION_TIME).
  deadlineGuard: () => undefined,
};
