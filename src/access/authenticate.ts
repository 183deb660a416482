import type { IncomingHttpHeaders } from 'node:http';
import { Database } from '../db/data-source';
import { Division } from '../modules/divisions/division.entity';
import { Principal, SCOPES } from './principal';

/**
 * Turns request headers into a principal. Until API keys and JWTs exist (access issue), every
 * caller is the local demo principal; the shape of the request context does not change when
 * they arrive.
 */
export async function authenticate(_headers: IncomingHttpHeaders, _db: Database): Promise<Principal> {
  return LOCAL_PRINCIPAL;
}

/** The trusted local user of the CLI and the demo. */
export const LOCAL_PRINCIPAL: Principal = {
  id: 'local',
  userId: '00000000-0000-4000-8000-000000000001',
  name: 'Local administrator',
  divisions: 'all',
  scopes: new Set(SCOPES),
};

/** Every division code in the database (the meaning of a grant of 'all'). */
export async function allDivisionCodes(db: Database): Promise<number[]> {
  const rows = await db.dataSource.getRepository(Division).find({ select: { code: true }, order: { code: 'ASC' } });
  return rows.map((r) => r.code);
}

/** The divisions a principal may touch, as a sorted list. */
export async function grantedDivisions(principal: Principal, db: Database): Promise<number[]> {
  if (principal.divisions === 'all') return allDivisionCodes(db);
  return [...principal.divisions].sort((a, b) => a - b);
}
