import { Dec } from '../platform/decimal';
import { PaymentBatch } from '../modules/batches/payment-batch.entity';
import { DocumentAttachment } from '../modules/documents/document-attachment.entity';
import { Document } from '../modules/documents/document.entity';
import { PaymentSource, PaymentStatus } from '../catalog/codes';
import { DAY_MS as DAY } from '../platform/dates';
import { amountToPay } from '../modules/open-items/amount-to-pay';
import { Payment } from '../modules/payments/payment.entity';
import { User } from '../modules/users/user.entity';
import { Random } from './random';
import { DivisionSet, notAfter } from './demo-data';

export interface BatchRows {
  batch: PaymentBatch;
  document: Document;
  attachment: DocumentAttachment;
}

export type DemoBankFile = (batch: PaymentBatch, payments: Payment[], set: DivisionSet) => Buffer;

/** Largest demo bank file, in payments. */
export const MAX_PAYMENTS_PER_BATCH = 500;

/**
 * Groups a division's processed and matched payments into batches (one per execution week,
 * split into files of at most MAX_PAYMENTS_PER_BATCH), as processing would have: batch code,
 * sequence number per payment, document with the file.
 */
export function demoBatches(
  set: DivisionSet,
  payments: Payment[],
  users: User[],
  random: Random,
  firstDocumentNumber: number,
  bankFile: DemoBankFile,
  today: Date,
): BatchRows[] {
  const processed = payments.filter(
    (p) => p.status >= PaymentStatus.PROCESSED && p.currency === 'EUR' && p.divisionCode === set.division.code,
  );
  const byWeek = new Map<number, Payment[]>();
  for (const p of processed) {
    const week = Math.floor(p.dueDate.getTime() / (7 * DAY));
    const members = byWeek.get(week);
    if (members) members.push(p);
    else byWeek.set(week, [p]);
  }
  // A week's run is split into files of at most MAX_PAYMENTS_PER_BATCH payments, as banks
  // limit file sizes (and a million seeded payments would otherwise make 30 MB files).
  const runs: [number, Payment[]][] = [];
  for (const [week, members] of [...byWeek.entries()].sort((a, b) => a[0] - b[0])) {
    for (let i = 0; i < members.length; i += MAX_PAYMENTS_PER_BATCH) runs.push([week, members.slice(i, i + MAX_PAYMENTS_PER_BATCH)]);
  }
  const out: BatchRows[] = [];
  let number = firstDocumentNumber;
  for (const [week, members] of runs) {
    // The requested execution date may lie ahead (processed early for a later due date); the
    // processing itself (batch, document, file) happened by today at the latest.
    const executionDate = new Date(week * 7 * DAY);
    const processedAt = notAfter(executionDate, today);
    const code = `B${set.division.code}-${String(out.length + 1).padStart(5, '0')}`;
    const creator = random.pick(users);
    const by = { creatorID: creator.id, modifierID: creator.id, divisionCode: set.division.code };
    const audit = { created: processedAt, modified: processedAt, ...by };
    const document = Object.assign(new Document(), {
      id: random.uuid(),
      documentNumber: number++,
      subject: `Betaalbestand ${code}`,
      type: 10,
      ...audit,
    });
    const total = members.reduce((s, p) => s.plus(amountToPay(p, executionDate)), new Dec(0));
    const batch = Object.assign(new PaymentBatch(), {
      id: random.uuid(),
      cashflowTransactionBatchCode: code,
      bankAccountID: set.ownBanks[0].id,
      executionDate,
      fileFormat: 'pain.001.001.03',
      batchBooking: true,
      documentID: document.id,
      paymentCount: members.length,
      totalAmountDC: total.toFixed(2),
      currency: 'EUR',
      ...audit,
    });
    members.forEach((p, i) => {
      p.cashflowTransactionBatchCode = code;
      p.paymentBatchNumber = i + 1;
      p.documentID = document.id;
      p.isBatchBooking = 1;
    });
    const bytes = bankFile(batch, members, set);
    const attachment = Object.assign(new DocumentAttachment(), {
      id: random.uuid(),
      divisionCode: set.division.code,
      documentID: document.id,
      fileName: `${code}.xml`,
      mediaType: 'application/xml',
      fileSize: bytes.length,
      attachment: bytes,
      created: processedAt,
    });
    out.push({ batch, document, attachment });
  }
  // Processed payments that are not EUR could not have gone through SEPA: they stay selected.
  for (const p of payments)
    if (p.status >= PaymentStatus.PROCESSED && !p.cashflowTransactionBatchCode) {
      p.status = PaymentStatus.SELECTED;
      p.source = PaymentSource.MANUAL;
      p.endDate = null;
      p.endPeriod = null;
      p.endYear = null;
    }
  return out;
}
