import { In } from 'typeorm';
import { BankEntryLine } from '../../src/modules/financial-accounts/bank-entry-line.entity';
import { ReconciliationAction } from '../../src/modules/reconciliation/match-action.entity';
import { ReconciliationProposal } from '../../src/modules/reconciliation/proposal-record.entity';
import { Payment } from '../../src/modules/payments/payment.entity';
import { PaymentMatch } from '../../src/modules/matching/payment-match.entity';
import { Dec } from '../../src/platform/decimal';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { startTestGateway, TestGateway } from '../support/gateway';
import { ReceivableFixture, receivableFixture } from '../support/receivables';
import { bankLines, propose, receivable, receivableNow, receivablesProposal } from '../support/reconciliation-apply';

/**
 * The processing list and the proposals over real HTTP: proposals stored with confidence and
 * reasons, the list of waiting lines through the list-query builder, accepting one or several
 * proposals (a second acceptance of the same item is CONFLICT), payments settled by debit lines
 * through the payment matching, reconciliationStatus per financial account, and the automatic
 * matching after an import (the runtime event statementsImported) with the real engine.
 */
let t: TestDatabase;
let gw: TestGateway;
let f: ReceivableFixture;

beforeAll(async () => {
  t = await openSeededDatabase('reconciliation_list', { divisions: 2, payments: 40 });
  gw = await startTestGateway(t.db);
  f = await receivableFixture(t.db);
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

const ACCEPT = `mutation($id: UUID!) { acceptReconciliationProposal(proposalID: $id) { id actionType proposalID } }`;
const ACCEPT_MANY = `mutation($ids: [UUID!]!) { acceptReconciliationProposals(proposalIDs: $ids) { id } }`;
const UNDO = `mutation($id: UUID!) { undoReconciliationAction(actionID: $id) { id } }`;
const LIST = `query($where: BankEntryLineWhere, $first: Int) {
  reconciliationList(where: $where, first: $first, orderBy: [{ field: amountFC, direction: DESC }]) {
    totalCount nodes { id amountFC reconciliationStatus
      reconciliationProposals(where: { status: { eq: "PROPOSED" } }, orderBy: [{ field: rank }]) {
        nodes { rank confidence matchType items reasons } } } } }`;
const STATUS = `query($id: UUID) { reconciliationStatus(financialAccountID: $id) {
  journalCode matched { count amountFC } proposed { count amountFC } open { count amountFC } ignored { count amountFC } } }`;
const LINK = `mutation($input: LinkBankEntryLineInput!) { linkBankEntryLine(input: $input) { id } }`;

async function ok(query: string, variables: Record<string, unknown> = {}) {
  const res = await gw.gql(query, variables);
  expect(res.errors).toBeUndefined();
  return res.data;
}

describe('proposals and the processing list', () => {
  it('lists the waiting lines with their proposals, best first, and drops a line once its proposal is accepted', async () => {
    const [a, b] = [await receivable(t.db, f, '410.00'), await receivable(t.db, f, '415.00')];
    const lines = await bankLines(t.db, f.division, [{ amount: '410.00' }, { amount: '415.00' }, { amount: '-3.00' }]);
    await propose(t.db, f.division, [
      receivablesProposal(lines[0], [{ id: a.id, amountFC: '410.00' }], 0.8),
      receivablesProposal(lines[0], [{ id: b.id, amountFC: '415.00' }], 0.4),
      receivablesProposal(lines[1], [{ id: b.id, amountFC: '415.00' }], 0.7),
    ]);
    const ids = lines.map((l) => l.id);
    const where = { id: { in: ids } };
    const list = (await ok(LIST, { where })).reconciliationList;
    expect(list.totalCount).toBe(3);
    expect(list.nodes.map((n: { amountFC: string }) => n.amountFC)).toEqual(['415.00', '410.00', '-3.00']);
    const first = list.nodes.find((n: { id: string }) => n.id === lines[0].id);
    expect(first.reconciliationStatus).toBe(20);
    expect(first.reconciliationProposals.nodes.map((p: { rank: number; confidence: string }) => [p.rank, p.confidence])).toEqual([
      [1, '0.8000'],
      [2, '0.4000'],
    ]);
    expect(JSON.parse(first.reconciliationProposals.nodes[0].reasons)).toEqual([
      { rule: 'amount', fields: ['AmountFC'], detail: 'test proposal' },
    ]);

    const best = await t.db.dataSource.query(
      `SELECT ID AS id FROM ReconciliationProposals WHERE BankEntryLine = ? AND ${t.db.dialect.quote('Rank')} = 1`,
      [lines[0].id],
    );
    const action = (await ok(ACCEPT, { id: best[0].id })).acceptReconciliationProposal;
    expect(action).toMatchObject({ actionType: 'ACCEPT', proposalID: best[0].id });
    expect((await receivableNow(t.db, a.id)).status).toBe(50);
    const after = (await ok(LIST, { where })).reconciliationList;
    expect(after.nodes.map((n: { id: string }) => n.id)).toEqual([lines[1].id, lines[2].id]);

    // Accepted already: the same proposal again is CONFLICT, and so is the line's second proposal.
    const again = await gw.gql(ACCEPT, { id: best[0].id });
    expect(again.errors![0].extensions?.code).toBe('CONFLICT');
    await ok(UNDO, { id: action.id });
    expect((await receivableNow(t.db, a.id)).status).toBe(20);
    expect((await ok(LIST, { where })).reconciliationList.totalCount).toBe(3);
    // The accepted proposal and the one its acceptance superseded wait again.
    const statuses = await t.db.dataSource.query('SELECT Status AS s FROM ReconciliationProposals WHERE BankEntryLine = ?', [lines[0].id]);
    expect(statuses.map((r: { s: string }) => r.s)).toEqual(['PROPOSED', 'PROPOSED']);
  });

  it('accepts several proposals at once, all or nothing', async () => {
    const [a, b] = [await receivable(t.db, f, '510.00'), await receivable(t.db, f, '520.00')];
    const lines = await bankLines(t.db, f.division, [{ amount: '510.00' }, { amount: '520.00' }, { amount: '520.00' }]);
    const stored = await propose(t.db, f.division, [
      receivablesProposal(lines[0], [{ id: a.id, amountFC: '510.00' }]),
      receivablesProposal(lines[1], [{ id: b.id, amountFC: '520.00' }]),
      receivablesProposal(lines[2], [{ id: b.id, amountFC: '520.00' }]),
    ]);
    const byLine = (l: { id: string }) => stored.find((p) => p.bankEntryLineID === l.id)!.id;
    // Two proposals for one item: the second fails and nothing of the call stays.
    const actionsBefore = await t.db.dataSource.manager.count(ReconciliationAction);
    const clash = await gw.gql(ACCEPT_MANY, { ids: lines.map(byLine) });
    // The answer names the line that failed and why; the two accepted before it are rolled back.
    expect(clash.errors).toHaveLength(1);
    expect(clash.errors![0].extensions).toMatchObject({
      code: 'CONFLICT',
      rule: 'ALREADY_SETTLED',
      field: 'proposalIDs',
      index: 2,
      proposalID: byLine(lines[2]),
      lineID: lines[2].id,
    });
    expect(clash.errors![0].message).toMatch(new RegExp(`^proposalIDs\\[2\\]: line ${lines[2].id}: `));
    expect([(await receivableNow(t.db, a.id)).status, (await receivableNow(t.db, b.id)).status]).toEqual([20, 20]);
    expect(await t.db.dataSource.manager.count(ReconciliationAction)).toBe(actionsBefore);
    const statuses = await t.db.dataSource.manager.findBy(ReconciliationProposal, { id: In(stored.map((p) => p.id)) });
    expect(statuses.map((p) => p.status)).toEqual(['PROPOSED', 'PROPOSED', 'PROPOSED']);
    expect((await gw.gql(ACCEPT_MANY, { ids: [byLine(lines[0]), byLine(lines[0])] })).errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'proposalIDs',
    });
    const done = (await ok(ACCEPT_MANY, { ids: [byLine(lines[0]), byLine(lines[1])] })).acceptReconciliationProposals;
    expect(done).toHaveLength(2);
    expect([(await receivableNow(t.db, a.id)).status, (await receivableNow(t.db, b.id)).status]).toEqual([50, 50]);
  });

  it('refuses a bulk accept whose proposal names an item another line settled since, naming that line, nothing written', async () => {
    const [a, b] = [await receivable(t.db, f, '610.00'), await receivable(t.db, f, '620.00')];
    const lines = await bankLines(t.db, f.division, [{ amount: '610.00' }, { amount: '620.00' }, { amount: '620.00' }]);
    const stored = await propose(t.db, f.division, [
      receivablesProposal(lines[0], [{ id: a.id, amountFC: '610.00' }]),
      receivablesProposal(lines[1], [{ id: b.id, amountFC: '620.00' }]),
    ]);
    // Someone settles b by hand from another line first.
    await ok(LINK, { input: { lineID: lines[2].id, items: [{ receivableID: b.id, amountFC: '620.00' }] } });
    const before = await t.db.dataSource.manager.count(ReconciliationAction);
    const byLine = (l: { id: string }) => stored.find((p) => p.bankEntryLineID === l.id)!.id;
    const res = await gw.gql(ACCEPT_MANY, { ids: [byLine(lines[0]), byLine(lines[1])] });
    expect(res.errors![0].extensions).toMatchObject({
      code: 'CONFLICT',
      rule: 'ALREADY_SETTLED',
      field: 'proposalIDs',
      index: 1,
      proposalID: byLine(lines[1]),
      lineID: lines[1].id,
    });
    expect(res.errors![0].message).toContain(b.id);
    expect((await receivableNow(t.db, a.id)).status).toBe(20);
    expect(await t.db.dataSource.manager.count(ReconciliationAction)).toBe(before);
    expect((await t.db.dataSource.manager.findOneByOrFail(BankEntryLine, { id: lines[0].id })).reconciliationStatus).toBe(20);
  });

  it('spreads a line that pays less over the proposed items, leaving the last one partly open', async () => {
    const [a, b] = [await receivable(t.db, f, '60.00'), await receivable(t.db, f, '40.00')];
    const [line] = await bankLines(t.db, f.division, [{ amount: '90.00' }]);
    const proposal = receivablesProposal(line, [
      { id: a.id, amountFC: '60.00' },
      { id: b.id, amountFC: '40.00' },
    ]);
    const [stored] = await propose(t.db, f.division, [{ ...proposal, differenceFC: '-10.00' }]);
    await ok(ACCEPT, { id: stored.id });
    expect(await receivableNow(t.db, a.id)).toMatchObject({ status: 50, amountFC: '60.00', isFullyPaid: true });
    // The second gets what the line has left: 90.00 - 60.00; the rest of it stays open as a new part.
    const paid = new Dec('90.00').minus('60.00').toFixed(2);
    expect(await receivableNow(t.db, b.id)).toMatchObject({ status: 50, amountFC: paid, isFullyPaid: false });
  });
});

describe('payments', () => {
  it('are settled by a debit line through the payment matching, and the undo unmatches them', async () => {
    const payment = (await t.db.dataSource.manager.findOne(Payment, { where: { divisionCode: f.division, status: 20, currency: 'EUR' } }))!;
    const [line] = await bankLines(t.db, f.division, [{ amount: new Dec(payment.amountFC).negated().toFixed(2) }]);
    const input = { lineID: line.id, items: [{ paymentID: payment.id, amountFC: payment.amountFC }] };
    const action = (await ok(LINK, { input })).linkBankEntryLine;
    const matched = await t.db.dataSource.manager.findOneByOrFail(Payment, { id: payment.id });
    expect(matched.status).toBe(50);
    expect(matched.endDate!.toISOString()).toBe(line.date.toISOString());
    expect(await t.db.dataSource.manager.countBy(PaymentMatch, { paymentID: payment.id, bankStatementLineReference: line.id })).toBe(1);
    // A credit line cannot settle a payment.
    await ok(UNDO, { id: action.id });
    expect((await t.db.dataSource.manager.findOneByOrFail(Payment, { id: payment.id })).status).toBe(20);
    const wrongSide = await gw.gql(LINK, {
      input: { lineID: (await bankLines(t.db, f.division, [{ amount: '5.00' }]))[0].id, items: input.items },
    });
    expect(wrongSide.errors![0].extensions?.rule).toBe('AMOUNT_EXCEEDS');
  });
});

describe('reconciliationStatus', () => {
  it('counts and sums the lines of an account by status', async () => {
    const r = await receivable(t.db, f, '70.00');
    const lines = await bankLines(t.db, f.division, [{ amount: '70.00' }, { amount: '-8.50' }, { amount: '33.00' }, { amount: '12.00' }]);
    await ok(LINK, { input: { lineID: lines[0].id, items: [{ receivableID: r.id, amountFC: '70.00' }] } });
    await ok(`mutation($l: UUID!) { ignoreBankEntryLine(lineID: $l, reason: "bank fee") { id } }`, { l: lines[1].id });
    await propose(t.db, f.division, [receivablesProposal(lines[2], [{ id: r.id, amountFC: '33.00' }])]);
    const journal = lines[0].journalCode;
    const rows = (await ok(STATUS)).reconciliationStatus.filter((s: { journalCode: string }) => s.journalCode === journal);
    expect(rows).toEqual([
      {
        journalCode: journal,
        matched: { count: 1, amountFC: '70.00' },
        proposed: { count: 1, amountFC: '33.00' },
        open: { count: 1, amountFC: '12.00' },
        ignored: { count: 1, amountFC: '-8.50' },
      },
    ]);
  });
});

describe('automatic matching after an import', () => {
  it('matches a line paying a structured communication once the import is announced', async () => {
    const r = await receivable(t.db, f, '321.00');
    expect(r.paymentReference).toMatch(/^\+\+\+\d{3}\/\d{4}\/\d{5}\+\+\+$/);
    const digits = r.paymentReference!.replace(/\D/g, '');
    const [line] = await bankLines(t.db, f.division, [
      { amount: '321.00', structuredReference: digits, counterpartyName: 'Customer TESTBE' },
    ]);
    const events = gw.gateway.runtime.events;
    const done = new Promise<{ applied: number; lines: number }>((resolve) => events.once('linesReconciled', resolve));
    events.emit('statementsImported', { entries: [{ divisionCode: f.division, entryID: line.entryID }] });
    const result = await done;
    expect(result).toMatchObject({ lines: 1, applied: 1 });
    expect(await receivableNow(t.db, r.id)).toMatchObject({ status: 50, transactionID: line.id, isFullyPaid: true });
    const actions = await t.db.dataSource.query(`SELECT ActionType AS type FROM ReconciliationActions WHERE BankEntryLine = ?`, [line.id]);
    expect(actions).toEqual([{ type: 'AUTO' }]);
  });

  it('reconciles on demand for a date range, leaving what is below the threshold on the list', async () => {
    const [line] = await bankLines(t.db, f.division, [{ amount: '9876.54', counterpartyName: 'Nobody known' }], 45);
    const res = await ok(`mutation { reconcileBankLines(from: "2026-02-15T00:00:00Z", to: "2026-02-15T00:00:00Z") { lines applied } }`);
    expect(res.reconcileBankLines.lines).toBeGreaterThanOrEqual(1);
    const list = (await ok(LIST, { where: { id: { eq: line.id } } })).reconciliationList;
    expect(list.totalCount).toBe(1);
  });
});
