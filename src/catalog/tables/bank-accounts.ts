import { col } from '../column';
import { CatalogTable } from '../types';
import { auditColumns, idAndDivision, READ_ONLY } from './common';

export const BANK_ACCOUNTS: CatalogTable = {
  name: 'BankAccounts',
  typeName: 'BankAccount',
  labelEn: 'Bank accounts',
  labelNl: 'Bankrekeningen',
  description: "Bank accounts: the division's own (no Account) and those of its suppliers and customers.",
  partitionColumn: 'Division',
  primaryKey: 'ID',
  allows: READ_ONLY,
  columns: [
    ...idAndDivision('bank account'),
    col('Account', 'guid', 'Account', 'Relatie', "The account owning this bank account; empty for the division's own bank accounts.", {
      field: 'accountID',
    }),
    col('BankAccount', 'string', 'Bank account number', 'Bankrekeningnummer', 'IBAN or other bank account number.', {
      length: 50,
      required: true,
    }),
    col('BIC', 'string', 'BIC', 'BIC', 'BIC (SWIFT code) of the bank.', { length: 11 }),
    col('BankAccountHolderName', 'string', 'Account holder', 'Rekeninghouder', 'Name of the holder of the bank account.', { length: 70 }),
    col('Currency', 'string', 'Currency', 'Valuta', 'Currency of the bank account (ISO 4217).', { length: 3 }),
    col('Description', 'string', 'Description', 'Omschrijving', 'Description of the bank account.', { length: 60 }),
    col('Main', 'boolean', 'Main', 'Hoofdrekening', 'Whether this is the main bank account of its owner.', { required: true }),
    ...auditColumns(),
  ],
  relations: [
    { name: 'division', table: 'Divisions', on: [['Division', 'Code']], kind: 'one', doc: 'Division of the bank account.' },
    {
      name: 'account',
      table: 'Accounts',
      on: [['Account', 'ID']],
      kind: 'one',
      doc: "The account owning this bank account, if not the division's own.",
    },
  ],
};
