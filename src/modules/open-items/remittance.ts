import { parseStructuredReference } from '../../formats/structured-reference';

/**
 * What a payment tells its creditor in a bank file or QR code: its payment reference as a
 * structured reference when it is a valid Belgian structured communication or ISO 11649 RF
 * reference, otherwise free text (the reference, the description, the supplier's invoice number).
 */
export function remittanceOf(p: { paymentReference: string | null; description: string | null; yourRef: string | null; invoiceNumber: number | null }): {
  structuredReference: string | null;
  remittanceText: string | null;
} {
  const ref = p.paymentReference?.trim() ?? '';
  if (ref && parseStructuredReference(ref)) return { structuredReference: ref, remittanceText: null };
  const text = ref || p.description?.trim() || p.yourRef?.trim() || (p.invoiceNumber ? `Invoice ${p.invoiceNumber}` : '');
  return { structuredReference: null, remittanceText: text ? [...text].slice(0, 140).join('') : null };
}
