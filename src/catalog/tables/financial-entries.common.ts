import { col } from '../column';
import { CatalogColumn, CatalogRelation } from '../types';
import { auditColumns } from './common';

/**
 * Columns shared by bank and cash entries (Exact's FinancialTransaction/BankEntries and
 * CashEntries, with their lines). One entry is one statement of an own bank account or one page
 * of a cash book; its rule is that the opening balance plus the lines is the closing balance, and
 * that the opening balance is the closing balance of the journal's previous entry.
 *
 * The order of an account's transactions is (EntryDate, EntryNumber, LineNumber): statements in
 * date order and lines in booking-date order within their statement. Each line stores the balance
 * after it (BalanceAfterFC), so a page of transactions never sums from the beginning.
 */
export type EntryKind = 'bank' | 'cash';

const WHAT: Record<EntryKind, { entry: string; journal: string; date: string }> = {
  bank: {
    entry: 'bank entry (one imported statement)',
    journal: 'a journal of type 12 (Bank), one per own bank account',
    date: 'Date of the statement: the day of its closing balance.',
  },
  cash: {
    entry: 'cash entry (one page of a cash book)',
    journal: 'a journal of type 10 (Cash)',
    date: 'Date of the cash entry: the day its closing balance was counted.',
  },
};

/** Money of entries and lines: Exact's amount columns, exact decimals with two places. */
const MONEY = { precision: 18, scale: 2 } as const;

/** Columns of an entry (header), in the catalog's order. */
export function entryColumns(kind: EntryKind): CatalogColumn[] {
  const w = WHAT[kind];
  return [
    col('EntryID', 'guid', 'Entry ID', 'Boeking ID', `Identifier of the ${w.entry}.`, { required: true }),
    col('Division', 'int32', 'Division', 'Divisie', 'Division code.', { required: true, field: 'divisionCode' }),
    col(
      'EntryNumber',
      'int32',
      'Entry number',
      'Boekstuknummer',
      'Number of the entry within its journal: 1, 2, ... in the order the entries were stored.',
      { required: true },
    ),
    col('JournalCode', 'string', 'Journal', 'Dagboek', `Code of the journal of the entry: ${w.journal}.`, { length: 20, required: true }),
    col('JournalDescription', 'string', 'Journal description', 'Omschrijving dagboek', 'Description of the journal.', {
      length: 60,
      derived: { relation: 'journal', column: 'Description' },
    }),
    col('EntryDate', 'datetime', 'Entry date', 'Boekdatum', w.date, { required: true }),
    col('Currency', 'string', 'Currency', 'Valuta', 'Currency of the balances and lines (ISO 4217): the currency of the account.', {
      length: 3,
      required: true,
    }),
    col(
      'OpeningBalanceFC',
      'decimal',
      'Opening balance',
      'Beginsaldo',
      "Balance before the entry's lines; equals the closing balance of the journal's previous entry.",
      { ...MONEY, required: true },
    ),
    col(
      'ClosingBalanceFC',
      'decimal',
      'Closing balance',
      'Eindsaldo',
      "Balance after the entry's lines: exactly the opening balance plus the lines.",
      { ...MONEY, required: true },
    ),
    col('FinancialYear', 'int16', 'Financial year', 'Boekjaar', 'Financial year of the entry (calendar year of EntryDate).', {
      required: true,
    }),
    col('FinancialPeriod', 'int16', 'Financial period', 'Periode', 'Financial period of the entry (month of EntryDate, 1 to 12).', {
      required: true,
    }),
    col('Status', 'int16', 'Status', 'Status', 'Status of the entry: 20 Open, 50 Processed.', { required: true }),
    ...auditColumns(),
  ];
}

/** Columns of an entry line shared by bank and cash, in the catalog's order. */
export function lineColumns(kind: EntryKind): CatalogColumn[] {
  const w = WHAT[kind];
  return [
    col('ID', 'guid', 'ID', 'ID', `Identifier of the line of a ${w.entry}.`, { required: true }),
    col('Division', 'int32', 'Division', 'Divisie', 'Division code.', { required: true, field: 'divisionCode' }),
    col('EntryID', 'guid', 'Entry ID', 'Boeking ID', 'The entry the line belongs to.', { required: true }),
    col(
      'JournalCode',
      'string',
      'Journal',
      'Dagboek',
      "Journal of the entry (copied from it, so an account's lines are read in order from one index).",
      { length: 20, required: true },
    ),
    col('EntryNumber', 'int32', 'Entry number', 'Boekstuknummer', 'Number of the entry within its journal (copied from it).', {
      required: true,
    }),
    col('EntryDate', 'datetime', 'Entry date', 'Boekdatum', "Date of the entry (copied from it): the first key of the account's order.", {
      required: true,
    }),
    col('LineNumber', 'int32', 'Line number', 'Regelnummer', 'Number of the line within its entry, 1, 2, ... in booking-date order.', {
      required: true,
    }),
    col('Date', 'datetime', 'Date', 'Datum', "Booking date of the line (never after the entry's date).", { required: true }),
    col('AmountFC', 'decimal', 'Amount', 'Bedrag', 'Amount in the currency of the account: positive money in, negative money out.', {
      ...MONEY,
      required: true,
    }),
    col(
      'AmountDC',
      'decimal',
      'Amount (division currency)',
      'Bedrag (divisievaluta)',
      "Amount in the division's currency; empty while the exchange rate of a foreign-currency account is not known.",
      MONEY,
    ),
    col(
      'ExchangeRate',
      'decimal',
      'Exchange rate',
      'Wisselkoers',
      "AmountFC x ExchangeRate = AmountDC; 1 for an account in the division's currency.",
      { precision: 18, scale: 8 },
    ),
    col('Currency', 'string', 'Currency', 'Valuta', 'Currency of AmountFC (that of the entry).', { length: 3, required: true }),
    col(
      'BalanceAfterFC',
      'decimal',
      'Balance after',
      'Saldo na',
      "Balance of the account after this line: the entry's opening balance plus its lines up to this one. " +
        "The last line's is the entry's closing balance.",
      { ...MONEY, required: true },
    ),
    col('Description', 'string', 'Description', 'Omschrijving', 'Description of the line.', { length: 255 }),
    col('Account', 'guid', 'Account', 'Relatie', 'The customer or supplier of the line, once known.', { field: 'accountID' }),
    col('AccountCode', 'string', 'Account code', 'Relatiecode', 'Code of the account.', {
      length: 18,
      derived: { relation: 'account', column: 'Code' },
    }),
    col('AccountName', 'string', 'Account name', 'Relatienaam', 'Name of the account.', {
      length: 50,
      derived: { relation: 'account', column: 'Name' },
    }),
    col(
      'GLAccount',
      'guid',
      'G/L account',
      'Grootboekrekening',
      'G/L account the line is booked against (the offset of the bank or cash account), once known.',
      { field: 'glAccountID' },
    ),
    col('GLAccountCode', 'string', 'G/L account code', 'Grootboekrekeningcode', 'Code of the G/L account.', {
      length: 30,
      derived: { relation: 'glAccount', column: 'Code' },
    }),
    col('GLAccountDescription', 'string', 'G/L account description', 'Omschrijving grootboekrekening', 'Description of the G/L account.', {
      length: 60,
      derived: { relation: 'glAccount', column: 'Description' },
    }),
    col('OurRef', 'int32', 'Our reference', 'Onze referentie', 'Our reference: the invoice number the line pays, once known.'),
    col('Notes', 'string', 'Notes', 'Notities', 'Notes on the line.', { length: 1000 }),
    col('Document', 'guid', 'Document', 'Document', 'Document of the line (a receipt, an invoice).', { field: 'documentID' }),
    col('DocumentNumber', 'int32', 'Document number', 'Documentnummer', 'Number of the document.', {
      derived: { relation: 'document', column: 'DocumentNumber' },
    }),
    col('DocumentSubject', 'string', 'Document subject', 'Onderwerp document', 'Subject of the document.', {
      length: 256,
      derived: { relation: 'document', column: 'Subject' },
    }),
    col('OffsetID', 'guid', 'Offset ID', 'Tegenboeking ID', 'The line this one offsets (a reversal), if any.'),
  ];
}

/** To-one relations every line has, besides its entry. */
export function lineRelations(): CatalogRelation[] {
  return [
    { name: 'division', table: 'Divisions', on: [['Division', 'Code']], kind: 'one', doc: 'Division of the line.' },
    { name: 'journal', table: 'Journals', on: [['JournalCode', 'Code']], kind: 'one', doc: "Journal of the line's entry." },
    { name: 'account', table: 'Accounts', on: [['Account', 'ID']], kind: 'one', doc: 'The customer or supplier of the line.' },
    { name: 'glAccount', table: 'GLAccounts', on: [['GLAccount', 'ID']], kind: 'one', doc: 'G/L account the line is booked against.' },
    { name: 'document', table: 'Documents', on: [['Document', 'ID']], kind: 'one', doc: 'Document of the line.' },
  ];
}

/** Audit columns of a line (lines are written once, with their entry). */
export const lineAuditColumns = auditColumns;
