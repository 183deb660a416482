import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { GatewayError } from '../platform/errors';
import { canonicalGuid } from '../platform/guid';
import { ApiKeyRule, apiKeyError } from './api-key.errors';
import { preparedQuery } from '../db/bounded-query';
import { entityReader, hydrateRows, RowReader } from '../db/raw-rows';
import { Database } from '../db/data-source';
import { businessDateProblem } from '../platform/dates';
import { divisionCodesProblem, textProblem } from '../platform/validation';
import { ApiKeyRecord } from './api-key.entity';
import { isScope, Principal, Scope, SCOPES } from './principal';

/**
 * API keys: `cfk_<key id>_<secret>`. The key id (16 hex characters) finds the row; the row holds
 * only the SHA-256 of the whole key, so a database leak does not leak usable keys. 32 random bytes
 * of secret make brute force pointless, which is why a fast hash suffices (no salt or KDF needed).
 * Every request reads the row again, so a revocation takes effect on the next request.
 */
export const API_KEY_PREFIX = 'cfk_';

/** The local administrator user of the demo data; default user of keys made without one. */
export const DEFAULT_KEY_USER = '00000000-0000-4000-8000-000000000001';

/** What may be shown about a key: everything but the hash. */
export interface ApiKeyInfo {
  id: string;
  name: string;
  divisions: number[] | 'all';
  scopes: Scope[];
  userId: string;
  created: Date;
  createdBy: string;
  expires: Date | null;
  revoked: Date | null;
}

export interface NewApiKey {
  name: string;
  divisions: readonly number[] | 'all';
  scopes: readonly Scope[];
  userId?: string;
  createdBy: string;
  expires?: Date | null;
}

const hashOf = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

/** Room for the comma-separated division codes of a key (ApiKeys.Divisions, varchar(4000)). */
const MAX_DIVISIONS_TEXT = 4000;

/** Longest key name (ApiKeys.Name). */
export const MAX_KEY_NAME_LENGTH = 100;

/**
 * Creates a key; the returned secret is shown once and cannot be recovered later. BAD_USER_INPUT
 * naming the field: a name of 1 to 100 characters (trimmed, no control characters), 1 or more
 * known scopes and divisions, an expiry in the future and before 2100 (BUSINESS_YEARS).
 */
export async function createApiKey(db: Database, input: NewApiKey, now = new Date()): Promise<{ key: ApiKeyInfo; secret: string }> {
  const name = input.name.trim();
  const invalid = (field: string, problem: string | undefined) => {
    if (problem) throw apiKeyError(ApiKeyRule.INVALID_VALUE, field, problem);
  };
  invalid('name', textProblem(name, 1, MAX_KEY_NAME_LENGTH));
  if (input.scopes.length === 0) throw apiKeyError(ApiKeyRule.REQUIRED, 'scopes', 'must name at least one scope');
  assertScopes(input.scopes);
  const divisions = input.divisions === 'all' ? 'all' : normaliseDivisions('divisions', input.divisions);
  if (divisions !== 'all' && divisions.length === 0) {
    throw apiKeyError(ApiKeyRule.REQUIRED, 'divisions', 'must name at least one division or all');
  }
  const stored = divisions === 'all' ? 'all' : divisions.join(',');
  if (stored.length > MAX_DIVISIONS_TEXT)
    invalid('divisions', `are too many to store: the list may take ${MAX_DIVISIONS_TEXT} characters, these take ${stored.length}`);
  if (input.expires !== null && input.expires !== undefined) {
    invalid('expires', businessDateProblem(input.expires));
    if (input.expires.getTime() <= now.getTime()) invalid('expires', `${input.expires.toISOString()} is not in the future`);
  }
  const keyId = randomBytes(8).toString('hex');
  const secret = `${API_KEY_PREFIX}${keyId}_${randomBytes(32).toString('base64url')}`;
  const record = Object.assign(new ApiKeyRecord(), {
    keyId,
    name,
    secretHash: hashOf(secret),
    divisions: stored,
    scopes: [...new Set(input.scopes)].join(' '),
    // Canonical (lower case), as every GUID is stored: it becomes the Creator/Modifier of rows.
    userId: canonicalGuid(input.userId ?? DEFAULT_KEY_USER),
    created: now,
    createdBy: input.createdBy.slice(0, 100),
    expires: input.expires ?? null,
    revoked: null,
  });
  await db.dataSource.getRepository(ApiKeyRecord).insert(record);
  return { key: infoOf(record), secret };
}

export async function listApiKeys(db: Database): Promise<ApiKeyInfo[]> {
  const rows = await db.dataSource.getRepository(ApiKeyRecord).find({ order: { created: 'ASC', keyId: 'ASC' } });
  return rows.map(infoOf);
}

/** A key id as `apiKeys` and `keys list` show it: 16 hex characters (BAD_USER_INPUT naming `id`). */
export function checkKeyId(id: string): void {
  if (!/^[0-9a-f]{16}$/.test(id)) {
    throw apiKeyError(
      ApiKeyRule.INVALID_VALUE,
      'id',
      `${JSON.stringify(id.slice(0, 40))} is not a key id (16 hex characters, as apiKeys and keys list show)`,
    );
  }
}

/** Revokes a key (idempotent: the first revocation time is kept). NOT_FOUND for an unknown id. */
export async function revokeApiKey(db: Database, keyId: string, now = new Date()): Promise<ApiKeyInfo> {
  checkKeyId(keyId);
  const repo = db.dataSource.getRepository(ApiKeyRecord);
  const row = await repo.findOne({ where: { keyId } });
  if (!row) throw keyNotFound(keyId);
  if (!row.revoked) {
    await repo.update({ keyId }, { revoked: now });
    row.revoked = now;
  }
  return infoOf(row);
}

/**
 * The key's row and, for a grant of all divisions, the division codes, in one statement: every
 * request authenticates, so this is on the path of every request.
 */
function keyLookup(db: Database): { sql: string; reader: RowReader } {
  const q = db.dialect.quote;
  const names = db.dataSource.getMetadata(ApiKeyRecord).columns.map((c) => c.databaseName);
  // Rows, not GROUP_CONCAT: MySQL cuts that at 1,024 bytes by default.
  const keyColumns = names.map((n) => `k.${q(n)} AS ${q(`k_${n}`)}`).join(', ');
  const sql = `SELECT ${keyColumns}, NULL AS ${q('Code')} FROM ${q('ApiKeys')} k WHERE k.${q('KeyID')} = ?
    UNION ALL SELECT ${names.map(() => 'NULL').join(', ')}, d.${q('Code')} FROM ${q('Divisions')} d
    WHERE EXISTS (SELECT 1 FROM ${q('ApiKeys')} a WHERE a.${q('KeyID')} = ? AND a.${q('Divisions')} = 'all')`;
  return { sql, reader: entityReader(db.dataSource, ApiKeyRecord) };
}
async function findKey(db: Database, keyId: string): Promise<{ row: ApiKeyRecord; allDivisions: number[] } | null> {
  const lookup = db.memo('api-key-lookup', () => keyLookup(db));
  const rows = await preparedQuery(db, lookup.sql, [keyId, keyId]);
  const raw = rows.find((r) => r.Code === null);
  if (!raw) return null;
  const [row] = hydrateRows<ApiKeyRecord>(lookup.reader, [raw], 'k');
  const allDivisions = rows.filter((r) => r.Code !== null).map((r) => Number(r.Code));
  return { row, allDivisions: allDivisions.sort((a, b) => a - b) };
}

/** The principal of a presented key, or UNAUTHENTICATED (unknown, wrong, revoked or expired). */
export async function principalForApiKey(db: Database, presented: string, now = new Date()): Promise<Principal> {
  const match = /^cfk_([0-9a-f]{16})_[A-Za-z0-9_-]{43}$/.exec(presented);
  if (!match) throw unauthenticated('The API key is malformed');
  const found = await findKey(db, match[1]);
  const expected = Buffer.from(found?.row.secretHash ?? hashOf('no such key'), 'hex');
  // Compared in constant time even when the id is unknown.
  const valid = timingSafeEqual(expected, Buffer.from(hashOf(presented), 'hex'));
  if (!valid || !found) throw unauthenticated('The API key is not valid');
  const { row } = found;
  if (row.revoked) throw unauthenticated('The API key was revoked');
  // An expiry that cannot be read is an expired key: fail closed, never "never expires".
  if (row.expires && !(row.expires.getTime() > now.getTime())) throw unauthenticated('The API key has expired');
  const info = infoOf(row);
  return {
    id: `key:${row.keyId}`,
    userId: row.userId,
    name: row.name,
    divisions: info.divisions,
    scopes: new Set(info.scopes),
    ...(info.divisions === 'all' ? { allDivisions: found.allDivisions } : {}),
  };
}

export function unauthenticated(message: string): GatewayError {
  return new GatewayError('UNAUTHENTICATED', message);
}

/**
 * Division codes of a key, sorted: numbers or digit strings (the command line's `1,2`), at most
 * MAX_DIVISION_CODES of them, each a positive Int (divisionCodesProblem), a code named twice kept
 * once; BAD_USER_INPUT naming `field` otherwise. An empty list is returned as such: the caller
 * says what it requires.
 */
export function normaliseDivisions(field: string, values: readonly unknown[]): number[] {
  const codes = values.map((v) => (typeof v === 'string' && /^\s*\d{1,10}\s*$/.test(v) ? Number(v) : v));
  const problem = codes.length ? divisionCodesProblem(codes) : undefined;
  if (problem) throw apiKeyError(ApiKeyRule.INVALID_DIVISION, field, problem);
  return [...new Set(codes as number[])].sort((a, b) => a - b);
}

/**
 * A user a new key may act as (Creator/Modifier of its changes): a GUID in Users. For the command
 * line's `--user`; the admin mutation gives the caller's own user, which is not input.
 */
export async function checkKeyUser(db: Database, userId: string): Promise<void> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(userId)) {
    throw apiKeyError(ApiKeyRule.INVALID_VALUE, 'user', `${JSON.stringify(userId)} is not a user ID (a GUID)`);
  }
  const q = db.dialect.quote;
  const rows = await preparedQuery(db, `SELECT 1 AS ${q('found')} FROM ${q('Users')} WHERE ${q('UserID')} = ?`, [canonicalGuid(userId)]);
  if (!rows.length) throw apiKeyError(ApiKeyRule.INVALID_VALUE, 'user', `no user has the ID ${userId}`);
}

/** Refuses a scope that does not exist (BAD_USER_INPUT naming `scopes` and the scope). */
export function assertScopes(scopes: readonly string[]): asserts scopes is readonly Scope[] {
  for (const s of scopes) {
    if (!isScope(s)) throw apiKeyError(ApiKeyRule.UNKNOWN_SCOPE, 'scopes', `${s} is not a scope (${SCOPES.join(', ')})`, { scope: s });
  }
}

/** NOT_FOUND naming the `id` argument, for a key that does not exist or that the caller may not see. */
export function keyNotFound(keyId: string) {
  return apiKeyError(ApiKeyRule.NOT_FOUND, 'id', `ApiKey ${keyId} was not found`, { id: keyId });
}

function infoOf(row: ApiKeyRecord): ApiKeyInfo {
  return {
    id: row.keyId,
    name: row.name,
    divisions: row.divisions === 'all' ? 'all' : row.divisions.split(',').map(Number),
    scopes: row.scopes.split(' ').filter(isScope),
    userId: row.userId,
    created: row.created,
    createdBy: row.createdBy,
    // A stored expiry that is not a date (keys made before expiries were checked) counts as
    // expired, and is shown as the earliest instant rather than breaking every listing.
    expires: row.expires && Number.isNaN(row.expires.getTime()) ? new Date(0) : row.expires,
    revoked: row.revoked,
  };
}
