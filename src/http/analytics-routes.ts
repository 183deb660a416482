import express, { NextFunction, Request, Response, Router } from 'express';
import { authenticated, requestContextOf } from './auth';
import { allowMethods, jsonBodyOnly } from './errors';
import { requestLog } from './observability';
import { requireScope } from '../context/require-scope';
import { divisionsParameter, scopeForDivisions } from '../context/partition-selection';
import { describeCatalog } from '../catalog/describe';
import { Runtime } from '../platform/runtime';
import { Database } from '../db/data-source';
import { isStatementCancelled } from '../db/statement-context';
import { ExportRule, exportError } from '../modules/exports/export.errors';
import { ExportService, ExportSource, exportSourceKind } from '../modules/exports/export.service';
import { CONTENT_TYPE, ExportFormat } from '../modules/exports/formats';
import { answerFormat, bodyInput, queryInput } from './request-input';
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

  router
    .route('/catalog')
    .get(auth, async (req, res, next) => {
      try {
        res.json({ tables: describeCatalog(queryInput(req, ['table']).table) });
      } catch (error) {
        next(error);
      }
    })
    .all(allowMethods('GET', 'HEAD'));

  router
    .route('/sql')
    .post(auth, jsonBodyOnly, json, async (req, res, next) => {
      try {
        const ctx = requestContextOf(res);
        requireScope(ctx, 'analytics');
        const { format: formatParam } = queryInput(req, ['format'], invalid);
        const body = bodyInput(req, ['query', 'parameters', 'divisions', 'format'], invalid);
        // An empty query is the SQL layer's to refuse, with the words GraphQL's `sql` gets.
        const query = typeof body.query === 'string' ? body.query : stringField(body.query, 'query');
        const scope = scopeForDivisions(ctx, divisionsParameter(body.divisions));
        const format = answerFormat(req, body.format ?? formatParam, ['json', 'csv', 'ndjson'], badFormat);
        const result = await new SqlService(scope, config).run(query, objectField(body.parameters));
        if (format !== 'json') {
          // Same bounded result as JSON, written line by line in the format asked for.
          const data = {
            columns: result.columns,
            rows: (async function* () {
              yield* result.rows;
            })(),
          };
          res.status(200).type(CONTENT_TYPE[format]);
          await writeExport(res, format, data, { source: 'sql', events: runtime.events });
          res.end();
          return;
        }
        res.json({
          columns: result.columns.map((c) => ({ name: c.name, type: typeName(c.type) })),
          rows: result.rows,
          rowCount: result.rows.length,
        });
      } catch (error) {
        next(error);
      }
    })
    .all(allowMethods('POST'));

  const exportHandler = async (req: Request, res: Response, next: NextFunction) => {
    try {
      const ctx = requestContextOf(res);
      requireScope(ctx, 'analytics');
      const fields = ['sql', 'graphql', 'list', 'parameters', 'variables', 'divisions', 'format'];
      const input =
        req.method === 'POST'
          ? { ...queryInput(req, ['format'], invalid), ...bodyInput(req, fields, invalid) }
          : queryInput(req, fields, invalid);
      const source = exportSource(input);
      const data = new ExportService(scopeForDivisions(ctx, divisionsParameter(input.divisions)), config).open(source, ctx);
      // After open, which checks the query: a bad query is named before a bad format.
      const format = answerFormat(req, input.format, ['csv', 'ndjson'], badFormat) as ExportFormat;
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
        if (!closed && !isStatementCancelled(error)) {
          requestLog(res, runtime.logger).error({ err: error, route: '/export' }, 'export failed after the response began');
        }
        res.destroy();
      }
    } catch (error) {
      next(error);
    }
  };
  router
    .route('/export')
    .get(auth, exportHandler)
    .post(auth, jsonBodyOnly, json, exportHandler)
    .all(allowMethods('GET', 'HEAD', 'POST'));
  return router;
}

function exportSource(input: Record<string, unknown>): ExportSource {
  const kind = exportSourceKind(input);
  if (kind === 'sql') return { kind, query: stringField(input.sql, 'sql'), parameters: objectField(input.parameters) };
  if (kind === 'graphql') {
    return { kind, query: stringField(input.graphql, 'graphql'), variables: objectField(input.variables, 'variables') };
  }
  return { kind, list: stringField(input.list, 'list') };
}

/** A request value of the wrong shape, or a `format` or `Accept` the route does not answer in. */
const invalid = (field: string, why: string) => exportError(ExportRule.INVALID_VALUE, field, why);
const badFormat = (field: string, why: string) => exportError(ExportRule.INVALID_FORMAT, field, why);

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
