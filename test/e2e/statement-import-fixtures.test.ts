import fs from 'node:fs';
import path from 'node:path';
import { allDivisionCodes } from '../../src/access/authenticate';
import { parseStatementFile, StatementFormatError } from '../../src/formats/statements';
import { accountKey } from '../../src/modules/financial-accounts/statement.input';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { describeWithShared, sharedFile } from '../support/shared-files';
import { importAs, importedRows } from '../support/statement-import';
import { ownBankAccount } from '../support/statements';

/**
 * The shared fixture files (../shared/fixtures: CODA, camt.053 in three versions, MT940 of four
 * Dutch banks) through the import service. What each file must give is decided by the parser's
 * own verdict on it (parseStatementFile with verify: false lists every problem without storing):
 * a file with problems is refused naming the first problem's statement, line and rule, and stores
 * nothing; a consistent file is stored, once, for own bank accounts made for its accounts.
 */
const FIXTURES = 'fixtures';
let t: TestDatabase;
let D: number;
let journals = 0;
const own = new Set<string>();

const files = (): { name: string; file: string }[] => {
  const root = sharedFile(FIXTURES);
  if (!root) return [];
  return fs
    .readdirSync(root)
    .flatMap((dir) => fs.readdirSync(path.join(root, dir)).map((name) => ({ name, file: path.join(root, dir, name) })))
    .filter((f) => !/LICENSE|\.expected\./.test(f.name));
};

describeWithShared(FIXTURES)('the shared fixture files through the import', () => {
  beforeAll(async () => {
    t = await openSeededDatabase('statement_import_fixtures', { divisions: 1, payments: 10 });
    [D] = await allDivisionCodes(t.db);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finds the fixture files', () => {
    expect(files().length).toBeGreaterThanOrEqual(14);
  });

  it.each(files().map((f) => [f.name, f.file]))('%s', async (name, file) => {
    const bytes = fs.readFileSync(file);
    let verdict: ReturnType<typeof parseStatementFile>;
    try {
      verdict = parseStatementFile(bytes, { verify: false });
    } catch (error) {
      if (!(error instanceof StatementFormatError)) throw error;
      const { summary } = await importAs(t.db, [D], [{ content: bytes, fileName: name }]);
      expect(summary.files[0].problems[0]).toMatchObject({ rule: error.rule });
      return;
    }
    const before = await importedRows(t.db);
    if (verdict.problems.length) {
      const { summary, events } = await importAs(t.db, [D], [{ content: bytes, fileName: name }]);
      const [first] = verdict.problems;
      expect(summary.files[0]).toMatchObject({ outcome: 'REFUSED', statements: [] });
      expect(summary.files[0].problems[0]).toMatchObject({
        code: 'BAD_USER_INPUT',
        rule: first.rule,
        statement: first.statementIndex === null ? null : first.statementIndex + 1,
        line: first.line === null ? null : String(first.line),
      });
      expect(summary.files[0].problems.length).toBe(verdict.problems.length);
      expect(events).toEqual([]);
      expect(await importedRows(t.db)).toEqual(before);
      return;
    }
    for (const s of verdict.statements) {
      const number = s.account.iban ?? s.account.otherId ?? s.account.identification;
      if (own.has(accountKey(number))) continue;
      own.add(accountKey(number));
      await ownBankAccount(t.db, D, `FX${++journals}`, { number, currency: s.account.currency });
    }
    // The fixtures are single days from unrelated histories: their statements need not connect.
    const first = await importAs(t.db, [D], [{ content: bytes, fileName: name }], { acceptGap: true });
    expect(first.summary.files[0]).toMatchObject({ outcome: 'IMPORTED', problems: [] });
    expect(first.summary.files[0].statements.map((s) => [s.openingBalance, s.closingBalance, s.lineCount, s.outcome])).toEqual(
      verdict.statements.map((s) => [s.openingBalance.amount, s.closingBalance.amount, s.lineCount, 'CREATED']),
    );
    const after = await importedRows(t.db);
    const booked = verdict.statements.flatMap((s) => s.lines.filter((l) => l.status === null || l.status === 'BOOK')).length;
    expect(after).toEqual([before[0] + verdict.statements.length, before[1] + booked, before[2] + 1]);
    const again = await importAs(t.db, [D], [{ content: bytes, fileName: name }]);
    expect(again.summary.files[0]).toMatchObject({ outcome: 'ALREADY_IMPORTED', knownFile: true });
    expect(await importedRows(t.db)).toEqual(after);
  });
});
