import type { Request } from 'express';
import { ExportFormat, formatNamed, MEDIA_TYPES } from '../modules/exports/formats';
import { badInput } from '../platform/errors';

/** The error a route answers a bad parameter with: its module's rule (INVALID_VALUE, INVALID_FORMAT), naming the field. */
export type Refusal = (field: string, why: string) => Error;

/**
 * The input of a REST request checked as GraphQL checks its arguments: only the names the route
 * knows (a misspelt `tabel=` is an error, not an ignored parameter), each at most once, a JSON
 * object as the body. BAD_USER_INPUT naming the parameter otherwise.
 */

/** The query-string parameters of `req`, refusing names not in `known` and repeated or nested ones. */
export function queryInput(req: Request, known: readonly string[], refuse: Refusal = badInput): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.query)) {
    if (!known.includes(name)) {
      throw refuse(name, `is not a parameter of ${req.method} ${req.path} (known: ${known.join(', ') || 'none'})`);
    }
    if (typeof value !== 'string') throw refuse(name, 'must be given once, as plain text');
    out[name] = value;
  }
  return out;
}

/** The JSON object body of `req`, refusing other bodies and fields not in `known`. */
export function bodyInput(req: Request, known: readonly string[], refuse: Refusal = badInput): Record<string, unknown> {
  const body: unknown = req.body;
  if (body === undefined) throw refuse('body', 'must be a JSON object, sent with Content-Type: application/json');
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw refuse('body', 'must be a JSON object');
  for (const name of Object.keys(body)) {
    if (!known.includes(name)) throw refuse(name, `is not a field of ${req.method} ${req.path} (known: ${known.join(', ')})`);
  }
  return body as Record<string, unknown>;
}

type Answer = ExportFormat | 'json';

const JSON_TYPE = 'application/json';

/**
 * The format to answer in, out of `offered` (the first is the default): the `format` name when
 * given (csv, ndjson or jsonl, json), else the best the Accept header accepts, by its quality
 * values (express's req.accepts, the `accepts` package). A name not offered is BAD_USER_INPUT
 * naming `format`; an Accept header that accepts none of the offered types is BAD_USER_INPUT
 * naming `Accept` (an explicit `format` wins over Accept).
 */
export function answerFormat(req: Request, name: unknown, offered: readonly Answer[], refuse: Refusal = badInput): Answer {
  if (name !== undefined && name !== null) {
    const format = typeof name === 'string' ? formatNamed(name) : undefined;
    const names = `${offered.slice(0, -1).join(', ')} or ${offered[offered.length - 1]}`;
    if (!format || !offered.includes(format)) throw refuse('format', `must be ${names}, not ${JSON.stringify(name)}`);
    return format;
  }
  const types = offered.flatMap((f) => (f === 'json' ? [JSON_TYPE] : MEDIA_TYPES[f]));
  const best = req.accepts(types);
  if (!best) throw refuse('Accept', `accepts none of ${types.join(', ')} (or use format=${offered.join('|')})`);
  return offered.find((f) => (f === 'json' ? best === JSON_TYPE : MEDIA_TYPES[f].includes(best)))!;
}
