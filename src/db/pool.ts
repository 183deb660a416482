import type { PoolUsage } from '../platform/metrics';
import { Database } from './data-source';

/** The parts of mysql2's pool that tell its use (its queues are Denque lists with a length). */
interface Mysql2Pool {
  _allConnections: { length: number };
  _freeConnections: { length: number };
  _connectionQueue: { length: number };
  config: { connectionLimit: number };
}

/**
 * A reader of the connection pool's use for the metrics, or undefined for a database without a
 * pool (SQLite: one connection in the process). On MariaDB/MySQL it reads mysql2's pool (the
 * TypeORM driver's `pool`); mysql2 exposes no public counters, so the reader looks at its queues
 * and gives up (undefined) when a mysql2 release no longer has them.
 */
export function poolUsage(db: Database): (() => PoolUsage) | undefined {
  if (db.dialect.kind !== 'mysql') return undefined;
  const driver = db.dataSource.driver as unknown as { pool?: Mysql2Pool };
  const known = (pool: Mysql2Pool | undefined): pool is Mysql2Pool =>
    !!pool && [pool._allConnections, pool._freeConnections, pool._connectionQueue].every((q) => typeof q?.length === 'number');
  if (!known(driver.pool)) return undefined;
  return () => {
    // The driver drops its pool when the data source closes; a scrape after that reads an empty pool.
    const pool = driver.pool;
    if (!known(pool)) return { open: 0, idle: 0, waiting: 0, limit: 0 };
    return {
      open: pool._allConnections.length,
      idle: pool._freeConnections.length,
      waiting: pool._connectionQueue.length,
      limit: pool.config.connectionLimit,
    };
  };
}
