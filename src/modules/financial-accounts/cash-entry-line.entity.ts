import { CASH_ENTRY_LINES } from '../../catalog/tables/cash-entries';
import { CatalogEntity } from '../../graphql/catalog-entity';
import type { EntryLineRow } from './entry-rows';

/** A line of a cash entry (FinancialTransaction/CashEntryLines), in the cash book's order index. */
@CatalogEntity(CASH_ENTRY_LINES, {
  indexes: [
    { columns: ['Division', 'EntryID', 'LineNumber'], unique: true },
    { columns: ['Division', 'JournalCode', 'EntryDate', 'EntryNumber', 'LineNumber'], name: 'IX_CashEntryLines_Division_AccountOrder' },
  ],
})
export class CashEntryLine implements EntryLineRow {
  declare id: string;
  declare divisionCode: number;
  declare entryID: string;
  declare journalCode: string;
  declare entryNumber: number;
  declare entryDate: Date;
  declare lineNumber: number;
  declare date: Date;
  declare amountFC: string;
  declare amountDC: string | null;
  declare exchangeRate: string | null;
  declare currency: string;
  declare balanceAfterFC: string;
  declare description: string | null;
  declare accountID: string | null;
  declare glAccountID: string | null;
  declare ourRef: number | null;
  declare notes: string | null;
  declare documentID: string | null;
  declare offsetID: string | null;
  declare created: Date;
  declare creatorID: string | null;
  declare modified: Date;
  declare modifierID: string | null;
}
