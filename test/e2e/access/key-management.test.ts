import { allDivisionCodes } from '../../../src/access/authenticate';
import { createApiKey } from '../../../src/access/api-keys';
import { ApiKeyRecord } from '../../../src/access/api-key.entity';
import { DivisionScope } from '../../../src/access/division-scope';
import { freshDemoKey } from '../../../src/access/demo-key';
import { keysCommand } from '../../../src/cli/keys';
import { openSeededDatabase, TestDatabase } from '../../support/database';
import { startTestGateway, TestGateway } from '../../support/gateway';

let t: TestDatabase;
let gw: TestGateway;
let D1: number;
let D2: number;

beforeAll(async () => {
  t = await openSeededDatabase('key_management', { divisions: 2, payments: 40 });
  [D1, D2] = await allDivisionCodes(t.db);
  gw = await startTestGateway(t.db);
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

const CREATE = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret key { id name divisions allDivisions scopes revoked } } }`;
const LIST = '{ apiKeys { id name divisions allDivisions scopes revoked } }';
const REVOKE = 'mutation($id: String!) { revokeApiKey(id: $id) { id revoked } }';
const PAYMENTS = '{ payments(first: 100) { nodes { divisionCode } } }';

describe('key management', () => {
  it('creates a key through the admin mutation, shows its secret once, and the key works', async () => {
    const res = await gw.gql(CREATE, { input: { name: 'dash', divisions: [D1], scopes: ['payments:read', 'analytics'] } });
    expect(res.errors).toBeUndefined();
    const { secret, key } = res.data.createApiKey;
    expect(secret).toMatch(/^cfk_[0-9a-f]{16}_/);
    expect(key).toMatchObject({
      name: 'dash',
      divisions: [D1],
      allDivisions: false,
      scopes: ['payments:read', 'analytics'],
      revoked: null,
    });
    const list = await gw.gql(LIST);
    expect(list.data.apiKeys.find((k: { id: string }) => k.id === key.id)).toEqual(key);
    expect(JSON.stringify(list.data)).not.toContain(secret);
    const read = await gw.gql(PAYMENTS, {}, { 'x-api-key': secret });
    expect(read.data.payments.nodes.length).toBeGreaterThan(0);
    expect(read.data.payments.nodes.every((n: { divisionCode: number }) => n.divisionCode === D1)).toBe(true);

    const revoked = await gw.gql(REVOKE, { id: key.id });
    expect(revoked.data.revokeApiKey.revoked).toBeTruthy();
    expect((await gw.gql(PAYMENTS, {}, { 'x-api-key': secret })).status).toBe(401);
  });

  it('needs the admin scope', async () => {
    const reader = await gw.as({ divisions: 'all', scopes: ['payments:read', 'analytics'] });
    for (const [q, v] of [
      [LIST, {}],
      [CREATE, { input: { name: 'x', scopes: ['payments:read'] } }],
      [REVOKE, { id: 'x' }],
    ] as const) {
      const res = await reader(q, v);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(res.errors?.[0].message).toContain('admin');
    }
  });

  it('never lets an admin grant more than it holds, nor see or revoke keys of other divisions', async () => {
    const admin1 = await gw.as({ divisions: [D1], scopes: ['admin', 'payments:read'] });
    const wider = [
      { name: 'x', divisions: [D2], scopes: ['payments:read'] },
      { name: 'x', scopes: ['payments:read'] },
      { name: 'x', divisions: [D1], scopes: ['payments:write'] },
    ];
    for (const input of wider) {
      const res = await admin1(CREATE, { input });
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const other = (await gw.gql(CREATE, { input: { name: 'd2 only', divisions: [D2], scopes: ['payments:read'] } })).data.createApiKey.key;
    const seen = (await admin1(LIST)).data.apiKeys.map((k: { id: string }) => k.id);
    expect(seen).not.toContain(other.id);
    const res = await admin1(REVOKE, { id: other.id });
    expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const mine = await admin1(CREATE, { input: { name: 'd1 reader', divisions: [D1], scopes: ['payments:read'] } });
    expect(mine.errors).toBeUndefined();
    expect((await admin1(LIST)).data.apiKeys.map((k: { id: string }) => k.id)).toContain(mine.data.createApiKey.key.id);
  });

  it("keeps the key table out of reach of the scope's bookkeeping doors", async () => {
    const scope = new DivisionScope(t.db, [D1, D2]);
    await expect(scope.internal.find(ApiKeyRecord, {})).rejects.toThrow(/access layer/);
    await expect(scope.internal.insert(ApiKeyRecord, new ApiKeyRecord())).rejects.toThrow(/access layer/);
  });

  it('refuses bad input naming the field', async () => {
    const res = await gw.gql(CREATE, { input: { name: 'x', scopes: ['payments:everything'] } });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/^scopes/);
  });

  it('offers the same through the CLI: create, list, revoke', async () => {
    const lines: string[] = [];
    await keysCommand(t.db, ['create', '--name', 'cli dash', '--divisions', `${D1},${D2}`, '--scopes', 'payments:read,analytics'], (l) =>
      lines.push(l),
    );
    const secret = /Secret.*: (cfk_\S+)/.exec(lines.join('\n'))![1];
    const id = secret.slice(4, 20);
    expect((await gw.gql(PAYMENTS, {}, { 'x-api-key': secret })).errors).toBeUndefined();
    lines.length = 0;
    await keysCommand(t.db, ['list'], (l) => lines.push(l));
    expect(lines.find((l) => l.startsWith(id))).toMatch(/cli dash.*payments:read,analytics\s+active/);
    await keysCommand(t.db, ['revoke', id], (l) => lines.push(l));
    expect((await gw.gql(PAYMENTS, {}, { 'x-api-key': secret })).status).toBe(401);
    await expect(keysCommand(t.db, ['create', '--name', 'bad', '--scopes', 'nope'], () => undefined)).rejects.toThrow(
      /^--scopes: "nope" is not a scope/,
    );
  });
});

describe('demo key of npm start', () => {
  const status = async (key: string) => (await gw.gql('{ payments { totalCount } }', {}, { 'x-api-key': key })).status;

  it('grants every division and scope, and lives as long as its server', async () => {
    const running = new Set([1001, 1002]);
    const isRunning = (pid: number) => running.has(pid);
    const first = await freshDemoKey(t.db, { host: 'h1', pid: 1001 }, isRunning);
    const all = await gw.gql('{ payments(first: 1000) { totalCount } apiKeys { id name } }', {}, { 'x-api-key': first.secret });
    expect(all.errors).toBeUndefined();
    expect(all.data.payments.totalCount).toBe(40);
    expect(all.data.apiKeys.find((k: { id: string }) => k.id === first.id).name).toBe('demo (npm start) on h1, pid 1001');

    // A second server while the first runs: both keys work.
    const second = await freshDemoKey(t.db, { host: 'h1', pid: 1002 }, isRunning);
    expect([await status(first.secret), await status(second.secret)]).toEqual([200, 200]);

    // The first server died without revoking its key: the next start on its host revokes it,
    // but not the key of a server on another host (whose processes this one cannot see).
    const elsewhere = await freshDemoKey(t.db, { host: 'h2', pid: 1001 }, isRunning);
    running.delete(1001);
    const third = await freshDemoKey(t.db, { host: 'h1', pid: 1003 }, isRunning);
    expect(await Promise.all([first, second, elsewhere, third].map((k) => status(k.secret)))).toEqual([401, 200, 200, 200]);
  });

  it('revokes keys of older versions (named without a server) and of an earlier process with the same pid', async () => {
    const legacy = await createApiKey(t.db, {
      name: 'demo (npm start)',
      divisions: 'all',
      scopes: ['payments:read'],
      createdBy: 'npm start',
    });
    const samePid = await freshDemoKey(t.db, { host: 'h3', pid: 77 }, () => true);
    const other = await createApiKey(t.db, {
      name: 'demo (npm start) of mine',
      divisions: 'all',
      scopes: ['payments:read'],
      createdBy: 'me',
    });
    const fresh = await freshDemoKey(t.db, { host: 'h3', pid: 77 }, () => true);
    expect(await Promise.all([legacy.secret, samePid.secret, other.secret, fresh.secret].map(status))).toEqual([401, 401, 200, 200]);
  });
});
