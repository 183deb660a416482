import { allDivisionCodes, LOCAL_PRINCIPAL } from '../../src/access/authenticate';
import { DivisionScope } from '../../src/access/division-scope';
import { isValidBelgianReference, parseStructuredReference } from '../../src/formats/structured-reference';
import { storeStatement } from '../../src/modules/financial-accounts/bank-statement.service';
import { GLAccount } from '../../src/modules/gl-accounts/gl-account.entity';
import { Dec } from '../../src/platform/decimal';
import { generateLabelledStatements, LABEL_NOISE, LabelledStatements } from '../../src/seed/labelled-statements';
import { seed } from '../../src/seed/seed';
import { codaTransactionCode, labelledCodaFiles } from '../../src/seed/labelled-coda';
import { parseCoda } from '../../src/formats/statements';
import { statementToStore } from '../../src/modules/financial-accounts/parsed-statement';
import { openTestDatabase, TEST_TODAY, TestDatabase } from '../support/database';

/**
 * The labelled statement generator (src/seed/labelled-statements.ts): every label names open items
 * of its line's division that exist, the amounts add up as the label says, each item is settled by
 * one line at most, the statements chain and store without a gap, every kind of noise occurs, and
 * the same seed gives the same set. Expected values come from the rules (the items' stored status
 * and amounts, the mod-97 check), not from the generator.
 */
let t: TestDatabase;
let divisions: number[];
let set: LabelledStatements;
const LINES = 20_000;

beforeAll(async () => {
  t = await openTestDatabase('labelled_statements');
  // Enough open items for 20,000 lines over two divisions.
  await seed(t.db, { divisions: 2, payments: 30_000, receivables: 40_000, seed: 3, today: TEST_TODAY, suppliersPerDivision: 40 });
  divisions = await allDivisionCodes(t.db);
  set = await generateLabelledStatements(t.db, { divisions, lines: LINES, seed: 5 });
}, 600_000);
afterAll(async () => {
  await t?.close();
});

/** The items of a table by ID: the columns the rules speak of, read without hydrating whole rows. */
interface Item {
  id: string;
  divisionCode: number;
  status: number;
  amountDC: string;
  accountID: string;
  paymentReference: string | null;
}
async function itemsOf(table: 'Receivables' | 'Payments'): Promise<Map<string, Item>> {
  const q = (name: string) => t.db.dialect.quote(name);
  const rows: Record<string, unknown>[] = await t.db.dataSource.query(
    `SELECT ${['ID', 'Division', 'Status', 'AmountDC', 'Account', 'PaymentReference'].map(q).join(', ')} FROM ${q(table)}`,
  );
  return new Map(
    rows.map((r) => [
      String(r.ID),
      {
        id: String(r.ID),
        divisionCode: Number(r.Division),
        status: Number(r.Status),
        amountDC: new Dec(String(r.AmountDC)).toFixed(2),
        accountID: String(r.Account),
        paymentReference: (r.PaymentReference as string | null) ?? null,
      },
    ]),
  );
}

const allLines = () =>
  set.statements.flatMap((s) => s.lines.map((line) => ({ statement: s, line, label: set.labels.get(line.bankReference!)! })));

describe('labelled bank statements', () => {
  it('labels every line once, under a unique bank reference', () => {
    const lines = allLines();
    expect(lines).toHaveLength(LINES);
    expect(set.labels.size).toBe(LINES);
    expect(lines.every((l) => l.label !== undefined)).toBe(true);
  });

  it('settles only open items of the line’s own division that exist, each at most once, with amounts that add up', async () => {
    const [receivables, payments] = [await itemsOf('Receivables'), await itemsOf('Payments')];
    const gl = await t.db.dataSource.getRepository(GLAccount).find();
    const seen = new Set<string>();
    for (const { statement, line, label } of allLines()) {
      const where = { line: line.bankReference };
      const sum = label.items.reduce((s, i) => s.plus(i.amount), new Dec(0));
      if (label.kind === 'glAccount' || label.kind === 'none') {
        expect({ ...where, items: label.items.length }).toEqual({ ...where, items: 0 });
        if (label.kind === 'glAccount') {
          const exists = gl.some((g) => g.divisionCode === statement.divisionCode && g.code === label.glAccountCode);
          expect({ ...where, glAccount: label.glAccountCode, exists }).toEqual({ ...where, glAccount: label.glAccountCode, exists: true });
        }
        continue;
      }
      // The items take exactly the line's money: money in for receivables, money out for payments.
      expect({ ...where, sum: sum.toFixed(2) }).toEqual({ ...where, sum: new Dec(line.amount).abs().toFixed(2) });
      expect({ ...where, sign: new Dec(line.amount).isPositive() }).toEqual({ ...where, sign: label.kind === 'receivables' });
      for (const item of label.items) {
        expect({ ...where, twice: seen.has(item.id) }).toEqual({ ...where, twice: false });
        seen.add(item.id);
        const row = label.kind === 'receivables' ? receivables.get(item.id) : payments.get(item.id);
        expect({ ...where, exists: Boolean(row) }).toEqual({ ...where, exists: true });
        const open = label.kind === 'receivables' ? [20] : label.kind === 'batch' ? [40] : [20, 30, 40];
        expect({ ...where, division: row!.divisionCode, open: open.includes(row!.status) }).toEqual({
          ...where,
          division: statement.divisionCode,
          open: true,
        });
        // An item takes at most its own amount, and something of it.
        const amount = new Dec(item.amount);
        expect({ ...where, fits: amount.gt(0) && amount.lte(row!.amountDC) }).toEqual({ ...where, fits: true });
      }
    }
  });

  it('applies every kind of noise, and a mistyped communication fails its check while a clean one names its invoice', async () => {
    const receivables = await itemsOf('Receivables');
    const noise = new Set(allLines().flatMap((l) => l.label.noise));
    expect([...noise].sort()).toEqual([...LABEL_NOISE].sort());
    for (const { line, label } of allLines()) {
      if (label.noise.includes('reference-typo')) expect(isValidBelgianReference(line.structuredReference)).toBe(false);
      else if (line.structuredReference && label.kind === 'receivables') {
        const item = receivables.get(label.items[0].id)!;
        expect(parseStructuredReference(line.structuredReference)?.reference).toBe(
          parseStructuredReference(item.paymentReference)?.reference,
        );
      }
    }
    // The duplicates are the same customer and amount as their originals, with a reference of their own.
    expect(set.duplicates.length).toBeGreaterThan(0);
    for (const d of set.duplicates) {
      const twin = [...receivables.values()].find(
        (r) => r.id !== d.id && r.accountID === d.accountID && r.amountDC === new Dec(d.amountDC).toFixed(2),
      );
      expect(twin).toBeDefined();
      expect(d.paymentReference === null || d.paymentReference !== twin!.paymentReference).toBe(true);
    }
  });

  it('chains each account’s statements: each opens at the previous closing and balances', () => {
    const last = new Map<string, string>();
    for (const s of set.statements) {
      const sum = s.lines.reduce((acc, l) => acc.plus(l.amount), new Dec(s.openingBalance));
      expect({ n: s.statementNumber, closing: s.closingBalance }).toEqual({ n: s.statementNumber, closing: sum.toFixed(2) });
      const previous = last.get(s.account);
      if (previous !== undefined)
        expect({ n: s.statementNumber, opening: s.openingBalance }).toEqual({ n: s.statementNumber, opening: previous });
      last.set(s.account, s.closingBalance);
    }
  });

  it('gives the same statements and labels for the same seed, other ones for another seed', async () => {
    const again = () => generateLabelledStatements(t.db, { divisions, lines: 2_000, seed: 9, duplicateInvoices: false });
    const [a, b] = [await again(), await again()];
    expect(b.statements).toEqual(a.statements);
    expect([...b.labels]).toEqual([...a.labels]);
    const c = await generateLabelledStatements(t.db, { divisions, lines: 2_000, seed: 10, duplicateInvoices: false });
    expect(c.statements).not.toEqual(a.statements);
  });

  it('writes CODA files that the parser reads back as the same statements (codes as Febelfin digits, RF references as text)', () => {
    const files = labelledCodaFiles(set.statements);
    expect(files.map((f) => f.divisionCode)).toEqual(divisions);
    const back = files.flatMap((f) => parseCoda(f.content).statements.map((s) => statementToStore(s, f.divisionCode)));
    const expected = set.statements.map((s) => ({
      ...s,
      openingBalanceDate: s.statementDate,
      lines: s.lines.map((l) => {
        const rf = l.structuredReference && !/^\d{12}$/.test(l.structuredReference) ? l.structuredReference : null;
        const text = [rf, l.unstructuredRemittance].filter(Boolean).join(' ') || null;
        return {
          ...l,
          currency: 'EUR',
          structuredReference: rf ? null : (l.structuredReference ?? null),
          unstructuredRemittance: text,
          description: text,
          bankTransactionCode: codaTransactionCode(l),
          endToEndId: l.endToEndId ?? null,
          counterpartyName: l.counterpartyName ?? null,
          counterpartyAccount: l.counterpartyAccount ?? null,
          counterpartyBic: l.counterpartyBic ?? null,
        };
      }),
    }));
    expect(back.map((s) => ({ ...s, lines: s.lines.map(({ sourceLine: _, ...l }) => l) }))).toEqual(expected);
  });

  it('stores as bank entries without a balance gap', async () => {
    const scope = new DivisionScope(t.db, divisions);
    const first = set.statements.filter((s) => s.divisionCode === divisions[0]).slice(0, 40);
    for (const s of first) {
      const stored = await storeStatement(scope, LOCAL_PRINCIPAL, s);
      expect({ n: s.statementNumber, created: stored.created, gap: stored.balanceGap }).toEqual({
        n: s.statementNumber,
        created: true,
        gap: null,
      });
    }
  }, 120_000);
});
