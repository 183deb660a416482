import express, { NextFunction, Request, Response, Router } from 'express';
import { authenticated, requestContextOf } from './auth';
import { allowMethods, jsonBodyOnly } from './errors';
import { requestLog } from './observability';
import { requireScope } from '../context/require-scope';
import { divisionsParameter, scopeForDivisions } from '../context/partition-selection';
import { describeCatalog } from '../catalog/describe';
import { Runtime } from '../platform/runtime';
import { Database } from '../db/data-source';
import { ExportRule, exportError } from '../modules/exports/export.errors';
import { ExportService, ExportSource } from '../modules/exports/export.service';
import { CONTENT_TYPE, ExportFormat, formatFrom } from '../modules/exports/formats';
import { writeExport } from '../modules/exports/write-export';
import { SqlService } from '../sql/sql.service';
import { typeName } from '../sql/types';

/**
 * The HTTP side of the analytics features: GET /catalog (JSON), POST /sql (JSON, CSV or NDJSON
 * by Accept) and GET/POST /export (streamed CSV or NDJSON). Same authentication (401 without
 * credentials), X-Cashflow-Divisions selection, scopes and division scope as /graphql; errors
 * go to the app's error middleware (errors.ts), which answers the same body as there:
 * `{errors: [{message, extensions: {code, requestId, ...}}]}`.
 */
export function analyticsRoutes(db: Database, runtime: Runtime): Router {
  const { config } = runtime;
  const router = Router();
  const json = express.json({ limit: '1mb' });
  const auth = authenticated(db, runtime);

  router.route('/catalog').get(auth, async (req, res, next) => {
    try {
      const table = typeof req.query.table === 'string' ? req.query.table : undefined;
      res.json({ tables: describeCatalog(table) });
    } catch (error) {
      next(error);
    }
  }).all(allowMethods('GET', 'HEAD'));

  router.route('/sql').post(auth, jsonBodyOnly, json, async (req, res, next) => {
    try {
      const ctx = requestContextOf(res);
      requireScope(ctx, 'analytics');
      const body = (req.body ?? {}) as Record<string, unknown>;
      const query = stringField(body.query, 'query');
      const scope = scopeForDivisions(ctx, divisionsParameter(body.divisions));
      const format = formatFrom(body.format ?? req.query.format, req.headers.accept);
      if (format) {
        // Same bounded result as JSON, written line by line in the format asked for.
        const result = await new SqlService(scope, config).run(query, objectField(body.parameters));
        const data = { columns: result.columns, rows: (async function* () { yield* result.rows; })() };
        res.status(200).type(CONTENT_TYPE[format]);
        await writeExport(res, format, data, { source: 'sql', events: runtime.events });
        res.end();
        return;
      }
      const result = await new SqlService(scope, config).run(query, objectField(body.parameters));
      res.json({ columns: result.columns.map((c) => ({ name: c.name, type: typeName(c.type) })), rows: result.rows, rowCount: result.rows.length });
    } catch (error) {
      next(error);
    }
  }).all(allowMethods('POST'));

  const exportHandler = async (req: Request, res: Response, next: NextFunction) => {
    try {
      const ctx = requestContextOf(res);
      requireScope(ctx, 'analytics');
      const input = (req.method === 'POST' ? req.body ?? {} : req.query) as Record<string, unknown>;
      const source = exportSource(input);
      const format: ExportFormat = formatFrom(input.format, req.headers.accept) ?? (input.format ? invalidFormat(input.format) : 'csv');
      const data = new ExportService(scopeForDivisions(ctx, divisionsParameter(input.divisions)), config).open(source, ctx);
      // Read the first row before answering, so a refused or failing query still gets its
      // status code; from then on rows stream as the driver reads them.
      const first = await data.rows.next();
      res.status(200);
      res.setHeader('content-type', CONTENT_TYPE[format]);
      res.setHeader('content-disposition', `attachment; filename="export.${format === 'csv' ? 'csv' : 'ndjson'}"`);
      res.setHeader('x-export-columns', String(data.columns.length));
      res.flushHeaders();
      let closed = false;
      res.on('close', () => {
        closed = true;
      });
      try {
        await writeExport(res, format, data, { source: source.kind, events: runtime.events, first: first.done ? null : first.value });
        res.end();
      } catch (error) {
        // Headers are gone: cut the response so the client sees an incomplete transfer.
        if (!closed) requestLog(res, runtime.logger).error({ err: error, route: '/export' }, 'export failed after the response began');
        res.destroy();
      }
    } catch (error) {
      next(error);
    }
  };
  router.route('/export').get(auth, exportHandler).post(auth, jsonBodyOnly, json, exportHandler).all(allowMethods('GET', 'HEAD', 'POST'));
  return router;
}

function exportSource(input: Record<string, unknown>): ExportSource {
  const given = ['sql', 'graphql', 'list'].filter((k) => input[k] !== undefined);
  if (given.length > 1) {
    throw exportError(ExportRule.TOO_MANY_SOURCES, given[1], `give one of sql, graphql or list, not ${given.join(' and ')}`);
  }
  if (input.sql !== undefined) return { kind: 'sql', query: stringField(input.sql, 'sql'), parameters: objectField(input.parameters) };
  if (input.graphql !== undefined) return { kind: 'graphql', query: stringField(input.graphql, 'graphql'), variables: objectField(input.variables, 'variables') };
  if (input.list !== undefined) return { kind: 'list', list: stringField(input.list, 'list') };
  throw exportError(ExportRule.NO_SOURCE, 'sql', 'give a SQL query (sql), a GraphQL list query (graphql) or a list to export (list)');
}

function stringField(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw exportError(ExportRule.INVALID_VALUE, field, 'must be a non-empty string');
  return value;
}

function objectField(value: unknown, field = 'parameters'): Record<string, unknown> {
  if (value === undefined || value === null || value === '') return {};
  if (typeof value === 'string') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      throw exportError(ExportRule.INVALID_VALUE, field, 'must be a JSON object');
    }
    return objectField(parsed, field);
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw exportError(ExportRule.INVALID_VALUE, field, 'must be an object of named values');
  }
  return value as Record<string, unknown>;
}

function invalidFormat(format: unknown): never {
  throw exportError(ExportRule.INVALID_FORMAT, 'format', `must be csv or ndjson, not ${String(format)}`);
}
