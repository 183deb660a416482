import { allDivisionCodes } from '../../src/access/authenticate';
import { Account } from '../../src/modules/accounts/account.entity';
import { CashEntryLine } from '../../src/modules/financial-accounts/cash-entry-line.entity';
import { CashEntry } from '../../src/modules/financial-accounts/cash-entry.entity';
import { Journal } from '../../src/modules/journals/journal.entity';
import { Dec } from '../../src/platform/decimal';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { startTestGateway, TestGateway } from '../support/gateway';

/**
 * Cash entries keyed in through GraphQL (createCashEntry, deleteCashEntry): the balance rule and
 * continuity, validation errors that name the field, nothing written on any refusal, idempotency
 * keys, versions, and the cash book as a financial account afterwards.
 */
let t: TestDatabase;
let gw: TestGateway;
let D: number;
let other: number;
let cashJournal: Journal;
let foreignAccount: Account;

beforeAll(async () => {
  t = await openSeededDatabase('cash_entries', { divisions: 2, payments: 30 });
  gw = await startTestGateway(t.db);
  [D, other] = await allDivisionCodes(t.db);
  cashJournal = await t.db.dataSource.getRepository(Journal).findOneByOrFail({ divisionCode: D, type: 10 });
  foreignAccount = await t.db.dataSource.getRepository(Account).findOneByOrFail({ divisionCode: other });
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

const CREATE = `mutation($input: CashEntryCreateInput!, $key: String) {
  createCashEntry(input: $input, idempotencyKey: $key) {
    entryID entryNumber journalCode openingBalanceFC closingBalanceFC financialYear financialPeriod status version creatorID
    lines(orderBy: [{ field: lineNumber }]) { nodes { lineNumber date amountFC amountDC balanceAfterFC description } }
  }
}`;
const DELETE = `mutation($id: UUID!, $version: Int!) { deleteCashEntry(entryID: $id, version: $version) { deletedEntryID } }`;
const ACCOUNT = `query($id: UUID!) { financialAccount(id: $id) { type currentBalance lastStatementDate transactions(last: 3) { nodes { amount balanceAfter } } } }`;

const counts = async () => [
  await t.db.dataSource.getRepository(CashEntry).count(),
  await t.db.dataSource.getRepository(CashEntryLine).count(),
];

/** The journal's last entry: its closing balance is where the next one opens. */
async function lastEntry(): Promise<CashEntry> {
  const [last] = await t.db.dataSource
    .getRepository(CashEntry)
    .find({ where: { divisionCode: D, journalCode: cashJournal.code }, order: { entryDate: 'DESC', entryNumber: 'DESC' }, take: 1 });
  return last;
}

/** A valid input: two lines on `day`, opening at the journal's last closing balance. */
async function validInput(day = '2026-06-20', overrides: Record<string, unknown> = {}) {
  const opening = (await lastEntry()).closingBalanceFC;
  return {
    divisionCode: D,
    journalCode: cashJournal.code,
    entryDate: `${day}T00:00:00Z`,
    closingBalanceFC: new Dec(opening).plus('12.50').minus('3.25').toFixed(2),
    lines: [
      { amountFC: '-3.25', description: 'Postzegels', date: `${day}T00:00:00Z` },
      { amountFC: '12.50', description: 'Verkoop' },
    ],
    ...overrides,
  };
}

async function expectRefused(input: unknown, code: string, field: string, rule: string) {
  const before = await counts();
  const res = await gw.gql(CREATE, { input });
  expect(res.errors).toHaveLength(1);
  const e = res.errors![0];
  expect({ code: e.extensions?.code, field: e.extensions?.field, rule: e.extensions?.rule }).toEqual({ code, field, rule });
  expect(e.message.startsWith(`${field}: `)).toBe(true);
  expect(await counts()).toEqual(before);
  return e;
}

describe('createCashEntry', () => {
  it('keys in an entry that opens at the previous closing balance, with lines numbered and balanced', async () => {
    const previous = await lastEntry();
    const input = await validInput('2026-06-20');
    const res = await gw.gql(CREATE, { input });
    expect(res.errors).toBeUndefined();
    const entry = res.data.createCashEntry;
    const opening = new Dec(previous.closingBalanceFC);
    expect(entry).toMatchObject({
      entryNumber: previous.entryNumber + 1,
      journalCode: cashJournal.code,
      openingBalanceFC: opening.toFixed(2),
      closingBalanceFC: input.closingBalanceFC,
      financialYear: 2026,
      financialPeriod: 6,
      status: 20,
      version: 1,
      creatorID: '00000000-0000-4000-8000-000000000001',
    });
    expect(entry.lines.nodes).toEqual([
      {
        lineNumber: 1,
        date: '2026-06-20T00:00:00.000Z',
        amountFC: '-3.25',
        amountDC: '-3.25',
        balanceAfterFC: opening.minus('3.25').toFixed(2),
        description: 'Postzegels',
      },
      {
        lineNumber: 2,
        date: '2026-06-20T00:00:00.000Z',
        amountFC: '12.50',
        amountDC: '12.50',
        balanceAfterFC: input.closingBalanceFC,
        description: 'Verkoop',
      },
    ]);
    const account = await gw.gql(ACCOUNT, { id: cashJournal.id });
    expect(account.data.financialAccount).toMatchObject({
      type: 'CASH',
      currentBalance: input.closingBalanceFC,
      lastStatementDate: '2026-06-20T00:00:00.000Z',
    });
    expect(account.data.financialAccount.transactions.nodes.slice(-2)).toEqual([
      { amount: '-3.25', balanceAfter: opening.minus('3.25').toFixed(2) },
      { amount: '12.50', balanceAfter: input.closingBalanceFC },
    ]);
  });

  it('refuses missing and malformed fields, naming each', async () => {
    const ok = await validInput('2026-06-21');
    await expectRefused({ ...ok, closingBalanceFC: null }, 'BAD_USER_INPUT', 'closingBalanceFC', 'REQUIRED');
    await expectRefused({ ...ok, journalCode: null }, 'BAD_USER_INPUT', 'journalCode', 'REQUIRED');
    await expectRefused({ ...ok, entryDate: null }, 'BAD_USER_INPUT', 'entryDate', 'REQUIRED');
    await expectRefused({ ...ok, lines: [] }, 'BAD_USER_INPUT', 'lines', 'REQUIRED');
    await expectRefused({ ...ok, lines: [ok.lines[0], { description: 'no amount' }] }, 'BAD_USER_INPUT', 'lines[1].amountFC', 'REQUIRED');
    await expectRefused({ ...ok, lines: [ok.lines[0], { amountFC: '12.505' }] }, 'BAD_USER_INPUT', 'lines[1].amountFC', 'AMOUNT_SCALE');
    await expectRefused(
      { ...ok, lines: [{ ...ok.lines[0], date: '2026-06-22T00:00:00Z' }, ok.lines[1]] },
      'BAD_USER_INPUT',
      'lines[0].date',
      'DATE_AFTER_ENTRY',
    );
    await expectRefused(
      { ...ok, lines: [{ ...ok.lines[0], description: 'x'.repeat(256) }, ok.lines[1]] },
      'BAD_USER_INPUT',
      'lines[0].description',
      'TOO_LONG',
    );
    await expectRefused(
      { ...ok, lines: Array.from({ length: 501 }, () => ({ amountFC: '0.01' })) },
      'BAD_USER_INPUT',
      'lines',
      'TOO_MANY_LINES',
    );
    await expectRefused({ ...ok, currency: 'USD' }, 'BAD_USER_INPUT', 'currency', 'CURRENCY_MISMATCH');
    await expectRefused({ ...ok, journalCode: 'NOPE' }, 'BAD_USER_INPUT', 'journalCode', 'UNKNOWN_REFERENCE');
    await expectRefused({ ...ok, journalCode: '20' }, 'BAD_USER_INPUT', 'journalCode', 'WRONG_JOURNAL_TYPE');
    // References must exist in the entry's own division.
    const foreign = { ...ok, lines: [{ ...ok.lines[0], accountID: foreignAccount.id }, ok.lines[1]] };
    await expectRefused(foreign, 'BAD_USER_INPUT', 'lines[0].accountID', 'UNKNOWN_REFERENCE');
  });

  it('refuses an unbalanced entry with the closing balance it should have', async () => {
    const ok = await validInput('2026-06-21');
    const e = await expectRefused(
      { ...ok, closingBalanceFC: new Dec(ok.closingBalanceFC).plus('0.01').toFixed(2) },
      'BAD_USER_INPUT',
      'closingBalanceFC',
      'UNBALANCED',
    );
    expect(e.extensions).toMatchObject({ expected: ok.closingBalanceFC, difference: '0.01' });
  });

  it('refuses an opening balance that is not the previous closing balance, and an entry that breaks the next one', async () => {
    const ok = await validInput('2026-06-21');
    const previous = await lastEntry();
    const opening = new Dec(previous.closingBalanceFC).plus('1.00');
    const e = await expectRefused(
      { ...ok, openingBalanceFC: opening.toFixed(2), closingBalanceFC: opening.plus('9.25').toFixed(2) },
      'CONFLICT',
      'openingBalanceFC',
      'BALANCE_GAP',
    );
    expect(e.extensions).toMatchObject({ expected: previous.closingBalanceFC, difference: '1.00', entryID: previous.entryID });
    // Dated before the last entry, with lines that do not sum to zero: the later entry would no longer open at its closing.
    const previousDay = await lastBefore('2026-06-19');
    const inserted = {
      ...ok,
      entryDate: '2026-06-19T00:00:00Z',
      lines: [{ amountFC: '5.00' }],
      closingBalanceFC: new Dec(previousDay.closingBalanceFC).plus('5.00').toFixed(2),
    };
    const later = await expectRefused(inserted, 'CONFLICT', 'closingBalanceFC', 'BALANCE_GAP');
    expect(later.extensions).toMatchObject({ expected: previousDay.closingBalanceFC, difference: '-5.00', entryID: previous.entryID });
  });

  it('refuses a division the caller was not granted', async () => {
    const asOther = await gw.as({ divisions: [other], name: 'other division only' });
    const before = await counts();
    const res = await asOther(CREATE, { input: await validInput('2026-06-21') });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'DIVISION_NOT_GRANTED', division: D });
    expect(await counts()).toEqual(before);
  });

  it('writes once per idempotency key and refuses the key with other input', async () => {
    const input = await validInput('2026-06-22');
    const before = await counts();
    const a = await gw.gql(CREATE, { input, key: 'cash-1' });
    const b = await gw.gql(CREATE, { input, key: 'cash-1' });
    expect(a.errors).toBeUndefined();
    expect(b.data.createCashEntry.entryID).toBe(a.data.createCashEntry.entryID);
    expect(await counts()).toEqual([before[0] + 1, before[1] + 2]);
    const c = await gw.gql(CREATE, { input: { ...input, lines: [{ amountFC: '9.25' }] }, key: 'cash-1' });
    expect(c.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey', rule: 'IDEMPOTENCY_KEY_REUSED' });
  });
});

/** The last entry of the cash journal dated before `day`. */
async function lastBefore(day: string): Promise<CashEntry> {
  const rows = await t.db.dataSource
    .getRepository(CashEntry)
    .find({ where: { divisionCode: D, journalCode: cashJournal.code }, order: { entryDate: 'ASC', entryNumber: 'ASC' } });
  return rows.filter((r) => r.entryDate < new Date(`${day}T00:00:00Z`)).pop()!;
}

describe('deleteCashEntry', () => {
  it('deletes only the last entry of its journal, at the version read, with its lines', async () => {
    const rows = await t.db.dataSource
      .getRepository(CashEntry)
      .find({ where: { divisionCode: D, journalCode: cashJournal.code }, order: { entryDate: 'ASC', entryNumber: 'ASC' } });
    const [earlier, last] = [rows[rows.length - 2], rows[rows.length - 1]];
    const stale = await gw.gql(DELETE, { id: last.entryID, version: last.version + 1 });
    expect(stale.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'version',
      rule: 'STALE_VERSION',
      currentVersion: last.version,
    });
    const notLast = await gw.gql(DELETE, { id: earlier.entryID, version: earlier.version });
    expect(notLast.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'entryID',
      rule: 'NOT_LAST_ENTRY',
      lastEntryID: last.entryID,
    });
    const asOther = await gw.as({ divisions: [other], name: 'other division only' });
    const hidden = await asOther(DELETE, { id: last.entryID, version: last.version });
    expect(hidden.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'entryID' });

    const done = await gw.gql(DELETE, { id: last.entryID, version: last.version });
    expect(done.data.deleteCashEntry).toEqual({ deletedEntryID: last.entryID });
    expect(await t.db.dataSource.getRepository(CashEntryLine).countBy({ entryID: last.entryID })).toBe(0);
    const account = await gw.gql(ACCOUNT, { id: cashJournal.id });
    expect(account.data.financialAccount.currentBalance).toBe(earlier.closingBalanceFC);
    const missing = await gw.gql(DELETE, { id: last.entryID, version: last.version });
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'entryID', rule: 'NOT_FOUND' });
  });

  it('needs the scope cash:write', async () => {
    const reader = await gw.as({ scopes: ['statements:read', 'payments:read'], name: 'reader' });
    const res = await reader(CREATE, { input: await validInput('2026-06-23') });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', scope: 'cash:write' });
  });
});
