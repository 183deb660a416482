import express, { Request, Response, Router } from 'express';
import { authenticated, requestContextOf } from './auth';
import { allowMethods } from './errors';
import { Runtime } from '../platform/runtime';
import { canonicalGuid, isGuid } from '../platform/guid';
import { Database } from '../db/data-source';
import { DocumentAttachment } from '../modules/documents/document-attachment.entity';
import { batchFile, documentAttachment } from '../modules/batches/bank-file.service';
import { BatchRule, batchError } from '../modules/batches/batch.errors';

/**
 * File downloads over HTTP, with the same checks as GraphQL's `paymentBatch.file`:
 *   GET /batches/:batchId/file
 *   GET /documents/:documentId/attachments/:attachmentId
 * Errors (a thrown GatewayError, anything else) go to the app's error middleware (errors.ts).
 */
export function bankFileRoutes(db: Database, runtime: Runtime): Router {
  const router = express.Router();
  const auth = authenticated(db, runtime);
  router
    .route('/batches/:batchId/file')
    .get(auth, async (req, res) => send(res, await batchFile(requestContextOf(res), uuidParam(req, 'batchId'))))
    .all(allowMethods('GET', 'HEAD'));
  router
    .route('/documents/:documentId/attachments/:attachmentId')
    .get(auth, async (req, res) =>
      send(res, await documentAttachment(requestContextOf(res), uuidParam(req, 'documentId'), uuidParam(req, 'attachmentId'))),
    )
    .all(allowMethods('GET', 'HEAD'));
  return router;
}

/** A GUID path parameter in its canonical form (lower case), as GUIDs are stored. */
function uuidParam(req: Request, name: string): string {
  const value = String(req.params[name]);
  if (!isGuid(value)) throw batchError(BatchRule.INVALID_VALUE, name, 'must be a UUID');
  return canonicalGuid(value);
}

function send(res: Response, file: DocumentAttachment): void {
  res.setHeader('content-type', file.mediaType);
  res.setHeader('content-disposition', `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`);
  res.setHeader('cache-control', 'private, no-store');
  res.send(Buffer.from(file.attachment));
}
