import { formatBelgianReference, parseBelgianReference, parseCreditorReference } from '../../formats/structured-reference';

/**
 * Rule 1 of automatic matching (issue 13): exact references. What a bank line carries that names
 * one open item or one payment batch exactly. Only references whose check digits verify are keys
 * (formats/structured-reference.ts): a structured communication typed wrong is never used.
 */

/** The text fields of a bank line the rules read (BankEntryLines columns, entity field names). */
export interface LineText {
  paymentReference: string | null;
  remittanceInformation: string | null;
  description: string | null;
  endToEndID: string | null;
}

/** Valid structured references of a line: Belgian ones as stored on receivables (`+++ddd/dddd/ddddd+++`), RF in electronic form. */
export interface LineReferences {
  belgian: string[];
  creditor: string[];
}

/** `+++ddd/dddd/ddddd+++` or `***...***` with spaces anywhere, as people and banks write it in free text. */
const FRAMED_OGM = /(\+{3}|\*{3})\s*(\d{3})\s*\/?\s*(\d{4})\s*\/?\s*(\d{5})\s*(\+{3}|\*{3})/g;
/** Twelve digits on their own (CODA and CAMT carry the communication as bare digits). */
const BARE_OGM = /(?<!\d)\d{12}(?!\d)/g;
/** RF, two check digits, then up to 21 letters or digits, optionally in groups of four. */
const RF_TEXT = /\bRF\d{2}(?:\s?[A-Z0-9]{1,4}){1,6}\b/gi;

/**
 * The valid structured references of a line: its structured reference column first, then the
 * free text (remittance information, description). Wrong check digits give nothing.
 */
export function lineReferences(line: LineText): LineReferences {
  const belgian = new Set<string>();
  const creditor = new Set<string>();
  for (const text of [line.paymentReference, line.remittanceInformation, line.description]) {
    if (!text) continue;
    for (const m of text.matchAll(FRAMED_OGM)) addBelgian(belgian, m[2] + m[3] + m[4]);
    for (const m of text.matchAll(BARE_OGM)) addBelgian(belgian, m[0]);
    for (const m of text.matchAll(RF_TEXT)) {
      const rf = parseCreditorReference(m[0]);
      if (rf) creditor.add(rf);
    }
  }
  return { belgian: [...belgian], creditor: [...creditor] };
}

function addBelgian(into: Set<string>, digits: string): void {
  if (parseBelgianReference(digits)) into.add(formatBelgianReference(digits));
}

/** What an EndToEndId written by the gateway points at (see `endToEndKey`). */
export type EndToEndKey = { kind: 'payment'; paymentID: string } | { kind: 'batchSequence'; batchCode: string; sequence: number };

/**
 * The payment an EndToEndId names, in the two forms the gateway writes into pain.001 files: the
 * payment's ID without dashes (the payment run, batches/payment-run.service.ts) and
 * `{CashflowTransactionBatchCode}-{PaymentBatchNumber}` (the demo bank files). Null for anything
 * else, including `NOTPROVIDED`.
 */
export function endToEndKey(endToEndID: string | null): EndToEndKey | null {
  const e2e = endToEndID?.trim();
  if (!e2e) return null;
  if (/^[0-9a-f]{32}$/i.test(e2e)) {
    const h = e2e.toLowerCase();
    return { kind: 'payment', paymentID: `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}` };
  }
  const m = /^(.{1,30})-(\d{1,9})$/.exec(e2e);
  return m ? { kind: 'batchSequence', batchCode: m[1], sequence: Number(m[2]) } : null;
}

/** Batch codes a line's texts could name (a PmtInfId `{code}-1` or the code itself), for the batch rule. */
export function batchCodeCandidates(line: LineText): string[] {
  const out = new Set<string>();
  // Not the EndToEndId: it names one payment of a batch (endToEndKey), never the whole batch.
  for (const text of [line.remittanceInformation, line.description, line.paymentReference]) {
    if (!text) continue;
    for (const token of text.split(/[\s,;/]+/)) {
      const t = token.trim();
      if (t.length < 3 || t.length > 35) continue;
      out.add(t);
      const m = /^(.+)-\d{1,9}$/.exec(t);
      if (m) out.add(m[1]);
    }
  }
  return [...out];
}

/**
 * Numbers a line's free text mentions that could be invoice numbers (3 to 10 digits, not part of
 * a structured communication, an IBAN or a longer number), and tokens that could be a your-ref
 * (letters and digits, 4 to 30 characters, upper case). For the "invoice numbers or your-refs
 * found in the free text" rule.
 */
export function textTokens(line: LineText): { numbers: number[]; words: string[] } {
  const text = [line.remittanceInformation, line.description].filter(Boolean).join(' ').replace(FRAMED_OGM, ' ').replace(RF_TEXT, ' ');
  const numbers = new Set<number>();
  const words = new Set<string>();
  for (const token of text.toUpperCase().split(/[^A-Z0-9\-_.]+/)) {
    if (/^\d{3,10}$/.test(token)) numbers.add(Number(token));
    if (token.length >= 4 && token.length <= 30 && /\d/.test(token)) words.add(token);
  }
  return { numbers: [...numbers], words: [...words] };
}
