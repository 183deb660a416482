import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Account } from '../../src/modules/accounts/account.entity';
import { BankAccount } from '../../src/modules/bank-accounts/bank-account.entity';
import { PaymentMatch } from '../../src/modules/matching/payment-match.entity';
import { Dec } from '../../src/platform/decimal';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { startTestGateway, TestGateway } from '../support/gateway';
import {
  DivisionFixture,
  divisionFixture,
  insertRow,
  paymentById,
  paymentsFingerprint,
  validPaymentInput,
  daysFromToday,
} from '../support/payments';
import { requireTool } from '../support/shared-files';

let t: TestDatabase;
let gw: TestGateway;
let f: DivisionFixture;

beforeAll(async () => {
  t = await openSeededDatabase('payment_match_split_qr', { divisions: 2, payments: 120 });
  gw = await startTestGateway(t.db);
  f = await divisionFixture(t.db);
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

const CREATE = `mutation($input: PaymentCreateInput!) { createPayment(input: $input) { id version entryID } }`;
const MATCH = `mutation($input: MatchPaymentsInput!) { matchPayments(input: $input) { id status endDate endYear endPeriod } }`;
const UNMATCH = `mutation($ids: [UUID!]!) { unmatchPayments(paymentIDs: $ids) { id status endDate endYear endPeriod } }`;
const SPLIT = `mutation($id: UUID!, $version: Int!, $parts: [PaymentSplitPartInput!]!) { splitPayment(id: $id, version: $version, parts: $parts) { id entryID amountFC amountDC amountDiscountDC dueDate status } }`;
const PROCESS = `mutation($input: ProcessPaymentsInput!) { processPayments(input: $input) { id } }`;

async function create(overrides: Record<string, unknown> = {}) {
  const res = await gw.gql(CREATE, { input: validPaymentInput(f, overrides) });
  expect(res.errors).toBeUndefined();
  return res.data.createPayment as { id: string; version: number; entryID: string };
}

describe('matching', () => {
  it('matches processed payments with a bank statement line and undoes it', async () => {
    const a = await create();
    const b = await create();
    await gw.gql(PROCESS, {
      input: { divisionCode: f.division, paymentIDs: [a.id, b.id], bankAccountID: f.ownBank.id, executionDate: daysFromToday(1) },
    });
    const res = await gw.gql(MATCH, {
      input: { paymentIDs: [a.id, b.id], bankStatementLineReference: 'CODA 2026/118 line 4', date: '2026-06-22T10:00:00Z' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.matchPayments).toEqual(
      [a.id, b.id].map((id) => ({ id, status: 'MATCHED', endDate: '2026-06-22T00:00:00.000Z', endYear: 2026, endPeriod: 6 })),
    );
    expect(await t.db.dataSource.manager.countBy(PaymentMatch, { bankStatementLineReference: 'CODA 2026/118 line 4' })).toBe(2);

    const undo = await gw.gql(UNMATCH, { ids: [a.id] });
    expect(undo.errors).toBeUndefined();
    expect(undo.data.unmatchPayments.map((p: { status: string; endDate: unknown }) => [p.status, p.endDate]).sort()).toEqual([
      ['PROCESSED', null],
      ['PROCESSED', null],
    ]);
    expect(await t.db.dataSource.manager.countBy(PaymentMatch, { bankStatementLineReference: 'CODA 2026/118 line 4' })).toBe(0);
  });

  it('matches an invoice with its credit note (sum zero) at the highest invoice date', async () => {
    const invoice = await create({ invoiceDate: '2026-05-01T00:00:00Z' });
    const credit = await create({
      amountFC: '-100.00',
      amountDC: '-100.00',
      invoiceDate: '2026-05-10T00:00:00Z',
      dueDate: '2026-05-10T00:00:00Z',
    });
    const res = await gw.gql(MATCH, { input: { paymentIDs: [invoice.id, credit.id] } });
    expect(res.errors).toBeUndefined();
    expect(res.data.matchPayments.map((p: { endDate: string }) => p.endDate)).toEqual([
      '2026-05-10T00:00:00.000Z',
      '2026-05-10T00:00:00.000Z',
    ]);
    const undo = await gw.gql(UNMATCH, { ids: [credit.id] });
    expect(undo.data.unmatchPayments.map((p: { status: string }) => p.status)).toEqual(['OPEN', 'OPEN']);
  });

  it('refuses payments that do not cancel out, and a second match, writing nothing', async () => {
    const a = await create();
    const b = await create({ amountFC: '-99.99', amountDC: '-99.99' });
    const before = await paymentsFingerprint(t.db);
    const res = await gw.gql(MATCH, { input: { paymentIDs: [a.id, b.id] } });
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'paymentIDs',
      rule: 'MATCH_NOT_BALANCED',
      sum: '0.01',
    });
    expect(await paymentsFingerprint(t.db)).toBe(before);
    await gw.gql(MATCH, { input: { paymentIDs: [a.id], bankStatementLineReference: 'line 1' } });
    const again = await gw.gql(MATCH, { input: { paymentIDs: [a.id], bankStatementLineReference: 'line 2' } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'NOT_MATCHABLE', ids: [a.id] });
    const notMatched = await gw.gql(UNMATCH, { ids: [b.id] });
    expect(notMatched.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'NOT_MATCHED', ids: [b.id] });
  });
});

describe('splitting', () => {
  it('splits into parts with their own EntryID and due date, summing exactly to the whole', async () => {
    const p = await create({ amountFC: '100.00', amountDC: '100.00', amountDiscountDC: '3.00', amountDiscountFC: '3.00' });
    const res = await gw.gql(SPLIT, {
      id: p.id,
      version: p.version,
      parts: [
        { amountFC: '33.33', dueDate: '2026-07-01T00:00:00Z' },
        { amountFC: '33.33', dueDate: '2026-08-01T00:00:00Z' },
        { amountFC: '33.34', dueDate: '2026-09-01T00:00:00Z' },
      ],
    });
    expect(res.errors).toBeUndefined();
    const parts = res.data.splitPayment;
    expect(parts[0].id).toBe(p.id);
    expect(parts[0].entryID).toBe(p.entryID);
    expect(new Set(parts.map((x: { entryID: string }) => x.entryID)).size).toBe(3);
    expect(parts.map((x: { dueDate: string }) => x.dueDate.slice(0, 10))).toEqual(['2026-07-01', '2026-08-01', '2026-09-01']);
    expect(parts.map((x: { amountFC: string }) => x.amountFC)).toEqual(['33.33', '33.33', '33.34']);
    const sum = (k: string) => parts.reduce((s: Dec, x: Record<string, string>) => s.plus(x[k]), new Dec(0)).toFixed(2);
    expect([sum('amountFC'), sum('amountDC'), sum('amountDiscountDC')]).toEqual(['100.00', '100.00', '3.00']);
  });

  it('refuses parts that do not sum to the whole, writing nothing', async () => {
    const p = await create();
    const before = await paymentsFingerprint(t.db);
    const res = await gw.gql(SPLIT, {
      id: p.id,
      version: p.version,
      parts: [
        { amountFC: '50.00', dueDate: '2026-07-01T00:00:00Z' },
        { amountFC: '50.01', dueDate: '2026-08-01T00:00:00Z' },
      ],
    });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parts', rule: 'SPLIT_NOT_EXACT' });
    expect(await paymentsFingerprint(t.db)).toBe(before);
  });

  it('refuses a part due before the invoice date, and a stale version', async () => {
    const p = await create();
    const early = await gw.gql(SPLIT, {
      id: p.id,
      version: p.version,
      parts: [
        { amountFC: '50.00', dueDate: '2026-05-01T00:00:00Z' },
        { amountFC: '50.00', dueDate: '2026-08-01T00:00:00Z' },
      ],
    });
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dueDate', rule: 'DUE_BEFORE_INVOICE' });
    const stale = await gw.gql(SPLIT, {
      id: p.id,
      version: p.version + 1,
      parts: [
        { amountFC: '50.00', dueDate: '2026-07-01T00:00:00Z' },
        { amountFC: '50.00', dueDate: '2026-08-01T00:00:00Z' },
      ],
    });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'STALE_VERSION' });
    expect((await paymentById(t.db, p.id))!.amountDC).toBe('100.00');
  });
});

describe('EPC QR code', () => {
  const QR = `query($id: UUID!) { payment(id: $id) { epcQr { payload svg png } } }`;

  it("gives the EPC069-12 example's payload, an SVG, and a PNG a QR decoder reads back", async () => {
    const supplier = await insertRow(t.db, Account, {
      divisionCode: f.division,
      code: 'FR-ALSACE',
      name: "François D'Alsace S.A.",
      isSupplier: true,
      isSales: false,
    });
    const bank = await insertRow(t.db, BankAccount, {
      divisionCode: f.division,
      accountID: supplier.id,
      bankAccount: 'FR1420041010050500013M02606',
      bic: null,
      bankAccountHolderName: "François D'Alsace S.A.",
      main: true,
    });
    const p = await create({
      accountID: supplier.id,
      accountBankAccountID: bank.id,
      amountFC: '12.30',
      amountDC: '12.30',
      description: 'Client:Marie Louise La Lune',
    });
    const res = await gw.gql(QR, { id: p.id });
    expect(res.errors).toBeUndefined();
    const { payload, svg, png } = res.data.payment.epcQr;
    expect(payload.split('\n')).toEqual([
      'BCD',
      '002',
      '1',
      'SCT',
      '',
      "François D'Alsace S.A.",
      'FR1420041010050500013M02606',
      'EUR12.3',
      '',
      '',
      'Client:Marie Louise La Lune',
    ]);
    expect(svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    requireTool('zbarimg', 'zbar-tools');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfgt-qr-'));
    try {
      const file = path.join(dir, 'qr.png');
      fs.writeFileSync(file, Buffer.from(png, 'base64'));
      // -Sbinary: the symbol's bytes as they are (zbar otherwise guesses a character set).
      const decoded = spawnSync('zbarimg', ['--raw', '-q', '-Sbinary', file]);
      expect(decoded.stdout.toString('utf8').replace(/\n$/, '')).toBe(payload);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a payment SEPA cannot carry gets a clear error', async () => {
    const usd = await create({ currency: 'USD', amountFC: '100.00', rateFC: '0.9', amountDC: '90.00' });
    const res = await gw.gql(QR, { id: usd.id });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'epcQr', rule: 'NOT_SEPA_PAYABLE' });
    expect(res.errors?.[0].message).toContain('EUR');
    const noBank = await create({ accountBankAccountID: null });
    const res2 = await gw.gql(QR, { id: noBank.id });
    expect(res2.errors?.[0].message).toContain('no supplier bank account');
  });
});
