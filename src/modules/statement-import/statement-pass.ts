import { setImmediate } from 'node:timers/promises';
import type { Clock } from '../../access/audit';
import type { DivisionScope } from '../../access/division-scope';
import type { Principal } from '../../access/principal';
import { isBooked, streamStatementBatches } from '../../formats/statements';
import type { StatementFormat, StatementHeader, StatementLine } from '../../formats/statements';
import { GatewayError } from '../../platform/errors';
import type { BankAccount } from '../bank-accounts/bank-account.entity';
import { BankStatementService } from '../financial-accounts/bank-statement.service';
import { headerToStore, lineToStore } from '../financial-accounts/parsed-statement';
import { accountKey, checkStatementAsync } from '../financial-accounts/statement.input';
import type { CheckedStatement, StatementLineToStore, StatementToStore } from '../financial-accounts/statement.input';
import { MEDIA_TYPES } from './import-files';
import { importError, StatementImportRule } from './statement-import.errors';
import { ImportedStatement, ImportProblem, positionText } from './statement-import.types';

/** Bytes handed to the streaming parsers at a time (as a file stream reads them). */
const CHUNK_BYTES = 64 * 1024;
/** Progress is reported every this many lines. */
const PROGRESS_EVERY = 1000;
/** The read gives the event loop a turn every this many lines (the statement being stored goes on meanwhile). */
const YIELD_EVERY = 50;

/** A file to read: its bytes, format, name and SHA-256 (hex). */
export interface FileToRead {
  content: Buffer;
  format: StatementFormat;
  fileName: string;
  fileHash: string;
}

/** The caller's own bank accounts by their canonical number (accountKey): one, or several for an ambiguous one. */
export type OwnAccounts = Map<string, BankAccount[]>;

/** A refusal found while reading and storing: rolls the file's transaction back, then becomes its answer. */
export class FileRefused extends Error {
  constructor(
    readonly statements: ImportedStatement[],
    readonly problems: ImportProblem[],
  ) {
    super(problems[0]?.message ?? 'refused');
  }
}

/** Booked and skipped (pending, informational) lines per statement index, counted as the lines go by. */
export class LineCounts {
  private readonly booked: number[] = [];
  private readonly skipped: number[] = [];
  total = 0;

  add(statementIndex: number, line: StatementLine): void {
    this.total++;
    const counts = isBooked(line) ? this.booked : this.skipped;
    counts[statementIndex] = (counts[statementIndex] ?? 0) + 1;
  }

  of(statementIndex: number): { lineCount: number; skippedLineCount: number } {
    return { lineCount: this.booked[statementIndex] ?? 0, skippedLineCount: this.skipped[statementIndex] ?? 0 };
  }
}

/**
 * The one read of a file that stores it, inside the file's transaction `tx` (issue 12, section 3):
 * the parser streams the file (checking every statement as it goes: balances, CODA record 9,
 * batches), and each statement is stored as it ends (its booked lines only are kept, as stored:
 * memory bounded by three statements) once its account is known to be an own bank account of
 * exactly one of the caller's divisions. Statements are stored one at a time in file order while
 * the file is read on: one is written and the next may wait for it while the one after is parsed
 * (its hash computed in the thread pool and the rows loaded by the database meanwhile).
 * Once a statement is refused, nothing more is stored, but the file is read to its end, so the
 * answer is the one a check of the whole file before storing would give, in this order: the
 * file's format problems (the parser's StatementFormatError, thrown as it is), then
 * every statement's account problem (FORBIDDEN, revealing nothing), then the store's refusal
 * (BALANCE_GAP, STATEMENT_NUMBER_TAKEN, ...). A refusal throws FileRefused, so the caller's
 * transaction rolls back and nothing of the file stays. Returns each statement's summary.
 */
export async function readAndStore(
  tx: DivisionScope,
  principal: Principal,
  now: Clock,
  file: FileToRead,
  owners: OwnAccounts,
  acceptGap: boolean,
  progress: (lines: number, bytes: number) => void,
): Promise<ImportedStatement[]> {
  const service = new BankStatementService(tx, principal, now);
  const documents = new Map<number, string | null>();
  const headers: { header: StatementHeader; banks: BankAccount[] }[] = [];
  const stored: Partial<ImportedStatement>[] = [];
  const accountProblems: ImportProblem[] = [];
  const counts = new LineCounts();
  let storeProblem: ImportProblem | null = null;
  // The booked lines of the statement being read, as stored: the parser's lines are not kept.
  let lines: StatementLineToStore[] = [];
  const read = { bytes: 0 };
  // The statements being stored (one written, the next waiting for it) while the one after is read;
  // an error other than a refusal ends the file. `storing` ends with the last queued, `before` with the one before it.
  let storing: Promise<void> = Promise.resolve();
  let before: Promise<void> = Promise.resolve();
  let failure: { error: unknown } | null = null;
  const settled = async (statement: Promise<void>) => {
    await statement;
    if (failure) throw failure.error;
  };
  const store = async (statement: StatementHeader, input: StatementToStore, checked: Promise<CheckedStatement>) => {
    const division = input.divisionCode;
    const documentID = documents.get(division);
    const attach = documentID
      ? { documentID }
      : { file: { fileName: file.fileName, mediaType: MEDIA_TYPES[file.format], content: file.content } };
    try {
      const entry = await service.store(input, { acceptGap, fileHash: file.fileHash, ...attach }, checked);
      if (entry.created) documents.set(division, entry.entry.bankStatementDocumentID);
      stored.push({ outcome: entry.created ? 'CREATED' : 'ALREADY_IMPORTED', entryID: entry.entry.entryID, balanceGap: entry.balanceGap });
    } catch (error) {
      if (!(error instanceof GatewayError)) throw error;
      storeProblem = storeProblemOf(error, statement, input);
    }
  };
  progress(0, 0);
  try {
    for await (const batch of streamStatementBatches(chunksOf(file.content, read), file.format))
      for (const event of batch) {
        if (event.kind === 'line') {
          counts.add(event.statementIndex, event.line);
          if (!storeProblem && !accountProblems.length && isBooked(event.line)) lines.push(lineToStore(event.line));
          if (counts.total % PROGRESS_EVERY === 0) progress(counts.total, read.bytes);
          // The parser never waits: let the statement being stored (its hash, its rows to the database) go on.
          if (counts.total % YIELD_EVERY === 0) await setImmediate();
          continue;
        }
        if (event.kind !== 'statement') continue;
        const header = event.statement;
        const banks = owners.get(accountKey(accountOf(header))) ?? [];
        headers.push({ header, banks });
        accountProblems.push(...ownershipProblems(header, banks));
        const booked = lines;
        lines = [];
        // Checked (and its hash started) now, while the statement before it is still being written;
        // a refusal here counts only if that one is stored (awaited in store).
        const input = storeProblem || accountProblems.length ? null : headerToStore(header, booked, banks[0].divisionCode);
        const checked = input && checkStatementAsync(input);
        checked?.catch(() => undefined);
        // Statements are stored in file order, one at a time, each once the one before it is done (or
        // refused). The read goes on while two wait or are written: when the database is slower than
        // the parser for a while, the parser is not left idle (memory: three statements).
        await settled(before);
        if (storeProblem || accountProblems.length || !input || !checked) continue;
        const previous = storing;
        before = previous;
        storing = previous
          .then(() => (storeProblem || failure ? undefined : store(header, input, checked)))
          .catch((error: unknown) => {
            failure = { error };
          });
      }
  } finally {
    // A refused file (the parser's error) ends the transaction only once the statement being stored is done:
    // nothing of it may be written after the rollback.
    await storing;
  }
  await settled(storing);
  progress(counts.total, read.bytes);
  const statements = headers.map(({ header, banks }) =>
    summaryOf(header, banks.length === 1 ? banks[0].divisionCode : null, counts.of(header.index)),
  );
  if (accountProblems.length) throw new FileRefused(statements, accountProblems);
  if (storeProblem) throw new FileRefused(statements, [storeProblem]);
  stored.forEach((s, i) => Object.assign(statements[i], s));
  return statements;
}

/** The file's bytes in chunks, as a streaming parser reads a file from disk; `read.bytes` counts the bytes handed out. */
export function* chunksOf(content: Buffer, read: { bytes: number } = { bytes: 0 }): Generator<Buffer> {
  for (let at = 0; at < content.length; at += CHUNK_BYTES) {
    read.bytes = Math.min(content.length, at + CHUNK_BYTES);
    yield content.subarray(at, at + CHUNK_BYTES);
  }
}

/** The statement's account as the file gives it: its IBAN, else its other number, else its identification. */
export function accountOf(h: StatementHeader): string {
  return h.account.iban ?? h.account.otherId ?? h.account.identification;
}

/** A statement's summary before it is stored (NOT_STORED); `counts` are its booked and skipped lines. */
export function summaryOf(
  h: StatementHeader,
  divisionCode: number | null,
  counts: { lineCount: number; skippedLineCount: number },
): ImportedStatement {
  return {
    statement: h.index + 1,
    account: accountOf(h),
    divisionCode,
    statementNumber: h.statementNumber,
    statementDate: h.statementDate ?? h.closingBalance.date,
    openingBalanceDate: h.openingBalance.date,
    currency: h.account.currency,
    openingBalance: h.openingBalance.amount,
    closingBalance: h.closingBalance.amount,
    ...counts,
    outcome: 'NOT_STORED',
    entryID: null,
    balanceGap: null,
  };
}

/** FORBIDDEN for an account none of the caller's divisions owns; BAD_USER_INPUT when several do. */
export function ownershipProblems(h: StatementHeader, banks: BankAccount[]): ImportProblem[] {
  if (banks.length === 1) return [];
  const rule = banks.length ? StatementImportRule.AMBIGUOUS_ACCOUNT : StatementImportRule.ACCOUNT_NOT_IN_DIVISIONS;
  const why = banks.length
    ? `is an own bank account of divisions ${banks.map((b) => b.divisionCode).join(', ')}: import it with a key of one of them`
    : 'is not an own bank account of the divisions you may import into';
  const error = importError(rule, null, `statement ${h.index + 1}: account ${accountOf(h)} ${why}`);
  return [{ code: error.code, rule, statement: h.index + 1, line: positionText(h.source.first), message: error.message }];
}

/**
 * The store's refusal of a statement as the file's problem: the statement, the line (the booked
 * line a `lines[i].x` field names, its position in the file, else the statement's first line) and the rule.
 */
function storeProblemOf(error: GatewayError, statement: StatementHeader, input: StatementToStore): ImportProblem {
  const field = typeof error.extensions.field === 'string' ? error.extensions.field : '';
  const lineIndex = /^lines\[(\d+)\]/.exec(field);
  const line = lineIndex ? input.lines[Number(lineIndex[1])]?.sourceLine : statement.source.first;
  return {
    code: error.code,
    rule: String(error.extensions.rule ?? error.code),
    statement: statement.index + 1,
    line: positionText(line),
    message: `statement ${statement.index + 1}: ${error.message}`,
  };
}
