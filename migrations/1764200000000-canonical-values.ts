import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Canonical values (issue 11): GUIDs lower case and currency codes upper case, as the gateway now
 * writes and compares them. Rows written before may hold an upper-case GUID (MariaDB kept the
 * case a client typed and still found it, SQLite did not) or a currency such as `eur` (grouped
 * with EUR on one database, apart on the other). The columns are listed here, not read from the
 * catalog, so that the migration stays what it was when later migrations change the catalog.
 */
const GUID_COLUMNS: Record<string, string[]> = {
  Payments: [
    'ID',
    'Account',
    'AccountBankAccountID',
    'AccountContact',
    'BankAccountID',
    'Creator',
    'Document',
    'EntryID',
    'GLAccount',
    'Modifier',
    'PaymentSelector',
    'TransactionEntryID',
    'TransactionID',
  ],
  GLAccounts: ['ID', 'Creator', 'Modifier'],
  Accounts: ['ID', 'Creator', 'Modifier'],
  Contacts: ['ID', 'Account', 'Creator', 'Modifier'],
  BankAccounts: ['ID', 'Account', 'Creator', 'Modifier'],
  Journals: ['ID', 'Creator', 'Modifier'],
  PaymentConditions: ['ID', 'Creator', 'Modifier'],
  Users: ['UserID'],
  Documents: ['ID', 'Creator', 'Modifier'],
  DocumentAttachments: ['ID', 'Document'],
  PaymentBatches: ['ID', 'BankAccountID', 'Document', 'Creator', 'Modifier'],
  PaymentMatches: ['ID', 'MatchID', 'Payment', 'Creator'],
  ApiKeys: ['UserID'],
};
/** The GUID primary key of each table (ApiKeys' key is not a GUID; its UserID is a plain column). */
const PRIMARY_KEYS: Record<string, string | null> = { Users: 'UserID', ApiKeys: null };
const CURRENCY_TABLES = ['Payments', 'Divisions', 'BankAccounts', 'PaymentBatches'];

export class CanonicalValues1764200000000 implements MigrationInterface {
  name = 'CanonicalValues1764200000000';

  async up(qr: QueryRunner): Promise<void> {
    const mysql = qr.connection.driver.options.type !== 'better-sqlite3';
    const q = (name: string) => (mysql ? `\`${name}\`` : `"${name}"`);
    // MariaDB's collation ignores case: compare the bytes to find the values that change.
    const differs = (column: string, canonical: string) =>
      mysql ? `BINARY ${column} <> BINARY ${canonical}` : `${column} <> ${canonical}`;
    for (const [table, columns] of Object.entries(GUID_COLUMNS)) {
      const primary = table in PRIMARY_KEYS ? PRIMARY_KEYS[table] : 'ID';
      // Two keys that differ only in case (possible on SQLite) cannot both become canonical: say which.
      const key = primary && q(primary);
      const clashes: { k: string }[] = key
        ? await qr.query(`SELECT LOWER(${key}) AS k FROM ${q(table)} GROUP BY LOWER(${key}) HAVING COUNT(*) > 1 LIMIT 5`)
        : [];
      if (clashes.length) {
        throw new Error(
          `${table} holds rows whose IDs differ only in case (${clashes.map((c) => c.k).join(', ')}): merge or delete them, then migrate again`,
        );
      }
      for (const column of columns.map(q)) {
        await qr.query(`UPDATE ${q(table)} SET ${column} = LOWER(${column}) WHERE ${differs(column, `LOWER(${column})`)}`);
      }
    }
    for (const table of CURRENCY_TABLES) {
      const column = q('Currency');
      await qr.query(`UPDATE ${q(table)} SET ${column} = UPPER(TRIM(${column})) WHERE ${differs(column, `UPPER(TRIM(${column}))`)}`);
    }
  }

  async down(): Promise<void> {
    // Nothing to undo: canonical values are valid values of the schema before.
  }
}
