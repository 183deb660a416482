import { CatalogTable } from '../types';
import { ALL } from './common';
import { PAYMENT_COLUMNS } from './payments.columns';

export const PAYMENTS: CatalogTable = {
  name: 'Payments',
  typeName: 'Payment',
  labelEn: 'Payments',
  labelNl: 'Betalingen',
  description: 'Outstanding and paid items of accounts payable (Exact Online Cashflow/Payments), partitioned per division.',
  partitionColumn: 'Division',
  primaryKey: 'ID',
  allows: ALL,
  columns: PAYMENT_COLUMNS,
  relations: [
    { name: 'division', table: 'Divisions', on: [['Division', 'Code']], kind: 'one', doc: 'Division of the payment.' },
    { name: 'account', table: 'Accounts', on: [['Account', 'ID']], kind: 'one', doc: 'The supplier to pay.' },
    { name: 'accountContact', table: 'Contacts', on: [['AccountContact', 'ID']], kind: 'one', doc: 'Contact person of the supplier.' },
    {
      name: 'accountBankAccount',
      table: 'BankAccounts',
      on: [['AccountBankAccountID', 'ID']],
      kind: 'one',
      doc: 'Bank account of the supplier the payment goes to.',
    },
    {
      name: 'bankAccount',
      table: 'BankAccounts',
      on: [['BankAccountID', 'ID']],
      kind: 'one',
      doc: 'Own bank account the payment is made from.',
    },
    { name: 'glAccount', table: 'GLAccounts', on: [['GLAccount', 'ID']], kind: 'one', doc: 'G/L account (type 22, accounts payable).' },
    { name: 'journal', table: 'Journals', on: [['Journal', 'Code']], kind: 'one', doc: 'Journal of the linked transaction.' },
    {
      name: 'paymentCondition',
      table: 'PaymentConditions',
      on: [['PaymentCondition', 'Code']],
      kind: 'one',
      doc: 'Payment condition of the linked transaction.',
    },
    {
      name: 'document',
      table: 'Documents',
      on: [['Document', 'ID']],
      kind: 'one',
      doc: 'Document created when processing; holds the bank file.',
    },
    {
      name: 'batch',
      table: 'PaymentBatches',
      on: [['CashflowTransactionBatchCode', 'CashflowTransactionBatchCode']],
      kind: 'one',
      doc: 'Payment batch the payment was processed in.',
    },
    { name: 'creator', table: 'Users', on: [['Creator', 'UserID']], kind: 'one', doc: 'User who created the payment.' },
    { name: 'modifier', table: 'Users', on: [['Modifier', 'UserID']], kind: 'one', doc: 'User who last modified the payment.' },
    {
      name: 'paymentSelector',
      table: 'Users',
      on: [['PaymentSelector', 'UserID']],
      kind: 'one',
      doc: 'User who selected the payment to be paid.',
    },
  ],
};
