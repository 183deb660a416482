import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { CatalogType } from '../catalog';
import { isDecimalText } from '../platform/decimal';
import { badInput } from '../platform/errors';

/**
 * Opaque keyset cursors: the sort-key values of a row plus a fingerprint of the query shape
 * (table, filter, ordering), so a cursor made for another query or ordering is refused, signed
 * with an HMAC-SHA256 under the gateway's cursor secret (config CURSOR_SECRET), so a cursor the
 * gateway did not make is refused before any of its values reaches SQL. The values are checked
 * against the sort keys all the same (count, type, null only where a key can be null): a cursor
 * is input, and the check costs nothing next to the statement.
 *
 *   <base64url of JSON [fingerprint, values]>.<base64url of the first 16 bytes of the HMAC>
 */
export function fingerprint(shape: unknown): string {
  return createHash('sha256').update(JSON.stringify(shape)).digest('base64url').slice(0, 12);
}

/** The longest cursor accepted: 8 sort keys of long text fit easily; more is not a cursor. */
export const MAX_CURSOR_LENGTH = 4096;

/** What a cursor value must be for one sort key: the key column's type, and whether it can be null. */
export interface CursorSlot {
  type: CatalogType;
  nullable: boolean;
}

const MAC_BYTES = 16;

function mac(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest().subarray(0, MAC_BYTES);
}

/** The cursor of a row: its sort-key values (Dates as `{d: ISO}`) under the query's fingerprint. */
export function encodeCursor(secret: string, fp: string, values: unknown[]): string {
  const encoded = values.map((v) => (v instanceof Date ? { d: v.toISOString() } : v));
  const payload = Buffer.from(JSON.stringify([fp, encoded])).toString('base64url');
  return `${payload}.${mac(secret, payload).toString('base64url')}`;
}

/**
 * The sort-key values of a cursor made by this gateway for the query `fp`, checked against the
 * keys' `slots`. BAD_USER_INPUT naming `argument` (after/before) otherwise: "is not a cursor this
 * gateway made" (unsigned, altered, or signed with another secret) or "was made for another
 * query or ordering".
 */
export function decodeCursor(secret: string, argument: string, cursor: string, fp: string, slots: readonly CursorSlot[]): unknown[] {
  const foreign = () => badInput(argument, 'is not a cursor this gateway made (use a startCursor or endCursor of the same list)');
  if (cursor.length > MAX_CURSOR_LENGTH) throw foreign();
  const [payload, signature, extra] = cursor.split('.');
  if (extra !== undefined || !payload || !signature || !/^[A-Za-z0-9_-]+$/.test(payload + signature)) throw foreign();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== MAC_BYTES || !timingSafeEqual(given, mac(secret, payload))) throw foreign();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw foreign();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== 'string' || !Array.isArray(parsed[1])) throw foreign();
  const values = parsed[1] as unknown[];
  if (parsed[0] !== fp || values.length !== slots.length) throw badInput(argument, 'was made for another query or ordering');
  return values.map((v, i) => {
    const value = cursorValue(v, slots[i]);
    if (value === undefined) throw foreign();
    return value;
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A date-time as the drivers return it: ISO 8601, or SQLite's stored `YYYY-MM-DD HH:MM:SS.mmm`. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** A cursor value as the statement binds it, or undefined when it cannot be a value of the slot. */
function cursorValue(v: unknown, slot: CursorSlot): unknown {
  if (v === null) return slot.nullable ? null : undefined;
  switch (slot.type) {
    case 'guid':
      return typeof v === 'string' && UUID.test(v) ? v : undefined;
    case 'string':
      return typeof v === 'string' ? v : undefined;
    case 'int16':
    case 'int32':
    case 'int64':
      // MariaDB hands BIGINT over as digits (bigNumberStrings).
      if (typeof v === 'number') return Number.isSafeInteger(v) ? v : undefined;
      return typeof v === 'string' && /^-?\d{1,19}$/.test(v) ? v : undefined;
    case 'decimal':
      if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
      return typeof v === 'string' && isDecimalText(v) ? v : undefined;
    case 'boolean':
      return typeof v === 'boolean' || v === 0 || v === 1 ? v : undefined;
    case 'datetime': {
      if (v && typeof v === 'object' && 'd' in v && Object.keys(v).length === 1) {
        const text = (v as { d: unknown }).d;
        const d = typeof text === 'string' && DATE_TIME.test(text) ? new Date(text) : undefined;
        return d && !Number.isNaN(d.getTime()) ? d : undefined;
      }
      return typeof v === 'string' && DATE_TIME.test(v) && !Number.isNaN(new Date(v.replace(' ', 'T')).getTime()) ? v : undefined;
    }
    default:
      return undefined;
  }
}
