import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { allDivisionCodes } from '../../../src/access/authenticate';
import { ApiKeyRecord } from '../../../src/access/api-key.entity';
import { createApiKey } from '../../../src/access/api-keys';
import { keysCommand } from '../../../src/cli/keys';
import { openSeededDatabase, TEST_DATABASE, TestDatabase } from '../../support/database';
import { startTestGateway, TestGateway } from '../../support/gateway';

/**
 * Issue 11, section 4, for API keys: `keys create --expires notadate` made a key that never
 * expired and broke `keys list` and the apiKeys query; `--expires 2027-02-30` was stored as
 * 2027-03-02. Every option and argument of the key commands and mutations is now checked.
 */
let t: TestDatabase;
let gw: TestGateway;
let D1: number;

beforeAll(async () => {
  t = await openSeededDatabase('key_input', { divisions: 2, payments: 10 });
  [D1] = await allDivisionCodes(t.db);
  gw = await startTestGateway(t.db);
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

const keyCount = () => t.db.dataSource.getRepository(ApiKeyRecord).count();
const cli = async (...args: string[]) => {
  const lines: string[] = [];
  await keysCommand(t.db, args, (l) => lines.push(l));
  return lines;
};
/** Runs a key command that must fail, and proves it made no key. */
async function refusedCli(args: string[], message: string | RegExp): Promise<void> {
  const before = await keyCount();
  await expect(cli(...args)).rejects.toThrow(message);
  expect(await keyCount()).toBe(before);
}
const LIST = '{ apiKeys { id name expires } }';

describe('keys create --expires', () => {
  it.each([
    [
      'notadate',
      '--expires: must be a date (2027-01-31) or a date-time with its zone (2027-01-31T17:00:00Z, 2027-01-31T18:00:00+01:00), got "notadate"',
    ],
    ['2027-02-30', '--expires: 2027-02-30 is not a day of the calendar'],
    ['2027-01-01T12:00:00', '--expires: "2027-01-01T12:00:00" has no zone: add Z (UTC) or an offset such as +01:00'],
    ['2020-01-01', '--expires: 2020-01-01T00:00:00.000Z is not in the future'],
    ['2100-01-01', '--expires: 2100-01-01T00:00:00.000Z is outside the years 1901 to 2099'],
  ])('refuses %j and makes no key; keys list and apiKeys keep working', async (value, message) => {
    await refusedCli(['create', '--name', 'bad', '--expires', value], message);
    expect((await cli('list')).length).toBeGreaterThan(0);
    const list = await gw.gql(LIST);
    expect(list.errors).toBeUndefined();
  });

  it('reads a date alone as the start of that day, UTC, and a date-time in its zone', async () => {
    const lines = await cli('create', '--name', 'until new year', '--expires', '2027-01-01');
    expect(lines).toContain('Expires 2027-01-01T00:00:00.000Z');
    const id = /Created API key ([0-9a-f]{16})/.exec(lines[0])![1];
    expect((await cli('list')).find((l) => l.startsWith(id))).toMatch(/expires 2027-01-01T00:00:00\.000Z$/);
    const zoned = await cli('create', '--name', 'until 5pm', '--expires', '2027-01-01T18:00:00+01:00');
    expect(zoned).toContain('Expires 2027-01-01T17:00:00.000Z');
    const keys = (await gw.gql(LIST)).data.apiKeys as { id: string; expires: string | null }[];
    expect(keys.find((k) => k.id === id)?.expires).toBe('2027-01-01T00:00:00.000Z');
  });
});

describe('keys create: every other option', () => {
  it.each([
    [['create'], '--name: is required (keys create --name NAME ...)'],
    [['create', '--name', '  '], '--name: must not be empty'],
    [['create', '--name', 'x'.repeat(101)], '--name: must have at most 100 characters, got 101'],
    [['create', '--name', 'a\tb'], '--name: must not contain control characters (tab, line break, ...)'],
    [['create', '--name', 'x', '--divisions', '1,,2'], '--divisions: "" is not a division code (a whole number from 1 to 2147483647)'],
    [['create', '--name', 'x', '--divisions', 'abc'], '--divisions: "abc" is not a division code'],
    [['create', '--name', 'x', '--divisions', '0'], '--divisions: 0 is not a division code'],
    [
      ['create', '--name', 'x', '--divisions', '3000000000'],
      '--divisions: 3000000000 is not a division code (a whole number from 1 to 2147483647)',
    ],
    [['create', '--name', 'x', '--scopes', 'nope'], '--scopes: "nope" is not a scope'],
    [['create', '--name', 'x', '--scopes', 'payments:read,'], '--scopes: "" is not a scope'],
    [['create', '--name', 'x', '--user', 'bob'], '--user: "bob" is not a user ID (a GUID)'],
    [
      ['create', '--name', 'x', '--user', '00000000-0000-4000-8000-0000000000ff'],
      '--user: no user has the ID 00000000-0000-4000-8000-0000000000ff',
    ],
    [['create', '--name', 'x', '--bogus', '1'], "Unknown option '--bogus'"],
    [['create', '--name', 'x', 'extra'], "Unexpected argument 'extra'"],
  ])('%j', async (args, message) => {
    await refusedCli(args as string[], message);
  });

  it('refuses more divisions than a key can store, and grants a division named twice once', async () => {
    const lines = await cli('create', '--name', 'twice', '--divisions', `${D1},${D1}`, '--scopes', 'payments:read,payments:read');
    expect(lines[0]).toMatch(new RegExp(`divisions ${D1}, scopes payments:read$`));
    const many = Array.from({ length: 1000 }, (_, i) => 1_000_000 + i).join(',');
    await refusedCli(
      ['create', '--name', 'x', '--divisions', many],
      '--divisions: are too many to store: the list may take 4000 characters, these take 7999',
    );
  });

  it('takes an existing user', async () => {
    const lines = await cli('create', '--name', 'as admin', '--user', '00000000-0000-4000-8000-000000000001');
    expect(lines[0]).toMatch(/^Created API key/);
  });
});

describe('keys list and revoke take exactly their arguments', () => {
  it('refuses extra arguments and bad key ids', async () => {
    await expect(cli('list', 'all')).rejects.toThrow("Unexpected argument 'all'");
    await expect(cli('revoke')).rejects.toThrow('keys revoke takes one key id (see keys list), got 0');
    await expect(cli('revoke', 'a', 'b')).rejects.toThrow('keys revoke takes one key id (see keys list), got 2');
    await expect(cli('revoke', 'nope')).rejects.toThrow('id: "nope" is not a key id (16 hex characters, as apiKeys and keys list show)');
    await expect(cli('revoke', '0123456789abcdef')).rejects.toThrow('id: ApiKey 0123456789abcdef was not found');
    await expect(cli('rotate')).rejects.toThrow(/^Use: keys create/);
  });
});

describe('the admin mutations', () => {
  const CREATE = 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key { id expires } } }';
  const REVOKE = 'mutation($id: String!) { revokeApiKey(id: $id) { id } }';
  const error = async (input: Record<string, unknown>) =>
    (await gw.gql(CREATE, { input: { name: 'x', scopes: ['payments:read'], ...input } })).errors?.[0];

  it('refuses what the command line refuses, naming the field', async () => {
    const before = await keyCount();
    expect(await error({ expires: '2020-01-01T00:00:00Z' })).toMatchObject({
      message: 'expires: 2020-01-01T00:00:00.000Z is not in the future',
      extensions: { code: 'BAD_USER_INPUT', field: 'expires' },
    });
    expect(await error({ expires: '2150-01-01T00:00:00Z' })).toMatchObject({
      message: 'expires: 2150-01-01T00:00:00.000Z is outside the years 1901 to 2099',
      extensions: { field: 'expires' },
    });
    expect((await error({ expires: '2027-02-30T00:00:00Z' }))?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await error({ name: 'a\nb' })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'name' } });
    expect(await error({ divisions: [D1, 0] })).toMatchObject({
      message: 'divisions: 0 is not a division code (a whole number from 1 to 2147483647)',
      extensions: { code: 'BAD_USER_INPUT', rule: 'INVALID_DIVISION' },
    });
    expect(await error({ scopes: [] })).toMatchObject({
      message: 'scopes: must name at least one scope',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await keyCount()).toBe(before);
  });

  it('revokeApiKey: a malformed id is BAD_USER_INPUT, an unknown one NOT_FOUND, both naming id', async () => {
    expect((await gw.gql(REVOKE, { id: 'nope' })).errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'id' } });
    expect((await gw.gql(REVOKE, { id: '0123456789abcdef' })).errors?.[0]).toMatchObject({
      message: 'id: ApiKey 0123456789abcdef was not found',
      extensions: { code: 'NOT_FOUND', field: 'id' },
    });
  });
});

describe('a key stored with an unreadable expiry (made before expiries were checked)', () => {
  it('counts as expired, and keys list and apiKeys still answer', async () => {
    const { key, secret } = await createApiKey(t.db, { name: 'legacy', divisions: 'all', scopes: ['payments:read'], createdBy: 'test' });
    const q = t.db.dialect.quote;
    // What `new Date('notadate')` left in each database.
    const unreadable = TEST_DATABASE === 'sqlite' ? 'NaN-NaN-NaN NaN:NaN:NaN.NaN' : '0000-00-00 00:00:00';
    await t.db.dataSource.query(`UPDATE ${q('ApiKeys')} SET ${q('Expires')} = ? WHERE ${q('KeyID')} = ?`, [unreadable, key.id]);
    expect((await gw.gql('{ payments(first: 1) { totalCount } }', {}, { 'x-api-key': secret })).status).toBe(401);
    expect((await cli('list')).find((l) => l.startsWith(key.id))).toMatch(/expires 1970-01-01T00:00:00\.000Z$/);
    const list = await gw.gql(LIST);
    expect(list.errors).toBeUndefined();
    expect(list.data.apiKeys.find((k: { id: string }) => k.id === key.id).expires).toBe('1970-01-01T00:00:00.000Z');
  });
});

describe('the command line as a process', () => {
  const root = path.resolve(__dirname, '../../..');
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'reflect-metadata', 'src/main.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: t.url, DEBUG: '' },
      encoding: 'utf8',
    });

  it('prints one line naming the bad option and exits with 1, never a stack trace', () => {
    const keys = run('keys', 'create', '--name', 'x', '--expires', 'notadate');
    expect(keys.status).toBe(1);
    expect(keys.stderr.trim()).toBe(
      '--expires: must be a date (2027-01-31) or a date-time with its zone (2027-01-31T17:00:00Z, 2027-01-31T18:00:00+01:00), got "notadate"',
    );
  });
});
