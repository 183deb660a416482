import { col } from '../column';
import { CatalogTable } from '../types';
import { auditColumns, idAndDivision, READ_ONLY } from './common';

export const JOURNALS: CatalogTable = {
  name: 'Journals',
  typeName: 'Journal',
  labelEn: 'Journals',
  labelNl: 'Dagboeken',
  description:
    'Journals (day books) of a division. Payments name the journal of their linked transaction by code; each own bank account ' +
    'has a bank journal (type 12) holding its bank entries, and each cash book is a cash journal (type 10).',
  partitionColumn: 'Division',
  primaryKey: 'ID',
  allows: READ_ONLY,
  columns: [
    ...idAndDivision('journal'),
    col('Code', 'string', 'Code', 'Code', 'Code of the journal, unique in the division.', { length: 20, required: true }),
    col('Description', 'string', 'Description', 'Omschrijving', 'Description of the journal.', { length: 60, required: true }),
    col('Type', 'int32', 'Type', 'Type', 'Journal type: 10 Cash, 12 Bank, 20 Sales, 22 Purchase, 90 General journal.', { required: true }),
    col(
      'BankAccountID',
      'guid',
      'Bank account ID',
      'Bankrekening ID',
      "The own bank account of a bank journal (type 12): its statements become this journal's bank entries. " +
        'At most one journal per bank account.',
    ),
    col('BankAccountIBAN', 'string', 'Bank account IBAN', 'IBAN bankrekening', "IBAN (or other number) of the journal's bank account.", {
      length: 50,
      derived: { relation: 'bankAccount', column: 'BankAccount' },
    }),
    col(
      'BankAccountDescription',
      'string',
      'Bank account description',
      'Omschrijving bankrekening',
      "Description of the journal's bank account.",
      { length: 60, derived: { relation: 'bankAccount', column: 'Description' } },
    ),
    col('Currency', 'string', 'Currency', 'Valuta', "Currency of the journal's entries (ISO 4217); empty: the division's.", { length: 3 }),
    col(
      'GLAccount',
      'guid',
      'G/L account',
      'Grootboekrekening',
      'G/L account of the journal: the bank (type 12) or cash (type 10) account its entries book on.',
      { field: 'glAccountID' },
    ),
    col('GLAccountCode', 'string', 'G/L account code', 'Grootboekrekeningcode', "Code of the journal's G/L account.", {
      length: 30,
      derived: { relation: 'glAccount', column: 'Code' },
    }),
    col(
      'GLAccountDescription',
      'string',
      'G/L account description',
      'Omschrijving grootboekrekening',
      "Description of the journal's G/L account.",
      { length: 60, derived: { relation: 'glAccount', column: 'Description' } },
    ),
    ...auditColumns(),
  ],
  relations: [
    { name: 'division', table: 'Divisions', on: [['Division', 'Code']], kind: 'one', doc: 'Division of the journal.' },
    { name: 'bankAccount', table: 'BankAccounts', on: [['BankAccountID', 'ID']], kind: 'one', doc: 'Own bank account of a bank journal.' },
    { name: 'glAccount', table: 'GLAccounts', on: [['GLAccount', 'ID']], kind: 'one', doc: 'G/L account of the journal.' },
    {
      name: 'bankEntries',
      table: 'BankEntries',
      on: [['Code', 'JournalCode']],
      kind: 'many',
      doc: 'Bank entries (statements) of a bank journal.',
    },
    { name: 'cashEntries', table: 'CashEntries', on: [['Code', 'JournalCode']], kind: 'many', doc: 'Cash entries of a cash journal.' },
  ],
};
