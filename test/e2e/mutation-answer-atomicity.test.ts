import { Payment } from '../../src/modules/payments/payment.entity';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { startTestGateway, TestGateway } from '../support/gateway';
import { DivisionFixture, divisionFixture, validPaymentInput } from '../support/payments';

/**
 * A mutation operation's answer is part of its transaction (graphql/mutation-transaction.ts, the
 * rule in docs/architecture.md): the relations of the rows it returns are read before the
 * commit, through the transaction, and an answer with any error wrote nothing. Before, the
 * relations were read after the commit, so a failing relation read answered an error for a write
 * that stayed. The failure here is a real one of the relation's own read: a nested list asked
 * with a cursor the gateway never made (BAD_USER_INPUT on `after`, raised when the list is read).
 */
let t: TestDatabase;
let gw: TestGateway;
let f: DivisionFixture;

beforeAll(async () => {
  t = await openSeededDatabase('mutation_answer', { divisions: 2, payments: 40 });
  gw = await startTestGateway(t.db);
  f = await divisionFixture(t.db);
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

const payments = () => t.db.dataSource.manager.count(Payment);
const byDescription = (description: string) => t.db.dataSource.manager.countBy(Payment, { description });
const FAILING_RELATION = 'account { name bankAccounts(first: 5, after: "not-a-cursor") { nodes { id } } }';

describe('a mutation whose answer fails in a relation read', () => {
  it('writes nothing, answers the relation error and a null mutation field', async () => {
    const before = await payments();
    const res = await gw.gql(`mutation($input: PaymentCreateInput!) { createPayment(input: $input) { id ${FAILING_RELATION} } }`, {
      input: validPaymentInput(f, { description: 'relation read fails' }),
    });
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions?.field).toBe('after');
    expect(res.errors![0].path).toEqual(['createPayment', 'account', 'bankAccounts']);
    // createPayment is non-null in the schema: a rolled-back answer has no data at all.
    expect(res.data ?? null).toBeNull();
    expect(await payments()).toBe(before);
    expect(await byDescription('relation read fails')).toBe(0);
  });

  it('stores no idempotency key, so the same key with a readable answer then creates the payment once', async () => {
    const input = validPaymentInput(f, { description: 'idempotent after a failed answer' });
    const query = (selection: string) =>
      `mutation($input: PaymentCreateInput!, $key: String) { createPayment(input: $input, idempotencyKey: $key) { id ${selection} } }`;
    const failed = await gw.gql(query(FAILING_RELATION), { input, key: 'answer-fails-once' });
    expect(failed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const ok = await gw.gql(query('account { name }'), { input, key: 'answer-fails-once' });
    expect(ok.errors).toBeUndefined();
    expect(ok.data.createPayment.account.name).toBe(f.supplier.name);
    const again = await gw.gql(query('account { name }'), { input, key: 'answer-fails-once' });
    expect(again.data.createPayment.id).toBe(ok.data.createPayment.id);
    expect(await byDescription('idempotent after a failed answer')).toBe(1);
  });

  it('rolls back every mutation field of the operation: several fields are all or nothing', async () => {
    const before = await payments();
    const res = await gw.gql(
      `mutation($a: PaymentCreateInput!, $b: PaymentCreateInput!) {
        first: createPayment(input: $a) { id }
        second: createPayment(input: $b) { id ${FAILING_RELATION} }
      }`,
      { a: validPaymentInput(f, { description: 'first of two' }), b: validPaymentInput(f, { description: 'second of two' }) },
    );
    expect(res.errors?.map((e) => e.path)).toEqual([['second', 'account', 'bankAccounts']]);
    expect(res.data ?? null).toBeNull();
    expect(await payments()).toBe(before);
    expect(await byDescription('first of two')).toBe(0);
  });
});

describe('a mutation whose answer reads cleanly', () => {
  it('commits, and its relations are those of the rows it wrote', async () => {
    const res = await gw.gql(
      `mutation($input: PaymentCreateInput!) {
        createPayment(input: $input) { id description account { id name } glAccount { id } journal { code } }
      }`,
      { input: validPaymentInput(f, { description: 'answer reads cleanly' }) },
    );
    expect(res.errors).toBeUndefined();
    const p = res.data.createPayment;
    expect(p.account).toEqual({ id: f.supplier.id, name: f.supplier.name });
    expect(p.glAccount).toEqual({ id: f.payables.id });
    expect(p.journal).toEqual({ code: f.journal.code });
    expect(await byDescription('answer reads cleanly')).toBe(1);
  });

  it('an error in one input writes nothing of the others (bulk and single alike)', async () => {
    const before = await payments();
    const res = await gw.gql(
      `mutation($a: PaymentCreateInput!, $b: PaymentCreateInput!) {
        first: createPayment(input: $a) { id }
        second: createPayment(input: $b) { id }
      }`,
      { a: validPaymentInput(f, { description: 'valid of two' }), b: validPaymentInput(f, { currency: 'XXX' }) },
    );
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await payments()).toBe(before);
  });
});
