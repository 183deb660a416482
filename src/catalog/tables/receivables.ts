import { CatalogTable } from '../types';
import { ALL } from './common';
import { RECEIVABLE_COLUMNS } from './receivables.columns';

type Relation = CatalogTable['relations'][number];
const one = (name: string, target: string, local: string, remote: string, doc: string): Relation => ({
  name,
  table: target,
  on: [[local, remote]],
  kind: 'one',
  doc,
});

export const RECEIVABLES: CatalogTable = {
  name: 'Receivables',
  typeName: 'Receivable',
  labelEn: 'Receivables',
  labelNl: 'Te ontvangen',
  description: 'Outstanding and received items of accounts receivable (Exact Online Cashflow/Receivables), partitioned per division.',
  partitionColumn: 'Division',
  primaryKey: 'ID',
  allows: ALL,
  columns: RECEIVABLE_COLUMNS,
  relations: [
    one('division', 'Divisions', 'Division', 'Code', 'Division of the receivable.'),
    one('account', 'Accounts', 'Account', 'ID', 'The customer who owes the receivable.'),
    one('accountContact', 'Contacts', 'AccountContact', 'ID', 'Contact person of the customer.'),
    one('accountBankAccount', 'BankAccounts', 'AccountBankAccountID', 'ID', 'Bank account of the customer the money comes from.'),
    one('bankAccount', 'BankAccounts', 'BankAccountID', 'ID', 'Own bank account the money comes in on.'),
    one('glAccount', 'GLAccounts', 'GLAccount', 'ID', 'G/L account (type 20, accounts receivable).'),
    one('journal', 'Journals', 'Journal', 'Code', 'Journal of the linked transaction.'),
    one('paymentCondition', 'PaymentConditions', 'PaymentCondition', 'Code', 'Payment condition of the linked transaction.'),
    one('document', 'Documents', 'Document', 'ID', 'Document created when processing collections; holds the bank file.'),
    one('creator', 'Users', 'Creator', 'UserID', 'User who created the receivable.'),
    one('modifier', 'Users', 'Modifier', 'UserID', 'User who last modified the receivable.'),
    one('receivableSelector', 'Users', 'ReceivableSelector', 'UserID', 'User who selected the receivable to be collected.'),
  ],
};
