import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * Query layer (issue 3): the dashboard index (Division, Status, DueDate) becomes a covering index
 * that also holds InvoiceDate and AmountDC, so totals per status and month of a division and the
 * ageing of open payables are read from the index alone, never from the table rows. It replaces
 * the old index, of which it is an extension (same leading columns), so writes pay for one index.
 */
const OLD = new TableIndex({ name: 'IX_Payments_Division_Status_DueDate', columnNames: ['Division', 'Status', 'DueDate'] });
const NEW = new TableIndex({
  name: 'IX_Payments_Division_Status_DueDate_InvoiceDate_AmountDC',
  columnNames: ['Division', 'Status', 'DueDate', 'InvoiceDate', 'AmountDC'],
});

export class QueryIndexes1763990000000 implements MigrationInterface {
  name = 'QueryIndexes1763990000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createIndex('Payments', NEW);
    await qr.dropIndex('Payments', OLD.name!);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.createIndex('Payments', OLD);
    await qr.dropIndex('Payments', NEW.name!);
  }
}
