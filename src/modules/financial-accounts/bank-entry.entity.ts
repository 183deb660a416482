import { BANK_ENTRIES } from '../../catalog/tables/bank-entries';
import { CatalogEntity } from '../../graphql/catalog-entity';

/**
 * A bank entry (FinancialTransaction/BankEntries): one stored statement of an own bank account.
 * Indexes: the journal's entries in order (balances, neighbours of a new statement), and the
 * statement number per year, unique, so a statement is stored once.
 */
@CatalogEntity(BANK_ENTRIES, {
  hidden: ['StatementHash', 'FileHash'],
  indexes: [
    { columns: ['Division', 'JournalCode', 'EntryNumber'], unique: true },
    { columns: ['Division', 'JournalCode', 'EntryDate', 'EntryNumber'] },
    {
      columns: ['Division', 'JournalCode', 'FinancialYear', 'StatementNumber'],
      unique: true,
      name: 'IX_BankEntries_Division_StatementNumber',
    },
    { columns: ['Division', 'FileHash'], name: 'IX_BankEntries_Division_FileHash' },
  ],
})
export class BankEntry {
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
  declare bankAccountID: string;
  declare statementNumber: string | null;
  declare openingBalanceDate: Date | null;
  declare balanceGapFC: string | null;
  declare bankStatementDocumentID: string | null;
  declare statementHash: string;
  /** SHA-256 of the imported file (hex); null for entries not imported from a file. */
  declare fileHash: string | null;
}
