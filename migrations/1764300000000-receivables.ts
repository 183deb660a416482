import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { column } from './column-types';

/**
 * Receivables (issue 12, section 1): the incoming open items, with the stored columns of the
 * catalog as of this migration (listed here, not read from the catalog, so the migration stays
 * what it was) and the indexes of Payments, plus (Division, PaymentReference): a bank line's
 * structured communication finds its receivable by it. On SQLite the indexed text columns also
 * get an index on their collation key (see 1764100000000-text-key-indexes.ts).
 *
 * API keys that held every scope before (`--scopes all` made them) get the two new scopes, so
 * that such a key keeps meaning "everything"; keys granted some scopes keep exactly those.
 */
const INDEXES: [string, string[]][] = [
  ['IX_Receivables_Division_Status_DueDate_InvoiceDate_AmountDC', ['Division', 'Status', 'DueDate', 'InvoiceDate', 'AmountDC']],
  ['IX_Receivables_Division_DueDate', ['Division', 'DueDate']],
  ['IX_Receivables_Division_Account', ['Division', 'Account']],
  ['IX_Receivables_Division_CashflowTransactionBatchCode', ['Division', 'CashflowTransactionBatchCode']],
  ['IX_Receivables_Division_GLAccount', ['Division', 'GLAccount']],
  ['IX_Receivables_Division_EntryID', ['Division', 'EntryID']],
  ['IX_Receivables_Division_InvoiceDate', ['Division', 'InvoiceDate']],
  ['IX_Receivables_Division_PaymentReference', ['Division', 'PaymentReference']],
];
const TEXT_KEY_INDEXES: [string, string][] = [
  ['IX_Receivables_Division_CashflowTransactionBatchCode_Key', 'CashflowTransactionBatchCode'],
  ['IX_Receivables_Division_PaymentReference_Key', 'PaymentReference'],
];
/** Every scope before this migration, and the scopes it adds. */
const SCOPES_BEFORE = ['payments:read', 'analytics', 'payments:select', 'payments:process', 'payments:write', 'admin'];
const NEW_SCOPES = ['receivables:read', 'receivables:write'];

export class Receivables1764300000000 implements MigrationInterface {
  name = 'Receivables1764300000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(
      new Table({
        name: 'Receivables',
        columns: [
          column(qr, 'Account', 'guid', { nullable: false }),
          column(qr, 'AccountBankAccountID', 'guid', { nullable: true }),
          column(qr, 'AccountContact', 'guid', { nullable: true }),
          column(qr, 'AmountDC', 'decimal', { precision: 18, scale: 2, nullable: false }),
          column(qr, 'AmountDiscountDC', 'decimal', { precision: 18, scale: 2, nullable: true }),
          column(qr, 'AmountDiscountFC', 'decimal', { precision: 18, scale: 2, nullable: true }),
          column(qr, 'AmountFC', 'decimal', { precision: 18, scale: 2, nullable: false }),
          column(qr, 'BankAccountID', 'guid', { nullable: true }),
          column(qr, 'CashflowTransactionBatchCode', 'string', { length: 30, nullable: true }),
          column(qr, 'Created', 'datetime', { nullable: false }),
          column(qr, 'Creator', 'guid', { nullable: false }),
          column(qr, 'Currency', 'string', { length: 30, nullable: false }),
          column(qr, 'Description', 'string', { length: 255, nullable: true }),
          column(qr, 'DirectDebitMandate', 'guid', { nullable: true }),
          column(qr, 'DirectDebitMandateDescription', 'string', { length: 100, nullable: true }),
          column(qr, 'DirectDebitMandatePaymentType', 'int16', { nullable: true }),
          column(qr, 'DirectDebitMandateReference', 'string', { length: 35, nullable: true }),
          column(qr, 'DirectDebitMandateType', 'int16', { nullable: true }),
          column(qr, 'DiscountDueDate', 'datetime', { nullable: true }),
          column(qr, 'Division', 'int32', { nullable: false }),
          column(qr, 'Document', 'guid', { nullable: true }),
          column(qr, 'DueDate', 'datetime', { nullable: false }),
          column(qr, 'EndDate', 'datetime', { nullable: true }),
          column(qr, 'EndPeriod', 'int16', { nullable: true }),
          column(qr, 'EndToEndID', 'string', { length: 35, nullable: true }),
          column(qr, 'EndYear', 'int16', { nullable: true }),
          column(qr, 'EntryDate', 'datetime', { nullable: true }),
          column(qr, 'EntryID', 'guid', { nullable: false }),
          column(qr, 'EntryNumber', 'int32', { nullable: true }),
          column(qr, 'GLAccount', 'guid', { nullable: false }),
          column(qr, 'ID', 'guid', { nullable: false, primary: true }),
          column(qr, 'InvoiceDate', 'datetime', { nullable: false }),
          column(qr, 'InvoiceNumber', 'int32', { nullable: true }),
          column(qr, 'IsBatchBooking', 'int16', { nullable: true }),
          column(qr, 'IsFullyPaid', 'boolean', { nullable: true }),
          column(qr, 'Journal', 'string', { length: 20, nullable: false }),
          column(qr, 'LastPaymentDate', 'datetime', { nullable: true }),
          column(qr, 'Modified', 'datetime', { nullable: false }),
          column(qr, 'Modifier', 'guid', { nullable: false }),
          column(qr, 'PaymentCondition', 'string', { length: 2, nullable: true }),
          column(qr, 'PaymentDays', 'int32', { nullable: true }),
          column(qr, 'PaymentDaysDiscount', 'int32', { nullable: true }),
          column(qr, 'PaymentDiscountPercentage', 'decimal', { precision: 9, scale: 4, nullable: true }),
          column(qr, 'PaymentInformationID', 'string', { length: 35, nullable: true }),
          column(qr, 'PaymentMethod', 'string', { length: 1, nullable: false }),
          column(qr, 'PaymentReference', 'string', { length: 60, nullable: true }),
          column(qr, 'RateFC', 'decimal', { precision: 18, scale: 8, nullable: false }),
          column(qr, 'ReceivableBatchNumber', 'int32', { nullable: true }),
          column(qr, 'ReceivableSelected', 'datetime', { nullable: true }),
          column(qr, 'ReceivableSelector', 'guid', { nullable: true }),
          column(qr, 'Source', 'int32', { nullable: false }),
          column(qr, 'Status', 'int16', { nullable: false }),
          column(qr, 'TransactionAmountDC', 'decimal', { precision: 18, scale: 2, nullable: true }),
          column(qr, 'TransactionAmountFC', 'decimal', { precision: 18, scale: 2, nullable: true }),
          column(qr, 'TransactionDueDate', 'datetime', { nullable: true }),
          column(qr, 'TransactionEntryID', 'guid', { nullable: true }),
          column(qr, 'TransactionID', 'guid', { nullable: true }),
          column(qr, 'TransactionIsReversal', 'boolean', { nullable: true }),
          column(qr, 'TransactionReportingPeriod', 'int16', { nullable: true }),
          column(qr, 'TransactionReportingYear', 'int16', { nullable: true }),
          column(qr, 'TransactionStatus', 'int16', { nullable: true }),
          column(qr, 'TransactionType', 'int32', { nullable: true }),
          column(qr, 'YourRef', 'string', { length: 30, nullable: true }),
          { name: 'Version', type: 'int', isNullable: false, default: 1 },
        ],
        indices: INDEXES.map(([name, columnNames]) => new TableIndex({ name, columnNames })),
      }),
    );
    if (sqlite(qr)) {
      for (const [name, col] of TEXT_KEY_INDEXES) {
        await qr.query(`CREATE INDEX "${name}" ON "Receivables" ("Division", cf_key("${col}"))`);
      }
    }
    await changeAllScopeKeys(qr, (scopes) => (SCOPES_BEFORE.every((s) => scopes.includes(s)) ? [...scopes, ...NEW_SCOPES] : scopes));
  }

  async down(qr: QueryRunner): Promise<void> {
    await changeAllScopeKeys(qr, (scopes) => scopes.filter((s) => !NEW_SCOPES.includes(s)));
    if (sqlite(qr)) for (const [name] of TEXT_KEY_INDEXES) await qr.query(`DROP INDEX "${name}"`);
    await qr.dropTable('Receivables');
  }
}

const sqlite = (qr: QueryRunner) => qr.connection.driver.options.type === 'better-sqlite3';

/** Rewrites the space-separated Scopes of every API key with `change` (only the rows it changes). */
async function changeAllScopeKeys(qr: QueryRunner, change: (scopes: string[]) => string[]): Promise<void> {
  const q = (name: string) => qr.connection.driver.escape(name);
  const select = `SELECT ${q('KeyID')} AS id, ${q('Scopes')} AS scopes FROM ${q('ApiKeys')}`;
  const rows: { id: string; scopes: string }[] = await qr.query(select);
  for (const row of rows) {
    const before = row.scopes.split(' ').filter(Boolean);
    const after = [...new Set(change(before))];
    if (after.join(' ') !== before.join(' ')) {
      await qr.query(`UPDATE ${q('ApiKeys')} SET ${q('Scopes')} = ? WHERE ${q('KeyID')} = ?`, [after.join(' '), row.id]);
    }
  }
}
