import { randomBytes } from 'node:crypto';
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
  /**
   * Key of the HMAC that signs list cursors, so a cursor this gateway did not make is refused
   * before its values are read. CURSOR_SECRET (at least 32 characters) keeps cursors valid across
   * restarts and between instances; unset, each start makes a random one.
   */
  cursorSecret: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL ?? `sqlite:${path.resolve('data', 'cashflow.sqlite')}`,
    port: portOf('PORT', env.PORT, 4000),
    host: env.HOST ?? '0.0.0.0',
    maxPageSize: intOf('MAX_PAGE_SIZE', env.MAX_PAGE_SIZE, 1000),
    maxListValues: intOf('MAX_LIST_VALUES', env.MAX_LIST_VALUES, DEFAULT_MAX_LIST_VALUES, MAX_LIST_VALUES_CEILING),
    statementTimeoutMs: intOf('STATEMENT_TIMEOUT_MS', env.STATEMENT_TIMEOUT_MS, 15000),
    maxQueryDepth: intOf('MAX_QUERY_DEPTH', env.MAX_QUERY_DEPTH, 12),
    maxQueryAliases: intOf('MAX_QUERY_ALIASES', env.MAX_QUERY_ALIASES, 30),
    maxQueryCost: intOf('MAX_QUERY_COST', env.MAX_QUERY_COST, 250000),
    maxQueryTokens: intOf('MAX_QUERY_TOKENS', env.MAX_QUERY_TOKENS, 5000),
    maxQueryFields: intOf('MAX_QUERY_FIELDS', env.MAX_QUERY_FIELDS, 2000),
    maxQueryDirectives: intOf('MAX_QUERY_DIRECTIVES', env.MAX_QUERY_DIRECTIVES, 50),
    sqlMaxRows: intOf('SQL_MAX_ROWS', env.SQL_MAX_ROWS, 10_000),
    exportMaxRows: intOf('EXPORT_MAX_ROWS', env.EXPORT_MAX_ROWS, 10_000_000),
    exportTimeoutMs: intOf('EXPORT_TIMEOUT_MS', env.EXPORT_TIMEOUT_MS, 600_000),
    seedDemo: boolOf('SEED_DEMO', env.SEED_DEMO, true),
    logLevel: logLevelOf(env.LOG_LEVEL),
    logSql: boolOf('LOG_SQL', env.LOG_SQL, false),
    metricsPort: env.METRICS_PORT ? portOf('METRICS_PORT', env.METRICS_PORT, 0) : undefined,
    jwtSecret: env.JWT_SECRET || undefined,
    jwtJwksFile: env.JWT_JWKS_FILE || undefined,
    jwtIssuer: env.JWT_ISSUER || undefined,
    jwtAudience: env.JWT_AUDIENCE || undefined,
    demoKey: boolOf('DEMO_KEY', env.DEMO_KEY, boolOf('SEED_DEMO', env.SEED_DEMO, true)),
    countStatements: boolOf('COUNT_STATEMENTS', env.COUNT_STATEMENTS, false),
    cursorSecret: secretOf(env.CURSOR_SECRET),
  };
}

function logLevelOf(value: string | undefined): LogLevel {
  if (value === undefined || value === '') return 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(value))
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${value}`);
  return value as LogLevel;
}

/** Default of MAX_LIST_VALUES. */
export const DEFAULT_MAX_LIST_VALUES = 1000;
/** Largest MAX_LIST_VALUES accepted: the statement parameter limits (query/limits.ts, sql/limits.ts) are 5,000. */
export const MAX_LIST_VALUES_CEILING = 5000;

function secretOf(value: string | undefined): string {
  if (value === undefined || value === '') return randomBytes(32).toString('base64url');
  if (value.length < 32) throw new Error(`CURSOR_SECRET must have at least 32 characters, got ${value.length}`);
  return value;
}

/** `true` or `false` from the variable `name`, or `fallback` when unset; an error naming it otherwise (`yes` is no silent true). */
function boolOf(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new Error(`${name} must be true or false, got ${JSON.stringify(value)}`);
}

/** A TCP port (1 to 65535) from the variable `name`, or `fallback` when it is unset. */
function portOf(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < 1 || n > 65_535)
    throw new Error(`${name} must be a TCP port (1-65535), got ${JSON.stringify(value)}`);
  return n;
}

/** A whole number from 1 to `max` from the variable `name`, or `fallback` when it is unset; an error naming it otherwise. */
function intOf(name: string, value: string | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1 || n > max) {
    throw new Error(`${name} must be a whole number from 1 to ${max}, got ${JSON.stringify(value)}`);
  }
  return n;
}
