import { createHash } from 'node:crypto';
/**
 * GUIDs (UUIDs) in their one canonical form: 36 characters, lower case, no braces. Every GUID the
 * gateway writes or compares is in this form, so a lookup finds the same row on SQLite (which
 * compares text case-sensitively) as on MariaDB (whose collation ignores case), and an upper-case
 * spelling of an existing ID can never become a second row.
 */
const GUID = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;

/** True when `value` is a GUID in any accepted spelling (either case, optional braces). */
export function isGuid(value: unknown): value is string {
  return typeof value === 'string' && GUID.test(value);
}

/**
 * The canonical form of a GUID (`{C462BF5D-...}` -> `c462bf5d-...`). Text that is not a GUID is
 * only lower-cased: it can match no canonical GUID either way.
 */
export function canonicalGuid(value: string): string {
  const m = GUID.exec(value);
  return (m ? m[1] : value).toLowerCase();
}

/**
 * A deterministic GUID from the SHA-256 of `text`, shaped as an RFC 4122 version `version` UUID
 * (variant bits 10): the same text always gives the same GUID. For ids that must be stable per
 * subject (a JWT's `sub`, demo rows), never for secrets.
 */
export function guidFromHash(text: string, version: 4 | 5): string {
  const h = createHash('sha256').update(text).digest('hex');
  const variant = ((parseInt(h[16], 16) & 3) | 8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${version}${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
