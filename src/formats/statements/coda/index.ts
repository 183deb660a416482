import { parseWhole, streamEvents } from '../events';
import { resolveOptions } from '../options';
import type { ChunkSource, StatementInput } from '../text';
import type { ParseOptions, StatementEvent, StatementFile } from '../types';
import { CodaParser } from './parser';

/**
 * Parses a CODA file (Febelfin CODA 2.6 / 2.8; records 0, 1, 2.1-2.3, 3.1-3.3, 4, 8 and 9) into
 * normalised statements, one per record 1 ... record 8, of every account in the file.
 * Bytes are read as UTF-8 when valid, else in `options.encoding` (ISO-8859-1 by default).
 * Checks, unless `verify: false`: each statement's balance, record 8 against record 1, record 9's
 * record count and debit and credit totals, globalised movements against their details.
 * Throws StatementFormatError (rules BAD_RECORD, BAD_AMOUNT, BAD_DATE, MISSING_BALANCE, UNBALANCED,
 * RECORD_MISMATCH, RECORD9_COUNT, RECORD9_TOTAL, BATCH_TOTAL, CURRENCY_MISMATCH) naming the line.
 */
export function parseCoda(input: StatementInput, options?: ParseOptions): StatementFile {
  return parseWhole(new CodaParser(resolveOptions(options)), input);
}

/**
 * The same, streamed: chunks in (a Readable, an async iterable of Buffers), events out (each line,
 * then each statement's header when it ends), memory bounded by one movement. With verify, a
 * problem makes the generator throw at the end of the input, after the lines it already yielded.
 */
export function streamCoda(source: ChunkSource, options?: ParseOptions): AsyncGenerator<StatementEvent> {
  return streamEvents(new CodaParser(resolveOptions(options)), source);
}

export { writeCoda } from './writer';
export type { CodaFileToWrite, CodaLineToWrite, CodaStatementToWrite } from './writer';
