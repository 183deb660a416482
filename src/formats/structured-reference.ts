/**
 * Structured creditor references: the Belgian structured communication (OGM/VCS,
 * `+++123/4567/89002+++`) and the international ISO 11649 reference (`RF18 5390 0754 7034`).
 * Parsers return the electronic form (12 digits, or RF without spaces) or null; they never guess.
 */

/** Remainder of a long digit string modulo 97, computed piecewise (the numbers exceed 2^53). */
function mod97(digits: string): number {
  let rest = 0;
  for (let i = 0; i < digits.length; i += 7) rest = Number(`${rest}${digits.slice(i, i + 7)}`) % 97;
  return rest;
}

// ---------------------------------------------------------------------------------------------
// Belgian structured communication (gestructureerde mededeling / communication structurée)

/** Check digits of the first 10 digits: their remainder modulo 97, with 0 written as 97. */
export function belgianCheckDigits(tenDigits: string): string {
  if (!/^\d{10}$/.test(tenDigits))
    throw new RangeError(`a Belgian structured communication starts with 10 digits, not ${JSON.stringify(tenDigits)}`);
  return String(mod97(tenDigits) || 97).padStart(2, '0');
}

const OGM_FRAMED = /^(\+{3}|\*{3})(\d{3})\/(\d{4})\/(\d{5})\1$/;

/**
 * The 12 digits of a Belgian structured communication, or null when the text is not one or its
 * check digits are wrong. Accepts `+++ddd/dddd/ddddd+++`, the `***` variant and 12 bare digits;
 * spaces are ignored.
 */
export function parseBelgianReference(text: string | null | undefined): string | null {
  if (!text) return null;
  const compact = text.replace(/\s+/g, '');
  const framed = OGM_FRAMED.exec(compact);
  const digits = framed ? framed[2] + framed[3] + framed[4] : /^\d{12}$/.test(compact) ? compact : null;
  if (!digits) return null;
  return belgianCheckDigits(digits.slice(0, 10)) === digits.slice(10) ? digits : null;
}

export function isValidBelgianReference(text: string | null | undefined): boolean {
  return parseBelgianReference(text) !== null;
}

/** `+++ddd/dddd/ddddd+++` of a valid reference (12 digits or any accepted form). */
export function formatBelgianReference(reference: string): string {
  const d = parseBelgianReference(reference);
  if (!d) throw new RangeError(`${JSON.stringify(reference)} is not a valid Belgian structured communication`);
  return `+++${d.slice(0, 3)}/${d.slice(3, 7)}/${d.slice(7)}+++`;
}

/** The structured communication for 10 digits of one's own (e.g. a customer and invoice number). */
export function createBelgianReference(tenDigits: string): string {
  return formatBelgianReference(tenDigits + belgianCheckDigits(tenDigits));
}

// ---------------------------------------------------------------------------------------------
// ISO 11649 creditor reference

/** Letters count as two digits, A = 10 ... Z = 35 (as in IBAN). */
function lettersToDigits(text: string): string {
  return text.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
}

/** `RF`, two check digits, then 1 to 21 letters or digits: 25 characters at most. */
const RF_PATTERN = /^RF\d{2}[A-Z0-9]{1,21}$/;

/** The electronic form (upper case, no spaces) of a valid ISO 11649 reference, or null. */
export function parseCreditorReference(text: string | null | undefined): string | null {
  if (!text) return null;
  const compact = text.replace(/\s+/g, '').toUpperCase();
  if (!RF_PATTERN.test(compact)) return null;
  return mod97(lettersToDigits(compact.slice(4) + compact.slice(0, 4))) === 1 ? compact : null;
}

export function isValidCreditorReference(text: string | null | undefined): boolean {
  return parseCreditorReference(text) !== null;
}

/** ISO 11649 reference for one's own reference (1 to 21 letters or digits): `RF` + check + it. */
export function createCreditorReference(reference: string): string {
  const body = reference.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z0-9]{1,21}$/.test(body))
    throw new RangeError(`an ISO 11649 reference holds 1 to 21 letters or digits, not ${JSON.stringify(reference)}`);
  const check = 98 - mod97(lettersToDigits(`${body}RF00`));
  return `RF${String(check).padStart(2, '0')}${body}`;
}

/** The printed form of an ISO 11649 reference: groups of four (`RF18 5390 0754 7034`). */
export function formatCreditorReference(reference: string): string {
  const rf = parseCreditorReference(reference);
  if (!rf) throw new RangeError(`${JSON.stringify(reference)} is not a valid ISO 11649 creditor reference`);
  return rf.replace(/(.{4})(?=.)/g, '$1 ');
}

// ---------------------------------------------------------------------------------------------

export type StructuredReference = { kind: 'BE'; reference: string } | { kind: 'RF'; reference: string };

/** Either kind of structured reference, in electronic form, or null when it is neither. */
export function parseStructuredReference(text: string | null | undefined): StructuredReference | null {
  const be = parseBelgianReference(text);
  if (be) return { kind: 'BE', reference: be };
  const rf = parseCreditorReference(text);
  return rf ? { kind: 'RF', reference: rf } : null;
}
