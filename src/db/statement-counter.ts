import { AsyncLocalStorage } from 'node:async_hooks';
import { AbstractLogger, EntitySubscriberInterface, LogLevel, LogMessage } from 'typeorm';
import type { Logger } from '../platform/logger';
import type { StatementKind } from '../platform/metrics';

/** Hears how statements end (the gateway's metrics); `ms` is the statement's duration. */
export interface StatementObserver {
  finished(kind: StatementKind, ms: number): void;
  failed(kind: StatementKind): void;
}

/**
 * Counts SQL statements, overall and per request (through AsyncLocalStorage), so tests and the
 * benchmark can prove that statements depend on query depth, not on the number of rows; tells
 * observers how each statement ended; and keeps the logger of the request a statement runs for,
 * so LOG_SQL lines carry its request id.
 */
export class StatementCounter {
  total = 0;
  private readonly requests = new AsyncLocalStorage<{ count: number; log?: Logger }>();
  private readonly observers = new Set<StatementObserver>();

  /** Runs `fn` (a request) with a count of its own and, when given, its logger for SQL lines. */
  run<T>(fn: () => T, log?: Logger): T {
    return this.requests.run({ count: 0, log }, fn);
  }
  /** Statements of the current request so far (0 outside a request). */
  current(): number {
    return this.requests.getStore()?.count ?? 0;
  }
  /** The logger of the request running now, when `run` was given one. */
  requestLog(): Logger | undefined {
    return this.requests.getStore()?.log;
  }
  record(): void {
    this.total++;
    const store = this.requests.getStore();
    if (store) store.count++;
  }
  /** Tells `observer` about every statement that ends from now on; returns the way to stop. */
  observe(observer: StatementObserver): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }
  /** `sql` completed after `ms` milliseconds. */
  finished(sql: string, ms: number): void {
    if (this.observers.size === 0) return;
    const kind = statementKind(sql);
    for (const o of this.observers) o.finished(kind, ms);
  }
  /** `sql` failed. */
  failed(sql: string): void {
    if (this.observers.size === 0) return;
    const kind = statementKind(sql);
    for (const o of this.observers) o.failed(kind);
  }
}

/** The kind of a statement, by its first keyword (MariaDB's `SET STATEMENT ... FOR` looked through). */
export function statementKind(sql: string): StatementKind {
  const keyword = /^\s*(?:SET\s+STATEMENT\s+\S+\s+FOR\s+)?\(*\s*([A-Za-z]+)/i.exec(sql)?.[1]?.toUpperCase();
  switch (keyword) {
    case 'SELECT':
    case 'WITH':
    case 'VALUES':
      return 'select';
    case 'INSERT':
    case 'REPLACE':
      return 'insert';
    case 'UPDATE':
      return 'update';
    case 'DELETE':
      return 'delete';
    case 'BEGIN':
    case 'START':
    case 'COMMIT':
    case 'ROLLBACK':
    case 'SAVEPOINT':
    case 'RELEASE':
      return 'transaction';
    default:
      return 'other';
  }
}

/**
 * A TypeORM subscriber that hands the duration TypeORM measured for each completed statement
 * (whole milliseconds) to the counter's observers. Failures reach them through the logger's
 * logQueryError, which TypeORM calls for every failed statement on both drivers.
 */
export function statementTimer(counter: StatementCounter): EntitySubscriberInterface {
  return {
    afterQuery(event) {
      if (event.success && event.executionTime !== undefined) counter.finished(event.query, event.executionTime);
    },
  };
}

/**
 * TypeORM's logger for the gateway: counts statements, and writes through pino (the request's
 * logger while a request is being counted, else `logger`): every statement at debug level when
 * `logSql` (LOG_SQL) is on, failed and slow statements at warn (the caller decides whether the
 * failure is a fault: a unique key violation is a CONFLICT answer; one it cannot handle is logged
 * again as an internal error), TypeORM's own errors at error.
 */
export class CountingLogger extends AbstractLogger {
  constructor(
    private readonly counter: StatementCounter,
    private readonly output: { logger: Logger; logSql: boolean },
  ) {
    super(['error', 'warn']);
  }
  // `SET STATEMENT max_statement_time=.. FOR SELECT` (the query layer's timeout) is a real statement.
  override logQuery(query: string, parameters?: unknown[]): void {
    if (!/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET (?!STATEMENT ))/i.test(query)) this.counter.record();
    if (this.output.logSql) this.target().debug({ sql: query, parameters: shown(parameters) }, 'sql');
  }
  override logQueryError(error: string | Error, query: string, parameters?: unknown[]): void {
    this.counter.failed(query);
    this.target().warn({ err: error, sql: query, parameters: this.output.logSql ? shown(parameters) : undefined }, 'sql statement failed');
  }
  override logQuerySlow(time: number, query: string): void {
    this.target().warn({ sql: query, durationMs: time }, 'slow sql statement');
  }
  protected writeLog(level: LogLevel, message: LogMessage | LogMessage[]): void {
    const log = this.target();
    for (const m of Array.isArray(message) ? message : [message]) {
      const text = String(m.message);
      if (level === 'error') log.error({ typeorm: m.type }, text);
      else if (level === 'warn') log.warn({ typeorm: m.type }, text);
      else log.debug({ typeorm: m.type }, text);
    }
  }
  private target(): Logger {
    return this.counter.requestLog() ?? this.output.logger;
  }
}

/** Parameters as logged: long values (file contents, big texts) cut to their first 200 characters. */
function shown(parameters: unknown[] | undefined): unknown[] | undefined {
  return parameters?.map((p) =>
    typeof p === 'string' && p.length > 200 ? `${p.slice(0, 200)}...` : Buffer.isBuffer(p) ? `<${p.length} bytes>` : p,
  );
}
