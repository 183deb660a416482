import { closeDatabase } from '../db/data-source';
import { openGatewayDatabase } from '../modules/entities';
import { Config } from '../platform/config';

/** `npm run migrate`: runs the pending migrations of DATABASE_URL and exits. */
export async function migrateCommand(config: Config): Promise<void> {
  const db = await openGatewayDatabase(config.databaseUrl);
  console.log(`Migrated ${db.dialect.kind} database`);
  await closeDatabase(db);
}
