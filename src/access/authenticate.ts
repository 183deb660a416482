import type { IncomingHttpHeaders } from 'node:http';
import { Runtime } from '../platform/runtime';
import { Database } from '../db/data-source';
import { API_KEY_PREFIX, principalForApiKey, unauthenticated } from './api-keys';
import { createJwtVerifier } from './jwt';
import { Principal, SCOPES } from './principal';

/**
 * Turns request headers into a principal, or throws UNAUTHENTICATED. Accepted credentials:
 *   X-API-Key: cfk_...                 an API key
 *   Authorization: Bearer cfk_...      the same API key
 *   Authorization: Bearer <JWT>        a token signed with JWT_SECRET or a key of JWT_JWKS_FILE
 * Keys are looked up on every request, so a revoked key fails on the next one.
 */
export async function authenticate(headers: IncomingHttpHeaders, db: Database, runtime: Runtime): Promise<Principal> {
  const credential = credentialOf(headers);
  if (!credential) {
    throw unauthenticated('This request needs credentials: an API key (X-API-Key or Authorization: Bearer) or a bearer token');
  }
  if (credential.startsWith(API_KEY_PREFIX)) return principalForApiKey(db, credential);
  // One verifier per gateway: the JWKS file is read once.
  const verifier = runtime.memo('jwt-verifier', () => createJwtVerifier(runtime.config));
  if (!verifier) throw unauthenticated('Bearer tokens are not accepted: no JWT_SECRET or JWT_JWKS_FILE is configured');
  return verifier.verify(credential);
}

function credentialOf(headers: IncomingHttpHeaders): string | undefined {
  const auth = headers.authorization;
  if (auth) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <API key or token>"');
    return match[1];
  }
  const key = headers['x-api-key'];
  return (Array.isArray(key) ? key[0] : key)?.trim() || undefined;
}

/** The trusted local user of the CLI (never reachable over HTTP). */
export const LOCAL_PRINCIPAL: Principal = {
  id: 'local',
  userId: '00000000-0000-4000-8000-000000000001',
  name: 'Local administrator',
  divisions: 'all',
  scopes: new Set(SCOPES),
};

/** Every division code in the database (the meaning of a grant of 'all'). */
export async function allDivisionCodes(db: Database): Promise<number[]> {
  const rows = await db.dataSource.getRepository<{ code: number }>('Divisions').find({ select: { code: true }, order: { code: 'ASC' } });
  return rows.map((r) => r.code);
}

/** The divisions a principal may touch, as a sorted list. */
export async function grantedDivisions(principal: Principal, db: Database): Promise<number[]> {
  if (principal.divisions === 'all') return principal.allDivisions ? [...principal.allDivisions] : allDivisionCodes(db);
  return [...principal.divisions].sort((a, b) => a - b);
}
