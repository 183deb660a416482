import { pain001Content, pushBatchToPonto } from '../../../src/modules/bank-connectors/ponto-push';
import { followPayments } from '../../../src/modules/bank-connectors/payment-follow';
import { finishPontoConnect, startPontoConnect } from '../../../src/modules/bank-connectors/ponto-connector';
import { runBanks } from '../../../src/cli/banks';
import { connectorContext, pontoEnv, processedPaymentBatch } from '../../support/bank-connectors';
import { testRuntime } from '../../support/gateway';
import { openSeededDatabase, TestDatabase } from '../../support/database';
import { executeAs } from '../../support/execute';
import { daysFromToday, DivisionFixture, divisionFixture, validPaymentInput } from '../../support/payments';
import { PontoDouble } from '../../support/ponto-double';
import { makeTestPki, TestPki } from '../../support/test-pki';

/**
 * A processed payment batch sent through Ponto as a bulk payment: the payments Ponto receives are
 * those of the batch's pain.001 file (same end-to-end ids, amounts, creditors and remittance,
 * structured or not), the redirect link for the signature comes back, and the status is followed.
 * The expected values are read from the pain.001 XML with plain patterns, not by the code under test.
 */
let t: TestDatabase;
let f: DivisionFixture;
let pki: TestPki;
let ponto: PontoDouble;
/** The connection the first test makes, for the ones after it. */
let connectionID: string;

beforeAll(async () => {
  t = await openSeededDatabase('bank_ponto_push', { divisions: 2, payments: 20 });
  f = await divisionFixture(t.db);
  pki = makeTestPki();
  ponto = new PontoDouble(pki);
  await ponto.start();
});
afterAll(async () => {
  await ponto?.stop();
  pki?.remove();
  await t?.close();
});

const ctxOf = () =>
  connectorContext(t.db, [f.division, f.otherDivision], {
    ...pontoEnv(ponto, pki),
  });

/** XML's five predefined entities decoded (XML 1.0 §4.6). */
const decode = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!);
const all = (xml: string, re: RegExp) => [...xml.matchAll(re)].map((m) => decode(m[1]));

it('sends the batch with the payments, amounts, remittance and end-to-end ids of its pain.001 file', async () => {
  ponto.addAccount(f.ownBank.bankAccount, '5000.00');
  const ctx = ctxOf();
  const started = await startPontoConnect(ctx, f.division);
  const { code, state } = ponto.authorize(started.authorizationUrl);
  const { bankConnection } = await finishPontoConnect(ctx, started.bankConnection.id, code, state);
  connectionID = bankConnection.id;

  const inputs = [
    validPaymentInput(f, { amountFC: '120.55', amountDC: '120.55', paymentReference: '123456789002' }),
    validPaymentInput(f, { amountFC: '0.99', amountDC: '0.99', description: 'Invoice 2026/0042 for consulting in March' }),
    validPaymentInput(f, { amountFC: '1999.00', amountDC: '1999.00' }),
  ];
  const created = await executeAs(
    t.db,
    { divisions: [f.division] },
    `mutation($input: [PaymentCreateInput!]!) { createPayments(input: $input) { id } }`,
    {
      input: inputs,
    },
  );
  expect(created.errors).toBeUndefined();
  const ids = created.data.createPayments.map((p: { id: string }) => p.id);
  const processed = await executeAs(
    t.db,
    { divisions: [f.division] },
    `mutation($input: ProcessPaymentsInput!) { processPayments(input: $input) { id file { content } } }`,
    { input: { divisionCode: f.division, paymentIDs: ids, bankAccountID: f.ownBank.id, executionDate: daysFromToday(5) } },
  );
  expect(processed.errors).toBeUndefined();
  const xml = Buffer.from(processed.data.processPayments.file.content, 'base64').toString('utf8');

  const batchID = processed.data.processPayments.id;
  const pushed = await pushBatchToPonto(ctx, {
    connectionID: bankConnection.id,
    batchID,
    redirectUri: 'https://gateway.example/batches/signed',
  });
  expect(pushed.run).toMatchObject({ kind: 'PUSH', status: 'SUCCEEDED', batchID, startedBy: ctx.principal.name, transactions: 3 });
  expect(pushed.orders).toHaveLength(1);
  const [bulk] = pushed.orders.map((o) => ({ ...o, id: o.remoteID }));
  expect(bulk).toMatchObject({ kind: 'BULK', paymentCount: 3, amount: '2120.54' });
  expect(bulk.status).toBe('unsigned');
  expect(bulk.redirectLink).toMatch(/\/sign\/bulk-payments\//);
  const sent = ponto.bulkPayments.get(bulk.id)!.attributes as { payments: Record<string, unknown>[]; reference: string };
  expect(sent.payments.map((p) => p.endToEndId)).toEqual(all(xml, /<EndToEndId>([^<]+)<\/EndToEndId>/g));
  expect(sent.payments.map((p) => (p.amount as number).toFixed(2))).toEqual(all(xml, /<InstdAmt Ccy="EUR">([^<]+)<\/InstdAmt>/g));
  expect(sent.payments.map((p) => p.creditorName)).toEqual(all(xml, /<Cdtr>\s*<Nm>([^<]+)<\/Nm>/g));
  expect(sent.payments.map((p) => p.creditorAccountReference)).toEqual(all(xml, /<CdtrAcct>\s*<Id>\s*<IBAN>([^<]+)<\/IBAN>/g));
  const remittance = all(xml, /<RmtInf>([\s\S]*?)<\/RmtInf>/g).map(
    (r) => /<Ref>([^<]+)<\/Ref>/.exec(r)?.[1] ?? /<Ustrd>([^<]+)<\/Ustrd>/.exec(r)?.[1],
  );
  expect(sent.payments.map((p) => p.remittanceInformation)).toEqual(remittance);
  // The file orders the transfers its own way: the one with the structured reference goes as structured.
  expect(sent.payments.filter((p) => p.remittanceInformationType === 'structured')).toEqual([
    expect.objectContaining({ remittanceInformation: '123456789002', amount: 120.55 }),
  ]);
  for (const p of sent.payments) {
    expect((p.endToEndId as string).length).toBeLessThanOrEqual(35);
    expect(((p.remittanceInformation as string) ?? '').length).toBeLessThanOrEqual(140);
  }
  expect(pain001Content(xml).payments).toHaveLength(3);

  // The same batch again: refused while the first is not rejected, nothing sent.
  const again = await pushBatchToPonto(ctx, { connectionID: bankConnection.id, batchID }).catch((e: { extensions: unknown }) => e);
  expect(again).toMatchObject({ extensions: { code: 'CONFLICT', rule: 'ALREADY_SENT', field: 'batchID' } });
  expect(ponto.bulkPayments.size).toBe(1);

  // The status is followed until the bank's answer; a final one is not asked again.
  expect((await followPayments(ctx, { batchID }))[0].status).toBe('pending');
  expect((await followPayments(ctx, { batchID }))[0]).toMatchObject({
    status: 'accepted-by-financial-institution',
    finished: expect.any(Date),
  });
  expect(await followPayments(ctx, { batchID })).toEqual([]);

  // Through the command line (a second batch of the same payments: the first is paid): the link to sign is printed.
  const out: string[] = [];
  const secondBatchID = (await processedPaymentBatch(t.db, f, ['5.00'])).id;
  const args = ['push', '--id', bankConnection.id, '--batch', secondBatchID, '--redirect-uri', 'https://gateway.example/x'];
  expect(await runBanks(t.db, testRuntime(), ctx.config, args, { out: (l) => out.push(l), err: () => undefined })).toBe(0);
  // A batch of one payment goes as a single payment (POST /accounts/{id}/payments).
  expect(out.join('\n')).toMatch(/^Payment [0-9a-f-]{36} \([^)]+\): unsigned\. Sign it here: https:\/\/127\.0\.0\.1:\d+\/sign\/payments\//);
  expect(ponto.payments.size).toBe(1);
});

it('sends a batch whose answer was lost again without a second payment at Ponto (the same idempotency key)', async () => {
  expect(connectionID).toBeDefined();
  const ctx = ctxOf();
  const { id: batchID } = await processedPaymentBatch(t.db, f, ['10.00', '20.00']);
  const bulkBefore = ponto.bulkPayments.size;

  // Ponto makes the bulk payment, but its answer never arrives: nothing is recorded here.
  ponto.loseNextPaymentAnswer = true;
  const lost = await pushBatchToPonto(ctx, { connectionID, batchID });
  expect(lost.run.status).toBe('FAILED');
  expect(lost.orders).toEqual([]);
  expect(ponto.bulkPayments.size).toBe(bulkBefore + 1);
  const madeFirst = [...ponto.bulkPayments.keys()].at(-1);

  // Sent again: Ponto knows the key and answers with the payment it made, not a second one.
  const again = await pushBatchToPonto(ctx, { connectionID, batchID });
  expect(again.run).toMatchObject({ status: 'SUCCEEDED', transactions: 2 });
  expect(again.orders.map((o) => [o.kind, o.remoteID, o.amount])).toEqual([['BULK', madeFirst, '30.00']]);
  expect(ponto.bulkPayments.size).toBe(bulkBefore + 1);
});
