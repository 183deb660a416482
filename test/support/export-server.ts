import { testRuntime } from './gateway';
import 'reflect-metadata';
import { createApiKey } from '../../src/access/api-keys';
import { SCOPES } from '../../src/access/principal';
import { loadConfig } from '../../src/platform/config';
import { closeDatabase } from '../../src/db/data-source';
import { openGatewayDatabase as openDatabase } from '../../src/modules/entities';
import { createLogger } from '../../src/platform/logger';
import { createGateway } from '../../src/http/server';

/**
 * The gateway in a process of its own (forked by export-stream.test.ts), so that the resident
 * memory an export costs is measured on a clean process, not on a Jest worker full of other
 * tests' garbage. Talks to the parent over IPC: `ready` {url, key}, export `finished` {rows},
 * and on request the peak resident set size since the last `reset`.
 */
async function main(): Promise<void> {
  const db = await openDatabase(process.env.DATABASE_URL!, { migrate: false, logger: createLogger(process.env.LOG_LEVEL ?? 'silent') });
  const gateway = await createGateway(db, testRuntime({ ...loadConfig(), port: 0, host: '127.0.0.1' }));
  const { secret } = await createApiKey(db, { name: 'export test', divisions: 'all', scopes: [...SCOPES], createdBy: 'test' });
  let peak = process.memoryUsage().rss;
  setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5).unref();
  const send = (m: unknown) => process.send!(m);
  gateway.runtime.events.on('exportFinished', (e) => send({ type: 'finished', rows: e.rows }));
  process.on('message', async (m: string) => {
    if (m === 'reset') {
      peak = process.memoryUsage().rss;
      send({ type: 'reset', rss: peak });
    } else if (m === 'peak') {
      send({ type: 'peak', rss: Math.max(peak, process.memoryUsage().rss) });
    } else if (m === 'stop') {
      await gateway.stop();
      await closeDatabase(db);
      process.exit(0);
    }
  });
  send({ type: 'ready', url: gateway.url.replace('localhost', '127.0.0.1'), key: secret });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
