/**
 * A small streaming XML reader for the camt.053 parser: text in (in chunks cut anywhere), start
 * tags, end tags and texts out, checked for well-formedness as far as a statement needs (one root,
 * end tags matching their start tags, quoted attributes, known entities, nothing but whitespace
 * outside the root). Comments, processing instructions and a DOCTYPE without an internal subset are
 * skipped; CDATA sections are text. Namespaces are not resolved (the caller drops prefixes).
 *
 * Why not saxes (used before): it reads character by character through several calls per
 * character and was three fifths of the parse time of a camt.053 file (issue 12, Performance);
 * this reader finds each `<`, `>`, `=` and quote with String#indexOf, so the work per element is a
 * handful of native searches and slices.
 */

/** What the reader tells: `open` for each start tag (then `close` at once for `<a/>`), `text` for character data. */
export interface XmlHandler {
  open(name: string, attributes: Record<string, string>): void;
  close(name: string): void;
  /** Character data with entities decoded, possibly in several pieces (CDATA apart, a chunk's end). */
  text(text: string): void;
}

/** A well-formedness fault: the message says what, `line` (1-based) where. */
export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const GT = 62; // >
const SLASH = 47; // /
const BANG = 33; // !
const QUESTION = 63; // ?
const AMP = 38; // &

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** A name as XML 1.0 allows it (letters beyond ASCII included), with an optional namespace prefix. */
const NAME = /^[A-Za-z_:\u00C0-\uFFFF][\w.:\u00B7\u00C0-\uFFFF-]*$/;
/** ASCII characters that may start a name (1), and that may be in one. */
const NAME_START = new Uint8Array(128);
const NAME_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  NAME_START[c] = /[A-Za-z_:]/.test(ch) ? 1 : 0;
  NAME_CHAR[c] = /[\w.:-]/.test(ch) ? 1 : 0;
}
const WHITESPACE = /^[ \t\r\n]*$/;
/** The attributes of a tag without any (shared: most tags of a statement have none). */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** Whether `text` holds `name` at `at` (a loop: String#startsWith with a position is a slow call in V8). */
function sameAt(text: string, at: number, name: string): boolean {
  for (let i = 0; i < name.length; i++) if (text.charCodeAt(at + i) !== name.charCodeAt(i)) return false;
  return true;
}

/** Counts line feeds in `text` from `from` up to `to`. */
function newlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Text with its entity and character references decoded; throws for a bare `&` or an unknown entity. */
function decodeEntities(raw: string, fail: (message: string) => never): string {
  let out = '';
  let from = 0;
  for (let amp = raw.indexOf('&'); amp !== -1; amp = raw.indexOf('&', from)) {
    const semi = raw.indexOf(';', amp + 1);
    if (semi < 0) fail('a bare & in text or an attribute (write &amp;)');
    const ref = raw.slice(amp + 1, semi);
    let value: string | undefined;
    if (ref.charCodeAt(0) === 35 /* # */) {
      const code =
        ref[1] === 'x'
          ? /^x[0-9A-Fa-f]+$/.test(ref.slice(1)) && parseInt(ref.slice(2), 16)
          : /^\d+$/.test(ref.slice(1)) && Number(ref.slice(1));
      if (code && code <= 0x10ffff) value = String.fromCodePoint(code);
    } else value = ENTITIES[ref];
    if (value === undefined) fail(`unknown entity &${ref};`);
    out += raw.slice(from, amp) + value;
    from = semi + 1;
  }
  return out + raw.slice(from);
}

/**
 * The reader: `write` chunks, then `close`. Throws XmlSyntaxError at the first fault; a construct
 * cut by a chunk's end waits for the next chunk (memory: the unfinished construct, at most).
 */
export class XmlReader {
  /** Text not yet read: what was left of the previous chunk plus the current one. */
  private buffer = '';
  /** Position in `buffer` reached by the reader. */
  private pos = 0;
  /** Line feeds in the text dropped before `buffer`. */
  private linesBefore = 0;
  /** Names of the open elements, root first. */
  private readonly open: string[] = [];
  private rootSeen = false;
  private closed = false;

  constructor(private readonly handler: XmlHandler) {}

  /** The line (1-based) the reader is at: where the last tag reported ended. */
  get line(): number {
    return this.linesBefore + newlines(this.buffer, 0, this.pos) + 1;
  }

  write(chunk: string): void {
    if (this.closed) this.fail('text after the end of the input');
    this.buffer = this.pos < this.buffer.length ? this.buffer.slice(this.pos) + chunk : chunk;
    this.pos = 0;
    this.read(false);
    // drop what was read, keeping its line count
    this.linesBefore += newlines(this.buffer, 0, this.pos);
    this.buffer = this.buffer.slice(this.pos);
    this.pos = 0;
  }

  close(): void {
    this.read(true);
    this.closed = true;
    if (this.buffer.length > this.pos) this.fail('the input ends inside markup');
    if (this.open.length) this.fail(`the input ends before </${this.open[this.open.length - 1]}>`);
    if (!this.rootSeen) this.fail('the input holds no element');
  }

  private fail(message: string): never {
    throw new XmlSyntaxError(message, this.line);
  }

  /** Reads what `buffer` holds from `pos`; stops before an unfinished construct unless `last`. */
  private read(last: boolean): void {
    const buf = this.buffer;
    const fail = (message: string): never => this.fail(message);
    while (this.pos < buf.length) {
      const pos = this.pos;
      const lt = buf.indexOf('<', pos);
      if (lt !== pos) {
        // character data up to the next markup (or the chunk's end: a reference may be cut there)
        let end = lt < 0 ? buf.length : lt;
        if (lt < 0 && !last) {
          const amp = buf.lastIndexOf('&');
          if (amp >= pos && buf.indexOf(';', amp) < 0) end = amp;
          if (end === pos) return;
        }
        this.characters(buf.slice(pos, end), fail);
        this.pos = end;
        continue;
      }
      const c = buf.charCodeAt(lt + 1);
      if (Number.isNaN(c)) return last ? fail('the input ends inside markup') : undefined;
      if (c === SLASH) {
        const gt = buf.indexOf('>', lt + 2);
        if (gt < 0) return last ? fail('an end tag is not closed by >') : undefined;
        this.pos = gt + 1;
        this.endTag(buf, lt + 2, gt);
      } else if (c === QUESTION) {
        const end = buf.indexOf('?>', lt + 2);
        if (end < 0) return last ? fail('a processing instruction is not closed by ?>') : undefined;
        this.pos = end + 2;
      } else if (c === BANG) {
        if (!this.special(buf, lt, last)) return;
      } else {
        const end = this.startTag(buf, lt);
        if (end < 0) return last ? fail('a start tag is not closed by >') : undefined;
        this.pos = end;
      }
    }
  }

  /** A comment, CDATA section or DOCTYPE at `lt`; false when it is not complete yet. */
  private special(buf: string, lt: number, last: boolean): boolean {
    const wait = (what: string): boolean => (last ? this.fail(`${what} is not closed`) : false);
    if (buf.length - lt < 9 && !last) {
      // too short yet to tell which it is
      const head = buf.slice(lt);
      if ('<!--'.startsWith(head) || '<![CDATA['.startsWith(head) || '<!DOCTYPE'.startsWith(head)) return false;
    }
    if (buf.startsWith('<!--', lt)) {
      const end = buf.indexOf('-->', lt + 4);
      if (end < 0) return wait('a comment');
      this.pos = end + 3;
    } else if (buf.startsWith('<![CDATA[', lt)) {
      const end = buf.indexOf(']]>', lt + 9);
      if (end < 0) return wait('a CDATA section');
      if (!this.open.length) this.fail('a CDATA section outside the root element');
      this.pos = end + 3;
      this.handler.text(buf.slice(lt + 9, end));
    } else if (buf.startsWith('<!DOCTYPE', lt)) {
      const gt = buf.indexOf('>', lt);
      if (gt < 0) return wait('a DOCTYPE');
      if (buf.lastIndexOf('[', gt) > lt) this.fail('a DOCTYPE with an internal subset (entity declarations are not read)');
      if (this.rootSeen) this.fail('a DOCTYPE after the root element');
      this.pos = gt + 1;
    } else this.fail(`markup <${buf.slice(lt + 1, lt + 10)} is neither a comment, CDATA nor a DOCTYPE`);
    return true;
  }

  /** The start tag at `lt`: reports it and returns the position after it, or -1 when it is not complete yet. */
  private startTag(buf: string, lt: number): number {
    let i = lt + 1;
    // the name runs to whitespace, > or />
    let nameEnd = i;
    let wide = false;
    let valid = NAME_START[buf.charCodeAt(i)] === 1 || buf.charCodeAt(i) >= 0xc0;
    for (let c = buf.charCodeAt(nameEnd); c === c && !isSpace(c) && c !== GT && c !== SLASH; c = buf.charCodeAt(++nameEnd)) {
      if (c >= 128) wide = true;
      else if (NAME_CHAR[c] !== 1) valid = false;
    }
    if (nameEnd >= buf.length) return -1;
    const name = buf.slice(i, nameEnd);
    // the tables are the ASCII part of NAME; a name with other characters is checked whole
    if (!valid || (wide && !NAME.test(name))) this.fail(`"${name}" is not an element name`);
    let attributes: Record<string, string> | null = null;
    i = nameEnd;
    for (;;) {
      while (isSpace(buf.charCodeAt(i))) i++;
      if (i >= buf.length) return -1;
      const c = buf.charCodeAt(i);
      if (c === GT || c === SLASH) {
        if (c === SLASH) {
          if (i + 1 >= buf.length) return -1;
          if (buf.charCodeAt(i + 1) !== GT) this.fail(`a / in the start tag of ${name} not followed by >`);
        }
        this.openElement(name, attributes ?? NO_ATTRIBUTES);
        if (c === SLASH) this.end(name);
        return c === SLASH ? i + 2 : i + 1;
      }
      if (i === nameEnd || !isSpace(buf.charCodeAt(i - 1))) this.fail(`no space before an attribute of ${name}`);
      const eq = buf.indexOf('=', i);
      if (eq < 0) return buf.indexOf('>', i) < 0 ? -1 : this.fail(`an attribute of ${name} has no value`);
      const key = buf.slice(i, eq).trimEnd();
      if (!NAME.test(key)) this.fail(`"${key}" is not an attribute name (in ${name})`);
      let q = eq + 1;
      while (isSpace(buf.charCodeAt(q))) q++;
      if (q >= buf.length) return -1;
      const quote = buf[q];
      if (quote !== '"' && quote !== "'") this.fail(`the value of ${key} (in ${name}) is not quoted`);
      const close = buf.indexOf(quote, q + 1);
      if (close < 0) return -1;
      const raw = buf.slice(q + 1, close);
      if (raw.includes('<')) this.fail(`a < in the value of ${key} (in ${name})`);
      attributes ??= {};
      if (key in attributes) this.fail(`attribute ${key} twice in ${name}`);
      attributes[key] = raw.indexOf('&') < 0 ? raw : decodeEntities(raw, (m) => this.fail(m));
      i = close + 1;
    }
  }

  private openElement(name: string, attributes: Record<string, string>): void {
    if (!this.open.length) {
      if (this.rootSeen) this.fail(`a second root element ${name}`);
      this.rootSeen = true;
    }
    this.open.push(name);
    this.handler.open(name, attributes);
  }

  /** The end tag whose name runs from `from` to `gt` (whitespace after the name allowed): compared in place, no slice. */
  private endTag(buf: string, from: number, gt: number): void {
    const expected = this.open[this.open.length - 1];
    let end = gt;
    while (end > from && isSpace(buf.charCodeAt(end - 1))) end--;
    if (expected !== undefined && end - from === expected.length && sameAt(buf, from, expected)) {
      this.open.pop();
      this.handler.close(expected);
      return;
    }
    this.end(buf.slice(from, end));
  }

  private end(name: string): void {
    const expected = this.open.pop();
    if (expected === undefined) this.fail(`</${name}> closes no element`);
    if (expected !== name) this.fail(`</${name}> where </${expected}> was expected`);
    this.handler.close(name);
  }

  private characters(raw: string, fail: (message: string) => never): void {
    if (!this.open.length) {
      if (!WHITESPACE.test(raw) && !(raw.charCodeAt(0) === 0xfeff && WHITESPACE.test(raw.slice(1)))) {
        fail(this.rootSeen ? 'text after the root element' : 'text before the root element');
      }
      return;
    }
    if (raw.includes(']]>')) fail(']]> in text');
    this.handler.text(raw.charCodeAt(0) !== AMP && raw.indexOf('&') < 0 ? raw : decodeEntities(raw, fail));
  }
}
