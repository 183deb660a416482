/**
 * EPC QR code (EPC069-12, "SEPA QR"): payload text, SVG and PNG. Pure functions, no database.
 * (Interface fixed here; the encoder is being built.)
 */
export interface EpcQrInput {
  /** '002' makes the BIC optional inside the EEA; '001' requires it. */
  version?: '001' | '002';
  bic?: string | null;
  beneficiaryName: string;
  iban: string;
  /** Exact decimal text in EUR, 0.01 to 999999999.99. */
  amount: string;
  purpose?: string | null;
  /** Structured reference (at most 35) or unstructured text (at most 140), never both. */
  structuredReference?: string | null;
  text?: string | null;
  information?: string | null;
}

export function epcPayload(_input: EpcQrInput): string {
  throw new Error('epcPayload is not implemented yet');
}

export async function epcSvg(_payload: string): Promise<string> {
  throw new Error('epcSvg is not implemented yet');
}

export async function epcPng(_payload: string): Promise<Buffer> {
  throw new Error('epcPng is not implemented yet');
}
