import { allDivisionCodes } from '../../../src/access/authenticate';
import { DivisionScope } from '../../../src/access/division-scope';
import { BankConnection } from '../../../src/modules/bank-connectors/bank-connection.entity';
import { pullConnection } from '../../../src/modules/bank-connectors/bank-sync';
import { connectCodabox } from '../../../src/modules/bank-connectors/codabox-connector';
import { BankConnectionStore } from '../../../src/modules/bank-connectors/connection-store';
import { connectorContext, entriesOfJournal } from '../../support/bank-connectors';
import { CodaboxDouble } from '../../support/codabox-double';
import { openSeededDatabase, TestDatabase } from '../../support/database';
import { executeAs } from '../../support/execute';
import { codaFile } from '../../support/statement-files';
import { ownBankAccount } from '../../support/statements';

/**
 * The CodaBox connector against its double: the one-time token becomes sealed credentials, every
 * call carries X-Software-Company, each new CODA file is imported through the statement import and
 * its feed offset confirmed only afterwards; a crash between the two imports nothing twice.
 * Expected values come from the CODA files the test writes (opening balance plus movements).
 */
let t: TestDatabase;
let D: number;
let other: number;
const codabox = new CodaboxDouble();

beforeAll(async () => {
  t = await openSeededDatabase('bank_codabox', { divisions: 2, payments: 20 });
  [D, other] = await allDivisionCodes(t.db);
  await codabox.start();
});
afterAll(async () => {
  await codabox.stop();
  await t?.close();
});

const env = () => ({ CODABOX_API_URL: codabox.url, CODABOX_SOFTWARE_COMPANY: codabox.softwareCompany });

/** A CODA file of one statement: number, day, opening balance and movements. */
function coda(iban: string, number: string, day: string, opening: string, amounts: string[]): Buffer {
  const text = codaFile({
    creationDate: day,
    statements: [
      {
        iban,
        number,
        date: day,
        opening,
        openingDate: day,
        movements: amounts.map((amount, i) => ({ amount, date: day, text: `Movement ${number}-${i + 1}`, counterpartyName: 'Klant NV' })),
      },
    ],
  });
  return Buffer.from(text, 'latin1');
}

describe('CodaBox', () => {
  let connection: BankConnection;
  let iban: string;
  const feed = codabox.addFeed(41);

  it('exchanges the one-time token for sealed credentials, once, with X-Software-Company on every call', async () => {
    ({ iban } = await ownBankAccount(t.db, D, 'CB1'));
    const ctx = connectorContext(t.db, [D, other], env());
    const token = codabox.issueToken();
    connection = await connectCodabox(ctx, D, token);
    expect(connection).toMatchObject({ provider: 'codabox', status: 'ACTIVE', divisionCode: D });
    const stored = (await t.db.dataSource.getRepository(BankConnection).findOneByOrFail({ id: connection.id })).sealedSecrets!;
    const secrets = new BankConnectionStore(ctx.scope, ctx.config.secrets).secretsOf<{ username: string; password: string }>(connection);
    expect(secrets.username).toMatch(/^GF-/);
    expect(stored).not.toContain(secrets.password);
    expect(stored).not.toContain(secrets.username);
    expect(ctx.log.text()).not.toContain(secrets.password);

    const again = await connectCodabox(ctx, D, token).catch((e: { extensions: Record<string, unknown> }) => e.extensions);
    expect(again).toMatchObject({ code: 'CONFLICT', rule: 'CONSENT_EXPIRED', field: 'token' });
    expect(codabox.requests.every((r) => r.softwareCompany)).toBe(true);
  });

  it('imports each new CODA file and confirms the feed offset after it, with the values of the files', async () => {
    codabox.addEntry(feed, {
      iban,
      currency: 'EUR',
      newBalanceDate: '2026-03-02',
      content: coda(iban, '001', '2026-03-02', '1000.00', ['250.50', '-99.99']),
    });
    codabox.addEntry(feed, {
      iban,
      currency: 'EUR',
      newBalanceDate: '2026-03-03',
      content: coda(iban, '002', '2026-03-03', '1150.51', ['-0.51']),
    });
    const ctx = connectorContext(t.db, [D, other], env());
    const run = await pullConnection(ctx, connection.id);
    expect(run).toMatchObject({ status: 'SUCCEEDED', files: 2, statementsCreated: 2, transactions: 3, errorCode: null });
    expect(feed.confirmed).toBe(2);
    const { entries, lines } = await entriesOfJournal(t.db, D, 'CB1');
    expect(entries.map((e) => [e.statementNumber, e.openingBalanceFC, e.closingBalanceFC])).toEqual([
      ['001', '1000.00', '1150.51'],
      ['002', '1150.51', '1150.00'],
    ]);
    expect(lines.map((l) => l.amountFC)).toEqual(['250.50', '-99.99', '-0.51']);
    expect(ctx.imported.sort()).toEqual(entries.map((e) => e.entryID).sort());
    expect(codabox.requests.every((r) => r.softwareCompany)).toBe(true);
  });

  it('re-imports harmlessly after a crash between import and confirm: nothing lost, nothing twice', async () => {
    const index = codabox.addEntry(feed, {
      iban,
      currency: 'EUR',
      newBalanceDate: '2026-03-04',
      content: coda(iban, '003', '2026-03-04', '1150.00', ['10.00']),
    });
    const crashing = connectorContext(t.db, [D, other], env());
    crashing.hooks = {
      afterCodaboxImport: () => {
        throw new Error('process killed');
      },
    };
    const failed = await pullConnection(crashing, connection.id);
    expect(failed).toMatchObject({ status: 'FAILED', errorCode: 'INTERNAL', statementsCreated: 1 });
    expect(feed.confirmed).toBe(2);
    expect((await entriesOfJournal(t.db, D, 'CB1')).entries).toHaveLength(3);

    const retry = await pullConnection(connectorContext(t.db, [D, other], env()), connection.id);
    expect(retry).toMatchObject({ status: 'SUCCEEDED', files: 1, statementsCreated: 0, statementsAlreadyImported: 1 });
    expect(codabox.downloads.get(index)).toBe(2);
    expect(feed.confirmed).toBe(3);
    const { entries, lines } = await entriesOfJournal(t.db, D, 'CB1');
    expect(entries.map((e) => e.statementNumber)).toEqual(['001', '002', '003']);
    expect(lines).toHaveLength(4);
  });

  it('waits out rate limits (429 with Retry-After) and goes on', async () => {
    codabox.addEntry(feed, {
      iban,
      currency: 'EUR',
      newBalanceDate: '2026-03-05',
      content: coda(iban, '004', '2026-03-05', '1160.00', ['-60.00']),
    });
    codabox.rateLimitNext = 2;
    const run = await pullConnection(connectorContext(t.db, [D, other], env()), connection.id);
    expect(run).toMatchObject({ status: 'SUCCEEDED', statementsCreated: 1 });
    expect(feed.confirmed).toBe(4);
  });

  it('stops at a statement of an account that is not the division own (ACCOUNT_NOT_MAPPED), confirming nothing after it', async () => {
    const stranger = 'BE71096123456769';
    codabox.addEntry(feed, {
      iban: stranger,
      currency: 'EUR',
      newBalanceDate: '2026-03-06',
      content: coda(stranger, '001', '2026-03-06', '0.00', ['5.00']),
    });
    const run = await pullConnection(connectorContext(t.db, [D, other], env()), connection.id);
    expect(run).toMatchObject({ status: 'FAILED', errorCode: 'ACCOUNT_NOT_MAPPED', files: 0 });
    expect(run.message).toContain(stranger);
    expect(feed.confirmed).toBe(4);
    feed.entries.pop();
  });

  it('marks the connection CONSENT_EXPIRED when CodaBox refuses the credentials', async () => {
    codabox.revokeCredentials();
    const ctx = connectorContext(t.db, [D, other], env());
    const run = await pullConnection(ctx, connection.id);
    expect(run).toMatchObject({ status: 'FAILED', errorCode: 'CONSENT_EXPIRED' });
    expect(run.message).toContain('one-time token');
    expect((await new BankConnectionStore(ctx.scope, ctx.config.secrets).get(connection.id)).status).toBe('CONSENT_EXPIRED');
  });

  it('keeps connections and runs to their division: another division sees none', async () => {
    const store = new BankConnectionStore(new DivisionScope(t.db, [other]), null);
    expect(await store.list()).toEqual([]);
    expect(await store.runs(null, 50)).toEqual([]);
    await expect(store.get(connection.id)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    const error = await pullConnection(connectorContext(t.db, [other], env()), connection.id).catch(
      (e: { extensions: unknown }) => e.extensions,
    );
    expect(error).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers bankConnections and bankConnectionRuns to admins of the division only, without a secret', async () => {
    const query = `{ bankConnections { id divisionCode provider status accounts { remoteID reference currentBalance pendingTransactions { amount } }
      lastRun { status errorCode message } } bankConnectionRuns(first: 50) { connectionID status statementsCreated errorCode } }`;
    const own = await executeAs(t.db, { divisions: [D], scopes: ['admin'] }, query);
    expect(own.errors).toBeUndefined();
    expect(own.data.bankConnections).toEqual([
      expect.objectContaining({ id: connection.id, divisionCode: D, provider: 'codabox', status: 'CONSENT_EXPIRED' }),
    ]);
    expect(own.data.bankConnections[0].accounts.map((a: { remoteID: string }) => a.remoteID)).toEqual(['41']);
    expect(own.data.bankConnections[0].lastRun).toMatchObject({ status: 'FAILED', errorCode: 'CONSENT_EXPIRED' });
    expect(own.data.bankConnectionRuns.map((r: { status: string }) => r.status)).toEqual([
      'FAILED',
      'FAILED',
      'SUCCEEDED',
      'SUCCEEDED',
      'FAILED',
      'SUCCEEDED',
    ]);
    const secrets = new BankConnectionStore(new DivisionScope(t.db, [D]), connectorContext(t.db, [D], env()).config.secrets).secretsOf<{
      username: string;
      password: string;
    }>(connection);
    expect(JSON.stringify(own.data)).not.toContain(secrets.password);
    expect(JSON.stringify(own.data)).not.toContain('SealedSecrets');

    const stranger = await executeAs(t.db, { divisions: [other], scopes: ['admin'] }, query);
    expect(stranger.data).toEqual({ bankConnections: [], bankConnectionRuns: [] });
    const notAdmin = await executeAs(t.db, { divisions: [D], scopes: ['statements:read'] }, '{ bankConnections { id } }');
    expect(notAdmin.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const byId = await executeAs(
      t.db,
      { divisions: [other], scopes: ['admin'] },
      `{ bankConnectionRuns(connectionID: "${connection.id}") { id } }`,
    );
    expect(byId.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'connectionID' });
  });

  it('keeps the connector tables out of the SQL layer, so no query or export can read a secret', async () => {
    for (const table of ['BankConnections', 'BankConnectionAccounts', 'BankConnectionRuns', 'BankRemoteTransactions']) {
      const res = await executeAs(t.db, { divisions: [D] }, `{ sql(query: "select * from ${table}") { rowCount } }`);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    }
  });
});
