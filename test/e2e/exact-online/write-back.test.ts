import type { ExactConfig } from '../../../src/modules/exact-online/exact-config';
import { ExactSync } from '../../../src/modules/exact-online/exact-sync.service';
import { MAX_WRITE_BACK, registerExactWriteBack } from '../../../src/modules/exact-online/exact-write-back';
import { openSeededDatabase, TestDatabase } from '../../support/database';
import { ExactOnlineDouble } from '../../support/exact-online-double';
import {
  connectThroughDouble,
  differences,
  divisionCodes,
  exactTestConfig,
  paymentTerm,
  storedRows,
  testBox,
  TEST_SECRETS_KEY,
} from '../../support/exact-online';
import { captureLog, startTestGateway, TestGateway } from '../../support/gateway';

/**
 * Write-back to Exact Online (issue 14, "Who owns a division's rows"): an update of a synced
 * payment or receivable that changes only what Exact lets a client change goes to Exact first (PUT),
 * is read back (GET by key) and stored as Exact answers it, Version + 1; any other field is refused
 * with OWNED_BY_EXACT and nothing is sent; Exact refusing or failing leaves both sides unchanged.
 * Over real HTTP GraphQL, against the double of Exact's API.
 */
describe('Exact Online write-back through the gateway', () => {
  let t: TestDatabase;
  let double: ExactOnlineDouble;
  let gw: TestGateway;
  let connected: number;
  let local: number;
  let config: ExactConfig;
  const EXACT = 77;
  const log = captureLog('debug');
  const answers: string[] = [];
  const gql = async (query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => {
    const res = await gw.gql(query, variables, headers);
    answers.push(JSON.stringify(res));
    return res;
  };
  const UPDATE_PAYMENT = `mutation($i: PaymentUpdateInput!, $k: String) { updatePayment(input: $i, idempotencyKey: $k) {
    id version description paymentReference paymentMethod accountBankAccountID amountDC modified } }`;
  const UPDATE_RECEIVABLE = `mutation($i: ReceivableUpdateInput!) { updateReceivable(input: $i) { id version description paymentMethod } }`;

  beforeAll(async () => {
    t = await openSeededDatabase('exact_write_back', { divisions: 2, payments: 20 });
    [connected, local] = await divisionCodes(t.db);
    // A short "minute", so that a 429 is waited out within an interactive call's bound.
    double = await new ExactOnlineDouble({ minuteMs: 2000 }).start();
    double.addDivision(EXACT);
    for (let i = 0; i < 40; i++) double.upsertTerm(EXACT, paymentTerm(i, EXACT));
    config = exactTestConfig(double, { EXACT_MINUTE_MS: '2000' });
    await connectThroughDouble(t.db, double, connected, EXACT, config, log.logger);
    expect((await new ExactSync(t.db, testBox(), config, log.logger).syncDivision(connected)).state).toBe('succeeded');
    gw = await startTestGateway(
      t.db,
      {},
      { logger: log.logger, setup: (runtime) => registerExactWriteBack(runtime, t.db, testBox(), config) },
    );
  });
  afterAll(async () => {
    await gw.close();
    await double.stop();
    await t.close();
  });

  const terms = (lineType: 20 | 22) => [...double.divisions.get(EXACT)!.terms.values()].filter((r) => r.LineType === lineType);
  const term = (id: string) => double.divisions.get(EXACT)!.terms.get(id)!;
  const stored = async (id: string, side: 'payments' | 'receivables' = 'payments') => (await storedRows(t.db, connected, side)).get(id);
  const cashflowCalls = () => double.requests.filter((r) => /\/cashflow\//.test(r.url));
  /** The gateway's row and the double's, column by column (empty when they agree). */
  const disagreement = async (id: string, side: 'payments' | 'receivables' = 'payments') => differences(await stored(id, side), term(id));

  it('writes a payment back to Exact, reads it back and stores what Exact holds, Version + 1', async () => {
    const target = terms(22)[0];
    const before = await stored(target.ID);
    const bank = '6f1c1e1a-0b5e-4d2f-9a51-3c8d1e2f4a60';
    double.addBankAccount(String(target.Account), bank);
    const calls = double.requests.length;
    const res = await gql(UPDATE_PAYMENT, {
      i: {
        id: target.ID,
        version: before.version,
        description: 'Betaling factuur 1001 – café Zoë',
        paymentReference: '+++090/9337/55493+++',
        paymentMethod: 'COLLECTION',
        accountBankAccountID: bank.toUpperCase(),
      },
    });
    expect(res.errors).toBeUndefined();
    const after = term(target.ID);
    expect(double.paymentUpdates.at(-1)).toEqual({
      id: target.ID,
      body: {
        Description: 'Betaling factuur 1001 – café Zoë',
        PaymentReference: '+++090/9337/55493+++',
        PaymentMethod: 'I',
        AccountBankAccountID: bank,
      },
    });
    expect(res.data.updatePayment).toEqual({
      id: target.ID,
      version: before.version + 1,
      description: after.Description,
      paymentReference: after.PaymentReference,
      paymentMethod: 'COLLECTION',
      accountBankAccountID: bank,
      amountDC: before.amountDC,
      modified: new Date(Number(/\d+/.exec(String(after.Modified))![0])).toISOString(),
    });
    // Exact's row and the gateway's agree on every mapped column.
    expect(await disagreement(target.ID)).toEqual([]);
    // One PUT with the changed fields, then one GET by key with $select: Exact first, then read back.
    const made = double.requests.slice(calls).map((r) => `${r.method} ${r.url.replace(/\?.*/, '')} ${r.status}`);
    expect(made).toEqual([
      `PUT /api/v1/${EXACT}/cashflow/Payments(guid'${target.ID}') 204`,
      `GET /api/v1/${EXACT}/cashflow/Payments(guid'${target.ID}') 200`,
    ]);
    expect(double.requests.at(-1)!.url).toMatch(/\$select=.*AmountDC/);
  });

  it('writes the description of a receivable back, but refuses its bank account, which Exact keeps', async () => {
    const target = terms(20)[0];
    const before = await stored(target.ID, 'receivables');
    const res = await gql(UPDATE_RECEIVABLE, { i: { id: target.ID, version: before.version, description: 'Herinnering 2' } });
    expect(res.errors).toBeUndefined();
    expect(res.data.updateReceivable).toEqual({
      id: target.ID,
      version: before.version + 1,
      description: 'Herinnering 2',
      paymentMethod: 'ON_CREDIT',
    });
    expect(double.receivableUpdates).toEqual([{ id: target.ID, body: { Description: 'Herinnering 2' } }]);
    expect(await disagreement(target.ID, 'receivables')).toEqual([]);
    const calls = cashflowCalls().length;
    const bank = await gql(`mutation($i: ReceivableUpdateInput!) { updateReceivable(input: $i) { id } }`, {
      i: { id: target.ID, version: before.version + 1, accountBankAccountID: '6f1c1e1a-0b5e-4d2f-9a51-3c8d1e2f4a61' },
    });
    expect(bank.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'OWNED_BY_EXACT', field: 'accountBankAccountID' });
    expect(cashflowCalls().length).toBe(calls);
  });

  it('refuses a mixed update with OWNED_BY_EXACT naming the field; neither side changes and nothing is sent', async () => {
    const target = terms(22)[1];
    const before = await stored(target.ID);
    const exactBefore = { ...term(target.ID) };
    const calls = cashflowCalls().length;
    const res = await gql(UPDATE_PAYMENT, {
      i: { id: target.ID, version: before.version, description: 'mixed', amountDC: '-1.00', amountFC: '-1.00' },
    });
    expect(res.data).toBeNull();
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      rule: 'OWNED_BY_EXACT',
      field: 'amountDC',
      division: connected,
      table: 'Payments',
      writable: ['accountBankAccountID', 'description', 'paymentMethod', 'paymentReference'],
    });
    expect(res.errors?.[0].message).toMatch(/^input\[0\]\.amountDC: division \d+ is connected to Exact Online/);
    expect(cashflowCalls().length).toBe(calls);
    expect(term(target.ID)).toEqual(exactBefore);
    expect(await stored(target.ID)).toEqual(before);
    // Deletes stay refused whole.
    const del = await gql(`mutation($i: PaymentDeleteInput!) { deletePayment(input: $i) { deletedIDs } }`, { i: { id: target.ID } });
    expect(del.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'OWNED_BY_EXACT' });
  });

  it('answers EXACT_REFUSED naming the field when Exact refuses the value, and changes neither side', async () => {
    // The token expires first: the refresh made on the way must outlive the rollback of the refused update.
    double.expireAccessTokens();
    const target = terms(22)[2];
    const before = await stored(target.ID);
    const exactBefore = { ...term(target.ID) };
    const res = await gql(UPDATE_PAYMENT, {
      i: { id: target.ID, version: before.version, description: 'new text', accountBankAccountID: '0a1b2c3d-0000-4000-8000-000000000001' },
    });
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      rule: 'EXACT_REFUSED',
      field: 'accountBankAccountID',
      exactStatus: 400,
    });
    expect(res.errors?.[0].message).toBe(
      'input[0].accountBankAccountID: Exact Online refused the change: AccountBankAccountID: the bank account does not belong to the account',
    );
    expect(term(target.ID)).toEqual(exactBefore);
    expect(await stored(target.ID)).toEqual(before);
    // The consent is intact: the next write-back works with the refreshed tokens.
    const ok = await gql(UPDATE_PAYMENT, { i: { id: target.ID, version: before.version, description: 'new text' } });
    expect(ok.errors).toBeUndefined();
    expect(double.refreshes).toBeGreaterThanOrEqual(1);
    expect(double.reusedRefreshTokens).toBe(0);
    expect(double.consent).toBe(true);
    expect(await disagreement(target.ID)).toEqual([]);
  });

  it('answers EXACT_UNAVAILABLE (retryable) when Exact keeps failing, then succeeds on retry; waits out a 429', async () => {
    const target = terms(22)[3];
    const before = await stored(target.ID);
    const exactBefore = { ...term(target.ID) };
    double.fail(/cashflow\/Payments/, '500', 4);
    const failed = await gql(UPDATE_PAYMENT, { i: { id: target.ID, version: before.version, paymentReference: 'RETRY-1' } });
    expect(failed.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'EXACT_UNAVAILABLE', retryable: true });
    expect(failed.errors?.[0].message).toMatch(/Exact Online could not take the change now .*HTTP 500.*try again/);
    // A PUT that failed without a 4xx may have reached Exact with its answer lost, so the gateway put the
    // previous values back: Exact's row has the values it had (a new Timestamp and Modified from that PUT).
    const { Timestamp: _t1, Modified: _m1, ...valuesBefore } = exactBefore;
    const { Timestamp: _t2, Modified: _m2, ...valuesAfter } = { ...term(target.ID) };
    expect(valuesAfter).toEqual(valuesBefore);
    expect(double.requests.filter((r) => r.method === 'PUT' && r.status === 204).length).toBeGreaterThan(0);
    expect(await stored(target.ID)).toEqual(before);
    double.fail(/cashflow\/Payments/, '429');
    double.fail(/cashflow\/Payments/, '401');
    const retried = await gql(UPDATE_PAYMENT, { i: { id: target.ID, version: before.version, paymentReference: 'RETRY-1' } });
    expect(retried.errors).toBeUndefined();
    expect(retried.data.updatePayment).toMatchObject({ paymentReference: 'RETRY-1', version: before.version + 1 });
    expect(await disagreement(target.ID)).toEqual([]);
  });

  it('undoes at Exact the changes of a bulk update when a later one is refused', async () => {
    const [a, b] = [terms(22)[4], terms(22)[5]];
    const [ra, rb] = [await stored(a.ID), await stored(b.ID)];
    const bank = '6f1c1e1a-0b5e-4d2f-9a51-3c8d1e2f4a62';
    double.addBankAccount(String(a.Account), bank);
    const exactBefore = [{ ...term(a.ID) }, { ...term(b.ID) }];
    const res = await gql(`mutation($i: [PaymentUpdateInput!]!) { updatePayments(input: $i) { id } }`, {
      i: [
        { id: a.ID, version: ra.version, description: 'bulk a', accountBankAccountID: bank },
        { id: b.ID, version: rb.version, accountBankAccountID: '0a1b2c3d-0000-4000-8000-000000000002' },
      ],
    });
    expect(res.errors?.[0].extensions).toMatchObject({ rule: 'EXACT_REFUSED', field: 'accountBankAccountID', index: 1 });
    const [undone, refused] = [exactBefore[0], exactBefore[1]];
    expect(term(a.ID)).toMatchObject({ Description: undone.Description, AccountBankAccountID: undone.AccountBankAccountID });
    expect(term(b.ID).AccountBankAccountID).toBe(refused.AccountBankAccountID);
    expect(double.paymentUpdates.slice(-2).map((u) => u.body)).toEqual([
      { Description: 'bulk a', AccountBankAccountID: bank },
      { Description: undone.Description, AccountBankAccountID: undone.AccountBankAccountID },
    ]);
    expect(await stored(a.ID)).toEqual(ra);
    expect(await stored(b.ID)).toEqual(rb);
  });

  it('says which changes stay at Exact when putting them back fails too; the next sync brings them', async () => {
    const [a, b] = [terms(22)[9], terms(22)[10]];
    const [ra, rb] = [await stored(a.ID), await stored(b.ID)];
    // a's own PUT passes; putting it back then meets an outage (4 tries of 500).
    double.fail(new RegExp(`Payments\\(guid'${a.ID}'\\)$`), '500', 4, 1);
    const res = await gql(`mutation($i: [PaymentUpdateInput!]!) { updatePayments(input: $i) { id } }`, {
      i: [
        { id: a.ID, version: ra.version, description: 'stays at Exact' },
        { id: b.ID, version: rb.version, accountBankAccountID: '0a1b2c3d-0000-4000-8000-000000000004' },
      ],
    });
    expect(res.errors?.[0].extensions).toMatchObject({ rule: 'EXACT_REFUSED', index: 1, notUndone: [a.ID] });
    expect(res.errors?.[0].message).toContain(`1 earlier change(s) stay at Exact until the next sync: ${a.ID}`);
    expect(term(a.ID).Description).toBe('stays at Exact');
    expect(await stored(a.ID)).toEqual(ra);
    expect((await new ExactSync(t.db, testBox(), config, log.logger).syncDivision(connected)).state).toBe('succeeded');
    expect(await disagreement(a.ID)).toEqual([]);
    expect((await stored(a.ID)).description).toBe('stays at Exact');
  });

  it(`writes back at most ${MAX_WRITE_BACK} synced rows a call, refusing more before anything is sent`, async () => {
    const rows = terms(22).slice(0, MAX_WRITE_BACK + 1);
    const input = await Promise.all(rows.map(async (r) => ({ id: r.ID, version: (await stored(r.ID)).version, description: 'many' })));
    const calls = cashflowCalls().length;
    const res = await gql(`mutation($i: [PaymentUpdateInput!]!) { updatePayments(input: $i) { id } }`, { i: input });
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      rule: 'INVALID_VALUE',
      field: 'input',
      max: MAX_WRITE_BACK,
    });
    expect(cashflowCalls().length).toBe(calls);
  });

  it('checks versions and honours idempotency keys as for local rows', async () => {
    const target = terms(22)[6];
    const before = await stored(target.ID);
    const calls = cashflowCalls().length;
    const stale = await gql(UPDATE_PAYMENT, { i: { id: target.ID, version: before.version + 5, description: 'stale' } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'STALE_VERSION' });
    expect(cashflowCalls().length).toBe(calls);
    const vars = { i: { id: target.ID, version: before.version, description: 'once' }, k: 'write-back-once' };
    const first = await gql(UPDATE_PAYMENT, vars);
    const again = await gql(UPDATE_PAYMENT, vars);
    expect(first.errors).toBeUndefined();
    expect(again.data).toEqual(first.data);
    expect(double.paymentUpdates.filter((u) => u.id === target.ID)).toEqual([{ id: target.ID, body: { Description: 'once' } }]);
    // An unchanged value is no change: nothing is sent, the version stays.
    const same = await gql(UPDATE_PAYMENT, { i: { id: target.ID, version: before.version + 1, description: 'once' } });
    expect(same.data.updatePayment.version).toBe(before.version + 1);
    expect(double.paymentUpdates.filter((u) => u.id === target.ID)).toHaveLength(1);
  });

  it('keeps a local division working as before, without calling Exact, also beside synced rows in one bulk', async () => {
    const list = await gql(`query($d: [Int!]) { payments(divisions: $d, first: 1) { nodes { id version } } }`, { d: [local] });
    const row = list.data.payments.nodes[0];
    const calls = double.requests.length;
    const res = await gql(UPDATE_PAYMENT, { i: { id: row.id, version: row.version, description: 'local change', amountDC: null } });
    // amountDC is required: the gateway's own rules answer for a local row.
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'REQUIRED', field: 'amountDC' });
    const ok = await gql(UPDATE_PAYMENT, { i: { id: row.id, version: row.version, description: 'local change' } });
    expect(ok.errors).toBeUndefined();
    expect(ok.data.updatePayment).toMatchObject({ id: row.id, version: row.version + 1, description: 'local change' });
    expect(double.requests.length).toBe(calls);
    // One bulk over both: the local row's rules are checked (named at its place) before anything goes to Exact.
    const synced = terms(22)[8];
    const mixed = await gql(`mutation($i: [PaymentUpdateInput!]!) { updatePayments(input: $i) { id description } }`, {
      i: [
        { id: synced.ID, version: (await stored(synced.ID)).version, description: 'both sides' },
        { id: row.id, version: row.version + 1, glAccountID: '0a1b2c3d-0000-4000-8000-000000000003' },
      ],
    });
    expect(mixed.errors?.[0].extensions).toMatchObject({ rule: 'UNKNOWN_REFERENCE', field: 'glAccountID', index: 1 });
    expect(double.requests.length).toBe(calls);
    const both = await gql(`mutation($i: [PaymentUpdateInput!]!) { updatePayments(input: $i) { id description } }`, {
      i: [
        { id: synced.ID, version: (await stored(synced.ID)).version, description: 'both sides' },
        { id: row.id, version: row.version + 1, description: 'both sides' },
      ],
    });
    expect(both.errors).toBeUndefined();
    expect(both.data.updatePayments).toEqual([
      { id: synced.ID, description: 'both sides' },
      { id: row.id, description: 'both sides' },
    ]);
    expect(term(synced.ID).Description).toBe('both sides');
  });

  it("lets no caller of another division write a connected division's rows back", async () => {
    const target = terms(22)[7];
    const before = await stored(target.ID);
    const calls = double.requests.length;
    const res = await gql(
      UPDATE_PAYMENT,
      { i: { id: target.ID, version: before.version, description: 'not mine' } },
      await gw.headersFor({ divisions: [local] }),
    );
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(double.requests.length).toBe(calls);
    expect(await stored(target.ID)).toEqual(before);
  });

  it('never puts a token or secret in an answer or a log line', () => {
    const text = [...answers, log.text()].join('\n');
    expect(text).toContain('write-back refused by Exact');
    for (const secret of [...double.issuedTokens, double.clientSecret, TEST_SECRETS_KEY]) expect(text.includes(secret)).toBe(false);
  });
});
