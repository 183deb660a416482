import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { column } from './column-types';

/**
 * The payment run (issue 5): idempotency records of mutations (global, keyed by principal and
 * key) and the matches of payments with bank statement lines or with each other.
 */
export class PaymentRun1763900000000 implements MigrationInterface {
  name = 'PaymentRun1763900000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(
      new Table({
        name: 'IdempotencyKeys',
        columns: [
          column(qr, 'PrincipalID', 'string', { length: 100, nullable: false, primary: true }),
          column(qr, 'IdempotencyKey', 'string', { length: 100, nullable: false, primary: true }),
          column(qr, 'Operation', 'string', { length: 60, nullable: false }),
          column(qr, 'RequestHash', 'string', { length: 64, nullable: false }),
          column(qr, 'Response', 'blob', { nullable: false }),
          column(qr, 'Created', 'datetime', { nullable: false }),
        ],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'PaymentMatches',
        columns: [
          column(qr, 'ID', 'guid', { nullable: false, primary: true }),
          column(qr, 'Division', 'int32', { nullable: false }),
          column(qr, 'MatchID', 'guid', { nullable: false }),
          column(qr, 'Payment', 'guid', { nullable: false }),
          column(qr, 'BankStatementLineReference', 'string', { length: 60, nullable: true }),
          column(qr, 'PreviousStatus', 'int16', { nullable: false }),
          column(qr, 'MatchDate', 'datetime', { nullable: false }),
          column(qr, 'Created', 'datetime', { nullable: false }),
          column(qr, 'Creator', 'guid', { nullable: true }),
        ],
        indices: [
          new TableIndex({ name: 'IX_PaymentMatches_Division_MatchID', columnNames: ['Division', 'MatchID'] }),
          new TableIndex({ name: 'IX_PaymentMatches_Division_Payment', columnNames: ['Division', 'Payment'], isUnique: true }),
        ],
      }),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('PaymentMatches');
    await qr.dropTable('IdempotencyKeys');
  }
}
