import { createHash } from 'node:crypto';
import { guidFromHash } from '../platform/guid';
import fs from 'node:fs';
import { createLocalJWKSet, decodeProtectedHeader, errors, JSONWebKeySet, JWTPayload, jwtVerify } from 'jose';
import { Config } from '../platform/config';
import { unauthenticated, normaliseDivisions } from './api-keys';
import { isScope, Principal, Scope } from './principal';

/**
 * JWT bearer tokens from an identity provider: HS256 with a shared secret (JWT_SECRET) or
 * RS256/ES256 with public keys from a JWKS file (JWT_JWKS_FILE). Claims:
 *   sub        subject (required)
 *   exp        expiry (required: a token that never expires is refused)
 *   divisions  array of division codes granted (required, at least one)
 *   scopes     array of scopes, or `scope` as an OAuth space-separated string
 *   uid        optional user GUID recorded as Creator/Modifier (else derived from sub)
 *   name       optional display name
 * Unknown scopes are ignored, never widened.
 */
export interface JwtVerifier {
  verify(token: string): Promise<Principal>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createJwtVerifier(
  config: Pick<Config, 'jwtSecret' | 'jwtJwksFile' | 'jwtIssuer' | 'jwtAudience'>,
): JwtVerifier | undefined {
  const secret = config.jwtSecret ? new TextEncoder().encode(config.jwtSecret) : undefined;
  const jwks = config.jwtJwksFile ? createLocalJWKSet(JSON.parse(fs.readFileSync(config.jwtJwksFile, 'utf8')) as JSONWebKeySet) : undefined;
  if (!secret && !jwks) return undefined;
  const common = { issuer: config.jwtIssuer, audience: config.jwtAudience, requiredClaims: ['exp', 'sub'] };
  return {
    async verify(token) {
      let payload: JWTPayload;
      try {
        const alg = decodeProtectedHeader(token).alg;
        if (alg === 'HS256' && secret) payload = (await jwtVerify(token, secret, { ...common, algorithms: ['HS256'] })).payload;
        else if ((alg === 'RS256' || alg === 'ES256') && jwks)
          payload = (await jwtVerify(token, jwks, { ...common, algorithms: ['RS256', 'ES256'] })).payload;
        else throw unauthenticated(`Tokens signed with ${alg ?? 'no algorithm'} are not accepted`);
      } catch (e) {
        if (e instanceof errors.JWTExpired) throw unauthenticated('The token has expired');
        if (e instanceof errors.JOSEError || e instanceof TypeError || e instanceof SyntaxError)
          throw unauthenticated('The token is not valid');
        throw e;
      }
      return principalOf(payload);
    },
  };
}

function principalOf(payload: JWTPayload): Principal {
  const sub = payload.sub!;
  const raw = payload.divisions;
  if (!Array.isArray(raw) || raw.length === 0) throw unauthenticated('The token grants no divisions (claim divisions)');
  let divisions: number[];
  try {
    divisions = normaliseDivisions('divisions', raw);
  } catch {
    throw unauthenticated('The token claim divisions must be a list of division codes');
  }
  const scopeList = Array.isArray(payload.scopes) ? payload.scopes : typeof payload.scope === 'string' ? payload.scope.split(' ') : [];
  const scopes = new Set<Scope>(scopeList.filter((s): s is Scope => typeof s === 'string' && isScope(s)));
  const uid = typeof payload.uid === 'string' && UUID.test(payload.uid) ? payload.uid : UUID.test(sub) ? sub : uuidFromSubject(sub);
  const name = typeof payload.name === 'string' ? payload.name : sub;
  // The id keys idempotency records: it carries a fingerprint of the grant, so a later token of
  // the same subject with fewer divisions cannot replay a response made under a wider grant.
  const grant = createHash('sha256').update(divisions.join(',')).digest('hex').slice(0, 12);
  const subject = sub.length <= 60 ? sub : createHash('sha256').update(sub).digest('hex').slice(0, 40);
  return { id: `jwt:${subject}:${grant}`, userId: uid.toLowerCase(), name, divisions, scopes };
}

/** A stable GUID for a subject that is not one, so audit columns stay consistent per subject. */
function uuidFromSubject(sub: string): string {
  return guidFromHash(`cashflow-jwt:${sub}`, 5);
}
