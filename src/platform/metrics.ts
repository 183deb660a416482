import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { GatewayEvents } from './events';

/**
 * Label values stand for requests that name no operation, or a name past the label budget.
 * Parentheses make them impossible GraphQL names, so no client operation can pose as one.
 */
export const ANONYMOUS_OPERATION = '(anonymous)';
export const OTHER_OPERATION = '(other)';
/** An error code past the code budget (codes come from the gateway and Apollo, never clients). */
export const OTHER_CODE = 'OTHER';

/** Distinct GraphQL operation names one gateway labels; later names count as `(other)`. */
export const MAX_OPERATION_LABELS = 100;
const MAX_CODE_LABELS = 50;
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;
const ERROR_CODE = /^[A-Z][A-Z_]{0,39}$/;
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Connection pool of the database, read when /metrics is scraped. */
export interface PoolUsage {
  /** Connections open now (busy and idle). */
  open: number;
  /** Open connections waiting for work. */
  idle: number;
  /** Requests waiting for a connection. */
  waiting: number;
  /** Most connections the pool opens. */
  limit: number;
}

/** What kind of SQL statement a duration belongs to (a fixed set: never the statement text). */
export type StatementKind = 'select' | 'insert' | 'update' | 'delete' | 'transaction' | 'other';

/** Request durations in seconds: interactive requests, up to the long tail of exports. */
const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];
/** Statement durations in seconds (TypeORM measures whole milliseconds: 0 ms lands in the first). */
const STATEMENT_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 60];

/**
 * The Prometheus metrics of one gateway, in a registry of its own (never prom-client's global
 * default registry), so two gateways in one process (tests, the benchmark) count apart.
 *
 * No label value ever comes from a client unchecked or carries data of a division: routes are
 * the patterns the code declares, methods a fixed set, GraphQL operation names are checked as
 * GraphQL names and limited to the first MAX_OPERATION_LABELS seen (the rest count as
 * `(other)`), error codes are the gateway's and Apollo's. No division code, key id or principal
 * is a label.
 */
export class GatewayMetrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'cashflow_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status, from arrival to the last byte sent.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: REQUEST_BUCKETS,
    registers: [this.registry],
  });
  readonly operationDuration = new Histogram({
    name: 'cashflow_graphql_operation_duration_seconds',
    help:
      `GraphQL requests by operation name (${ANONYMOUS_OPERATION} when unnamed, ` +
      `${OTHER_OPERATION} past ${MAX_OPERATION_LABELS} names) and type.`,
    labelNames: ['operation', 'type'] as const,
    buckets: REQUEST_BUCKETS,
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: 'cashflow_errors_total',
    help: 'Errors answered, by code (extensions.code): HTTP error responses and each GraphQL error.',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  readonly statementDuration = new Histogram({
    name: 'cashflow_sql_statement_duration_seconds',
    help: 'SQL statements that completed, by kind; a streamed statement lasts until its last row is read.',
    labelNames: ['kind'] as const,
    buckets: STATEMENT_BUCKETS,
    registers: [this.registry],
  });
  readonly statementErrors = new Counter({
    name: 'cashflow_sql_statement_errors_total',
    help: 'SQL statements that failed (constraint, timeout, lost connection, ...), by kind.',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  readonly exportRows = new Counter({
    name: 'cashflow_export_rows_total',
    help: 'Rows streamed by exports (/export, POST /sql as CSV or NDJSON), by source and outcome.',
    labelNames: ['source', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly exports = new Counter({
    name: 'cashflow_exports_total',
    help: 'Exports that ended, by source and outcome (finished or failed).',
    labelNames: ['source', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly #operations = new Set<string>();
  readonly #codes = new Set<string>();
  #pool: (() => PoolUsage) | undefined;
  #processMetrics = false;

  constructor(events: GatewayEvents) {
    events.on('exportFinished', ({ source, rows }) => this.#exportEnded(source, rows, 'finished'));
    events.on('exportFailed', ({ source, rows }) => this.#exportEnded(source, rows, 'failed'));
  }

  /**
   * Adds Node's process metrics (prom-client's defaults: CPU, memory, GC, handles, event-loop
   * lag as `nodejs_eventloop_lag_seconds`). Only a gateway that serves /metrics pays for them.
   */
  collectProcessMetrics(): void {
    if (this.#processMetrics) return;
    this.#processMetrics = true;
    collectDefaultMetrics({ register: this.registry });
  }

  /**
   * Reports the connection pool of the gateway's database, read on each scrape: busy and idle
   * connections, requests waiting for one, and the pool's limit. Called once, and only for a
   * database that has a pool (MariaDB/MySQL; SQLite has one connection and no pool). A later
   * call replaces the pool read.
   */
  watchPool(pool: () => PoolUsage): void {
    const first = this.#pool === undefined;
    this.#pool = pool;
    if (!first) return;
    const read = () => this.#pool!();
    new Gauge({
      name: 'cashflow_db_pool_connections',
      help: 'Database pool connections by state (busy, idle).',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const usage = read();
        this.set({ state: 'busy' }, usage.open - usage.idle);
        this.set({ state: 'idle' }, usage.idle);
      },
    });
    new Gauge({
      name: 'cashflow_db_pool_waiting_requests',
      help: 'Requests waiting for a database connection from the pool.',
      registers: [this.registry],
      collect() {
        this.set(read().waiting);
      },
    });
    new Gauge({
      name: 'cashflow_db_pool_max_connections',
      help: 'Most connections the database pool opens.',
      registers: [this.registry],
      collect() {
        this.set(read().limit);
      },
    });
  }

  /** An HTTP request ended after `seconds`; `route` is a route pattern of the code. */
  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpDuration.observe({ method: METHODS.has(method) ? method : 'OTHER', route, status: String(status) }, seconds);
  }

  /** A GraphQL request that resolved an operation ended after `seconds`. */
  observeOperation(name: string | null | undefined, type: string, seconds: number): void {
    this.operationDuration.observe({ operation: this.operationLabel(name), type }, seconds);
  }

  /** One error answered with `code`. */
  countError(code: unknown): void {
    this.errors.inc({ code: this.#codeLabel(code) });
  }

  /** A statement of `kind` completed after `ms` milliseconds. */
  observeStatement(kind: StatementKind, ms: number): void {
    this.statementDuration.observe({ kind }, ms / 1000);
  }

  /** A statement of `kind` failed. */
  countStatementError(kind: StatementKind): void {
    this.statementErrors.inc({ kind });
  }

  /** The Prometheus text exposition of every metric. */
  async text(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  /**
   * The label of an operation name: `(anonymous)` without one, the name itself while fewer than
   * MAX_OPERATION_LABELS distinct names were seen, else `(other)`. A client choosing names can
   * so add at most that many series, never an unbounded number.
   */
  operationLabel(name: string | null | undefined): string {
    if (!name) return ANONYMOUS_OPERATION;
    if (this.#operations.has(name)) return name;
    if (!GRAPHQL_NAME.test(name) || this.#operations.size >= MAX_OPERATION_LABELS) return OTHER_OPERATION;
    this.#operations.add(name);
    return name;
  }

  #codeLabel(code: unknown): string {
    if (typeof code !== 'string') return 'INTERNAL_SERVER_ERROR';
    if (this.#codes.has(code)) return code;
    if (!ERROR_CODE.test(code) || this.#codes.size >= MAX_CODE_LABELS) return OTHER_CODE;
    this.#codes.add(code);
    return code;
  }

  #exportEnded(source: string, rows: number, outcome: 'finished' | 'failed'): void {
    this.exports.inc({ source, outcome });
    this.exportRows.inc({ source, outcome }, rows);
  }
}
