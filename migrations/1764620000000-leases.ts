import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * Leases: named, expiring locks shared by every process on the database (gateway instances, the
 * CLI), for work that exactly one of them may do at a time: refreshing a connector's single-use
 * refresh token, syncing a division, pulling a bank account. Not division data: names carry the
 * connector and its connection. Times are epoch milliseconds, so expiry compares the same on
 * SQLite and MariaDB whatever their time zones.
 */
export class Leases1764620000000 implements MigrationInterface {
  name = 'Leases1764620000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(
      new Table({
        name: 'Leases',
        columns: [
          { name: 'Name', type: 'varchar', length: '191', isPrimary: true },
          { name: 'Holder', type: 'varchar', length: '100', isNullable: false },
          { name: 'AcquiredAt', type: 'bigint', isNullable: false },
          { name: 'ExpiresAt', type: 'bigint', isNullable: false },
        ],
      }),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('Leases');
  }
}
