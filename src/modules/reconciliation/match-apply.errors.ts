import { ErrorCode, ruleErrors } from '../../platform/errors';

/**
 * Every rule of applying, undoing and listing reconciliation matches, with the GraphQL code it is
 * answered with (a Record over the enum: a rule without a decided code does not compile).
 */
export enum ReconciliationRule {
  REQUIRED = 'REQUIRED',
  TOO_LONG = 'TOO_LONG',
  INVALID_VALUE = 'INVALID_VALUE',
  NOT_FOUND = 'NOT_FOUND',
  /** An item of another division than the line's, or of the wrong side for the line's sign. */
  ITEM_NOT_MATCHABLE = 'ITEM_NOT_MATCHABLE',
  /** The amounts applied are more than the line (or the item) holds. */
  AMOUNT_EXCEEDS = 'AMOUNT_EXCEEDS',
  /** A payment difference beyond the division's tolerance, or with no G/L account to book it to. */
  OUTSIDE_TOLERANCE = 'OUTSIDE_TOLERANCE',
  /** The line or an item is settled already (another user was first), or changed meanwhile. */
  ALREADY_SETTLED = 'ALREADY_SETTLED',
  /** The proposal was accepted or replaced already. */
  PROPOSAL_NOT_OPEN = 'PROPOSAL_NOT_OPEN',
  /** An undo that cannot restore exactly: undone already, a later action holds, an item changed since. */
  NOT_UNDOABLE = 'NOT_UNDOABLE',
}

export const RECONCILIATION_ERROR_CODES: Record<ReconciliationRule, ErrorCode> = {
  [ReconciliationRule.REQUIRED]: 'BAD_USER_INPUT',
  [ReconciliationRule.TOO_LONG]: 'BAD_USER_INPUT',
  [ReconciliationRule.INVALID_VALUE]: 'BAD_USER_INPUT',
  [ReconciliationRule.NOT_FOUND]: 'NOT_FOUND',
  [ReconciliationRule.ITEM_NOT_MATCHABLE]: 'BAD_USER_INPUT',
  [ReconciliationRule.AMOUNT_EXCEEDS]: 'BAD_USER_INPUT',
  [ReconciliationRule.OUTSIDE_TOLERANCE]: 'BAD_USER_INPUT',
  [ReconciliationRule.ALREADY_SETTLED]: 'CONFLICT',
  [ReconciliationRule.PROPOSAL_NOT_OPEN]: 'CONFLICT',
  [ReconciliationRule.NOT_UNDOABLE]: 'CONFLICT',
};

/** The error of a broken reconciliation rule: message `field: why`, extensions {code, field, rule, ...}. */
export const reconciliationError = ruleErrors(RECONCILIATION_ERROR_CODES);
