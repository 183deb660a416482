import { fitSepaLength } from '../../formats/sepa-text';
import { parseStructuredReference } from '../../formats/structured-reference';

/** Most characters of unstructured remittance information (pain.001 Ustrd, EPC QR text). */
export const REMITTANCE_MAX = 140;

/**
 * What a payment tells its creditor in a bank file or QR code: its payment reference as a
 * structured reference when it is a valid Belgian structured communication or ISO 11649 RF
 * reference, otherwise free text (the reference, the description, the supplier's invoice number),
 * cut to 140 characters as the SEPA character set counts them (converted first, then cut:
 * `Großhandel` becomes `Grosshandel`, `€` becomes `EUR`, which a cut before converting overruns).
 */
export function remittanceOf(p: {
  paymentReference: string | null;
  description: string | null;
  yourRef: string | null;
  invoiceNumber: number | null;
}): {
  structuredReference: string | null;
  remittanceText: string | null;
} {
  const ref = p.paymentReference?.trim() ?? '';
  if (ref && parseStructuredReference(ref)) return { structuredReference: ref, remittanceText: null };
  const text = ref || p.description?.trim() || p.yourRef?.trim() || (p.invoiceNumber ? `Invoice ${p.invoiceNumber}` : '');
  return { structuredReference: null, remittanceText: fitSepaLength(text, REMITTANCE_MAX) || null };
}
