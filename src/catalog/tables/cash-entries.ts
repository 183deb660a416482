import { CatalogTable } from '../types';
import { READ_ONLY } from './common';
import { entryColumns, lineAuditColumns, lineColumns, lineRelations } from './financial-entries.common';

export const CASH_ENTRIES: CatalogTable = {
  name: 'CashEntries',
  typeName: 'CashEntry',
  labelEn: 'Cash entries',
  labelNl: 'Kasboekingen',
  description:
    'Pages of a cash book (Exact Online FinancialTransaction/CashEntries), keyed in with the createCashEntry mutation: the ' +
    'same balance rule as bank entries (opening balance plus the lines is the closing balance, and the opening balance is the ' +
    "previous entry's closing balance).",
  partitionColumn: 'Division',
  primaryKey: 'EntryID',
  // createCashEntry and deleteCashEntry (the last entry of a journal); an entry is never changed.
  allows: { read: true, insert: true, update: false, delete: true },
  columns: entryColumns('cash'),
  relations: [
    { name: 'division', table: 'Divisions', on: [['Division', 'Code']], kind: 'one', doc: 'Division of the entry.' },
    { name: 'journal', table: 'Journals', on: [['JournalCode', 'Code']], kind: 'one', doc: 'Cash journal of the entry.' },
    { name: 'lines', table: 'CashEntryLines', on: [['EntryID', 'EntryID']], kind: 'many', doc: 'Lines of the cash entry.' },
  ],
};

export const CASH_ENTRY_LINES: CatalogTable = {
  name: 'CashEntryLines',
  typeName: 'CashEntryLine',
  labelEn: 'Cash entry lines',
  labelNl: 'Kasboekingsregels',
  description: 'The lines of cash entries (Exact Online FinancialTransaction/CashEntryLines): money into and out of a cash book.',
  partitionColumn: 'Division',
  primaryKey: 'ID',
  allows: READ_ONLY,
  columns: [...lineColumns('cash'), ...lineAuditColumns()],
  relations: [
    ...lineRelations(),
    { name: 'entry', table: 'CashEntries', on: [['EntryID', 'EntryID']], kind: 'one', doc: 'The cash entry of the line.' },
  ],
};
