import { RECONCILIATION_PARTS } from '../../catalog/tables/reconciliation-parts';
import { CatalogEntity } from '../../graphql/catalog-entity';

/** A part of a split bank entry line, settled on its own (see line-split.ts). */
@CatalogEntity(RECONCILIATION_PARTS, { indexes: [{ columns: ['Division', 'BankEntryLine'] }] })
export class ReconciliationPart {
  declare id: string;
  declare divisionCode: number;
  declare bankEntryLineID: string;
  declare actionID: string;
  declare partNumber: number;
  declare amountFC: string;
  declare description: string | null;
  declare reconciliationStatus: number;
  declare openAmountFC: string | null;
  declare created: Date;
  declare creatorID: string | null;
  declare undone: Date | null;
  declare undoneByID: string | null;
}
