import { OutputColumn } from '../../sql/types';

/** Streaming output formats: CSV (RFC 4180, header line) and NDJSON (one JSON object per line). */
export type ExportFormat = 'csv' | 'ndjson';

export const CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

/** The format asked for by name, or by the Accept header; undefined when neither says. */
export function formatFrom(name: unknown, accept: string | undefined): ExportFormat | undefined {
  if (typeof name === 'string' && name !== '') {
    const n = name.toLowerCase();
    if (n === 'csv' || n === 'ndjson') return n;
    if (n === 'jsonl') return 'ndjson';
    return undefined;
  }
  const a = (accept ?? '').toLowerCase();
  if (a.includes('text/csv')) return 'csv';
  if (a.includes('ndjson') || a.includes('jsonl') || a.includes('json-seq')) return 'ndjson';
  return undefined;
}

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
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
