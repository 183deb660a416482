import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { revokeApiKey, listApiKeys } from '../../../src/access/api-keys';
import { allDivisionCodes } from '../../../src/access/authenticate';
import { ApiKeyRecord } from '../../../src/access/api-key.entity';
import { openSeededDatabase, TestDatabase } from '../../support/database';
import { NO_CREDENTIALS, startTestGateway, TestGateway } from '../../support/gateway';

const SECRET = 'test-secret-of-at-least-32-bytes-long!!';
let t: TestDatabase;
let gw: TestGateway;
let jwksDir: string;
let es: Awaited<ReturnType<typeof generateKeyPair>>;
let D1: number;
let D2: number;

const Q = '{ payments(first: 500) { nodes { id divisionCode } } }';

beforeAll(async () => {
  t = await openSeededDatabase('authentication', { divisions: 2, payments: 60 });
  [D1, D2] = await allDivisionCodes(t.db);
  es = await generateKeyPair('ES256');
  jwksDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jwks-'));
  const jwk = { ...(await exportJWK(es.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  fs.writeFileSync(path.join(jwksDir, 'jwks.json'), JSON.stringify({ keys: [jwk] }));
  gw = await startTestGateway(t.db, {
    JWT_SECRET: SECRET,
    JWT_JWKS_FILE: path.join(jwksDir, 'jwks.json'),
    JWT_ISSUER: '',
    JWT_AUDIENCE: '',
  });
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
  fs.rmSync(jwksDir, { recursive: true, force: true });
});

const hs = (claims: Record<string, unknown>, exp: string | number = '5m', secret = SECRET) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('alice')
    .setIssuedAt()
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(secret));
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('authentication', () => {
  it('answers HTTP 401 UNAUTHENTICATED without credentials', async () => {
    const res = await gw.gql(Q, {}, NO_CREDENTIALS);
    expect(res.status).toBe(401);
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.data).toBeUndefined();
  });

  it('refuses an unknown, malformed or tampered API key', async () => {
    for (const key of [
      'nonsense',
      `cfk_0000000000000000_${'A'.repeat(43)}`,
      gw.adminKey.slice(0, -1) + (gw.adminKey.endsWith('A') ? 'B' : 'A'),
    ]) {
      const res = await gw.gql(Q, {}, { 'x-api-key': key });
      expect(res.status).toBe(401);
      expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('accepts an API key as X-API-Key or as a bearer token', async () => {
    const a = await gw.gql(Q);
    const b = await gw.gql(Q, {}, bearer(gw.adminKey));
    expect(a.errors).toBeUndefined();
    expect(b.data).toEqual(a.data);
    expect(a.data.payments.nodes).toHaveLength(60);
  });

  it('stores only a hash of the key', async () => {
    const rows = await t.db.dataSource.getRepository(ApiKeyRecord).find();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(JSON.stringify(r)).not.toContain(gw.adminKey.slice(22));
      expect(r.secretHash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('refuses a revoked key on the very next request', async () => {
    const headers = await gw.headersFor({ name: 'soon revoked', divisions: [D1] });
    expect((await gw.gql(Q, {}, headers)).status).toBe(200);
    const id = headers['x-api-key'].slice(4, 20);
    expect((await listApiKeys(t.db)).find((k) => k.id === id)?.revoked).toBeNull();
    await revokeApiKey(t.db, id);
    const res = await gw.gql(Q, {}, headers);
    expect(res.status).toBe(401);
    expect(res.errors?.[0].message).toMatch(/revoked/);
  });

  it('refuses an API key past its expiry', async () => {
    const headers = await gw.headersFor({ name: 'short lived', divisions: [D1] });
    expect((await gw.gql(Q, {}, headers)).status).toBe(200);
    await t.db.dataSource
      .getRepository(ApiKeyRecord)
      .update({ keyId: headers['x-api-key'].slice(4, 20) }, { expires: new Date(Date.now() - 1000) });
    const res = await gw.gql(Q, {}, headers);
    expect(res.status).toBe(401);
    expect(res.errors?.[0].message).toMatch(/expired/);
  });

  it('accepts an HS256 token with divisions and scopes claims', async () => {
    const res = await gw.gql(Q, {}, bearer(await hs({ divisions: [D2], scopes: ['payments:read'] })));
    expect(res.errors).toBeUndefined();
    expect(res.data.payments.nodes.length).toBeGreaterThan(0);
    expect(new Set(res.data.payments.nodes.map((n: { divisionCode: number }) => n.divisionCode))).toEqual(new Set([D2]));
  });

  it('accepts an ES256 token whose key is in the JWKS file, with an OAuth scope string', async () => {
    const token = await new SignJWT({ divisions: [D1], scope: 'payments:read analytics' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setSubject('bob')
      .setExpirationTime('5m')
      .sign(es.privateKey);
    const res = await gw.gql(Q, {}, bearer(token));
    expect(res.errors).toBeUndefined();
    expect(new Set(res.data.payments.nodes.map((n: { divisionCode: number }) => n.divisionCode))).toEqual(new Set([D1]));
  });

  it('refuses expired, badly signed, unsigned, never-expiring and division-less tokens', async () => {
    const other = await generateKeyPair('ES256');
    const cases = [
      await hs({ divisions: [D1], scopes: ['payments:read'] }, Math.floor(Date.now() / 1000) - 10),
      await hs({ divisions: [D1], scopes: ['payments:read'] }, '5m', 'another-secret-of-at-least-32-bytes!!'),
      await new SignJWT({ divisions: [D1] })
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setSubject('x')
        .setExpirationTime('5m')
        .sign(other.privateKey),
      await new SignJWT({ divisions: [D1], scopes: ['payments:read'] })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('x')
        .sign(new TextEncoder().encode(SECRET)),
      await hs({ scopes: ['payments:read'] }),
      // alg none
      `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'x', divisions: [D1], exp: 4e9 })).toString('base64url')}.`,
      'not.a.token',
    ];
    for (const token of cases) {
      const res = await gw.gql(Q, {}, bearer(token));
      expect(res.status).toBe(401);
      expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    const expired = await gw.gql(Q, {}, bearer(cases[0]));
    expect(expired.errors?.[0].message).toMatch(/expired/);
  });

  it('answers FORBIDDEN naming the scope when the caller lacks it', async () => {
    const res = await gw.gql(Q, {}, bearer(await hs({ divisions: [D1], scopes: ['analytics'] })));
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(res.errors?.[0].message).toContain('payments:read');
    expect(res.data).toBeNull();
  });

  it('protects other HTTP endpoints through the exported middleware', async () => {
    const res = await fetch(`${gw.baseUrl}/graphql?query=${encodeURIComponent('{__typename}')}`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/Bearer/);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await fetch(`${gw.baseUrl}/health`)).status).toBe(200);
  });
});
