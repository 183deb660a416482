import { parseWhole, streamEvents } from '../events';
import { resolveOptions } from '../options';
import type { ChunkSource, StatementInput } from '../text';
import type { ParseOptions, StatementEvent, StatementFile } from '../types';
import { Camt053Parser } from './parser';

/**
 * Parses an ISO 20022 camt.053 file (BankToCustomerStatement, versions .001.02 to .001.13) into
 * normalised statements, one per `Stmt`. Bytes are decoded as the XML declaration says (UTF-8
 * without one); `options.encoding` does not apply. Checks, unless `verify: false`: each statement's
 * balance (OPBD or PRCD plus the booked entries = CLBD), balance currencies, batch entries against
 * their details. Throws StatementFormatError (UNKNOWN_FORMAT for camt.052/054 or other XML,
 * BAD_RECORD, BAD_AMOUNT, BAD_DATE, MISSING_BALANCE, UNBALANCED, CURRENCY_MISMATCH, BATCH_TOTAL)
 * naming the element path and XML line.
 */
export function parseCamt053(input: StatementInput, options?: ParseOptions): StatementFile {
  return parseWhole(new Camt053Parser(resolveOptions(options)), input);
}

/**
 * The same, streamed: chunks in, events out (each line as its entry closes, each statement's
 * header when its `Stmt` closes); memory is bounded by one entry, never a tree of the document.
 */
export function streamCamt053(source: ChunkSource, options?: ParseOptions): AsyncGenerator<StatementEvent> {
  return streamEvents(new Camt053Parser(resolveOptions(options)), source);
}
