import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { column } from './column-types';

/**
 * Splitting a bank entry line (issue 13, the processing list): ReconciliationParts holds the parts
 * of a split line, each with a reconciliation status and open amount of its own; actions and
 * matches on a part name it in a new nullable column Part (existing rows: the whole line). The
 * line itself is not touched: a split does not change the statement's movements or balances.
 * Columns are listed here, not read from the catalog, so that the migration stays what it was.
 */
const MONEY = { precision: 18, scale: 2 };
const q = (qr: QueryRunner, name: string) => (qr.connection.driver.options.type === 'better-sqlite3' ? `"${name}"` : `\`${name}\``);
const index = (table: string, columns: string[]) => new TableIndex({ name: `IX_${table}_${columns.join('_')}`, columnNames: columns });

export class ReconciliationParts1765040000000 implements MigrationInterface {
  name = 'ReconciliationParts1765040000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(
      new Table({
        name: 'ReconciliationParts',
        columns: [
          column(qr, 'ID', 'guid', { nullable: false, primary: true }),
          column(qr, 'Division', 'int32', { nullable: false }),
          column(qr, 'BankEntryLine', 'guid', { nullable: false }),
          column(qr, 'Action', 'guid', { nullable: false }),
          column(qr, 'PartNumber', 'int32', { nullable: false }),
          column(qr, 'AmountFC', 'decimal', { ...MONEY, nullable: false }),
          column(qr, 'Description', 'string', { length: 255 }),
          column(qr, 'ReconciliationStatus', 'int16', { nullable: false }),
          column(qr, 'OpenAmountFC', 'decimal', MONEY),
          column(qr, 'Created', 'datetime', { nullable: false }),
          column(qr, 'Creator', 'guid'),
          column(qr, 'Undone', 'datetime'),
          column(qr, 'UndoneBy', 'guid'),
        ],
        indices: [index('ReconciliationParts', ['Division', 'BankEntryLine'])],
      }),
    );
    // Added in place (no copy of the tables on SQLite); existing rows read as actions on the whole line.
    for (const table of ['ReconciliationActions', 'ReconciliationMatches'])
      await qr.query(`ALTER TABLE ${q(qr, table)} ADD COLUMN ${q(qr, 'Part')} varchar(36) NULL`);
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const table of ['ReconciliationMatches', 'ReconciliationActions'])
      await qr.query(`ALTER TABLE ${q(qr, table)} DROP COLUMN ${q(qr, 'Part')}`);
    await qr.dropTable('ReconciliationParts');
  }
}
