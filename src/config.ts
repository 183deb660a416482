import path from 'node:path';

/** One typed configuration, read once from the environment. */
export interface Config {
  /** `sqlite:` path or `mysql://user:pass@host:port/db`. */
  databaseUrl: string;
  port: number;
  host: string;
  /** Largest page a list accepts; larger requests are refused, never clamped. */
  maxPageSize: number;
  /** Bound on any one SQL statement (MAX_EXECUTION_TIME on MySQL, a progress handler on SQLite). */
  statementTimeoutMs: number;
  /** Seed demo data on first start of an empty database. */
  seedDemo: boolean;
  logLevel: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL ?? `sqlite:${path.resolve('data', 'cashflow.sqlite')}`,
    port: intOf(env.PORT, 4000),
    host: env.HOST ?? '0.0.0.0',
    maxPageSize: intOf(env.MAX_PAGE_SIZE, 1000),
    statementTimeoutMs: intOf(env.STATEMENT_TIMEOUT_MS, 15000),
    seedDemo: (env.SEED_DEMO ?? 'true') !== 'false',
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}

function intOf(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`Expected a positive integer, got ${value}`);
  return n;
}
