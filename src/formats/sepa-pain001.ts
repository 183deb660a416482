/**
 * SEPA credit transfer initiation (ISO 20022 pain.001.001.03 and .09): a pure function from a
 * payment run to XML. No database. (Interface fixed here; the writer is being built.)
 */
export type Pain001Version = 'pain.001.001.03' | 'pain.001.001.09';

export interface Pain001Transfer {
  /** EndToEndId, at most 35 characters of the SEPA set. */
  endToEndId: string;
  /** Exact decimal text with 2 decimals, already net of any discount. */
  amount: string;
  currency: 'EUR';
  creditorName: string;
  creditorIban: string;
  creditorBic?: string | null;
  /** Structured creditor reference (Belgian OGM or ISO 11649 RF) or null. */
  structuredReference?: string | null;
  /** Unstructured remittance information (at most 140). */
  remittanceText?: string | null;
}

export interface Pain001Input {
  version: Pain001Version;
  messageId: string;
  createdAt: Date;
  initiatingPartyName: string;
  debtorName: string;
  debtorIban: string;
  debtorBic?: string | null;
  /** Requested execution date (date part used). */
  executionDate: Date;
  batchBooking: boolean;
  /** PmtInfId, at most 35 characters. */
  paymentInformationId: string;
  transfers: Pain001Transfer[];
}

export interface Pain001Result {
  xml: string;
  numberOfTransactions: number;
  /** Exact decimal text of the control sum. */
  controlSum: string;
}

export function buildPain001(_input: Pain001Input): Pain001Result {
  throw new Error('buildPain001 is not implemented yet');
}
