import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';
import { column } from './column-types';

/**
 * Bank and cash entries (issue 12, section 2): what statements become (BankEntries,
 * BankEntryLines) and the cash books keyed in by hand (CashEntries, CashEntryLines), and on
 * Journals the own bank account of a bank journal, its currency and its G/L account. Columns are
 * listed here, not read from the catalog, so that the migration stays what it was.
 *
 * The lines carry their entry's journal, date and number, so an account's transactions in order
 * are one index (Division, JournalCode, EntryDate, EntryNumber, LineNumber) and a page of them is
 * one range of it at any depth. On SQLite the text key indexes of the journal codes and statement
 * numbers sit beside the plain ones (see 1764100000000-text-key-indexes.ts).
 *
 * API keys that held every scope before (`--scopes all` made them) get the two new scopes,
 * statements:read and cash:write, so that such a key keeps meaning "everything" (as the
 * receivables migration did for its scopes); keys granted some scopes keep exactly those.
 */
const MONEY = { precision: 18, scale: 2 };

/** Every scope before this migration, and the scopes it adds. */
const SCOPES_BEFORE = [
  'payments:read',
  'analytics',
  'payments:select',
  'payments:process',
  'payments:write',
  'admin',
  'receivables:read',
  'receivables:write',
];
const NEW_SCOPES = ['statements:read', 'cash:write'];

function entryColumns(qr: QueryRunner): TableColumnOptions[] {
  return [
    column(qr, 'EntryID', 'guid', { nullable: false, primary: true }),
    column(qr, 'Division', 'int32', { nullable: false }),
    column(qr, 'EntryNumber', 'int32', { nullable: false }),
    column(qr, 'JournalCode', 'string', { length: 20, nullable: false }),
    column(qr, 'EntryDate', 'datetime', { nullable: false }),
    column(qr, 'Currency', 'string', { length: 3, nullable: false }),
    column(qr, 'OpeningBalanceFC', 'decimal', { ...MONEY, nullable: false }),
    column(qr, 'ClosingBalanceFC', 'decimal', { ...MONEY, nullable: false }),
    column(qr, 'FinancialYear', 'int16', { nullable: false }),
    column(qr, 'FinancialPeriod', 'int16', { nullable: false }),
    column(qr, 'Status', 'int16', { nullable: false }),
    column(qr, 'Created', 'datetime', { nullable: false }),
    column(qr, 'Creator', 'guid', { nullable: true }),
    column(qr, 'Modified', 'datetime', { nullable: false }),
    column(qr, 'Modifier', 'guid', { nullable: true }),
  ];
}

function lineColumns(qr: QueryRunner): TableColumnOptions[] {
  return [
    column(qr, 'ID', 'guid', { nullable: false, primary: true }),
    column(qr, 'Division', 'int32', { nullable: false }),
    column(qr, 'EntryID', 'guid', { nullable: false }),
    column(qr, 'JournalCode', 'string', { length: 20, nullable: false }),
    column(qr, 'EntryNumber', 'int32', { nullable: false }),
    column(qr, 'EntryDate', 'datetime', { nullable: false }),
    column(qr, 'LineNumber', 'int32', { nullable: false }),
    column(qr, 'Date', 'datetime', { nullable: false }),
    column(qr, 'AmountFC', 'decimal', { ...MONEY, nullable: false }),
    column(qr, 'AmountDC', 'decimal', { ...MONEY, nullable: true }),
    column(qr, 'ExchangeRate', 'decimal', { precision: 18, scale: 8, nullable: true }),
    column(qr, 'Currency', 'string', { length: 3, nullable: false }),
    column(qr, 'BalanceAfterFC', 'decimal', { ...MONEY, nullable: false }),
    column(qr, 'Description', 'string', { length: 255, nullable: true }),
    column(qr, 'Account', 'guid', { nullable: true }),
    column(qr, 'GLAccount', 'guid', { nullable: true }),
    column(qr, 'OurRef', 'int32', { nullable: true }),
    column(qr, 'Notes', 'string', { length: 1000, nullable: true }),
    column(qr, 'Document', 'guid', { nullable: true }),
    column(qr, 'OffsetID', 'guid', { nullable: true }),
  ];
}

function auditColumns(qr: QueryRunner): TableColumnOptions[] {
  return [
    column(qr, 'Created', 'datetime', { nullable: false }),
    column(qr, 'Creator', 'guid', { nullable: true }),
    column(qr, 'Modified', 'datetime', { nullable: false }),
    column(qr, 'Modifier', 'guid', { nullable: true }),
  ];
}

function entryIndexes(table: string): TableIndex[] {
  return [
    new TableIndex({
      name: `IX_${table}_Division_JournalCode_EntryNumber`,
      columnNames: ['Division', 'JournalCode', 'EntryNumber'],
      isUnique: true,
    }),
    new TableIndex({
      name: `IX_${table}_Division_JournalCode_EntryDate_EntryNumber`,
      columnNames: ['Division', 'JournalCode', 'EntryDate', 'EntryNumber'],
    }),
  ];
}

function lineIndexes(table: string): TableIndex[] {
  return [
    new TableIndex({ name: `IX_${table}_Division_EntryID_LineNumber`, columnNames: ['Division', 'EntryID', 'LineNumber'], isUnique: true }),
    // The account's order; the name is shorter than its columns (MariaDB allows 64 characters).
    new TableIndex({
      name: `IX_${table}_Division_AccountOrder`,
      columnNames: ['Division', 'JournalCode', 'EntryDate', 'EntryNumber', 'LineNumber'],
    }),
  ];
}

/** SQLite only: text key indexes beside the indexed text columns. */
const TEXT_KEY_INDEXES: [name: string, table: string, column: string][] = [
  ['IX_BankEntries_Division_JournalCode_Key', 'BankEntries', 'JournalCode'],
  ['IX_BankEntries_Division_StatementNumber_Key', 'BankEntries', 'StatementNumber'],
  ['IX_BankEntryLines_Division_JournalCode_Key', 'BankEntryLines', 'JournalCode'],
  ['IX_CashEntries_Division_JournalCode_Key', 'CashEntries', 'JournalCode'],
  ['IX_CashEntryLines_Division_JournalCode_Key', 'CashEntryLines', 'JournalCode'],
];

export class BankEntries1764400000000 implements MigrationInterface {
  name = 'BankEntries1764400000000';

  async up(qr: QueryRunner): Promise<void> {
    const sqlite = qr.connection.driver.options.type === 'better-sqlite3';
    const q = (name: string) => (sqlite ? `"${name}"` : `\`${name}\``);
    // ADD COLUMN in place on both databases (TypeORM would rebuild the SQLite table and lose its
    // text key index); nullable columns without a default need no rewrite of the rows.
    for (const [name, type] of [
      ['BankAccountID', 'varchar(36)'],
      ['Currency', 'varchar(3)'],
      ['GLAccount', 'varchar(36)'],
    ]) {
      await qr.query(`ALTER TABLE ${q('Journals')} ADD COLUMN ${q(name)} ${type} NULL`);
    }
    await qr.query(
      `CREATE UNIQUE INDEX ${q('IX_Journals_Division_BankAccountID')} ON ${q('Journals')} (${q('Division')}, ${q('BankAccountID')})`,
    );

    await qr.createTable(
      new Table({
        name: 'BankEntries',
        columns: [
          ...entryColumns(qr),
          column(qr, 'BankAccountID', 'guid', { nullable: false }),
          column(qr, 'StatementNumber', 'string', { length: 35, nullable: true }),
          column(qr, 'OpeningBalanceDate', 'datetime', { nullable: true }),
          column(qr, 'BalanceGapFC', 'decimal', { ...MONEY, nullable: true }),
          column(qr, 'BankStatementDocument', 'guid', { nullable: true }),
          column(qr, 'StatementHash', 'string', { length: 64, nullable: false }),
        ],
        indices: [
          ...entryIndexes('BankEntries'),
          new TableIndex({
            name: 'IX_BankEntries_Division_StatementNumber',
            columnNames: ['Division', 'JournalCode', 'FinancialYear', 'StatementNumber'],
            isUnique: true,
          }),
        ],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'BankEntryLines',
        columns: [
          ...lineColumns(qr),
          column(qr, 'ValueDate', 'datetime', { nullable: true }),
          column(qr, 'CounterpartyName', 'string', { length: 140, nullable: true }),
          column(qr, 'CounterpartyBankAccount', 'string', { length: 50, nullable: true }),
          column(qr, 'CounterpartyBIC', 'string', { length: 11, nullable: true }),
          column(qr, 'PaymentReference', 'string', { length: 35, nullable: true }),
          column(qr, 'RemittanceInformation', 'string', { length: 1000, nullable: true }),
          column(qr, 'EndToEndID', 'string', { length: 35, nullable: true }),
          column(qr, 'BankReference', 'string', { length: 35, nullable: true }),
          column(qr, 'BankTransactionCode', 'string', { length: 35, nullable: true }),
          column(qr, 'SourceLine', 'string', { length: 255, nullable: true }),
          ...auditColumns(qr),
        ],
        indices: lineIndexes('BankEntryLines'),
      }),
    );
    await qr.createTable(
      new Table({
        name: 'CashEntries',
        columns: [...entryColumns(qr), { name: 'Version', type: 'int', isNullable: false, default: 1 }],
        indices: entryIndexes('CashEntries'),
      }),
    );
    await qr.createTable(
      new Table({ name: 'CashEntryLines', columns: [...lineColumns(qr), ...auditColumns(qr)], indices: lineIndexes('CashEntryLines') }),
    );
    if (sqlite) {
      for (const [name, table, col] of TEXT_KEY_INDEXES)
        await qr.query(`CREATE INDEX "${name}" ON "${table}" ("Division", cf_key("${col}"))`);
    }
    await changeScopesOfKeys(qr, (scopes) => (SCOPES_BEFORE.every((s) => scopes.includes(s)) ? [...scopes, ...NEW_SCOPES] : scopes));
  }

  async down(qr: QueryRunner): Promise<void> {
    await changeScopesOfKeys(qr, (scopes) => scopes.filter((s) => !NEW_SCOPES.includes(s)));
    const sqlite = qr.connection.driver.options.type === 'better-sqlite3';
    const q = (name: string) => (sqlite ? `"${name}"` : `\`${name}\``);
    for (const table of ['CashEntryLines', 'CashEntries', 'BankEntryLines', 'BankEntries']) await qr.dropTable(table);
    await qr.query(
      sqlite
        ? `DROP INDEX ${q('IX_Journals_Division_BankAccountID')}`
        : `DROP INDEX ${q('IX_Journals_Division_BankAccountID')} ON ${q('Journals')}`,
    );
    for (const name of ['GLAccount', 'Currency', 'BankAccountID']) await qr.query(`ALTER TABLE ${q('Journals')} DROP COLUMN ${q(name)}`);
  }
}

/** Rewrites the space-separated Scopes of every API key with `change` (only the rows it changes). */
async function changeScopesOfKeys(qr: QueryRunner, change: (scopes: string[]) => string[]): Promise<void> {
  const q = (name: string) => qr.connection.driver.escape(name);
  const rows: { id: string; scopes: string }[] = await qr.query(
    `SELECT ${q('KeyID')} AS id, ${q('Scopes')} AS scopes FROM ${q('ApiKeys')}`,
  );
  for (const row of rows) {
    const before = row.scopes.split(' ').filter(Boolean);
    const after = [...new Set(change(before))];
    if (after.join(' ') !== before.join(' ')) {
      await qr.query(`UPDATE ${q('ApiKeys')} SET ${q('Scopes')} = ? WHERE ${q('KeyID')} = ?`, [after.join(' '), row.id]);
    }
  }
}
