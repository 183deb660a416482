import { statementKind } from '../../src/db/statement-counter';
import { requestIdFrom } from '../../src/http/observability';
import { loadConfig } from '../../src/platform/config';
import { createLogger } from '../../src/platform/logger';
import { GatewayEvents } from '../../src/platform/events';
import { ANONYMOUS_OPERATION, GatewayMetrics, MAX_OPERATION_LABELS, OTHER_OPERATION } from '../../src/platform/metrics';
import { createRuntime } from '../../src/platform/runtime';
import { parsePrometheus, valueOf } from '../support/prometheus';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('requestIdFrom', () => {
  it('keeps a short id of safe characters', () => {
    for (const id of ['a', 'req-1', '0f8fad5b-d9cb-469f-a165-70867728950e', 'trace:span.7', 'YWJj+/=', 'x'.repeat(128)])
      expect(requestIdFrom(id)).toBe(id);
    expect(requestIdFrom(['first', 'second'])).toBe('first');
  });

  it('makes a new UUID for a missing, empty, long or unsafe id', () => {
    for (const id of [undefined, '', 'x'.repeat(129), 'a b', 'a"b', "a'b", 'a\\b', '<b>', 'a;b', 'a\tb', 'é', '${jndi:x}']) {
      expect(requestIdFrom(id)).toMatch(UUID);
    }
    expect(requestIdFrom(undefined)).not.toBe(requestIdFrom(undefined));
  });
});

describe('GatewayMetrics', () => {
  it('labels the first MAX_OPERATION_LABELS valid names and collapses the rest', () => {
    const metrics = new GatewayMetrics(new GatewayEvents());
    expect(metrics.operationLabel(undefined)).toBe(ANONYMOUS_OPERATION);
    expect(metrics.operationLabel(null)).toBe(ANONYMOUS_OPERATION);
    expect(metrics.operationLabel('')).toBe(ANONYMOUS_OPERATION);
    // Not a GraphQL name (never from Apollo, which parsed the operation; refused all the same).
    expect(metrics.operationLabel('a b')).toBe(OTHER_OPERATION);
    expect(metrics.operationLabel('x'.repeat(65))).toBe(OTHER_OPERATION);
    for (let i = 0; i < MAX_OPERATION_LABELS; i++) expect(metrics.operationLabel(`Op${i}`)).toBe(`Op${i}`);
    expect(metrics.operationLabel('OneTooMany')).toBe(OTHER_OPERATION);
    expect(metrics.operationLabel('Op7')).toBe('Op7');
  });

  it('keeps each runtime in a registry of its own', async () => {
    const config = loadConfig({});
    const [a, b] = [createRuntime(config, { logger: createLogger('silent') }), createRuntime(config, { logger: createLogger('silent') })];
    a.metrics.countError('NOT_FOUND');
    a.events.emit('exportFinished', { source: 'list', rows: 7 });
    const textA = parsePrometheus((await a.metrics.text()).body);
    const textB = parsePrometheus((await b.metrics.text()).body);
    expect(valueOf(textA, 'cashflow_errors_total', { code: 'NOT_FOUND' })).toBe(1);
    expect(valueOf(textA, 'cashflow_export_rows_total', { source: 'list', outcome: 'finished' })).toBe(7);
    expect(valueOf(textB, 'cashflow_errors_total', { code: 'NOT_FOUND' })).toBe(0);
    expect(valueOf(textB, 'cashflow_export_rows_total', { source: 'list', outcome: 'finished' })).toBe(0);
  });

  it('counts an error code it does not know as OTHER, never a made-up label', () => {
    const metrics = new GatewayMetrics(new GatewayEvents());
    metrics.countError('not a code');
    metrics.countError(undefined);
    return metrics.text().then(({ body }) => {
      const m = parsePrometheus(body);
      expect(valueOf(m, 'cashflow_errors_total', { code: 'OTHER' })).toBe(1);
      expect(valueOf(m, 'cashflow_errors_total', { code: 'INTERNAL_SERVER_ERROR' })).toBe(1);
    });
  });
});

describe('statementKind', () => {
  it("names a statement by its first keyword, through MariaDB's SET STATEMENT", () => {
    expect(statementKind('SELECT 1')).toBe('select');
    expect(statementKind('  with x as (select 1) select * from x')).toBe('select');
    expect(statementKind('SET STATEMENT max_statement_time=15.000 FOR SELECT a FROM b')).toBe('select');
    expect(statementKind('(SELECT 1) UNION (SELECT 2)')).toBe('select');
    expect(statementKind('INSERT INTO t VALUES (1)')).toBe('insert');
    expect(statementKind('UPDATE t SET a = 1')).toBe('update');
    expect(statementKind('DELETE FROM t')).toBe('delete');
    expect(statementKind('START TRANSACTION')).toBe('transaction');
    expect(statementKind('COMMIT')).toBe('transaction');
    expect(statementKind('PRAGMA foreign_keys')).toBe('other');
  });
});

describe('configuration of logs and metrics', () => {
  it('reads LOG_LEVEL, LOG_SQL and METRICS_PORT', () => {
    expect(loadConfig({})).toMatchObject({ logLevel: 'info', logSql: false, metricsPort: undefined });
    expect(loadConfig({ LOG_LEVEL: 'debug', LOG_SQL: 'true', METRICS_PORT: '9464' })).toMatchObject({
      logLevel: 'debug',
      logSql: true,
      metricsPort: 9464,
    });
  });

  it('refuses a LOG_LEVEL pino does not know and a METRICS_PORT that is no port', () => {
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL must be one of silent, fatal, error, warn, info, debug, trace/);
    expect(() => loadConfig({ METRICS_PORT: '70000' })).toThrow(/TCP port/);
    expect(() => loadConfig({ METRICS_PORT: 'abc' })).toThrow(/METRICS_PORT must be a TCP port/);
  });
});
