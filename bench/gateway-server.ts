import 'reflect-metadata';
import { loadConfig } from '../src/platform/config';
import { openGatewayDatabase as openDatabase } from '../src/modules/entities';
import { createGateway } from '../src/http/server';
import { createRuntime } from '../src/platform/runtime';

/** The real gateway over the benchmark database, in its own process; prints its port. */
async function main() {
  const url = process.env.BENCH_DATABASE_URL!;
  const config = loadConfig({ ...process.env, DATABASE_URL: url, SEED_DEMO: 'false', DEMO_KEY: 'false' });
  const runtime = createRuntime({ ...config, port: 0, host: '127.0.0.1' });
  const db = await openDatabase(url, { logger: runtime.logger, logSql: runtime.config.logSql });
  const gateway = await createGateway(db, runtime);
  const port = Number(new URL(gateway.url).port);
  process.stdout.write(`${JSON.stringify({ port })}\n`);
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
