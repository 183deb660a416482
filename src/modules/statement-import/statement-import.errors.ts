import { ErrorCode, ruleErrors } from '../../platform/errors';

/**
 * Rules of the bank statement import (importBankStatements, POST /statements, `npm run import --
 * statements`) beyond those of the files themselves (the parsers' StatementRule: UNBALANCED,
 * RECORD9_TOTAL, ...) and of storing a statement (FinancialEntryRule: BALANCE_GAP, ...), which a
 * refusal names as they are.
 */
export enum StatementImportRule {
  /** No file, or a file without content. */
  REQUIRED = 'REQUIRED',
  /** A value that is not one: base64 that does not decode, an unknown format or encoding name. */
  INVALID_VALUE = 'INVALID_VALUE',
  /** More files in one import than MAX_IMPORT_FILES. */
  TOO_MANY_FILES = 'TOO_MANY_FILES',
  /** A file larger than the way in accepts (the limit is in the message and extensions.limit). */
  FILE_TOO_LARGE = 'FILE_TOO_LARGE',
  /**
   * A statement of an account that is not an own bank account of the caller's divisions: whether
   * it belongs to another division or to nobody, the answer is the same, revealing nothing.
   */
  ACCOUNT_NOT_IN_DIVISIONS = 'ACCOUNT_NOT_IN_DIVISIONS',
  /** The account is an own bank account of several of the caller's divisions: the import cannot choose. */
  AMBIGUOUS_ACCOUNT = 'AMBIGUOUS_ACCOUNT',
}

export const STATEMENT_IMPORT_ERROR_CODES: Record<StatementImportRule, ErrorCode> = {
  [StatementImportRule.REQUIRED]: 'BAD_USER_INPUT',
  [StatementImportRule.INVALID_VALUE]: 'BAD_USER_INPUT',
  [StatementImportRule.TOO_MANY_FILES]: 'BAD_USER_INPUT',
  [StatementImportRule.FILE_TOO_LARGE]: 'PAYLOAD_TOO_LARGE',
  [StatementImportRule.ACCOUNT_NOT_IN_DIVISIONS]: 'FORBIDDEN',
  [StatementImportRule.AMBIGUOUS_ACCOUNT]: 'BAD_USER_INPUT',
};

/** The error of a broken import rule: message `field: why`, extensions {code, field, rule, ...}. */
export const importError = ruleErrors(STATEMENT_IMPORT_ERROR_CODES);
