import { Dec } from '../../src/platform/decimal';
import { DocumentAttachment } from '../../src/modules/documents/document-attachment.entity';
import { Document } from '../../src/modules/documents/document.entity';
import { PaymentBatch } from '../../src/modules/batches/payment-batch.entity';
import { Payment } from '../../src/modules/payments/payment.entity';
import { elementValues } from '../support/bank-files';
import { sharedFile, validateAgainstXsd } from '../support/shared-files';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { startTestGateway, TestGateway } from '../support/gateway';
import { DivisionFixture, divisionFixture, paymentsFingerprint, validPaymentInput, daysFromToday } from '../support/payments';

let t: TestDatabase;
let gw: TestGateway;
let f: DivisionFixture;

beforeAll(async () => {
  t = await openSeededDatabase('payment_run', { divisions: 2, payments: 120 });
  gw = await startTestGateway(t.db);
  f = await divisionFixture(t.db);
});
afterAll(async () => {
  gw.gateway.runtime.hooks.afterBatchWritten = undefined;
  await gw?.close();
  await t?.close();
});

const CREATE_MANY = `mutation($input: [PaymentCreateInput!]!) { createPayments(input: $input) { id amountDC } }`;
const SELECT = `mutation($ids: [UUID!]!, $key: String) { selectPayments(paymentIDs: $ids, idempotencyKey: $key) { id status paymentSelected paymentSelectorID version } }`;
const DESELECT = `mutation($ids: [UUID!]!) { deselectPayments(paymentIDs: $ids) { id status paymentSelected paymentSelectorID } }`;
const PROCESS = `mutation($input: ProcessPaymentsInput!, $key: String) {
  processPayments(input: $input, idempotencyKey: $key) {
    id cashflowTransactionBatchCode paymentCount totalAmountDC fileFormat batchBooking documentID
    document { documentNumber subject }
    file { id fileName mediaType size content downloadPath }
  }
}`;

/** Creates `n` fresh open EUR payments of the fixture's division (amounts 10.00, 11.00, ...). */
async function newPayments(n: number, overrides: (i: number) => Record<string, unknown> = () => ({})): Promise<string[]> {
  const input = Array.from({ length: n }, (_, i) => {
    const amount = `${10 + i}.00`;
    return validPaymentInput(f, { amountFC: amount, amountDC: amount, ...overrides(i) });
  });
  const res = await gw.gql(CREATE_MANY, { input });
  expect(res.errors).toBeUndefined();
  return res.data.createPayments.map((p: { id: string }) => p.id);
}

async function snapshot() {
  const m = t.db.dataSource.manager;
  return {
    payments: await paymentsFingerprint(t.db),
    batches: await m.count(PaymentBatch),
    documents: await m.count(Document),
    files: await m.count(DocumentAttachment),
  };
}

const processInput = (ids: string[] | null, extra: Record<string, unknown> = {}) => ({
  divisionCode: f.division,
  paymentIDs: ids,
  bankAccountID: f.ownBank.id,
  executionDate: daysFromToday(5),
  ...extra,
});

describe('selection', () => {
  it('selects open payments for the caller and deselects them', async () => {
    const ids = await newPayments(3);
    const res = await gw.gql(SELECT, { ids });
    expect(res.errors).toBeUndefined();
    for (const p of res.data.selectPayments) {
      expect(p.status).toBe('SELECTED');
      expect(p.paymentSelectorID).toBe('00000000-0000-4000-8000-000000000001');
      expect(p.paymentSelected).toBeTruthy();
    }
    const back = await gw.gql(DESELECT, { ids });
    expect(back.data.deselectPayments.map((p: { status: string; paymentSelected: unknown }) => [p.status, p.paymentSelected])).toEqual(
      ids.map(() => ['OPEN', null]),
    );
  });

  it('refuses a set containing a payment that is not open, with its id, and selects none', async () => {
    const ids = await newPayments(3);
    await gw.gql(SELECT, { ids: [ids[1]] });
    const before = await snapshot();
    const res = await gw.gql(SELECT, { ids });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'paymentIDs', rule: 'NOT_OPEN', ids: [ids[1]] });
    expect(await snapshot()).toEqual(before);
  });

  it('needs the scope payments:select', async () => {
    const readOnly = await gw.as({ scopes: ['payments:read'] });
    const ids = await newPayments(1);
    const res = await readOnly(SELECT, { ids });
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(res.errors?.[0].message).toContain('payments:select');
  });

  it('is idempotent with a key', async () => {
    const ids = await newPayments(2);
    const first = await gw.gql(SELECT, { ids, key: 'select-1' });
    const again = await gw.gql(SELECT, { ids, key: 'select-1' });
    expect(again.errors).toBeUndefined();
    expect(again.data).toEqual(first.data);
  });
});

describe('processing', () => {
  it.each([
    ['PAIN_001_001_03', 'pain.001.001.03'],
    ['PAIN_001_001_09', 'pain.001.001.09'],
  ])('makes a batch, a document and a %s file that validates and adds up', async (format, version) => {
    const ids = await newPayments(4);
    const maxDoc = Number((await t.db.dataSource.manager.maximum(Document, 'documentNumber', { divisionCode: f.division })) ?? 0);
    const res = await gw.gql(PROCESS, { input: processInput(ids, { format, batchBooking: false }) });
    expect(res.errors).toBeUndefined();
    const batch = res.data.processPayments;
    expect(batch).toMatchObject({ paymentCount: 4, totalAmountDC: '46.00', fileFormat: version, batchBooking: false });
    expect(batch.document.documentNumber).toBe(maxDoc + 1);
    const payments = await t.db.dataSource.manager.find(Payment, {
      where: ids.map((id) => ({ id })),
      order: { paymentBatchNumber: 'ASC' },
    });
    expect(payments.map((p) => [p.status, p.source, p.cashflowTransactionBatchCode, p.documentID, p.isBatchBooking])).toEqual(
      payments.map(() => [40, 5, batch.cashflowTransactionBatchCode, batch.documentID, 0]),
    );
    expect(payments.map((p) => p.paymentBatchNumber)).toEqual([1, 2, 3, 4]);

    const xml = Buffer.from(batch.file.content, 'base64').toString('utf8');
    expect(batch.file).toMatchObject({ mediaType: 'application/xml', fileName: `${batch.cashflowTransactionBatchCode}.xml` });
    expect(xml).toContain(`urn:iso:std:iso:20022:tech:xsd:${version}`);
    expect(elementValues(xml, 'NbOfTxs')).toEqual(['4', '4']);
    expect(elementValues(xml, 'CtrlSum').map((v) => new Dec(v).toFixed(2))).toEqual(['46.00', '46.00']);
    const xsd = sharedFile(`standards/${version}.xsd`);
    if (xsd) {
      const verdict = validateAgainstXsd(xml, xsd);
      expect(verdict.errors).not.toMatch(/error/i);
      expect(verdict.ok).toBe(true);
    }

    const http = await gw.request(batch.file.downloadPath);
    expect(http.status).toBe(200);
    expect(Buffer.from(await http.arrayBuffer()).toString('utf8')).toBe(xml);
    const byBatch = await gw.request(`/batches/${batch.id}/file`);
    expect(await byBatch.text()).toBe(xml);
  });

  it('pays AmountDC minus the discount when executed on or before DiscountDueDate', async () => {
    const discounted = { amountDiscountDC: '2.00', amountDiscountFC: '2.00' };
    const [inTime] = await newPayments(1, () => ({ ...discounted, discountDueDate: daysFromToday(5) }));
    const [late] = await newPayments(1, () => ({ ...discounted, discountDueDate: daysFromToday(4) }));
    const res = await gw.gql(PROCESS, { input: processInput([inTime, late]) });
    expect(res.errors).toBeUndefined();
    // 10.00 - 2.00 (in time) + 10.00 (too late for the discount)
    expect(res.data.processPayments.totalAmountDC).toBe('18.00');
    const xml = Buffer.from(res.data.processPayments.file.content, 'base64').toString('utf8');
    expect(
      elementValues(xml, 'InstdAmt')
        .map((v) => new Dec(v).toFixed(2))
        .sort(),
    ).toEqual(['10.00', '8.00'].sort());
    expect(new Dec(elementValues(xml, 'CtrlSum')[0]).toFixed(2)).toBe('18.00');
  });

  it('processes every selected payment of the division when no ids are given', async () => {
    const ids = await newPayments(3);
    await gw.gql(SELECT, { ids });
    const selected = await t.db.dataSource.manager.countBy(Payment, { divisionCode: f.division, status: 30 });
    const res = await gw.gql(PROCESS, { input: processInput(null) });
    expect(res.errors).toBeUndefined();
    expect(res.data.processPayments.paymentCount).toBe(selected);
    expect(await t.db.dataSource.manager.countBy(Payment, { divisionCode: f.division, status: 30 })).toBe(0);
  });

  it('refuses payments SEPA cannot carry, with the reasons, and writes nothing', async () => {
    const [eur] = await newPayments(1);
    const [usd] = await newPayments(1, () => ({ currency: 'USD', amountFC: '10.00', rateFC: '0.9', amountDC: '9.00' }));
    const [noBank] = await newPayments(1, () => ({ accountBankAccountID: null }));
    const before = await snapshot();
    const res = await gw.gql(PROCESS, { input: processInput([eur, usd, noBank]) });
    const e = res.errors?.[0];
    expect(e?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'paymentIDs', rule: 'NOT_SEPA_PAYABLE' });
    const reasons = e?.extensions?.reasons as { id: string; reasons: string[] }[];
    expect(reasons.map((r) => r.id).sort()).toEqual([usd, noBank].sort());
    expect(reasons.find((r) => r.id === usd)!.reasons.join()).toContain('only EUR');
    expect(reasons.find((r) => r.id === noBank)!.reasons.join()).toContain('no supplier bank account');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a supplier bank account as the account to pay from', async () => {
    const ids = await newPayments(1);
    const res = await gw.gql(PROCESS, { input: processInput(ids, { bankAccountID: f.supplierBank.id }) });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'bankAccountID', rule: 'BANK_ACCOUNT_NOT_OWN' });
  });

  it('a failure in the middle of processing leaves no batch, no document and no changed payment', async () => {
    const ids = await newPayments(3);
    await gw.gql(SELECT, { ids });
    const before = await snapshot();
    const maxDoc = Number(await t.db.dataSource.manager.maximum(Document, 'documentNumber', { divisionCode: f.division }));
    gw.gateway.runtime.hooks.afterBatchWritten = () => {
      throw new Error('injected failure');
    };
    try {
      const res = await gw.gql(PROCESS, { input: processInput(ids) });
      expect(res.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      gw.gateway.runtime.hooks.afterBatchWritten = undefined;
    }
    expect(await snapshot()).toEqual(before);
    const again = await gw.gql(PROCESS, { input: processInput(ids) });
    expect(again.errors).toBeUndefined();
    expect(again.data.processPayments.document.documentNumber).toBe(maxDoc + 1);
  });

  it('a processed payment cannot be processed again: CONFLICT with its id', async () => {
    const ids = await newPayments(2);
    await gw.gql(PROCESS, { input: processInput([ids[0]]) });
    const res = await gw.gql(PROCESS, { input: processInput(ids) });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'NOT_OPEN', ids: [ids[0]] });
  });

  it('a retry with the same idempotency key returns the same batch and makes no second one', async () => {
    const ids = await newPayments(2);
    const first = await gw.gql(PROCESS, { input: processInput(ids), key: 'run-1' });
    const batches = await t.db.dataSource.manager.count(PaymentBatch);
    const again = await gw.gql(PROCESS, { input: processInput(ids), key: 'run-1' });
    expect(again.errors).toBeUndefined();
    expect(again.data.processPayments.id).toBe(first.data.processPayments.id);
    expect(await t.db.dataSource.manager.count(PaymentBatch)).toBe(batches);
  });
});

describe('downloads: same access and division checks over GraphQL and HTTP', () => {
  let batch: { id: string; downloadPath: string };
  beforeAll(async () => {
    const ids = await newPayments(1);
    const res = await gw.gql(PROCESS, { input: processInput(ids) });
    batch = { id: res.data.processPayments.id, downloadPath: res.data.processPayments.file.downloadPath };
  });

  it('needs payments:process', async () => {
    const headers = await gw.headersFor({ scopes: ['payments:read'] });
    const res = await gw.gql(`query($id: UUID!) { paymentBatch(id: $id) { file { content } } }`, { id: batch.id }, headers);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gw.request(`/batches/${batch.id}/file`, { headers })).status).toBe(403);
    expect((await gw.request(batch.downloadPath, { headers })).status).toBe(403);
  });

  it("another division's caller gets NOT_FOUND", async () => {
    const headers = await gw.headersFor({ divisions: [f.otherDivision] });
    expect((await gw.request(`/batches/${batch.id}/file`, { headers })).status).toBe(404);
    expect((await gw.request(batch.downloadPath, { headers })).status).toBe(404);
  });

  it('without credentials: 401', async () => {
    expect((await gw.request(`/batches/${batch.id}/file`, { headers: { 'x-api-key': '' } })).status).toBe(401);
  });
});
