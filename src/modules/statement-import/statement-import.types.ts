import type { StatementFormat, StatementPosition } from '../../formats/statements';

/**
 * What a statement import takes and answers, whatever the way in (GraphQL, POST /statements, the
 * command line). The summary reads like Exact Online's import notifications: per file whether it
 * was imported, and per statement its account, division, number, dates, balances, lines and what
 * became of it; a refused file says why, naming the statement (1-based), the line and the rule.
 */

/** Most files one import takes. */
export const MAX_IMPORT_FILES = 50;

/** One statement file to import. */
export interface StatementFileInput {
  /** The file's bytes (text is taken as its UTF-8 bytes). */
  content: Buffer;
  /** As the client named it (kept on the document holding the file); default `statement-N.<ext>`. */
  fileName?: string | null;
  /** The format when the client knows it; otherwise detected from the first bytes. */
  format?: StatementFormat | null;
}

export interface ImportOptions {
  /**
   * Store statements whose opening balance is not the previous statement's closing balance of the
   * same account (a missing statement): the gap is stored on the entry and reported. Without it
   * such a file is refused with BALANCE_GAP (CONFLICT) and nothing of it is stored.
   */
  acceptGap?: boolean;
  /** Called as statements are checked and stored (for progress bars). */
  onProgress?: (progress: ImportProgress) => void;
}

/**
 * Where an import stands: `lines` of file `file` (0-based) read, in the read that checks a file
 * first (`check`: only for a file seen before or too large to keep) or the one that stores it.
 */
export interface ImportProgress {
  file: number;
  fileName: string;
  phase: 'check' | 'store';
  lines: number;
  /** Lines of the file when known before the read (0: unknown, the file is read once). */
  totalLines: number;
  /** Bytes of the file read so far, of `totalBytes`. */
  bytes: number;
  totalBytes: number;
}

/** What became of a statement: stored now, stored before (by statement or by file hash), or not stored (its file was refused). */
export type StatementOutcome = 'CREATED' | 'ALREADY_IMPORTED' | 'NOT_STORED';

/** What became of a file: some statement stored, all stored before, or refused with nothing stored. */
export type FileOutcome = 'IMPORTED' | 'ALREADY_IMPORTED' | 'REFUSED';

/** One statement of an imported file. */
export interface ImportedStatement {
  /** 1-based position of the statement in its file. */
  statement: number;
  /** The account as the file gives it: its IBAN in electronic form, else its other number. */
  account: string;
  /** The division whose own bank account it is; null when it is none of the caller's. */
  divisionCode: number | null;
  statementNumber: string | null;
  /** The day of the closing balance, `YYYY-MM-DD`. */
  statementDate: string | null;
  openingBalanceDate: string | null;
  currency: string;
  /** Signed exact decimal text (credit positive). */
  openingBalance: string;
  closingBalance: string;
  /**
   * Booked lines (transactions) of the statement: the ones stored as its entry's lines (all of a
   * CODA or MT940 statement; camt.053 entries of status BOOK or without one).
   */
  lineCount: number;
  /**
   * Lines of the statement in the file that are not stored because they are not booked: camt.053
   * entries of status PDNG (pending) or INFO (for information only), which move no balance. 0 for
   * CODA and MT940.
   */
  skippedLineCount: number;
  outcome: StatementOutcome;
  /** The bank entry (BankEntries.EntryID) it is stored as; null when not stored. */
  entryID: string | null;
  /** Opening balance minus the previous statement's closing balance when they differ (an accepted gap). */
  balanceGap: string | null;
}

/** One reason a file was refused. */
export interface ImportProblem {
  /** GraphQL error code: BAD_USER_INPUT, FORBIDDEN, CONFLICT, ... */
  code: string;
  /** The rule: a parser's (UNBALANCED, RECORD9_TOTAL, ...), the store's (BALANCE_GAP, ...) or the import's. */
  rule: string;
  /** 1-based statement in the file; null for the file as a whole. */
  statement: number | null;
  /** Physical line (CODA, MT940) or XML path (camt.053) where it went wrong. */
  line: string | null;
  message: string;
}

export interface ImportedFile {
  fileName: string;
  format: StatementFormat | null;
  /** SHA-256 of the file's bytes (hex), recorded on its entries (BankEntries.FileHash). */
  fileHash: string;
  outcome: FileOutcome;
  /** True when the caller's divisions hold entries imported from this very file (same hash) before. */
  knownFile: boolean;
  statements: ImportedStatement[];
  /** Why the file was refused: every reason found (the first is the one that decided). Empty unless REFUSED. */
  problems: ImportProblem[];
}

export interface ImportSummary {
  files: ImportedFile[];
  /** Statements stored by this import. */
  created: number;
  /** Statements found stored already. */
  alreadyImported: number;
  /** Files refused (nothing of them stored). */
  refusedFiles: number;
}

/** A problem's position as text (a line number or an XML path). */
export function positionText(position: StatementPosition | null | undefined): string | null {
  return position === null || position === undefined ? null : String(position);
}
