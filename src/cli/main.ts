import 'reflect-metadata';
import { loadConfig } from '../platform/config';
import { exactCommand } from './exact';
import { banksCommand } from './banks';
import { exportCommand } from './export';
import { importCommand } from './import';
import { keysCliCommand } from './keys';
import { migrateCommand } from './migrate';
import { noArguments } from './options';
import { schemaCommand } from './schema';
import { seedCommand } from './seed';
import { startCommand } from './start';

/** What `src/main.ts <command>` understands, for the usage text. */
export const USAGE = `Usage: node src/main.ts <command> [options]   (or npm start / npm run <command> -- [options])
Commands:
  start     serve the gateway (seeds demo data into an empty database)
  migrate   run the pending migrations
  seed      (re)build demo data: --divisions N --payments N [--seed N] [--today YYYY-MM-DD] [--append]
  schema    write schema/schema.graphql
  keys      API keys: create --name N [--divisions 1,2|all] [--scopes a,b|all] [--user GUID] [--expires DATE] | list | revoke <id>
            (--expires 2027-01-01: the key stops working at the start of that day, 00:00 UTC)
  export    stream rows: --sql "select ..." | --graphql "{ ... }" | --list payments  [--format csv|ndjson] [--output file]
  import    bank statements: statements FILE... [--accept-gap] [--format coda|camt053|mt940] [--divisions 1,2]
            (exit status 1 when a file was refused)
  exact     Exact Online: connect --division N [--exact-division M] | sync [--division N] [--full]
            (EXACT_BASE_URL, EXACT_CLIENT_ID, EXACT_CLIENT_SECRET, EXACT_REDIRECT_URI, SECRETS_KEY)
  banks     bank connectors: connect codabox --division N --token T | connect ponto --division N
            | connect ponto --id ID --code C [--state S] | sync [--id ID] | list  [--divisions 1,2]
            | push --id ID --batch BATCH_ID --redirect-uri URI (a processed batch as a Ponto bulk payment)
            (settings from the environment, see docs/bank-connectors.md; exit status 1 when a pull failed)`;

/** Where the commands without options take their configuration from. */
const CONFIGURED = 'configure with environment variables such as PORT and DATABASE_URL, see README';

const COMMANDS: Record<string, (args: string[]) => Promise<void> | void> = {
  start: (args) => {
    noArguments('start', args, CONFIGURED);
    return startCommand(loadConfig());
  },
  migrate: (args) => {
    noArguments('migrate', args, CONFIGURED);
    return migrateCommand(loadConfig());
  },
  seed: (args) => seedCommand(loadConfig(), args),
  schema: (args) => {
    noArguments('schema', args);
    schemaCommand();
  },
  keys: (args) => keysCliCommand(loadConfig(), args),
  export: (args) => exportCommand(loadConfig(), args),
  import: (args) => importCommand(loadConfig(), args),
  exact: (args) => exactCommand(loadConfig(), args),
  banks: (args) => banksCommand(loadConfig(), args),
};

/** Runs one command; an unknown command prints the usage and exits 1. */
export async function main(argv: string[]): Promise<void> {
  const [command = 'start', ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return;
  }
  const run = COMMANDS[command];
  if (!run) {
    console.error(`Unknown command: ${command}\n${USAGE}`);
    process.exitCode = 1;
    return;
  }
  await run(rest);
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  if (process.env.DEBUG) console.error(error);
  process.exit(1);
});
