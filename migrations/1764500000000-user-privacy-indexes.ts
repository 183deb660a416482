import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * Privacy of users (issue 11): a caller sees a user only while it created, modified or selected a
 * payment of one of the caller's divisions (DivisionScope.conditionFor on Users). Each of those
 * three columns gets an index (Division, column), so that test is an index seek per division on
 * every user row a query touches, never a scan of a division's payments.
 */
const INDEXES = ['Creator', 'Modifier', 'PaymentSelector'].map(
  (column) => new TableIndex({ name: `IX_Payments_Division_${column}`, columnNames: ['Division', column] }),
);

export class UserPrivacyIndexes1764500000000 implements MigrationInterface {
  name = 'UserPrivacyIndexes1764500000000';

  async up(qr: QueryRunner): Promise<void> {
    for (const index of INDEXES) await qr.createIndex('Payments', index);
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const index of INDEXES) await qr.dropIndex('Payments', index.name!);
  }
}
