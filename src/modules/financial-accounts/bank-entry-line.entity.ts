import { BANK_ENTRY_LINES } from '../../catalog/tables/bank-entries';
import { CatalogEntity } from '../../graphql/catalog-entity';
import type { EntryLineRow } from './entry-rows';

/**
 * A line of a bank entry (FinancialTransaction/BankEntryLines): one transaction of a statement.
 * The account's order (journal, entry date, entry number, line number) is one index, so a page of
 * transactions with their stored running balances is one index range at any depth.
 */
@CatalogEntity(BANK_ENTRY_LINES, {
  indexes: [
    { columns: ['Division', 'EntryID', 'LineNumber'], unique: true },
    { columns: ['Division', 'JournalCode', 'EntryDate', 'EntryNumber', 'LineNumber'], name: 'IX_BankEntryLines_Division_AccountOrder' },
    { columns: ['Division', 'ReconciliationStatus'] },
  ],
})
export class BankEntryLine implements EntryLineRow {
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
  declare valueDate: Date | null;
  declare counterpartyName: string | null;
  declare counterpartyBankAccount: string | null;
  declare counterpartyBIC: string | null;
  declare paymentReference: string | null;
  declare remittanceInformation: string | null;
  declare endToEndID: string | null;
  declare bankReference: string | null;
  declare bankTransactionCode: string | null;
  declare sourceLine: string | null;
  /** See modules/reconciliation (null: never looked at, open). */
  declare reconciliationStatus: number | null;
  declare openAmountFC: string | null;
  declare created: Date;
  declare creatorID: string | null;
  declare modified: Date;
  declare modifierID: string | null;
}
