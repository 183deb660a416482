import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DivisionScope } from '../access/division-scope';

/**
 * Runs the statements the query layer compiles, bounded by the statement timeout through the
 * division scope: MariaDB `SET STATEMENT max_statement_time = s FOR ...` (MySQL: the
 * MAX_EXECUTION_TIME hint), SQLite a deadline checked for every examined row (the guard added
 * here, see db/sqlite-deadline.ts). A statement that runs out of time is answered with TIMEOUT.
 */
export interface Prepared {
  sql: string;
  params: unknown[];
}

/** SQL and positional parameters of a query builder, with the SQLite deadline guard added. */
export function prepare(qb: SelectQueryBuilder<ObjectLiteral>, scope: DivisionScope, timeoutMs: number): Prepared {
  if (scope.dialect.kind === 'sqlite') qb.andWhere(`cf_deadline(${Date.now() + timeoutMs}) = 1`);
  const [sql, params] = qb.getQueryAndParameters();
  return { sql, params };
}

/**
 * Runs a prepared read through the scope, bounded by `timeoutMs`. `heavy` marks a read that may
 * scan much of a table (aggregates, ageing): on SQLite it runs in a read worker, off the event
 * loop. List pages stay on the main connection unless the caller runs them offloaded (exports,
 * see db/statement-context.ts): a page is small and the worker round trip would cost it more.
 */
export async function run<R = ObjectLiteral>(scope: DivisionScope, p: Prepared, timeoutMs: number, heavy = false): Promise<R[]> {
  // The scope bounds the statement (db/bounded-query.ts) and answers TIMEOUT when it runs out.
  return scope.rawQuery<R>(p.sql, p.params, { timeoutMs, heavy });
}
