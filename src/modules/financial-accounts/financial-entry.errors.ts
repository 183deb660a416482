import { ErrorCode, ruleErrors } from '../../platform/errors';

/**
 * Every rule of bank and cash entries (storing a statement, createCashEntry, deleteCashEntry) and
 * of reading financial accounts, with the GraphQL code it is answered with. The map is a Record
 * over the enum, so a rule without a decided code does not compile. Rule strings shared with other
 * vocabularies (REQUIRED, NOT_FOUND, ...) mean the same code there.
 */
export enum FinancialEntryRule {
  REQUIRED = 'REQUIRED',
  TOO_LONG = 'TOO_LONG',
  INVALID_VALUE = 'INVALID_VALUE',
  INVALID_CURRENCY = 'INVALID_CURRENCY',
  /** More decimals than the currency has or the columns store (2). */
  AMOUNT_SCALE = 'AMOUNT_SCALE',
  /** An own bank account, journal, account, G/L account or document that does not exist in the division. */
  UNKNOWN_REFERENCE = 'UNKNOWN_REFERENCE',
  /** A journal of the wrong type: a cash entry needs a cash journal (10). */
  WRONG_JOURNAL_TYPE = 'WRONG_JOURNAL_TYPE',
  /** A line, or the statement, in another currency than the account (extensions.expected). */
  CURRENCY_MISMATCH = 'CURRENCY_MISMATCH',
  /** A line booked after the date of its entry. */
  DATE_AFTER_ENTRY = 'DATE_AFTER_ENTRY',
  /** Opening balance plus the lines is not the closing balance (extensions.expected, difference). */
  UNBALANCED = 'UNBALANCED',
  /**
   * The opening balance is not the closing balance of the journal's previous entry, or the
   * closing balance not the opening of the next one (extensions.expected, difference, entryID of
   * the neighbour): a statement is missing. Refused unless the caller accepts the gap.
   */
  BALANCE_GAP = 'BALANCE_GAP',
  /** Another statement with the same number, year and account is stored already (extensions.entryID). */
  STATEMENT_NUMBER_TAKEN = 'STATEMENT_NUMBER_TAKEN',
  TOO_MANY_LINES = 'TOO_MANY_LINES',
  NOT_FOUND = 'NOT_FOUND',
  STALE_VERSION = 'STALE_VERSION',
  /** Only the last entry of a journal can be deleted: the next one opens with its closing balance. */
  NOT_LAST_ENTRY = 'NOT_LAST_ENTRY',
  /** A processed entry (Status 50) cannot be deleted. */
  NOT_DELETABLE = 'NOT_DELETABLE',
}

export const FINANCIAL_ENTRY_ERROR_CODES: Record<FinancialEntryRule, ErrorCode> = {
  [FinancialEntryRule.REQUIRED]: 'BAD_USER_INPUT',
  [FinancialEntryRule.TOO_LONG]: 'BAD_USER_INPUT',
  [FinancialEntryRule.INVALID_VALUE]: 'BAD_USER_INPUT',
  [FinancialEntryRule.INVALID_CURRENCY]: 'BAD_USER_INPUT',
  [FinancialEntryRule.AMOUNT_SCALE]: 'BAD_USER_INPUT',
  [FinancialEntryRule.UNKNOWN_REFERENCE]: 'BAD_USER_INPUT',
  [FinancialEntryRule.WRONG_JOURNAL_TYPE]: 'BAD_USER_INPUT',
  [FinancialEntryRule.CURRENCY_MISMATCH]: 'BAD_USER_INPUT',
  [FinancialEntryRule.DATE_AFTER_ENTRY]: 'BAD_USER_INPUT',
  [FinancialEntryRule.UNBALANCED]: 'BAD_USER_INPUT',
  [FinancialEntryRule.BALANCE_GAP]: 'CONFLICT',
  [FinancialEntryRule.STATEMENT_NUMBER_TAKEN]: 'CONFLICT',
  [FinancialEntryRule.TOO_MANY_LINES]: 'BAD_USER_INPUT',
  [FinancialEntryRule.NOT_FOUND]: 'NOT_FOUND',
  [FinancialEntryRule.STALE_VERSION]: 'CONFLICT',
  [FinancialEntryRule.NOT_LAST_ENTRY]: 'CONFLICT',
  [FinancialEntryRule.NOT_DELETABLE]: 'CONFLICT',
};

/** The error of a broken entry rule: message `field: why`, extensions {code, field, rule, ...}. */
export const entryError = ruleErrors(FINANCIAL_ENTRY_ERROR_CODES);
