import type { Database } from './data-source';

/**
 * Whether a conditional write (UPDATE or DELETE ... WHERE) changed at least one row: the test that
 * tells which process won a race for a lease or a call budget. TypeORM's structured result gives
 * the count on both drivers (better-sqlite3's `changes`, mysql2's `affectedRows`).
 */
export async function changedAnyRow(db: Database, sql: string, params: unknown[]): Promise<boolean> {
  const runner = db.dataSource.createQueryRunner();
  try {
    const result = await runner.query(sql, params, true);
    return Number(result.affected ?? 0) > 0;
  } finally {
    await runner.release();
  }
}
