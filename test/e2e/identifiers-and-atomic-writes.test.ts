import { randomUUID } from 'node:crypto';
import { createApiKey } from '../../src/access/api-keys';
import { SCOPES } from '../../src/access/principal';
import { PaymentMatch } from '../../src/modules/matching/payment-match.entity';
import { Payment } from '../../src/modules/payments/payment.entity';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { Gql, startTestGateway, TestGateway } from '../support/gateway';
import { daysFromToday, DivisionFixture, divisionFixture, paymentById, paymentsFingerprint, validPaymentInput } from '../support/payments';

/**
 * Identifiers, existence and atomic writes (issue 11, section 12): GUIDs in one canonical form on
 * both databases, answers that do not depend on rows of other divisions, and mutations that write
 * nothing when they fail, with the faults put into the database itself.
 */
let t: TestDatabase;
let gw: TestGateway;
let f: DivisionFixture;
let asOwn: Gql;

beforeAll(async () => {
  t = await openSeededDatabase('identifiers_atomic', { divisions: 2, payments: 60 });
  gw = await startTestGateway(t.db);
  f = await divisionFixture(t.db);
  const { secret } = await createApiKey(t.db, { name: 'own division', divisions: [f.division], scopes: SCOPES, createdBy: 'test' });
  asOwn = ((q: string, v?: Record<string, unknown>) => gw.gql(q, v, { 'x-api-key': secret })) as Gql;
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

const CREATE = `mutation($input: PaymentCreateInput!) { createPayment(input: $input) { id version accountID } }`;
const CREATE_MANY = `mutation($input: [PaymentCreateInput!]!) { createPayments(input: $input) { id } }`;
const PROCESS = `mutation($input: ProcessPaymentsInput!) { processPayments(input: $input) { id } }`;
const MATCH = `mutation($input: MatchPaymentsInput!) { matchPayments(input: $input) { id status } }`;
const UNMATCH = `mutation($ids: [UUID!]!) { unmatchPayments(paymentIDs: $ids) { id status } }`;
const SQL = 'query($q: String!, $p: JSONObject) { sql(query: $q, parameters: $p) { rows } }';

async function create(overrides: Record<string, unknown> = {}) {
  const res = await gw.gql(CREATE, { input: validPaymentInput(f, overrides) });
  expect(res.errors).toBeUndefined();
  return res.data.createPayment as { id: string; version: number; accountID: string };
}

describe('GUIDs are canonical (lower case) on both databases', () => {
  it('a lookup, a filter and a mutation by the upper-case (or braced) form find the row', async () => {
    const p = await create();
    const upper = p.id.toUpperCase();
    const one = await gw.gql('query($id: UUID!) { payment(id: $id) { id } }', { id: upper });
    expect(one.errors).toBeUndefined();
    expect(one.data.payment.id).toBe(p.id);
    const braced = await gw.gql(`{ payment(id: "{${upper}}") { id } }`);
    expect(braced.data.payment.id).toBe(p.id);
    const list = await gw.gql(
      'query($id: UUID!) { a: payments(where: { id: { eq: $id } }) { nodes { id } } b: payments(where: { id: { in: [$id] } }) { nodes { id } } }',
      { id: upper },
    );
    expect([list.data.a.nodes, list.data.b.nodes]).toEqual([[{ id: p.id }], [{ id: p.id }]]);
    const select = await gw.gql('mutation($ids: [UUID!]!) { selectPayments(paymentIDs: $ids) { id status } }', { ids: [upper] });
    expect(select.data.selectPayments).toEqual([{ id: p.id, status: 'SELECTED' }]);
  });

  it('the SQL layer compares GUID columns with literals and parameters in canonical form', async () => {
    const p = await create();
    const upper = p.id.toUpperCase();
    for (const [q, params] of [
      [`select ID from Payments where ID = '${upper}'`, undefined],
      ['select ID from Payments where ID = :id', { id: upper }],
      [`select ID from Payments where ID in ('${upper}', '${randomUUID()}')`, undefined],
      ['select ID from Payments where ID in (:ids)', { ids: [upper] }],
      [
        `select p.ID from Payments p join Accounts a on a.ID = p.Account where a.ID = '${f.supplier.id.toUpperCase()}' and p.ID = '${upper}'`,
        undefined,
      ],
    ] as const) {
      const res = await gw.gql(SQL, { q, p: params });
      expect({ q, errors: res.errors, rows: res.data?.sql.rows }).toEqual({ q, errors: undefined, rows: [{ ID: p.id }] });
    }
  });

  it('GUIDs written in upper case are stored in lower case; an ID cannot be chosen at all', async () => {
    const p = await create({
      accountID: f.supplier.id.toUpperCase(),
      accountBankAccountID: f.supplierBank.id.toUpperCase(),
      glAccountID: f.payables.id.toUpperCase(),
    });
    const row = await paymentById(t.db, p.id);
    expect(row).toMatchObject({ accountID: f.supplier.id, accountBankAccountID: f.supplierBank.id, glAccountID: f.payables.id });
    // The upper-case form of an existing ID made a second payment on SQLite: no create takes an ID now.
    const count = await t.db.dataSource.manager.count(Payment);
    const res = await gw.gql(CREATE_MANY, { input: [{ ...validPaymentInput(f), id: p.id.toUpperCase() }] });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toContain('"id"');
    expect(await t.db.dataSource.manager.count(Payment)).toBe(count);
  });

  it('a bank file downloads by the upper-case form of its batch ID', async () => {
    const p = await create();
    const batch = await gw.gql(PROCESS, {
      input: { divisionCode: f.division, paymentIDs: [p.id], bankAccountID: f.ownBank.id, executionDate: daysFromToday(1) },
    });
    expect(batch.errors).toBeUndefined();
    const res = await gw.request(`/batches/${batch.data.processPayments.id.toUpperCase()}/file`);
    expect(res.status).toBe(200);
  });
});

describe('no answer tells whether a row of another division exists', () => {
  const shape = (res: Awaited<ReturnType<Gql>>, id: string) => ({
    code: res.errors?.[0].extensions?.code,
    message: res.errors?.[0].message.split(id).join('<id>'),
    data: res.data,
  });

  it('createPayments with the ID of their payment answers exactly as with an unused ID', async () => {
    const theirs = (await t.db.dataSource.getRepository(Payment).findOneByOrFail({ divisionCode: f.otherDivision })).id;
    const mine = (await t.db.dataSource.getRepository(Payment).findOneByOrFail({ divisionCode: f.division })).id;
    const before = await paymentsFingerprint(t.db);
    const answers = [];
    for (const id of [theirs, randomUUID(), mine])
      answers.push(shape(await asOwn(CREATE_MANY, { input: [{ ...validPaymentInput(f), id }] }), id));
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]).toEqual(answers[2]);
    expect(answers[0].code).toBe('BAD_USER_INPUT');
    expect(await paymentsFingerprint(t.db)).toBe(before);
  });
});

describe('an error means nothing was written', () => {
  /** Two payments processed and matched with a statement line; returns their ids. */
  async function matchedPair(): Promise<[string, string]> {
    const a = await create();
    const b = await create();
    expect(
      (
        await gw.gql(PROCESS, {
          input: { divisionCode: f.division, paymentIDs: [a.id, b.id], bankAccountID: f.ownBank.id, executionDate: daysFromToday(0) },
        })
      ).errors,
    ).toBeUndefined();
    expect(
      (await gw.gql(MATCH, { input: { paymentIDs: [a.id, b.id], bankStatementLineReference: `line ${a.id}` } })).errors,
    ).toBeUndefined();
    return [a.id, b.id];
  }

  const state = async (ids: string[]) => ({
    payments: await paymentsFingerprint(t.db),
    matches: await t.db.dataSource.manager.count(PaymentMatch, { where: ids.map((paymentID) => ({ paymentID })) }),
  });

  it('an unmatch meeting a match row with an impossible previous status changes nothing', async () => {
    const [a, b] = await matchedPair();
    await t.db.dataSource.manager.update(PaymentMatch, { paymentID: b }, { previousStatus: 99 });
    const before = await state([a, b]);
    const res = await gw.gql(UNMATCH, { ids: [a] });
    expect(res.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(await state([a, b])).toEqual(before);
    expect(before.matches).toBe(2);
    expect((await paymentById(t.db, a))!.status).toBe(50);
  });

  it('an unmatch meeting a match row of a payment that does not exist changes nothing', async () => {
    const [a, b] = await matchedPair();
    const row = await t.db.dataSource.manager.findOneByOrFail(PaymentMatch, { paymentID: a });
    await t.db.dataSource.manager.insert(PaymentMatch, { ...row, id: randomUUID(), paymentID: randomUUID() });
    const before = await state([a, b]);
    const res = await gw.gql(UNMATCH, { ids: [a] });
    expect(res.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(await state([a, b])).toEqual(before);
    expect((await paymentById(t.db, b))!.status).toBe(50);
  });

  it('a change whose answer cannot be given (a code outside its list in the row) is not kept', async () => {
    const p = await create();
    // Source 9 is no PaymentSource: GraphQL cannot answer the row, and the change must not stay.
    await t.db.dataSource.manager.update(Payment, { id: p.id }, { source: 9 as never });
    const { version } = (await paymentById(t.db, p.id))!;
    const res = await gw.gql('mutation($input: PaymentUpdateInput!) { updatePayment(input: $input) { id description } }', {
      input: { id: p.id, version, description: 'changed' },
    });
    expect(res.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(await paymentById(t.db, p.id)).toMatchObject({ description: 'Test invoice', version });
  });

  it('the same holds with an idempotency key: nothing stored, the key free for a retry', async () => {
    const [a, b] = await matchedPair();
    await t.db.dataSource.manager.update(PaymentMatch, { paymentID: b }, { previousStatus: 0 });
    const key = `unmatch-${a}`;
    const before = await state([a, b]);
    const first = await gw.gql(
      'mutation($ids: [UUID!]!, $key: String) { unmatchPayments(paymentIDs: $ids, idempotencyKey: $key) { id status } }',
      { ids: [a], key },
    );
    expect(first.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(await state([a, b])).toEqual(before);
    await t.db.dataSource.manager.update(PaymentMatch, { paymentID: b }, { previousStatus: 40 });
    const retry = await gw.gql(
      'mutation($ids: [UUID!]!, $key: String) { unmatchPayments(paymentIDs: $ids, idempotencyKey: $key) { id status } }',
      { ids: [a], key },
    );
    expect(retry.errors).toBeUndefined();
    expect(retry.data.unmatchPayments.map((p: { status: string }) => p.status)).toEqual(['PROCESSED', 'PROCESSED']);
  });
});
