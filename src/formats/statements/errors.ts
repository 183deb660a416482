/**
 * Why a bank statement file cannot be taken as it is. The parsers stay free of GraphQL and of the
 * database: the import service maps a StatementFormatError to BAD_USER_INPUT, naming `rule` and
 * `line` so a user can find the record in the file.
 */

/**
 * Stable codes of what went wrong, for clients and tests to rely on:
 * - UNKNOWN_FORMAT: not CODA, CAMT.053 or MT940 (or a version or message type that is not a statement).
 * - BAD_RECORD: a record, field or element is malformed or out of place (a CODA record of the wrong
 *   length or out of order, an MT940 field that does not parse, XML that is not well formed).
 * - BAD_AMOUNT / BAD_DATE: an amount or date field that is not one.
 * - MISSING_BALANCE: no opening or no closing balance for a statement.
 * - UNBALANCED: opening balance plus the movements is not the closing balance.
 * - CURRENCY_MISMATCH: a balance or movement in another currency than the account's.
 * - RECORD_MISMATCH: CODA record 8 names another account, currency or statement than record 1.
 * - RECORD9_COUNT / RECORD9_TOTAL: CODA record 9's record count or debit/credit totals disagree
 *   with the records before it.
 * - BATCH_TOTAL: the details of a globalised (CODA) or batch (CAMT) movement do not add up to it.
 */
export type StatementRule =
  | 'UNKNOWN_FORMAT'
  | 'BAD_RECORD'
  | 'BAD_AMOUNT'
  | 'BAD_DATE'
  | 'MISSING_BALANCE'
  | 'UNBALANCED'
  | 'CURRENCY_MISMATCH'
  | 'RECORD_MISMATCH'
  | 'RECORD9_COUNT'
  | 'RECORD9_TOTAL'
  | 'BATCH_TOTAL';

/** Where in the file: a physical line number (1-based; CODA, MT940) or an XML element path (CAMT). */
export type StatementPosition = number | string;

/** One problem of a statement file. */
export interface StatementProblem {
  rule: StatementRule;
  /** 0-based position of the statement in the file; null for problems of the file as a whole. */
  statementIndex: number | null;
  /** Physical line (1-based) or XML element path such as `Document/BkToCstmrStmt/Stmt[1]/Ntry[3]/Amt`. */
  line: StatementPosition | null;
  /** Why, in words a finance user understands, naming the values that disagree. */
  message: string;
}

/** Problems a parser keeps (a broken file could otherwise hold one per line); the rest are counted. */
export const MAX_PROBLEMS = 1000;
/** Problems the message of an error spells out. */
const MESSAGE_PROBLEMS = 10;

/**
 * Thrown by the parsers. Syntax problems are thrown at once; consistency problems (balances,
 * CODA record 9, batch totals) are collected and thrown together when the file ends, so one
 * refusal lists every reason (up to MAX_PROBLEMS, `more` counts the others; the message spells
 * out the first ten). The fields of the error are those of its first problem.
 */
export class StatementFormatError extends Error {
  readonly rule: StatementRule;
  readonly statementIndex: number | null;
  readonly line: StatementPosition | null;

  constructor(
    readonly problems: StatementProblem[],
    readonly more = 0,
  ) {
    const untold = problems.length - MESSAGE_PROBLEMS + more;
    super(
      problems.slice(0, MESSAGE_PROBLEMS).map(describeStatementProblem).join('; ') + (untold > 0 ? `; and ${untold} more problems` : ''),
    );
    this.name = 'StatementFormatError';
    this.rule = problems[0].rule;
    this.statementIndex = problems[0].statementIndex;
    this.line = problems[0].line;
  }
}

/** `line 12 (statement 1): why [RULE]`: the text of one problem in an error message. */
export function describeStatementProblem(p: StatementProblem): string {
  const where = [p.line === null ? null : typeof p.line === 'number' ? `line ${p.line}` : p.line];
  if (p.statementIndex !== null) where.push(`statement ${p.statementIndex + 1}`);
  const prefix = where.filter(Boolean).join(', ');
  return `${prefix ? `${prefix}: ` : ''}${p.message} [${p.rule}]`;
}

/** A problem object (for collecting) and its error (for throwing at once). */
export function problem(
  rule: StatementRule,
  statementIndex: number | null,
  line: StatementPosition | null,
  message: string,
): StatementProblem {
  return { rule, statementIndex, line, message };
}

export function formatError(
  rule: StatementRule,
  statementIndex: number | null,
  line: StatementPosition | null,
  message: string,
): StatementFormatError {
  return new StatementFormatError([problem(rule, statementIndex, line, message)]);
}
