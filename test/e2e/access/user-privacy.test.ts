import { createApiKey } from '../../../src/access/api-keys';
import { SCOPES } from '../../../src/access/principal';
import { actorColumns, table } from '../../../src/catalog';
import { Division } from '../../../src/modules/divisions/division.entity';
import { Payment } from '../../../src/modules/payments/payment.entity';
import { User } from '../../../src/modules/users/user.entity';
import { openSeededDatabase, TestDatabase } from '../../support/database';
import { startTestGateway, TestGateway } from '../../support/gateway';
import { DivisionFixture, divisionFixture, validPaymentInput } from '../../support/payments';

/**
 * Users are a global table, but personal data is not: a caller sees a user (name, e-mail) only
 * while the user created, modified or selected a payment of one of the caller's divisions. The
 * same through every door: the GraphQL list and lookup, relation fields and derived columns,
 * /sql and the sql field, /export (SQL, GraphQL list, whole list), and the catalog query (which
 * shows no rows at all). Expected sets are computed from the rule over the payments.
 */
let t: TestDatabase;
let gw: TestGateway;
let f: DivisionFixture;
let codes: number[];
/** A key limited to two divisions; Olga acts only in the third. */
let twoKey: Record<string, string>;
let allKey: Record<string, string>;

const user = (id: string, name: string) =>
  Object.assign(new User(), {
    id,
    userName: name.toLowerCase(),
    fullName: name,
    email: `${name.toLowerCase()}@private.example`,
    created: new Date('2026-01-01T00:00:00Z'),
  });
const OLGA = user('0a000000-0000-4000-8000-00000000000a', 'Olga');
const SAM = user('0b000000-0000-4000-8000-00000000000b', 'Sam');
const NINA = user('0c000000-0000-4000-8000-00000000000c', 'Nina');

beforeAll(async () => {
  t = await openSeededDatabase('user_privacy', { divisions: 3, payments: 300 });
  gw = await startTestGateway(t.db);
  f = await divisionFixture(t.db);
  codes = (await t.db.dataSource.manager.find(Division, { order: { code: 'ASC' } })).map((d) => d.code);
  await t.db.dataSource.manager.insert(User, [OLGA, SAM, NINA]);
  // Olga creates a payment in the first division (f.division), through the API with her key.
  const olgaKey = (await createApiKey(t.db, { name: 'olga', divisions: [f.division], scopes: SCOPES, userId: OLGA.id, createdBy: 'test' }))
    .secret;
  const created = await gw.gql(
    'mutation($i: [PaymentCreateInput!]!) { createPayments(input: $i) { id creatorID } }',
    { i: [validPaymentInput(f)] },
    { 'x-api-key': olgaKey },
  );
  expect(created.errors).toBeUndefined();
  // Sam selects a payment in the second division, and does nothing else.
  const open = await t.db.dataSource.manager.findOneByOrFail(Payment, { divisionCode: codes[1], status: 20 });
  const samKey = (await createApiKey(t.db, { name: 'sam', divisions: [codes[1]], scopes: SCOPES, userId: SAM.id, createdBy: 'test' }))
    .secret;
  expect(
    (await gw.gql('mutation($ids: [UUID!]!) { selectPayments(paymentIDs: $ids) { id } }', { ids: [open.id] }, { 'x-api-key': samKey }))
      .errors,
  ).toBeUndefined();
  twoKey = {
    'x-api-key': (await createApiKey(t.db, { name: 'two', divisions: [codes[1], codes[2]], scopes: SCOPES, createdBy: 'test' })).secret,
  };
  allKey = { 'x-api-key': (await createApiKey(t.db, { name: 'all', divisions: 'all', scopes: SCOPES, createdBy: 'test' })).secret };
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

/** The rule: users who are Creator, Modifier or PaymentSelector of a payment of `divisions`. */
async function acting(divisions: number[]): Promise<string[]> {
  const payments = await t.db.dataSource.manager.find(Payment);
  const ids = new Set<string>();
  for (const p of payments.filter((x) => divisions.includes(x.divisionCode))) {
    for (const id of [p.creatorID, p.modifierID, p.paymentSelectorID]) if (id) ids.add(id);
  }
  return [...ids].sort();
}

async function sql(headers: Record<string, string>, query: string, parameters: Record<string, unknown> = {}) {
  const res = await gw.request('/sql', {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ query, parameters }),
  });
  const body = (await res.json()) as { errors?: unknown; rows: Record<string, unknown>[] };
  expect({ status: res.status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
  // Rows are objects by column name; their values in select-list order.
  return body.rows.map((r) => Object.values(r));
}

async function exported(headers: Record<string, string>, params: Record<string, string>): Promise<string> {
  const res = await gw.request(`/export?${new URLSearchParams({ format: 'csv', ...params })}`, { headers });
  const text = await res.text();
  expect({ status: res.status, text: res.status === 200 ? '' : text }).toEqual({ status: 200, text: '' });
  return text;
}

describe('users a caller may see', () => {
  it('the rule picks distinct sets: Olga acts only in the first division, Sam only in the second, Nina nowhere', async () => {
    const two = await acting([codes[1], codes[2]]);
    expect(two).toContain(SAM.id);
    expect(two).not.toContain(OLGA.id);
    expect(await acting(codes)).toEqual(expect.arrayContaining([OLGA.id, SAM.id]));
    expect(await acting(codes)).not.toContain(NINA.id);
    expect(actorColumns(table('Users')).map((a) => `${a.table.name}.${a.column}`)).toEqual([
      'Payments.Creator',
      'Payments.Modifier',
      'Payments.PaymentSelector',
      'Receivables.Creator',
      'Receivables.Modifier',
      'Receivables.ReceivableSelector',
    ]);
  });

  it("GraphQL users and user(id): only users acting in the caller's divisions, also after narrowing by header", async () => {
    const list = '{ users(first: 1000) { totalCount nodes { id fullName email } } }';
    const two = await gw.gql(list, {}, twoKey);
    expect(two.errors).toBeUndefined();
    expect(two.data.users.nodes.map((u: { id: string }) => u.id).sort()).toEqual(await acting([codes[1], codes[2]]));
    expect(two.data.users.totalCount).toBe((await acting([codes[1], codes[2]])).length);
    expect(JSON.stringify(two.data)).not.toContain(OLGA.email);
    expect(JSON.stringify(two.data)).toContain(SAM.email);

    const all = await gw.gql(list, {}, allKey);
    expect(all.data.users.nodes.map((u: { id: string }) => u.id).sort()).toEqual(await acting(codes));
    expect(JSON.stringify(all.data)).not.toContain(NINA.email);
    const narrowed = await gw.gql(list, {}, { ...allKey, 'x-cashflow-divisions': String(codes[1]) });
    expect(narrowed.data.users.nodes.map((u: { id: string }) => u.id).sort()).toEqual(await acting([codes[1]]));

    const one = 'query($id: UUID!) { user(id: $id) { id email } }';
    for (const id of [OLGA.id, NINA.id]) expect((await gw.gql(one, { id }, twoKey)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await gw.gql(one, { id: SAM.id }, twoKey)).data.user).toEqual({ id: SAM.id, email: SAM.email });
    expect((await gw.gql(one, { id: OLGA.id }, allKey)).data.user).toEqual({ id: OLGA.id, email: OLGA.email });
  });

  it("relation fields and derived columns show the users of the caller's own rows, and filters through them find no one else", async () => {
    const q = `{ payments(first: 1000) { nodes { divisionCode creator { email } modifier { email } paymentSelector { id email }
      creatorFullName modifierFullName paymentSelectorFullName } } }`;
    const two = await gw.gql(q, {}, twoKey);
    expect(two.errors).toBeUndefined();
    const nodes = two.data.payments.nodes;
    expect(nodes.length).toBeGreaterThan(0);
    for (const n of nodes) {
      // Whoever acted on a visible payment acts in the caller's division: never hidden.
      expect(n.creator?.email).toBeTruthy();
      expect(n.creatorFullName).toBeTruthy();
    }
    expect(nodes.some((n: { paymentSelector: { id: string } | null }) => n.paymentSelector?.id === SAM.id)).toBe(true);
    expect(JSON.stringify(two.data)).not.toContain(OLGA.email);
    expect(JSON.stringify(two.data)).not.toContain('Olga');
    const filtered = await gw.gql('{ payments(where: { creator: { email: { eq: "olga@private.example" } } }) { totalCount } }', {}, twoKey);
    expect(filtered.data.payments.totalCount).toBe(0);
    const mine = await gw.gql(
      '{ payments(where: { creator: { email: { eq: "olga@private.example" } } }) { totalCount nodes { creator { email } } } }',
      {},
      allKey,
    );
    expect(mine.data.payments.nodes).toEqual([{ creator: { email: OLGA.email } }]);
  });

  it('the SQL layer (/sql and the sql field): FROM, WHERE, joins, subqueries and derived columns see the same users', async () => {
    const two = await acting([codes[1], codes[2]]);
    expect((await sql(twoKey, 'select UserID from Users order by UserID')).map((r) => r[0])).toEqual(two);
    const everything = JSON.stringify(await sql(twoKey, 'select * from Users'));
    expect(everything).not.toContain(OLGA.email);
    expect(everything).toContain(SAM.email);
    expect(await sql(twoKey, 'select Email from Users where UserID = :id', { id: OLGA.id })).toEqual([]);
    expect(await sql(twoKey, 'select count(*) from Users')).toEqual([[two.length]]);
    expect(await sql(twoKey, 'select (select max(Email) from Users u where u.UserID = :id) as e', { id: OLGA.id })).toEqual([[null]]);
    expect(await sql(twoKey, 'select Email from (select * from Users) x where x.Email like :e', { e: 'olga%' })).toEqual([]);
    expect(
      await sql(twoKey, 'select u.Email from Payments p right join Users u on u.UserID = p.Creator where u.Email like :e', { e: 'olga%' }),
    ).toEqual([]);
    expect(await sql(twoKey, 'select CreatorFullName from Payments where CreatorFullName = :n', { n: 'Olga' })).toEqual([]);
    expect(await sql(allKey, 'select Email from Users where UserID = :id', { id: OLGA.id })).toEqual([[OLGA.email]]);
    expect(await sql(allKey, 'select Email from Users where UserID = :id', { id: NINA.id })).toEqual([]);

    const field = await gw.gql('{ sql(query: "select Email from Users") { rows } }', {}, twoKey);
    expect(field.errors).toBeUndefined();
    expect(JSON.stringify(field.data)).not.toContain(OLGA.email);
  });

  it('exports (SQL, GraphQL list, whole list) of Users leave out users acting elsewhere', async () => {
    const sources: Record<string, string>[] = [
      { sql: 'select * from Users' },
      { graphql: '{ users { nodes { id fullName email } } }' },
      { list: 'users' },
    ];
    for (const params of sources) {
      const two = await exported(twoKey, params);
      expect(two).toContain(SAM.email);
      expect(two).not.toContain(OLGA.email);
      expect(two).not.toContain(NINA.email);
      const all = await exported(allKey, params);
      expect(all).toContain(OLGA.email);
      expect(all).not.toContain(NINA.email);
    }
  });

  it('the catalog states the rule and holds no rows', async () => {
    const res = await gw.gql('{ catalog(table: "Users") { description partitionColumn columns { name documentation } } }', {}, twoKey);
    expect(res.data.catalog[0].partitionColumn).toBeNull();
    expect(res.data.catalog[0].description).toMatch(/sees a user .* only while the user acts in one of its divisions/);
    const rest = await (await gw.request('/catalog', { headers: twoKey })).text();
    expect(rest).not.toContain('@private.example');
  });
});

describe('divisions a caller may see', () => {
  it('only its granted divisions, through GraphQL, /sql and /export', async () => {
    const granted = [codes[1], codes[2]];
    const list = await gw.gql('{ divisions(first: 100) { nodes { code } } }', {}, twoKey);
    expect(list.data.divisions.nodes.map((d: { code: number }) => d.code)).toEqual(granted);
    expect((await sql(twoKey, 'select Code from Divisions order by Code')).map((r) => r[0])).toEqual(granted);
    const csv = await exported(twoKey, { sql: 'select Code from Divisions order by Code' });
    expect(csv.trim().split(/\r?\n/).slice(1)).toEqual(granted.map(String));
    const other = await gw.gql('query($c: Int!) { division(code: $c) { code } }', { c: codes[0] }, twoKey);
    expect(other.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
