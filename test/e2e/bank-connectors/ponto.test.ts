import { allDivisionCodes } from '../../../src/access/authenticate';
import { BankConnection, BankRemoteTransaction } from '../../../src/modules/bank-connectors/bank-connection.entity';
import { pullConnection } from '../../../src/modules/bank-connectors/bank-sync';
import { BankConnectionStore } from '../../../src/modules/bank-connectors/connection-store';
import { finishPontoConnect, startPontoConnect } from '../../../src/modules/bank-connectors/ponto-connector';
import { connectorContext, entriesOfJournal, TEST_SECRETS_KEY, pontoEnv } from '../../support/bank-connectors';
import { openSeededDatabase, TestDatabase } from '../../support/database';
import { PontoDouble } from '../../support/ponto-double';
import { belgianIban, ownBankAccount } from '../../support/statements';
import { makeTestPki, TestPki } from '../../support/test-pki';
import { startTestGateway, testRuntime } from '../../support/gateway';
import { waitFor } from '../../support/running-statements';
import { PontoWebhooks } from '../../../src/modules/bank-connectors/ponto-webhook';

/**
 * The Ponto connector against its double over mutual TLS: OAuth with PKCE, accounts mapped by
 * IBAN, synchronizations awaited, cursor pages read, pending transactions replaced when booked,
 * every booked transaction stored once across crashes, retries, expired tokens and rate limits,
 * and the running balance equal to the balance the double reports. Expected values are the
 * double's own (its transactions, its balance), never the connector's output.
 */
let t: TestDatabase;
let D: number;
let other: number;
let pki: TestPki;
let ponto: PontoDouble;

beforeAll(async () => {
  t = await openSeededDatabase('bank_ponto', { divisions: 2, payments: 20 });
  [D, other] = await allDivisionCodes(t.db);
  pki = makeTestPki();
  ponto = new PontoDouble(pki);
  await ponto.start();
});
afterAll(async () => {
  await ponto?.stop();
  pki?.remove();
  await t?.close();
});

const env = (overrides: NodeJS.ProcessEnv = {}) => ({
  ...pontoEnv(ponto, pki),
  PONTO_SYNC_POLL_MS: '5',
  PONTO_APPLICATION_ID: ponto.applicationId,
  PONTO_WEBHOOK_KEYS_URL: `${ponto.url}/webhooks/keys`,
  ...overrides,
});
const ctxOf = (overrides: NodeJS.ProcessEnv = {}) => connectorContext(t.db, [D, other], env(overrides));

describe('Ponto', () => {
  let connection: BankConnection;
  let account: string;
  let iban: string;
  let journal: string;
  const pulls = async (overrides: NodeJS.ProcessEnv = {}) => pullConnection(ctxOf(overrides), connection.id);

  /** The journal's entries and lines, and what the double holds. */
  async function expectAgreement() {
    const { entries, lines } = await entriesOfJournal(t.db, D, journal);
    const booked = ponto.accounts.get(account)!.bank;
    expect(lines.map((l) => l.amountFC).sort()).toEqual(booked.map((b) => b.amount).sort());
    expect(entries.at(-1)!.closingBalanceFC).toBe(ponto.balanceOf(account));
    expect(lines.at(-1)!.balanceAfterFC).toBe(ponto.balanceOf(account));
    return { entries, lines };
  }

  it('connects with the authorization code and PKCE over mutual TLS, and maps the account by IBAN', async () => {
    ({
      iban,
      journal: { code: journal },
    } = await ownBankAccount(t.db, D, 'PO1'));
    account = ponto.addAccount(iban.replace(/(.{4})/g, '$1 ').trim(), '1000.00');
    const ctx = ctxOf();
    const started = await startPontoConnect(ctx, D);
    expect(started.bankConnection.status).toBe('PENDING_CONSENT');
    const url = new URL(started.authorizationUrl);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    const { code, state } = ponto.authorize(started.authorizationUrl);
    const finished = await finishPontoConnect(ctx, started.bankConnection.id, code, state);
    connection = finished.bankConnection;
    expect(connection.status).toBe('ACTIVE');
    expect(finished.accounts).toHaveLength(1);
    expect(finished.accounts[0]).toMatchObject({ remoteID: account, reference: iban });
    expect(finished.accounts[0].bankAccountID).not.toBeNull();
    const tokens = new BankConnectionStore(ctx.scope, ctx.config.secrets).secretsOf<{ accessToken: string; refreshToken: string }>(
      connection,
    );
    const row = (await t.db.dataSource.getRepository(BankConnection).findOneByOrFail({ id: connection.id })).sealedSecrets!;
    for (const secret of [tokens.accessToken, tokens.refreshToken, ponto.clientSecret]) {
      expect(row).not.toContain(secret);
      expect(ctx.log.text()).not.toContain(secret);
    }
    expect(ponto.requests.every((r) => r.certificate === 'cashflow-gateway')).toBe(true);
    // The code works once.
    const again = await finishPontoConnect(ctx, started.bankConnection.id, code).catch((e: { extensions: unknown }) => e.extensions);
    expect(again).toMatchObject({ rule: 'CONSENT_EXPIRED' });
  });

  it('pulls booked transactions with the values the double holds, two with the same digest kept apart, and shows the pending one', async () => {
    const same = { amount: '-12.50', valueDate: '2026-03-02', executionDate: '2026-03-02', description: 'Coffee', counterpartName: 'Bar' };
    ponto.book(account, same);
    ponto.book(account, same);
    ponto.book(account, {
      amount: '250.10',
      valueDate: '2026-03-03',
      executionDate: '2026-03-03',
      remittanceInformation: '123456789002',
      remittanceInformationType: 'structured',
      counterpartName: 'Klant NV',
      counterpartReference: 'BE71096123456769',
      endToEndId: 'E2E-1',
    });
    ponto.pend(account, { amount: '-40.00', valueDate: '2026-03-04', executionDate: '2026-03-04', description: 'Card payment' });
    const ctx = ctxOf();
    const run = await pullConnection(ctx, connection.id);
    // One statement per booking day (03-02 and 03-03), reconciled in the run.
    expect(run).toMatchObject({ status: 'SUCCEEDED', transactions: 3, statementsCreated: 2, pendingTransactions: 1, errorCode: null });
    expect(run).toMatchObject({ linesReconciled: 3, startedBy: ctx.principal.name });
    const { lines, entries } = await expectAgreement();
    expect(entries.map((e) => e.entryDate.toISOString().slice(0, 10))).toEqual(['2026-03-02', '2026-03-03']);
    expect(entries[0].openingBalanceFC).toBe('1000.00');
    const klant = lines.find((l) => l.amountFC === '250.10')!;
    expect(klant).toMatchObject({
      paymentReference: '123456789002',
      counterpartyName: 'Klant NV',
      counterpartyBankAccount: 'BE71096123456769',
      endToEndID: 'E2E-1',
    });
    expect(lines.filter((l) => l.amountFC === '-12.50')).toHaveLength(2);
    const pending = await t.db.dataSource.getRepository(BankRemoteTransaction).findBy({ status: 'PENDING' });
    expect(pending.map((p) => p.amount)).toEqual(['-40.00']);
    expect(ctx.imported).toEqual(entries.map((e) => e.entryID));
  });

  it('replaces the pending transaction once booked, through an expired access token and a rate limit', async () => {
    const pendingId = ponto.accounts.get(account)!.bankPending[0].id;
    ponto.settle(account, pendingId, '2026-03-05');
    ponto.expireAccessTokens();
    ponto.rateLimitNext = 1;
    const run = await pulls();
    expect(run).toMatchObject({ status: 'SUCCEEDED', transactions: 1, pendingTransactions: 0 });
    await expectAgreement();
    expect(await t.db.dataSource.getRepository(BankRemoteTransaction).countBy({ status: 'PENDING' })).toBe(0);
  });

  it('reads every cursor page of many new transactions', async () => {
    for (let i = 0; i < 230; i++)
      ponto.book(account, { amount: `${i % 7 === 0 ? '-' : ''}${i + 1}.0${i % 10}`, valueDate: '2026-03-10', executionDate: '2026-03-10' });
    const before = ponto.requests.length;
    const run = await pulls();
    expect(run).toMatchObject({ status: 'SUCCEEDED', transactions: 230 });
    // 230 new transactions in pages of at most 100 newer than the cursor, then an empty page.
    expect(ponto.requests.slice(before).filter((r) => r.path.endsWith(`/accounts/${account}/transactions`))).toHaveLength(4);
    const { lines } = await expectAgreement();
    expect(lines).toHaveLength(234);
  });

  it('stores nothing twice after a crash between receiving and storing, nor a transaction updated after it was stored', async () => {
    const id = ponto.book(account, { amount: '77.00', valueDate: '2026-03-11', executionDate: '2026-03-11' });
    const crashing = ctxOf();
    crashing.hooks = {
      afterPontoStaged: () => {
        throw new Error('process killed');
      },
    };
    expect(await pullConnection(crashing, connection.id)).toMatchObject({ status: 'FAILED', errorCode: 'INTERNAL' });
    expect(await pulls()).toMatchObject({ status: 'SUCCEEDED', statementsCreated: 1 });
    ponto.update(account, id, { description: 'Corrected text' });
    expect(await pulls()).toMatchObject({ status: 'SUCCEEDED', transactions: 0, statementsCreated: 0 });
    const { lines } = await expectAgreement();
    expect(lines).toHaveLength(235);
  });

  it('pulls on a webhook whose signature verifies, and refuses one whose body or signature was altered', async () => {
    ponto.book(account, { amount: '-8.40', valueDate: '2026-03-12', executionDate: '2026-03-12', description: 'After the webhook' });
    const webhooks = new PontoWebhooks(t.db, testRuntime(), ctxOf().config);
    const { body, signature } = await ponto.webhook('pontoConnect.account.transactionsCreated', account);
    const refusal = (b: string, s: string | undefined) =>
      webhooks.receive(Buffer.from(b), s).catch((e: { extensions: unknown; message: string }) => e);
    expect(await refusal(body.replace('"count":1', '"count":2'), signature)).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'Signature' },
    });
    expect(await refusal(body, undefined)).toMatchObject({ extensions: { field: 'Signature' } });
    expect(await refusal(body, `${signature.slice(0, -4)}AAAA`)).toMatchObject({ extensions: { field: 'Signature' } });
    const pulled = await webhooks.receive(Buffer.from(body), signature);
    await pulled;
    const [run] = await new BankConnectionStore(ctxOf().scope, null).runs(connection.id, 1);
    expect(run).toMatchObject({ status: 'SUCCEEDED', transactions: 1 });
    await expectAgreement();
  });

  it('answers POST /webhooks/ponto without an API key: 400 naming Signature when it does not verify, else 202 and a pull', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, env({ SECRETS_KEY: TEST_SECRETS_KEY }));
    const gateway = await startTestGateway(t.db).finally(() => (process.env = saved));
    try {
      ponto.book(account, { amount: '3.30', valueDate: '2026-03-13', executionDate: '2026-03-13' });
      const { body, signature } = await ponto.webhook('pontoConnect.account.transactionsCreated', account);
      const post = (b: string, s: string) =>
        fetch(`${gateway.baseUrl}/webhooks/ponto`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', signature: s },
          body: b,
        });
      const refused = await post(body.replace('"count":1', '"count":9'), signature);
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { errors: { extensions: unknown }[] }).errors[0].extensions).toMatchObject({ field: 'Signature' });
      const store = new BankConnectionStore(ctxOf().scope, null);
      const before = (await store.runs(connection.id, 200)).length;
      expect((await post(body, signature)).status).toBe(202);
      await waitFor(
        async () => (await store.runs(connection.id, 200)).filter((r) => r.status !== 'RUNNING').length > before,
        20_000,
        'the pull',
      );
      await expectAgreement();
    } finally {
      await gateway.close();
    }
  });

  it('fails clearly: a synchronization in error, an account not mapped, a revoked consent, a certificate Ibanity never issued', async () => {
    ponto.failNextSync = { code: 'authorizationInvalid', detail: 'The authorization at the bank is no longer valid' };
    const failed = await pulls();
    expect(failed).toMatchObject({ status: 'FAILED', errorCode: 'SYNC_FAILED' });
    expect(failed.message).toContain('authorizationInvalid');

    const stranger = belgianIban(9_999_001);
    ponto.addAccount(stranger, '5.00');
    const unmapped = await pulls();
    expect(unmapped).toMatchObject({ status: 'FAILED', errorCode: 'ACCOUNT_NOT_MAPPED' });
    expect(unmapped.message).toContain(stranger);

    const refused = await pulls({ PONTO_CERT_FILE: pki.strangerCertFile, PONTO_KEY_FILE: pki.strangerKeyFile });
    expect(refused).toMatchObject({ status: 'FAILED', errorCode: 'CERTIFICATE_REFUSED' });

    ponto.revokeConsent();
    const expired = await pulls();
    expect(expired).toMatchObject({ status: 'FAILED', errorCode: 'CONSENT_EXPIRED' });
    const ctx = ctxOf();
    expect((await new BankConnectionStore(ctx.scope, null).get(connection.id)).status).toBe('CONSENT_EXPIRED');
    await expectAgreement();
  });
});
