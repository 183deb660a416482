import { IsNull } from 'typeorm';
import { Account } from '../../src/modules/accounts/account.entity';
import { GLAccount } from '../../src/modules/gl-accounts/gl-account.entity';
import { BankAccount } from '../../src/modules/bank-accounts/bank-account.entity';
import { Payment } from '../../src/modules/payments/payment.entity';
import { LOCAL_PRINCIPAL } from '../../src/access/authenticate';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { startTestGateway, TestGateway } from '../support/gateway';
import { DivisionFixture, divisionFixture, insertRow, paymentById, paymentsFingerprint, validPaymentInput } from '../support/payments';

let t: TestDatabase;
let gw: TestGateway;
let f: DivisionFixture;
let customer: Account;
let badIbanBank: BankAccount;
let badBicBank: BankAccount;

beforeAll(async () => {
  t = await openSeededDatabase('payment_writes', { divisions: 2, payments: 120 });
  gw = await startTestGateway(t.db);
  f = await divisionFixture(t.db);
  const audit = { divisionCode: f.division };
  customer = await insertRow(t.db, Account, { ...audit, code: 'CUST1', name: 'A customer', isSupplier: false, isSales: true });
  badIbanBank = await insertRow(t.db, BankAccount, {
    ...audit,
    accountID: f.supplier.id,
    bankAccount: 'BE68539007547035',
    bic: null,
    main: false,
  });
  badBicBank = await insertRow(t.db, BankAccount, {
    ...audit,
    accountID: f.supplier.id,
    bankAccount: 'BE68539007547034',
    bic: 'NOTABIC',
    main: false,
  });
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

const CREATE = `mutation($input: PaymentCreateInput!, $key: String) { createPayment(input: $input, idempotencyKey: $key) { id version status source amountDC creatorID modifierID created createdUtc entryID paymentMethod } }`;
const CREATE_MANY = `mutation($input: [PaymentCreateInput!]!) { createPayments(input: $input) { id } }`;
const UPDATE = `mutation($input: PaymentUpdateInput!) { updatePayment(input: $input) { id version amountDC amountFC description modified modifierID } }`;
const DELETE = `mutation($input: PaymentDeleteInput!) { deletePayment(input: $input) { deletedIDs } }`;

/** Sends the mutation, expects one refusal with `code`, `field` and `rule`, and that no payment changed. */
async function expectRefused(query: string, input: unknown, code: string, field: string, rule: string) {
  const before = await paymentsFingerprint(t.db);
  const res = await gw.gql(query, { input });
  expect(res.errors).toHaveLength(1);
  const e = res.errors![0];
  expect({ code: e.extensions?.code, field: e.extensions?.field, rule: e.extensions?.rule }).toEqual({ code, field, rule });
  expect(e.message).toContain(field);
  expect(await paymentsFingerprint(t.db)).toBe(before);
  return e;
}

async function createOne(overrides: Record<string, unknown> = {}) {
  const res = await gw.gql(CREATE, { input: validPaymentInput(f, overrides) });
  expect(res.errors).toBeUndefined();
  return res.data.createPayment as { id: string; version: number };
}

async function setStatus(id: string, status: number) {
  await t.db.dataSource.manager.update(Payment, { id }, { status });
  return (await paymentById(t.db, id))!;
}

describe('create: audit and defaults', () => {
  it('creates an open manual payment with audit columns from the principal and the clock', async () => {
    const before = Date.now();
    const res = await gw.gql(CREATE, { input: validPaymentInput(f) });
    expect(res.errors).toBeUndefined();
    const p = res.data.createPayment;
    expect(p).toMatchObject({ status: 'OPEN', source: 'MANUAL', amountDC: '100.00', version: 1, paymentMethod: 'ON_CREDIT' });
    expect(p.creatorID).toBe(LOCAL_PRINCIPAL.userId);
    expect(p.modifierID).toBe(LOCAL_PRINCIPAL.userId);
    expect(new Date(p.createdUtc).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(p.entryID).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('does not accept audit or workflow columns from input', async () => {
    const before = await paymentsFingerprint(t.db);
    for (const field of ['creatorID', 'created', 'status', 'modifierID', 'paymentSelectorID', 'cashflowTransactionBatchCode', 'version']) {
      const res = await gw.gql(CREATE, {
        input: validPaymentInput(f, {
          [field]:
            field === 'created'
              ? '2020-01-01T00:00:00Z'
              : field === 'version'
                ? 7
                : field === 'status'
                  ? 'PROCESSED'
                  : '00000000-0000-4000-8000-000000000009',
        }),
      });
      expect(res.errors?.[0].message).toContain(field);
    }
    expect(await paymentsFingerprint(t.db)).toBe(before);
  });
});

describe('create: every rule refuses with code, field and rule, and writes nothing', () => {
  it.each([
    ['a missing required column', { amountDC: undefined }, 'amountDC', 'REQUIRED'],
    ['a missing supplier', { accountID: undefined }, 'accountID', 'REQUIRED'],
    ['a missing due date', { dueDate: undefined }, 'dueDate', 'REQUIRED'],
    ['an empty journal', { journalCode: '' }, 'journalCode', 'REQUIRED'],
    ['a description over 255 characters', { description: 'x'.repeat(256) }, 'description', 'TOO_LONG'],
    ['a payment reference over 60 characters', { paymentReference: 'r'.repeat(61) }, 'paymentReference', 'TOO_LONG'],
    ['a your-reference over 30 characters', { yourRef: 'y'.repeat(31) }, 'yourRef', 'TOO_LONG'],
    ['a currency that is not ISO 4217', { currency: 'EUX' }, 'currency', 'INVALID_CURRENCY'],
    ['more decimals than the column has', { amountFC: '100.001', amountDC: '100.00' }, 'amountFC', 'AMOUNT_SCALE'],
    [
      'AmountFC x RateFC not AmountDC to the cent',
      { amountFC: '100.00', rateFC: '1.1', amountDC: '110.01' },
      'amountDC',
      'AMOUNT_RATE_MISMATCH',
    ],
    ['a discount above the amount', { amountDiscountDC: '100.01' }, 'amountDiscountDC', 'DISCOUNT_EXCEEDS_AMOUNT'],
    ['a due date before the invoice date', { dueDate: '2026-05-31T23:00:00Z' }, 'dueDate', 'DUE_BEFORE_INVOICE'],
  ])('%s', async (_name, overrides, field, rule) => {
    await expectRefused(CREATE, validPaymentInput(f, overrides), 'BAD_USER_INPUT', field, rule);
  });

  it('accepts a foreign currency whose amounts agree to the cent', async () => {
    const p = await createOne({ currency: 'USD', amountFC: '100.00', rateFC: '0.92155', amountDC: '92.16' });
    expect(p.id).toBeTruthy();
  });

  it('a G/L account that is not of type 22', async () => {
    await expectRefused(
      CREATE,
      validPaymentInput(f, { glAccountID: f.bankGl.id }),
      'BAD_USER_INPUT',
      'glAccountID',
      'GL_ACCOUNT_NOT_PAYABLE',
    );
  });
  it('an account that is not a supplier', async () => {
    await expectRefused(
      CREATE,
      validPaymentInput(f, { accountID: customer.id, accountBankAccountID: null }),
      'BAD_USER_INPUT',
      'accountID',
      'ACCOUNT_NOT_SUPPLIER',
    );
  });
  it('a supplier of another division', async () => {
    await expectRefused(
      CREATE,
      validPaymentInput(f, { divisionCode: f.otherDivision }),
      'BAD_USER_INPUT',
      'glAccountID',
      'UNKNOWN_REFERENCE',
    );
  });
  it('a supplier, G/L account or own bank account of another division', async () => {
    const m = t.db.dataSource.manager;
    const theirSupplier = (await m.findOneBy(Account, { divisionCode: f.otherDivision, isSupplier: true }))!;
    const theirBank = (await m.findOneBy(BankAccount, { divisionCode: f.otherDivision, accountID: IsNull() }))!;
    const theirGl = (await m.findOneBy(GLAccount, { divisionCode: f.otherDivision, type: 22 }))!;
    await expectRefused(
      CREATE,
      validPaymentInput(f, { accountID: theirSupplier.id, accountBankAccountID: null }),
      'BAD_USER_INPUT',
      'accountID',
      'UNKNOWN_REFERENCE',
    );
    await expectRefused(
      CREATE,
      validPaymentInput(f, { bankAccountID: theirBank.id }),
      'BAD_USER_INPUT',
      'bankAccountID',
      'UNKNOWN_REFERENCE',
    );
    await expectRefused(CREATE, validPaymentInput(f, { glAccountID: theirGl.id }), 'BAD_USER_INPUT', 'glAccountID', 'UNKNOWN_REFERENCE');
  });
  it('a bank account of another supplier', async () => {
    await expectRefused(
      CREATE,
      validPaymentInput(f, { accountBankAccountID: f.otherSupplierBank.id }),
      'BAD_USER_INPUT',
      'accountBankAccountID',
      'BANK_ACCOUNT_NOT_SUPPLIERS',
    );
  });
  it('a supplier bank account as own bank account', async () => {
    await expectRefused(
      CREATE,
      validPaymentInput(f, { bankAccountID: f.supplierBank.id }),
      'BAD_USER_INPUT',
      'bankAccountID',
      'BANK_ACCOUNT_NOT_OWN',
    );
  });
  it('a supplier bank account with an invalid IBAN', async () => {
    await expectRefused(
      CREATE,
      validPaymentInput(f, { accountBankAccountID: badIbanBank.id }),
      'BAD_USER_INPUT',
      'accountBankAccountID',
      'INVALID_IBAN',
    );
  });
  it('a supplier bank account with an invalid BIC', async () => {
    await expectRefused(
      CREATE,
      validPaymentInput(f, { accountBankAccountID: badBicBank.id }),
      'BAD_USER_INPUT',
      'accountBankAccountID',
      'INVALID_BIC',
    );
  });
  it('an unknown journal', async () => {
    await expectRefused(CREATE, validPaymentInput(f, { journalCode: 'ZZ' }), 'BAD_USER_INPUT', 'journalCode', 'UNKNOWN_REFERENCE');
  });

  it('bulk: one bad row refuses the whole call, naming its index', async () => {
    const before = await paymentsFingerprint(t.db);
    const res = await gw.gql(CREATE_MANY, {
      input: [validPaymentInput(f), validPaymentInput(f), validPaymentInput(f, { currency: 'EUX' })],
    });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currency', index: 2 });
    expect(res.errors?.[0].message).toMatch(/^input\[2\]\.currency:/);
    expect(await paymentsFingerprint(t.db)).toBe(before);
  });

  it('bulk: creates every row in one call and answers them in input order', async () => {
    const amounts = ['5.00', '1.00', '4.00', '2.00', '3.00', '6.00'];
    const res = await gw.gql(`mutation($input: [PaymentCreateInput!]!) { createPayments(input: $input) { id amountDC } }`, {
      input: amounts.map((a) => validPaymentInput(f, { amountFC: a, amountDC: a })),
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.createPayments.map((p: { amountDC: string }) => p.amountDC)).toEqual(amounts);
    for (const p of res.data.createPayments) expect((await paymentById(t.db, p.id))!.amountDC).toBe(p.amountDC);
  });
});

describe('update and delete: versions and statuses', () => {
  it('changes the given fields, bumps the version, sets the modifier', async () => {
    const p = await createOne();
    const res = await gw.gql(UPDATE, {
      input: { id: p.id, version: p.version, description: 'Changed', amountFC: '80.00', amountDC: '80.00' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.updatePayment).toMatchObject({
      description: 'Changed',
      amountDC: '80.00',
      version: 2,
      modifierID: LOCAL_PRINCIPAL.userId,
    });
  });

  it('a stale version gets CONFLICT and changes nothing', async () => {
    const p = await createOne();
    await gw.gql(UPDATE, { input: { id: p.id, version: 1, description: 'First' } });
    const e = await expectRefused(UPDATE, { id: p.id, version: 1, description: 'Second' }, 'CONFLICT', 'version', 'STALE_VERSION');
    expect(e.extensions?.currentVersion).toBe(2);
    expect((await paymentById(t.db, p.id))!.description).toBe('First');
  });

  it('an update applying the rules to the merged row (due date before the invoice date)', async () => {
    const p = await createOne();
    await expectRefused(
      UPDATE,
      { id: p.id, version: 1, invoiceDate: '2026-07-02T00:00:00Z' },
      'BAD_USER_INPUT',
      'dueDate',
      'DUE_BEFORE_INVOICE',
    );
  });

  it('cannot clear a required column', async () => {
    const p = await createOne();
    await expectRefused(UPDATE, { id: p.id, version: 1, journalCode: null }, 'BAD_USER_INPUT', 'journalCode', 'REQUIRED');
  });

  it('the amounts of a selected payment cannot change', async () => {
    const p = await createOne();
    const { version } = await setStatus(p.id, 30);
    await expectRefused(UPDATE, { id: p.id, version, amountFC: '90.00', amountDC: '90.00' }, 'CONFLICT', 'amountDC', 'AMOUNTS_LOCKED');
    const ok = await gw.gql(UPDATE, { input: { id: p.id, version, description: 'Still allowed' } });
    expect(ok.errors).toBeUndefined();
  });

  it('a processed payment keeps everything but its description', async () => {
    const p = await createOne();
    const { version } = await setStatus(p.id, 40);
    await expectRefused(UPDATE, { id: p.id, version, dueDate: '2026-08-01T00:00:00Z' }, 'CONFLICT', 'dueDate', 'STATUS_LOCKED');
    await expectRefused(UPDATE, { id: p.id, version, amountFC: '1.00', amountDC: '1.00' }, 'CONFLICT', 'amountDC', 'STATUS_LOCKED');
  });

  it.each([[40], [50]])('a payment of status %i cannot be deleted', async (status) => {
    const p = await createOne();
    await setStatus(p.id, status);
    await expectRefused(DELETE, { id: p.id }, 'CONFLICT', 'id', 'NOT_DELETABLE');
    expect(await paymentById(t.db, p.id)).not.toBeNull();
  });

  it('deletes an open payment; a stale version on delete gets CONFLICT', async () => {
    const p = await createOne();
    await expectRefused(DELETE, { id: p.id, version: 5 }, 'CONFLICT', 'version', 'STALE_VERSION');
    const res = await gw.gql(DELETE, { input: { id: p.id, version: 1 } });
    expect(res.data.deletePayment.deletedIDs).toEqual([p.id]);
    expect(await paymentById(t.db, p.id)).toBeNull();
  });

  it('bulk update: one stale row refuses the whole call and changes nothing', async () => {
    const a = await createOne();
    const b = await createOne();
    const before = await paymentsFingerprint(t.db);
    const res = await gw.gql(`mutation($input: [PaymentUpdateInput!]!) { updatePayments(input: $input) { id } }`, {
      input: [
        { id: a.id, version: 1, description: 'A' },
        { id: b.id, version: 9, description: 'B' },
      ],
    });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'version', rule: 'STALE_VERSION', index: 1 });
    expect(await paymentsFingerprint(t.db)).toBe(before);
  });

  it('an unknown payment is NOT_FOUND', async () => {
    await expectRefused(DELETE, { id: '00000000-0000-4000-8000-00000000dead' }, 'NOT_FOUND', 'id', 'NOT_FOUND');
  });
});

describe('idempotency', () => {
  it('a retry with the same key and input returns the first result and creates nothing twice', async () => {
    const input = validPaymentInput(f, { description: 'Idempotent' });
    const first = await gw.gql(CREATE, { input, key: 'create-1' });
    const countAfterFirst = await t.db.dataSource.manager.countBy(Payment, { description: 'Idempotent' });
    const second = await gw.gql(CREATE, { input, key: 'create-1' });
    expect(second.errors).toBeUndefined();
    expect(second.data.createPayment).toEqual(first.data.createPayment);
    expect(await t.db.dataSource.manager.countBy(Payment, { description: 'Idempotent' })).toBe(countAfterFirst);
    expect(countAfterFirst).toBe(1);
  });

  it('the same key with other input is refused', async () => {
    await gw.gql(CREATE, { input: validPaymentInput(f), key: 'create-2' });
    const before = await paymentsFingerprint(t.db);
    const res = await gw.gql(CREATE, { input: validPaymentInput(f, { description: 'Other' }), key: 'create-2' });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey', rule: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await paymentsFingerprint(t.db)).toBe(before);
  });

  it('the same key sent 6 times at once creates one payment, and every call gets its result', async () => {
    const input = validPaymentInput(f, { description: 'Idempotent burst' });
    const results = await Promise.all(Array.from({ length: 6 }, () => gw.gql(CREATE, { input, key: 'burst-1' })));
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(new Set(results.map((r) => r.data.createPayment.id)).size).toBe(1);
    expect(await t.db.dataSource.manager.countBy(Payment, { description: 'Idempotent burst' })).toBe(1);
  });

  it('a refused call stores nothing: the key can be used again', async () => {
    const bad = await gw.gql(CREATE, { input: validPaymentInput(f, { currency: 'EUX' }), key: 'create-3' });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const good = await gw.gql(CREATE, { input: validPaymentInput(f), key: 'create-3' });
    expect(good.errors).toBeUndefined();
  });
});
