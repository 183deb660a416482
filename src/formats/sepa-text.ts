/**
 * The SEPA (EPC) Latin character set: what every bank in the scheme must accept in a pain.001.
 * Names and remittance text are transliterated into it (ç -> c, ß -> ss) and anything else is
 * dropped; identifiers are checked, never changed (the bank reports them back verbatim).
 */
export const SEPA_CHARACTERS = /^[A-Za-z0-9/\-?:().,'+ ]*$/;

/** Letters that do not decompose into a base letter plus accents under Unicode NFD. */
const SPECIAL: Record<string, string> = {
  ß: 'ss',
  ẞ: 'SS',
  Æ: 'AE',
  æ: 'ae',
  Œ: 'OE',
  œ: 'oe',
  Ø: 'O',
  ø: 'o',
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ð: 'D',
  ð: 'd',
  Þ: 'TH',
  þ: 'th',
  ı: 'i',
  Ŧ: 'T',
  ŧ: 't',
  Ħ: 'H',
  ħ: 'h',
  ĸ: 'k',
  Ŋ: 'N',
  ŋ: 'n',
  '&': '+',
  _: '-',
  '"': "'",
  '`': "'",
  '‘': "'",
  '’': "'",
  '‚': "'",
  '“': "'",
  '”': "'",
  '„': "'",
  '–': '-',
  '—': '-',
  '‐': '-',
  ';': ',',
  '!': '.',
  '€': 'EUR',
  '\t': ' ',
  '\n': ' ',
  '\r': ' ',
};

/** Text in the SEPA set: accents stripped, special letters spelled out, others dropped, spaces collapsed. */
export function toSepaText(value: string): string {
  const decomposed = value.normalize('NFD').replace(/\p{M}/gu, '');
  let out = '';
  for (const ch of decomposed) {
    const mapped = SPECIAL[ch] ?? ch;
    for (const c of mapped) if (SEPA_CHARACTERS.test(c)) out += c;
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

/**
 * The longest start of `value` that stays within `max` characters both as written and in the SEPA
 * set (EPC rule: Nm 70, Ustrd 140, ...). Transliteration can lengthen a text (ß -> ss, € -> EUR),
 * so a text cut first and converted after can break the limit; this converts first, then cuts,
 * and never splits one transliterated letter (no "EU" left of a "€"). Returns the text as written
 * (trimmed): the pain.001 writer converts it, and the EPC QR code may carry it in UTF-8.
 */
export function fitSepaLength(value: string | null | undefined, max: number): string {
  const chars = [...(value ?? '').trim()];
  const fits = (n: number) => n <= max && toSepaText(chars.slice(0, n).join('')).length <= max;
  // The SEPA form of a longer start is never shorter, so the longest start that fits is found by bisection.
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join('').trim();
}

/** `value` converted to the SEPA set (see toSepaText), then cut to at most `max` characters. */
export function toSepaTextOfLength(value: string | null | undefined, max: number): string {
  return toSepaText(fitSepaLength(value, max));
}

/**
 * Why an identifier (MsgId, PmtInfId, EndToEndId) is not acceptable, or null when it is:
 * 1 to 35 characters of the SEPA set, no leading or trailing '/' and no '//' (EPC rules).
 */
export function sepaIdentifierProblem(id: string): string | null {
  if (!id) return 'is empty';
  if ([...id].length > 35) return `is ${[...id].length} characters long, at most 35 are allowed`;
  if (!SEPA_CHARACTERS.test(id)) {
    const bad = [...new Set([...id].filter((c) => !SEPA_CHARACTERS.test(c)))].join('');
    return `contains characters outside the SEPA character set: ${JSON.stringify(bad)}`;
  }
  if (id.startsWith('/') || id.endsWith('/')) return "must not start or end with '/'";
  if (id.includes('//')) return "must not contain '//'";
  if (id.startsWith(' ') || id.endsWith(' ')) return 'must not start or end with a space';
  return null;
}
