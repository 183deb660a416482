import { closeDatabase } from '../db/data-source';
import { openGatewayDatabase } from '../modules/entities';
import { Config } from '../platform/config';
import { clearAll, seed } from '../seed/seed';
import { parseSeedCommand } from '../seed/seed-options';
import { progressBar } from './progress';

/**
 * `npm run seed -- --divisions 20 --payments 1000000 [--receivables N] [--seed 42] [--today YYYY-MM-DD] [--append]`:
 * replaces the Cashflow rows with demo data, or with --append adds new divisions to them.
 */
export async function seedCommand(config: Config, args: string[]): Promise<void> {
  const { options, append } = parseSeedCommand(args);
  const db = await openGatewayDatabase(config.databaseUrl);
  try {
    if (!append) await clearAll(db);
    const started = Date.now();
    const today = options.today.toISOString().slice(0, 10);
    console.error(
      `Seeding ${options.payments} payments over ${options.divisions} divisions ` +
        `(seed ${options.seed}, today ${today}) into ${db.dialect.kind}`,
    );
    const result = await seed(db, options, progressBar(), { append });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const what = `${result.payments} payments, ${result.batches} batches and ${result.receivables} receivables`;
    console.log(`Seeded ${what} into ${db.dialect.kind} in ${seconds} s`);
  } finally {
    await closeDatabase(db);
  }
}
