import express, { Request, Response, Router } from 'express';
import { authenticated, requestContextOf, sendGatewayError } from './auth';
import { GatewayError } from '../platform/errors';
import { lockConflictError } from '../platform/retry';
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
 */
export function bankFileRoutes(db: Database, runtime: Runtime): Router {
  const router = express.Router();
  const auth = authenticated(db, runtime);
  router.get('/batches/:batchId/file', auth, (req, res) => answer(res, () => batchFile(requestContextOf(res), uuidParam(req, 'batchId'))));
  router.get('/documents/:documentId/attachments/:attachmentId', auth, (req, res) =>
    answer(res, () => documentAttachment(requestContextOf(res), uuidParam(req, 'documentId'), uuidParam(req, 'attachmentId'))),
  );
  return router;
}

/** A GUID path parameter in its canonical form (lower case), as GUIDs are stored. */
function uuidParam(req: Request, name: string): string {
  const value = String(req.params[name]);
  if (!isGuid(value)) throw batchError(BatchRule.INVALID_VALUE, name, 'must be a UUID');
  return canonicalGuid(value);
}

async function answer(res: Response, load: () => Promise<DocumentAttachment>): Promise<void> {
  try {
    const file = await load();
    res.setHeader('content-type', file.mediaType);
    res.setHeader('content-disposition', `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`);
    res.setHeader('cache-control', 'private, no-store');
    res.send(Buffer.from(file.attachment));
  } catch (error) {
    if (error instanceof GatewayError) return sendGatewayError(res, error);
    const conflict = lockConflictError(error);
    if (conflict) return sendGatewayError(res, conflict);
    console.error('[internal error]', error);
    res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  }
}
