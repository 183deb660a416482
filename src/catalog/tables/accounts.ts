import { col } from '../column';
import { CatalogTable } from '../types';
import { auditColumns, idAndDivision, READ_ONLY } from './common';

export const ACCOUNTS: CatalogTable = {
  name: 'Accounts',
  typeName: 'Account',
  labelEn: 'Accounts',
  labelNl: 'Relaties',
  description: 'Relations of a division: suppliers (paid through Payments) and customers (who pay Receivables).',
  partitionColumn: 'Division',
  primaryKey: 'ID',
  allows: READ_ONLY,
  columns: [
    ...idAndDivision('account'),
    col('Code', 'string', 'Code', 'Code', 'Code of the account, unique in the division.', { length: 18, required: true }),
    col('Name', 'string', 'Name', 'Naam', 'Name of the account.', { length: 50, required: true }),
    col('IsSupplier', 'boolean', 'Is supplier', 'Is leverancier', 'Whether the account is a supplier.', { required: true }),
    col('IsSales', 'boolean', 'Is customer', 'Is klant', 'Whether the account is a customer.', { required: true }),
    col('VATNumber', 'string', 'VAT number', 'BTW-nummer', 'VAT number of the account.', { length: 35 }),
    col('ChamberOfCommerce', 'string', 'Chamber of commerce number', 'KvK-nummer', 'Chamber of commerce number of the account.', {
      length: 30,
    }),
    col('Country', 'string', 'Country', 'Land', 'Country of the account (ISO 3166-1 alpha-2).', { length: 2 }),
    col('City', 'string', 'City', 'Plaats', 'City of the visiting address.', { length: 50 }),
    col('Email', 'string', 'Email', 'E-mail', 'Email address of the account.', { length: 100 }),
    col('Status', 'string', 'Status', 'Status', 'A none, S suspect, P prospect, C customer.', { length: 1 }),
    ...auditColumns(),
  ],
  relations: [
    { name: 'division', table: 'Divisions', on: [['Division', 'Code']], kind: 'one', doc: 'Division of the account.' },
    { name: 'payments', table: 'Payments', on: [['ID', 'Account']], kind: 'many', doc: 'Payments to this account.' },
    { name: 'receivables', table: 'Receivables', on: [['ID', 'Account']], kind: 'many', doc: 'Receivables from this account.' },
    { name: 'bankAccounts', table: 'BankAccounts', on: [['ID', 'Account']], kind: 'many', doc: 'Bank accounts of this account.' },
    { name: 'contacts', table: 'Contacts', on: [['ID', 'Account']], kind: 'many', doc: 'Contact persons of this account.' },
  ],
};
