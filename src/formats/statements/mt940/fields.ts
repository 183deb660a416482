/**
 * An MT940 file as messages of tagged fields (SWIFT MT940: `:20:`, `:25:`, `:28C:`, `:60F:`,
 * `:61:`, `:86:`, `:62F:`, ...). A field runs from its tag to the next tag; the lines in between
 * continue it. What banks put around the messages is dropped: SWIFT block headers (`{1:...}{2:...}
 * {4:` and `-}`), ABN AMRO's three header lines (`ABNANL2A`, `940`, `ABNANL2A`), ING's
 * (`0000 01INGBNL2AXXXX00001`, `940 00`), Rabobank's `:940:`, the `-` or `-XXX` that ends a
 * message, and blank lines.
 */
export interface Field {
  /** `20`, `25`, `28C`, `60F`, `61`, `86`, `NS`, ... */
  tag: string;
  /** The text after the tag, then each continuation line. */
  lines: string[];
  /** Physical line (1-based) of the tag. */
  line: number;
}

export interface Message {
  fields: Field[];
  /** BIC of the sending bank, when a header line names it. */
  bic: string | null;
}

const TAG_LINE = /^:([0-9A-Z]{1,4}):(.*)$/;
const MESSAGE_END = /^-(XXX)?\}?$|^\}$/;
const BLOCK_HEADER = /^(\{[1-3]:(\{[^}]*\}|[^{}])*\})*(\{4:)?/;
const BIC_LINE = /^([A-Z]{6}[A-Z0-9]{2})([A-Z0-9]{3})?$/;
const ING_HEADER = /^\d{4} \d{2}([A-Z]{6}[A-Z0-9]{2})/;
const KNOWN_TAG = /^(\d{2}[A-Z]?|NS)$/;

/** Messages of an MT940 text, each starting at `:20:` (or after a message end). */
export function readMessages(lines: string[]): Message[] {
  const messages: Message[] = [];
  let message: Message | null = null;
  let field: Field | null = null;
  let bic: string | null = null;
  lines.forEach((raw, i) => {
    let text = raw;
    if (text.startsWith('{')) {
      const block = /^\{1:F\d{2}([A-Z]{6}[A-Z0-9]{2})[A-Z0-9]([A-Z0-9]{3})/.exec(text);
      if (block) bic = block[2] === 'XXX' ? block[1] : block[1] + block[2];
      text = text.replace(BLOCK_HEADER, '');
    }
    if (!text.trim()) return;
    if (MESSAGE_END.test(text.trim())) {
      field = null;
      message = null;
      return;
    }
    const tag = TAG_LINE.exec(text);
    if (tag && KNOWN_TAG.test(tag[1])) {
      if (tag[1] === '20' || !message) {
        message = { fields: [], bic };
        messages.push(message);
      }
      field = { tag: tag[1], lines: [tag[2]], line: i + 1 };
      message.fields.push(field);
      return;
    }
    if (tag) {
      // a bank's own header tag (Rabobank's :940:) ends the field before it
      field = null;
      return;
    }
    if (field) {
      field.lines.push(text);
      return;
    }
    const header = BIC_LINE.exec(text) ?? ING_HEADER.exec(text);
    if (header) bic = header[1] + (header[2] && header[2] !== 'XXX' ? header[2] : '');
  });
  return messages;
}
