import type { EntityManager, ObjectLiteral } from 'typeorm';
import type { Dialect } from './dialect';

/**
 * Tables whose rows, in a division connected to Exact Online (ExactDivisionMaps), are Exact's:
 * the connector's sync writes them, the gateway's own mutations may not (access/division-scope.ts).
 */
export const EXACT_OWNED_TABLES: ReadonlySet<string> = new Set([
  'Payments',
  'Receivables',
  'Accounts',
  'GLAccounts',
  'BankAccounts',
  'Journals',
  'PaymentConditions',
  // Bank entries come from Exact too (statement imports are refused); their lines stay writable
  // for reconciliation's marks (ReconciliationStatus, OpenAmountFC), which the sync keeps.
  'BankEntries',
]);

/**
 * Of `divisions`, those connected to Exact Online, read in the caller's transaction (`manager`)
 * so that a connect committed before the write is seen. One small primary-key read; no cache, so
 * every process agrees at once.
 */
export async function connectedAmong(manager: EntityManager, dialect: Dialect, divisions: readonly number[]): Promise<number[]> {
  if (!divisions.length) return [];
  const q = dialect.quote;
  const rows = (await manager.query(
    `SELECT ${q('Division')} AS d FROM ${q('ExactDivisionMaps')} WHERE ${q('Division')} IN (${divisions.map(() => '?').join(', ')})`,
    [...divisions],
  )) as { d: unknown }[];
  return rows.map((r) => Number(r.d)).sort((a, b) => a - b);
}

/**
 * The division of one row of `table` matching `where` (over the unaliased table) among the
 * `connected` divisions, or null when no such row exists: which connected division a write would touch.
 */
export async function connectedRowDivision(
  manager: EntityManager,
  dialect: Dialect,
  table: string,
  connected: readonly number[],
  where: string,
  parameters: ObjectLiteral,
): Promise<number | null> {
  const column = dialect.quote('Division');
  const hit = await manager
    .createQueryBuilder()
    .select(`t.${column}`, 'd')
    .from(table, 't')
    .where(`(${where})`, parameters)
    .andWhere(`t.${column} IN (${connected.map(Number).join(', ')})`)
    .limit(1)
    .getRawOne<{ d: unknown }>();
  return hit ? Number(hit.d) : null;
}
