import { BankEntryLine } from '../../src/modules/financial-accounts/bank-entry-line.entity';
import { BankEntry } from '../../src/modules/financial-accounts/bank-entry.entity';
import { GLAccount } from '../../src/modules/gl-accounts/gl-account.entity';
import { ReconciliationPart } from '../../src/modules/reconciliation/line-part.entity';
import { ReconciliationAction } from '../../src/modules/reconciliation/match-action.entity';
import { ReconciliationProposal } from '../../src/modules/reconciliation/proposal-record.entity';
import { Dec } from '../../src/platform/decimal';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { startTestGateway, TestGateway } from '../support/gateway';
import { ReceivableFixture, receivableFixture, receivablesFingerprint } from '../support/receivables';
import {
  bankLines,
  otherDivisionRefs,
  propose,
  receivable,
  receivableNow,
  receivablesProposal,
  restorable,
} from '../support/reconciliation-apply';

/**
 * Splitting a bank entry line on the processing list over real HTTP (splitBankEntryLine): the
 * rules of the parts, each part matched, booked and ignored on its own, the line's status from
 * its parts, the statement's movements and running balances untouched, the undo (refused while a
 * part holds, then exact), and the isolation of divisions. Expected amounts are computed here.
 */
let t: TestDatabase;
let gw: TestGateway;
let f: ReceivableFixture;
let gl: GLAccount;

const SPLIT = `mutation($line: UUID!, $parts: [BankEntryLinePartInput!]!) {
  splitBankEntryLine(lineID: $line, parts: $parts) { id actionType bankEntryLineID creatorID created
    parts(orderBy: [{ field: partNumber }]) { nodes { id partNumber amountFC description reconciliationStatus } } } }`;
const LINK = `mutation($input: LinkBankEntryLineInput!) { linkBankEntryLine(input: $input) { id actionType bankEntryLineID partID } }`;
const BOOK = `mutation($line: UUID!, $gl: UUID!) { bookBankEntryLine(lineID: $line, glAccountID: $gl) { id partID } }`;
const IGNORE = `mutation($line: UUID!, $reason: String!) { ignoreBankEntryLine(lineID: $line, reason: $reason) { id partID } }`;
const UNDO = `mutation($id: UUID!) { undoReconciliationAction(actionID: $id) { id actionType undoOfID } }`;
const LIST = `query($where: BankEntryLineWhere) { reconciliationList(where: $where) { totalCount nodes { id reconciliationStatus openAmountFC
  reconciliationParts(where: { undone: { isNull: true } }, orderBy: [{ field: partNumber }]) { nodes { amountFC reconciliationStatus } } } } }`;

type Part = { id: string; partNumber: number; amountFC: string; description: string | null; reconciliationStatus: number };

beforeAll(async () => {
  t = await openSeededDatabase('reconciliation_split', { divisions: 2, payments: 40 });
  gw = await startTestGateway(t.db);
  f = await receivableFixture(t.db);
  gl = (await t.db.dataSource.manager.findOneBy(GLAccount, { divisionCode: f.division }))!;
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

/** Everything a refused call could have written: lines, actions, parts, proposals, receivables. */
async function fingerprint(): Promise<string> {
  const m = t.db.dataSource.manager;
  const lines = await m.find(BankEntryLine, { order: { id: 'ASC' } });
  const actions = await m.find(ReconciliationAction, { order: { id: 'ASC' } });
  const parts = await m.find(ReconciliationPart, { order: { id: 'ASC' } });
  const proposals = await m.find(ReconciliationProposal, { order: { id: 'ASC' } });
  return JSON.stringify([
    lines.map((l) => [l.id, l.reconciliationStatus, l.openAmountFC]),
    actions.map((a) => [a.id, a.undone !== null]),
    parts.map((p) => [p.id, p.reconciliationStatus, p.openAmountFC, p.undone !== null]),
    proposals.map((p) => [p.id, p.status]),
    await receivablesFingerprint(t.db),
  ]);
}

async function refused(query: string, variables: Record<string, unknown>, code: string, rule: string, field?: string) {
  const before = await fingerprint();
  const res = await gw.gql(query, variables);
  expect(res.errors).toHaveLength(1);
  const e = res.errors![0].extensions!;
  expect({ code: e.code, rule: e.rule, ...(field ? { field: e.field } : {}) }).toEqual({ code, rule, ...(field ? { field } : {}) });
  expect(await fingerprint()).toBe(before);
  return res.errors![0];
}

const split = async (line: string, parts: { amountFC: string; description?: string }[]) =>
  (await ok(SPLIT, { line, parts })).splitBankEntryLine as { id: string; parts: { nodes: Part[] } };
const lineNow = (id: string) => t.db.dataSource.manager.findOneByOrFail(BankEntryLine, { id });

describe('the rules of a split', () => {
  it('refuses parts that do not divide the line exactly, and writes nothing', async () => {
    const [line, other] = await bankLines(t.db, f.division, [{ amount: '100.00' }, { amount: '-40.00' }]);
    const parts = (...amounts: string[]) => ({ line: line.id, parts: amounts.map((amountFC) => ({ amountFC })) });
    await refused(SPLIT, parts('100.00'), 'BAD_USER_INPUT', 'INVALID_VALUE', 'parts');
    await refused(SPLIT, parts('60.00', '30.00'), 'BAD_USER_INPUT', 'AMOUNT_EXCEEDS', 'parts');
    await refused(SPLIT, parts('60.00', '40.01'), 'BAD_USER_INPUT', 'AMOUNT_EXCEEDS', 'parts');
    await refused(SPLIT, parts('99.995', '0.005'), 'BAD_USER_INPUT', 'INVALID_VALUE', 'parts.amountFC');
    await refused(SPLIT, parts('100.00', '0.00'), 'BAD_USER_INPUT', 'INVALID_VALUE', 'parts.amountFC');
    await refused(SPLIT, parts('110.00', '-10.00'), 'BAD_USER_INPUT', 'INVALID_VALUE', 'parts.amountFC');
    const long = { line: other.id, parts: [{ amountFC: '-20.00', description: 'x'.repeat(256) }, { amountFC: '-20.00' }] };
    await refused(SPLIT, long, 'BAD_USER_INPUT', 'TOO_LONG', 'parts.description');
    // A cent is the smallest part.
    const cents = await split(line.id, [{ amountFC: '99.99' }, { amountFC: '0.01' }]);
    expect(cents.parts.nodes.map((p) => p.amountFC)).toEqual(['99.99', '0.01']);
  });

  it('refuses a line that is settled, partly settled or a part already', async () => {
    const r = await receivable(t.db, f, '70.00');
    const [settled, partly, whole] = await bankLines(t.db, f.division, [{ amount: '70.00' }, { amount: '90.00' }, { amount: '50.00' }]);
    await ok(LINK, { input: { lineID: settled.id, items: [{ receivableID: r.id, amountFC: '70.00' }] } });
    await refused(SPLIT, { line: settled.id, parts: [{ amountFC: '35.00' }, { amountFC: '35.00' }] }, 'CONFLICT', 'ALREADY_SETTLED');
    await ok(
      BOOK.replace(
        'bookBankEntryLine(lineID: $line, glAccountID: $gl)',
        'bookBankEntryLine(lineID: $line, glAccountID: $gl, amountFC: "10.00")',
      ),
      {
        line: partly.id,
        gl: gl.id,
      },
    );
    await refused(SPLIT, { line: partly.id, parts: [{ amountFC: '45.00' }, { amountFC: '45.00' }] }, 'CONFLICT', 'ALREADY_SETTLED');
    const done = await split(whole.id, [{ amountFC: '20.00' }, { amountFC: '30.00' }]);
    const part = done.parts.nodes[1].id;
    await refused(
      SPLIT,
      { line: part, parts: [{ amountFC: '10.00' }, { amountFC: '20.00' }] },
      'BAD_USER_INPUT',
      'INVALID_VALUE',
      'lineID',
    );
    await refused(SPLIT, { line: whole.id, parts: [{ amountFC: '25.00' }, { amountFC: '25.00' }] }, 'CONFLICT', 'ALREADY_SETTLED');
  });
});

describe('a split line', () => {
  it('settles each part on its own, keeps the statement as it was, and undoes exactly', async () => {
    const r = await receivable(t.db, f, '120.00');
    const rBefore = restorable(await receivableNow(t.db, r.id));
    const lines = await bankLines(t.db, f.division, [{ amount: '25.00' }, { amount: '300.00' }, { amount: '-12.50' }]);
    const line = lines[1];
    const entryBefore = await t.db.dataSource.manager.findOneByOrFail(BankEntry, { entryID: line.entryID });
    const linesBefore = await t.db.dataSource.manager.findBy(BankEntryLine, { entryID: line.entryID });
    const [proposal] = await propose(t.db, f.division, [receivablesProposal(line, [{ id: r.id, amountFC: '120.00' }], 0.5)]);
    expect((await lineNow(line.id)).reconciliationStatus).toBe(20);

    const amounts = ['120.00', '150.00', '30.00'];
    const action = await split(line.id, [
      { amountFC: amounts[0], description: 'invoice' },
      { amountFC: amounts[1], description: 'rent' },
      { amountFC: amounts[2] },
    ]);
    expect(action).toMatchObject({ actionType: 'SPLIT', bankEntryLineID: line.id });
    expect(action.parts.nodes.map((p) => [p.partNumber, p.amountFC, p.description, p.reconciliationStatus])).toEqual([
      [1, '120.00', 'invoice', 10],
      [2, '150.00', 'rent', 10],
      [3, '30.00', null, 10],
    ]);
    expect(Dec.sum(0, ...action.parts.nodes.map((p) => p.amountFC)).toFixed(2)).toBe(line.amountFC);
    const actionRow = await t.db.dataSource.manager.findOneByOrFail(ReconciliationAction, { id: action.id });
    expect(actionRow.creatorID).not.toBeNull();
    expect(actionRow.created).toBeInstanceOf(Date);
    // The statement's movements and running balances are what they were: same lines, amounts, balances.
    const shape = (ls: BankEntryLine[]) => ls.map((l) => [l.id, l.lineNumber, l.amountFC, l.balanceAfterFC]).sort();
    expect(shape(await t.db.dataSource.manager.findBy(BankEntryLine, { entryID: line.entryID }))).toEqual(shape(linesBefore));
    const entryAfter = await t.db.dataSource.manager.findOneByOrFail(BankEntry, { entryID: line.entryID });
    expect([entryAfter.openingBalanceFC, entryAfter.closingBalanceFC]).toEqual([
      entryBefore.openingBalanceFC,
      entryBefore.closingBalanceFC,
    ]);
    // The whole line's proposal no longer waits; the line waits for its parts.
    expect((await t.db.dataSource.manager.findOneByOrFail(ReconciliationProposal, { id: proposal.id })).status).toBe('SUPERSEDED');
    expect(await lineNow(line.id)).toMatchObject({ reconciliationStatus: 30, openAmountFC: '300.00' });
    await refused(LINK, { input: { lineID: line.id, items: [{ receivableID: r.id, amountFC: '120.00' }] } }, 'CONFLICT', 'ALREADY_SETTLED');

    const [p1, p2, p3] = action.parts.nodes;
    const linked = (await ok(LINK, { input: { lineID: p1.id, items: [{ receivableID: r.id, amountFC: '120.00' }] } })).linkBankEntryLine;
    expect(linked).toMatchObject({ bankEntryLineID: line.id, partID: p1.id });
    expect(await receivableNow(t.db, r.id)).toMatchObject({ status: 50, transactionID: line.id, isFullyPaid: true });
    const open = new Dec('300.00').minus(amounts[0]).toFixed(2);
    expect(await lineNow(line.id)).toMatchObject({ reconciliationStatus: 30, openAmountFC: open });
    // A part takes at most what it has: 150.01 of the 150.00 part is refused.
    await refused(
      LINK,
      { input: { lineID: p2.id, glAccounts: [{ glAccountID: gl.id, amountFC: '150.01' }] } },
      'BAD_USER_INPUT',
      'AMOUNT_EXCEEDS',
    );
    const booked = (await ok(BOOK, { line: p2.id, gl: gl.id })).bookBankEntryLine;
    const list = (await ok(LIST, { where: { id: { eq: line.id } } })).reconciliationList;
    expect(list.nodes).toEqual([
      {
        id: line.id,
        reconciliationStatus: 30,
        openAmountFC: amounts[2],
        reconciliationParts: {
          nodes: [
            { amountFC: '120.00', reconciliationStatus: 50 },
            { amountFC: '150.00', reconciliationStatus: 50 },
            { amountFC: '30.00', reconciliationStatus: 10 },
          ],
        },
      },
    ]);
    const ignored = (await ok(IGNORE, { line: p3.id, reason: 'bank fee refunded elsewhere' })).ignoreBankEntryLine;
    expect(await lineNow(line.id)).toMatchObject({ reconciliationStatus: 50, openAmountFC: '0.00' });
    expect((await ok(LIST, { where: { id: { eq: line.id } } })).reconciliationList.totalCount).toBe(0);
    await refused(IGNORE, { line: p3.id, reason: 'again' }, 'CONFLICT', 'ALREADY_SETTLED');

    // The split holds while a part is settled; the parts' actions are undone first, in any order.
    await refused(UNDO, { id: action.id }, 'CONFLICT', 'NOT_UNDOABLE');
    await ok(UNDO, { id: ignored.id });
    expect(await lineNow(line.id)).toMatchObject({ reconciliationStatus: 30, openAmountFC: amounts[2] });
    await ok(UNDO, { id: linked.id });
    expect(restorable(await receivableNow(t.db, r.id))).toEqual(rBefore);
    await refused(UNDO, { id: action.id }, 'CONFLICT', 'NOT_UNDOABLE');
    await ok(UNDO, { id: booked.id });
    expect(await lineNow(line.id)).toMatchObject({ reconciliationStatus: 30, openAmountFC: '300.00' });
    await ok(UNDO, { id: action.id });
    // The single line again, exactly: status and open amount as before the split, its proposal waiting again.
    expect(await lineNow(line.id)).toMatchObject({ reconciliationStatus: 20, openAmountFC: null, amountFC: '300.00' });
    expect((await t.db.dataSource.manager.findOneByOrFail(ReconciliationProposal, { id: proposal.id })).status).toBe('PROPOSED');
    const parts = await t.db.dataSource.manager.findBy(ReconciliationPart, { actionID: action.id });
    expect(parts.map((p) => p.undone !== null)).toEqual([true, true, true]);
    await refused(LINK, { input: { lineID: p1.id, items: [{ receivableID: r.id, amountFC: '120.00' }] } }, 'NOT_FOUND', 'NOT_FOUND');
    // And the line can be settled whole now.
    await ok(LINK, { input: { lineID: line.id, items: [{ receivableID: r.id, amountFC: '120.00' }], overpayment: 'KEEP_ON_LINE' } });
    expect(await lineNow(line.id)).toMatchObject({ reconciliationStatus: 10, openAmountFC: '180.00' });
  });

  it('counts a split line as open for what its parts have open, and as ignored when every part is', async () => {
    const [line] = await bankLines(t.db, f.division, [{ amount: '-80.00' }]);
    const done = await split(line.id, [{ amountFC: '-30.00' }, { amountFC: '-50.00' }]);
    const STATUS = `query { reconciliationStatus { journalCode open { count amountFC } ignored { count amountFC } } }`;
    const ofJournal = async () =>
      (await ok(STATUS, {})).reconciliationStatus.find((s: { journalCode: string }) => s.journalCode === line.journalCode);
    expect(await ofJournal()).toMatchObject({ open: { count: 1, amountFC: '-80.00' }, ignored: { count: 0 } });
    await ok(IGNORE, { line: done.parts.nodes[0].id, reason: 'cash withdrawal' });
    expect(await ofJournal()).toMatchObject({ open: { count: 1, amountFC: '-50.00' } });
    await ok(IGNORE, { line: done.parts.nodes[1].id, reason: 'cash withdrawal' });
    expect(await lineNow(line.id)).toMatchObject({ reconciliationStatus: 60 });
    expect(await ofJournal()).toMatchObject({ open: { count: 0 }, ignored: { count: 1, amountFC: '-80.00' } });
  });
});

describe('isolation of divisions', () => {
  it('never splits a line for a caller without its division, nor settles a part with an item of another division', async () => {
    const [line] = await bankLines(t.db, f.division, [{ amount: '60.00' }]);
    const foreign = await receivable(t.db, f, '20.00', { divisionCode: f.otherDivision, ...(await otherDivisionRefs(t.db, f)) });
    const asOther = await gw.as({ divisions: [f.otherDivision], name: 'other division only' });
    const before = await fingerprint();
    const res = await asOther(SPLIT, { line: line.id, parts: [{ amountFC: '20.00' }, { amountFC: '40.00' }] });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'lineID' });
    expect(await fingerprint()).toBe(before);
    const done = await split(line.id, [{ amountFC: '20.00' }, { amountFC: '40.00' }]);
    const part = done.parts.nodes[0].id;
    const other = await asOther(IGNORE, { line: part, reason: 'not mine' });
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'lineID' });
    const read = await asOther(`query { reconciliationParts(where: { bankEntryLineID: { eq: "${line.id}" } }) { totalCount } }`);
    expect(read.data?.reconciliationParts.totalCount).toBe(0);
    // Granted both divisions, a part of one division still never settles an item of the other.
    await refused(
      LINK,
      { input: { lineID: part, items: [{ receivableID: foreign.id, amountFC: '20.00' }] } },
      'BAD_USER_INPUT',
      'ITEM_NOT_MATCHABLE',
    );
  });
});
