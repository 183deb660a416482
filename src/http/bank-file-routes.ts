import express, { Request, Response, Router } from 'express';
import { authenticated, requestContextOf } from './auth';
import { allowMethods } from './errors';
import { queryInput } from './request-input';
import { Runtime } from '../platform/runtime';
import { canonicalGuid, isGuid } from '../platform/guid';
import { Database } from '../db/data-source';
import { DocumentAttachment } from '../modules/documents/document-attachment.entity';
import { batchFile, documentAttachment } from '../modules/batches/bank-file.service';
import { BatchRule, batchError } from '../modules/batches/batch.errors';

/**
 * File downloads over HTTP, with the same checks as GraphQL's `paymentBatch.file`:
 *   GET /batches/:id/file
 *   GET /documents/:documentId/attachments/:attachmentId
 * Errors (a thrown GatewayError, anything else) go to the app's error middleware (errors.ts).
 */
export function bankFileRoutes(db: Database, runtime: Runtime): Router {
  const router = express.Router();
  const auth = authenticated(db, runtime);
  // The batch is named `id` in errors, as the argument of paymentBatch(id) { file } is.
  router
    .route('/batches/:id/file')
    .get(auth, async (req, res) => send(res, await batchFile(requestContextOf(res), uuidParam(req, 'id'))))
    .all(allowMethods('GET', 'HEAD'));
  router
    .route('/documents/:documentId/attachments/:attachmentId')
    .get(auth, async (req, res) =>
      send(res, await documentAttachment(requestContextOf(res), uuidParam(req, 'documentId'), uuidParam(req, 'attachmentId'))),
    )
    .all(allowMethods('GET', 'HEAD'));
  return router;
}

const invalid = (field: string, why: string) => batchError(BatchRule.INVALID_VALUE, field, why);

/**
 * A GUID path parameter in its canonical form (lower case), as GUIDs are stored. A download
 * takes no query parameters: one given is refused rather than ignored.
 */
function uuidParam(req: Request, name: string): string {
  queryInput(req, [], invalid);
  const value: unknown = String(req.params[name]);
  if (!isGuid(value)) throw invalid(name, `must be a UUID, got ${JSON.stringify(String(req.params[name]).slice(0, 40))}`);
  return canonicalGuid(value);
}

function send(res: Response, file: DocumentAttachment): void {
  res.setHeader('content-type', file.mediaType);
  res.setHeader('content-disposition', `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`);
  res.setHeader('cache-control', 'private, no-store');
  res.send(Buffer.from(file.attachment));
}
