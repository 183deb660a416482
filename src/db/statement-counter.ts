import { AsyncLocalStorage } from 'node:async_hooks';
import { AbstractLogger, LogLevel, LogMessage, QueryRunner } from 'typeorm';

/**
 * Counts SQL statements, overall and per request (through AsyncLocalStorage), so tests and the
 * benchmark can prove that statements depend on query depth, not on the number of rows.
 */
export class StatementCounter {
  total = 0;
  private readonly requests = new AsyncLocalStorage<{ count: number }>();

  run<T>(fn: () => T): T {
    return this.requests.run({ count: 0 }, fn);
  }
  /** Statements of the current request so far (0 outside a request). */
  current(): number {
    return this.requests.getStore()?.count ?? 0;
  }
  record(): void {
    this.total++;
    const store = this.requests.getStore();
    if (store) store.count++;
  }
}

/** TypeORM logger that feeds the counter and prints errors and slow statements. */
export class CountingLogger extends AbstractLogger {
  constructor(private readonly counter: StatementCounter, private readonly echo: boolean) {
    super(echo ? ['query', 'error'] : ['error']);
  }
  // `SET STATEMENT max_statement_time=.. FOR SELECT` (the query layer's timeout) is a real statement.
  override logQuery(query: string, parameters?: unknown[], queryRunner?: QueryRunner): void {
    if (!/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET (?!STATEMENT ))/i.test(query)) this.counter.record();
    if (this.echo) super.logQuery(query, parameters, queryRunner);
  }
  protected writeLog(level: LogLevel, message: LogMessage | LogMessage[]): void {
    const messages = Array.isArray(message) ? message : [message];
    for (const m of messages) {
      if (level === 'error' || level === 'warn' || this.echo) console.error(`[db ${level}]`, m.message);
    }
  }
}
