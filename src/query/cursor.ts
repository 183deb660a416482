import { createHash } from 'node:crypto';
import { badInput } from '../platform/errors';

/**
 * Opaque keyset cursors: the sort-key values of a row plus a fingerprint of the query shape
 * (table, filter, ordering), so a cursor made for another query or ordering is refused.
 */
export function fingerprint(shape: unknown): string {
  return createHash('sha256').update(JSON.stringify(shape)).digest('base64url').slice(0, 12);
}

export function encodeCursor(fp: string, values: unknown[]): string {
  return Buffer.from(JSON.stringify([fp, values.map((v) => (v instanceof Date ? { d: v.toISOString() } : v))])).toString('base64url');
}

export function decodeCursor(argument: string, cursor: string, fp: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badInput(argument, 'is not a cursor this gateway made');
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || !Array.isArray(parsed[1])) throw badInput(argument, 'is not a cursor this gateway made');
  if (parsed[0] !== fp) throw badInput(argument, 'was made for another query or ordering');
  return (parsed[1] as unknown[]).map((v) => (v && typeof v === 'object' && 'd' in v ? new Date((v as { d: string }).d) : v));
}
