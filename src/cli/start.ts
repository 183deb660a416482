import { revokeApiKey } from '../access/api-keys';
import { freshDemoKey } from '../access/demo-key';
import { closeDatabase } from '../db/data-source';
import { createGateway } from '../http/server';
import { BankSchedule } from '../modules/bank-connectors/bank-schedule';
import { bankConnectorConfigFromEnv } from '../modules/bank-connectors/connector-config';
import { openGatewayDatabase } from '../modules/entities';
import { Config } from '../platform/config';
import { startOfDay } from '../platform/dates';
import { createRuntime } from '../platform/runtime';
import { isEmpty, seed } from '../seed/seed';
import { progressBar } from './progress';
import { exactConfigFromEnv } from '../modules/exact-online/exact-config';
import { startExactSchedule } from '../modules/exact-online/exact-schedule';
import { registerExactWriteBack } from '../modules/exact-online/exact-write-back';
import { secretBoxFromEnv } from '../platform/secret-box';

/**
 * `npm start`: opens (and migrates) the database, seeds demo data into an empty one when
 * SEED_DEMO allows, prints a fresh demo key when DEMO_KEY allows, serves until SIGINT/SIGTERM
 * (and then revokes its demo key).
 */
export async function startCommand(config: Config): Promise<void> {
  const runtime = createRuntime(config);
  const db = await openGatewayDatabase(config.databaseUrl, { logger: runtime.logger, logSql: config.logSql });
  if (config.seedDemo && (await isEmpty(db))) {
    console.log('Empty database: seeding demo data (5 divisions, 20,000 payments, 10,000 receivables)...');
    const started = Date.now();
    const result = await seed(db, { divisions: 5, payments: 20_000, seed: 42, today: startOfDay(new Date()) }, progressBar());
    const what = `${result.payments} payments, ${result.batches} batches and ${result.receivables} receivables`;
    console.log(`Seeded ${what} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const demoKey = config.seedDemo && config.demoKey ? await freshDemoKey(db) : undefined;
  // Exact Online: updates of what Exact lets a client change are written back to it (needs SECRETS_KEY to open the tokens).
  const exact = exactConfigFromEnv();
  const box = secretBoxFromEnv();
  if (box) registerExactWriteBack(runtime, db, box, exact);
  const gateway = await createGateway(db, runtime);
  // EXACT_SYNC_INTERVAL: connected divisions are synced from Exact Online inside the server (needs SECRETS_KEY).
  if (exact.syncIntervalSeconds > 0 && !box) throw new Error('EXACT_SYNC_INTERVAL needs SECRETS_KEY (the key of the stored Exact tokens)');
  const schedule = box ? startExactSchedule(db, box, exact, runtime.logger) : null;
  // Scheduled bank pulls (BANK_SYNC_INTERVAL_MINUTES); each connection's lease keeps it to one instance at a time.
  const banks = new BankSchedule(db, runtime, bankConnectorConfigFromEnv());
  banks.start();
  console.log(`Cashflow Gateway (${db.dialect.kind}) ready:`);
  console.log(`  GraphQL   ${gateway.url}/graphql`);
  console.log(`  Explorer  ${gateway.url}/explore`);
  if (gateway.metricsUrl) console.log(`  Metrics   ${gateway.metricsUrl}`);
  if (demoKey) {
    console.log(`  Demo key  ${demoKey.secret}`);
    console.log(`            (all divisions, all scopes; send it as the header X-API-Key, in the explorer's Headers tab:`);
    console.log(`             {"X-API-Key": "${demoKey.secret}"}; valid until this server stops)`);
  }
  // Stop within 10 s whatever runs: in-flight requests get 2 s, then their connections are
  // closed (cancelling exports and heavy reads), the read workers end, the SQLite WAL is
  // checkpointed into the file. A second signal kills the process at once (default action).
  const shutdown = async (signal: string) => {
    console.log(`${signal}: stopping`);
    setTimeout(() => {
      console.error('Stopping took too long: exiting');
      process.exit(1);
    }, 9000).unref();
    try {
      await schedule?.stop();
      await gateway.stop(2000);
      await banks.stop();
      // The demo key lives as long as this server (the rule: src/access/demo-key.ts).
      if (demoKey) await revokeApiKey(db, demoKey.id);
      await closeDatabase(db);
      process.exit(0);
    } catch (error) {
      console.error('Stopping failed:', error);
      process.exit(1);
    }
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
