import { OpenItemCandidate } from '../../src/modules/reconciliation/candidates';
import { guardAcrossLines, guardLine, rankProposals } from '../../src/modules/reconciliation/engine-rank';
import { MatchProposal } from '../../src/modules/reconciliation/engine-types';
import { allocationFit } from '../../src/modules/reconciliation/rules-allocation';
import { NameIndex, normaliseName } from '../../src/modules/reconciliation/rules-counterparty';
import { combinations, COMBINATION_MAX_CANDIDATES, settle } from '../../src/modules/reconciliation/rules-items';
import { endToEndKey, lineReferences, textTokens } from '../../src/modules/reconciliation/rules-references';

/**
 * The matching engine's rules as pure functions (issue 13). Expected values come from the rules:
 * check digits are the ten digits mod 97 (97 for 0) and ISO 11649's mod 97 = 1; a discount counts
 * on or before its due date (UTC day); combinations add up exactly.
 */

/** Ten digits and their check digits by the rule, computed here independently. */
const ogm = (ten: string, delta = 0) => ten + String(((Number(BigInt(ten) % 97n) || 97) + delta) % 100).padStart(2, '0');
const text = (t: Partial<Parameters<typeof lineReferences>[0]>) => ({
  paymentReference: null,
  remittanceInformation: null,
  description: null,
  endToEndID: null,
  ...t,
});

describe('exact references', () => {
  it('reads valid structured communications in every written form, framed as receivables store them', () => {
    const d = ogm('0900012345');
    const framed = `+++${d.slice(0, 3)}/${d.slice(3, 7)}/${d.slice(7)}+++`;
    expect(lineReferences(text({ paymentReference: d })).belgian).toEqual([framed]);
    expect(
      lineReferences(text({ remittanceInformation: `betaling ***${d.slice(0, 3)} / ${d.slice(3, 7)} / ${d.slice(7)}***` })).belgian,
    ).toEqual([framed]);
  });

  it('never takes a communication with wrong check digits, in any field', () => {
    for (const delta of [1, 2, 50]) {
      const wrong = ogm('0900012345', delta);
      const refs = lineReferences(
        text({ paymentReference: wrong, remittanceInformation: `+++${wrong.slice(0, 3)}/${wrong.slice(3, 7)}/${wrong.slice(7)}+++` }),
      );
      expect(refs).toEqual({ belgian: [], creditor: [] });
    }
  });

  it('reads an ISO 11649 reference printed in groups, and refuses one whose check fails', () => {
    // RF18 5390 0754 7034 is ISO 11649's own example (mod 97 of 539007547034RF18 is 1).
    expect(lineReferences(text({ description: 'Invoice RF18 5390 0754 7034' })).creditor).toEqual(['RF18539007547034']);
    expect(lineReferences(text({ description: 'Invoice RF19 5390 0754 7034' })).creditor).toEqual([]);
  });

  it('recognises the EndToEndIds the gateway writes and nothing else', () => {
    expect(endToEndKey('0a1b2c3d4e5f40718293a4b5c6d7e8f9')).toEqual({ kind: 'payment', paymentID: '0a1b2c3d-4e5f-4071-8293-a4b5c6d7e8f9' });
    expect(endToEndKey('B7-00012-3')).toEqual({ kind: 'batchSequence', batchCode: 'B7-00012', sequence: 3 });
    expect(endToEndKey('NOTPROVIDED')).toBeNull();
    expect(endToEndKey(null)).toBeNull();
  });

  it('finds invoice numbers and your-refs in free text, but not the digits of a structured communication', () => {
    const d = ogm('0000009101');
    const tokens = textTokens(
      text({ remittanceInformation: `Facturen 9101, 9102 ref SO-123456 +++${d.slice(0, 3)}/${d.slice(3, 7)}/${d.slice(7)}+++` }),
    );
    expect(tokens.numbers).toEqual([9101, 9102]);
    expect(tokens.words).toEqual(expect.arrayContaining(['SO-123456']));
  });
});

describe('the counterparty by name', () => {
  it('normalises case, accents, punctuation, legal forms and word order', () => {
    expect(normaliseName('Café De Smet B.V.')).toBe(normaliseName('SMET CAFE'));
    expect(normaliseName('Schrijnwerkerij Van Damme BVBA')).toBe('damme schrijnwerkerij');
  });

  it('finds one account exactly, one clearly best fuzzily, and none when two are alike', () => {
    const index = new NameIndex([
      { id: 'a', name: 'Brouwerij Het Anker NV' },
      { id: 'b', name: 'Drukkerij Vanden Broele' },
      { id: 'c', name: 'Peeters BV' },
      { id: 'd', name: 'Peeters NV' },
    ]);
    expect(index.find('BROUWERIJ HET ANKER')).toEqual({ accountID: 'a', evidence: 'name', similarity: 1 });
    expect(index.find('Drukkerij Vandenbroele')).toMatchObject({ accountID: 'b', evidence: 'fuzzyName' });
    expect(index.find('Peeters')).toBeNull();
    expect(index.find('Someone Else')).toBeNull();
  });
});

const item = (over: Partial<OpenItemCandidate>): OpenItemCandidate => ({
  side: 'receivables',
  id: 'r',
  divisionCode: 1,
  accountID: 'a',
  status: 20,
  currency: 'EUR',
  amountFC: '1000.00',
  amountDiscountFC: null,
  discountDueDate: null,
  invoiceNumber: null,
  invoiceDate: new Date('2026-05-01T00:00:00Z'),
  dueDate: new Date('2026-06-01T00:00:00Z'),
  yourRef: null,
  paymentReference: null,
  cashflowTransactionBatchCode: null,
  paymentBatchNumber: null,
  ...over,
});

describe('amounts', () => {
  const discounted = item({ amountDiscountFC: '20.00', discountDueDate: new Date('2026-06-10T00:00:00Z') });
  it('settles exactly, with the discount up to and including its due day, and not the day after', () => {
    expect(settle('1000.00', discounted, new Date('2026-06-20T00:00:00Z'))).toEqual({
      fit: 'exact',
      amountFC: '1000.00',
      differenceFC: '0.00',
    });
    expect(settle('980.00', discounted, new Date('2026-06-10T23:59:00Z'))).toEqual({
      fit: 'discount',
      amountFC: '1000.00',
      differenceFC: '-20.00',
    });
    expect(settle('980.00', discounted, new Date('2026-06-11T00:00:00Z'))).toMatchObject({
      fit: 'expiredDiscount',
      differenceFC: '-20.00',
    });
  });

  it('tells partial payments, over-payments and the other direction apart', () => {
    expect(settle('400.00', item({}), new Date())).toEqual({ fit: 'partial', amountFC: '400.00', differenceFC: '0.00' });
    expect(settle('1000.50', item({}), new Date())).toEqual({ fit: 'over', amountFC: '1000.00', differenceFC: '0.50' });
    expect(settle('-1000.00', item({}), new Date()).fit).toBe('none');
    // A payment is settled by money out.
    expect(settle('-1000.00', item({ side: 'payments' }), new Date()).fit).toBe('exact');
  });

  it('finds the combination of two to four items that adds up, fewest and oldest first, and says when it is not unique', () => {
    const cents = [10000, 25000, 40000, 12345, 7655];
    const items = cents.map((c, i) => ({ i, c }));
    const sum = (target: number) => combinations(items, (x) => x.c, target).map((s) => s.map((x) => x.i));
    expect(sum(35000)).toEqual([[0, 1]]);
    expect(sum(10000 + 25000 + 12345)).toEqual([[0, 1, 3]]);
    expect(sum(10000 + 25000 + 40000 + 12345)).toEqual([[0, 1, 2, 3]]);
    expect(sum(20000)).toEqual([[3, 4]]);
    // 100 + 400 and 200 + 300 both make 500: two solutions, so the search reports both.
    expect(combinations([100, 200, 300, 400], (x) => x, 500)).toEqual([
      [100, 400],
      [200, 300],
    ]);
    expect(sum(1)).toEqual([]);
  });

  it('searches at most COMBINATION_MAX_CANDIDATES items', () => {
    // The items after the first COMBINATION_MAX_CANDIDATES are far larger than any sum of four before them.
    const items = Array.from({ length: COMBINATION_MAX_CANDIDATES + 5 }, (_, i) =>
      i < COMBINATION_MAX_CANDIDATES ? 1000 * (i + 1) : 1e9 * i,
    );
    const last = items.length - 1;
    expect(combinations(items, (x) => x, items[last] + items[last - 1])).toEqual([]);
    expect(combinations(items, (x) => x, items[0] + items[1])).toEqual([[1000, 2000]]);
  });
});

describe('allocation rules', () => {
  const line = {
    description: 'Beheerskosten zichtrekening',
    remittanceInformation: null,
    counterpartyName: 'KBC',
    counterpartyBankAccount: 'BE68539007547034',
  };
  it('apply on all their words (case and accents ignored), on the IBAN, or on both when both are given', () => {
    expect(allocationFit({ words: 'KOSTEN beheer', counterpartyBankAccount: null }, line)).toBe('words');
    expect(allocationFit({ words: 'kosten huur', counterpartyBankAccount: null }, line)).toBeNull();
    expect(allocationFit({ words: null, counterpartyBankAccount: 'BE68 5390 0754 7034' }, line)).toBe('iban');
    expect(allocationFit({ words: 'kosten', counterpartyBankAccount: 'NL91ABNA0417164300' }, line)).toBeNull();
    expect(allocationFit({ words: null, counterpartyBankAccount: null }, line)).toBeNull();
  });
});

describe('guards', () => {
  const proposal = (lineID: string, id: string, confidence: number, rule = 'amount'): MatchProposal => ({
    lineID,
    divisionCode: 1,
    kind: 'receivables',
    items: [{ id, amountFC: '1.00' }],
    differenceFC: '0.00',
    confidence,
    reasons: [{ rule, fields: [], detail: '' }],
  });
  it('an exact reference holds the others back; two automatic proposals of one line both drop under the threshold', () => {
    const held = guardLine([proposal('l', 'x', 0.99, 'structuredReference'), proposal('l', 'y', 0.95)], 0.9);
    expect(held.map((p) => p.confidence)).toEqual([0.99, 0.6]);
    const tied = guardLine([proposal('l', 'x', 0.95), proposal('l', 'y', 0.93)], 0.9);
    expect(tied.map((p) => p.confidence)).toEqual([0.89, 0.89]);
    expect(rankProposals(tied).map((p) => p.items[0].id)).toEqual(['x', 'y']);
  });
  it('an item automatic for two lines is automatic for neither', () => {
    const all = new Map([
      ['l1', [proposal('l1', 'x', 0.95)]],
      ['l2', [proposal('l2', 'x', 0.91)]],
      ['l3', [proposal('l3', 'z', 0.95)]],
    ]);
    guardAcrossLines(all, 0.9);
    expect([...all.values()].map((list) => list[0].confidence)).toEqual([0.89, 0.89, 0.95]);
  });
});
