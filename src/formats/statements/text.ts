import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/**
 * Bytes to text for the statement parsers. Banks write CODA in ISO-8859-1 (some in CP850 or
 * UTF-8) and MT940 in ISO-8859-1 or UTF-8: bytes that are valid UTF-8 are read as UTF-8 (ASCII is
 * both), anything else in the fallback encoding through iconv-lite.
 */

/** What a parser accepts as input: the whole file as bytes or text. */
export type StatementInput = Buffer | Uint8Array | string;

/** What a streaming parser accepts: chunks of bytes or text, e.g. a Node Readable or a file stream. */
export type ChunkSource = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

export const DEFAULT_FALLBACK_ENCODING = 'latin1';

/** Throws for an encoding iconv-lite does not know, so a typo in an option fails loudly. */
export function checkEncoding(encoding: string): string {
  if (!iconv.encodingExists(encoding)) throw new RangeError(`unknown text encoding ${JSON.stringify(encoding)}`);
  return encoding;
}

/** Text of bytes: UTF-8 when they are valid UTF-8 (a byte order mark dropped), else `fallback`. */
export function decodeBytes(bytes: Uint8Array, fallback = DEFAULT_FALLBACK_ENCODING): string {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isUtf8(buffer)) {
    const text = buffer.toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
  return iconv.decode(buffer, fallback);
}

/** Text of an input (strings as they are, but for a byte order mark). */
export function inputText(input: StatementInput, fallback = DEFAULT_FALLBACK_ENCODING): string {
  if (typeof input !== 'string') return decodeBytes(input, fallback);
  return input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
}

/** Physical lines of a text (CR LF, LF or CR ends a line). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

/** Chunks of a source as they come, for sources that are sync or async iterables. */
export async function* chunksOf(source: ChunkSource): AsyncGenerator<Uint8Array | string> {
  for await (const chunk of source as AsyncIterable<Uint8Array | string>) yield chunk;
}

/**
 * Splits a stream of chunks into lines without holding more than one line and one chunk: each
 * line's bytes are decoded on their own (UTF-8 when valid, else the fallback), so a multi-byte
 * character split between chunks is never cut.
 */
export class LineSplitter {
  private rest: Buffer | null = null;
  private restText = '';

  constructor(private readonly fallback: string) {}

  /** Complete lines of the chunk (with what was left of the previous one). */
  push(chunk: Uint8Array | string, out: string[]): void {
    if (typeof chunk === 'string') {
      let text = this.restText + chunk;
      // a CR at the very end may be half of a CR LF: keep it with the rest
      const hold = text.endsWith('\r') ? '\r' : '';
      if (hold) text = text.slice(0, -1);
      const parts = text.split(/\r\n|\n|\r/);
      this.restText = (parts.pop() ?? '') + hold;
      for (const p of parts) out.push(p);
      return;
    }
    let bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.rest) bytes = Buffer.concat([this.rest, bytes]);
    let start = 0;
    for (let nl = bytes.indexOf(10, start); nl !== -1; nl = bytes.indexOf(10, start)) {
      const end = nl > start && bytes[nl - 1] === 13 ? nl - 1 : nl;
      out.push(decodeBytes(bytes.subarray(start, end), this.fallback));
      start = nl + 1;
    }
    this.rest = start < bytes.length ? Buffer.from(bytes.subarray(start)) : null;
  }

  /** The last line when the input does not end with a line break. */
  end(out: string[]): void {
    if (this.restText) out.push(this.restText.replace(/\r$/, ''));
    if (this.rest) out.push(decodeBytes(this.rest, this.fallback).replace(/\r$/, ''));
    this.rest = null;
    this.restText = '';
  }
}
