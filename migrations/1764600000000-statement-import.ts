import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * The bank statement import (issue 12, section 3): each bank entry records the SHA-256 of the
 * file it was imported from (BankEntries.FileHash, hidden like StatementHash), indexed per
 * division, so a file sent again is recognised as a whole.
 *
 * API keys that held every scope before (`--scopes all` made them) get the new scope
 * statements:import, so that such a key keeps meaning "everything" (as the receivables and bank
 * entries migrations did for theirs); keys granted some scopes keep exactly those.
 */
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
const NEW_SCOPES = ['statements:import'];
const INDEX = new TableIndex({ name: 'IX_BankEntries_Division_FileHash', columnNames: ['Division', 'FileHash'] });

export class StatementImport1764600000000 implements MigrationInterface {
  name = 'StatementImport1764600000000';

  async up(qr: QueryRunner): Promise<void> {
    const q = (name: string) => qr.connection.driver.escape(name);
    // ADD COLUMN in place on both databases (TypeORM would rebuild the SQLite table and lose its
    // text key indexes); a nullable column without a default needs no rewrite of the rows.
    await qr.query(`ALTER TABLE ${q('BankEntries')} ADD COLUMN ${q('FileHash')} varchar(64) NULL`);
    await qr.createIndex('BankEntries', INDEX);
    await changeScopesOfKeys(qr, (scopes) => (SCOPES_BEFORE.every((s) => scopes.includes(s)) ? [...scopes, ...NEW_SCOPES] : scopes));
  }

  async down(qr: QueryRunner): Promise<void> {
    const q = (name: string) => qr.connection.driver.escape(name);
    await changeScopesOfKeys(qr, (scopes) => scopes.filter((s) => !NEW_SCOPES.includes(s)));
    await qr.dropIndex('BankEntries', INDEX.name!);
    await qr.query(`ALTER TABLE ${q('BankEntries')} DROP COLUMN ${q('FileHash')}`);
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
