import QRCode from 'qrcode';
import { Problems } from './format-error';
import { blank, checkBic, checkSepaAmount, checkSepaIban, Checked } from './sepa-checks';
import { parseStructuredReference } from './structured-reference';

export { FormatError } from './format-error';

/**
 * EPC QR code (EPC069-12, "SEPA QR"): payload text, SVG and PNG. Pure functions, no database.
 *
 * The payload is UTF-8 (character set 1), lines joined by LF, nothing after the last filled
 * field. A payment the code cannot carry (not EUR, no valid SEPA IBAN, amount out of range, ...)
 * is refused with a FormatError naming each field and why.
 */
export interface EpcQrInput {
  /** '002' makes the BIC optional inside the EEA; '001' requires it. Default '002'. */
  version?: '001' | '002';
  bic?: string | null;
  beneficiaryName: string;
  iban: string;
  /** Exact decimal text in EUR, 0.01 to 999999999.99. */
  amount: string;
  /** Currency of the amount when the caller has one; anything but EUR is refused. */
  currency?: string | null;
  /** ISO 20022 purpose code: 4 letters or digits (e.g. GDDS, CHAR). */
  purpose?: string | null;
  /**
   * Structured reference (at most 35) or unstructured text (at most 140), never both. A Belgian
   * structured communication is written as its 12 digits, an ISO 11649 reference without spaces.
   */
  structuredReference?: string | null;
  text?: string | null;
  /** Beneficiary to originator information (at most 70), shown to the payer. */
  information?: string | null;
}

/** Largest payload: what a version 13 QR code holds at error correction level M in byte mode. */
export const EPC_MAX_PAYLOAD_BYTES = 331;
const ERROR_CORRECTION = 'M' as const;

export function epcPayload(input: EpcQrInput): string {
  const problems = new Problems();
  const take = <T>(field: string, checked: Checked<T>): T | undefined => {
    if (checked.ok) return checked.value;
    problems.add(field, checked.reason);
    return undefined;
  };
  /** A free-text field: trimmed, no line breaks (LF separates the fields), at most `max` characters. */
  const text = (field: string, value: string | null | undefined, max: number, required = false): string => {
    if (blank(value)) {
      if (required) problems.add(field, 'is required');
      return '';
    }
    const v = value.trim();
    if (/[\r\n]/.test(v)) problems.add(field, 'must not contain a line break');
    const length = [...v].length;
    if (length > max) problems.add(field, `is ${length} characters long, at most ${max} are allowed`);
    return v;
  };

  const version = input.version ?? '002';
  if (version !== '001' && version !== '002') problems.add('version', `${JSON.stringify(version)} is not 001 or 002`);
  let bic = '';
  if (!blank(input.bic)) bic = take('bic', checkBic(input.bic)) ?? '';
  else if (version === '001') problems.add('bic', 'is required in version 001 of the EPC QR code');
  const name = text('beneficiaryName', input.beneficiaryName, 70, true);
  const iban = take('iban', checkSepaIban(input.iban)) ?? '';
  if (!blank(input.currency) && input.currency !== 'EUR')
    problems.add('currency', `${JSON.stringify(input.currency)} cannot be paid by SEPA credit transfer, only EUR can`);
  const amount = take('amount', checkSepaAmount(input.amount));
  let purpose = '';
  if (!blank(input.purpose)) {
    purpose = input.purpose.trim();
    if (!/^[A-Z0-9]{4}$/.test(purpose))
      problems.add('purpose', `${JSON.stringify(input.purpose)} is not a purpose code (4 capital letters or digits)`);
  }
  let reference = '';
  if (!blank(input.structuredReference)) {
    const parsed = parseStructuredReference(input.structuredReference);
    if (!parsed)
      problems.add(
        'structuredReference',
        `${JSON.stringify(input.structuredReference)} is neither a valid ISO 11649 creditor reference (RF..) ` +
          'nor a valid Belgian structured communication',
      );
    else reference = parsed.reference;
  }
  const remittance = text('text', input.text, 140);
  if (reference && remittance)
    problems.add('text', 'a structured reference and a text cannot both be given: the EPC QR code carries one of them');
  const information = text('information', input.information, 70);
  problems.throwIfAny();

  // decimal.js prints no trailing zeros: 12.30 -> EUR12.3, 5.00 -> EUR5.
  const fields = ['BCD', version, '1', 'SCT', bic, name, iban, `EUR${amount!.toFixed()}`, purpose, reference, remittance, information];
  while (fields[fields.length - 1] === '') fields.pop();
  const payload = fields.join('\n');
  const bytes = Buffer.byteLength(payload, 'utf8');
  if (bytes > EPC_MAX_PAYLOAD_BYTES) {
    problems.add(
      'information',
      `the payload is ${bytes} bytes in UTF-8, an EPC QR code holds at most ${EPC_MAX_PAYLOAD_BYTES}: ` +
        'shorten the name, text or information',
    );
    problems.throwIfAny();
  }
  return payload;
}

/** One byte-mode segment of the UTF-8 bytes, as the standard sizes the code (version 13-M max). */
function segments(payload: string): QRCode.QRCodeSegment[] {
  return [{ data: new Uint8ClampedArray(Buffer.from(payload, 'utf8')), mode: 'byte' }];
}

export async function epcSvg(payload: string): Promise<string> {
  return QRCode.toString(segments(payload), { type: 'svg', errorCorrectionLevel: ERROR_CORRECTION, margin: 4 });
}

export async function epcPng(payload: string): Promise<Buffer> {
  return QRCode.toBuffer(segments(payload), { type: 'png', errorCorrectionLevel: ERROR_CORRECTION, margin: 4, scale: 6 });
}
