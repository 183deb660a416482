import { RECONCILIATION_ACTIONS } from '../../catalog/tables/reconciliation';
import { CatalogEntity } from '../../graphql/catalog-entity';

/** Kinds of action on a bank entry line (ReconciliationActions.ActionType). */
export enum ReconciliationActionType {
  ACCEPT = 'ACCEPT',
  AUTO = 'AUTO',
  LINK = 'LINK',
  BOOK = 'BOOK',
  IGNORE = 'IGNORE',
  SPLIT = 'SPLIT',
  UNDO = 'UNDO',
}

/** One action on a bank entry line: who did what when, and what its undo restores on the line. */
@CatalogEntity(RECONCILIATION_ACTIONS, { indexes: [{ columns: ['Division', 'BankEntryLine'] }] })
export class ReconciliationAction {
  declare id: string;
  declare divisionCode: number;
  declare bankEntryLineID: string;
  /** The part of a split line acted on (null: the whole line). */
  declare partID: string | null;
  declare actionType: ReconciliationActionType;
  declare proposalID: string | null;
  declare undoOfID: string | null;
  declare reason: string | null;
  declare previousStatus: number | null;
  declare previousOpenAmountFC: string | null;
  declare created: Date;
  declare creatorID: string | null;
  declare undone: Date | null;
  declare undoneByID: string | null;
}
