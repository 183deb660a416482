import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';
import { column } from './column-types';

/**
 * Reconciliation (issue 13): the actions on bank entry lines, the matches they made, the stored
 * proposals of the matching engine and the per-division settings; on BankEntryLines the line's
 * ReconciliationStatus and OpenAmountFC (nullable, added in place: existing lines read as open).
 * Columns are listed here, not read from the catalog, so that the migration stays what it was.
 * The scopes reconciliation:read and reconciliation:write came with the engine's migration
 * (1764700000000), which gives them to the API keys that held every scope.
 */
const MONEY = { precision: 18, scale: 2 };

const index = (table: string, columns: string[]) => new TableIndex({ name: `IX_${table}_${columns.join('_')}`, columnNames: columns });

function created(qr: QueryRunner): TableColumnOptions[] {
  return [column(qr, 'Created', 'datetime', { nullable: false }), column(qr, 'Creator', 'guid')];
}
function undone(qr: QueryRunner): TableColumnOptions[] {
  return [column(qr, 'Undone', 'datetime'), column(qr, 'UndoneBy', 'guid')];
}
const idAndDivision = (qr: QueryRunner) => [
  column(qr, 'ID', 'guid', { nullable: false, primary: true }),
  column(qr, 'Division', 'int32', { nullable: false }),
  column(qr, 'BankEntryLine', 'guid', { nullable: false }),
];

export class ReconciliationMatches1764710000000 implements MigrationInterface {
  name = 'ReconciliationMatches1764710000000';

  async up(qr: QueryRunner): Promise<void> {
    const sqlite = qr.connection.driver.options.type === 'better-sqlite3';
    const q = (name: string) => (sqlite ? `"${name}"` : `\`${name}\``);
    await qr.query(`ALTER TABLE ${q('BankEntryLines')} ADD COLUMN ${q('ReconciliationStatus')} smallint NULL`);
    const money = sqlite ? 'decimal_text(18,2)' : 'decimal(18,2)';
    await qr.query(`ALTER TABLE ${q('BankEntryLines')} ADD COLUMN ${q('OpenAmountFC')} ${money} NULL`);
    await qr.query(
      `CREATE INDEX ${q('IX_BankEntryLines_Division_ReconciliationStatus')} ON ${q('BankEntryLines')} ` +
        `(${q('Division')}, ${q('ReconciliationStatus')})`,
    );
    await qr.createTable(
      new Table({
        name: 'ReconciliationActions',
        columns: [
          ...idAndDivision(qr),
          column(qr, 'ActionType', 'string', { length: 10, nullable: false }),
          column(qr, 'Proposal', 'guid'),
          column(qr, 'UndoOf', 'guid'),
          column(qr, 'Reason', 'string', { length: 255 }),
          column(qr, 'PreviousStatus', 'int16'),
          column(qr, 'PreviousOpenAmountFC', 'decimal', MONEY),
          ...created(qr),
          ...undone(qr),
        ],
        indices: [index('ReconciliationActions', ['Division', 'BankEntryLine'])],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'ReconciliationMatches',
        columns: [
          ...idAndDivision(qr),
          column(qr, 'Action', 'guid', { nullable: false }),
          column(qr, 'MatchType', 'string', { length: 10, nullable: false }),
          column(qr, 'Receivable', 'guid'),
          column(qr, 'Payment', 'guid'),
          column(qr, 'RemainderItem', 'guid'),
          column(qr, 'Account', 'guid'),
          column(qr, 'GLAccount', 'guid'),
          column(qr, 'AmountFC', 'decimal', { ...MONEY, nullable: false }),
          column(qr, 'DifferenceFC', 'decimal', MONEY),
          column(qr, 'PreviousValues', 'string', { length: 2000 }),
          ...created(qr),
          ...undone(qr),
        ],
        indices: [
          index('ReconciliationMatches', ['Division', 'BankEntryLine']),
          index('ReconciliationMatches', ['Division', 'Action']),
          index('ReconciliationMatches', ['Division', 'Receivable']),
          index('ReconciliationMatches', ['Division', 'Payment']),
        ],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'ReconciliationProposals',
        columns: [
          ...idAndDivision(qr),
          column(qr, 'Rank', 'int32', { nullable: false }),
          column(qr, 'MatchType', 'string', { length: 12, nullable: false }),
          column(qr, 'Items', 'string', { length: 4000, nullable: false }),
          column(qr, 'Account', 'guid'),
          column(qr, 'GLAccount', 'guid'),
          column(qr, 'DifferenceFC', 'decimal', { ...MONEY, nullable: false }),
          column(qr, 'Confidence', 'decimal', { precision: 5, scale: 4, nullable: false }),
          column(qr, 'Reasons', 'string', { length: 4000, nullable: false }),
          column(qr, 'Status', 'string', { length: 10, nullable: false }),
          ...created(qr),
        ],
        indices: [index('ReconciliationProposals', ['Division', 'BankEntryLine', 'Rank'])],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'ReconciliationSettings',
        columns: [
          column(qr, 'Division', 'int32', { nullable: false, primary: true }),
          column(qr, 'AutoApplyThreshold', 'decimal', { precision: 5, scale: 4, nullable: false }),
          column(qr, 'ToleranceFC', 'decimal', { ...MONEY, nullable: false }),
          column(qr, 'PaymentDifferenceGLAccount', 'guid'),
          column(qr, 'Modified', 'datetime', { nullable: false }),
          column(qr, 'Modifier', 'guid'),
        ],
      }),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    const sqlite = qr.connection.driver.options.type === 'better-sqlite3';
    const q = (name: string) => (sqlite ? `"${name}"` : `\`${name}\``);
    for (const table of ['ReconciliationSettings', 'ReconciliationProposals', 'ReconciliationMatches', 'ReconciliationActions']) {
      await qr.dropTable(table);
    }
    const name = q('IX_BankEntryLines_Division_ReconciliationStatus');
    await qr.query(sqlite ? `DROP INDEX ${name}` : `DROP INDEX ${name} ON ${q('BankEntryLines')}`);
    for (const c of ['OpenAmountFC', 'ReconciliationStatus']) await qr.query(`ALTER TABLE ${q('BankEntryLines')} DROP COLUMN ${q(c)}`);
  }
}
