import { Document } from '../../src/modules/documents/document.entity';
import { PaymentBatch } from '../../src/modules/batches/payment-batch.entity';
import { Payment } from '../../src/modules/payments/payment.entity';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { Gql, startTestGateway, TestGateway } from '../support/gateway';
import { DivisionFixture, divisionFixture, validPaymentInput, daysFromToday } from '../support/payments';

/**
 * Two partners, each firing 50 select/process calls at once over overlapping payments, over real
 * HTTP (on MariaDB with TEST_DATABASE=mariadb: row locks, a locked division row for numbering).
 * Afterwards every payment is in exactly one batch, batch codes and document numbers have no
 * gaps and no duplicates, and no call failed with anything but CONFLICT.
 */
let t: TestDatabase;
let gw: TestGateway;
let f: DivisionFixture;

beforeAll(async () => {
  t = await openSeededDatabase('payment_run_concurrency', { divisions: 2, payments: 60 });
  gw = await startTestGateway(t.db);
  f = await divisionFixture(t.db);
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

const SELECT = `mutation($ids: [UUID!]!) { selectPayments(paymentIDs: $ids) { id } }`;
const PROCESS = `mutation($input: ProcessPaymentsInput!) { processPayments(input: $input) { id cashflowTransactionBatchCode paymentCount } }`;
const PAYMENTS = 60;
const CALLS_PER_CLIENT = 50;
const WINDOW = 5;

it('2 clients x 50 parallel select/process calls: every payment in exactly one batch, numbers without gaps', async () => {
  const input = Array.from({ length: PAYMENTS }, (_, i) => validPaymentInput(f, { amountFC: `${i + 1}.00`, amountDC: `${i + 1}.00` }));
  const created = await gw.gql(`mutation($input: [PaymentCreateInput!]!) { createPayments(input: $input) { id } }`, { input });
  expect(created.errors).toBeUndefined();
  const ids: string[] = created.data.createPayments.map((p: { id: string }) => p.id);
  const clients: Gql[] = [await gw.as({ name: 'partner A' }), await gw.as({ name: 'partner B' })];
  const processInput = (paymentIDs: string[] | null) => ({
    divisionCode: f.division,
    paymentIDs,
    bankAccountID: f.ownBank.id,
    executionDate: daysFromToday(1),
  });

  // Overlapping windows: client c's call i covers ids[(3i + c) .. +5] (mod 60); the two clients and
  // neighbouring calls share payments. Even calls select, odd calls process the window.
  const calls = clients.flatMap((gql, c) =>
    Array.from({ length: CALLS_PER_CLIENT }, (_, i) => {
      const start = (3 * i + c) % PAYMENTS;
      const window = Array.from({ length: WINDOW }, (_, k) => ids[(start + k) % PAYMENTS]);
      return i % 2 === 0 ? gql(SELECT, { ids: window }) : gql(PROCESS, { input: processInput(window) });
    }),
  );
  const results = await Promise.all(calls);
  const codes = results.flatMap((r) => (r.errors ?? []).map((e) => e.extensions?.code));
  expect(codes.filter((c) => c !== 'CONFLICT')).toEqual([]);
  for (const r of results) {
    for (const e of r.errors ?? []) expect((e.extensions?.ids as string[]).length).toBeGreaterThan(0);
  }
  const succeeded = results.filter((r) => !r.errors).length;
  expect(succeeded).toBeGreaterThan(0);

  // Sweep: what was selected but not processed, then what is still open.
  const sweep = await clients[0](PROCESS, { input: processInput(null) });
  for (const e of sweep.errors ?? []) expect(e.extensions?.rule).toBe('NOTHING_TO_PROCESS');
  const open = (await t.db.dataSource.manager.find(Payment, { where: ids.map((id) => ({ id, status: 20 })) })).map((p) => p.id);
  if (open.length) expect((await clients[1](PROCESS, { input: processInput(open) })).errors).toBeUndefined();

  const m = t.db.dataSource.manager;
  const payments = await m.find(Payment, { where: ids.map((id) => ({ id })) });
  expect(payments.every((p) => p.status === 40 && p.cashflowTransactionBatchCode)).toBe(true);
  const batches = await m.find(PaymentBatch, { where: { divisionCode: f.division }, order: { cashflowTransactionBatchCode: 'ASC' } });
  // Each batch holds exactly the payments that carry its code, numbered 1..n.
  for (const b of batches) {
    const members = await m.find(Payment, {
      where: { cashflowTransactionBatchCode: b.cashflowTransactionBatchCode, divisionCode: f.division },
      order: { paymentBatchNumber: 'ASC' },
    });
    expect(members.map((p) => p.paymentBatchNumber)).toEqual(members.map((_, i) => i + 1));
    expect(members.length).toBe(b.paymentCount);
    expect(new Set(members.map((p) => p.documentID))).toEqual(new Set([b.documentID]));
  }
  const codesInDivision = batches.map((b) => Number(b.cashflowTransactionBatchCode.split('-')[1]));
  expect(codesInDivision).toEqual(codesInDivision.map((_, i) => i + 1));
  const documents = await m.find(Document, { where: { divisionCode: f.division }, order: { documentNumber: 'ASC' } });
  expect(documents.map((d) => d.documentNumber)).toEqual(documents.map((_, i) => i + 1));
  // No payment counted in two batches: the batches' counts add up to the payments carrying a code.
  const inSomeBatch = (
    await m.find(Payment, { where: { divisionCode: f.division }, select: { id: true, cashflowTransactionBatchCode: true } })
  ).filter((p) => p.cashflowTransactionBatchCode);
  expect(batches.reduce((s, b) => s + b.paymentCount, 0)).toBe(inSomeBatch.length);
});
