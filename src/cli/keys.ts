import { parseArgs } from 'node:util';
import { closeDatabase, Database } from '../db/data-source';
import { openGatewayDatabase } from '../modules/entities';
import { Config } from '../platform/config';
import { ApiKeyInfo, checkKeyUser, createApiKey, listApiKeys, normaliseDivisions, revokeApiKey } from '../access/api-keys';
import { parseDateText } from '../platform/dates';
import { namingOptions, optionError, UsageError } from './options';
import { isScope, Scope, SCOPES } from '../access/principal';

/**
 * `npm run keys -- create --name dash --divisions 1,2 --scopes payments:read,analytics [--user GUID] [--expires DATE]`
 * `npm run keys -- list`
 * `npm run keys -- revoke <key id>`
 * The CLI is trusted local use: it may grant any division or scope. `--expires 2027-01-01` (a date
 * alone) means the start of that day, 00:00 UTC: the key no longer works on 1 January; a
 * date-time needs its zone (`2027-01-01T17:00:00+01:00`). Bad options print `--option: why`.
 */
export async function keysCommand(db: Database, args: string[], out: (line: string) => void = console.log): Promise<void> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'create': {
      const { values } = parseArgs({
        args: rest,
        strict: true,
        options: {
          name: { type: 'string' },
          divisions: { type: 'string', default: 'all' },
          scopes: { type: 'string', default: 'payments:read' },
          user: { type: 'string' },
          expires: { type: 'string' },
        },
      });
      if (values.name === undefined) throw optionError('name', 'is required (keys create --name NAME ...)');
      const expires = values.expires === undefined ? null : expiry(values.expires);
      const { key, secret } = await namingOptions(['name', 'divisions', 'scopes', 'user', 'expires'], async () => {
        if (values.user !== undefined) await checkKeyUser(db, values.user);
        return createApiKey(db, {
          name: values.name!,
          divisions: parseDivisions(values.divisions!),
          scopes: parseScopes(values.scopes!),
          userId: values.user?.toLowerCase(),
          createdBy: 'cli',
          expires,
        });
      });
      out(`Created API key ${key.id} (${key.name}): divisions ${fmtDivisions(key)}, scopes ${key.scopes.join(',')}`);
      if (key.expires) out(`Expires ${key.expires.toISOString()}`);
      out(`Secret (shown once, store it now): ${secret}`);
      out(`Use it as the header  X-API-Key: ${secret}`);
      return;
    }
    case 'list': {
      parseArgs({ args: rest, strict: true, options: {} });
      const keys = await listApiKeys(db);
      if (!keys.length) out('No API keys.');
      for (const k of keys) {
        const state = k.revoked ? `revoked ${k.revoked.toISOString()}` : k.expires ? `expires ${k.expires.toISOString()}` : 'active';
        out(`${k.id}  ${k.name.padEnd(20)}  divisions ${fmtDivisions(k).padEnd(12)}  scopes ${k.scopes.join(',')}  ${state}`);
      }
      return;
    }
    case 'revoke': {
      const { positionals } = parseArgs({ args: rest, strict: true, options: {}, allowPositionals: true });
      if (positionals.length !== 1) throw new UsageError(`keys revoke takes one key id (see keys list), got ${positionals.length}`);
      const k = await revokeApiKey(db, positionals[0]);
      out(`Revoked API key ${k.id} (${k.name}) at ${k.revoked!.toISOString()}`);
      return;
    }
    default:
      throw new UsageError(
        'Use: keys create --name N --divisions 1,2|all --scopes a,b [--user GUID] [--expires DATE] | keys list | keys revoke <id>',
      );
  }
}

/** `--expires`: a date (start of that day, UTC) or a date-time with its zone; see parseDateText. */
function expiry(text: string): Date {
  const parsed = parseDateText(text);
  if ('problem' in parsed) throw optionError('expires', parsed.problem);
  return parsed.date;
}

function parseDivisions(value: string): number[] | 'all' {
  return value.trim().toLowerCase() === 'all' ? 'all' : normaliseDivisions('divisions', value.split(','));
}

function parseScopes(value: string): Scope[] {
  if (value.trim().toLowerCase() === 'all') return [...SCOPES];
  const scopes = value.split(',').map((s) => s.trim());
  const unknown = scopes.find((s) => !isScope(s));
  if (unknown !== undefined) throw optionError('scopes', `${JSON.stringify(unknown)} is not a scope (${SCOPES.join(', ')}, or all)`);
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
