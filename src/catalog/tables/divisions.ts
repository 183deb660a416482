import { col } from '../column';
import { CatalogTable } from '../types';
import { READ_ONLY } from './common';

export const DIVISIONS: CatalogTable = {
  name: 'Divisions',
  typeName: 'Division',
  labelEn: 'Divisions',
  labelNl: 'Divisies',
  description: 'Administrations (companies) of the accounting firm. Every Cashflow table is partitioned per division.',
  partitionColumn: 'Code',
  primaryKey: 'Code',
  allows: READ_ONLY,
  columns: [
    col('Code', 'int32', 'Code', 'Code', 'Division code: the key every partitioned row carries.', { required: true }),
    col('Description', 'string', 'Name', 'Naam', 'Name of the division.', { length: 50, required: true }),
    col('CompanyName', 'string', 'Company name', 'Bedrijfsnaam', 'Legal name of the company of the division.', { length: 50 }),
    col('Label', 'string', 'Label', 'Label', 'Label of the division.', { length: 128 }),
    col('ShortName', 'int64', 'Short name', 'Korte naam', 'Short name (number) of the division.'),
    col('Currency', 'string', 'Currency', 'Valuta', 'Default currency of the division (ISO 4217). AmountDC columns are in this currency.', {
      length: 3,
      required: true,
    }),
    col('Country', 'string', 'Country', 'Land', 'Country of the division (ISO 3166-1 alpha-2); drives the legislation.', {
      length: 2,
      required: true,
    }),
    col('VATNumber', 'string', 'VAT number', 'BTW-nummer', 'VAT number of the division.', { length: 35 }),
    col('ChamberOfCommerceNumber', 'string', 'Chamber of commerce number', 'KvK-nummer', 'Chamber of commerce number of the division.', {
      length: 60,
    }),
    col('RSIN', 'string', 'RSIN number', 'RSIN-nummer', 'RSIN (Dutch legal entity number) of the division.', { length: 9 }),
    col('WageTaxNumber', 'string', 'Wage tax number', 'Loonbelastingnummer', 'Wage tax number of the division.', { length: 60 }),
    col('IBAN', 'string', 'IBAN', 'IBAN', 'Main IBAN of the division.', { length: 50 }),
    col('BIC', 'string', 'BIC', 'BIC', 'BIC of the bank of the main IBAN.', { length: 11 }),
    col(
      'OwnerCompanyName',
      'string',
      'Subscription holder name',
      'Naam abonnementhouder',
      'Name of the customer owning the subscription to which this division belongs.',
      { length: 50 },
    ),
    col(
      'OwnerCompanyNumber',
      'string',
      'Subscription holder number',
      'Abonnementhoudernummer',
      'Number of the customer owning the subscription to which this division belongs.',
      { length: 18 },
    ),
    col('Status', 'int16', 'Status', 'Status', 'Status of the division: 0 inactive, 1 active, 2 archived.', { required: true }),
    col('Created', 'datetime', 'Created', 'Gemaakt', 'Creation date.', { required: true }),
    col('Modified', 'datetime', 'Modified', 'Gewijzigd', 'Last modified date.', { required: true }),
  ],
  relations: [
    { name: 'payments', table: 'Payments', on: [['Code', 'Division']], kind: 'many', doc: 'Payments of the division.' },
    { name: 'receivables', table: 'Receivables', on: [['Code', 'Division']], kind: 'many', doc: 'Receivables of the division.' },
    {
      name: 'accounts',
      table: 'Accounts',
      on: [['Code', 'Division']],
      kind: 'many',
      doc: 'Accounts (suppliers and customers) of the division.',
    },
    {
      name: 'bankAccounts',
      table: 'BankAccounts',
      on: [['Code', 'Division']],
      kind: 'many',
      doc: "Bank accounts known in the division (own and suppliers').",
    },
    {
      name: 'paymentBatches',
      table: 'PaymentBatches',
      on: [['Code', 'Division']],
      kind: 'many',
      doc: 'Payment batches processed in the division.',
    },
  ],
};
