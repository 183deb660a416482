import { parseArgs } from 'node:util';
import { closeDatabase, Database } from '../db/data-source';
import { openGatewayDatabase } from '../modules/entities';
import { Config } from '../platform/config';
import { ApiKeyInfo, createApiKey, listApiKeys, normaliseDivisions, revokeApiKey } from '../access/api-keys';
import { isScope, Scope, SCOPES } from '../access/principal';

/**
 * `npm run keys -- create --name dash --divisions 1,2 --scopes payments:read,analytics [--user GUID] [--expires ISO]`
 * `npm run keys -- list`
 * `npm run keys -- revoke <key id>`
 * The CLI is trusted local use: it may grant any division or scope.
 */
export async function keysCommand(db: Database, args: string[], out: (line: string) => void = console.log): Promise<void> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'create': {
      const { values } = parseArgs({
        args: rest,
        options: {
          name: { type: 'string' },
          divisions: { type: 'string', default: 'all' },
          scopes: { type: 'string', default: 'payments:read' },
          user: { type: 'string' },
          expires: { type: 'string' },
        },
      });
      if (!values.name) throw new Error('keys create needs --name');
      const { key, secret } = await createApiKey(db, {
        name: values.name,
        divisions: parseDivisions(values.divisions!),
        scopes: parseScopes(values.scopes!),
        userId: values.user,
        createdBy: 'cli',
        expires: values.expires ? new Date(values.expires) : null,
      });
      out(`Created API key ${key.id} (${key.name}): divisions ${fmtDivisions(key)}, scopes ${key.scopes.join(',')}`);
      out(`Secret (shown once, store it now): ${secret}`);
      out(`Use it as the header  X-API-Key: ${secret}`);
      return;
    }
    case 'list': {
      const keys = await listApiKeys(db);
      if (!keys.length) out('No API keys.');
      for (const k of keys) {
        const state = k.revoked ? `revoked ${k.revoked.toISOString()}` : k.expires ? `expires ${k.expires.toISOString()}` : 'active';
        out(`${k.id}  ${k.name.padEnd(20)}  divisions ${fmtDivisions(k).padEnd(12)}  scopes ${k.scopes.join(',')}  ${state}`);
      }
      return;
    }
    case 'revoke': {
      const id = rest[0];
      if (!id) throw new Error('keys revoke needs a key id (see keys list)');
      const k = await revokeApiKey(db, id);
      out(`Revoked API key ${k.id} (${k.name}) at ${k.revoked!.toISOString()}`);
      return;
    }
    default:
      throw new Error('Use: keys create --name N --divisions 1,2|all --scopes a,b | keys list | keys revoke <id>');
  }
}

function parseDivisions(value: string): number[] | 'all' {
  return value.trim().toLowerCase() === 'all' ? 'all' : normaliseDivisions('divisions', value.split(','));
}

function parseScopes(value: string): Scope[] {
  if (value.trim().toLowerCase() === 'all') return [...SCOPES];
  const scopes = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const s of scopes) if (!isScope(s)) throw new Error(`Unknown scope ${s} (scopes: ${SCOPES.join(', ')}, or all)`);
  return scopes as Scope[];
}

const fmtDivisions = (k: ApiKeyInfo) => (k.divisions === 'all' ? 'all' : k.divisions.join(','));

/** `npm run keys -- ...` on DATABASE_URL (see keysCommand). */
export async function keysCliCommand(config: Config, args: string[]): Promise<void> {
  const db = await openGatewayDatabase(config.databaseUrl);
  try {
    await keysCommand(db, args);
  } finally {
    await closeDatabase(db);
  }
}
