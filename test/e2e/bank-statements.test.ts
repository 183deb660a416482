import fs from 'node:fs';
import path from 'node:path';
import { allDivisionCodes } from '../../src/access/authenticate';
import { parseStatementFile } from '../../src/formats/statements';
import { statementToStore } from '../../src/modules/financial-accounts/parsed-statement';
import { DocumentAttachment } from '../../src/modules/documents/document-attachment.entity';
import { Document } from '../../src/modules/documents/document.entity';
import { BankEntryLine } from '../../src/modules/financial-accounts/bank-entry-line.entity';
import { BankEntry } from '../../src/modules/financial-accounts/bank-entry.entity';
import { StatementToStore } from '../../src/modules/financial-accounts/statement.input';
import { Dec } from '../../src/platform/decimal';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { executeAs } from '../support/execute';
import { describeWithShared, sharedFile } from '../support/shared-files';
import { dayText, ownBankAccount, statement, store } from '../support/statements';

/**
 * Storing bank statements as bank entries (BankStatementService): the balance rule and the
 * continuity rule refuse with nothing written, an accepted gap is stored and reported, and the
 * same statement stored twice is stored once. Expected values follow from the statements' own
 * numbers (opening balance plus the lines), not from the service.
 */
let t: TestDatabase;
let D: number;
let other: number;

beforeAll(async () => {
  t = await openSeededDatabase('bank_statements', { divisions: 2, payments: 40 });
  [D, other] = await allDivisionCodes(t.db);
});
afterAll(async () => {
  await t?.close();
});

const entriesOf = (journalCode: string) =>
  t.db.dataSource.getRepository(BankEntry).find({ where: { divisionCode: D, journalCode }, order: { entryNumber: 'ASC' } });
const linesOf = (entryID: string) =>
  t.db.dataSource.getRepository(BankEntryLine).find({ where: { entryID }, order: { lineNumber: 'ASC' } });
const counts = async () => [
  await t.db.dataSource.getRepository(BankEntry).count(),
  await t.db.dataSource.getRepository(BankEntryLine).count(),
];

/** Stores and expects a refusal with code, field and rule, and no row written. */
async function expectRefused(input: StatementToStore, code: string, field: string, rule: string, options = {}) {
  const before = await counts();
  const error = await store(t.db, [D, other], input, options).then(
    () => undefined,
    (e: { message: string; extensions: Record<string, unknown> }) => e,
  );
  expect(error).toBeDefined();
  expect({ code: error!.extensions.code, field: error!.extensions.field, rule: error!.extensions.rule }).toEqual({ code, field, rule });
  expect(error!.message.startsWith(`${field}: `)).toBe(true);
  expect(await counts()).toEqual(before);
  return error!;
}

describe('the balance rule', () => {
  it('stores a balanced statement with lines numbered in booking order and the balance after each', async () => {
    const { iban } = await ownBankAccount(t.db, D, 'B1');
    const input = statement(D, iban, '001', dayText(10), '1000.00', [
      { amount: '250.10', bookingDate: dayText(9) },
      { amount: '-1300.00', bookingDate: dayText(8), counterpartyName: 'Early', counterpartyAccount: 'be68 5390 0754 7034' },
      { amount: '49.90', bookingDate: dayText(10), structuredReference: '123456789002', endToEndId: 'E2E-1' },
    ]);
    const stored = await store(t.db, [D], input);
    expect(stored.created).toBe(true);
    expect(stored.entry).toMatchObject({
      entryNumber: 1,
      openingBalanceFC: '1000.00',
      closingBalanceFC: '0.00',
      statementNumber: '001',
      financialYear: 2026,
      financialPeriod: 1,
    });
    const lines = await linesOf(stored.entry.entryID);
    // Booking order: day 8, day 9, day 10; 1000 - 1300 = -300, -300 + 250.10 = -49.90, -49.90 + 49.90 = 0.
    expect(lines.map((l) => [l.lineNumber, l.amountFC, l.balanceAfterFC])).toEqual([
      [1, '-1300.00', '-300.00'],
      [2, '250.10', '-49.90'],
      [3, '49.90', '0.00'],
    ]);
    expect(lines[0]).toMatchObject({
      counterpartyName: 'Early',
      counterpartyBankAccount: 'BE68539007547034',
      amountDC: '-1300.00',
      currency: 'EUR',
    });
    expect(lines[2]).toMatchObject({ paymentReference: '123456789002', endToEndID: 'E2E-1', journalCode: 'B1', entryNumber: 1 });
  });

  it('refuses an unbalanced statement naming the closing balance, with the sum it should be', async () => {
    const { iban } = await ownBankAccount(t.db, D, 'B2');
    const input = { ...statement(D, iban, '001', dayText(3), '10.00', [{ amount: '5.01' }, { amount: '-2.00' }]), closingBalance: '13.00' };
    const e = await expectRefused(input, 'BAD_USER_INPUT', 'closingBalance', 'UNBALANCED');
    expect(e.extensions).toMatchObject({ expected: '13.01', difference: '-0.01' });
  });

  it('refuses bad fields by name: decimals, dates, currency, lengths, unknown account', async () => {
    const { iban } = await ownBankAccount(t.db, D, 'B3');
    const ok = statement(D, iban, '001', dayText(3), '10.00', [{ amount: '1.00' }, { amount: '2.00' }]);
    await expectRefused(
      { ...ok, lines: [ok.lines[0], { ...ok.lines[1], amount: '2.005' }] },
      'BAD_USER_INPUT',
      'lines[1].amount',
      'AMOUNT_SCALE',
    );
    await expectRefused(
      { ...ok, lines: [ok.lines[0], { ...ok.lines[1], bookingDate: dayText(4) }] },
      'BAD_USER_INPUT',
      'lines[1].bookingDate',
      'DATE_AFTER_ENTRY',
    );
    await expectRefused(
      { ...ok, lines: [{ ...ok.lines[0], bookingDate: '2026-02-30' }, ok.lines[1]] },
      'BAD_USER_INPUT',
      'lines[0].bookingDate',
      'INVALID_VALUE',
    );
    await expectRefused(
      { ...ok, lines: [{ ...ok.lines[0], currency: 'USD' }, ok.lines[1]] },
      'BAD_USER_INPUT',
      'lines[0].currency',
      'CURRENCY_MISMATCH',
    );
    await expectRefused(
      { ...ok, lines: [{ ...ok.lines[0], endToEndId: 'x'.repeat(36) }, ok.lines[1]] },
      'BAD_USER_INPUT',
      'lines[0].endToEndId',
      'TOO_LONG',
    );
    await expectRefused({ ...ok, currency: 'XAU' }, 'BAD_USER_INPUT', 'currency', 'INVALID_CURRENCY');
    await expectRefused(
      { ...ok, currency: 'USD', lines: ok.lines.map((l) => ({ ...l })) },
      'BAD_USER_INPUT',
      'currency',
      'CURRENCY_MISMATCH',
    );
    await expectRefused({ ...ok, openingBalance: '12345678901234567.00' }, 'BAD_USER_INPUT', 'openingBalance', 'INVALID_VALUE');
    await expectRefused({ ...ok, account: 'BE68539007547034' }, 'BAD_USER_INPUT', 'account', 'UNKNOWN_REFERENCE');
    // An own bank account of another division is not this division's.
    const elsewhere = await ownBankAccount(t.db, other, 'X1');
    await expectRefused({ ...ok, account: elsewhere.iban }, 'BAD_USER_INPUT', 'account', 'UNKNOWN_REFERENCE');
    // The IBAN matches in any spacing and case.
    const spaced = iban.toLowerCase().replace(/(.{4})/g, '$1 ');
    expect((await store(t.db, [D], { ...ok, account: spaced })).created).toBe(true);
  });

  it('refuses a division the caller was not granted', async () => {
    const { iban } = await ownBankAccount(t.db, other, 'X2');
    const error = await store(t.db, [D], statement(other, iban, '001', dayText(1), '0.00', [])).catch((e) => e);
    expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', division: other });
  });
});

describe('continuity and gaps', () => {
  it('refuses a statement whose opening balance is not the previous closing balance, naming the rule and the difference', async () => {
    const { iban } = await ownBankAccount(t.db, D, 'G1');
    await store(t.db, [D], statement(D, iban, '001', dayText(1), '100.00', [{ amount: '50.00' }]));
    const e = await expectRefused(
      statement(D, iban, '003', dayText(3), '170.00', [{ amount: '1.00' }]),
      'CONFLICT',
      'openingBalance',
      'BALANCE_GAP',
    );
    expect(e.extensions).toMatchObject({ expected: '150.00', difference: '20.00', entryNumber: 1, statementNumber: '001' });
    expect(e.message).toContain('is a statement missing?');
  });

  it('stores an accepted gap in BalanceGapFC, reports it, and clears it when the missing statement arrives', async () => {
    const { iban, journal } = await ownBankAccount(t.db, D, 'G2');
    await store(t.db, [D], statement(D, iban, '001', dayText(1), '100.00', [{ amount: '50.00' }]));
    const third = await store(t.db, [D], statement(D, iban, '003', dayText(3), '170.00', [{ amount: '1.00' }]), { acceptGap: true });
    expect(third).toMatchObject({ created: true, balanceGap: '20.00' });
    const Q = `query($id: UUID!) { financialAccount(id: $id) { currentBalance balanceGaps { statementNumber balanceGapFC } } }`;
    const before = await executeAs(t.db, { divisions: [D] }, Q, { id: journal.id });
    expect(before.data!.financialAccount).toEqual({
      currentBalance: '171.00',
      balanceGaps: [{ statementNumber: '003', balanceGapFC: '20.00' }],
    });

    // Statement 2 fills the gap exactly: 150 + 20 = 170, the opening of statement 3.
    const second = await store(t.db, [D], statement(D, iban, '002', dayText(2), '150.00', [{ amount: '25.00' }, { amount: '-5.00' }]));
    expect(second).toMatchObject({ created: true, balanceGap: null });
    const after = await executeAs(t.db, { divisions: [D] }, Q, { id: journal.id });
    expect(after.data!.financialAccount).toEqual({ currentBalance: '171.00', balanceGaps: [] });
    const entries = await entriesOf('G2');
    expect(entries.map((e) => [e.statementNumber, e.entryNumber, e.balanceGapFC])).toEqual([
      ['001', 1, null],
      ['003', 2, null],
      ['002', 3, null],
    ]);
  });

  it('refuses a statement stored between two that does not connect to the next one, naming the closing balance', async () => {
    const { iban } = await ownBankAccount(t.db, D, 'G3');
    await store(t.db, [D], statement(D, iban, '001', dayText(1), '0.00', [{ amount: '10.00' }]));
    await store(t.db, [D], statement(D, iban, '003', dayText(5), '10.00', [{ amount: '1.00' }]));
    const e = await expectRefused(
      statement(D, iban, '002', dayText(3), '10.00', [{ amount: '4.00' }]),
      'CONFLICT',
      'closingBalance',
      'BALANCE_GAP',
    );
    expect(e.extensions).toMatchObject({ expected: '10.00', difference: '-4.00', statementNumber: '003' });
  });
});

describe('idempotency', () => {
  it('stores the same statement once, also without a statement number', async () => {
    const { iban } = await ownBankAccount(t.db, D, 'I1');
    const first = statement(D, iban, '007', dayText(20), '5.00', [{ amount: '1.50' }, { amount: '-0.50' }]);
    const a = await store(t.db, [D], first);
    const b = await store(t.db, [D], { ...first, lines: first.lines.map((l) => ({ ...l })) });
    expect(a.created).toBe(true);
    expect(b).toMatchObject({ created: false });
    expect(b.entry.entryID).toBe(a.entry.entryID);
    const unnumbered = statement(D, iban, null, dayText(21), '6.00', [{ amount: '2.00' }]);
    const c = await store(t.db, [D], unnumbered);
    const d = await store(t.db, [D], unnumbered);
    expect([c.created, d.created, d.entry.entryID]).toEqual([true, false, c.entry.entryID]);
    expect((await entriesOf('I1')).length).toBe(2);
    const lines = await Promise.all((await entriesOf('I1')).map((e) => linesOf(e.entryID)));
    expect(lines.map((l) => l.length)).toEqual([2, 1]);
  });

  it('stores a statement sent twice at the same moment once, and two statements of one account one after the other', async () => {
    const { iban } = await ownBankAccount(t.db, D, 'I3');
    const s1 = statement(D, iban, '001', dayText(30), '0.00', [{ amount: '10.00' }]);
    const s2 = statement(D, iban, '002', dayText(31), '10.00', [{ amount: '-4.00' }, { amount: '1.00' }]);
    const [a, b, c] = await Promise.all([store(t.db, [D], s1), store(t.db, [D], s1), store(t.db, [D], s2)]);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(a.entry.entryID).toBe(b.entry.entryID);
    expect(c.created).toBe(true);
    // Either may have been stored first: in the journal's order (by date) they connect.
    const entries = (await entriesOf('I3')).sort((x, y) => x.entryDate.getTime() - y.entryDate.getTime());
    expect(entries.map((e) => [e.statementNumber, e.openingBalanceFC, e.closingBalanceFC, e.balanceGapFC])).toEqual([
      ['001', '0.00', '10.00', null],
      ['002', '10.00', '7.00', null],
    ]);
  });

  it('refuses another statement under a number stored already in the same year', async () => {
    const { iban } = await ownBankAccount(t.db, D, 'I2');
    await store(t.db, [D], statement(D, iban, '001', dayText(5), '0.00', [{ amount: '1.00' }]));
    const e = await expectRefused(
      statement(D, iban, '001', dayText(5), '0.00', [{ amount: '2.00' }]),
      'CONFLICT',
      'statementNumber',
      'STATEMENT_NUMBER_TAKEN',
    );
    expect(e.extensions.entryID).toBeDefined();
    // Statement numbers restart every year (CODA): 001 of the next year is another statement.
    const next = await store(t.db, [D], statement(D, iban, '001', '2027-01-04', '1.00', [{ amount: '3.00' }]));
    expect(next.created).toBe(true);
    expect(next.entry).toMatchObject({ financialYear: 2027, entryNumber: 2 });
  });

  it('attaches the statement file to a new document (type 40) holding its bytes', async () => {
    const { iban } = await ownBankAccount(t.db, D, 'F1');
    const content = Buffer.from('0000001012600005        ...', 'latin1');
    const stored = await store(t.db, [D], statement(D, iban, '001', dayText(2), '0.00', [{ amount: '9.99' }]), {
      file: { fileName: 'statement.cod', mediaType: 'text/plain', content },
    });
    const document = await t.db.dataSource.getRepository(Document).findOneByOrFail({ id: stored.entry.bankStatementDocumentID! });
    expect(document).toMatchObject({ divisionCode: D, type: 40, subject: 'Bankafschrift statement.cod' });
    const attachment = await t.db.dataSource.getRepository(DocumentAttachment).findOneByOrFail({ documentID: document.id });
    expect(Buffer.from(attachment.attachment).equals(content)).toBe(true);
    const res = await executeAs(
      t.db,
      { divisions: [D] },
      `query($id: UUID!) { bankEntry(entryID: $id) { bankStatementDocumentSubject bankStatementDocument { type } } }`,
      { id: stored.entry.entryID },
    );
    expect(res.data!.bankEntry).toEqual({
      bankStatementDocumentSubject: 'Bankafschrift statement.cod',
      bankStatementDocument: { type: 40 },
    });
  });
});

describeWithShared('fixtures')('statements of real files', () => {
  const FILES = ['coda/php-coda-parser-sample1.cod', 'camt053/genkgo-camt053.v2.multi.statement.xml', 'mt940/jejik-rabobank-iban.sta'];

  it.each(FILES)('%s: every statement stored once, the file on one document, the balance the last closing', async (file) => {
    const bytes = fs.readFileSync(sharedFile(`fixtures/${file}`)!);
    const { statements } = parseStatementFile(bytes);
    const code = `P${FILES.indexOf(file)}`;
    const { journal } = await ownBankAccount(t.db, D, code, { number: statements[0].account.iban ?? statements[0].account.otherId! });
    let documentID: string | null = null;
    for (const s of statements) {
      const options = documentID
        ? { documentID }
        : { file: { fileName: path.basename(file), mediaType: 'application/octet-stream', content: bytes } };
      const stored = await store(t.db, [D], statementToStore(s, D), options);
      expect(stored).toMatchObject({ created: true, balanceGap: null });
      documentID = stored.entry.bankStatementDocumentID;
    }
    for (const s of statements) expect((await store(t.db, [D], statementToStore(s, D))).created).toBe(false);
    const entries = await entriesOf(code);
    expect(entries).toHaveLength(statements.length);
    expect(new Set(entries.map((e) => e.bankStatementDocumentID))).toEqual(new Set([documentID]));
    const res = await executeAs(
      t.db,
      { divisions: [D] },
      `query($id: UUID!) { financialAccount(id: $id) { currentBalance transactions(last: 1) { nodes { balanceAfter } } } }`,
      { id: journal.id },
    );
    const closing = statements[statements.length - 1].closingBalance.amount;
    expect(res.data!.financialAccount.currentBalance).toBe(new Dec(closing).toFixed(2));
    expect(res.data!.financialAccount.transactions.nodes[0].balanceAfter).toBe(new Dec(closing).toFixed(2));
  });
});
