/**
 * The few places where SQLite and MariaDB/MySQL differ, as SQL fragments. Every compiler
 * (list-query builder, aggregates, SQL layer) asks the dialect instead of branching itself.
 */
export type DialectKind = 'sqlite' | 'mysql';
export type CompareOp = '=' | '<>' | '<' | '<=' | '>' | '>=';
export type DateUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

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
  /** Case-insensitive LIKE (the pattern parameter is already lower-cased by the caller). */
  likeInsensitive(expr: string, param: string): string;
  /** Start of the day/week/month/quarter/year of a datetime, as 'YYYY-MM-DD'. */
  dateBucket(expr: string, unit: DateUnit): string;
  /** Whole days from `from` to `to` (to - from). */
  daysBetween(from: string, to: string): string;
}

export const sqliteDialect: Dialect = {
  kind: 'sqlite',
  quote: (id) => `"${id.replace(/"/g, '""')}"`,
  compareDecimal: (expr, op, param) => `dec_cmp(${expr}, ${param}) ${op} 0`,
  decimalParam: (param) => param,
  decimalProduct: (a, b) => `dec_mul(${a}, ${b})`,
  decimalQuotient: (a, b) => `dec_div(${a}, ${b})`,
  decimalSortKey: (expr) => `dec_key(${expr})`,
  decimalAggregate: (fn, expr) => `dec_${fn}(${expr})`,
  likeInsensitive: (expr, param) => `LOWER(${expr}) LIKE ${param} ESCAPE '\\'`,
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
};

export const mysqlDialect: Dialect = {
  kind: 'mysql',
  quote: (id) => `\`${id.replace(/`/g, '``')}\``,
  compareDecimal: (expr, op, param) => `${expr} ${op} ${param}`,
  decimalParam: (param) => `CAST(${param} AS DECIMAL(38, 12))`,
  decimalProduct: (a, b) => `(${a} * ${b})`,
  decimalQuotient: (a, b) => `(${a} / NULLIF(${b}, 0))`,
  decimalSortKey: (expr) => expr,
  decimalAggregate: (fn, expr) => `${fn.toUpperCase()}(${expr})`,
  likeInsensitive: (expr, param) => `LOWER(${expr}) LIKE ${param}`,
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
};
