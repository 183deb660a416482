import { GLAccount } from '../../src/modules/gl-accounts/gl-account.entity';
import { BankEntryLine } from '../../src/modules/financial-accounts/bank-entry-line.entity';
import { ReconciliationMatch } from '../../src/modules/reconciliation/match-line.entity';
import { Dec } from '../../src/platform/decimal';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { startTestGateway, TestGateway } from '../support/gateway';
import { ReceivableFixture, receivableFixture, receivablesFingerprint } from '../support/receivables';
import { bankLines, otherDivisionRefs, receivable, receivableNow, receivablesOf, restorable } from '../support/reconciliation-apply';

/**
 * Applying reconciliation matches over real HTTP (linkBankEntryLine, bookBankEntryLine,
 * ignoreBankEntryLine, undoReconciliationAction): full, partial, over-payment, several invoices,
 * tolerance, and the undo of each restoring every column exactly. Expected amounts are computed
 * here from the invoice and the payment (Dec), never read back from the service.
 */
let t: TestDatabase;
let gw: TestGateway;
let f: ReceivableFixture;
let differenceAccount: GLAccount;

const LINK = `mutation($input: LinkBankEntryLineInput!) { linkBankEntryLine(input: $input) { id actionType bankEntryLineID } }`;
const UNDO = `mutation($id: UUID!) { undoReconciliationAction(actionID: $id) { id actionType undoOfID } }`;
const IGNORE = `mutation($line: UUID!, $reason: String!) { ignoreBankEntryLine(lineID: $line, reason: $reason) { id reason } }`;
const BOOK = `mutation($line: UUID!, $gl: UUID!, $amount: Decimal) { bookBankEntryLine(lineID: $line, glAccountID: $gl, amountFC: $amount) { id } }`;
const SETTINGS = `mutation($input: ReconciliationSettingsInput!) { setReconciliationSettings(input: $input) { toleranceFC } }`;

beforeAll(async () => {
  t = await openSeededDatabase('reconciliation_apply', { divisions: 2, payments: 40 });
  gw = await startTestGateway(t.db);
  f = await receivableFixture(t.db);
  differenceAccount = (await t.db.dataSource.manager.findOneBy(GLAccount, { divisionCode: f.division, type: 20 }))!;
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

async function ok(query: string, variables: Record<string, unknown>) {
  const res = await gw.gql(query, variables);
  expect(res.errors).toBeUndefined();
  return res.data;
}

async function refused(query: string, variables: Record<string, unknown>, code: string, rule: string) {
  const before = await receivablesFingerprint(t.db);
  const res = await gw.gql(query, variables);
  expect(res.errors).toHaveLength(1);
  expect({ code: res.errors![0].extensions?.code, rule: res.errors![0].extensions?.rule }).toEqual({ code, rule });
  expect(await receivablesFingerprint(t.db)).toBe(before);
  return res.errors![0];
}

const lineNow = (id: string) => t.db.dataSource.manager.findOneByOrFail(BankEntryLine, { id });
const link = (lineID: string, items: { receivableID: string; amountFC: string; bookDifference?: boolean }[], extra = {}) =>
  ok(LINK, { input: { lineID, items, ...extra } }).then((d) => d.linkBankEntryLine as { id: string });
const undo = (id: string) => ok(UNDO, { id });

describe('a full match', () => {
  it('settles the receivable as Exact does and the undo gives back every column', async () => {
    const r = await receivable(t.db, f, '250.00');
    const before = restorable(await receivableNow(t.db, r.id));
    const [line] = await bankLines(t.db, f.division, [{ amount: '250.00', counterpartyName: 'Customer TESTBE' }]);
    const action = await link(line.id, [{ receivableID: r.id, amountFC: '250.00' }]);
    const after = await receivableNow(t.db, r.id);
    expect(after).toMatchObject({ status: 50, isFullyPaid: true, transactionID: line.id, endYear: 2026, endPeriod: 2 });
    expect(after.endDate!.toISOString()).toBe(line.date.toISOString());
    expect(after.lastPaymentDate!.toISOString()).toBe(line.date.toISOString());
    expect(await lineNow(line.id)).toMatchObject({ reconciliationStatus: 50, openAmountFC: '0.00' });

    await undo(action.id);
    expect(restorable(await receivableNow(t.db, r.id))).toEqual(before);
    expect(await lineNow(line.id)).toMatchObject({ reconciliationStatus: null, openAmountFC: null });
    const matches = await t.db.dataSource.manager.findBy(ReconciliationMatch, { actionID: action.id });
    expect(matches.map((m) => m.undone !== null)).toEqual([true]);
  });
});

describe('a partial payment', () => {
  it('matches the part paid and keeps the rest open as a new part; the undo joins them again', async () => {
    const invoice = '300.00';
    const paid = '120.00';
    const r = await receivable(t.db, f, invoice, { accountID: f.dutch.id, accountBankAccountID: f.dutchBank.id });
    const before = restorable(await receivableNow(t.db, r.id));
    const [line] = await bankLines(t.db, f.division, [{ amount: paid }]);
    const action = await link(line.id, [{ receivableID: r.id, amountFC: paid }]);
    const rows = await receivablesOf(t.db, f.dutch.id);
    const rest = new Dec(invoice).minus(paid).toFixed(2);
    expect(rows.map((x) => [x.amountFC, x.status, x.isFullyPaid])).toEqual(
      [
        [paid, 50, false],
        [rest, 20, false],
      ].sort((a, b) => Number(a[0]) - Number(b[0])),
    );
    expect(rows.find((x) => x.status === 20)!.lastPaymentDate!.toISOString()).toBe(line.date.toISOString());

    await undo(action.id);
    const back = await receivablesOf(t.db, f.dutch.id);
    expect(back).toHaveLength(1);
    expect(restorable(back[0])).toEqual(before);
  });
});

describe('an over-payment', () => {
  it('keeps the excess open on the line, for a second action that books it', async () => {
    const r = await receivable(t.db, f, '100.00');
    const [line] = await bankLines(t.db, f.division, [{ amount: '150.00' }]);
    const first = await link(line.id, [{ receivableID: r.id, amountFC: '100.00' }]);
    const excess = new Dec('150.00').minus('100.00').toFixed(2);
    expect(await lineNow(line.id)).toMatchObject({ reconciliationStatus: 10, openAmountFC: excess });
    const second = (await ok(BOOK, { line: line.id, gl: differenceAccount.id })).bookBankEntryLine;
    expect(await lineNow(line.id)).toMatchObject({ reconciliationStatus: 50, openAmountFC: '0.00' });
    // The first action cannot be undone while the second holds.
    await refused(UNDO, { id: first.id }, 'CONFLICT', 'NOT_UNDOABLE');
    await undo(second.id);
    expect(await lineNow(line.id)).toMatchObject({ reconciliationStatus: 10, openAmountFC: excess });
    await undo(first.id);
    expect(await lineNow(line.id)).toMatchObject({ reconciliationStatus: null, openAmountFC: null });
    expect((await receivableNow(t.db, r.id)).status).toBe(20);
  });

  it('or makes the excess a credit of the customer, removed again by the undo', async () => {
    const r = await receivable(t.db, f, '100.00');
    const [line] = await bankLines(t.db, f.division, [{ amount: '130.00' }]);
    const count = (await receivablesOf(t.db, f.belgian.id)).length;
    const action = await link(line.id, [{ receivableID: r.id, amountFC: '100.00' }], { overpayment: 'CREDIT' });
    const credit = (await receivablesOf(t.db, f.belgian.id)).filter((x) => x.transactionID === line.id && x.id !== r.id);
    expect(credit.map((c) => [c.amountFC, c.status, c.source, c.accountID])).toEqual([
      [new Dec('100.00').minus('130.00').toFixed(2), 20, 2, f.belgian.id],
    ]);
    expect(await lineNow(line.id)).toMatchObject({ reconciliationStatus: 50, openAmountFC: '0.00' });
    await undo(action.id);
    expect(await receivablesOf(t.db, f.belgian.id)).toHaveLength(count);
  });
});

describe('several invoices', () => {
  it('are settled by one line together, each for its whole amount', async () => {
    const amounts = ['100.00', '200.50', '49.50'];
    const items = await Promise.all(amounts.map((a) => receivable(t.db, f, a)));
    const total = amounts.reduce((s, a) => s.plus(a), new Dec(0)).toFixed(2);
    const [line] = await bankLines(t.db, f.division, [{ amount: total }]);
    const action = await link(
      line.id,
      items.map((r) => ({ receivableID: r.id, amountFC: r.amountFC })),
    );
    for (const r of items) expect(await receivableNow(t.db, r.id)).toMatchObject({ status: 50, isFullyPaid: true, transactionID: line.id });
    await undo(action.id);
    for (const r of items) expect((await receivableNow(t.db, r.id)).status).toBe(20);
  });

  it('never take more than the line holds', async () => {
    const [a, b] = [await receivable(t.db, f, '80.00'), await receivable(t.db, f, '40.00')];
    const [line] = await bankLines(t.db, f.division, [{ amount: '100.00' }]);
    const input = { lineID: line.id, items: [a, b].map((r) => ({ receivableID: r.id, amountFC: r.amountFC })) };
    await refused(LINK, { input }, 'BAD_USER_INPUT', 'AMOUNT_EXCEEDS');
  });
});

describe('a payment difference', () => {
  it('within the tolerance is booked when the user says so, and the item is fully paid', async () => {
    await ok(SETTINGS, { input: { divisionCode: f.division, toleranceFC: '1.00', paymentDifferenceGLAccountID: differenceAccount.id } });
    const r = await receivable(t.db, f, '100.00');
    const [line] = await bankLines(t.db, f.division, [{ amount: '99.40' }]);
    const action = await link(line.id, [{ receivableID: r.id, amountFC: '99.40', bookDifference: true }]);
    expect(await receivableNow(t.db, r.id)).toMatchObject({ status: 50, isFullyPaid: true, amountFC: '100.00' });
    const [match] = await t.db.dataSource.manager.findBy(ReconciliationMatch, { actionID: action.id });
    expect(match).toMatchObject({
      amountFC: '99.40',
      differenceFC: new Dec('100.00').minus('99.40').toFixed(2),
      glAccountID: differenceAccount.id,
    });
    await undo(action.id);
    expect((await receivableNow(t.db, r.id)).status).toBe(20);
  });

  it('beyond the tolerance is refused with nothing written', async () => {
    const r = await receivable(t.db, f, '100.00');
    const [line] = await bankLines(t.db, f.division, [{ amount: '98.00' }]);
    const input = { lineID: line.id, items: [{ receivableID: r.id, amountFC: '98.00', bookDifference: true }] };
    await refused(LINK, { input }, 'BAD_USER_INPUT', 'OUTSIDE_TOLERANCE');
    expect((await lineNow(line.id)).reconciliationStatus).toBeNull();
  });
});

describe('ignoring and isolation', () => {
  it('ignores a line with a reason, and the undo brings it back', async () => {
    const [line] = await bankLines(t.db, f.division, [{ amount: '-12.00' }]);
    const action = (await ok(IGNORE, { line: line.id, reason: 'internal transfer' })).ignoreBankEntryLine;
    expect((await lineNow(line.id)).reconciliationStatus).toBe(60);
    await refused(IGNORE, { line: line.id, reason: 'again' }, 'CONFLICT', 'ALREADY_SETTLED');
    await undo(action.id);
    expect((await lineNow(line.id)).reconciliationStatus).toBeNull();
  });

  it('never matches a line of one division with an item of another', async () => {
    const foreign = await receivable(t.db, f, '75.00', {
      divisionCode: f.otherDivision,
      ...(await otherDivisionRefs(t.db, f)),
    });
    const [line] = await bankLines(t.db, f.division, [{ amount: '75.00' }]);
    const input = { lineID: line.id, items: [{ receivableID: foreign.id, amountFC: '75.00' }] };
    await refused(LINK, { input }, 'BAD_USER_INPUT', 'ITEM_NOT_MATCHABLE');
    // A caller of the line's division only does not even see the item.
    const own = await gw.as({ divisions: [f.division] });
    const res = await own(LINK, { input });
    expect(res.errors![0].extensions?.code).toBe('NOT_FOUND');
    expect((await receivableNow(t.db, foreign.id)).status).toBe(20);
  });
});
