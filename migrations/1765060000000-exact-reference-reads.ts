import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * ExactSyncStates.CompletedAt (epoch ms, 0: never): when the last whole read of an endpoint that
 * Exact offers no change tracking for (crm/BankAccounts, financial/Journals,
 * cashflow/PaymentConditions) ended. A run reads such a table again only when EXACT_REFERENCE_REFRESH
 * has passed since, so a schedule every few minutes does not spend the day's 5,000 calls on tables
 * that hardly change; a read that was stopped or failed half-way has no new CompletedAt and is
 * read again by the next run.
 */
export class ExactReferenceReads1765060000000 implements MigrationInterface {
  name = 'ExactReferenceReads1765060000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.addColumn('ExactSyncStates', new TableColumn({ name: 'CompletedAt', type: 'bigint', isNullable: false, default: 0 }));
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropColumn('ExactSyncStates', 'CompletedAt');
  }
}
