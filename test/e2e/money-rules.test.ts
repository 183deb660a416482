import { CanonicalValues1764200000000 } from '../../migrations/1764200000000-canonical-values';
import { BankAccount } from '../../src/modules/bank-accounts/bank-account.entity';
import { Payment } from '../../src/modules/payments/payment.entity';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { startTestGateway, TestGateway } from '../support/gateway';
import { daysFromToday, DivisionFixture, divisionFixture, paymentById, paymentsFingerprint, validPaymentInput } from '../support/payments';
import { sharedFile, validateAgainstXsd } from '../support/shared-files';

/**
 * Money and bank-file rules of issue 11 (section 2), on the running gateway: text limits counted
 * after conversion to the SEPA character set, foreign-currency splits, the days that decide a
 * discount, and currency codes. Expected values are worked out from the rules in the comments.
 */
let t: TestDatabase;
let gw: TestGateway;
let f: DivisionFixture;

beforeAll(async () => {
  t = await openSeededDatabase('money_rules', { divisions: 2, payments: 60 });
  gw = await startTestGateway(t.db);
  f = await divisionFixture(t.db);
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

const CREATE = `mutation($input: PaymentCreateInput!) { createPayment(input: $input) { id version currency amountFC amountDC } }`;
const UPDATE = `mutation($input: PaymentUpdateInput!) { updatePayment(input: $input) { id version currency description amountDC } }`;
const SPLIT = `mutation($id: UUID!, $version: Int!, $parts: [PaymentSplitPartInput!]!) {
  splitPayment(id: $id, version: $version, parts: $parts) { id version amountFC amountDC amountDiscountDC amountDiscountFC }
}`;
const PROCESS = `mutation($input: ProcessPaymentsInput!) { processPayments(input: $input) { id totalAmountDC file { content } } }`;
const QR = `query($id: UUID!, $payOn: DateTime) { payment(id: $id) { epcQr(payOn: $payOn) { payload } } }`;
const MATCH = `mutation($input: MatchPaymentsInput!) { matchPayments(input: $input) { id endDate } }`;

async function create(overrides: Record<string, unknown> = {}) {
  const res = await gw.gql(CREATE, { input: validPaymentInput(f, overrides) });
  expect(res.errors).toBeUndefined();
  return res.data.createPayment as { id: string; version: number; currency: string; amountFC: string; amountDC: string };
}

const process = (paymentIDs: string[], executionDate: string) =>
  gw.gql(PROCESS, { input: { divisionCode: f.division, paymentIDs, bankAccountID: f.ownBank.id, executionDate } });

const xmlOf = (res: { data?: any }) => Buffer.from(res.data.processPayments.file.content, 'base64').toString('utf8');
const texts = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]);
const refusal = (res: { errors?: any[] }) => res.errors?.[0]?.extensions;

describe('text limits count after conversion to the SEPA character set', () => {
  // 150 characters; in the SEPA set ß -> ss (+1, twice) and € -> EUR (+2): 154. Cut after
  // converting, the file carries its first 140; cut before (the fault), 144 reached the file check.
  const head = 'Großhandel Weiß GmbH Rechnung 2026-118 über €1.250,00 zahlbar ';
  const description = head + 'x'.repeat(150 - head.length);
  const inSepa = 'Grosshandel Weiss GmbH Rechnung 2026-118 uber EUR1.250,00 zahlbar ' + 'x'.repeat(150 - head.length);

  it('a 150-character description with ß and € is paid, its remittance cut to 140 in the SEPA set', async () => {
    expect([...description].length).toBe(150);
    expect(inSepa.length).toBe(154);
    const p = await create({ description });
    const res = await process([p.id], daysFromToday(1));
    expect(res.errors).toBeUndefined();
    const xml = xmlOf(res);
    expect(texts(xml, 'Ustrd')).toEqual([inSepa.slice(0, 140)]);
    const xsd = sharedFile('standards/pain.001.001.03.xsd');
    if (xsd) expect(validateAgainstXsd(xml, xsd)).toMatchObject({ ok: true });
  });

  it('a creditor name of 70 characters with ß is cut to 70 after conversion', async () => {
    // 70 characters as written, 72 in the SEPA set (two ß): the file carries the first 70 of those.
    const name = 'Straßenbau und Gießerei ' + 'N'.repeat(46);
    expect([...name].length).toBe(70);
    const holder = f.otherSupplierBank.bankAccountHolderName;
    await t.db.dataSource.manager.update(BankAccount, { id: f.otherSupplierBank.id }, { bankAccountHolderName: name });
    try {
      const p = await create({ accountID: f.otherSupplier.id, accountBankAccountID: f.otherSupplierBank.id });
      const res = await process([p.id], daysFromToday(1));
      expect(res.errors).toBeUndefined();
      const creditor = [...xmlOf(res).matchAll(/<Cdtr>\s*<Nm>([^<]*)<\/Nm>/g)].map((m) => m[1]);
      expect(creditor).toEqual([('Strassenbau und Giesserei ' + 'N'.repeat(46)).slice(0, 70)]);
    } finally {
      await t.db.dataSource.manager.update(BankAccount, { id: f.otherSupplierBank.id }, { bankAccountHolderName: holder });
    }
  });

  it('the QR code carries the longest text whose SEPA form fits 140 characters', async () => {
    const p = await create({ description });
    const res = await gw.gql(QR, { id: p.id });
    expect(res.errors).toBeUndefined();
    const lines = res.data.payment.epcQr.payload.split('\n');
    // Written as UTF-8: 136 characters of the description convert to 140 (ß +1 twice, € +2).
    expect(lines[10]).toBe([...description].slice(0, 136).join(''));
  });
});

describe('splitting a foreign-currency payment', () => {
  it('USD 100.00 at 1.5 split 33.33 / 33.33 / 33.34: accepted, AmountDC adds up to 150.00', async () => {
    const p = await create({ currency: 'USD', amountFC: '100.00', rateFC: '1.5', amountDC: '150.00' });
    const res = await gw.gql(SPLIT, {
      id: p.id,
      version: p.version,
      parts: ['33.33', '33.33', '33.34'].map((amountFC, i) => ({ amountFC, dueDate: daysFromToday(30 * (i + 1)) })),
    });
    expect(res.errors).toBeUndefined();
    const parts = res.data.splitPayment as { id: string; version: number; amountFC: string; amountDC: string }[];
    // AmountFC x 1.5 = 49.995, 49.995, 50.01; rounded 50.00, 50.00, 50.01 = 150.01, one cent too
    // many, taken from the first part rounded up: 49.99, 50.00, 50.01 = 150.00.
    expect(parts.map((x) => [x.amountFC, x.amountDC])).toEqual([
      ['33.33', '49.99'],
      ['33.33', '50.00'],
      ['33.34', '50.01'],
    ]);
    // A part keeps the cent its share moved on later changes that leave its amounts alone...
    const update = await gw.gql(UPDATE, { input: { id: parts[0].id, version: parts[0].version, description: 'first third' } });
    expect(update.errors).toBeUndefined();
    // ...but a change of its amounts must meet the rate to the cent again.
    const changed = await gw.gql(UPDATE, { input: { id: parts[1].id, version: parts[1].version, amountFC: '33.34', amountDC: '50.00' } });
    expect(refusal(changed)).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'AMOUNT_RATE_MISMATCH', expected: '50.01' });
  });

  it('shares the discounts too, each adding up exactly', async () => {
    const p = await create({
      currency: 'GBP',
      amountFC: '10.00',
      rateFC: '1.17',
      amountDC: '11.70',
      amountDiscountFC: '1.00',
      amountDiscountDC: '1.17',
    });
    const res = await gw.gql(SPLIT, {
      id: p.id,
      version: p.version,
      parts: ['3.33', '3.33', '3.34'].map((amountFC) => ({ amountFC, dueDate: daysFromToday(10) })),
    });
    expect(res.errors).toBeUndefined();
    const parts = res.data.splitPayment as Record<string, string>[];
    // AmountDC: 3.8961, 3.8961, 3.9078 -> 3.90, 3.90, 3.91 = 11.71; the cent comes off the first: 3.89.
    expect(parts.map((x) => x.amountDC)).toEqual(['3.89', '3.90', '3.91']);
    // Discount DC 1.17 in proportion: 0.38961, 0.38961, 0.39078 -> 0.39 each = 1.17.
    expect(parts.map((x) => x.amountDiscountDC)).toEqual(['0.39', '0.39', '0.39']);
    // Discount FC 1.00: 0.333, 0.333, 0.334 -> 0.33, 0.33, 0.33 = 0.99; the cent goes to the last (rounded down most).
    expect(parts.map((x) => x.amountDiscountFC)).toEqual(['0.33', '0.33', '0.34']);
  });

  it('a JPY payment splits in whole yen, and a part in sen is refused', async () => {
    const p = await create({ currency: 'JPY', amountFC: '1000', rateFC: '0.0062', amountDC: '6.20' });
    const sen = await gw.gql(SPLIT, {
      id: p.id,
      version: p.version,
      parts: [
        { amountFC: '500.50', dueDate: daysFromToday(5) },
        { amountFC: '499.50', dueDate: daysFromToday(6) },
      ],
    });
    expect(refusal(sen)).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'AMOUNT_SCALE', field: 'amountFC' });
    const res = await gw.gql(SPLIT, {
      id: p.id,
      version: p.version,
      parts: ['333', '333', '334'].map((amountFC) => ({ amountFC, dueDate: daysFromToday(5) })),
    });
    expect(res.errors).toBeUndefined();
    // 333 x 0.0062 = 2.0646 -> 2.06 (twice), 334 x 0.0062 = 2.0708 -> 2.07: 6.19, one cent short,
    // given to a part rounded down the most (the first): 2.07, 2.06, 2.07.
    expect(res.data.splitPayment.map((x: Record<string, string>) => x.amountDC)).toEqual(['2.07', '2.06', '2.07']);
  });
});

describe('the day the money leaves decides the discount', () => {
  // 10.00 with a discount of 2.00 until the given day.
  const discounted = (discountDueDate: string) =>
    create({ amountFC: '10.00', amountDC: '10.00', amountDiscountDC: '2.00', amountDiscountFC: '2.00', discountDueDate });

  it('refuses an execution date before today (2020-01-01 and yesterday) and writes nothing', async () => {
    const p = await discounted(daysFromToday(-1));
    for (const day of ['2020-01-01T00:00:00Z', daysFromToday(-1)]) {
      const before = await paymentsFingerprint(t.db);
      const res = await process([p.id], day);
      expect(refusal(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'executionDate', rule: 'DATE_IN_PAST' });
      expect(await paymentsFingerprint(t.db)).toBe(before);
    }
  });

  it('executed today, a discount that expired yesterday is not granted; one due today is', async () => {
    const expired = await discounted(daysFromToday(-1));
    const dueToday = await discounted(daysFromToday(0));
    const res = await process([expired.id, dueToday.id], daysFromToday(0));
    expect(res.errors).toBeUndefined();
    expect(res.data.processPayments.totalAmountDC).toBe('18.00'); // 10.00 + (10.00 - 2.00)
  });

  it('executed after the discount due date, the full amount is paid', async () => {
    const p = await discounted(daysFromToday(2));
    const res = await process([p.id], daysFromToday(3));
    expect(res.errors).toBeUndefined();
    expect(res.data.processPayments.totalAmountDC).toBe('10.00');
  });

  it('the QR code pays what is due on the day the payer pays, never a day that has passed', async () => {
    const p = await discounted(daysFromToday(0));
    const amount = async (payOn?: string) => (await gw.gql(QR, { id: p.id, payOn })).data.payment.epcQr.payload.split('\n')[7];
    expect(await amount()).toBe('EUR8');
    expect(await amount(daysFromToday(1))).toBe('EUR10');
    const past = await gw.gql(QR, { id: p.id, payOn: daysFromToday(-1) });
    expect(refusal(past)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'payOn', rule: 'DATE_IN_PAST' });
  });

  it('a bank statement line dated after today cannot match payments', async () => {
    const [a, b] = [await create(), await create()];
    expect((await process([a.id, b.id], daysFromToday(0))).errors).toBeUndefined();
    const future = await gw.gql(MATCH, {
      input: { paymentIDs: [a.id, b.id], bankStatementLineReference: 'line 1', date: daysFromToday(1) },
    });
    expect(refusal(future)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date', rule: 'DATE_IN_FUTURE' });
    expect((await paymentById(t.db, a.id))!.status).toBe(40);
    const today = await gw.gql(MATCH, {
      input: { paymentIDs: [a.id, b.id], bankStatementLineReference: 'line 1', date: daysFromToday(0) },
    });
    expect(today.errors).toBeUndefined();
  });
});

describe('currency codes', () => {
  it('stores "eur" as EUR: grouped with EUR everywhere, and paid by the payment run', async () => {
    const p = await create({ currency: 'eur' });
    expect(p.currency).toBe('EUR');
    expect((await paymentById(t.db, p.id))!.currency).toBe('EUR');
    const sql = await gw.gql('query($q: String!, $p: JSONObject) { sql(query: $q, parameters: $p) { rows } }', {
      q: 'select Currency, count(*) as n from Payments where ID = :id group by Currency',
      p: { id: p.id },
    });
    expect(sql.data.sql.rows).toEqual([{ Currency: 'EUR', n: 1 }]);
    expect((await process([p.id], daysFromToday(1))).errors).toBeUndefined();
  });

  it('stores an updated " usd " as USD', async () => {
    const p = await create();
    const res = await gw.gql(UPDATE, { input: { id: p.id, version: p.version, currency: ' usd ' } });
    expect(res.errors).toBeUndefined();
    expect(res.data.updatePayment.currency).toBe('USD');
  });

  it.each(['XXX', 'XTS', 'XAU', 'XDR', 'CLF', 'usn', 'ABC', 'EURO'])(
    'refuses %s: not a currency payments are made in',
    async (currency) => {
      const res = await gw.gql(CREATE, { input: validPaymentInput(f, { currency }) });
      expect(refusal(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currency', rule: 'INVALID_CURRENCY' });
    },
  );

  it('respects minor units: JPY has none, EUR two; KWD three, of which the stored amounts keep two', async () => {
    const yen = await gw.gql(CREATE, {
      input: validPaymentInput(f, { currency: 'JPY', amountFC: '1000.50', rateFC: '0.0062', amountDC: '6.20' }),
    });
    expect(refusal(yen)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amountFC', rule: 'AMOUNT_SCALE', scale: 0 });
    expect((await create({ currency: 'JPY', amountFC: '1000', rateFC: '0.0062', amountDC: '6.20' })).amountFC).toBe('1000.00');
    const discount = await gw.gql(CREATE, {
      input: validPaymentInput(f, { currency: 'JPY', amountFC: '1000', rateFC: '0.0062', amountDC: '6.20', amountDiscountFC: '20.5' }),
    });
    expect(refusal(discount)).toMatchObject({ field: 'amountDiscountFC', rule: 'AMOUNT_SCALE' });
    const dinar = await gw.gql(CREATE, {
      input: validPaymentInput(f, { currency: 'KWD', amountFC: '10.125', rateFC: '3', amountDC: '30.38' }),
    });
    expect(refusal(dinar)).toMatchObject({ field: 'amountFC', rule: 'AMOUNT_SCALE' });
    expect((await create({ currency: 'KWD', amountFC: '10.12', rateFC: '3', amountDC: '30.36' })).amountDC).toBe('30.36');
  });

  it('a row written before with "eur" and an upper-case GUID is made canonical by the migration', async () => {
    const q = (name: string) => t.db.dialect.quote(name);
    const p = await create();
    const upper = p.id.toUpperCase();
    await t.db.dataSource.manager.update(Payment, { id: p.id }, { id: upper, currency: 'eur', accountID: f.supplier.id.toUpperCase() });
    const qr = t.db.dataSource.createQueryRunner();
    try {
      await new CanonicalValues1764200000000().up(qr);
    } finally {
      await qr.release();
    }
    const rows = await t.db.dataSource.manager.query(
      `SELECT ${q('ID')} AS id, ${q('Currency')} AS currency, ${q('Account')} AS account FROM ${q('Payments')} WHERE LOWER(${q('ID')}) = ?`,
      [p.id],
    );
    expect(rows).toEqual([{ id: p.id, currency: 'EUR', account: f.supplier.id }]);
  });
});
