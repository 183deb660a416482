import { badInput, GatewayError } from '../platform/errors';

/** Position in the query text (1-based), as node-sql-parser reports it. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** BAD_USER_INPUT on the `query` argument, giving the line and column of the offending part. */
export function sqlError(message: string, at?: Position | null): GatewayError {
  const where = at ? `line ${at.line}, column ${at.column}: ` : '';
  return badInput('query', `${where}${message}`, at ? { line: at.line, column: at.column } : {});
}
