/**
 * Reads the text semantics of MariaDB's utf8mb4_unicode_ci from a running server and encodes them
 * as the tables of src/db/text-collation-data.ts: the primary weights of every BMP character
 * (WEIGHT_STRING), and where LOWER/UPPER differ from JavaScript's one-character case mapping.
 * The MariaDB suite checks the committed tables against the server (test/e2e/text-semantics);
 * to regenerate them:
 *
 *   node -r ts-node/register/transpile-only test/support/mariadb-collation.ts [mysql://root@127.0.0.1:3306]
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createConnection } from 'mysql2/promise';

export interface CollationReference {
  /** Primary weights by code point (BMP, surrogates excluded). */
  weights: Map<number, number[]>;
  /** LOWER / UPPER of each single character. */
  lower: Map<number, string>;
  upper: Map<number, string>;
}

const BMP = Array.from({ length: 0x10000 }, (_, cp) => cp).filter((cp) => cp < 0xd800 || cp > 0xdfff);

/** Weights and case mappings of utf8mb4_unicode_ci as the server at `url` computes them. */
export async function readMariaDbCollation(url: string): Promise<CollationReference> {
  const c = await createConnection({ uri: url, charset: 'utf8mb4_unicode_ci' });
  try {
    const weights = new Map<number, number[]>();
    const lower = new Map<number, string>();
    const upper = new Map<number, string>();
    const hex = (cp: number) => Buffer.from(String.fromCodePoint(cp)).toString('hex');
    for (let i = 0; i < BMP.length; i += 2000) {
      const part = BMP.slice(i, i + 2000);
      // A trailing 'a' keeps trailing-space trimming (PAD SPACE) away from the character itself.
      const literal = (cp: number) => `_utf8mb4 X'${hex(cp)}61' COLLATE utf8mb4_unicode_ci`;
      const single = (cp: number) => `_utf8mb4 X'${hex(cp)}' COLLATE utf8mb4_unicode_ci`;
      const list = part.map(
        (cp, j) => `HEX(WEIGHT_STRING(${literal(cp)})) w${j}, HEX(LOWER(${single(cp)})) l${j}, HEX(UPPER(${single(cp)})) u${j}`,
      );
      const [rows] = (await c.query(`SELECT ${list.join(', ')}`)) as unknown as [Record<string, string>[]];
      part.forEach((cp, j) => {
        const w = rows[0][`w${j}`];
        if (!w.endsWith('0E33')) throw new Error(`unexpected weight string of U+${cp.toString(16)}: ${w}`);
        const list16: number[] = [];
        for (let k = 0; k < w.length - 4; k += 4) list16.push(parseInt(w.slice(k, k + 4), 16));
        weights.set(cp, list16);
        lower.set(cp, Buffer.from(rows[0][`l${j}`], 'hex').toString());
        upper.set(cp, Buffer.from(rows[0][`u${j}`], 'hex').toString());
      });
    }
    return { weights, lower, upper };
  } finally {
    await c.end();
  }
}

/** Implicit weights UCA 4.0.0 gives characters without an entry of their own. */
export function implicitWeights(cp: number, base: number): number[] {
  return [base + (cp >> 15), (cp & 0x7fff) | 0x8000];
}

/** JavaScript's case mapping of one character where it is one character, else the character. */
export function simpleCase(ch: string, upper: boolean): string {
  const mapped = upper ? ch.toUpperCase() : ch.toLowerCase();
  return [...mapped].length === 1 ? mapped : ch;
}

/** The reference encoded as base64 of raw-deflated varint records (the format text-collation.ts reads). */
export function encodeCollation(ref: CollationReference): { weights: string; lower: string; upper: string } {
  const same = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  let out: number[] = [];
  const varint = (n: number) => {
    while (n >= 0x80) {
      out.push((n & 0x7f) | 0x80);
      n >>>= 7;
    }
    out.push(n);
  };
  const zigzag = (d: number) => (d >= 0 ? d * 2 : -d * 2 - 1);
  let next = 0;
  let previous = 0;
  for (let i = 0; i < BMP.length; i++) {
    const cp = BMP[i];
    const w = ref.weights.get(cp)!;
    if (same(w, implicitWeights(cp, 0xfbc0))) continue;
    const base = [0xfb40, 0xfb80].find((b) => same(w, implicitWeights(cp, b)));
    if (base !== undefined) {
      let end = cp;
      while (BMP[i + 1] === end + 1 && same(ref.weights.get(end + 1)!, implicitWeights(end + 1, base))) [end, i] = [end + 1, i + 1];
      out.push(1);
      varint(cp - next);
      varint(end - cp + 1);
      varint(base);
      next = end + 1;
      continue;
    }
    out.push(0);
    varint(cp - next);
    out.push(w.length);
    for (const x of w) {
      varint(zigzag(x - previous));
      previous = x;
    }
    next = cp + 1;
  }
  const pack = (bytes: number[]) => zlib.deflateRawSync(Buffer.from(bytes), { level: 9 }).toString('base64');
  const weights = pack(out);
  const exceptions = (map: Map<number, string>, upper: boolean) => {
    out = [];
    let last = 0;
    for (const cp of BMP) {
      const mapped = map.get(cp)!;
      if (mapped === simpleCase(String.fromCodePoint(cp), upper)) continue;
      if ([...mapped].length !== 1) throw new Error(`U+${cp.toString(16)} maps to more than one character`);
      varint(cp - last);
      varint(zigzag(mapped.codePointAt(0)! - cp));
      last = cp;
    }
    return pack(out);
  };
  return { weights, lower: exceptions(ref.lower, false), upper: exceptions(ref.upper, true) };
}

/** The generated module text, base64 wrapped at 120 characters. */
export function collationModule(encoded: { weights: string; lower: string; upper: string }): string {
  const wrap = (s: string) => (s.match(/.{1,120}/g) ?? []).map((line) => `  '${line}'`).join(' +\n');
  return [
    '/**',
    ' * Generated by test/support/mariadb-collation.ts from MariaDB utf8mb4_unicode_ci (UCA 4.0.0): do',
    ' * not edit. Base64 of raw-deflated records; read by text-collation.ts, checked against the server',
    ' * by the MariaDB suite (test/e2e/text-semantics.test.ts).',
    ' */',
    '',
    '/** Primary weights of the BMP characters that have an entry (others get implicit weights). */',
    `export const UCA_WEIGHTS =\n${wrap(encoded.weights)};`,
    '',
    "/** Characters whose LOWER differs from JavaScript's one-character toLowerCase. */",
    `export const LOWER_EXCEPTIONS =\n${wrap(encoded.lower)};`,
    '',
    "/** Characters whose UPPER differs from JavaScript's one-character toUpperCase. */",
    `export const UPPER_EXCEPTIONS =\n${wrap(encoded.upper)};`,
    '',
  ].join('\n');
}

if (require.main === module) {
  const url = process.argv[2] ?? process.env.MARIADB_URL ?? 'mysql://root@127.0.0.1:3306';
  readMariaDbCollation(url)
    .then((ref) => {
      const file = path.join(__dirname, '../../src/db/text-collation-data.ts');
      fs.writeFileSync(file, collationModule(encodeCollation(ref)));
      console.log(`wrote ${file}`);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
