import { createHash } from 'node:crypto';
import { Clock, systemClock } from '../../access/audit';
import { DivisionScope } from '../../access/division-scope';
import { Principal } from '../../access/principal';
import { detectStatementFormat, isBooked, StatementFormatError, streamStatementFile } from '../../formats/statements';
import type { BankStatement, StatementFormat, StatementHeader, StatementLine } from '../../formats/statements';
import { GatewayError } from '../../platform/errors';
import type { GatewayEvents } from '../../platform/events';
import { retryOnDeadlock } from '../../platform/retry';
import { BankAccount } from '../bank-accounts/bank-account.entity';
import { BankEntry } from '../financial-accounts/bank-entry.entity';
import { BankStatementService } from '../financial-accounts/bank-statement.service';
import { statementToStore } from '../financial-accounts/parsed-statement';
import { accountKey } from '../financial-accounts/statement.input';
import { importError, StatementImportRule } from './statement-import.errors';
import { checkImportFiles, fileNameOf, fileTooLarge, MEDIA_TYPES } from './import-files';
import { ImportedFile, ImportedStatement, ImportOptions, ImportProblem, ImportSummary, positionText } from './statement-import.types';
import type { StatementFileInput } from './statement-import.types';

/** Bytes handed to the streaming parsers at a time (as a file stream reads them). */
const CHUNK_BYTES = 64 * 1024;
/** Progress is reported every this many lines. */
const PROGRESS_EVERY = 1000;

/** A refusal found while storing: rolls the file's transaction back, then becomes its problem. */
class FileRefused extends Error {
  constructor(readonly problem: ImportProblem) {
    super(problem.message);
  }
}

/**
 * The bank statement import (issue 12, section 3), thin over the parsers (src/formats/statements)
 * and the statement store (BankStatementService). Each file is imported on its own, all or
 * nothing, in four steps:
 *
 * 1. its format (given, or detected from its first bytes), its SHA-256, and a first streaming
 *    read that checks every statement as the parsers do (opening balance plus the movements is the
 *    closing balance; CODA record 9's count and totals; batch totals), keeping only the headers;
 * 2. every statement's account must be an own bank account (BankAccounts without Account, by IBAN
 *    in any spacing or case) of exactly one of the caller's divisions: any other account, of
 *    another division or of nobody, is FORBIDDEN with one message that reveals nothing;
 * 3. a file whose hash the caller's divisions know already, with every statement found among its
 *    entries, is ALREADY_IMPORTED without a second read;
 * 4. a second streaming read stores the statements one by one (memory bounded by one statement)
 *    in one transaction: the store refuses a statement whose opening balance is not the previous
 *    closing balance of its account (BALANCE_GAP, unless `acceptGap`), and recognises a statement
 *    stored before (account, year, number and date, with the statement's own hash). Any refusal
 *    rolls the whole file back. The file is kept on one document (type 40) per division.
 *
 * A refusal is no exception: the summary says which statement (1-based), line and rule. After a
 * file's transaction commits, `statementsImported` announces its new entries.
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
    const result: ImportedFile = {
      fileName,
      format,
      fileHash: createHash('sha256').update(content).digest('hex'),
      outcome: 'REFUSED',
      knownFile: false,
      statements: [],
      problems: [],
    };
    if (!format) {
      const message = 'the file is not CODA, camt.053 or MT940 (nor was a format given)';
      result.problems.push({ code: 'BAD_USER_INPUT', rule: 'UNKNOWN_FORMAT', statement: null, line: '1', message });
      return result;
    }
    const progress = (phase: 'check' | 'store', lines: number, totalLines: number) =>
      options.onProgress?.({ file: index, fileName, phase, lines, totalLines });

    let headers: StatementHeader[];
    try {
      headers = await this.check(content, format, (n) => progress('check', n, 0));
    } catch (error) {
      if (!(error instanceof StatementFormatError)) throw error;
      result.problems = error.problems.map((p) => ({
        code: 'BAD_USER_INPUT',
        rule: p.rule,
        statement: p.statementIndex === null ? null : p.statementIndex + 1,
        line: positionText(p.line),
        message: error.problems.length === 1 ? error.message : p.message,
      }));
      return result;
    }
    const owners = await this.ownAccounts();
    const banks = headers.map((h) => owners.get(accountKey(accountOf(h))) ?? []);
    result.statements = headers.map((h, i) => summaryOf(h, banks[i].length === 1 ? banks[i][0].divisionCode : null));
    result.problems = headers.flatMap((h, i) => ownershipProblems(h, banks[i]));
    if (result.problems.length) return result;
    const statementBanks = banks.map((b) => b[0]);

    if (await this.knownFile(result, statementBanks)) return result;
    const storable = await this.largestStorableFile();
    if (content.length > storable) {
      const error = fileTooLarge('file', storable);
      const why = `${error.message}: the database keeps the file with its entries (MariaDB: raise max_allowed_packet)`;
      result.problems = [{ code: error.code, rule: StatementImportRule.FILE_TOO_LARGE, statement: null, line: null, message: why }];
      return result;
    }
    const totalLines = headers.reduce((n, h) => n + h.lineCount, 0);
    try {
      const stored = await retryOnDeadlock(() =>
        this.scope.transaction((tx) =>
          this.store(tx, { content, format, fileName, fileHash: result.fileHash }, statementBanks, options, (n) =>
            progress('store', n, totalLines),
          ),
        ),
      );
      stored.forEach((s, i) => Object.assign(result.statements[i], s));
    } catch (error) {
      if (!(error instanceof FileRefused)) throw error;
      result.problems = [error.problem];
      return result;
    }
    const created = result.statements.filter((s) => s.outcome === 'CREATED');
    result.outcome = created.length ? 'IMPORTED' : 'ALREADY_IMPORTED';
    if (created.length) {
      this.events?.emit('statementsImported', { entries: created.map((s) => ({ divisionCode: s.divisionCode!, entryID: s.entryID! })) });
    }
    return result;
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

  /** First read: every statement checked by the parser, only the headers kept. Throws StatementFormatError. */
  private async check(content: Buffer, format: StatementFormat, progress: (lines: number) => void): Promise<StatementHeader[]> {
    const headers: StatementHeader[] = [];
    let lines = 0;
    progress(0);
    for await (const event of streamStatementFile(chunks(content), format)) {
      if (event.kind === 'statement') headers.push(event.statement);
      else if (event.kind === 'line' && ++lines % PROGRESS_EVERY === 0) progress(lines);
    }
    progress(lines);
    return headers;
  }

  /** The own bank accounts of the caller's divisions by their canonical number (accountKey). */
  private async ownAccounts(): Promise<Map<string, BankAccount[]>> {
    const own = await this.scope.select(BankAccount, 'b').where('b.accountID IS NULL').getMany();
    const byKey = new Map<string, BankAccount[]>();
    for (const bank of own) {
      const key = accountKey(bank.bankAccount);
      byKey.set(key, [...(byKey.get(key) ?? []), bank]);
    }
    return byKey;
  }

  /**
   * True (and the result filled in) when every statement of the file is among the caller's entries
   * recorded with the file's hash: the file was imported before and is not read again.
   */
  private async knownFile(result: ImportedFile, banks: BankAccount[]): Promise<boolean> {
    const known = await this.scope.select(BankEntry, 'e').where('e.fileHash = :hash', { hash: result.fileHash }).getMany();
    result.knownFile = known.length > 0;
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

  /** Second read, in the file's transaction: each statement stored as it ends. Throws FileRefused. */
  private async store(
    tx: DivisionScope,
    file: { content: Buffer; format: StatementFormat; fileName: string; fileHash: string },
    banks: BankAccount[],
    options: ImportOptions,
    progress: (lines: number) => void,
  ): Promise<Partial<ImportedStatement>[]> {
    const service = new BankStatementService(tx, this.principal, this.now);
    const documents = new Map<number, string | null>();
    const out: Partial<ImportedStatement>[] = [];
    let lines: StatementLine[] = [];
    let done = 0;
    for await (const event of streamStatementFile(chunks(file.content), file.format)) {
      if (event.kind === 'line') {
        lines.push(event.line);
        if (++done % PROGRESS_EVERY === 0) progress(done);
        continue;
      }
      if (event.kind !== 'statement') continue;
      const statement: BankStatement = { ...event.statement, lines };
      lines = [];
      const division = banks[statement.index].divisionCode;
      const documentID = documents.get(division);
      const attach = documentID
        ? { documentID }
        : { file: { fileName: file.fileName, mediaType: MEDIA_TYPES[file.format], content: file.content } };
      try {
        const stored = await service.store(statementToStore(statement, division), {
          acceptGap: options.acceptGap ?? false,
          fileHash: file.fileHash,
          ...attach,
        });
        if (stored.created) documents.set(division, stored.entry.bankStatementDocumentID);
        out.push({
          outcome: stored.created ? 'CREATED' : 'ALREADY_IMPORTED',
          entryID: stored.entry.entryID,
          balanceGap: stored.balanceGap,
        });
      } catch (error) {
        if (error instanceof GatewayError) throw new FileRefused(storeProblem(error, statement));
        throw error;
      }
    }
    progress(done);
    return out;
  }
}

/** The file's bytes in chunks, as a streaming parser reads a file from disk. */
function* chunks(content: Buffer): Generator<Buffer> {
  for (let at = 0; at < content.length; at += CHUNK_BYTES) yield content.subarray(at, at + CHUNK_BYTES);
}

function accountOf(h: StatementHeader): string {
  return h.account.iban ?? h.account.otherId ?? h.account.identification;
}

/** A statement number as the store keeps it: trimmed, and none when only zeros (statement.input.ts numberOf). */
function numberOf(text: string | null): string | null {
  const number = text?.trim() ?? '';
  return number === '' || /^0+$/.test(number) ? null : number;
}

function summaryOf(h: StatementHeader, divisionCode: number | null): ImportedStatement {
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
    lineCount: h.lineCount,
    outcome: 'NOT_STORED',
    entryID: null,
    balanceGap: null,
  };
}

/** FORBIDDEN for an account none of the caller's divisions owns; BAD_USER_INPUT when several do. */
function ownershipProblems(h: StatementHeader, banks: BankAccount[]): ImportProblem[] {
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
 * line a `lines[i].x` field names, else the statement's first line) and the rule.
 */
function storeProblem(error: GatewayError, statement: BankStatement): ImportProblem {
  const field = typeof error.extensions.field === 'string' ? error.extensions.field : '';
  const lineIndex = /^lines\[(\d+)\]/.exec(field);
  const line = lineIndex ? statement.lines.filter(isBooked)[Number(lineIndex[1])]?.source : statement.source.first;
  return {
    code: error.code,
    rule: String(error.extensions.rule ?? error.code),
    statement: statement.index + 1,
    line: positionText(line),
    message: `statement ${statement.index + 1}: ${error.message}`,
  };
}
