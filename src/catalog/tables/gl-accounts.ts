import { col } from '../column';
import { CatalogTable } from '../types';
import { auditColumns, idAndDivision, READ_ONLY } from './common';

export const GL_ACCOUNTS: CatalogTable = {
  name: 'GLAccounts',
  typeName: 'GLAccount',
  labelEn: 'G/L accounts',
  labelNl: 'Grootboekrekeningen',
  description:
    'General ledger accounts of a division. Payments book on a G/L account of type 22 (Accounts payable), ' +
    'receivables on one of type 20 (Accounts receivable).',
  partitionColumn: 'Division',
  primaryKey: 'ID',
  allows: READ_ONLY,
  columns: [
    ...idAndDivision('G/L account'),
    col('Code', 'string', 'Code', 'Code', 'Code of the G/L account, unique in the division.', { length: 30, required: true }),
    col('Description', 'string', 'Description', 'Omschrijving', 'Description of the G/L account.', { length: 60, required: true }),
    col(
      'Type',
      'int32',
      'Type',
      'Type',
      'Type of the G/L account: 10 Cash, 12 Bank, 20 Accounts receivable, 22 Accounts payable, 24 VAT, ' +
        '110 Revenue, ... (see cashflow codes).',
      { required: true },
    ),
    col('BalanceSide', 'string', 'Balance side', 'Balanszijde', 'D (debit) or C (credit).', { length: 1, required: true }),
    col('BalanceType', 'string', 'Balance type', 'Balanstype', 'B (balance sheet) or W (profit and loss).', { length: 1, required: true }),
    ...auditColumns(),
  ],
  relations: [
    { name: 'division', table: 'Divisions', on: [['Division', 'Code']], kind: 'one', doc: 'Division of the G/L account.' },
    { name: 'payments', table: 'Payments', on: [['ID', 'GLAccount']], kind: 'many', doc: 'Payments booked on this G/L account.' },
    { name: 'receivables', table: 'Receivables', on: [['ID', 'GLAccount']], kind: 'many', doc: 'Receivables booked on this G/L account.' },
  ],
};
