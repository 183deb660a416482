import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { loadConfig } from './config';
import { freshDemoKey } from './access/demo-key';
import { keysCommand } from './access/keys-command';
import { closeDatabase, openDatabase } from './db/data-source';
import { clearAll, isEmpty, seed, SeedProgress } from './db/seed/seed';
import { parseSeedCommand } from './db/seed/seed-options';
import { startOfDay } from './modules/payments/payment.rules';
import { writeSchemaFile } from './schema';
import { createGateway } from './server';
import { runExport } from './export/export-command';

/** Command line: start | migrate | seed | schema | keys | export. */
async function main(argv: string[]): Promise<void> {
  const [command = 'start', ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'start': {
      const db = await openDatabase(config.databaseUrl);
      if (config.seedDemo && (await isEmpty(db))) {
        console.log('Empty database: seeding demo data (5 divisions, 20,000 payments)...');
        const started = Date.now();
        const result = await seed(db, { divisions: 5, payments: 20_000, seed: 42, today: startOfDay(new Date()) }, progressBar());
        console.log(`Seeded ${result.payments} payments and ${result.batches} batches in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
      const demoKey = config.seedDemo && config.demoKey ? await freshDemoKey(db) : undefined;
      const gateway = await createGateway(db, config);
      console.log(`Cashflow Gateway (${db.dialect.kind}) ready:`);
      console.log(`  GraphQL   ${gateway.url}/graphql`);
      console.log(`  Explorer  ${gateway.url}/explore`);
      if (demoKey) {
        console.log(`  Demo key  ${demoKey}`);
        console.log(`            (all divisions, all scopes; send it as the header X-API-Key, in the explorer's Headers tab:`);
        console.log(`             {"X-API-Key": "${demoKey}"}; a new one is made on each start and the previous one revoked)`);
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
          await gateway.stop(2000);
          await closeDatabase(db);
          process.exit(0);
        } catch (error) {
          console.error('Stopping failed:', error);
          process.exit(1);
        }
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      return;
    }
    case 'migrate': {
      const db = await openDatabase(config.databaseUrl);
      console.log(`Migrated ${db.dialect.kind} database`);
      await closeDatabase(db);
      return;
    }
    case 'seed': {
      const { options, append } = parseSeedCommand(rest);
      const db = await openDatabase(config.databaseUrl);
      if (!append) await clearAll(db);
      const started = Date.now();
      console.error(`Seeding ${options.payments} payments over ${options.divisions} divisions (seed ${options.seed}, today ${options.today.toISOString().slice(0, 10)}) into ${db.dialect.kind}`);
      const result = await seed(db, options, progressBar());
      console.log(`Seeded ${result.payments} payments and ${result.batches} batches into ${db.dialect.kind} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      await closeDatabase(db);
      return;
    }
    case 'keys': {
      const db = await openDatabase(config.databaseUrl);
      try {
        await keysCommand(db, rest);
      } finally {
        await closeDatabase(db);
      }
      return;
    }
    case 'export': {
      const { values } = parseArgs({
        args: rest,
        options: {
          sql: { type: 'string' },
          graphql: { type: 'string' },
          variables: { type: 'string' },
          list: { type: 'string' },
          format: { type: 'string', default: 'csv' },
          divisions: { type: 'string' },
          param: { type: 'string', multiple: true, default: [] },
          parameters: { type: 'string' },
        },
      });
      // `npm run export ... | head` closes stdout early: stop quietly, as other Unix tools do.
      process.stdout.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') process.exit(0);
        throw error;
      });
      const db = await openDatabase(config.databaseUrl);
      try {
        const rows = await runExport(db, config, values, process.stdout);
        process.stderr.write(`\nExported ${rows} rows\n`);
      } finally {
        await closeDatabase(db);
      }
      return;
    }
    case 'schema':
      console.log(`Wrote ${writeSchemaFile()}`);
      return;
    default:
/** Command line: start | migrate | seed | schema | keys | export. */
  }
}

/** Progress of a seed on stderr: a bar on a terminal, a line per 10% otherwise (logs, CI). */
function progressBar(): SeedProgress {
  if (!process.stderr.isTTY) {
    let total = 0;
    let shown = -1;
    return {
      start: (t) => { total = t; },
      update: (n) => {
        const tenth = total ? Math.floor((n / total) * 10) : 10;
        if (tenth > shown) { shown = tenth; console.error(`payments ${n}/${total} (${tenth * 10}%)`); }
      },
      note: (message) => console.error(message),
      stop: () => {},
    };
  }
  const bar = new SingleBar({ format: 'payments [{bar}] {percentage}% {value}/{total} {eta}s left', stream: process.stderr, hideCursor: true });
  let running = false;
  return {
    start: (total) => { bar.start(total, 0); running = true; },
    update: (n) => bar.update(n),
    note: (message) => {
      if (running) { bar.stop(); running = false; }
      console.error(message);
    },
    stop: () => { if (running) bar.stop(); running = false; },
  };
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  if (process.env.DEBUG) console.error(error);
  process.exit(1);
});
