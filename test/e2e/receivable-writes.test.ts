import { LOCAL_PRINCIPAL } from '../../src/access/authenticate';
import { Account } from '../../src/modules/accounts/account.entity';
import { Receivable } from '../../src/modules/receivables/receivable.entity';
import { Dec } from '../../src/platform/decimal';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { startTestGateway, TestGateway } from '../support/gateway';
import { ReceivableFixture, receivableFixture, receivablesFingerprint, validReceivableInput } from '../support/receivables';

/**
 * Creating, changing, splitting and deleting receivables over real HTTP: every rule refuses with
 * its code, the field and the rule, and writes nothing; versions and idempotency keys as for
 * payments; a caller of one division reaches nothing of another.
 */
let t: TestDatabase;
let gw: TestGateway;
let f: ReceivableFixture;

beforeAll(async () => {
  t = await openSeededDatabase('receivable_writes', { divisions: 2, payments: 60 });
  gw = await startTestGateway(t.db);
  f = await receivableFixture(t.db);
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

const FIELDS =
  'id version status source amountDC amountFC amountDiscountDC dueDate entryID paymentMethod paymentReference creatorID modifierID';
const CREATE = `mutation($input: ReceivableCreateInput!, $key: String) {
  createReceivable(input: $input, idempotencyKey: $key) { ${FIELDS} } }`;
const CREATE_MANY = `mutation($input: [ReceivableCreateInput!]!) { createReceivables(input: $input) { id } }`;
const UPDATE = `mutation($input: ReceivableUpdateInput!) { updateReceivable(input: $input) { ${FIELDS} description modified } }`;
const UPDATE_MANY = `mutation($input: [ReceivableUpdateInput!]!) { updateReceivables(input: $input) { id } }`;
const DELETE = `mutation($input: ReceivableDeleteInput!) { deleteReceivable(input: $input) { deletedIDs } }`;
const SPLIT = `mutation($id: UUID!, $version: Int!, $parts: [ReceivableSplitPartInput!]!) {
  splitReceivable(id: $id, version: $version, parts: $parts) { ${FIELDS} amountDiscountFC } }`;

/** Sends the mutation, expects one refusal with `code`, `field` and `rule`, and that no receivable changed. */
async function expectRefused(query: string, variables: Record<string, unknown>, code: string, field: string, rule: string) {
  const before = await receivablesFingerprint(t.db);
  const res = await gw.gql(query, variables);
  expect(res.errors).toHaveLength(1);
  const e = res.errors![0];
  expect({ code: e.extensions?.code, field: e.extensions?.field, rule: e.extensions?.rule }).toEqual({ code, field, rule });
  expect(e.message).toContain(field);
  expect(await receivablesFingerprint(t.db)).toBe(before);
  return e;
}

async function createOne(overrides: Record<string, unknown> = {}) {
  const res = await gw.gql(CREATE, { input: validReceivableInput(f, overrides) });
  expect(res.errors).toBeUndefined();
  return res.data.createReceivable;
}

/** Sets the status directly in the database (as processing would); TypeORM bumps the version: returns it. */
async function setStatus(id: string, status: number): Promise<number> {
  await t.db.dataSource.manager.update(Receivable, { id }, { status });
  return (await t.db.dataSource.manager.findOneByOrFail(Receivable, { id })).version;
}

describe('create', () => {
  it('creates an open manual receivable with audit columns from the principal and the clock', async () => {
    const r = await createOne({ amountDiscountDC: '5.00', discountDueDate: '2026-06-10T00:00:00Z' });
    expect(r).toMatchObject({
      status: 'OPEN',
      source: 'MANUAL',
      amountDC: '250.00',
      amountDiscountDC: '5.00',
      version: 1,
      paymentMethod: 'ON_CREDIT',
    });
    expect({ creator: r.creatorID, modifier: r.modifierID }).toEqual({ creator: LOCAL_PRINCIPAL.userId, modifier: LOCAL_PRINCIPAL.userId });
    expect(r.entryID).toMatch(/^[0-9a-f-]{36}$/);
    const read = await gw.gql(
      `query($id: UUID!) { receivable(id: $id) { accountName glAccountCode accountBankAccountNumber bankAccountNumber } }`,
      { id: r.id },
    );
    expect(read.data.receivable).toEqual({
      accountName: f.belgian.name,
      glAccountCode: f.receivables.code,
      accountBankAccountNumber: f.belgianBank.bankAccount,
      bankAccountNumber: f.ownBank.bankAccount,
    });
  });

  it('takes no audit, workflow or collection column from input', async () => {
    const before = await receivablesFingerprint(t.db);
    const values: Record<string, unknown> = {
      creatorID: LOCAL_PRINCIPAL.userId,
      status: 'PROCESSED',
      receivableSelectorID: LOCAL_PRINCIPAL.userId,
      cashflowTransactionBatchCode: 'X',
      endToEndID: 'E2E',
      isFullyPaid: true,
      lastPaymentDate: '2026-06-02T00:00:00Z',
      version: 3,
    };
    for (const [field, value] of Object.entries(values)) {
      const res = await gw.gql(CREATE, { input: validReceivableInput(f, { [field]: value }) });
      expect(res.errors?.[0].message).toContain(field);
    }
    expect(await receivablesFingerprint(t.db)).toBe(before);
  });

  it.each([
    ['a missing required column', { amountDC: undefined }, 'amountDC', 'REQUIRED'],
    ['a missing customer', { accountID: undefined }, 'accountID', 'REQUIRED'],
    ['an empty journal', { journalCode: '' }, 'journalCode', 'REQUIRED'],
    ['a description over 255 characters', { description: 'x'.repeat(256) }, 'description', 'TOO_LONG'],
    ['a mandate reference over 35 characters', { directDebitMandateReference: 'M'.repeat(36) }, 'directDebitMandateReference', 'TOO_LONG'],
    ['a currency that is not ISO 4217', { currency: 'EUX' }, 'currency', 'INVALID_CURRENCY'],
    [
      'more decimals than the currency has',
      { currency: 'JPY', amountFC: '100.50', rateFC: '0.006', amountDC: '0.60' },
      'amountFC',
      'AMOUNT_SCALE',
    ],
    [
      'AmountFC x RateFC not AmountDC to the cent',
      { amountFC: '100.00', rateFC: '1.1', amountDC: '110.01' },
      'amountDC',
      'AMOUNT_RATE_MISMATCH',
    ],
    ['a discount above the amount', { amountDiscountDC: '250.01' }, 'amountDiscountDC', 'DISCOUNT_EXCEEDS_AMOUNT'],
    ['a due date before the invoice date', { dueDate: '2026-05-31T12:00:00Z' }, 'dueDate', 'DUE_BEFORE_INVOICE'],
    ['an unknown journal', { journalCode: 'ZZ' }, 'journalCode', 'UNKNOWN_REFERENCE'],
    // The input rules payments have (shared in modules/open-items), for receivables as well.
    ['a date outside the business years', { invoiceDate: '0026-06-01T00:00:00Z' }, 'invoiceDate', 'INVALID_VALUE'],
    ['a discount percentage over 100', { paymentDiscountPercentage: '100.5' }, 'paymentDiscountPercentage', 'INVALID_VALUE'],
    ['a negative payment term', { paymentDays: -1 }, 'paymentDays', 'INVALID_VALUE'],
    ['a discount due date before the invoice date', { discountDueDate: '2026-05-01T00:00:00Z' }, 'discountDueDate', 'DUE_BEFORE_INVOICE'],
  ])('refuses %s', async (_name, overrides, field, rule) => {
    await expectRefused(CREATE, { input: validReceivableInput(f, overrides) }, 'BAD_USER_INPUT', field, rule);
  });

  it('refuses what belongs to the payable side or to another customer', async () => {
    const input = (o: Record<string, unknown>) => ({ input: validReceivableInput(f, o) });
    await expectRefused(CREATE, input({ glAccountID: f.payables.id }), 'BAD_USER_INPUT', 'glAccountID', 'GL_ACCOUNT_NOT_RECEIVABLE');
    await expectRefused(
      CREATE,
      input({ accountID: f.supplier.id, accountBankAccountID: null }),
      'BAD_USER_INPUT',
      'accountID',
      'ACCOUNT_NOT_CUSTOMER',
    );
    await expectRefused(
      CREATE,
      input({ accountBankAccountID: f.dutchBank.id }),
      'BAD_USER_INPUT',
      'accountBankAccountID',
      'BANK_ACCOUNT_NOT_CUSTOMERS',
    );
    await expectRefused(CREATE, input({ bankAccountID: f.belgianBank.id }), 'BAD_USER_INPUT', 'bankAccountID', 'BANK_ACCOUNT_NOT_OWN');
    const theirs = (await t.db.dataSource.manager.findOneBy(Account, { divisionCode: f.otherDivision, isSales: true, isSupplier: false }))!;
    await expectRefused(
      CREATE,
      input({ accountID: theirs.id, accountBankAccountID: null }),
      'BAD_USER_INPUT',
      'accountID',
      'UNKNOWN_REFERENCE',
    );
  });

  it('bulk: one bad row refuses the whole call, naming its index; good rows come back in input order', async () => {
    const before = await receivablesFingerprint(t.db);
    const bad = await gw.gql(CREATE_MANY, { input: [validReceivableInput(f), validReceivableInput(f, { currency: 'EUX' })] });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currency', index: 1 });
    expect(bad.errors?.[0].message).toMatch(/^input\[1\]\.currency:/);
    expect(await receivablesFingerprint(t.db)).toBe(before);
    const amounts = ['3.00', '1.00', '2.00'];
    const res = await gw.gql(`mutation($input: [ReceivableCreateInput!]!) { createReceivables(input: $input) { amountDC } }`, {
      input: amounts.map((a) => validReceivableInput(f, { amountFC: a, amountDC: a })),
    });
    expect(res.data.createReceivables.map((r: { amountDC: string }) => r.amountDC)).toEqual(amounts);
  });

  it('runs once per idempotency key, and refuses the key for other input', async () => {
    const key = `recv-${Date.now()}`;
    const input = validReceivableInput(f, { amountFC: '77.00', amountDC: '77.00' });
    const first = await gw.gql(CREATE, { input, key });
    const again = await gw.gql(CREATE, { input, key });
    expect(again.data.createReceivable.id).toBe(first.data.createReceivable.id);
    expect(await t.db.dataSource.manager.countBy(Receivable, { amountDC: '77.00' } as never)).toBe(1);
    const other = await gw.gql(CREATE, { input: { ...input, amountFC: '78.00', amountDC: '78.00' }, key });
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'IDEMPOTENCY_KEY_REUSED' });
  });
});

describe('update and delete', () => {
  it('changes the fields given, bumps the version and records the modifier', async () => {
    const r = await createOne();
    const res = await gw.gql(UPDATE, { input: { id: r.id, version: 1, description: 'Changed', amountFC: '300.00', amountDC: '300.00' } });
    expect(res.errors).toBeUndefined();
    expect(res.data.updateReceivable).toMatchObject({
      version: 2,
      description: 'Changed',
      amountDC: '300.00',
      paymentReference: r.paymentReference,
    });
  });

  it('refuses a stale version with CONFLICT, and a receivable named twice', async () => {
    const r = await createOne();
    await gw.gql(UPDATE, { input: { id: r.id, version: 1, description: 'first' } });
    const e = await expectRefused(
      UPDATE,
      { input: { id: r.id, version: 1, description: 'second' } },
      'CONFLICT',
      'version',
      'STALE_VERSION',
    );
    expect(e.extensions).toMatchObject({ currentVersion: 2 });
    const twice = {
      input: [
        { id: r.id, version: 2, yourRef: 'a' },
        { id: r.id, version: 2, yourRef: 'b' },
      ],
    };
    await expectRefused(UPDATE_MANY, twice, 'BAD_USER_INPUT', 'id', 'DUPLICATE_ID');
    await expectRefused(DELETE, { input: { id: r.id, version: 1 } }, 'CONFLICT', 'version', 'STALE_VERSION');
  });

  it('keeps the amounts of a selected receivable and all but the descriptive columns of a processed one', async () => {
    const r = await createOne();
    let version = await setStatus(r.id, 30);
    await expectRefused(
      UPDATE,
      { input: { id: r.id, version, amountFC: '1.00', amountDC: '1.00' } },
      'CONFLICT',
      'amountDC',
      'AMOUNTS_LOCKED',
    );
    expect((await gw.gql(UPDATE, { input: { id: r.id, version, dueDate: '2026-07-15T00:00:00Z' } })).errors).toBeUndefined();
    version = await setStatus(r.id, 40);
    await expectRefused(UPDATE, { input: { id: r.id, version, dueDate: '2026-07-20T00:00:00Z' } }, 'CONFLICT', 'dueDate', 'STATUS_LOCKED');
    expect((await gw.gql(UPDATE, { input: { id: r.id, version, yourRef: 'PO-1' } })).errors).toBeUndefined();
    await expectRefused(DELETE, { input: { id: r.id } }, 'CONFLICT', 'id', 'NOT_DELETABLE');
  });

  it('deletes an open receivable; an unknown one is NOT_FOUND', async () => {
    const r = await createOne();
    const res = await gw.gql(DELETE, { input: { id: r.id, version: 1 } });
    expect(res.data.deleteReceivable.deletedIDs).toEqual([r.id]);
    expect(await t.db.dataSource.manager.findOneBy(Receivable, { id: r.id })).toBeNull();
    await expectRefused(DELETE, { input: { id: r.id } }, 'NOT_FOUND', 'id', 'NOT_FOUND');
  });
});

describe('split', () => {
  it('splits into parts whose AmountFC sum exactly and whose AmountDC and discounts are shared to the cent', async () => {
    // 100.00 USD at 0.92155 is 92.155, stored 92.16; thirds of it are 30.718..., 30.718..., 30.727...
    const r = await createOne({
      currency: 'USD',
      amountFC: '100.00',
      rateFC: '0.92155',
      amountDC: '92.16',
      amountDiscountDC: '1.85',
      amountDiscountFC: '2.00',
    });
    const parts = [
      { amountFC: '33.33', dueDate: '2026-07-01T00:00:00Z' },
      { amountFC: '33.33', dueDate: '2026-08-01T00:00:00Z' },
      { amountFC: '33.34', dueDate: '2026-09-01T00:00:00Z' },
    ];
    const res = await gw.gql(SPLIT, { id: r.id, version: 1, parts });
    expect(res.errors).toBeUndefined();
    const out = res.data.splitReceivable;
    expect(out.map((p: any) => p.amountFC)).toEqual(['33.33', '33.33', '33.34']);
    expect(out[0]).toMatchObject({ id: r.id, entryID: r.entryID, version: 2, paymentReference: r.paymentReference });
    expect(out[1].id).not.toBe(r.id);
    expect(new Set(out.map((p: any) => p.entryID)).size).toBe(3);
    for (const p of out.slice(1)) expect(p).toMatchObject({ version: 1, status: 'OPEN', paymentReference: r.paymentReference });
    const total = (field: string) => out.reduce((a: Dec, p: any) => a.plus(p[field]), new Dec(0)).toFixed(2);
    expect({ dc: total('amountDC'), discountDC: total('amountDiscountDC'), discountFC: total('amountDiscountFC') }).toEqual({
      dc: '92.16',
      discountDC: '1.85',
      discountFC: '2.00',
    });
    for (const p of out) expect(new Dec(p.amountFC).times('0.92155').minus(p.amountDC).abs().lte('0.01')).toBe(true);
  });

  it('refuses parts that do not add up, a stale version and a receivable that is not open', async () => {
    const r = await createOne();
    const parts = (a: string, b: string) => [
      { amountFC: a, dueDate: '2026-07-01T00:00:00Z' },
      { amountFC: b, dueDate: '2026-08-01T00:00:00Z' },
    ];
    await expectRefused(SPLIT, { id: r.id, version: 1, parts: parts('100.00', '100.00') }, 'BAD_USER_INPUT', 'parts', 'SPLIT_NOT_EXACT');
    await expectRefused(SPLIT, { id: r.id, version: 2, parts: parts('100.00', '150.00') }, 'CONFLICT', 'version', 'STALE_VERSION');
    await expectRefused(SPLIT, { id: r.id, version: 0, parts: parts('100.00', '150.00') }, 'BAD_USER_INPUT', 'version', 'INVALID_VALUE');
    const early = [{ amountFC: '100.00', dueDate: '2026-05-01T00:00:00Z' }, parts('1', '150.00')[1]];
    await expectRefused(SPLIT, { id: r.id, version: 1, parts: early }, 'BAD_USER_INPUT', 'dueDate', 'DUE_BEFORE_INVOICE');
    const version = await setStatus(r.id, 30);
    await expectRefused(SPLIT, { id: r.id, version, parts: parts('100.00', '150.00') }, 'CONFLICT', 'id', 'AMOUNTS_LOCKED');
  });
});

describe('access', () => {
  it('needs receivables:write', async () => {
    const payables = await gw.as({ scopes: ['payments:write', 'payments:read'] });
    const res = await payables(CREATE, { input: validReceivableInput(f) });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', scope: 'receivables:write' });
  });

  it("a caller of another division gets NOT_FOUND for this division's receivables and FORBIDDEN for writes into it", async () => {
    const r = await createOne();
    const other = await gw.as({ divisions: [f.otherDivision], scopes: ['receivables:write', 'receivables:read'] });
    const before = await receivablesFingerprint(t.db);
    const attempts = [
      await other(UPDATE, { input: { id: r.id, version: 1, description: 'x' } }),
      await other(DELETE, { input: { id: r.id } }),
      await other(SPLIT, {
        id: r.id,
        version: 1,
        parts: [
          { amountFC: '1.00', dueDate: '2026-07-01T00:00:00Z' },
          { amountFC: '249.00', dueDate: '2026-07-01T00:00:00Z' },
        ],
      }),
      await other(UPDATE_MANY, { input: [{ id: r.id, version: 1, description: 'x' }] }),
      await other(`mutation($input: [ReceivableDeleteInput!]!) { deleteReceivables(input: $input) { deletedIDs } }`, {
        input: [{ id: r.id }],
      }),
      await other(`query($id: UUID!) { receivable(id: $id) { id } }`, { id: r.id }),
    ];
    for (const res of attempts) expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    for (const res of [
      await other(CREATE, { input: validReceivableInput(f) }),
      await other(CREATE_MANY, { input: [validReceivableInput(f)] }),
    ]) {
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'divisionCode' });
    }
    expect(await receivablesFingerprint(t.db)).toBe(before);
  });
});
