import { CASH_ENTRIES } from '../../catalog/tables/cash-entries';
import { CatalogEntity } from '../../graphql/catalog-entity';

/** A cash entry (FinancialTransaction/CashEntries): one page of a cash book, versioned for deletes. */
@CatalogEntity(CASH_ENTRIES, {
  versioned: true,
  indexes: [
    { columns: ['Division', 'JournalCode', 'EntryNumber'], unique: true },
    { columns: ['Division', 'JournalCode', 'EntryDate', 'EntryNumber'] },
  ],
})
export class CashEntry {
  declare entryID: string;
  declare divisionCode: number;
  declare entryNumber: number;
  declare journalCode: string;
  declare entryDate: Date;
  declare currency: string;
  declare openingBalanceFC: string;
  declare closingBalanceFC: string;
  declare financialYear: number;
  declare financialPeriod: number;
  declare status: number;
  declare created: Date;
  declare creatorID: string | null;
  declare modified: Date;
  declare modifierID: string | null;
  declare version: number;
}
