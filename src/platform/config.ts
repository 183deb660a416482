import path from 'node:path';
import { LOG_LEVELS, LogLevel } from './logger';

/** One typed configuration, read once from the environment. */
export interface Config {
  /** `sqlite:` path or `mysql://user:pass@host:port/db`. */
  databaseUrl: string;
  port: number;
  host: string;
  /** Largest page a list accepts; larger requests are refused, never clamped. */
  maxPageSize: number;
  /**
   * Most values one `in` / `notIn` filter or SQL `IN (...)` list (list parameters included) may
   * hold; at most MAX_LIST_VALUES_CEILING, so a statement stays far below the databases' own
   * placeholder limits (SQLite 32,766, MariaDB 65,535).
   */
  maxListValues: number;
  /** Bound on any one SQL statement of the query layer (max_statement_time on MariaDB, a per-row deadline on SQLite). */
  statementTimeoutMs: number;
  /** Deepest field nesting a GraphQL operation may have. */
  maxQueryDepth: number;
  /** Aliased fields one GraphQL operation may use. */
  maxQueryAliases: number;
  /** Largest estimated cost (rows and values it may produce) of one GraphQL operation. */
  maxQueryCost: number;
  /** Lexical tokens a GraphQL query text may have (the parser stops there). */
  maxQueryTokens: number;
  /** Fields (and fragment spreads, inline fragments) one GraphQL operation may select, fragments expanded. */
  maxQueryFields: number;
  /** Directives one GraphQL operation may use, fragments expanded. */
  maxQueryDirectives: number;
  /** Most rows a `sql` query or POST /sql returns; larger results are refused (use /export). */
  sqlMaxRows: number;
  /** Most rows one export streams. */
  exportMaxRows: number;
  /** Bound on an export's statement (exports run longer than interactive queries). */
  exportTimeoutMs: number;
  /** Seed demo data on first start of an empty database. */
  seedDemo: boolean;
  /** Least severe log line written (pino levels; `silent` writes none). */
  logLevel: LogLevel;
  /** Log every SQL statement at debug level (with LOG_LEVEL=debug to see them). */
  logSql: boolean;
  /**
   * Port of a second listener serving only `GET /metrics` (Prometheus text); unset: no metrics
   * are served. Never on the main port: /metrics needs no credentials, so only the scraper's
   * network should reach it.
   */
  metricsPort?: number;
  /** HS256 secret for JWT bearer tokens (unset: HS256 tokens are refused). */
  jwtSecret?: string;
  /** JWKS file with the public keys for RS256/ES256 tokens (unset: those are refused). */
  jwtJwksFile?: string;
  /** Required `iss` of tokens, when set. */
  jwtIssuer?: string;
  /** Required `aud` of tokens, when set. */
  jwtAudience?: string;
  /** Print a fresh all-divisions, all-scopes demo API key on `npm start` (demo databases only). */
  demoKey: boolean;
  /**
   * Answer every GraphQL request with `x-sql-statements`, the statements its operation ran
   * (tests, diagnosis). Off by default: counting per request needs AsyncLocalStorage, whose
   * promise hooks cost about a tenth of a list request's CPU on Node 20.
   */
  countStatements: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL ?? `sqlite:${path.resolve('data', 'cashflow.sqlite')}`,
    port: intOf(env.PORT, 4000),
    host: env.HOST ?? '0.0.0.0',
    maxPageSize: intOf(env.MAX_PAGE_SIZE, 1000),
    maxListValues: bounded(intOf(env.MAX_LIST_VALUES, DEFAULT_MAX_LIST_VALUES), MAX_LIST_VALUES_CEILING, 'MAX_LIST_VALUES'),
    statementTimeoutMs: intOf(env.STATEMENT_TIMEOUT_MS, 15000),
    maxQueryDepth: intOf(env.MAX_QUERY_DEPTH, 12),
    maxQueryAliases: intOf(env.MAX_QUERY_ALIASES, 30),
    maxQueryCost: intOf(env.MAX_QUERY_COST, 250000),
    maxQueryTokens: intOf(env.MAX_QUERY_TOKENS, 5000),
    maxQueryFields: intOf(env.MAX_QUERY_FIELDS, 2000),
    maxQueryDirectives: intOf(env.MAX_QUERY_DIRECTIVES, 50),
    sqlMaxRows: intOf(env.SQL_MAX_ROWS, 10_000),
    exportMaxRows: intOf(env.EXPORT_MAX_ROWS, 10_000_000),
    exportTimeoutMs: intOf(env.EXPORT_TIMEOUT_MS, 600_000),
    seedDemo: (env.SEED_DEMO ?? 'true') !== 'false',
    logLevel: logLevelOf(env.LOG_LEVEL),
    logSql: env.LOG_SQL === 'true',
    metricsPort: env.METRICS_PORT ? portOf(env.METRICS_PORT) : undefined,
    jwtSecret: env.JWT_SECRET || undefined,
    jwtJwksFile: env.JWT_JWKS_FILE || undefined,
    jwtIssuer: env.JWT_ISSUER || undefined,
    jwtAudience: env.JWT_AUDIENCE || undefined,
    demoKey: (env.DEMO_KEY ?? env.SEED_DEMO ?? 'true') !== 'false',
    countStatements: env.COUNT_STATEMENTS === 'true',
  };
}

function logLevelOf(value: string | undefined): LogLevel {
  if (value === undefined || value === '') return 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(value))
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${value}`);
  return value as LogLevel;
}

function portOf(value: string): number {
  const port = intOf(value, 0);
  if (port > 65535) throw new Error(`Expected a TCP port (1-65535), got ${value}`);
  return port;
}

/** Default of MAX_LIST_VALUES. */
export const DEFAULT_MAX_LIST_VALUES = 1000;
/** Largest MAX_LIST_VALUES accepted: the statement parameter limits (query/limits.ts, sql/limits.ts) are 5,000. */
export const MAX_LIST_VALUES_CEILING = 5000;

function bounded(n: number, max: number, name: string): number {
  if (n > max) throw new Error(`${name} may be at most ${max}, got ${n}`);
  return n;
}

function intOf(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`Expected a positive integer, got ${value}`);
  return n;
}
