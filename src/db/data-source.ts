import fs from 'node:fs';
import path from 'node:path';
import { DataSource, DataSourceOptions, EntitySchema } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { withStatementTimeout } from './bounded-query';
import { Dialect, mysqlDialect, sqliteDialect } from './dialect';
import { registerSqliteFunctions } from './sqlite-functions';
import { createLogger, Logger } from '../platform/logger';
import { CountingLogger, StatementCounter, statementTimer } from './statement-counter';

export interface Database {
  readonly dataSource: DataSource;
  readonly dialect: Dialect;
  readonly statements: StatementCounter;
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

/** Opens (and by default migrates) the database at `databaseUrl` with the given entities mapped. */
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
  const caches = new Map<string, unknown>();
  const memo = <T>(key: string, make: () => T): T => {
    if (!caches.has(key)) caches.set(key, make());
    return caches.get(key) as T;
  };
  const db: Database = { dataSource, dialect, statements, memo };
  // Learn MariaDB or MySQL (how to bound a statement) now, so no request runs or counts it.
  await withStatementTimeout(db, 'SELECT 1', 1);
  return db;
}

/** Closes the connections (the CLI and tests use this instead of touching the data source). */
export async function closeDatabase(db: Database): Promise<void> {
  if (db.dataSource.isInitialized) await db.dataSource.destroy();
}
