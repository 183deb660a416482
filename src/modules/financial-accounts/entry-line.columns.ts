import type { CatalogEntityOptions } from '../../graphql/catalog-entity';

/**
 * The columns every line of a financial entry has, bank (BankEntryLines) and cash
 * (CashEntryLines) alike: the entities extend this class (declared fields only, so it adds
 * nothing at run time; each entity's columns come from its catalog table through @CatalogEntity),
 * and the rows the services and the seed build (entry-rows.ts) have its shape. Amounts are exact
 * decimal strings; BalanceAfterFC is the account's balance after the line (see entry-rows.ts).
 */
export abstract class EntryLineColumns {
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

/**
 * The indexes of a line table (`table`: BankEntryLines or CashEntryLines): a line by its entry
 * and number, and the account's order (journal, entry date, entry number, line number), so a page
 * of an account's transactions with their stored running balances is one index range at any depth.
 */
export function entryLineIndexes(table: 'BankEntryLines' | 'CashEntryLines'): NonNullable<CatalogEntityOptions['indexes']> {
  return [
    { columns: ['Division', 'EntryID', 'LineNumber'], unique: true },
    { columns: ['Division', 'JournalCode', 'EntryDate', 'EntryNumber', 'LineNumber'], name: `IX_${table}_Division_AccountOrder` },
  ];
}
