import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { column } from './column-types';

/**
 * The matching engine of bank reconciliation (issue 13): the AllocationRules table, and the
 * indexes by which candidates are looked up in batches, never scanned: open items by AmountFC
 * (a line's amount, or its amount before a cash discount), by InvoiceNumber and by YourRef (found
 * in a line's free text), on Payments and Receivables. (PaymentReference, Account and
 * CashflowTransactionBatchCode are indexed already.) Columns listed here, not read from the
 * catalog, so the migration stays what it was.
 *
 * API keys that held every scope get the two new ones, reconciliation:read and
 * reconciliation:write, so such a key keeps meaning "everything"; keys granted some scopes keep
 * exactly those.
 */
const LOOKUPS: [table: string, column: string][] = [
  ['Payments', 'AmountFC'],
  ['Payments', 'InvoiceNumber'],
  ['Payments', 'YourRef'],
  ['Receivables', 'AmountFC'],
  ['Receivables', 'InvoiceNumber'],
  ['Receivables', 'YourRef'],
];
const INDEXES = LOOKUPS.map(([table, col]) => ({
  table,
  index: new TableIndex({ name: `IX_${table}_Division_${col}`, columnNames: ['Division', col] }),
}));

const SCOPES_BEFORE = [
  'payments:read',
  'analytics',
  'payments:select',
  'payments:process',
  'payments:write',
  'admin',
  'receivables:read',
  'receivables:write',
  'statements:read',
  'cash:write',
];
const NEW_SCOPES = ['reconciliation:read', 'reconciliation:write'];

export class ReconciliationEngine1764700000000 implements MigrationInterface {
  name = 'ReconciliationEngine1764700000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(
      new Table({
        name: 'AllocationRules',
        columns: [
          column(qr, 'ID', 'guid', { nullable: false, primary: true }),
          column(qr, 'Division', 'int32', { nullable: false }),
          column(qr, 'Description', 'string', { length: 60, nullable: false }),
          column(qr, 'Words', 'string', { length: 200, nullable: true }),
          column(qr, 'CounterpartyBankAccount', 'string', { length: 50, nullable: true }),
          column(qr, 'Account', 'guid', { nullable: true }),
          column(qr, 'GLAccount', 'guid', { nullable: false }),
          column(qr, 'Priority', 'int32', { nullable: false }),
          column(qr, 'Created', 'datetime', { nullable: false }),
          column(qr, 'Creator', 'guid', { nullable: true }),
          column(qr, 'Modified', 'datetime', { nullable: false }),
          column(qr, 'Modifier', 'guid', { nullable: true }),
          { name: 'Version', type: 'int', isNullable: false, default: 1 },
        ],
        indices: [new TableIndex({ name: 'IX_AllocationRules_Division_Priority', columnNames: ['Division', 'Priority'] })],
      }),
    );
    for (const { table, index } of INDEXES) await qr.createIndex(table, index);
    await changeScopesOfKeys(qr, (scopes) => (SCOPES_BEFORE.every((s) => scopes.includes(s)) ? [...scopes, ...NEW_SCOPES] : scopes));
  }

  async down(qr: QueryRunner): Promise<void> {
    await changeScopesOfKeys(qr, (scopes) => scopes.filter((s) => !NEW_SCOPES.includes(s)));
    for (const { table, index } of INDEXES) await qr.dropIndex(table, index.name!);
    await qr.dropTable('AllocationRules');
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
