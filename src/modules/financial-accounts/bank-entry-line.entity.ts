import { BANK_ENTRY_LINES } from '../../catalog/tables/bank-entries';
import { CatalogEntity } from '../../graphql/catalog-entity';
import { EntryLineColumns, entryLineIndexes } from './entry-line.columns';

/**
 * A line of a bank entry (FinancialTransaction/BankEntryLines): one transaction of a statement,
 * with the columns of every entry line (entry-line.columns.ts) and the bank's own: value date,
 * counterparty, references and the statement line it came from.
 */
@CatalogEntity(BANK_ENTRY_LINES, { indexes: entryLineIndexes('BankEntryLines') })
export class BankEntryLine extends EntryLineColumns {
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
}
