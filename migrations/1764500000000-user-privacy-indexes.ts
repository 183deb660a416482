import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * Privacy of users (issue 11): a caller sees a user only while it created, modified or selected a
 * payment or receivable of one of the caller's divisions (DivisionScope.conditionFor on Users). Each of those
 * three columns gets an index (Division, column), so that test is an index seek per division on
 * every user row a query touches, never a scan of a division's payments.
 */
const ACTORS: [string, string[]][] = [
  ['Payments', ['Creator', 'Modifier', 'PaymentSelector']],
  ['Receivables', ['Creator', 'Modifier', 'ReceivableSelector']],
];
const INDEXES = ACTORS.flatMap(([table, columns]) =>
  columns.map((column) => ({
    table,
    index: new TableIndex({ name: `IX_${table}_Division_${column}`, columnNames: ['Division', column] }),
  })),
);

export class UserPrivacyIndexes1764500000000 implements MigrationInterface {
  name = 'UserPrivacyIndexes1764500000000';

  async up(qr: QueryRunner): Promise<void> {
    for (const { table, index } of INDEXES) await qr.createIndex(table, index);
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const { table, index } of INDEXES) await qr.dropIndex(table, index.name!);
  }
}
