import { DivisionScope } from '../../../src/access/division-scope';
import { exactDecimal, ExactRow, parsePage } from '../../../src/modules/exact-online/exact-mapping';
import { mapPaymentTerms, storeMappedTerms, storePage } from '../../../src/modules/exact-online/exact-store';
import { Receivable } from '../../../src/modules/receivables/receivable.entity';
import { Payment } from '../../../src/modules/payments/payment.entity';
import { Dec } from '../../../src/platform/decimal';
import { openSeededDatabase, TestDatabase } from '../../support/database';
import { divisionCodes, expectedAmount, paymentTerm } from '../../support/exact-online';

/**
 * Storing a page of payment terms (issue 14, performance): one upsert per side that raises
 * Version in SQL, the page parsed by JSON.parse when no number can lose a digit. The semantics
 * stay those of the sync: a re-stored row gets Version + 1, a new one Version 1, a page stored
 * twice leaves one row per ID, rowsChanged counts rows that existed, and a row of another
 * division is never overwritten.
 */
describe('Exact Online: storing a page', () => {
  let t: TestDatabase;
  let division: number;
  let other: number;

  beforeAll(async () => {
    t = await openSeededDatabase('exact_store', { divisions: 2, payments: 20 });
    [division, other] = await divisionCodes(t.db);
  });
  afterAll(async () => {
    await t.close();
  });

  /** A page as the connector receives it: the double's rows through JSON and parsePage. */
  const page = (from: number, count: number): ExactRow[] =>
    parsePage(
      JSON.stringify({ d: { results: Array.from({ length: count }, (_, i) => ({ ...paymentTerm(from + i, 4711), Timestamp: i + 2 })) } }),
    ).results;

  const store = (scopeDivision: number, rows: ExactRow[]) =>
    new DivisionScope(t.db, [scopeDivision])
      .asConnector()
      .transaction((tx) => storeMappedTerms(tx, mapPaymentTerms(scopeDivision, 'EUR', rows)));

  const stored = async (scopeDivision: number, ids: string[]) =>
    new DivisionScope(t.db, [scopeDivision]).select(Payment, 'p').where('p.id IN (:...ids)', { ids }).getMany();

  it('inserts new rows at Version 1 and raises Version of rows stored again, counting those as changed', async () => {
    const rows = page(0, 40);
    expect(await store(division, rows)).toEqual({ written: 40, changed: 0 });
    const payableIDs = rows.filter((r) => String(r.LineType) === '22').map((r) => String(r.ID).toLowerCase());
    expect((await stored(division, payableIDs)).map((p) => p.version)).toEqual(payableIDs.map(() => 1));

    // The same page again (a resumed run), with a changed amount on the first payable.
    const first = rows.find((r) => String(r.LineType) === '22')!;
    const again = rows.map((r) => (r === first ? { ...r, AmountDC: -12.345 } : r));
    expect(await store(division, [...again, ...page(100, 2)])).toEqual({ written: 42, changed: 40 });
    const after = await stored(division, payableIDs);
    expect(after).toHaveLength(payableIDs.length);
    expect(after.every((p) => p.version === 2)).toBe(true);
    expect(after.find((p) => p.id === String(first.ID).toLowerCase())?.amountDC).toBe('-12.35');
  });

  it('refuses (CONFLICT) a page holding the ID of another division, writing nothing of it', async () => {
    // Row 201 is a payable (odd rows are LineType 22).
    const rows = page(201, 4);
    await store(other, rows.slice(0, 1));
    const fresh = rows.slice(1).map((r) => String(r.ID).toLowerCase());
    await expect(store(division, rows)).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    const mine = await new DivisionScope(t.db, [division]).select(Payment, 'p').where('p.id IN (:...fresh)', { fresh }).getCount();
    expect(mine).toBe(0);
    const theirs = await stored(other, [String(rows[0].ID).toLowerCase()]);
    expect(theirs.map((p) => [p.divisionCode, p.version])).toEqual([[other, 1]]);
  });

  it('runs the bookkeeping only when both sides are committed; a side refused leaves a page that stores again without duplicates', async () => {
    const rows = page(300, 10);
    const payables = rows.filter((r) => String(r.LineType) === '22').map((r) => String(r.ID).toLowerCase());
    const receivables = rows.filter((r) => String(r.LineType) === '20').map((r) => String(r.ID).toLowerCase());
    // A receivable of the page belongs to the other division: its side is refused.
    await store(other, rows.filter((r) => String(r.LineType) === '20').slice(0, 1));
    const scope = new DivisionScope(t.db, [division]).asConnector();
    const finished: number[] = [];
    await expect(
      storePage(scope, mapPaymentTerms(division, 'EUR', rows), async () => {
        finished.push(1);
      }),
    ).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(finished).toEqual([]);
    const count = (entity: typeof Payment | typeof Receivable, ids: string[]) =>
      new DivisionScope(t.db, [division]).select(entity, 'r').where('r.id IN (:...ids)', { ids }).getCount();
    // MariaDB stored the payables in a transaction of their own (committed), SQLite in the one that failed.
    const payablesKept = t.db.dialect.kind === 'mysql' ? payables.length : 0;
    expect(await count(Payment, payables)).toBe(payablesKept);
    expect(await count(Receivable, receivables)).toBe(0);

    // The page read again without the refused row: one row per ID, the bookkeeping done once.
    const again = rows.filter((r) => String(r.ID).toLowerCase() !== receivables[0]);
    expect(await storePage(scope, mapPaymentTerms(division, 'EUR', again), async () => void finished.push(2))).toEqual({
      written: 9,
      changed: payablesKept,
    });
    expect(finished).toEqual([2]);
    expect(await count(Payment, payables)).toBe(payables.length);
    expect(await count(Receivable, receivables.slice(1))).toBe(receivables.length - 1);
  });

  it('parses numbers exactly, by JSON.parse or, when a number has more digits than a double keeps, from its text', () => {
    const amounts = [100.005, 1.005, 2.675, 1234.565, -0.125, 8.345, 0.1 + 0.2, 1e-7, 12345.6789, -0, 99.995];
    const fast = parsePage(JSON.stringify({ d: { results: amounts.map((a) => ({ A: a })) } })).results;
    expect(fast.map((r) => exactDecimal(r.A, 2, 'A'))).toEqual(amounts.map((a) => expectedAmount(a)));
    // 17 significant digits: a double would round them; the text is kept, and so is every other number of the page.
    const slow = parsePage('{"d": {"results": [{"T": 12345678901234567, "A": 0.1000000000000000055511151231257827, "B": 100.005}]}}');
    expect(slow.results[0]).toEqual({ T: '12345678901234567', A: '0.1000000000000000055511151231257827', B: '100.005' });
    expect(exactDecimal(slow.results[0].A, 18, 'A')).toBe(new Dec('0.1000000000000000055511151231257827').toFixed(18));
    // Digits inside a string only choose the slower pass; the values are the same.
    const text = parsePage('{"d": {"results": [{"D": "ref:12345678901234567", "B": 100.005}]}}');
    expect(exactDecimal(text.results[0].B, 2, 'B')).toBe('100.01');
  });
});
