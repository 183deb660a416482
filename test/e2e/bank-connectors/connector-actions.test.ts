import { allDivisionCodes } from '../../../src/access/authenticate';
import { runBanks } from '../../../src/cli/banks';
import { BankConnection, BankConnectionRun, BankPaymentOrder } from '../../../src/modules/bank-connectors/bank-connection.entity';
import { BankSchedule } from '../../../src/modules/bank-connectors/bank-schedule';
import { BankConnectionStore } from '../../../src/modules/bank-connectors/connection-store';
import { finishPontoConnect, startPontoConnect } from '../../../src/modules/bank-connectors/ponto-connector';
import { connectorContext, TEST_SECRETS_KEY, pontoEnv, processedPaymentBatch } from '../../support/bank-connectors';
import { openSeededDatabase, TestDatabase } from '../../support/database';
import { captureLog, Gql, startTestGateway, TestGateway, testRuntime } from '../../support/gateway';
import { DivisionFixture, divisionFixture } from '../../support/payments';
import { PontoDouble } from '../../support/ponto-double';
import { receivable, receivableNow } from '../../support/reconciliation-apply';
import { ReceivableFixture, receivableFixture } from '../../support/receivables';
import { ownBankAccount } from '../../support/statements';
import { makeTestPki, TestPki } from '../../support/test-pki';

/**
 * The connector operations admins have besides the queries, against the Ponto double over mutual
 * TLS: pulls reconcile what they store on every path (command line, schedule, GraphQL), a pull now
 * of a connection or one account, a processed batch pushed as single or bulk payments with the
 * link to sign, every push recorded as a run with its payments, their status followed to the
 * bank's answer. Refusals carry a stable rule naming the field and write nothing; another
 * division's connection is not there; no secret is ever in an answer or a log.
 */
let t: TestDatabase;
let rf: ReceivableFixture;
let pf: DivisionFixture;
let other: number;
let pki: TestPki;
let ponto: PontoDouble;
let gw: TestGateway;
let connection: BankConnection;
let account: string;

const env = (overrides: NodeJS.ProcessEnv = {}): Record<string, string> =>
  ({
    SECRETS_KEY: TEST_SECRETS_KEY,
    ...pontoEnv(ponto, pki),
    PONTO_SYNC_POLL_MS: '5',
    BANK_MAX_RETRY_WAIT_MS: '50',
    ...overrides,
  }) as Record<string, string>;
const ctxOf = () => connectorContext(t.db, [rf.division, other], env());

/** Everything the gateways of this file logged. */
const log = captureLog('debug');

/** A gateway whose process environment holds the connector settings (read once, as the server is made). */
async function gatewayWith(settings: Record<string, string>): Promise<TestGateway> {
  const saved = { ...process.env };
  Object.assign(process.env, settings);
  return startTestGateway(t.db, {}, { logger: log.logger }).finally(() => (process.env = saved));
}

const runsOf = async (id: string) => new BankConnectionStore(ctxOf().scope, null).runs(id, 200);
const ordersCount = async () => t.db.dataSource.getRepository(BankPaymentOrder).count();

beforeAll(async () => {
  t = await openSeededDatabase('bank_connector_actions', { divisions: 2, payments: 30 });
  rf = await receivableFixture(t.db);
  pf = await divisionFixture(t.db);
  [, other] = await allDivisionCodes(t.db);
  pki = makeTestPki();
  ponto = new PontoDouble(pki);
  await ponto.start();
  gw = await gatewayWith(env());
});
afterAll(async () => {
  await gw?.close();
  await ponto?.stop();
  pki?.remove();
  await t?.close();
});

describe('pulls reconcile what they store, on every path', () => {
  it('the command line matches a Ponto transaction to the receivable whose structured communication it carries', async () => {
    const { iban } = await ownBankAccount(t.db, rf.division, 'PR1');
    account = ponto.addAccount(iban, '1000.00');
    ponto.addAccount(pf.ownBank.bankAccount, '20000.00');
    const ctx = ctxOf();
    const started = await startPontoConnect(ctx, rf.division);
    const { code, state } = ponto.authorize(started.authorizationUrl);
    connection = (await finishPontoConnect(ctx, started.bankConnection.id, code, state)).bankConnection;

    const r = await receivable(t.db, rf, '321.00');
    ponto.book(account, {
      amount: '321.00',
      valueDate: '2026-03-02',
      executionDate: '2026-03-02',
      remittanceInformation: r.paymentReference!.replace(/\D/g, ''),
      remittanceInformationType: 'structured',
      counterpartName: 'Customer TESTBE',
      counterpartReference: rf.belgianBank.bankAccount,
    });
    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), err: () => undefined };
    expect(await runBanks(t.db, testRuntime(), ctx.config, ['sync', '--id', connection.id], io)).toBe(0);
    expect(out.join('\n')).toContain('1 lines reconciled (1 matched)');
    expect(await receivableNow(t.db, r.id)).toMatchObject({ status: 50, isFullyPaid: true });
  });

  it('the schedule does the same, and records its runs as started by the schedule', async () => {
    const r = await receivable(t.db, rf, '45.10');
    ponto.book(account, {
      amount: '45.10',
      valueDate: '2026-03-03',
      executionDate: '2026-03-03',
      remittanceInformation: r.paymentReference!.replace(/\D/g, ''),
      remittanceInformationType: 'structured',
      counterpartReference: rf.belgianBank.bankAccount,
    });
    const ctx = ctxOf();
    const runs = await new BankSchedule(t.db, testRuntime(), ctx.config).tick();
    expect(runs.find((run) => run.connectionID === connection.id)).toMatchObject({
      status: 'SUCCEEDED',
      startedBy: 'schedule',
      transactions: 1,
      linesReconciled: 1,
      linesMatched: 1,
    });
    expect(await receivableNow(t.db, r.id)).toMatchObject({ status: 50 });
  });
});

describe('pullBankConnection', () => {
  const PULL = `mutation($id: UUID!, $bank: UUID) { pullBankConnection(connectionID: $id, bankAccountID: $bank) {
    status kind transactions statementsCreated linesReconciled startedBy errorCode } }`;

  it('pulls one account now, as the admin who asked, reconciled; no secret in the answer', async () => {
    ponto.book(account, { amount: '-7.25', valueDate: '2026-03-04', executionDate: '2026-03-04', description: 'Bank costs' });
    const pr1 = (await new BankConnectionStore(ctxOf().scope, null).accounts(connection)).find((a) => a.remoteID === account)!;
    const res = await gw.gql(PULL, { id: connection.id, bank: pr1.bankAccountID });
    expect(res.errors).toBeUndefined();
    expect(res.data.pullBankConnection).toMatchObject({ status: 'SUCCEEDED', kind: 'PULL', transactions: 1, linesReconciled: 1 });
    expect(res.data.pullBankConnection.startedBy).toBeTruthy();
    const tokens = new BankConnectionStore(ctxOf().scope, ctxOf().config.secrets).secretsOf<{ refreshToken: string; accessToken: string }>(
      await t.db.dataSource.getRepository(BankConnection).findOneByOrFail({ id: connection.id }),
    );
    expect(log.text()).toContain('bank pull finished');
    for (const secret of [tokens.refreshToken, tokens.accessToken, ponto.clientSecret, TEST_SECRETS_KEY]) {
      expect(JSON.stringify(res)).not.toContain(secret);
      expect(log.text()).not.toContain(secret);
    }
  });

  it('refuses with the rule and field, writing nothing: account not mapped, consent missing, another division', async () => {
    const before = (await runsOf(connection.id)).length;
    const { bank: unshared } = await ownBankAccount(t.db, rf.division, 'PR2');
    const notMapped = await gw.gql(PULL, { id: connection.id, bank: unshared.id });
    expect(notMapped.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'ACCOUNT_NOT_MAPPED', field: 'bankAccountID' });

    const waiting = await startPontoConnect(ctxOf(), rf.division);
    const noConsent = await gw.gql(PULL, { id: waiting.bankConnection.id });
    expect(noConsent.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'CONSENT_EXPIRED', field: 'connectionID' });
    expect(await runsOf(waiting.bankConnection.id)).toEqual([]);

    const stranger: Gql = await gw.as({ divisions: [other], scopes: ['admin'] });
    const elsewhere = await stranger(PULL, { id: connection.id });
    expect(elsewhere.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'connectionID' });
    const reader: Gql = await gw.as({ divisions: [rf.division], scopes: ['statements:read'] });
    expect((await reader(PULL, { id: connection.id })).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await runsOf(connection.id)).length).toBe(before);
  });

  it('answers a certificate Ibanity refuses as CERTIFICATE_REFUSED naming connectionID, and rolls the run back', async () => {
    const before = (await runsOf(connection.id)).length;
    const refusing = await gatewayWith(env({ PONTO_CERT_FILE: pki.strangerCertFile, PONTO_KEY_FILE: pki.strangerKeyFile }));
    try {
      const res = await refusing.gql(PULL, { id: connection.id });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'CERTIFICATE_REFUSED', field: 'connectionID' });
      expect(res.errors?.[0].message).toMatch(/^connectionID: /);
    } finally {
      await refusing.close();
    }
    expect((await runsOf(connection.id)).length).toBe(before);
  });
});

describe('pushPaymentBatchToPonto', () => {
  const PUSH = `mutation($input: PushPaymentBatchInput!) { pushPaymentBatchToPonto(input: $input) {
    run { id kind status batchID startedBy transactions errorCode message }
    payments { kind remoteID endToEndID amount status redirectLink batchID finished } } }`;

  const processedBatch = (amounts: string[]) => processedPaymentBatch(t.db, pf, amounts);

  it('sends single payments on request, with the end-to-end ids and amounts of the file and a link each; recorded and followed', async () => {
    const batch = await processedBatch(['10.00', '20.50']);
    const res = await gw.gql(PUSH, { input: { connectionID: connection.id, batchID: batch.id, mode: 'SINGLE' } });
    expect(res.errors).toBeUndefined();
    const { run, payments } = res.data.pushPaymentBatchToPonto;
    expect(run).toMatchObject({ kind: 'PUSH', status: 'SUCCEEDED', batchID: batch.id, transactions: 2, errorCode: null });
    expect(run.startedBy).toBeTruthy();
    const ids = [...batch.xml.matchAll(/<EndToEndId>([^<]+)<\/EndToEndId>/g)].map((m) => m[1]);
    expect(payments.map((p: { endToEndID: string }) => p.endToEndID)).toEqual(ids);
    expect(payments.map((p: { amount: string }) => p.amount)).toEqual(
      [...batch.xml.matchAll(/<InstdAmt Ccy="EUR">([^<]+)<\/InstdAmt>/g)].map((m) => m[1]),
    );
    for (const p of payments) {
      expect(p).toMatchObject({ kind: 'SINGLE', status: 'unsigned', batchID: batch.id, finished: null });
      expect(p.redirectLink).toMatch(/\/sign\/payments\//);
      expect(ponto.payments.get(p.remoteID)!.attributes).toMatchObject({ endToEndId: p.endToEndID, redirectUri: env().PONTO_REDIRECT_URI });
    }

    const listed = await gw.gql(
      `{ bankPaymentOrders(batchID: "${batch.id}") { remoteID status } bankConnectionRuns(kind: "PUSH") { id batchID } }`,
    );
    expect(listed.data.bankPaymentOrders).toHaveLength(2);
    expect(listed.data.bankConnectionRuns).toEqual(expect.arrayContaining([{ id: run.id, batchID: batch.id }]));

    const FOLLOW = `mutation($b: UUID) { followBankPayments(batchID: $b) { status finished } }`;
    // Another division's admin sees none of them and cannot follow them.
    const stranger = await gw.as({ divisions: [other], scopes: ['admin'] });
    expect((await stranger(`{ bankPaymentOrders { id } bankConnectionRuns(kind: "PUSH") { id } }`)).data).toEqual({
      bankPaymentOrders: [],
      bankConnectionRuns: [],
    });
    expect((await stranger(FOLLOW, { b: batch.id })).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'batchID' });
    expect((await stranger(FOLLOW, {})).data.followBankPayments).toEqual([]);
    expect([...ponto.payments.values()].every((p) => p.polls === 0)).toBe(true);
    expect((await gw.gql(FOLLOW, { b: batch.id })).data.followBankPayments.map((p: { status: string }) => p.status)).toEqual([
      'pending',
      'pending',
    ]);
    const final = (await gw.gql(FOLLOW, { b: batch.id })).data.followBankPayments;
    expect(final.every((p: { status: string; finished: string }) => p.status === 'accepted-by-financial-institution' && p.finished)).toBe(
      true,
    );
    expect((await gw.gql(FOLLOW, { b: batch.id })).data.followBankPayments).toEqual([]);
  });

  it('refuses with the rule and field, sending and writing nothing', async () => {
    const sentBefore = ponto.payments.size + ponto.bulkPayments.size;
    const ordersBefore = await ordersCount();
    const runsBefore = (await runsOf(connection.id)).length;
    const batch = await processedBatch(['30.00', '31.00']);
    const refusal = async (input: Record<string, unknown>, as: Gql = gw.gql) =>
      (await as(PUSH, { input: { connectionID: connection.id, batchID: batch.id, ...input } })).errors?.[0].extensions;

    expect(await refusal({ mode: 'SOMETIMES' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'mode' });
    expect(await refusal({ redirectUri: 'not a url' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'redirectUri' });
    const waiting = await startPontoConnect(ctxOf(), pf.division);
    expect(await refusal({ connectionID: waiting.bankConnection.id })).toMatchObject({ rule: 'CONSENT_EXPIRED', field: 'connectionID' });
    const stranger = await gw.as({ divisions: [other], scopes: ['admin'] });
    expect(await refusal({}, stranger)).toMatchObject({ code: 'NOT_FOUND', field: 'connectionID' });

    // A batch without its payment file (the file's document is gone) is not processed.
    const repo = t.db.dataSource.getRepository('PaymentBatch');
    const row = (await repo.findOneByOrFail({ id: batch.id })) as { documentID: string | null };
    await repo.update({ id: batch.id }, { documentID: null });
    expect(await refusal({})).toMatchObject({ code: 'CONFLICT', rule: 'BATCH_NOT_PROCESSED', field: 'batchID' });
    await repo.update({ id: batch.id }, { documentID: row.documentID });

    expect(ponto.payments.size + ponto.bulkPayments.size).toBe(sentBefore);
    expect(await ordersCount()).toBe(ordersBefore);
    expect((await runsOf(connection.id)).length).toBe(runsBefore);

    // Sent once as a bulk payment (the default for two payments); a second push is ALREADY_SENT.
    const sent = await gw.gql(PUSH, { input: { connectionID: connection.id, batchID: batch.id } });
    expect(sent.data.pushPaymentBatchToPonto.payments).toEqual([expect.objectContaining({ kind: 'BULK', amount: '61.00' })]);
    expect(await refusal({})).toMatchObject({ code: 'CONFLICT', rule: 'ALREADY_SENT', field: 'batchID' });
    expect(ponto.bulkPayments.size + ponto.payments.size).toBe(sentBefore + 1);
  });

  it('sends a batch once when two admins push it at the same moment: the other is ALREADY_SENT or BUSY', async () => {
    const batch = await processedBatch(['50.00', '51.00']);
    const sentBefore = ponto.payments.size + ponto.bulkPayments.size;
    const input = { input: { connectionID: connection.id, batchID: batch.id } };
    const answers = await Promise.all([gw.gql(PUSH, input), gw.gql(PUSH, input), gw.gql(PUSH, input)]);
    const sent = answers.filter((a) => !a.errors);
    expect(sent).toHaveLength(1);
    expect(sent[0].data.pushPaymentBatchToPonto.run).toMatchObject({ status: 'SUCCEEDED', batchID: batch.id });
    for (const refused of answers.filter((a) => a.errors)) {
      expect(refused.errors![0].extensions).toMatchObject({ field: 'batchID', rule: expect.stringMatching(/^(ALREADY_SENT|BUSY)$/) });
    }
    expect(ponto.payments.size + ponto.bulkPayments.size).toBe(sentBefore + 1);
    const orders = await gw.gql(`{ bankPaymentOrders(batchID: "${batch.id}") { remoteID } }`);
    expect(orders.data.bankPaymentOrders).toHaveLength(1);
  });

  it('keeps the payments Ponto made when a later one fails: the FAILED run is answered, not rolled back', async () => {
    const batch = await processedBatch(['40.00', '41.00']);
    ponto.failPaymentsAfter = 1;
    const res = await gw.gql(PUSH, { input: { connectionID: connection.id, batchID: batch.id, mode: 'SINGLE' } }).finally(() => {
      ponto.failPaymentsAfter = null;
    });
    expect(res.errors).toBeUndefined();
    const { run, payments } = res.data.pushPaymentBatchToPonto;
    expect(run).toMatchObject({ status: 'FAILED', errorCode: 'REMOTE_ERROR', transactions: 1 });
    expect(run.message).toContain('500');
    expect(payments).toHaveLength(1);
    const stored: BankConnectionRun[] = await runsOf(connection.id);
    expect(stored.find((r) => r.id === run.id)).toMatchObject({ status: 'FAILED', batchID: batch.id });
    // The batch is not sent again while that payment may still be paid.
    const again = await gw.gql(PUSH, { input: { connectionID: connection.id, batchID: batch.id } });
    expect(again.errors?.[0].extensions).toMatchObject({ rule: 'ALREADY_SENT' });
  });
});
