import { webcrypto } from 'node:crypto';
import { Clock, systemClock } from '../../access/audit';
import { DivisionScope } from '../../access/division-scope';
import { Principal } from '../../access/principal';
import { detectStatementFormat, StatementFormatError, streamStatementFile } from '../../formats/statements';
import type { StatementHeader } from '../../formats/statements';
import type { GatewayEvents } from '../../platform/events';
import { retryOnDeadlock } from '../../platform/retry';
import { BankAccount } from '../bank-accounts/bank-account.entity';
import { BankEntry } from '../financial-accounts/bank-entry.entity';
import { accountKey } from '../financial-accounts/statement.input';
import { StatementImportRule } from './statement-import.errors';
import { checkImportFiles, fileNameOf, fileTooLarge } from './import-files';
import { ImportedFile, ImportOptions, ImportProblem, ImportSummary, positionText } from './statement-import.types';
import type { StatementFileInput } from './statement-import.types';
import {
  accountOf,
  chunksOf,
  FileRefused,
  FileToRead,
  LineCounts,
  OwnAccounts,
  ownershipProblems,
  readAndStore,
  summaryOf,
} from './statement-pass';

/**
 * The bank statement import (issue 12, section 3), thin over the parsers (src/formats/statements)
 * and the statement store (BankStatementService). Each file is imported on its own, all or
 * nothing:
 *
 * 1. its format (given, or detected from its first bytes) and its SHA-256;
 * 2. one streaming read in one transaction (readAndStore, statement-pass.ts): the parser checks
 *    every statement as it reads it (opening balance plus the movements is the closing balance;
 *    CODA record 9's count and totals; batch totals); every statement's account must be an own
 *    bank account (BankAccounts without Account, by IBAN in any spacing or case) of exactly one of
 *    the caller's divisions (any other account, of another division or of nobody, is FORBIDDEN
 *    with one message that reveals nothing); and each statement is stored as it ends (memory
 *    bounded by one statement): the store refuses a statement whose opening balance is not the
 *    previous closing balance of its account (BALANCE_GAP, unless `acceptGap`), and recognises a
 *    statement stored before (account, year, number and date, with the statement's own hash). Any
 *    refusal, wherever in the file, rolls the whole file back. The file is kept on one document
 *    (type 40) per division;
 * 3. only a file whose hash the caller's divisions know already, or one too large to keep, is
 *    checked by a read of its own first: with every statement found among the entries of the known
 *    file it is ALREADY_IMPORTED without being stored again.
 *
 * A refusal is no exception: the summary says which statement (1-based), line and rule. After a
 * file's transaction commits, `statementsImported` announces its new entries. The summary counts
 * each statement's booked lines (`lineCount`, the ones stored) apart from those skipped
 * (`skippedLineCount`: camt.053 entries pending or for information only).
 */
export class StatementImportService {
  constructor(
    private readonly scope: DivisionScope,
    private readonly principal: Principal,
    private readonly events?: GatewayEvents,
    private readonly now: Clock = systemClock,
  ) {}

  /** Imports `files` in order, each all or nothing. BAD_USER_INPUT for no file, too many or an empty one. */
  async import(files: readonly StatementFileInput[], options: ImportOptions = {}): Promise<ImportSummary> {
    checkImportFiles(files);
    const imported: ImportedFile[] = [];
    for (const [i, file] of files.entries()) imported.push(await this.importFile(file, i, options));
    const statements = imported.flatMap((f) => f.statements);
    return {
      files: imported,
      created: statements.filter((s) => s.outcome === 'CREATED').length,
      alreadyImported: statements.filter((s) => s.outcome === 'ALREADY_IMPORTED').length,
      refusedFiles: imported.filter((f) => f.outcome === 'REFUSED').length,
    };
  }

  private async importFile(input: StatementFileInput, index: number, options: ImportOptions): Promise<ImportedFile> {
    const content = input.content;
    const format = input.format ?? detectStatementFormat(content);
    const fileName = fileNameOf(input.fileName, index, format);
    const [fileHash, owners] = await Promise.all([sha256(content), this.ownAccounts()]);
    const result: ImportedFile = { fileName, format, fileHash, outcome: 'REFUSED', knownFile: false, statements: [], problems: [] };
    if (!format) {
      const message = 'the file is not CODA, camt.053 or MT940 (nor was a format given)';
      result.problems.push({ code: 'BAD_USER_INPUT', rule: 'UNKNOWN_FORMAT', statement: null, line: '1', message });
      return result;
    }
    const progress = (phase: 'check' | 'store', lines: number, bytes: number) =>
      options.onProgress?.({ file: index, fileName, phase, lines, totalLines: 0, bytes, totalBytes: content.length });
    const file: FileToRead = { content, format, fileName, fileHash };
    const known = await this.scope.select(BankEntry, 'e').where('e.fileHash = :hash', { hash: fileHash }).getMany();
    result.knownFile = known.length > 0;
    const storable = await this.largestStorableFile();
    // A file seen before, or one too large to keep, is read once to check it before anything else.
    if (known.length || content.length > storable) {
      const done = await this.checkFirst(file, result, owners, known, storable, (n, bytes) => progress('check', n, bytes));
      if (done) return result;
    }
    try {
      result.statements = await retryOnDeadlock(() =>
        this.scope.transaction((tx) =>
          readAndStore(tx, this.principal, this.now, file, owners, options.acceptGap ?? false, (n, bytes) => progress('store', n, bytes)),
        ),
      );
    } catch (error) {
      if (error instanceof StatementFormatError) return Object.assign(result, { statements: [], problems: formatProblems(error) });
      if (!(error instanceof FileRefused)) throw error;
      return Object.assign(result, { statements: error.statements, problems: error.problems });
    }
    const created = result.statements.filter((s) => s.outcome === 'CREATED');
    result.outcome = created.length ? 'IMPORTED' : 'ALREADY_IMPORTED';
    if (created.length) {
      this.events?.emit('statementsImported', { entries: created.map((s) => ({ divisionCode: s.divisionCode!, entryID: s.entryID! })) });
    }
    return result;
  }

  /**
   * A read that only checks the file (the parser's checks, then every statement's account), for a
   * file whose hash the caller's divisions know or that is too large to keep: true (and `result`
   * filled in) when that settles it (refused, every statement found among the entries of the known
   * file: ALREADY_IMPORTED without another read, or FILE_TOO_LARGE); false when it is to be stored.
   */
  private async checkFirst(
    file: FileToRead,
    result: ImportedFile,
    owners: OwnAccounts,
    known: BankEntry[],
    storable: number,
    progress: (lines: number, bytes: number) => void,
  ): Promise<boolean> {
    const headers: StatementHeader[] = [];
    const counts = new LineCounts();
    try {
      progress(0, 0);
      for await (const event of streamStatementFile(chunksOf(file.content), file.format)) {
        if (event.kind === 'statement') headers.push(event.statement);
        else if (event.kind === 'line') counts.add(event.statementIndex, event.line);
      }
      progress(counts.total, file.content.length);
    } catch (error) {
      if (!(error instanceof StatementFormatError)) throw error;
      result.problems = formatProblems(error);
      return true;
    }
    const banks = headers.map((h) => owners.get(accountKey(accountOf(h))) ?? []);
    result.statements = headers.map((h, i) => summaryOf(h, banks[i].length === 1 ? banks[i][0].divisionCode : null, counts.of(h.index)));
    result.problems = headers.flatMap((h, i) => ownershipProblems(h, banks[i]));
    if (result.problems.length) return true;
    if (
      knownFile(
        result,
        known,
        banks.map((b) => b[0]),
      )
    )
      return true;
    if (file.content.length <= storable) return false;
    const error = fileTooLarge('file', storable);
    const why = `${error.message}: the database keeps the file with its entries (MariaDB: raise max_allowed_packet)`;
    result.problems = [{ code: error.code, rule: StatementImportRule.FILE_TOO_LARGE, statement: null, line: null, message: why }];
    return true;
  }

  /**
   * The largest file the database takes in one document attachment: on MariaDB its
   * max_allowed_packet less 1 MiB for the rest of the statement (the bytes go as a binary
   * parameter); SQLite keeps values up to 1 GB.
   */
  private async largestStorableFile(): Promise<number> {
    const packet = await this.scope.maxStatementBytes();
    return packet === null ? 1_000_000_000 : Math.max(0, packet - (1 << 20));
  }

  /** The own bank accounts of the caller's divisions by their canonical number (accountKey). */
  private async ownAccounts(): Promise<OwnAccounts> {
    const own = await this.scope.select(BankAccount, 'b').where('b.accountID IS NULL').getMany();
    const byKey: OwnAccounts = new Map();
    for (const bank of own) {
      const key = accountKey(bank.bankAccount);
      byKey.set(key, [...(byKey.get(key) ?? []), bank]);
    }
    return byKey;
  }
}

/** SHA-256 (hex) of the file, computed off the main thread (Web Crypto runs it in libuv's pool). */
async function sha256(content: Buffer): Promise<string> {
  return Buffer.from(await webcrypto.subtle.digest('SHA-256', content)).toString('hex');
}

/** The parser's problems as the file's problems. */
function formatProblems(error: StatementFormatError): ImportProblem[] {
  return error.problems.map((p) => ({
    code: 'BAD_USER_INPUT',
    rule: p.rule,
    statement: p.statementIndex === null ? null : p.statementIndex + 1,
    line: positionText(p.line),
    message: error.problems.length === 1 ? error.message : p.message,
  }));
}

/**
 * True (and the result filled in) when every statement of the file is among the caller's entries
 * recorded with the file's hash (`known`): the file was imported before and is not read again.
 */
function knownFile(result: ImportedFile, known: BankEntry[], banks: BankAccount[]): boolean {
  if (!known.length) return false;
  const found = result.statements.map((s, i) =>
    known.find(
      (e) =>
        e.bankAccountID === banks[i].id &&
        e.entryDate.toISOString().slice(0, 10) === s.statementDate &&
        (e.statementNumber ?? null) === numberOf(s.statementNumber),
    ),
  );
  if (found.some((e) => !e)) return false;
  found.forEach((e, i) =>
    Object.assign(result.statements[i], { outcome: 'ALREADY_IMPORTED', entryID: e!.entryID, balanceGap: e!.balanceGapFC }),
  );
  result.outcome = 'ALREADY_IMPORTED';
  return true;
}

/** A statement number as the store keeps it: trimmed, and none when only zeros (statement.input.ts numberOf). */
function numberOf(text: string | null): string | null {
  const number = text?.trim() ?? '';
  return number === '' || /^0+$/.test(number) ? null : number;
}
