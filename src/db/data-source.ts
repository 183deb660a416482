import fs from 'node:fs';
import path from 'node:path';
import { DataSource, DataSourceOptions, EntitySchema } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { withStatementTimeout } from './bounded-query';
import { Dialect, mysqlDialect, sqliteDialect } from './dialect';
import { registerSqliteFunctions } from './sqlite-functions';
import { SqliteReadPool } from './sqlite-read-pool';
import { createLogger, Logger } from '../platform/logger';
import { CountingLogger, StatementCounter, statementTimer } from './statement-counter';

export interface Database {
  readonly dataSource: DataSource;
  readonly dialect: Dialect;
  readonly statements: StatementCounter;
  /** SQLite file databases: the read workers that run heavy reads off the event loop. */
  readonly readers?: SqliteReadPool;
  /**
   * The value cached for this database under `key` (prepared lookups, statement plans, the
   * server flavour), made by `make` on first use: caches live as long as the database object,
   * never in module-level maps.
   */
  memo<T>(key: string, make: () => T): T;
}

/** Entity classes (or schemas) a data source maps; the composition root passes them in. */
export type MappedEntities = readonly (Function | EntitySchema)[];

/**
 * Where the database's own log lines go: `logger` (default: JSON lines at LOG_LEVEL) for failed
 * statements and TypeORM's errors, and every statement at debug level when `logSql` (default:
 * LOG_SQL=true). While a request runs, lines go to the request's logger instead (see
 * StatementCounter.run).
 */
export interface DatabaseLogging {
  logger?: Logger;
  logSql?: boolean;
}

/**
 * TypeORM options for a `sqlite:path` or `mysql://` URL mapping `entities`; used by the app,
 * tests and the CLI (through modules/entities.ts, which knows the entities).
 */
export function dataSourceOptions(
  databaseUrl: string,
  entities: MappedEntities,
  counter = new StatementCounter(),
  logging: DatabaseLogging = {},
): DataSourceOptions {
  const logger = new CountingLogger(counter, {
    logger: logging.logger ?? createLogger(process.env.LOG_LEVEL || 'info'),
    logSql: logging.logSql ?? process.env.LOG_SQL === 'true',
  });
  const common = { entities: [...entities], migrations: MIGRATIONS, synchronize: false, logging: ['query', 'error'] as const, logger };
  if (databaseUrl.startsWith('sqlite:')) {
    const file = databaseUrl.slice('sqlite:'.length);
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    return {
      ...common,
      logging: ['query', 'error'],
      type: 'better-sqlite3',
      database: file,
      prepareDatabase: (db: import('better-sqlite3').Database) => {
        db.pragma('journal_mode = WAL');
        db.pragma('busy_timeout = 5000');
        db.pragma('foreign_keys = ON');
        registerSqliteFunctions(db);
      },
    };
  }
  if (/^(mysql|mariadb):\/\//.test(databaseUrl)) {
    return {
      ...common,
      logging: ['query', 'error'],
      type: 'mysql',
      url: databaseUrl.replace(/^mariadb:/, 'mysql:'),
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
      // DECIMAL stays text (mysql2's default); big numbers never pass through a float.
      supportBigNumbers: true,
      bigNumberStrings: true,
      // Prepared statements per connection (bounded-query.ts), bounded well below the server's
      // max_prepared_stmt_count (16,382 by default) for all 20 connections together.
      extra: { connectionLimit: 20, decimalNumbers: false, maxPreparedStatements: 256 },
    };
  }
  throw new Error(`DATABASE_URL must start with sqlite: or mysql://, got ${databaseUrl}`);
}

/**
 * Opens (and by default migrates) the database at `databaseUrl` with the given entities mapped.
 * On a SQLite file it also sets up the read workers for heavy reads (SQLITE_READ_WORKERS of them
 * at most, started on first use). Close it with closeDatabase.
 */
export async function openDatabase(
  databaseUrl: string,
  options: { entities: MappedEntities; migrate?: boolean } & DatabaseLogging,
): Promise<Database> {
  const statements = new StatementCounter();
  const dataSource = new DataSource(dataSourceOptions(databaseUrl, options.entities, statements, options));
  await dataSource.initialize();
  // Durations of the statements TypeORM runs, for the metrics (the query layer's own are timed in bounded-query.ts).
  dataSource.subscribers.push(statementTimer(statements));
  if (options.migrate ?? true) await dataSource.runMigrations({ transaction: 'each' });
  const dialect = dataSource.options.type === 'better-sqlite3' ? sqliteDialect : mysqlDialect;
  const file = dialect.kind === 'sqlite' ? String((dataSource.options as { database?: string }).database ?? '') : '';
  // An in-memory database exists only on its own connection: no worker can open it.
  const readers =
    file !== '' && file !== ':memory:' ? new SqliteReadPool(path.resolve(file), readWorkers(process.env.SQLITE_READ_WORKERS)) : undefined;
  const caches = new Map<string, unknown>();
  const memo = <T>(key: string, make: () => T): T => {
    if (!caches.has(key)) caches.set(key, make());
    return caches.get(key) as T;
  };
  const db: Database = { dataSource, dialect, statements, readers, memo };
  await refreshStatistics(db);
  // Learn MariaDB or MySQL (how to bound a statement) now, so no request runs or counts it.
  await withStatementTimeout(db, 'SELECT 1', 1);
  return db;
}

/**
 * Lets SQLite's planner know the table sizes (`PRAGMA optimize`, which runs ANALYZE where the
 * statistics are missing or stale, on a sample of 1000 rows per index so it takes milliseconds).
 * Without statistics SQLite takes `Division IN (...)` for selective and sorts a whole table for
 * every keyset page ordered by ID, instead of walking the primary key (10x slower exports).
 * MariaDB/MySQL keep their statistics themselves: nothing to do there.
 */
export async function refreshStatistics(db: Pick<Database, 'dataSource' | 'dialect'>): Promise<void> {
  if (db.dialect.kind !== 'sqlite') return;
  await db.dataSource.query('PRAGMA analysis_limit = 1000');
  await db.dataSource.query('PRAGMA optimize = 0x10002');
}

/**
 * Closes the connections (the CLI and tests use this instead of touching the data source): the
 * read workers first (a statement still running in one fails as cancelled), then on SQLite a
 * `wal_checkpoint(TRUNCATE)`, so the database file alone holds every committed write and can be
 * copied or opened without its -wal file, then the data source.
 */
export async function closeDatabase(db: Database): Promise<void> {
  await db.readers?.close();
  if (!db.dataSource.isInitialized) return;
  if (db.dialect.kind === 'sqlite') {
    try {
      const [result] = (await db.dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)')) as { busy: number }[];
      if (result?.busy) db.dataSource.logger.log('warn', 'WAL checkpoint incomplete: another connection is reading or writing');
    } catch (error) {
      // A busy database (a transaction of another process) keeps its WAL; SQLite replays it on open.
      db.dataSource.logger.log('warn', `WAL checkpoint failed: ${(error as Error).message}`);
    }
  }
  await db.dataSource.destroy();
}

/** Read workers of a SQLite database: SQLITE_READ_WORKERS, default 4 (heavy reads running at once). */
function readWorkers(value: string | undefined): number {
  if (value === undefined || value === '') return 4;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`SQLITE_READ_WORKERS must be a positive integer, got ${value}`);
  return n;
}
