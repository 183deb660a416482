import { AllocationRule } from '../../src/modules/reconciliation/allocation-rule.entity';
import { allDivisionCodes } from '../../src/access/authenticate';
import { measureReconciliation, QualityReport } from '../../src/seed/reconciliation-quality';
import { seed } from '../../src/seed/seed';
import { openTestDatabase, TEST_TODAY, TestDatabase } from '../support/database';

/**
 * The matching engine's quality with a lower bar than the benchmark's (npm run
 * bench:reconciliation, docs/benchmarks.md): 2,000 labelled noisy lines from the demo-statements
 * generator, stored through storeStatement, scored against their labels. Precision of automatic
 * matches at least 99%, automatic coverage at least 70%, the right answer in the top three for at
 * least 80% of the rest. No timing is asserted (speed is the benchmark's).
 */
let t: TestDatabase;
let report: QualityReport;

beforeAll(async () => {
  t = await openTestDatabase('reconciliation_quality');
  await seed(t.db, { divisions: 2, payments: 4_000, receivables: 6_000, seed: 5, today: TEST_TODAY, suppliersPerDivision: 40 });
  report = await measureReconciliation(t.db, { divisions: await allDivisionCodes(t.db), lines: 2_000, seed: 9 });
}, 300_000);
afterAll(async () => {
  await t?.close();
});

describe('matching 2,000 labelled lines', () => {
  it('proposes for every stored line', () => {
    expect(report.lines).toBe(2_000);
    expect(report.answerable).toBeGreaterThan(1_800);
  });

  it('is right in at least 99% of its automatic matches', () => {
    expect(report.automatic).toBeGreaterThan(0);
    expect(report.automaticRight / report.automatic).toBeGreaterThanOrEqual(0.99);
  });

  it('matches at least 70% of the lines with a correct answer automatically', () => {
    expect(report.automaticRight / report.answerable).toBeGreaterThanOrEqual(0.7);
  });

  it('has the right answer among the top three for at least 80% of the rest', () => {
    expect(report.restInTop3 / report.rest).toBeGreaterThanOrEqual(0.8);
  });

  it('books every internal transfer to the own savings account automatically, with no allocation rule on its IBAN', async () => {
    const internal = report.byNoise.get('internal-transfer');
    expect(internal?.lines).toBeGreaterThan(0);
    expect(internal!.automaticRight).toBe(internal!.lines);
    const rules = await t.db.dataSource.getRepository(AllocationRule).find();
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.filter((r) => r.counterpartyBankAccount !== null)).toEqual([]);
  });

  it('never matches a line whose structured communication was typed wrong to a wrong item', () => {
    const typo = report.byNoise.get('reference-typo');
    expect(typo?.lines).toBeGreaterThan(0);
    expect(typo!.automaticWrong).toBe(0);
  });
});
