import { CASH_ENTRY_LINES } from '../../catalog/tables/cash-entries';
import { CatalogEntity } from '../../graphql/catalog-entity';
import { EntryLineColumns, entryLineIndexes } from './entry-line.columns';

/** A line of a cash entry (FinancialTransaction/CashEntryLines), in the cash book's order index. */
@CatalogEntity(CASH_ENTRY_LINES, { indexes: entryLineIndexes('CashEntryLines') })
export class CashEntryLine extends EntryLineColumns {}
