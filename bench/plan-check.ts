import type { Connection, RowDataPacket } from 'mysql2/promise';
import type { Database } from '../src/db/data-source';
import { BASELINE_SQL } from './baseline-sql';
import type { BenchCase } from './cases';

/**
 * The honesty check of the benchmark (issue 11, §9: "never compare against a baseline whose SQL
 * is worse than yours"): for each case, the rows MariaDB's storage handlers read to run the
 * baseline's statement must not exceed the rows they read for the gateway's statements of the
 * same question. Rows are counted, not estimated: the session's `Handler_read_*` counters
 * (https://mariadb.com/kb/en/server-status-variables/#handler_read_first and the ones after it)
 * before and after running each statement on one connection of the check's own, so no other
 * client's work is counted. EXPLAIN's `rows` would be the optimizer's guess instead.
 */

/** A statement as sent to the database: its SQL and its positional parameters. */
export interface Statement {
  sql: string;
  parameters: unknown[];
}

/**
 * The statements `db` sends while `work` runs, as the gateway's logger hears them (every
 * statement of the gateway passes CountingLogger.logQuery, prepared ones included), without the
 * API key lookup of authentication (the baseline does not authenticate) and transaction control.
 */
export async function statementsOf(db: Database, work: () => Promise<unknown>): Promise<Statement[]> {
  const logger = db.dataSource.logger;
  const original = logger.logQuery;
  const seen: Statement[] = [];
  logger.logQuery = function (this: typeof logger, sql: string, parameters?: unknown[], ...rest: unknown[]) {
    seen.push({ sql, parameters: parameters ?? [] });
    return (original as (...a: unknown[]) => unknown).call(this, sql, parameters, ...rest);
  } as typeof logger.logQuery;
  try {
    await work();
  } finally {
    logger.logQuery = original;
  }
  return seen.filter((s) => !/`?ApiKeys`?/.test(s.sql) && !/^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SET (?!STATEMENT ))/i.test(s.sql));
}

/** Sum of the session's Handler_read_* counters on `connection`. */
async function handlerReads(connection: Connection): Promise<number> {
  const [rows] = await connection.query<RowDataPacket[]>("SHOW SESSION STATUS LIKE 'Handler_read%'");
  return rows.reduce((sum, r) => sum + Number(r.Value), 0);
}

/**
 * Rows MariaDB's handlers read (index lookups, index and table scans: the sum of the
 * Handler_read_* counters) to run `statements` one after the other on `connection`, each as a
 * prepared statement as both servers send them. What SHOW STATUS itself adds is measured on an
 * empty round and taken off.
 */
export async function rowsRead(connection: Connection, statements: readonly Statement[]): Promise<number> {
  const first = await handlerReads(connection);
  const empty = (await handlerReads(connection)) - first;
  let total = 0;
  for (const s of statements) {
    const before = await handlerReads(connection);
    await connection.execute(s.sql, s.parameters as never[]);
    total += (await handlerReads(connection)) - before - empty;
  }
  return total;
}

/** The comparison of one case: rows read by each side. */
export interface PlanComparison {
  name: string;
  gateway: number;
  baseline: number;
  /** The baseline's statement reads no more rows than the gateway's statements. */
  honest: boolean;
}

/** Compares the rows one case's statements read on each side (see rowsRead). */
export async function comparePlans(
  connection: Connection,
  name: string,
  gateway: readonly Statement[],
  baseline: readonly Statement[],
): Promise<PlanComparison> {
  const g = await rowsRead(connection, gateway);
  const b = await rowsRead(connection, baseline);
  return { name, gateway: g, baseline: b, honest: b <= g };
}

/**
 * The plan check of every case: the gateway (`db` is its database, `ask` sends a case's GraphQL
 * body to it and resolves to the parsed answer) answers each case while its statements are
 * recorded, then those statements and the baseline's (bench/baseline-sql.ts) run on `connection`
 * and their rows read are compared. Throws when an answer carries errors.
 */
export async function checkBaselinePlans(
  db: Database,
  ask: (body: BenchCase['gateway']) => Promise<{ errors?: unknown }>,
  connection: Connection,
  cases: readonly BenchCase[],
): Promise<PlanComparison[]> {
  const out: PlanComparison[] = [];
  for (const c of cases) {
    let answer: { errors?: unknown } = {};
    const gateway = await statementsOf(db, async () => (answer = await ask(c.gateway)));
    if (answer.errors) throw new Error(`${c.name}: ${JSON.stringify(answer.errors)}`);
    out.push(await comparePlans(connection, c.name, gateway, [BASELINE_SQL[c.letter](c.baseline)]));
  }
  return out;
}

/** One line per case: rows read by each side, and whether the baseline is honest. */
export function planLines(comparisons: readonly PlanComparison[]): string[] {
  return comparisons.map(
    (c) =>
      `${c.name.slice(0, 3)} rows read: gateway ${c.gateway.toLocaleString('en')}, baseline ${c.baseline.toLocaleString('en')}` +
      (c.honest ? '' : ' (the baseline reads MORE rows than the gateway: its SQL is worse)'),
  );
}
