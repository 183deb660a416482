import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Text matching (issue 11, section 3): on SQLite the query layers compare, sort and group text by
 * `cf_key(column)`, the key of MariaDB's utf8mb4_unicode_ci (src/db/text-collation.ts), instead of
 * SQLite's ASCII-only NOCASE. An index on the column itself cannot serve such a comparison, so
 * every indexed text column gets an index on its key beside it: an equality, IN or ORDER BY on
 * the text is still an index search. MariaDB's indexes already compare by the column's collation.
 * SQLite only; writing these tables needs the cf_key function (registerSqliteFunctions).
 */
const INDEXES: [name: string, table: string, division: boolean, column: string][] = [
  ['IX_Payments_Division_CashflowTransactionBatchCode_Key', 'Payments', true, 'CashflowTransactionBatchCode'],
  ['IX_GLAccounts_Division_Code_Key', 'GLAccounts', true, 'Code'],
  ['IX_Accounts_Division_Code_Key', 'Accounts', true, 'Code'],
  ['IX_Accounts_Division_Name_Key', 'Accounts', true, 'Name'],
  ['IX_BankAccounts_Division_BankAccount_Key', 'BankAccounts', true, 'BankAccount'],
  ['IX_Journals_Division_Code_Key', 'Journals', true, 'Code'],
  ['IX_PaymentConditions_Division_Code_Key', 'PaymentConditions', true, 'Code'],
  ['IX_Users_UserName_Key', 'Users', false, 'UserName'],
  ['IX_PaymentBatches_Division_CashflowTransactionBatchCode_Key', 'PaymentBatches', true, 'CashflowTransactionBatchCode'],
];

export class TextKeyIndexes1764100000000 implements MigrationInterface {
  name = 'TextKeyIndexes1764100000000';

  async up(qr: QueryRunner): Promise<void> {
    if (qr.connection.driver.options.type !== 'better-sqlite3') return;
    for (const [name, table, division, column] of INDEXES) {
      await qr.query(`CREATE INDEX "${name}" ON "${table}" (${division ? '"Division", ' : ''}cf_key("${column}"))`);
    }
  }

  async down(qr: QueryRunner): Promise<void> {
    if (qr.connection.driver.options.type !== 'better-sqlite3') return;
    for (const [name] of INDEXES) await qr.query(`DROP INDEX "${name}"`);
  }
}
