import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import { closeDatabase, Database, DatabaseLogging } from '../../src/db/data-source';
import { openGatewayDatabase } from '../../src/modules/entities';
import { createLogger } from '../../src/platform/logger';
import { seed } from '../../src/seed/seed';

/**
 * Real databases for tests: a fresh SQLite file per test file by default, or a fresh MariaDB
 * database when TEST_DATABASE=mariadb (MARIADB_URL, default root@127.0.0.1:3306). Both are
 * migrated with the real migrations, never synchronised.
 */
export const TEST_DATABASE = (process.env.TEST_DATABASE ?? 'sqlite') as 'sqlite' | 'mariadb';
const MARIADB_URL = process.env.MARIADB_URL ?? 'mysql://root@127.0.0.1:3306';

/** A test database logs (failed statements, LOG_SQL) to `logging.logger`, by default only when LOG_LEVEL asks for it. */
const openDatabase = (url: string, logging: DatabaseLogging = {}) =>
  openGatewayDatabase(url, { ...logging, logger: logging.logger ?? createLogger(process.env.LOG_LEVEL ?? 'silent') });

export interface TestDatabase {
  db: Database;
  url: string;
  close(): Promise<void>;
}

export async function openTestDatabase(name: string, logging: DatabaseLogging = {}): Promise<TestDatabase> {
  const unique = `${name.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${process.pid}_${Date.now().toString(36)}`;
  if (TEST_DATABASE === 'mariadb') {
    const database = `cfgt_${unique}`.slice(0, 64);
    const admin = await createConnection(MARIADB_URL);
    await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    const url = `${MARIADB_URL}/${database}`;
    const db = await openDatabase(url, logging);
    return {
      db,
      url,
      async close() {
        await closeDatabase(db);
        const c = await createConnection(MARIADB_URL);
        await c.query(`DROP DATABASE IF EXISTS \`${database}\``);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfgt-'));
  const url = `sqlite:${path.join(dir, `${unique}.sqlite`)}`;
  const db = await openDatabase(url, logging);
  return {
    db,
    url,
    async close() {
      await closeDatabase(db);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The reference date of test data: fixed, so results are reproducible. */
export const TEST_TODAY = new Date('2026-06-15T00:00:00Z');

/** A migrated database with small deterministic demo data (3 divisions, 600 payments by default). */
export async function openSeededDatabase(name: string, sizes: { divisions?: number; payments?: number } = {}): Promise<TestDatabase> {
  const t = await openTestDatabase(name);
  await seed(t.db, {
    divisions: sizes.divisions ?? 3,
    payments: sizes.payments ?? 600,
    seed: 7,
    today: TEST_TODAY,
    suppliersPerDivision: 12,
  });
  return t;
}
