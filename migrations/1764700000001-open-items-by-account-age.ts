import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * The matching engine's search for partial payments and combinations (issue 13) reads a
 * counterparty's oldest open items: ORDER BY DueDate LIMIT n for one account. An index
 * (Division, Account, DueDate) on Payments and Receivables makes that a short index range instead
 * of a sort of all the account's items.
 */
const INDEXES = [
  ...['Payments', 'Receivables'].map((table) => ({
    table,
    index: new TableIndex({ name: `IX_${table}_Division_Account_DueDate`, columnNames: ['Division', 'Account', 'DueDate'] }),
  })),
  // A debit's EndToEndId `{batch code}-{sequence}` names one payment: an exact look-up by both.
  {
    table: 'Payments',
    index: new TableIndex({
      name: 'IX_Payments_Division_BatchSequence',
      columnNames: ['Division', 'CashflowTransactionBatchCode', 'PaymentBatchNumber'],
    }),
  },
];

export class OpenItemsByAccountAge1764700000001 implements MigrationInterface {
  name = 'OpenItemsByAccountAge1764700000001';

  async up(qr: QueryRunner): Promise<void> {
    for (const { table, index } of INDEXES) await qr.createIndex(table, index);
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const { table, index } of INDEXES) await qr.dropIndex(table, index.name!);
  }
}
