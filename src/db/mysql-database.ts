import { createConnection } from 'mysql2/promise';

/** True for MariaDB's / MySQL's "Unknown database" (ER_BAD_DB_ERROR, 1049). */
export function isUnknownDatabase(error: unknown): boolean {
  const e = error as { code?: string; errno?: number; driverError?: { code?: string } };
  return (e?.driverError?.code ?? e?.code) === 'ER_BAD_DB_ERROR' || e?.errno === 1049;
}

/**
 * Creates the database a `mysql://user@host:port/<name>` URL names, when it does not exist yet,
 * with the character set and collation the gateway's text comparisons assume (utf8mb4,
 * utf8mb4_unicode_ci: case-insensitive). A URL without a database name is refused.
 */
export async function createDatabaseOf(databaseUrl: string): Promise<string> {
  const url = new URL(databaseUrl.replace(/^mariadb:/, 'mysql:'));
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!name) throw new Error(`DATABASE_URL names no database: ${databaseUrl}`);
  url.pathname = '';
  const server = await createConnection(url.toString());
  try {
    await server.query(`CREATE DATABASE IF NOT EXISTS \`${name.replace(/`/g, '``')}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await server.end();
  }
  return name;
}
