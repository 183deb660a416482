import { openSeededDatabase, TestDatabase } from '../support/database';
import { startTestGateway, TestGateway } from '../support/gateway';
import { DivisionFixture, divisionFixture, paymentById, paymentsFingerprint, validPaymentInput } from '../support/payments';

/**
 * Issue 11, section 4, for the payment mutations and the ageing: dates in the business range
 * (1901-2099; MariaDB would store 0001 as 2001), statement dates not before the invoice date,
 * percentages, day counts, periods, versions, ID lists. Every refusal names its field, and a
 * refused call writes nothing.
 */
let t: TestDatabase;
let gw: TestGateway;
let f: DivisionFixture;

beforeAll(async () => {
  t = await openSeededDatabase('payment_input_validation', { divisions: 2, payments: 40 });
  gw = await startTestGateway(t.db);
  f = await divisionFixture(t.db);
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

const CREATE = 'mutation($input: PaymentCreateInput!) { createPayment(input: $input) { id version invoiceDate dueDate } }';
const UPDATE = 'mutation($input: PaymentUpdateInput!) { updatePayment(input: $input) { id version } }';
const DELETE = 'mutation($input: [PaymentDeleteInput!]!) { deletePayments(input: $input) { deletedIDs } }';
const MATCH = 'mutation($input: MatchPaymentsInput!) { matchPayments(input: $input) { id status endDate } }';
const SELECT = 'mutation($ids: [UUID!]!) { selectPayments(paymentIDs: $ids) { id } }';
const UNMATCH = 'mutation($ids: [UUID!]!) { unmatchPayments(paymentIDs: $ids) { id } }';
const SPLIT =
  'mutation($id: UUID!, $version: Int!, $parts: [PaymentSplitPartInput!]!) { splitPayment(id: $id, version: $version, parts: $parts) { id } }';
const PROCESS = 'mutation($input: ProcessPaymentsInput!) { processPayments(input: $input) { id } }';

type Err = { message: string; extensions?: Record<string, unknown> };
const first = (res: { errors?: Err[] }) => res.errors?.[0];

async function create(overrides: Record<string, unknown> = {}) {
  const res = await gw.gql(CREATE, { input: validPaymentInput(f, overrides) });
  expect(res.errors).toBeUndefined();
  return res.data.createPayment as { id: string; version: number };
}

/** Runs a mutation that must be refused, and proves it wrote nothing. */
async function refused(query: string, variables: Record<string, unknown>): Promise<Err> {
  const before = await paymentsFingerprint(t.db);
  const res = await gw.gql(query, variables);
  expect(res.data?.[Object.keys(res.data ?? {})[0]] ?? null).toBeNull();
  expect(await paymentsFingerprint(t.db)).toBe(before);
  return first(res)!;
}

describe('payment dates', () => {
  it.each([
    ['invoiceDate', '1800-01-01T00:00:00Z', { dueDate: '2026-07-01T00:00:00Z' }],
    ['invoiceDate', '0001-01-01T00:00:00Z', {}],
    ['dueDate', '9999-01-01T00:00:00Z', {}],
    ['dueDate', '2100-01-01T00:00:00Z', {}],
    ['discountDueDate', '1900-12-31T00:00:00Z', {}],
    ['entryDate', '2206-06-01T00:00:00Z', {}],
    ['transactionDueDate', '0026-06-01T00:00:00Z', {}],
  ])('refuses %s %s, outside the years 1901 to 2099', async (field, value, others) => {
    const error = await refused(CREATE, { input: validPaymentInput(f, { ...others, [field]: value }) });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, rule: 'INVALID_VALUE' });
    expect(error.message).toMatch(new RegExp(`^input\\[0\\]\\.${field}: .* is outside the years 1901 to 2099$`));
  });

  it('refuses a discount due date before the invoice date', async () => {
    const error = await refused(CREATE, { input: validPaymentInput(f, { discountDueDate: '2026-05-31T00:00:00Z' }) });
    expect(error).toMatchObject({
      message: 'input[0].discountDueDate: the discount due date 2026-05-31 is before the invoice date 2026-06-01',
      extensions: { code: 'BAD_USER_INPUT', rule: 'DUE_BEFORE_INVOICE' },
    });
  });

  it('accepts the edges of the range', async () => {
    const p = await create({ invoiceDate: '1901-01-01T00:00:00Z', dueDate: '2099-12-31T00:00:00Z' });
    expect(await paymentById(t.db, p.id)).toMatchObject({
      invoiceDate: new Date('1901-01-01T00:00:00Z'),
      dueDate: new Date('2099-12-31T00:00:00Z'),
    });
  });
});

describe('payment numbers', () => {
  it.each([
    ['paymentDiscountPercentage', '150', 'must be from 0 to 100, got 150'],
    ['paymentDiscountPercentage', '-1', 'must be from 0 to 100, got -1'],
    ['paymentDays', -5, 'must be from 0 to 3660, got -5'],
    ['paymentDaysDiscount', 3661, 'must be from 0 to 3660, got 3661'],
    ['transactionReportingPeriod', 14, 'must be from 1 to 13, got 14'],
    ['transactionReportingPeriod', 0, 'must be from 1 to 13, got 0'],
    ['transactionReportingYear', 1900, 'must be from 1901 to 2099, got 1900'],
    ['invoiceNumber', 0, 'must be from 1 to 2147483647, got 0'],
    ['entryNumber', -1, 'must be from 1 to 2147483647, got -1'],
  ])('refuses %s %j', async (field, value, why) => {
    const error = await refused(CREATE, { input: validPaymentInput(f, { [field]: value }) });
    expect(error).toMatchObject({
      message: `input[0].${field}: ${why}`,
      extensions: { code: 'BAD_USER_INPUT', field, rule: 'INVALID_VALUE' },
    });
  });

  it('accepts the values the domain allows', async () => {
    const p = await create({
      paymentDiscountPercentage: '100',
      paymentDays: 0,
      paymentDaysDiscount: 3660,
      transactionReportingPeriod: 13,
      transactionReportingYear: 2026,
      invoiceNumber: 1,
    });
    expect(await paymentById(t.db, p.id)).toMatchObject({ paymentDays: 0, transactionReportingPeriod: 13 });
  });

  it('refuses a version that no payment can have', async () => {
    const p = await create();
    const error = await refused(UPDATE, { input: { id: p.id, version: 0, description: 'x' } });
    expect(error).toMatchObject({
      message: 'input[0].version: must be from 1 to 2147483647, got 0',
      extensions: { code: 'BAD_USER_INPUT', field: 'version' },
    });
    const del = await refused(DELETE, { input: [{ id: p.id, version: -3 }] });
    expect(del.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'version' });
  });

  it('refuses a payment named twice in one delete', async () => {
    const p = await create();
    const error = await refused(DELETE, { input: [{ id: p.id }, { id: p.id }] });
    expect(error).toMatchObject({
      message: `input[1].id: payment ${p.id} appears twice in the input`,
      extensions: { code: 'BAD_USER_INPUT', rule: 'DUPLICATE_ID' },
    });
  });
});

describe('matching dates and references', () => {
  it('refuses the date 1900-01-01 of issue 11, and any date before the invoice date', async () => {
    const p = await create();
    const old = await refused(MATCH, { input: { paymentIDs: [p.id], bankStatementLineReference: 'CODA 1', date: '1900-01-01T00:00:00Z' } });
    expect(old).toMatchObject({
      message: 'date: 1900-01-01T00:00:00.000Z is outside the years 1901 to 2099',
      extensions: { code: 'BAD_USER_INPUT', field: 'date' },
    });
    const early = await refused(MATCH, {
      input: { paymentIDs: [p.id], bankStatementLineReference: 'CODA 1', date: '2026-05-31T23:59:59Z' },
    });
    expect(early).toMatchObject({
      message: `date: 2026-05-31 is before the invoice date 2026-06-01 of payment ${p.id}`,
      extensions: { code: 'BAD_USER_INPUT', field: 'date', rule: 'DATE_BEFORE_INVOICE', id: p.id },
    });
    const res = await gw.gql(MATCH, { input: { paymentIDs: [p.id], bankStatementLineReference: 'CODA 1', date: '2026-06-01T08:00:00Z' } });
    expect(res.errors).toBeUndefined();
    expect(res.data.matchPayments).toEqual([{ id: p.id, status: 'MATCHED', endDate: '2026-06-01T00:00:00.000Z' }]);
  });

  it('refuses a blank reference instead of matching the payments with each other, and a date without a reference', async () => {
    const invoice = await create();
    const credit = await create({ amountFC: '-100.00', amountDC: '-100.00' });
    const blank = await refused(MATCH, { input: { paymentIDs: [invoice.id, credit.id], bankStatementLineReference: '   ' } });
    expect(blank.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'bankStatementLineReference', rule: 'REQUIRED' });
    const dated = await refused(MATCH, { input: { paymentIDs: [invoice.id, credit.id], date: '2026-06-20T00:00:00Z' } });
    expect(dated.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date' });
    const long = await refused(MATCH, { input: { paymentIDs: [invoice.id], bankStatementLineReference: 'x'.repeat(61) } });
    expect(long.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'bankStatementLineReference', rule: 'TOO_LONG' });
    const control = await refused(MATCH, { input: { paymentIDs: [invoice.id], bankStatementLineReference: 'CODA\n1' } });
    expect(control.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'bankStatementLineReference' });
  });
});

describe('ID lists', () => {
  const missing = '00000000-0000-4000-8000-0000000000bb';

  it.each([
    ['selectPayments', SELECT],
    ['unmatchPayments', UNMATCH],
  ])('%s: refuses an ID named twice, too many IDs, none, and names a missing one', async (_name, query) => {
    const p = await create();
    expect(await refused(query, { ids: [p.id, p.id] })).toMatchObject({
      message: `paymentIDs: names ${p.id} twice`,
      extensions: { code: 'BAD_USER_INPUT', field: 'paymentIDs' },
    });
    const many = Array.from({ length: 1001 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    expect(await refused(query, { ids: many })).toMatchObject({
      message: 'paymentIDs: must have at most 1000 items, got 1001',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect((await refused(query, { ids: [] })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'paymentIDs', rule: 'REQUIRED' });
    expect(await refused(query, { ids: [p.id, missing] })).toMatchObject({
      message: `paymentIDs: payment ${missing} was not found`,
      extensions: { code: 'NOT_FOUND', field: 'paymentIDs', ids: [missing] },
    });
  });

  it('matchPayments and processPayments: the same list rules', async () => {
    const p = await create();
    expect((await refused(MATCH, { input: { paymentIDs: [p.id, p.id], bankStatementLineReference: 'x' } })).message).toBe(
      `paymentIDs: names ${p.id} twice`,
    );
    const process = { divisionCode: f.division, bankAccountID: f.ownBank.id, executionDate: '2026-06-20T00:00:00Z' };
    expect((await refused(PROCESS, { input: { ...process, paymentIDs: [p.id, p.id] } })).message).toBe(`paymentIDs: names ${p.id} twice`);
    expect((await refused(PROCESS, { input: { ...process, paymentIDs: [missing] } })).extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'paymentIDs',
    });
    expect(await refused(PROCESS, { input: { ...process, divisionCode: 0 } })).toMatchObject({
      message: 'divisionCode: 0 is not a division code (a whole number from 1 to 2147483647)',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

describe('splitting', () => {
  it('refuses a part due outside the business years, too many parts, and version 0', async () => {
    const p = await create();
    const outside = await refused(SPLIT, {
      id: p.id,
      version: p.version,
      parts: [
        { amountFC: '50.00', dueDate: '2150-01-01T00:00:00Z' },
        { amountFC: '50.00', dueDate: '2026-08-01T00:00:00Z' },
      ],
    });
    expect(outside).toMatchObject({
      message: 'input[0].dueDate: part 1: 2150-01-01T00:00:00.000Z is outside the years 1901 to 2099',
      extensions: { code: 'BAD_USER_INPUT', field: 'dueDate' },
    });
    const parts = Array.from({ length: 101 }, () => ({ amountFC: '1.00', dueDate: '2026-08-01T00:00:00Z' }));
    expect((await refused(SPLIT, { id: p.id, version: p.version, parts })).message).toBe('parts: a split has at most 100 parts, got 101');
    expect((await refused(SPLIT, { id: p.id, version: 0, parts: parts.slice(0, 2) })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'version',
    });
    const missing = await refused(SPLIT, { id: '00000000-0000-4000-8000-0000000000cc', version: 1, parts: parts.slice(0, 2) });
    expect(missing).toMatchObject({
      message: 'id: payment 00000000-0000-4000-8000-0000000000cc was not found',
      extensions: { code: 'NOT_FOUND', field: 'id' },
    });
  });
});

describe('ageing', () => {
  it('refuses an as-of date outside the business years', async () => {
    const res = await gw.gql('{ paymentAgeing(asOf: "1800-01-01T00:00:00Z") { count } }');
    expect(first(res)).toMatchObject({
      message: 'asOf: 1800-01-01T00:00:00.000Z is outside the years 1901 to 2099',
      extensions: { code: 'BAD_USER_INPUT', field: 'asOf' },
    });
    expect((await gw.gql('{ paymentAgeing(asOf: "2026-06-15T00:00:00Z") { count } }')).errors).toBeUndefined();
  });
});
