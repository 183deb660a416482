import { createConnection } from 'mysql2/promise';
import { Database } from '../../src/db/data-source';

/**
 * Statements still running on the database of a test, by a marker in their text (a column alias
 * such as `heavy_probe`): on MariaDB the PROCESSLIST rows of the test database running a query
 * (plain or prepared) that contains the marker; on SQLite the statements executing in the read
 * workers (heavy reads run nowhere else; one still waiting for its worker to start does not
 * count). Tests use it to prove that a cancelled request leaves nothing behind.
 */
export async function runningStatements(db: Database, url: string, marker: string): Promise<number> {
  if (db.dialect.kind === 'sqlite') return db.readers?.running ?? 0;
  const database = new URL(url).pathname.slice(1);
  const c = await createConnection(url);
  try {
    const [rows] = await c.query(
      `SELECT ID FROM information_schema.PROCESSLIST WHERE DB = ? AND COMMAND IN ('Query', 'Execute') AND ID <> CONNECTION_ID() AND INFO LIKE ?`,
      [database, `%${marker}%`],
    );
    return (rows as unknown[]).length;
  } finally {
    await c.end();
  }
}

/** Polls `probe` every 50 ms until it returns true; resolves with the time it took (ms) or rejects after `timeoutMs`. */
export async function waitFor(probe: () => Promise<boolean>, timeoutMs: number, what: string): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await probe()) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
