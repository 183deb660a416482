import { requireScope } from '../../context/require-scope';
import type { RequestContext } from '../../context/request-context';
import { DocumentAttachment } from '../documents/document-attachment.entity';
import { BatchRule, batchError } from './batch.errors';
import { PaymentBatch } from './payment-batch.entity';

/**
 * Reading bank files back, for GraphQL (`paymentBatch.file`) and HTTP downloads alike: the same
 * scope check (payments:process: the file lists every creditor's IBAN) and the same division
 * check (rows are read through the request's DivisionScope, so another division's file is
 * NOT_FOUND, exactly like a missing one).
 */
export const BANK_FILE_SCOPE = 'payments:process' as const;

export async function batchFile(ctx: RequestContext, batchId: string): Promise<DocumentAttachment> {
  requireScope(ctx, BANK_FILE_SCOPE);
  const batch = await ctx.scope.select(PaymentBatch, 'b').where('b.id = :batchId', { batchId }).getOne();
  if (!batch || !batch.documentID) throw missing('PaymentBatch', batchId, 'id');
  const file = await ctx.scope
    .select(DocumentAttachment, 'a')
    .where('a.documentID = :document AND a.divisionCode = :division', { document: batch.documentID, division: batch.divisionCode })
    .orderBy('a.created', 'ASC')
    .getOne();
  if (!file) throw missing('Bank file of payment batch', batchId, 'id');
  return file;
}

export async function documentAttachment(ctx: RequestContext, documentId: string, attachmentId: string): Promise<DocumentAttachment> {
  requireScope(ctx, BANK_FILE_SCOPE);
  const file = await ctx.scope
    .select(DocumentAttachment, 'a')
    .where('a.id = :attachmentId AND a.documentID = :documentId', { attachmentId, documentId })
    .getOne();
  if (!file) throw missing('DocumentAttachment', attachmentId, 'attachmentId');
  return file;
}

/** Where a client downloads an attachment over HTTP (relative to the gateway). */
export function downloadPath(file: Pick<DocumentAttachment, 'documentID' | 'id'>): string {
  return `/documents/${file.documentID}/attachments/${file.id}`;
}

/** NOT_FOUND naming the argument (`id` of paymentBatch(id) and GET /batches/{id}/file alike). */
function missing(what: string, id: string, field: string) {
  return batchError(BatchRule.NOT_FOUND, field, `${what} ${id} was not found`, { id });
}
