import { OutputColumn } from '../../sql/types';

/** Streaming output formats: CSV (RFC 4180, header line) and NDJSON (one JSON object per line). */
export type ExportFormat = 'csv' | 'ndjson';

export const CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

/** Media types of each format for Accept; the first is also the one CONTENT_TYPE answers with. */
export const MEDIA_TYPES: Record<ExportFormat, readonly string[]> = {
  csv: ['text/csv'],
  ndjson: ['application/x-ndjson', 'application/ndjson', 'application/jsonl'],
};

/**
 * The format a `format=` name asks for: csv, ndjson (or jsonl, its other name) and json (only
 * POST /sql answers JSON), in any case; undefined for any other name. The caller refuses those,
 * naming `format` and the formats it offers.
 */
export function formatNamed(name: string): ExportFormat | 'json' | undefined {
  const n = name.trim().toLowerCase();
  if (n === 'csv' || n === 'ndjson' || n === 'json') return n;
  return n === 'jsonl' ? 'ndjson' : undefined;
}

/**
 * A leading `=`, `+`, `-`, `@`, tab or carriage return makes a spreadsheet read a cell as a
 * formula (`=HYPERLINK(...)`, `@SUM(A1)`, DDE payloads such as `-2+3+cmd|...`). Such text gets a
 * leading apostrophe, which spreadsheets show as text (OWASP, CSV injection). Numbers are never
 * touched: numbers, and text that is a plain number (`-12.50`, a decimal amount, the amounts of a
 * GraphQL export), stay exactly as they are. NDJSON is not a spreadsheet format and stays exact.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A text cell a spreadsheet opens as text: see FORMULA_START. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // Whatever the column's type: a number in text form passes unchanged (PLAIN_NUMBER), and a
  // driver value that is not one is treated as the text it is.
  const text = neutraliseFormula(typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value));
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvHeader(columns: readonly OutputColumn[]): string {
  return columns.map((c) => csvField(c.name)).join(',') + '\r\n';
}

/** One line of output for `row` (already decoded: exact decimal strings, ISO dates). */
export function formatRow(format: ExportFormat, columns: readonly OutputColumn[], row: Record<string, unknown>): string {
  if (format === 'ndjson') return JSON.stringify(row) + '\n';
  return columns.map((c) => csvField(row[c.name])).join(',') + '\r\n';
}
