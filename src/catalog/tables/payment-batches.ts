import { col } from '../column';
import { CatalogTable } from '../types';
import { auditColumns, idAndDivision, READ_ONLY } from './common';

export const PAYMENT_BATCHES: CatalogTable = {
  name: 'PaymentBatches',
  typeName: 'PaymentBatch',
  labelEn: 'Payment batches',
  labelNl: 'Betalingsbatches',
  description: 'Processed payment runs: the payments processed together into one bank file.',
  partitionColumn: 'Division',
  primaryKey: 'ID',
  allows: READ_ONLY,
  columns: [
    ...idAndDivision('payment batch'),
    col(
      'CashflowTransactionBatchCode',
      'string',
      'Batch code',
      'Batchcode',
      'Code of the batch, unique in the division; payments carry it.',
      { length: 30, required: true },
    ),
    col('BankAccountID', 'guid', 'Own bank account ID', 'Bankrekening ID', 'Own bank account the payments are made from.', {
      required: true,
    }),
    col('ExecutionDate', 'datetime', 'Execution date', 'Uitvoeringsdatum', 'Requested execution date of the bank file.', {
      required: true,
    }),
    col('FileFormat', 'string', 'File format', 'Bestandsformaat', 'Format of the bank file: pain.001.001.03 or pain.001.001.09.', {
      length: 20,
      required: true,
    }),
    col('BatchBooking', 'boolean', 'Batch booking', 'Batchboeking', 'Whether the bank books the batch as one debit.', { required: true }),
    col('Document', 'guid', 'Document', 'Document', 'Document holding the bank file.', { field: 'documentID' }),
    col('PaymentCount', 'int32', 'Number of payments', 'Aantal betalingen', 'Number of payments in the batch.', { required: true }),
    col(
      'TotalAmountDC',
      'decimal',
      'Total amount (division currency)',
      'Totaalbedrag (divisievaluta)',
      'Total paid by the batch, discounts taken into account.',
      { precision: 18, scale: 2, required: true },
    ),
    col('Currency', 'string', 'Currency', 'Valuta', 'Currency of the batch.', { length: 3, required: true }),
    ...auditColumns(),
  ],
  relations: [
    { name: 'division', table: 'Divisions', on: [['Division', 'Code']], kind: 'one', doc: 'Division of the batch.' },
    {
      name: 'bankAccount',
      table: 'BankAccounts',
      on: [['BankAccountID', 'ID']],
      kind: 'one',
      doc: 'Own bank account the batch pays from.',
    },
    { name: 'document', table: 'Documents', on: [['Document', 'ID']], kind: 'one', doc: 'Document holding the bank file.' },
    {
      name: 'payments',
      table: 'Payments',
      on: [['CashflowTransactionBatchCode', 'CashflowTransactionBatchCode']],
      kind: 'many',
      doc: 'Payments in the batch.',
    },
  ],
};
