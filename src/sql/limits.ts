/**
 * The sizes a SQL-layer query may have (docs/sql.md, "Limits"), checked before anything runs so
 * that no query reaches a limit of either database (SQLite: 32,766 bound values, expression
 * depth 1,000, 500 SELECTs in a compound, 64 tables in a join; MariaDB: 65,535 placeholders, 61
 * tables in a join, a 16 MB packet) or of the parser. A query beyond one is refused with
 * BAD_USER_INPUT naming the field (`query`, or `parameters.<name>`), `limit`, `value` and `max`.
 */
import { overLimit } from '../platform/errors';
import { Position } from './errors';
import type { Node } from './parse';

export const SQL_LIMITS = {
  /** Characters of the query text. */
  queryLength: 20_000,
  /** Parentheses open inside one another in the text. */
  nesting: 32,
  /** Operators and calls nested in one another (a chain of ANDs or ORs counts once), subqueries included. */
  expressionDepth: 64,
  /** SELECTs nested in one another (subqueries in FROM, IN, EXISTS, as values). */
  subqueryDepth: 8,
  /** SELECTs joined by UNION / UNION ALL in one chain. */
  unionMembers: 32,
  /** Tables read in all, the joins behind derived columns (AccountName, ...) included. */
  tables: 40,
  /** Values bound to the statement (every item of a list parameter counts). */
  parameters: 5000,
  /** Characters of one text parameter. */
  textLength: 1000,
} as const;

/** BAD_USER_INPUT on `field` (default `query`) for a limit, with the position when known. */
export function sqlLimit(
  limit: keyof typeof SQL_LIMITS | 'listValues',
  value: number,
  max: number,
  message: string,
  options: { field?: string; at?: Position | null } = {},
) {
  const where = options.at ? `line ${options.at.line}, column ${options.at.column}: ` : '';
  const error = overLimit(options.field ?? 'query', limit, value, max, `${where}${message}`);
  if (options.at) Object.assign(error.extensions, { line: options.at.line, column: options.at.column });
  return error;
}

/** Refuses a text longer than the limit, or with parentheses nested deeper (outside quotes and comments). */
export function checkQueryText(text: string): void {
  if (text.length > SQL_LIMITS.queryLength) {
    throw sqlLimit('queryLength', text.length, SQL_LIMITS.queryLength, `the query is longer than ${SQL_LIMITS.queryLength} characters`);
  }
  let depth = 0;
  let deepest = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote !== '`') i++;
      else if (c === quote) quote = text[i + 1] === quote ? (i++, quote) : null;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '#' || (c === '-' && text[i + 1] === '-')) i = text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i);
    else if (c === '/' && text[i + 1] === '*') i = text.indexOf('*/', i + 2) < 0 ? text.length : text.indexOf('*/', i + 2) + 1;
    else if (c === '(') deepest = Math.max(deepest, ++depth);
    else if (c === ')') depth--;
  }
  if (deepest > SQL_LIMITS.nesting) {
    const max = SQL_LIMITS.nesting;
    throw sqlLimit('nesting', deepest, max, `parentheses are nested ${deepest} deep; at most ${max} are allowed`);
  }
}

/**
 * Refuses a parsed statement whose expressions nest deeper than the limit. A chain of the same
 * AND or OR counts as one level (the compiler writes it as a balanced tree); every other
 * operator, call, CASE and subquery counts one. Walks with its own stack: the tree may be deep.
 */
export function checkExpressionDepth(ast: Node): void {
  const max = SQL_LIMITS.expressionDepth;
  const stack: [unknown, number, string | undefined][] = [[ast, 0, undefined]];
  while (stack.length) {
    const [node, depth, chain] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (const item of node) stack.push([item, depth, undefined]);
      continue;
    }
    const n = node as Node;
    if (n.loc && typeof n.loc === 'object' && !n.type) continue;
    const op = n.type === 'binary_expr' ? String(n.operator).toUpperCase() : undefined;
    const counts = typeof n.type === 'string' && n.type !== 'column_ref' && !(op && (op === 'AND' || op === 'OR') && op === chain);
    const d = counts ? depth + 1 : depth;
    if (d > max) {
      const message = `expressions are nested more than ${max} deep: simplify the query (IN lists instead of long OR chains)`;
      throw sqlLimit('expressionDepth', d, max, message);
    }
    for (const [key, value] of Object.entries(n)) {
      if (key === 'loc' || key === 'parentheses') continue;
      stack.push([value, d, op === 'AND' || op === 'OR' ? op : undefined]);
    }
  }
}

/**
 * `a op b op c ...` as a balanced tree of parentheses: its depth grows with the logarithm of the
 * number of parts, so a long AND or OR never nears SQLite's expression depth limit (1,000),
 * which a left-deep chain of as many terms would reach. The list and SQL compilers both use it.
 */
export function balanced(parts: readonly string[], op: 'AND' | 'OR'): string {
  if (parts.length === 1) return parts[0];
  const middle = parts.length >> 1;
  return `(${balanced(parts.slice(0, middle), op)} ${op} ${balanced(parts.slice(middle), op)})`;
}
