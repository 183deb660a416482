import type { StatementFormat } from '../../formats/statements';
import type { GatewayError } from '../../platform/errors';
import { importError, StatementImportRule } from './statement-import.errors';
import { MAX_IMPORT_FILES, StatementFileInput } from './statement-import.types';

/**
 * The files of an import as each way in receives them, checked the same way: at most
 * MAX_IMPORT_FILES, none empty, none larger than the way in allows, a format name the gateway
 * knows, base64 that decodes.
 */

/** Largest statement file POST /statements takes (raw or each multipart part): 64 MiB. */
export const MAX_HTTP_FILE_BYTES = 64 * 1024 * 1024;

/** The media type a statement file is kept with on its document (type 40). */
export const MEDIA_TYPES: Record<StatementFormat, string> = {
  coda: 'text/plain',
  camt053: 'application/xml',
  mt940: 'text/plain',
};

const EXTENSIONS: Record<StatementFormat, string> = { coda: 'cod', camt053: 'xml', mt940: 'sta' };

/** The format names clients use (the GraphQL enum's and the HTTP `format` parameter's), lower case. */
export const FORMAT_NAMES: Record<string, StatementFormat> = { coda: 'coda', camt053: 'camt053', mt940: 'mt940' };

/** Checks the list of files; BAD_USER_INPUT naming `files` or `files[i].content`. */
export function checkImportFiles(files: readonly StatementFileInput[]): void {
  if (!files.length) throw importError(StatementImportRule.REQUIRED, 'files', 'at least one statement file is required');
  if (files.length > MAX_IMPORT_FILES) {
    throw importError(StatementImportRule.TOO_MANY_FILES, 'files', `at most ${MAX_IMPORT_FILES} files per import, got ${files.length}`, {
      max: MAX_IMPORT_FILES,
    });
  }
  files.forEach((f, i) => {
    if (!f.content?.length) throw importError(StatementImportRule.REQUIRED, `files[${i}].content`, 'the file is empty');
  });
}

/** A file larger than `limit` bytes: PAYLOAD_TOO_LARGE naming the field and stating the limit. */
export function fileTooLarge(field: string, limit: number): GatewayError {
  return importError(
    StatementImportRule.FILE_TOO_LARGE,
    field,
    `is larger than the limit of ${limit} bytes (${(limit / 1024 / 1024).toFixed(1)} MiB)`,
    {
      limit,
    },
  );
}

/** The format a client named (any case), or BAD_USER_INPUT naming `field`; null or empty: detect it. */
export function formatNamed(name: unknown, field: string): StatementFormat | null {
  if (name === undefined || name === null || name === '') return null;
  const format = typeof name === 'string' ? FORMAT_NAMES[name.toLowerCase().replace(/[^a-z0-9]/g, '')] : undefined;
  if (!format) throw importError(StatementImportRule.INVALID_VALUE, field, `must be coda, camt053 or mt940, not ${JSON.stringify(name)}`);
  return format;
}

/** How a file's content travels in GraphQL: as text (UTF-8) or base64 (any bytes, e.g. ISO-8859-1 CODA). */
export type ContentEncoding = 'TEXT' | 'BASE64';

/** The bytes of a file sent as text or base64; BAD_USER_INPUT naming `field` for base64 that is not. */
export function contentBytes(content: string, encoding: ContentEncoding, field: string): Buffer {
  if (encoding === 'TEXT') return Buffer.from(content, 'utf8');
  const compact = content.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) {
    throw importError(StatementImportRule.INVALID_VALUE, field, 'is not base64 (RFC 4648: A-Z a-z 0-9 + / and = padding)');
  }
  return Buffer.from(compact, 'base64');
}

/** The file name kept on the document: the client's (its last path segment), else `statement-N.<ext>`. */
export function fileNameOf(name: string | null | undefined, index: number, format: StatementFormat | null): string {
  const base = (name ?? '').split(/[\\/]/).pop()?.trim() ?? '';
  return base ? base.slice(0, 255) : `statement-${index + 1}.${format ? EXTENSIONS[format] : 'txt'}`;
}
