import { createHash } from 'node:crypto';
import { allDivisionCodes } from '../../src/access/authenticate';
import { DocumentAttachment } from '../../src/modules/documents/document-attachment.entity';
import { BankEntryLine } from '../../src/modules/financial-accounts/bank-entry-line.entity';
import { BankEntry } from '../../src/modules/financial-accounts/bank-entry.entity';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { importAs, importedRows } from '../support/statement-import';
import { camtFile, codaFile, CodaStatementSpec } from '../support/statement-files';
import { belgianIban, ownBankAccount } from '../support/statements';

/**
 * The statement import service on both databases, with files made for each trap: a file is stored
 * all or nothing, a second import of the same file stores nothing, a gap between statements is
 * refused (or stored and reported when accepted), and an account of another division is FORBIDDEN
 * with the same words as an account of nobody. Expected values follow from the files' own numbers.
 */
let t: TestDatabase;
let D: number;
let other: number;
let journals = 0;

beforeAll(async () => {
  t = await openSeededDatabase('statement_import', { divisions: 2, payments: 30 });
  [D, other] = await allDivisionCodes(t.db);
});
afterAll(async () => {
  await t?.close();
});

const account = (division = D, options: { number?: string } = {}) => ownBankAccount(t.db, division, `SI${++journals}`, options);
const codaStatement = (iban: string, number: string, date: string, opening: string, amounts: string[]): CodaStatementSpec => ({
  iban,
  number,
  date,
  opening,
  movements: amounts.map((amount, i) => ({ amount, counterpartyName: `Party ${i}`, ogm: i === 0 ? '123456789002' : undefined })),
});

describe('importing a file', () => {
  it('stores every statement with its lines, records the file hash and announces the new entries', async () => {
    const { iban } = await account();
    const file = codaFile({
      statements: [
        codaStatement(iban, '001', '2026-03-02', '1000.00', ['250.10', '-50.00']),
        codaStatement(iban, '002', '2026-03-03', '1200.10', ['-200.10']),
      ],
    });
    const { summary, events } = await importAs(t.db, [D], [{ content: file, fileName: 'march.cod' }]);
    const [f] = summary.files;
    expect(f).toMatchObject({ fileName: 'march.cod', format: 'coda', outcome: 'IMPORTED', knownFile: false, problems: [] });
    expect(f.fileHash).toBe(createHash('sha256').update(Buffer.from(file, 'latin1')).digest('hex'));
    // 1000.00 + 250.10 - 50.00 = 1200.10; 1200.10 - 200.10 = 1000.00
    expect(f.statements.map((s) => [s.statement, s.account, s.divisionCode, s.statementNumber, s.statementDate, s.openingBalance])).toEqual(
      [
        [1, iban, D, '001', '2026-03-02', '1000.00'],
        [2, iban, D, '002', '2026-03-03', '1200.10'],
      ],
    );
    expect(f.statements.map((s) => [s.closingBalance, s.lineCount, s.outcome, s.balanceGap])).toEqual([
      ['1200.10', 2, 'CREATED', null],
      ['1000.00', 1, 'CREATED', null],
    ]);
    expect(summary).toMatchObject({ created: 2, alreadyImported: 0, refusedFiles: 0 });
    const entries = await t.db.dataSource.getRepository(BankEntry).findBy({ fileHash: f.fileHash });
    expect(entries.map((e) => e.entryID).sort()).toEqual(f.statements.map((s) => s.entryID).sort());
    // One document holds the file for both statements of the division, byte for byte.
    expect(new Set(entries.map((e) => e.bankStatementDocumentID)).size).toBe(1);
    const kept = await t.db.dataSource
      .getRepository(DocumentAttachment)
      .findOneByOrFail({ documentID: entries[0].bankStatementDocumentID! });
    expect(Buffer.from(kept.attachment).equals(Buffer.from(file, 'latin1'))).toBe(true);
    expect(kept).toMatchObject({ fileName: 'march.cod', mediaType: 'text/plain', fileSize: Buffer.byteLength(file, 'latin1') });
    expect(Math.abs(kept.created.getTime() - Date.now())).toBeLessThan(10 * 60_000);
    expect(await t.db.dataSource.getRepository(BankEntryLine).countBy({ entryID: f.statements[0].entryID! })).toBe(2);
    expect(events).toEqual([f.statements.map((s) => ({ divisionCode: D, entryID: s.entryID }))]);
  });

  it('stores nothing the second time: the same file is known by its hash, the same statements in another file by their key', async () => {
    const { iban } = await account();
    const spec = { statements: [codaStatement(iban, '010', '2026-04-01', '0.00', ['10.00'])] };
    await importAs(t.db, [D], [{ content: codaFile(spec) }]);
    const before = await importedRows(t.db);
    const again = await importAs(t.db, [D], [{ content: codaFile(spec) }]);
    expect(again.summary.files[0]).toMatchObject({ outcome: 'ALREADY_IMPORTED', knownFile: true });
    expect(again.summary.files[0].statements[0].outcome).toBe('ALREADY_IMPORTED');
    expect(again.events).toEqual([]);
    // Another creation date in record 0: other bytes, the same statement.
    const other = await importAs(t.db, [D], [{ content: codaFile({ ...spec, creationDate: '2026-04-02' }) }]);
    expect(other.summary.files[0]).toMatchObject({ outcome: 'ALREADY_IMPORTED', knownFile: false });
    expect(other.summary).toMatchObject({ created: 0, alreadyImported: 1 });
    expect(await importedRows(t.db)).toEqual(before);
  });

  it('matches the own account by IBAN whatever its spacing and case', async () => {
    const iban = belgianIban(7_100_001);
    await account(D, {
      number: iban
        .replace(/(.{4})/g, '$1 ')
        .trim()
        .toLowerCase(),
    });
    const { summary } = await importAs(
      t.db,
      [D],
      [{ content: codaFile({ statements: [codaStatement(iban, '001', '2026-03-02', '5.00', ['1.00'])] }) }],
    );
    expect(summary.files[0].statements[0]).toMatchObject({ account: iban, divisionCode: D, outcome: 'CREATED' });
  });
});

describe('a file that fails a check stores nothing and names the statement, line and rule', () => {
  it('refuses a wrong record-9 total', async () => {
    const { iban } = await account();
    const file = codaFile({ statements: [codaStatement(iban, '001', '2026-03-02', '0.00', ['10.00'])], trailer: { credit: '11.00' } });
    const before = await importedRows(t.db);
    const { summary, events } = await importAs(t.db, [D], [{ content: file }]);
    expect(summary.files[0].outcome).toBe('REFUSED');
    expect(summary.files[0].problems.map((p) => p.rule)).toContain('RECORD9_TOTAL');
    const p = summary.files[0].problems.find((x) => x.rule === 'RECORD9_TOTAL')!;
    // record 9 is the last line: record 0, 1, three movement records, 8, then 9
    expect(p).toMatchObject({ code: 'BAD_USER_INPUT', line: '7' });
    expect(summary.files[0].statements).toEqual([]);
    expect(events).toEqual([]);
    expect(await importedRows(t.db)).toEqual(before);
  });

  it('refuses an unbalanced camt.053 statement, naming the statement and its XML path', async () => {
    const { iban } = await account();
    const file = camtFile([
      { iban, opening: '100.00', date: '2026-03-02', entries: [{ amount: '5.00' }] },
      { iban, opening: '105.00', closing: '999.00', date: '2026-03-03', entries: [{ amount: '1.00' }] },
    ]);
    const before = await importedRows(t.db);
    const { summary } = await importAs(t.db, [D], [{ content: file }]);
    const [p] = summary.files[0].problems;
    expect(p).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'UNBALANCED', statement: 2 });
    expect(p.line).toMatch(/Stmt\[2\]/);
    expect(await importedRows(t.db)).toEqual(before);
  });

  it('names the file position of the booked line the store refuses, pending lines not counted', async () => {
    const { iban } = await account();
    // statement 2: entry 2 is pending (not stored), entry 3 is booked after the statement's day,
    // so the store refuses lines[1] (the second booked line), which is entry 3 of the file
    const file = camtFile([
      { iban, opening: '100.00', date: '2026-03-02', entries: [{ amount: '5.00' }] },
      {
        iban,
        opening: '105.00',
        closing: '109.00',
        date: '2026-03-03',
        entries: [{ amount: '1.00' }, { amount: '2.00', status: 'PDNG' }, { amount: '3.00', bookingDate: '2026-03-09' }],
      },
    ]);
    const before = await importedRows(t.db);
    const { summary } = await importAs(t.db, [D], [{ content: file }]);
    const [p] = summary.files[0].problems;
    expect(p).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'DATE_AFTER_ENTRY', statement: 2 });
    expect(p.line).toBe('Document/BkToCstmrStmt/Stmt[2]/Ntry[3]');
    expect(p.message).toContain('lines[1].bookingDate');
    expect(await importedRows(t.db)).toEqual(before);
  });

  it('refuses a file of another format than the one given, and a file of no known format', async () => {
    const { summary } = await importAs(t.db, [D], [{ content: 'hello, bank' }, { content: camtFile([]), format: 'coda' }]);
    expect(summary.files.map((f) => [f.outcome, f.problems[0].rule])).toEqual([
      ['REFUSED', 'UNKNOWN_FORMAT'],
      ['REFUSED', expect.any(String)],
    ]);
    expect(summary.refusedFiles).toBe(2);
  });

  it('refuses a gap between statements unless it is accepted, then stores and reports it', async () => {
    const { iban } = await account();
    await importAs(t.db, [D], [{ content: codaFile({ statements: [codaStatement(iban, '001', '2026-05-04', '0.00', ['100.00'])] }) }]);
    // statement 002 is missing: 003 opens at 150.00, not at 001's closing 100.00
    const gapFile = codaFile({
      statements: [
        codaStatement(iban, '003', '2026-05-06', '150.00', ['-50.00']),
        codaStatement(iban, '004', '2026-05-07', '100.00', ['1.00']),
      ],
    });
    const before = await importedRows(t.db);
    const refused = await importAs(t.db, [D], [{ content: gapFile }]);
    expect(refused.summary.files[0].problems).toEqual([
      expect.objectContaining({ code: 'CONFLICT', rule: 'BALANCE_GAP', statement: 1, line: '2' }),
    ]);
    expect(refused.summary.files[0].statements.map((s) => s.outcome)).toEqual(['NOT_STORED', 'NOT_STORED']);
    expect(await importedRows(t.db)).toEqual(before);

    // The file is read once: a statement stored before a later refusal is rolled back with the file.
    const lateGap = codaFile({
      statements: [
        codaStatement(iban, '002', '2026-05-05', '100.00', ['50.00']),
        codaStatement(iban, '004', '2026-05-07', '99.00', ['1.00']),
      ],
    });
    const late = await importAs(t.db, [D], [{ content: lateGap }]);
    expect(late.summary.files[0].problems).toEqual([expect.objectContaining({ code: 'CONFLICT', rule: 'BALANCE_GAP', statement: 2 })]);
    expect(late.summary.files[0].statements.map((s) => s.outcome)).toEqual(['NOT_STORED', 'NOT_STORED']);
    expect(await importedRows(t.db)).toEqual(before);

    const accepted = await importAs(t.db, [D], [{ content: gapFile }], { acceptGap: true });
    // 150.00 - 100.00: the gap of statement 003; 004 connects to 003
    expect(accepted.summary.files[0].statements.map((s) => [s.outcome, s.balanceGap])).toEqual([
      ['CREATED', '50.00'],
      ['CREATED', null],
    ]);
  });
});

describe('lines that are not booked', () => {
  it('stores the booked lines only, and counts the pending and informational ones apart as skipped', async () => {
    const { iban } = await account();
    // 10.00 + 5.00 - 2.00 = 13.00: the PDNG and INFO entries move no balance
    const file = camtFile(
      [
        {
          iban,
          opening: '10.00',
          closing: '13.00',
          date: '2026-07-01',
          entries: [{ amount: '5.00' }, { amount: '7.00', status: 'PDNG' }, { amount: '-2.00' }, { amount: '1.00', status: 'INFO' }],
        },
      ],
      '001.08',
    );
    const { summary } = await importAs(t.db, [D], [{ content: file }]);
    const [s] = summary.files[0].statements;
    expect([s.outcome, s.lineCount, s.skippedLineCount]).toEqual(['CREATED', 2, 2]);
    const lines = await t.db.dataSource.getRepository(BankEntryLine).findBy({ entryID: s.entryID! });
    expect(lines.map((l) => l.amountFC).sort()).toEqual(['-2.00', '5.00']);
  });
});

describe('accounts of other divisions', () => {
  it('refuses a file with one account of another division as FORBIDDEN, in the words used for an account of nobody', async () => {
    const mine = await account(D);
    const theirs = await account(other);
    const nobody = belgianIban(7_200_002);
    const file = (foreign: string) =>
      codaFile({
        statements: [
          codaStatement(mine.iban, '001', '2026-06-01', '0.00', ['1.00']),
          codaStatement(foreign, '001', '2026-06-01', '0.00', ['2.00']),
        ],
      });
    const before = await importedRows(t.db);
    const a = (await importAs(t.db, [D], [{ content: file(theirs.iban) }])).summary.files[0];
    const b = (await importAs(t.db, [D], [{ content: file(nobody) }])).summary.files[0];
    expect(a.outcome).toBe('REFUSED');
    expect(a.problems).toEqual([expect.objectContaining({ code: 'FORBIDDEN', rule: 'ACCOUNT_NOT_IN_DIVISIONS', statement: 2 })]);
    expect(a.problems[0].message.replace(theirs.iban, 'X')).toBe(b.problems[0].message.replace(nobody, 'X'));
    expect(a.statements.map((s) => [s.divisionCode, s.outcome])).toEqual([
      [D, 'NOT_STORED'],
      [null, 'NOT_STORED'],
    ]);
    expect(await importedRows(t.db)).toEqual(before);
    // An account refused after a statement that cannot be stored (a gap): FORBIDDEN decides, as a check before storing would.
    const gapThenTheirs = codaFile({
      statements: [
        codaStatement(mine.iban, '001', '2026-06-01', '5.00', ['1.00']),
        codaStatement(theirs.iban, '001', '2026-06-01', '0.00', ['2.00']),
      ],
    });
    const c = (await importAs(t.db, [D], [{ content: gapThenTheirs }])).summary.files[0];
    expect(c.problems).toEqual([expect.objectContaining({ code: 'FORBIDDEN', rule: 'ACCOUNT_NOT_IN_DIVISIONS', statement: 2 })]);
    expect(await importedRows(t.db)).toEqual(before);
    // The caller of both divisions imports the same file.
    const both = (await importAs(t.db, [D, other], [{ content: file(theirs.iban) }])).summary.files[0];
    expect(both.statements.map((s) => [s.divisionCode, s.outcome])).toEqual([
      [D, 'CREATED'],
      [other, 'CREATED'],
    ]);
  });
});
