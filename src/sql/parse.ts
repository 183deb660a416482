import { Parser } from 'node-sql-parser';
import { sqlError } from './errors';

/** Longest query text accepted; analysts' queries are far shorter. */
export const MAX_QUERY_LENGTH = 20_000;

const parser = new Parser();

/** A node of node-sql-parser's AST; the compiler checks every field it reads. */
export type Node = Record<string, any>;

/**
 * Parses one read-only statement (MySQL grammar: backtick identifiers, single-quoted strings,
 * `:name` parameters). Several statements, or anything but SELECT, are refused here with the
 * position of the offending statement.
 */
export function parseSelect(text: string): Node {
  if (typeof text !== 'string' || text.trim() === '') throw sqlError('the query is empty');
  if (text.length > MAX_QUERY_LENGTH) throw sqlError(`the query is longer than ${MAX_QUERY_LENGTH} characters`);
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
    throw sqlError(`only one statement is allowed, found ${statements.length}`, positionOf(statements[1]) ?? positionOf(statements[0]));
  }
  const statement = statements[0];
  if (statement.type !== 'select') {
    throw sqlError(`only SELECT is allowed, not ${String(statement.type).toUpperCase()}`, positionOf(statement) ?? { line: 1, column: 1 });
  }
  return statement;
}

/** The start position of a node, when the parser recorded one. */
export function positionOf(node: Node | null | undefined): { line: number; column: number } | null {
  const start = node?.loc?.start;
  return start ? { line: start.line, column: start.column } : null;
}
