import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { column } from './column-types';

/**
 * API keys (access issue): only a SHA-256 hash of each secret is stored, looked up by the key id
 * that prefixes the secret. Not partitioned: a key lists the divisions it grants.
 */
export class ApiKeys1763827200000 implements MigrationInterface {
  name = 'ApiKeys1763827200000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(
      new Table({
        name: 'ApiKeys',
        columns: [
          column(qr, 'KeyID', 'string', { length: 24, nullable: false, primary: true }),
          column(qr, 'Name', 'string', { length: 100, nullable: false }),
          column(qr, 'SecretHash', 'string', { length: 64, nullable: false }),
          // 'all' or a comma-separated list of division codes.
          column(qr, 'Divisions', 'string', { length: 4000, nullable: false }),
          // Space-separated scopes.
          column(qr, 'Scopes', 'string', { length: 255, nullable: false }),
          // User recorded as Creator / Modifier / PaymentSelector for this key's changes.
          column(qr, 'UserID', 'guid', { nullable: false }),
          column(qr, 'Created', 'datetime', { nullable: false }),
          column(qr, 'CreatedBy', 'string', { length: 100, nullable: false }),
          column(qr, 'Expires', 'datetime', { nullable: true }),
          column(qr, 'Revoked', 'datetime', { nullable: true }),
        ],
        indices: [new TableIndex({ name: 'IX_ApiKeys_Name', columnNames: ['Name'] })],
      }),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('ApiKeys');
  }
}
