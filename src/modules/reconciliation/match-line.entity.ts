import { RECONCILIATION_MATCHES } from '../../catalog/tables/reconciliation';
import { CatalogEntity } from '../../graphql/catalog-entity';

/** What a match settled (ReconciliationMatches.MatchType). */
export enum ReconciliationMatchType {
  RECEIVABLE = 'RECEIVABLE',
  PAYMENT = 'PAYMENT',
  GLACCOUNT = 'GLACCOUNT',
  CREDIT = 'CREDIT',
}

/** One item a bank entry line settled (see match-apply.service.ts). */
@CatalogEntity(RECONCILIATION_MATCHES, {
  indexes: [
    { columns: ['Division', 'BankEntryLine'] },
    { columns: ['Division', 'Action'] },
    { columns: ['Division', 'Receivable'] },
    { columns: ['Division', 'Payment'] },
  ],
})
export class ReconciliationMatch {
  declare id: string;
  declare divisionCode: number;
  declare actionID: string;
  declare bankEntryLineID: string;
  /** The part of a split line acted on (null: the whole line). */
  declare partID: string | null;
  declare matchType: ReconciliationMatchType;
  declare receivableID: string | null;
  declare paymentID: string | null;
  declare remainderItemID: string | null;
  declare accountID: string | null;
  declare glAccountID: string | null;
  declare amountFC: string;
  declare differenceFC: string | null;
  declare previousValues: string | null;
  declare created: Date;
  declare creatorID: string | null;
  declare undone: Date | null;
  declare undoneByID: string | null;
}
