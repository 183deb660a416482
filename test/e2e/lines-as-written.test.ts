import { allDivisionCodes } from '../../src/access/authenticate';
import { DivisionScope } from '../../src/access/division-scope';
import type { MadeRows } from '../../src/db/bulk-insert';
import { BankEntryLine } from '../../src/modules/financial-accounts/bank-entry-line.entity';
import { BankEntry } from '../../src/modules/financial-accounts/bank-entry.entity';
import { checkStatement } from '../../src/modules/financial-accounts/statement.input';
import { Dec } from '../../src/platform/decimal';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { dayText, ownBankAccount, statement, store } from '../support/statements';

/**
 * A statement's lines are made as the database reads them (issue 12, Performance): the rows of a
 * statement go to DivisionScope.insertMany as MadeRows, through LOAD DATA on MariaDB in pieces
 * made while the server writes the ones before. What is stored is what storing them as a list
 * stored: every line, numbered in booking order with its running balance, with time-ordered IDs
 * (UUIDv7) in line order; and the division check holds for rows made late: a made row of a
 * division its source did not declare fails the write, and the transaction keeps nothing.
 */
let t: TestDatabase;
let D: number;
let other: number;

beforeAll(async () => {
  t = await openSeededDatabase('lines_as_written', { divisions: 2, payments: 20 });
  [D, other] = await allDivisionCodes(t.db);
});
afterAll(() => t.close());

/** A statement of `count` lines over ten booking days, in an order the store must sort (days descending in the file). */
function bigStatement(iban: string, count: number) {
  const lines = Array.from({ length: count }, (_, i) => ({
    bookingDate: dayText(100 - (i % 10)),
    amount: new Dec(((i * 7919) % 200_000) - 100_000).dividedBy(100).toFixed(2),
    // Multi-byte UTF-8 (two, three and four bytes: é, €, an emoji): the LOAD DATA text is cut into
    // pieces by bytes, not characters.
    counterpartyName: `Café Ölçü ${i % 97} € 😀 with a name long enough to fill the row`,
    unstructuredRemittance: `Invoice ${i} \\N back\\slash`,
  }));
  return statement(D, iban, '7', dayText(100), '1000.00', lines);
}

it('stores every line of a statement larger than one piece of LOAD DATA text, in booking order with running balances', async () => {
  const { iban, journal } = await ownBankAccount(t.db, D, 'LW1');
  const input = bigStatement(iban, 3000);
  const stored = await store(t.db, [D], input);
  expect(stored.created).toBe(true);
  const rows = await t.db.dataSource
    .getRepository(BankEntryLine)
    .find({ where: { entryID: stored.entry.entryID }, order: { lineNumber: 'ASC' } });
  expect(rows).toHaveLength(3000);
  expect(rows.every((r) => r.journalCode === journal.code && r.divisionCode === D)).toBe(true);
  // The expected order and balances, computed here: by booking day, ties in file order.
  const expected = input.lines.map((l, i) => ({ ...l, i })).sort((a, b) => a.bookingDate.localeCompare(b.bookingDate) || a.i - b.i);
  let balance = new Dec(input.openingBalance);
  rows.forEach((r, k) => {
    balance = balance.plus(expected[k].amount);
    expect([r.lineNumber, r.date.toISOString().slice(0, 10), new Dec(r.amountFC).toFixed(2), new Dec(r.balanceAfterFC).toFixed(2)]).toEqual(
      [k + 1, expected[k].bookingDate, expected[k].amount, balance.toFixed(2)],
    );
    // Texts with LOAD DATA's escape character (and its NULL, \N) come back as they went in.
    expect(r.remittanceInformation).toBe(expected[k].unstructuredRemittance);
    expect(r.counterpartyName).toBe(expected[k].counterpartyName);
  });
  expect(balance.toFixed(2)).toBe(new Dec(input.closingBalance).toFixed(2));
});

it('gives the lines time-ordered IDs (UUIDv7, RFC 9562) that increase in line order', async () => {
  const { iban } = await ownBankAccount(t.db, D, 'LW2');
  const stored = await store(t.db, [D], bigStatement(iban, 500));
  const rows = await t.db.dataSource
    .getRepository(BankEntryLine)
    .find({ where: { entryID: stored.entry.entryID }, order: { lineNumber: 'ASC' } });
  expect(rows).toHaveLength(500);
  for (const r of rows) expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  const ids = rows.map((r) => r.id);
  expect([...ids].sort()).toEqual(ids);
});

it('refuses a made row of a division its rows did not declare, and the transaction keeps nothing', async () => {
  const scope = new DivisionScope(t.db, [D, other]);
  const template = (await t.db.dataSource.getRepository(BankEntryLine).findOneByOrFail({ divisionCode: D })) as BankEntryLine;
  const entries = await t.db.dataSource.getRepository(BankEntry).countBy({ divisionCode: D });
  const made = (count: number, late: number): MadeRows<BankEntryLine> => ({
    length: count,
    divisionCodes: [D],
    *[Symbol.iterator]() {
      for (let i = 0; i < count; i++) {
        // Every row is of D but one, made late (after the server has started writing on MariaDB).
        yield { ...template, id: crypto.randomUUID(), entryID: crypto.randomUUID(), divisionCode: i === late ? other : D, lineNumber: 1 };
      }
    },
  });
  const before = await t.db.dataSource.getRepository(BankEntryLine).count();
  await expect(scope.transaction((tx) => tx.insertMany(BankEntryLine, made(1500, 1400)))).rejects.toMatchObject({
    extensions: { code: 'FORBIDDEN', rule: 'DIVISION_NOT_GRANTED', division: other },
  });
  expect(await t.db.dataSource.getRepository(BankEntryLine).count()).toBe(before);
  expect(await t.db.dataSource.getRepository(BankEntry).countBy({ divisionCode: D })).toBe(entries);
  // A caller granted D alone cannot declare the other division.
  const narrow = new DivisionScope(t.db, [D]);
  const declared = { ...made(300, -1), divisionCodes: [other] };
  await expect(narrow.transaction((tx) => tx.insertMany(BankEntryLine, declared))).rejects.toMatchObject({
    extensions: { code: 'FORBIDDEN', rule: 'DIVISION_NOT_GRANTED' },
  });
  expect(await t.db.dataSource.getRepository(BankEntryLine).count()).toBe(before);
  // The same rows, all of D, go in.
  await scope.transaction((tx) => tx.insertMany(BankEntryLine, made(1500, -1)));
  expect(await t.db.dataSource.getRepository(BankEntryLine).count()).toBe(before + 1500);
});

it("stores a file's statement without feed lines as it was checked: the hash checkStatement gives", async () => {
  // With fileHash the store looks for lines a bank connector stored already; finding none, it keeps its one check.
  const { iban } = await ownBankAccount(t.db, D, 'LW3');
  const input = statement(D, iban, '1', dayText(10), '0.00', [{ amount: '12.50' }, { amount: '-2.50' }]);
  const stored = await store(t.db, [D], input, { fileHash: 'f'.repeat(64) });
  expect(stored.entry.statementHash).toBe(checkStatement(input).hash);
});
