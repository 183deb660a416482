import { allDivisionCodes } from '../../../src/access/authenticate';
import { runBanks } from '../../../src/cli/banks';
import { BankConnection, BankConnectionRun } from '../../../src/modules/bank-connectors/bank-connection.entity';
import { BankSchedule } from '../../../src/modules/bank-connectors/bank-schedule';
import { bankConnectorConfigFromEnv } from '../../../src/modules/bank-connectors/connector-config';
import { loadConfig } from '../../../src/platform/config';
import { TEST_SECRETS_KEY } from '../../support/bank-connectors';
import { CodaboxDouble } from '../../support/codabox-double';
import { openSeededDatabase, TestDatabase } from '../../support/database';
import { captureLog, testRuntime } from '../../support/gateway';
import { codaFile } from '../../support/statement-files';
import { ownBankAccount } from '../../support/statements';

/**
 * `npm run banks -- connect|sync|list` and the server's schedule, against the CodaBox double:
 * progress and clear errors, exit status 1 for a failed pull, and one pull per connection at a
 * time however many schedules tick at once (the lease).
 */
let t: TestDatabase;
let D: number;
const codabox = new CodaboxDouble();

beforeAll(async () => {
  t = await openSeededDatabase('bank_cli', { divisions: 2, payments: 20 });
  [D] = await allDivisionCodes(t.db);
  await codabox.start();
});
afterAll(async () => {
  await codabox.stop();
  await t?.close();
});

const bankConfig = () =>
  bankConnectorConfigFromEnv({
    SECRETS_KEY: TEST_SECRETS_KEY,
    CODABOX_API_URL: codabox.url,
    CODABOX_SOFTWARE_COMPANY: codabox.softwareCompany,
  });

async function banks(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const log = captureLog();
  const runtime = testRuntime(loadConfig({ ...process.env }), log.logger);
  const code = await runBanks(t.db, runtime, bankConfig(), args, { out: (l) => out.push(l), err: (l) => err.push(l) }).catch(
    (e: Error) => e,
  );
  return { code, out: out.join('\n'), err: err.join('\n'), log: log.text() };
}

describe('npm run banks', () => {
  it('connects, pulls with progress, lists, and fails a pull clearly with exit status 1', async () => {
    const { iban } = await ownBankAccount(t.db, D, 'CLI1');
    const feed = codabox.addFeed(7);
    const day = '2026-04-01';
    const content = codaFile({
      creationDate: day,
      statements: [{ iban, number: '001', date: day, opening: '0.00', movements: [{ amount: '42.00', date: day }] }],
    });
    codabox.addEntry(feed, { iban, currency: 'EUR', newBalanceDate: day, content: Buffer.from(content, 'latin1') });

    const missing = await banks('connect', 'codabox', '--division', String(D));
    expect((missing.code as Error).message).toBe('--token: the one-time token CodaBox mailed is required');
    const token = codabox.issueToken();
    const connected = await banks('connect', 'codabox', '--division', String(D), '--token', token);
    expect(connected.code).toBe(0);
    const id = connected.out.match(/connection ([0-9a-f-]{36})/)![1];
    const reused = await banks('connect', 'codabox', '--division', String(D), '--token', token);
    expect((reused.code as Error).message).toMatch(/^--token: CodaBox refused the one-time token/);

    const synced = await banks('sync');
    expect(synced.code).toBe(0);
    expect(synced.out).toBe(
      `${id}: 1 files, 1 transactions, 1 statements stored, 0 already imported, 0 pending, 1 lines reconciled (0 matched)`,
    );
    expect(synced.err).toContain('feed 7: codabox-7-');
    const listed = await banks('list');
    expect(listed.out).toContain(`${id}  division ${D}  codabox  ACTIVE  last run SUCCEEDED`);

    codabox.revokeCredentials();
    const failed = await banks('sync', '--id', id);
    expect(failed.code).toBe(1);
    expect(failed.out).toMatch(new RegExp(`^${id}: FAILED CONSENT_EXPIRED: CodaBox refused the credentials .*one-time token`));
    const secrets = JSON.stringify(await t.db.dataSource.getRepository(BankConnection).findOneByOrFail({ id }));
    for (const text of [connected.out, synced.out, synced.err, failed.out, failed.log]) expect(text).not.toContain(token);
    expect(secrets).not.toContain(token);
  });

  it('pulls each connection once however many schedules tick at the same time (lease)', async () => {
    codabox.issueToken();
    const token = codabox.issueToken();
    const connected = await banks('connect', 'codabox', '--division', String(D), '--token', token);
    const id = connected.out.match(/connection ([0-9a-f-]{36})/)![1];
    const schedules = [1, 2, 3].map(() => new BankSchedule(t.db, testRuntime(), bankConfig()));
    const before = await t.db.dataSource.getRepository(BankConnectionRun).countBy({ connectionID: id });
    // A slow CodaBox keeps the first pull going while the other schedules try to take its lease.
    codabox.delayMs = 300;
    const runs = (await Promise.all(schedules.map((s) => s.tick()))).flat().filter((r) => r.connectionID === id);
    codabox.delayMs = 0;
    expect(runs).toHaveLength(1);
    expect(await t.db.dataSource.getRepository(BankConnectionRun).countBy({ connectionID: id })).toBe(before + 1);
    await Promise.all(schedules.map((s) => s.stop()));
  });
});
