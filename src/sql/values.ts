import { Dec } from '../platform/decimal';
import { OutputColumn, ValueType } from './types';

/**
 * One result value as JSON, the same on both databases: decimals as exact strings with the
 * column's scale, whole numbers as numbers (as strings beyond 2^53), datetimes as ISO 8601 UTC,
 * truncated dates as YYYY-MM-DD, booleans as true/false.
 */
export function decodeValue(type: ValueType, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (type.kind) {
    case 'decimal': {
      const text = String(value);
      // Stored money is already canonical text with the column's scale: skip the arithmetic.
      if (canonical(text, type.scale ?? 0)) return text;
      return new Dec(text).toFixed(type.scale ?? 0);
    }
    case 'integer': {
      const n = typeof value === 'number' ? value : Number(value);
      return Number.isSafeInteger(n) ? n : String(value);
    }
    case 'boolean':
      return Boolean(Number(value));
    case 'datetime':
      return isoDateTime(value);
    case 'date':
      return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
    case 'null':
      return null;
    default:
      return Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
  }
}

const CANONICAL = new Map<number, RegExp>();

function canonical(text: string, scale: number): boolean {
  let re = CANONICAL.get(scale);
  if (!re) CANONICAL.set(scale, (re = new RegExp(scale === 0 ? '^-?(0|[1-9]\\d*)$' : `^-?(0|[1-9]\\d*)\\.\\d{${scale}}$`)));
  return re.test(text) && text !== '-0' && !/^-0\.0*$/.test(text);
}

function isoDateTime(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  const text = String(value);
  // SQLite keeps 'YYYY-MM-DD HH:MM:SS.mmm' (UTC), as TypeORM writes it.
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2})?)(\.\d+)?)?/.exec(text);
  if (!m) return text;
  const time = (m[2] ?? '00:00:00').padEnd(8, ':00');
  const fraction = (m[3] ?? '.000').padEnd(4, '0').slice(0, 4);
  return `${m[1]}T${time}${fraction}Z`;
}

/** A driver row (keyed by output name) as a JSON object in the columns' order. */
export function decodeRow(columns: readonly OutputColumn[], row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of columns) out[c.name] = decodeValue(c.type, row[c.name]);
  return out;
}
