import { Database } from '../db/data-source';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys';
import { SCOPES } from './principal';

export const DEMO_KEY_NAME = 'demo (npm start)';

/**
 * The key `npm start` prints on a demo database: all divisions, all scopes. Secrets cannot be
 * shown again, so each start makes a new one and revokes the previous start's key, so that demo
 * keys do not pile up.
 */
export async function freshDemoKey(db: Database): Promise<string> {
  for (const k of await listApiKeys(db)) if (k.name === DEMO_KEY_NAME && !k.revoked) await revokeApiKey(db, k.id);
  const { secret } = await createApiKey(db, { name: DEMO_KEY_NAME, divisions: 'all', scopes: SCOPES, createdBy: 'npm start' });
  return secret;
}
