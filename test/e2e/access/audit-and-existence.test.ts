import { randomUUID } from 'node:crypto';
import { createApiKey } from '../../../src/access/api-keys';
import { SCOPES } from '../../../src/access/principal';
import { Payment } from '../../../src/modules/payments/payment.entity';
import { User } from '../../../src/modules/users/user.entity';
import { openSeededDatabase, TestDatabase } from '../../support/database';
import { Gql, startTestGateway, TestGateway } from '../../support/gateway';
import { DivisionFixture, divisionFixture, validPaymentInput } from '../../support/payments';

/**
 * Audit columns come from the principal and the clock, never from input; and a row of another
 * division is answered exactly like a row that does not exist (same code, same message shape),
 * so a caller cannot even learn that it exists.
 */
let t: TestDatabase;
let gw: TestGateway;
let f: DivisionFixture;
let asAlice: Gql;
let alice: User;

beforeAll(async () => {
  t = await openSeededDatabase('audit_existence', { divisions: 2, payments: 60 });
  gw = await startTestGateway(t.db);
  f = await divisionFixture(t.db);
  alice = (await t.db.dataSource.getRepository(User).find({ order: { userName: 'ASC' } }))[1];
  const { secret } = await createApiKey(t.db, {
    name: 'alice',
    divisions: [f.division],
    scopes: SCOPES,
    userId: alice.id,
    createdBy: 'test',
  });
  asAlice = ((q: string, v?: Record<string, unknown>, h: Record<string, string> = {}) =>
    gw.gql(q, v, { 'x-api-key': secret, ...h })) as Gql;
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

const CREATE =
  'mutation($input: PaymentCreateInput!) { createPayment(input: $input) { id version creatorID modifierID created createdUtc modified creatorFullName } }';

describe('audit columns', () => {
  it('come from the principal and the clock on create, update and selection', async () => {
    const before = Date.now();
    const created = await asAlice(CREATE, { input: validPaymentInput(f) });
    expect(created.errors).toBeUndefined();
    const p = created.data.createPayment;
    expect(p).toMatchObject({ creatorID: alice.id, modifierID: alice.id, creatorFullName: alice.fullName });
    for (const at of [p.created, p.createdUtc, p.modified]) {
      expect(new Date(at).getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(new Date(at).getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    }
    const selected = await asAlice(
      'mutation($ids: [UUID!]!) { selectPayments(paymentIDs: $ids) { paymentSelectorID paymentSelected modifierID } }',
      { ids: [p.id] },
    );
    expect(selected.errors).toBeUndefined();
    expect(selected.data.selectPayments[0]).toMatchObject({ paymentSelectorID: alice.id, modifierID: alice.id });
    const row = await t.db.dataSource.getRepository(Payment).findOneByOrFail({ id: p.id });
    expect(row.creatorID).toBe(alice.id);
    expect(row.paymentSelectorID).toBe(alice.id);
  });

  it('cannot be given as input', async () => {
    for (const field of ['creatorID', 'modifierID', 'created', 'modified', 'paymentSelectorID', 'paymentSelected']) {
      const res = await asAlice(CREATE, {
        input: validPaymentInput(f, { [field]: field.endsWith('ID') ? randomUUID() : '2001-01-01T00:00:00Z' }),
      });
      expect(res.errors?.[0].extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
      expect(res.errors?.[0].message).toContain(field);
    }
  });
});

describe("another division's row is indistinguishable from a missing one", () => {
  const shape = (res: Awaited<ReturnType<Gql>>, id: string) => ({
    status: res.status,
    code: res.errors?.[0].extensions?.code,
    message: res.errors?.[0].message.replace(id, '<id>'),
    data: res.data,
  });

  it('for lookups and every mutation that takes an id', async () => {
    const theirs = (await t.db.dataSource.getRepository(Payment).findOneByOrFail({ divisionCode: f.otherDivision, status: 20 })).id;
    const missing = randomUUID();
    const ops: [string, (id: string) => Record<string, unknown>][] = [
      ['query($id: UUID!) { payment(id: $id) { id } }', (id) => ({ id })],
      ['mutation($id: UUID!) { updatePayment(input: { id: $id, version: 1, description: "x" }) { id } }', (id) => ({ id })],
      ['mutation($id: UUID!) { deletePayment(input: { id: $id }) { deletedIDs } }', (id) => ({ id })],
      ['mutation($id: UUID!) { selectPayments(paymentIDs: [$id]) { id } }', (id) => ({ id })],
      ['mutation($id: UUID!) { deselectPayments(paymentIDs: [$id]) { id } }', (id) => ({ id })],
      [
        'mutation($id: UUID!) { splitPayment(id: $id, version: 1, parts: [{amountFC: "1.00", dueDate: "2030-01-01T00:00:00Z"}, {amountFC: "1.00", dueDate: "2030-01-01T00:00:00Z"}]) { id } }',
        (id) => ({ id }),
      ],
      ['mutation($id: UUID!) { matchPayments(input: { paymentIDs: [$id], bankStatementLineReference: "x" }) { id } }', (id) => ({ id })],
      ['mutation($id: UUID!) { unmatchPayments(paymentIDs: [$id]) { id } }', (id) => ({ id })],
    ];
    for (const [q, vars] of ops) {
      const a = shape(await asAlice(q, vars(theirs)), theirs);
      const b = shape(await asAlice(q, vars(missing)), missing);
      expect({ q, ...a }).toEqual({ q, ...b });
      expect(a.code).toBe('NOT_FOUND');
    }
  });

  it('for file downloads over HTTP', async () => {
    const batch = (await t.db.dataSource.getRepository(Payment).findOneByOrFail({ divisionCode: f.otherDivision, status: 40 }))
      .cashflowTransactionBatchCode;
    const ids = await gw.gql(
      'query($c: String!) { paymentBatches(where: { cashflowTransactionBatchCode: { eq: $c } }) { nodes { id } } }',
      { c: batch },
    );
    const theirs = ids.data.paymentBatches.nodes[0].id;
    const headers = { 'x-api-key': (await gw.headersFor({ divisions: [f.division] }))['x-api-key'] };
    const a = await gw.request(`/batches/${theirs}/file`, { headers });
    const b = await gw.request(`/batches/${randomUUID()}/file`, { headers });
    expect(a.status).toBe(404);
    expect(b.status).toBe(404);
    const [ja, jb] = [(await a.json()) as any, (await b.json()) as any];
    expect(ja.errors[0].extensions.code).toBe(jb.errors[0].extensions.code);
    const mine = await gw.request(`/batches/${theirs}/file`);
    expect(mine.status).toBe(200);
  });
});
