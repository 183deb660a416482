import { Parser } from 'node-sql-parser';
import { sqlError } from './errors';
import { checkExpressionDepth, checkQueryText } from './limits';

const parser = new Parser();

/** A node of node-sql-parser's AST; the compiler checks every field it reads. */
export type Node = Record<string, any>;

/**
 * Parses one read-only statement (MySQL grammar: backtick identifiers, single-quoted strings,
 * `:name` parameters). Several statements, or anything but SELECT, are refused here with the
 * position of the offending statement; so is a text beyond the limits of ./limits (length,
 * nesting of parentheses and of expressions).
 */
export function parseSelect(text: string): Node {
  if (typeof text !== 'string' || text.trim() === '') throw sqlError('the query is empty');
  // Before parsing: the parser recurses once per parenthesis.
  checkQueryText(text);
  let ast: Node | Node[];
  try {
    ast = parser.astify(text, { database: 'mysql', parseOptions: { includeLocations: true } } as never) as Node | Node[];
  } catch (error) {
    const e = error as { message?: string; location?: { start?: { line: number; column: number } }; found?: string };
    const at = e.location?.start ?? null;
    const found = e.found === undefined || e.found === null ? 'end of query' : JSON.stringify(e.found);
    throw sqlError(`syntax error near ${found}`, at);
  }
  const statements = (Array.isArray(ast) ? ast : [ast]).filter((s) => s !== null && s !== undefined);
  if (statements.length !== 1) {
    throw sqlError(`only one statement is allowed, found ${statements.length}`, positionOf(statements[1]) ?? secondStatement(text));
  }
  const statement = statements[0];
  if (statement.type !== 'select') {
    throw sqlError(`only SELECT is allowed, not ${String(statement.type).toUpperCase()}`, positionOf(statement) ?? { line: 1, column: 1 });
  }
  checkExpressionDepth(statement);
  return statement;
}

/** The start position of a node, when the parser recorded one. */
export function positionOf(node: Node | null | undefined): { line: number; column: number } | null {
  const start = node?.loc?.start;
  return start ? { line: start.line, column: start.column } : null;
}

/**
 * Where the second statement starts: the first character after a `;` that is outside quotes
 * and comments (node-sql-parser gives statements no position of their own).
 */
export function secondStatement(text: string): { line: number; column: number } | null {
  let i = 0;
  let quote: string | null = null;
  while (i < text.length) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote !== '`') i++;
      else if (c === quote) quote = text[i + 1] === quote ? (i++, quote) : null;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '#' || (c === '-' && text[i + 1] === '-')) i = text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i);
    else if (c === '/' && text[i + 1] === '*') i = text.indexOf('*/', i + 2) < 0 ? text.length : text.indexOf('*/', i + 2) + 1;
    else if (c === ';') {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j])) j++;
      return positionAt(text, Math.min(j, text.length - 1));
    }
    i++;
  }
  return null;
}

function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}
