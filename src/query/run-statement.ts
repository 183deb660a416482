import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DivisionScope } from '../access/division-scope';
import { GatewayError } from '../common/errors';
import { serverVersion } from '../db/raw-rows';
import { SQLITE_DEADLINE_MESSAGE } from '../db/sqlite-deadline';

/**
 * Runs the statements the query layer compiles, bounded by the statement timeout:
 * MariaDB `SET STATEMENT max_statement_time = s FOR ...` (MySQL: the MAX_EXECUTION_TIME hint),
 * SQLite a deadline checked for every examined row (see db/sqlite-deadline.ts). A statement that
 * runs out of time is answered with TIMEOUT.
 */
export interface Prepared {
  sql: string;
  params: unknown[];
  serverVersion: string;
}

/** SQL and positional parameters of a query builder, with the SQLite deadline guard added. */
export function prepare(qb: SelectQueryBuilder<ObjectLiteral>, scope: DivisionScope, timeoutMs: number): Prepared {
  if (scope.dialect.kind === 'sqlite') qb.andWhere(`cf_deadline(${Date.now() + timeoutMs}) = 1`);
  const [sql, params] = qb.getQueryAndParameters();
  return { sql, params, serverVersion: serverVersion(qb) };
}

export async function run<R = ObjectLiteral>(scope: DivisionScope, p: Prepared, timeoutMs: number): Promise<R[]> {
  let sql = p.sql;
  if (scope.dialect.kind === 'mysql') {
    if (/mariadb/i.test(p.serverVersion)) sql = `SET STATEMENT max_statement_time = ${(timeoutMs / 1000).toFixed(3)} FOR ${sql}`;
    else sql = sql.replace(/^\s*SELECT/i, `SELECT /*+ MAX_EXECUTION_TIME(${Math.round(timeoutMs)}) */`);
  }
  try {
    return await scope.rawQuery<R>(sql, p.params);
  } catch (error) {
    if (isTimeout(error)) throw statementTimeout(timeoutMs);
    throw error;
  }
}

export function statementTimeout(timeoutMs: number): GatewayError {
  return new GatewayError(
    'TIMEOUT',
    `The query ran longer than the statement timeout of ${timeoutMs} ms and was stopped; narrow the filter (a division, a date range on an indexed column)`,
    { timeoutMs },
  );
}

function isTimeout(error: unknown): boolean {
  const e = error as { message?: string; errno?: number; driverError?: { errno?: number; message?: string } };
  const errno = e.driverError?.errno ?? e.errno;
  if (errno === 1969 || errno === 3024) return true; // MariaDB max_statement_time, MySQL MAX_EXECUTION_TIME
  return String(e.driverError?.message ?? e.message ?? '').includes(SQLITE_DEADLINE_MESSAGE);
}
