import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * Drops three indexes that a longer index with the same leading columns already serves, so that
 * every new Payments or Receivables row (a first Exact sync writes 100,000 of them) costs three
 * fewer index entries (issue 14):
 * - (Division, Account) on both sides: a prefix of (Division, Account, DueDate) (1764700000001),
 *   which answers every look-up by account, the loaders' included.
 * - (Division, CashflowTransactionBatchCode) on Payments: a prefix of
 *   (Division, CashflowTransactionBatchCode, PaymentBatchNumber) (IX_Payments_Division_BatchSequence).
 *   Receivables have no such longer index and keep theirs.
 * The SQLite text-key index on Payments' batch code (1764100000000) is another index and stays.
 */
const DROPPED: { table: string; index: TableIndex }[] = [
  { table: 'Payments', index: new TableIndex({ name: 'IX_Payments_Division_Account', columnNames: ['Division', 'Account'] }) },
  { table: 'Receivables', index: new TableIndex({ name: 'IX_Receivables_Division_Account', columnNames: ['Division', 'Account'] }) },
  {
    table: 'Payments',
    index: new TableIndex({
      name: 'IX_Payments_Division_CashflowTransactionBatchCode',
      columnNames: ['Division', 'CashflowTransactionBatchCode'],
    }),
  },
];

export class RedundantOpenItemIndexes1765070000000 implements MigrationInterface {
  name = 'RedundantOpenItemIndexes1765070000000';

  async up(qr: QueryRunner): Promise<void> {
    for (const { table, index } of DROPPED) await qr.dropIndex(table, index.name!);
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const { table, index } of DROPPED) await qr.createIndex(table, index);
  }
}
