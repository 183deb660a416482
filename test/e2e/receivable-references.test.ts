import { Receivable } from '../../src/modules/receivables/receivable.entity';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { startTestGateway, TestGateway } from '../support/gateway';
import {
  expectedOgm,
  isValidOgm,
  ReceivableFixture,
  receivableFixture,
  receivablesFingerprint,
  validReceivableInput,
} from '../support/receivables';

/**
 * The payment reference of a receivable (issue 12): a Belgian customer's receivable carries the
 * structured communication (OGM/VCS) of its invoice, generated when none is given and refused
 * when invalid, so that the bank transaction can be matched exactly. Expected communications are
 * computed here from the rule (ten digits, then their remainder modulo 97, 97 for 0).
 */
let t: TestDatabase;
let gw: TestGateway;
let f: ReceivableFixture;

beforeAll(async () => {
  t = await openSeededDatabase('receivable_references', { divisions: 2, payments: 60 });
  gw = await startTestGateway(t.db);
  f = await receivableFixture(t.db);
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

const CREATE = `mutation($input: ReceivableCreateInput!) { createReceivable(input: $input) { id version paymentReference invoiceNumber } }`;
const CREATE_MANY = `mutation($input: [ReceivableCreateInput!]!) { createReceivables(input: $input) { id paymentReference } }`;
const UPDATE = `mutation($input: ReceivableUpdateInput!) { updateReceivable(input: $input) { id version paymentReference accountID } }`;

async function create(overrides: Record<string, unknown>) {
  const res = await gw.gql(CREATE, { input: validReceivableInput(f, overrides) });
  expect(res.errors).toBeUndefined();
  return res.data.createReceivable as { id: string; version: number; paymentReference: string | null };
}

async function expectInvalidReference(query: string, input: unknown) {
  const before = await receivablesFingerprint(t.db);
  const res = await gw.gql(query, { input });
  expect(res.errors?.[0].extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'paymentReference',
    rule: 'INVALID_STRUCTURED_REFERENCE',
  });
  expect(res.errors?.[0].message).toMatch(/paymentReference: /);
  expect(await receivablesFingerprint(t.db)).toBe(before);
}

describe('the rule itself', () => {
  it('gives the vectors of the reference (shared/reference/cashflow-codes.md)', () => {
    expect(expectedOgm('1234567890')).toBe('+++123/4567/89002+++');
    expect(expectedOgm('0123456789')).toBe('+++012/3456/78939+++');
    expect(expectedOgm('0851927541')).toBe('+++085/1927/54115+++');
    expect(expectedOgm('2402838428')).toBe('+++240/2838/42818+++');
    expect(isValidOgm('+++123/4567/89012+++')).toBe(false);
  });
});

describe('a Belgian customer', () => {
  it('gets the communication of the invoice number when none is given', async () => {
    const r = await create({ invoiceNumber: 4_200_017 });
    expect(r.paymentReference).toBe(expectedOgm('0004200017'));
    const stored = await t.db.dataSource.manager.findOneByOrFail(Receivable, { id: r.id });
    expect(stored.paymentReference).toBe(expectedOgm('0004200017'));
  });

  it('gets another valid communication when a receivable of the division carries that one, or without an invoice number', async () => {
    const first = await create({ invoiceNumber: 4_200_018 });
    const second = await create({ invoiceNumber: 4_200_018 });
    const none = await create({ invoiceNumber: null });
    expect(first.paymentReference).toBe(expectedOgm('0004200018'));
    for (const r of [second, none]) expect(isValidOgm(r.paymentReference)).toBe(true);
    expect(new Set([first, second, none].map((r) => r.paymentReference)).size).toBe(3);
  });

  it('gets distinct communications for one invoice number in one bulk call', async () => {
    const res = await gw.gql(CREATE_MANY, { input: [1, 2, 3].map(() => validReceivableInput(f, { invoiceNumber: 4_200_019 })) });
    expect(res.errors).toBeUndefined();
    const refs = res.data.createReceivables.map((r: { paymentReference: string }) => r.paymentReference);
    expect(refs[0]).toBe(expectedOgm('0004200019'));
    for (const ref of refs) expect(isValidOgm(ref)).toBe(true);
    expect(new Set(refs).size).toBe(3);
  });

  it('keeps a valid communication given in any accepted form, stored as +++ddd/dddd/ddddd+++', async () => {
    for (const given of ['+++123/4567/89002+++', '***123/4567/89002***', '123456789002', ' +++ 123 / 4567 / 89002 +++ ']) {
      expect((await create({ paymentReference: given })).paymentReference).toBe('+++123/4567/89002+++');
    }
  });

  it.each([
    ["a wrong check digit (the example printed in onFact's documentation)", '+++123/4567/89012+++'],
    ['free text', 'Invoice 2026-0042'],
    ['an RF reference, which a Belgian transfer does not carry as its communication', 'RF18539007547034'],
  ])('refuses %s', async (_name, given) => {
    await expectInvalidReference(CREATE, validReceivableInput(f, { paymentReference: given }));
  });
});

describe('a customer that is not Belgian', () => {
  it('gets no communication generated, and keeps free text as given', async () => {
    const dutch = { accountID: f.dutch.id, accountBankAccountID: f.dutchBank.id };
    expect((await create({ ...dutch, invoiceNumber: 4_200_020 })).paymentReference).toBeNull();
    expect((await create({ ...dutch, paymentReference: 'Factuur 2026-0042' })).paymentReference).toBe('Factuur 2026-0042');
    expect((await create({ ...dutch, paymentReference: 'rf18 5390 0754 7034' })).paymentReference).toBe('RF18539007547034');
    expect((await create({ ...dutch, paymentReference: '***085/1927/54115***' })).paymentReference).toBe('+++085/1927/54115+++');
  });

  it.each([
    ['a framed communication with wrong check digits', '+++123/4567/89012+++'],
    ['an RF reference with wrong check digits', 'RF19 5390 0754 7034'],
  ])('refuses %s', async (_name, given) => {
    await expectInvalidReference(
      CREATE,
      validReceivableInput(f, { accountID: f.dutch.id, accountBankAccountID: f.dutchBank.id, paymentReference: given }),
    );
  });
});

describe('updates', () => {
  it("check a changed reference, and generate one when a Belgian customer's is cleared", async () => {
    const r = await create({ invoiceNumber: 4_200_021 });
    await expectInvalidReference(UPDATE, { id: r.id, version: 1, paymentReference: '+++000/0420/00219+++' });
    const cleared = await gw.gql(UPDATE, { input: { id: r.id, version: 1, paymentReference: null } });
    expect(cleared.errors).toBeUndefined();
    // Its own communication is not another receivable's: the invoice number's comes back.
    expect(cleared.data.updateReceivable.paymentReference).toBe(expectedOgm('0004200021'));
    const described = await gw.gql(UPDATE, { input: { id: r.id, version: cleared.data.updateReceivable.version, description: 'x' } });
    expect(described.data.updateReceivable.paymentReference).toBe(expectedOgm('0004200021'));
  });

  it('check the reference again when the customer becomes a Belgian one', async () => {
    const dutch = { accountID: f.dutch.id, accountBankAccountID: null };
    const r = await create({ ...dutch, invoiceNumber: 4_200_022, paymentReference: 'Factuur 42' });
    await expectInvalidReference(UPDATE, { id: r.id, version: 1, accountID: f.belgian.id });
    const moved = await gw.gql(UPDATE, { input: { id: r.id, version: 1, accountID: f.belgian.id, paymentReference: null } });
    expect(moved.errors).toBeUndefined();
    expect(moved.data.updateReceivable).toMatchObject({ accountID: f.belgian.id, paymentReference: expectedOgm('0004200022') });
  });
});

describe('the seeded receivables', () => {
  it('carry a valid communication for every Belgian customer, unique in the division', async () => {
    // The seed's receivables: those of the customers this file made may repeat a given communication.
    const q =
      'select r.Division, r.PaymentReference, a.Country from Receivables r join Accounts a on a.ID = r.Account ' +
      "where a.Code <> 'TESTBE'";
    const res = await gw.gql(`query($q: String!) { sql(query: $q) { rows } }`, { q });
    const rows: { Division: number; PaymentReference: string | null; Country: string }[] = res.data.sql.rows;
    const belgian = rows.filter((r) => r.Country === 'BE');
    expect(belgian.length).toBeGreaterThan(0);
    for (const r of belgian) {
      expect({ ref: r.PaymentReference, valid: isValidOgm(r.PaymentReference) }).toEqual({ ref: r.PaymentReference, valid: true });
    }
    const keys = belgian.map((r) => `${r.Division}|${r.PaymentReference}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
