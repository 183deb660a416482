import { parseCamt053 } from './camt';
import { Camt053Parser } from './camt/parser';
import { parseCoda } from './coda';
import { CodaParser } from './coda/parser';
import { formatError } from './errors';
import { oneByOne, streamEventBatches } from './events';
import { parseMt940 } from './mt940';
import { resolveOptions } from './options';
import { chunksOf, type ChunkSource, type StatementInput } from './text';
import type { ParseOptions, StatementEvent, StatementFile, StatementFormat } from './types';

/**
 * Bank statement files as one normalised shape (see types.ts): Belgian CODA, ISO 20022 camt.053
 * and SWIFT MT940. Pure functions, no database: the import service stores what they return, after
 * the checks they make (balances, CODA record 9, batch totals) and its own (the previous
 * statement's closing balance, account ownership), using the account's IBAN, the statement
 * number and sequence, and the balances and their dates given here.
 */
export { checkStatementBalance, isBooked } from './balance';
export { parseCamt053, streamCamt053 } from './camt';
export { parseCoda, streamCoda, writeCoda } from './coda';
export type { CodaFileToWrite, CodaLineToWrite, CodaStatementToWrite } from './coda';
export { describeStatementProblem, StatementFormatError } from './errors';
export type { StatementPosition, StatementProblem, StatementRule } from './errors';
export { parseMt940 } from './mt940';
export type { ChunkSource, StatementInput } from './text';
export type * from './types';

const CODA_HEADER = /^0{5}\d{6}/;
const MT940_FIELDS = /^:(20|25|28C?|60[FM]|61|62[FM]):/m;

/**
 * The format of a statement file from its first bytes, or null when it is none of the three:
 * CODA starts with record 0 (`00000` and its creation date); camt.053 is XML in an ISO 20022
 * `camt` namespace or with a `BkToCstmrStmt` message (camt.052/054 are refused by the parser with
 * a message naming them); MT940 has SWIFT tags at the start of lines (`:20:`, `:25:`, `:61:`, ...)
 * or a SWIFT block header.
 */
export function detectStatementFormat(input: StatementInput): StatementFormat | null {
  const head = (typeof input === 'string' ? input.slice(0, 4096) : Buffer.from(input.subarray(0, 4096)).toString('latin1'))
    .replace(/^(\uFEFF|\xEF\xBB\xBF)/, '')
    .trimStart();
  if (head.startsWith('<')) return /urn:iso:std:iso:20022:tech:xsd:camt\.|<(\w+:)?BkToCstmr/.test(head) ? 'camt053' : null;
  const firstLine = head.split(/\r?\n/, 1)[0];
  if (CODA_HEADER.test(firstLine) && firstLine.length <= 128) return 'coda';
  if (head.startsWith('{1:') || MT940_FIELDS.test(head)) return 'mt940';
  return null;
}

/**
 * Parses a statement file of the given format, or of the format detectStatementFormat finds.
 * Throws StatementFormatError UNKNOWN_FORMAT when it finds none, and the parser's errors.
 */
export function parseStatementFile(input: StatementInput, options: ParseOptions & { format?: StatementFormat } = {}): StatementFile {
  const format = options.format ?? detectStatementFormat(input);
  switch (format) {
    case 'coda':
      return parseCoda(input, options);
    case 'camt053':
      return parseCamt053(input, options);
    case 'mt940':
      return parseMt940(input, options);
    default:
      throw formatError('UNKNOWN_FORMAT', null, 1, 'the file is not CODA, camt.053 or MT940');
  }
}

/**
 * Streams a statement file of a known format as events (see StatementEvent). CODA and camt.053 are
 * read chunk by chunk in bounded memory; MT940 files, small by nature (a day of one account), are
 * gathered first and then reported the same way.
 */
export function streamStatementFile(source: ChunkSource, format: StatementFormat, options?: ParseOptions): AsyncGenerator<StatementEvent> {
  return oneByOne(streamStatementBatches(source, format, options));
}

/**
 * streamStatementFile's events in batches (each chunk's, or an MT940 file's all at once), for a
 * reader of a large file that takes every event: one await per chunk rather than one per line.
 */
export async function* streamStatementBatches(
  source: ChunkSource,
  format: StatementFormat,
  options?: ParseOptions,
): AsyncGenerator<StatementEvent[]> {
  if (format === 'coda') return yield* streamEventBatches(new CodaParser(resolveOptions(options)), source);
  if (format === 'camt053') return yield* streamEventBatches(new Camt053Parser(resolveOptions(options)), source);
  const chunks: Buffer[] = [];
  for await (const chunk of chunksOf(source)) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  const file = parseMt940(Buffer.concat(chunks), options);
  const events: StatementEvent[] = [];
  for (const statement of file.statements) {
    const { lines, ...header } = statement;
    for (const line of lines) events.push({ kind: 'line', statementIndex: statement.index, line });
    events.push({ kind: 'statement', statement: header });
  }
  for (const problem of file.problems) events.push({ kind: 'problem', problem });
  yield events;
}
