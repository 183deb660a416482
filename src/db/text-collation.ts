import zlib from 'node:zlib';
import { BoundedMemo } from '../platform/bounded-memo';
import { LOWER_EXCEPTIONS, UCA_WEIGHTS, UPPER_EXCEPTIONS } from './text-collation-data';

/**
 * The gateway's text semantics, computed in JavaScript for SQLite. They are MariaDB's
 * `utf8mb4_unicode_ci` (the collation of the production database, see data-source.ts): the
 * Unicode Collation Algorithm 4.0.0 at primary strength with PAD SPACE, so text compares
 * case- and accent-insensitively ('Ärzte' = 'ärzte' = 'ARZTE'), 'ß' = 'ss', 'İ' = 'i',
 * 'Σ' = 'σ' = 'ς', precomposed 'é' = 'e' + U+0301, trailing spaces are ignored, and characters
 * beyond the BMP (emoji) all compare equal. The weights are MariaDB's own
 * (text-collation-data.ts, generated from and checked against the server), so SQLite answers
 * exactly what MariaDB answers; SQLite's own NOCASE and LOWER fold ASCII only.
 */

const SPACE = 0x0209;
/** Weight of every character beyond the BMP in utf8mb4_unicode_ci. */
const SUPPLEMENTARY = 0xfffd;
const IMPLICIT = { 255: 0xfbc0, 254: 0xfb40, 253: 0xfb80 } as Record<number, number>;

/** Weights per BMP code point: count (or an implicit marker >= 253) and start in `pool`. */
const count = new Uint8Array(0x10000).fill(255);
const start = new Uint32Array(0x10000);
let pool = new Uint16Array(0);

/** A reader of the unsigned varints (7 bits a byte, low first) of a base64 raw-deflated table. */
function varints(base64: string): (() => number) & { done(): boolean } {
  const bytes = zlib.inflateRawSync(Buffer.from(base64, 'base64'));
  let at = 0;
  const read = () => {
    let n = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[at++];
      n += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return n;
      shift += 7;
    }
  };
  return Object.assign(read, { done: () => at >= bytes.length });
}

function loadWeights(): void {
  const read = varints(UCA_WEIGHTS);
  const weights: number[] = [];
  let next = 0;
  let previous = 0;
  while (!read.done()) {
    const kind = read();
    const cp = next + read();
    if (kind === 1) {
      const length = read();
      const base = read();
      const marker = base === 0xfb40 ? 254 : 253;
      count.fill(marker, cp, cp + length);
      next = cp + length;
      continue;
    }
    const n = read();
    count[cp] = n;
    start[cp] = weights.length;
    for (let i = 0; i < n; i++) {
      const z = read();
      previous += z % 2 ? -(z + 1) / 2 : z / 2;
      weights.push(previous);
    }
    next = cp + 1;
  }
  pool = Uint16Array.from(weights);
}

function loadCaseExceptions(base64: string): Map<number, number> {
  const read = varints(base64);
  const map = new Map<number, number>();
  let cp = 0;
  while (!read.done()) {
    cp += read();
    const z = read();
    map.set(cp, cp + (z % 2 ? -(z + 1) / 2 : z / 2));
  }
  return map;
}

loadWeights();
const LOWER = loadCaseExceptions(LOWER_EXCEPTIONS);
const UPPER = loadCaseExceptions(UPPER_EXCEPTIONS);

/** Calls `emit` with each primary weight of one character (none for ignorable characters). */
function weightsOf(cp: number, emit: (w: number) => void): void {
  if (cp > 0xffff) return emit(SUPPLEMENTARY);
  const n = count[cp];
  if (n >= 253) {
    emit(IMPLICIT[n] + (cp >> 15));
    return emit((cp & 0x7fff) | 0x8000);
  }
  for (let i = start[cp]; i < start[cp] + n; i++) emit(pool[i]);
}

/**
 * The sort and equality key of a text: two texts are equal, or ordered, exactly as MariaDB's
 * utf8mb4_unicode_ci compares them (bytewise comparison of the keys). Trailing spaces do not
 * count (PAD SPACE); a character that weighs less than a space (tab, line breaks) after the end
 * of the shorter text sorts it first, as MariaDB's padding does. Groups of 3 or 5 bytes: a tag,
 * the run of spaces before the character when there is one, and the character's weight.
 */
export function textKey(text: string): Buffer {
  const weights: number[] = [];
  for (const ch of text) weightsOf(ch.codePointAt(0)!, (w) => weights.push(w));
  let end = weights.length;
  while (end > 0 && weights[end - 1] === SPACE) end--;
  const out: number[] = [];
  let spaces = 0;
  for (let i = 0; i < end; i++) {
    const w = weights[i];
    if (w === SPACE) {
      spaces++;
      continue;
    }
    const k = Math.min(spaces, 0xfffe);
    // A shorter text is padded with spaces: a lighter character after spaces sorts before the
    // padding (tags 0x10, 0x11 < end 0x20), a heavier one after it (0x30, 0x31), fewer spaces
    // before a heavier character meaning larger.
    if (w < SPACE) out.push(...(k === 0 ? [0x10] : [0x11, k >> 8, k & 0xff]), w >> 8, w & 0xff);
    else out.push(...(k === 0 ? [0x31] : [0x30, (0xffff - k) >> 8, (0xffff - k) & 0xff]), w >> 8, w & 0xff);
    spaces = 0;
  }
  out.push(0x20);
  return Buffer.from(out);
}

/** -1, 0 or 1 as MariaDB orders two texts. */
export function compareText(a: string, b: string): number {
  return Buffer.compare(textKey(a), textKey(b));
}

/**
 * One representative code point per class of characters LIKE treats as equal: MariaDB compares a
 * pattern character with a text character by their weights, except that characters without a
 * table page of their own (CJK ideographs, Hangul, everything beyond the BMP) compare by code
 * point. Built on first use (65,536 entries).
 */
let canonical: Uint32Array | undefined;
function canonicalTable(): Uint32Array {
  if (canonical) return canonical;
  const table = new Uint32Array(0x10000);
  const paged = new Uint8Array(0x100);
  for (let cp = 0; cp < 0x10000; cp++) if (count[cp] < 253) paged[cp >> 8] = 1;
  const first = new Map<string, number>();
  for (let cp = 0; cp < 0x10000; cp++) {
    if (!paged[cp >> 8]) {
      table[cp] = cp;
      continue;
    }
    const w: number[] = [];
    weightsOf(cp, (x) => w.push(x));
    const key = w.join(',');
    if (!first.has(key)) first.set(key, cp);
    table[cp] = first.get(key)!;
  }
  return (canonical = table);
}

function canonicalText(text: string): string {
  const table = canonicalTable();
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    out += cp > 0xffff ? ch : String.fromCodePoint(table[cp]);
  }
  return out;
}

const compiled = new BoundedMemo<string, (text: string) => boolean>(501);

/**
 * MariaDB's `text LIKE pattern` under utf8mb4_unicode_ci with `\` as the escape character: `%`
 * any run of characters, `_` exactly one character, each other character equal to one
 * character of the text by weight (so 'Ä' matches 'a', but 'ß' does not match 'ss': LIKE goes
 * character by character). No padding: trailing spaces count.
 */
export function likeMatches(text: string, pattern: string): boolean {
  return compiled.get(pattern, compileLike)(text);
}

function compileLike(pattern: string): (text: string) => boolean {
  const parts: (string | '%' | '_')[] = [];
  let literal = '';
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '\\' && i + 1 < chars.length) literal += chars[++i];
    else if (c === '%' || c === '_') {
      if (literal) parts.push(canonicalText(literal));
      literal = '';
      parts.push(c === '%' ? '%' : '_');
    } else literal += c;
  }
  if (literal) parts.push(canonicalText(literal));
  const isLiteral = (p: string | undefined) => p !== undefined && p !== '%' && p !== '_';
  // The filters' shapes (contains, startsWith, endsWith, equals) without a regular expression.
  if (parts.length === 3 && parts[0] === '%' && isLiteral(parts[1]) && parts[2] === '%') return (t) => canonicalText(t).includes(parts[1]);
  if (parts.length === 2 && isLiteral(parts[0]) && parts[1] === '%') return (t) => canonicalText(t).startsWith(parts[0]);
  if (parts.length === 2 && parts[0] === '%' && isLiteral(parts[1])) return (t) => canonicalText(t).endsWith(parts[1]);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  const source = parts.map((p) => (p === '%' ? '[^]*' : p === '_' ? '[^]' : escape(p))).join('');
  const re = new RegExp(`^${source}$`, 'u');
  return (t) => re.test(canonicalText(t));
}

function mapCase(text: string, exceptions: Map<number, number>, upper: boolean): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const exception = exceptions.get(cp);
    if (exception !== undefined) out += String.fromCodePoint(exception);
    else {
      const mapped = upper ? ch.toUpperCase() : ch.toLowerCase();
      out += [...mapped].length === 1 ? mapped : ch;
    }
  }
  return out;
}

/** MariaDB's LOWER under utf8mb4_unicode_ci: one character to one (never 'İ' to 'i̇'). */
export function lowerText(text: string): string {
  return mapCase(text, LOWER, false);
}

/** MariaDB's UPPER under utf8mb4_unicode_ci: one character to one ('ß' stays 'ß'). */
export function upperText(text: string): string {
  return mapCase(text, UPPER, true);
}
