import Busboy from '@fastify/busboy';
import express, { Request, Router } from 'express';
import { authenticated, requestContextOf } from './auth';
import { allowMethods } from './errors';
import { queryInput } from './request-input';
import { requireScope } from '../context/require-scope';
import { divisionsParameter, scopeForDivisions } from '../context/partition-selection';
import { Database } from '../db/data-source';
import { Runtime } from '../platform/runtime';
import { fileTooLarge, formatNamed, MAX_HTTP_FILE_BYTES } from '../modules/statement-import/import-files';
import { importError, StatementImportRule } from '../modules/statement-import/statement-import.errors';
import { StatementImportService } from '../modules/statement-import/statement-import.service';
import { MAX_IMPORT_FILES, StatementFileInput } from '../modules/statement-import/statement-import.types';

/**
 * `POST /statements`: the bank statement import over HTTP (scope statements:import), answering
 * the import summary as JSON (200 also when a file was refused: the summary says why).
 *
 * - the file as the raw body (any content type but multipart; `fileName` and `format` as query
 *   parameters), or
 * - `multipart/form-data` with one or more file parts (each part's file name is kept; the format
 *   is detected per file unless `format` is given).
 *
 * Query parameters: `acceptGap=true` (store statements that leave a gap, reporting it),
 * `format=coda|camt053|mt940`, `fileName=...` (raw body), `divisions=1,2` (import only into these
 * of the caller's divisions). A file over MAX_HTTP_FILE_BYTES is PAYLOAD_TOO_LARGE stating the
 * limit; errors are JSON like every route's (errors.ts).
 */
export function statementRoutes(db: Database, runtime: Runtime): Router {
  const router = express.Router();
  const raw = express.raw({ type: () => true, limit: MAX_HTTP_FILE_BYTES });
  router
    .route('/statements')
    .post(authenticated(db, runtime), async (req, res, next) => {
      try {
        const ctx = requestContextOf(res);
        requireScope(ctx, 'statements:import');
        const query = queryInput(req, ['acceptGap', 'format', 'fileName', 'divisions'], invalid);
        const scope = scopeForDivisions(ctx, divisionsParameter(query.divisions));
        const acceptGap = booleanParameter(query.acceptGap, 'acceptGap');
        const format = formatNamed(query.format, 'format');
        let files: StatementFileInput[];
        if (req.is('multipart/form-data')) {
          if (query.fileName !== undefined) throw invalid('fileName', 'is for a raw body; multipart parts carry their own file names');
          files = (await multipartFiles(req)).map((f) => ({ ...f, format }));
        } else {
          await new Promise<void>((resolve, reject) => raw(req, res, (error?: unknown) => (error ? reject(error) : resolve())));
          const body: unknown = req.body;
          files = [{ content: Buffer.isBuffer(body) ? body : Buffer.alloc(0), fileName: query.fileName, format }];
        }
        const summary = await new StatementImportService(scope, ctx.principal, runtime.events).import(files, { acceptGap });
        res.json(summary);
      } catch (error) {
        next(error);
      }
    })
    .all(allowMethods('POST'));
  return router;
}

const invalid = (field: string, why: string) => importError(StatementImportRule.INVALID_VALUE, field, why);

function booleanParameter(value: string | undefined, field: string): boolean {
  if (value === undefined || value === 'false') return false;
  if (value === 'true' || value === '') return true;
  throw invalid(field, `must be true or false, not ${JSON.stringify(value.slice(0, 20))}`);
}

/**
 * The file parts of a multipart/form-data body (busboy), each at most MAX_HTTP_FILE_BYTES and at
 * most MAX_IMPORT_FILES of them; a text field is refused (options are query parameters).
 */
function multipartFiles(req: Request): Promise<StatementFileInput[]> {
  return new Promise((resolve, reject) => {
    const files: StatementFileInput[] = [];
    const pending: Promise<void>[] = [];
    let failed: Error | undefined;
    const fail = (error: Error) => {
      failed ??= error;
      req.unpipe(parser);
      req.resume();
      reject(failed);
    };
    let parser: ReturnType<typeof Busboy>;
    try {
      parser = Busboy({
        headers: req.headers as { 'content-type': string },
        limits: { fileSize: MAX_HTTP_FILE_BYTES, files: MAX_IMPORT_FILES, fields: 10 },
      });
    } catch (error) {
      reject(invalid('body', `is not multipart/form-data: ${(error as Error).message}`));
      return;
    }
    parser.on('file', (_field, stream, fileName) => {
      const index = files.length;
      const file: StatementFileInput = { content: Buffer.alloc(0), fileName };
      files.push(file);
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => fail(fileTooLarge(`files[${index}]`, MAX_HTTP_FILE_BYTES)));
      pending.push(
        new Promise<void>((done) =>
          stream.on('end', () => {
            file.content = Buffer.concat(chunks);
            done();
          }),
        ),
      );
    });
    parser.on('field', (name) =>
      fail(invalid(name, 'is not a field of POST /statements: send files as parts, options as query parameters')),
    );
    parser.on('filesLimit', () =>
      fail(importError(StatementImportRule.TOO_MANY_FILES, 'files', `at most ${MAX_IMPORT_FILES} files per import`)),
    );
    parser.on('error', (error) => fail(invalid('body', `is not valid multipart/form-data: ${(error as Error).message}`)));
    parser.on('finish', () => {
      void Promise.all(pending).then(() => (failed ? undefined : resolve(files)));
    });
    req.pipe(parser);
  });
}
