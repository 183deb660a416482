import { createConnection } from 'mysql2/promise';
import type { Database } from './data-source';

/**
 * Stops the statement MariaDB/MySQL thread `threadId` is running (`KILL QUERY`), leaving its
 * connection open. Closing a connection does not stop its statement: the server notices a
 * vanished client only when it next writes to it, which an aggregate or a cross join may not do
 * for minutes. The kill goes over a short-lived connection of its own, not one of the pool's:
 * when every pooled connection is busy with a statement to kill, the kill must not wait for one.
 * Never rejects: a failed kill is logged, and the statement's own time bound still applies.
 */
export async function killQuery(db: Database, threadId: number): Promise<void> {
  if (!Number.isSafeInteger(threadId)) return;
  const url = String((db.dataSource.options as { url?: string }).url ?? '');
  let connection: Awaited<ReturnType<typeof createConnection>> | undefined;
  try {
    connection = await createConnection({ uri: url, connectTimeout: 5000 });
    await connection.query(`KILL QUERY ${threadId}`);
  } catch (error) {
    // ER_NO_SUCH_THREAD: the statement (and its connection) ended meanwhile.
    if ((error as { errno?: number }).errno !== 1094)
      db.dataSource.logger.log('warn', `KILL QUERY ${threadId} failed: ${(error as Error).message}`);
  } finally {
    await connection?.end().catch(() => undefined);
  }
}
