import { Payment } from '../../src/modules/payments/payment.entity';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { Gql, startTestGateway, TestGateway } from '../support/gateway';
import { DivisionFixture, divisionFixture, paymentsFingerprint, validPaymentInput, daysFromToday } from '../support/payments';

/**
 * The payment mutations in the isolation matrix: a caller granted only division A cannot create,
 * change, select, process, match, split or delete anything of division B. Rows of B answer
 * NOT_FOUND (as if missing), writes into B answer FORBIDDEN, and nothing changes.
 */
let t: TestDatabase;
let gw: TestGateway;
let f: DivisionFixture;
let asA: Gql;
let theirs: Payment;
let theirSelected: Payment;
let theirMatched: Payment;

beforeAll(async () => {
  t = await openSeededDatabase('payment_isolation', { divisions: 2, payments: 120 });
  gw = await startTestGateway(t.db);
  f = await divisionFixture(t.db);
  asA = await gw.as({ divisions: [f.division], name: 'division A only' });
  const m = t.db.dataSource.manager;
  theirs = (await m.findOneBy(Payment, { divisionCode: f.otherDivision, status: 20 }))!;
  theirSelected = (await m.findOneBy(Payment, { divisionCode: f.otherDivision, status: 30 }))!;
  theirMatched = (await m.findOneBy(Payment, { divisionCode: f.otherDivision, status: 50 }))!;
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

const cases: [string, string, () => Record<string, unknown>, string][] = [
  [
    'createPayment',
    `mutation($input: PaymentCreateInput!) { createPayment(input: $input) { id } }`,
    () => ({ input: validPaymentInput(f, { divisionCode: f.otherDivision }) }),
    'FORBIDDEN',
  ],
  [
    'createPayments',
    `mutation($input: [PaymentCreateInput!]!) { createPayments(input: $input) { id } }`,
    () => ({ input: [validPaymentInput(f), validPaymentInput(f, { divisionCode: f.otherDivision })] }),
    'FORBIDDEN',
  ],
  [
    'updatePayment',
    `mutation($input: PaymentUpdateInput!) { updatePayment(input: $input) { id } }`,
    () => ({ input: { id: theirs.id, version: theirs.version, description: 'x' } }),
    'NOT_FOUND',
  ],
  [
    'updatePayments',
    `mutation($input: [PaymentUpdateInput!]!) { updatePayments(input: $input) { id } }`,
    () => ({ input: [{ id: theirs.id, version: theirs.version, description: 'x' }] }),
    'NOT_FOUND',
  ],
  [
    'deletePayment',
    `mutation($input: PaymentDeleteInput!) { deletePayment(input: $input) { deletedIDs } }`,
    () => ({ input: { id: theirs.id } }),
    'NOT_FOUND',
  ],
  [
    'deletePayments',
    `mutation($input: [PaymentDeleteInput!]!) { deletePayments(input: $input) { deletedIDs } }`,
    () => ({ input: [{ id: theirs.id }] }),
    'NOT_FOUND',
  ],
  [
    'splitPayment',
    `mutation($id: UUID!, $v: Int!) { splitPayment(id: $id, version: $v, parts: [{amountFC: "1.00", dueDate: "2030-01-01T00:00:00Z"}, {amountFC: "1.00", dueDate: "2030-01-01T00:00:00Z"}]) { id } }`,
    () => ({ id: theirs.id, v: theirs.version }),
    'NOT_FOUND',
  ],
  ['selectPayments', `mutation($ids: [UUID!]!) { selectPayments(paymentIDs: $ids) { id } }`, () => ({ ids: [theirs.id] }), 'NOT_FOUND'],
  [
    'deselectPayments',
    `mutation($ids: [UUID!]!) { deselectPayments(paymentIDs: $ids) { id } }`,
    () => ({ ids: [theirSelected.id] }),
    'NOT_FOUND',
  ],
  [
    'processPayments',
    `mutation($input: ProcessPaymentsInput!) { processPayments(input: $input) { id } }`,
    () => ({ input: { divisionCode: f.otherDivision, bankAccountID: f.ownBank.id, executionDate: daysFromToday(1) } }),
    'FORBIDDEN',
  ],
  [
    'processPayments (their ids)',
    `mutation($input: ProcessPaymentsInput!) { processPayments(input: $input) { id } }`,
    () => ({
      input: { divisionCode: f.division, paymentIDs: [theirSelected.id], bankAccountID: f.ownBank.id, executionDate: daysFromToday(1) },
    }),
    'NOT_FOUND',
  ],
  [
    'matchPayments',
    `mutation($ids: [UUID!]!) { matchPayments(input: { paymentIDs: $ids, bankStatementLineReference: "x" }) { id } }`,
    () => ({ ids: [theirs.id] }),
    'NOT_FOUND',
  ],
  [
    'unmatchPayments',
    `mutation($ids: [UUID!]!) { unmatchPayments(paymentIDs: $ids) { id } }`,
    () => ({ ids: [theirMatched.id] }),
    'NOT_FOUND',
  ],
];

describe('payment mutations never reach another division', () => {
  it.each(cases)('%s', async (_name, query, variables, code) => {
    const before = await paymentsFingerprint(t.db);
    const res = await asA(query, variables());
    expect(res.errors?.[0].extensions?.code).toBe(code);
    expect(res.data?.[Object.keys(res.data ?? {})[0]] ?? null).toBeNull();
    expect(await paymentsFingerprint(t.db)).toBe(before);
  });

  it('the bank file of another division is NOT_FOUND over GraphQL', async () => {
    const batch = await t.db.dataSource.manager.findOne(Payment, { where: { divisionCode: f.otherDivision, status: 40 } });
    const code = batch!.cashflowTransactionBatchCode;
    const res = await asA(`{ paymentBatches(first: 1000) { nodes { cashflowTransactionBatchCode } } }`);
    expect(
      res.data.paymentBatches.nodes.map((b: { cashflowTransactionBatchCode: string }) => b.cashflowTransactionBatchCode),
    ).not.toContain(code);
  });
});
