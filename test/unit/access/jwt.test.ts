import { SignJWT } from 'jose';
import { createJwtVerifier } from '../../../src/access/jwt';

const SECRET = 'unit-test-secret-of-at-least-32-bytes!!';
const verifier = createJwtVerifier({ jwtSecret: SECRET, jwtIssuer: 'https://idp.example', jwtAudience: 'cashflow' })!;
const sign = (claims: Record<string, unknown>, opts: { iss?: string; aud?: string; sub?: string } = {}) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(opts.sub ?? 'alice')
    .setIssuer(opts.iss ?? 'https://idp.example')
    .setAudience(opts.aud ?? 'cashflow')
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(SECRET));

describe('JWT verifier', () => {
  it('turns claims into a principal: divisions, known scopes only, a stable user GUID', async () => {
    const p = await verifier.verify(await sign({ divisions: [3, 1, 3], scopes: ['payments:read', 'superuser'], name: 'Alice' }));
    expect(p.divisions).toEqual([1, 3]);
    expect([...p.scopes]).toEqual(['payments:read']);
    expect(p.name).toBe('Alice');
    expect(p.userId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const again = await verifier.verify(await sign({ divisions: [1], scopes: [] }));
    expect(again.userId).toBe(p.userId);
    const uid = await verifier.verify(await sign({ divisions: [1], uid: '11111111-2222-4333-8444-555555555555' }));
    expect(uid.userId).toBe('11111111-2222-4333-8444-555555555555');
  });

  it('gives the same subject a different principal id per grant (idempotency records never cross grants)', async () => {
    const wide = await verifier.verify(await sign({ divisions: [1, 2] }));
    const narrow = await verifier.verify(await sign({ divisions: [1] }));
    expect(wide.id).not.toBe(narrow.id);
    expect(wide.id.startsWith('jwt:alice:')).toBe(true);
    expect((await verifier.verify(await sign({ divisions: [2, 1] }))).id).toBe(wide.id);
  });

  it('checks the configured issuer and audience', async () => {
    await expect(verifier.verify(await sign({ divisions: [1] }, { iss: 'https://evil.example' }))).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    await expect(verifier.verify(await sign({ divisions: [1] }, { aud: 'other' }))).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('refuses division claims that are not division codes', async () => {
    for (const divisions of [['x'], [-1], [1.5], 'all', []]) {
      await expect(verifier.verify(await sign({ divisions }))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    }
  });
});
