import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import { closeDatabase } from '../../src/db/data-source';
import { openGatewayDatabase } from '../../src/modules/entities';
import { TEST_DATABASE } from '../support/database';

/**
 * A newcomer's DATABASE_URL names a database that does not exist yet: the gateway creates it
 * (MariaDB: CREATE DATABASE with utf8mb4_unicode_ci; SQLite: the file and its folders) and
 * migrates it, instead of failing with "Unknown database".
 */
const MARIADB_URL = process.env.MARIADB_URL ?? 'mysql://root@127.0.0.1:3306';

(TEST_DATABASE === 'mariadb' ? it : it.skip)('MariaDB: a missing database is created, migrated and usable', async () => {
  const name = `cfgt_missing_${process.pid}_${Date.now().toString(36)}`;
  const admin = await createConnection(MARIADB_URL);
  try {
    const exists = async () => ((await admin.query('SHOW DATABASES LIKE ?', [name]))[0] as unknown[]).length > 0;
    expect(await exists()).toBe(false);
    const db = await openGatewayDatabase(`${MARIADB_URL}/${name}`);
    try {
      expect(await exists()).toBe(true);
      expect(await db.dataSource.showMigrations()).toBe(false);
      const [row] = await db.dataSource.query('SELECT @@collation_database AS c, COUNT(*) AS n FROM Payments');
      expect({ collation: row.c, payments: Number(row.n) }).toEqual({ collation: 'utf8mb4_unicode_ci', payments: 0 });
    } finally {
      await closeDatabase(db);
    }
    // Opening it again uses the existing database.
    await closeDatabase(await openGatewayDatabase(`${MARIADB_URL}/${name}`));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.end();
  }
});

(TEST_DATABASE === 'sqlite' ? it : it.skip)('SQLite: a missing file in missing folders is created, migrated and usable', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfgt-'));
  try {
    const file = path.join(dir, 'a', 'b', 'cashflow.sqlite');
    const db = await openGatewayDatabase(`sqlite:${file}`);
    try {
      expect(fs.existsSync(file)).toBe(true);
      expect(await db.dataSource.showMigrations()).toBe(false);
      expect(await db.dataSource.query('SELECT COUNT(*) AS n FROM Payments')).toEqual([{ n: 0 }]);
    } finally {
      await closeDatabase(db);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
