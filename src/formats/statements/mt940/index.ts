import { formatError, MAX_PROBLEMS, StatementFormatError, type StatementProblem } from '../errors';
import { resolveOptions } from '../options';
import { inputText, splitLines, type StatementInput } from '../text';
import type { BankStatement, ParseOptions, StatementFile } from '../types';
import { readMessages } from './fields';
import { readStatement } from './parser';

/**
 * Parses an MT940 file (SWIFT Customer Statement Message, as ABN AMRO, ING, Rabobank, Triodos and
 * German banks write it) into normalised statements, one per message (`:20:` ... `:62F:`).
 * Bytes are read as UTF-8 when valid, else in `options.encoding` (ISO-8859-1 by default). `:86:`
 * details are split into counterparty name, IBAN and BIC, remittance and end-to-end reference where
 * the bank structures them. Checks, unless `verify: false`: each statement's balance (`:60F:` plus
 * the `:61:` lines = `:62F:`) and currencies. Throws StatementFormatError (UNKNOWN_FORMAT,
 * BAD_RECORD, BAD_AMOUNT, BAD_DATE, MISSING_BALANCE, UNBALANCED, CURRENCY_MISMATCH) naming the line.
 */
export function parseMt940(input: StatementInput, options?: ParseOptions): StatementFile {
  const { verify, encoding } = resolveOptions(options);
  const messages = readMessages(splitLines(inputText(input, encoding)));
  if (!messages.length)
    throw formatError('UNKNOWN_FORMAT', null, null, 'the text holds no MT940 field (a line starting with :20:, :25:, :61:, ...)');
  const statements: BankStatement[] = [];
  const problems: StatementProblem[] = [];
  messages.forEach((message, index) => {
    const read = readStatement(message, index);
    statements.push({ ...read.header, lines: read.lines });
    problems.push(...read.problems);
  });
  if (verify && problems.length)
    throw new StatementFormatError(problems.slice(0, MAX_PROBLEMS), Math.max(0, problems.length - MAX_PROBLEMS));
  return { format: 'mt940', formatVersion: null, statements, problems };
}
