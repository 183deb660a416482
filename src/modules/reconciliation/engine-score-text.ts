import { Dec } from '../../platform/decimal';
import { amountToPay } from '../open-items/amount-to-pay';
import type { OpenItemCandidate } from './candidates';
import { DivisionKnowledge, EVIDENCE_WORDS, fitFields, fitWords, LineFacts, namedWords, Proposals } from './engine-proposals';
import { cents, combinations, CONFIDENCE, isExactFit, namedInText, oldestFirst, settle, sidedAmount } from './rules-items';

/**
 * The rules of rule 3 that look beyond one amount: items the free text names (invoice numbers,
 * your-refs), combinations of several items that add up exactly, and the counterparty's oldest
 * item paid partly. See engine-score.ts for the others.
 */

const SIDES: OpenItemCandidate['side'][] = ['receivables', 'payments'];

/** The open items of `side` the line's text names, oldest first. */
export function namedItems(line: LineFacts, k: DivisionKnowledge, side: OpenItemCandidate['side']): OpenItemCandidate[] {
  const out = new Map<string, OpenItemCandidate>();
  const keys = [...line.tokens.numbers.map(String), ...line.tokens.words];
  for (const key of keys)
    for (const item of k.byText.get(`${side}|${key}`) ?? [])
      if (item.currency === line.currency && item.divisionCode === line.divisionCode && namedInText(item, line.tokens))
        out.set(item.id, item);
  return [...out.values()].sort(oldestFirst);
}

const sameItems = (a: OpenItemCandidate[], b: OpenItemCandidate[]) => a.length === b.length && a.every((x, i) => x.id === b[i].id);

/** What a set of items settles on the line's day (amountToPay: discounts valid that day), as the side counts it, in cents. */
const dueCents = (item: OpenItemCandidate, day: Date) =>
  cents(amountToPay({ amountDC: item.amountFC, amountDiscountDC: item.amountDiscountFC, discountDueDate: item.discountDueDate }, day));

/** Items the text names whose amount does not fit exactly: partial and over-payments, late discounts. */
export function textRule(line: LineFacts, k: DivisionKnowledge, out: Proposals): void {
  for (const side of SIDES) {
    for (const item of namedItems(line, k, side)) {
      const s = settle(line.amountFC, item, line.day);
      if (s.fit === 'none' || isExactFit(s.fit)) continue; // exact fits: the amount rule
      const evidence = line.counterparty.get(item.accountID) ?? null;
      const agrees = evidence !== null || line.counterparty.size === 0;
      const confidence =
        s.fit === 'expiredDiscount'
          ? CONFIDENCE.expiredDiscount + (agrees ? 0.2 : 0)
          : agrees
            ? CONFIDENCE.textPartial
            : CONFIDENCE.textPartial - 0.15;
      const named = namedInText(item, line.tokens)!;
      out.item(item, s, confidence, {
        rule: 'invoiceReference',
        fields: [named, ...fitFields(s), ...(evidence ? ['Account'] : [])],
        detail: `the text names its ${namedWords(item, named)}; ${fitWords[s.fit]}`,
      });
    }
  }
}

/**
 * Combinations of several open items of one counterparty (the items the text names and the
 * account's oldest) that add up exactly to the amount, and the oldest item paid partly when
 * nothing adds up. A combination is automatic only when it is the only one and the text names
 * some of its items.
 */
export function combinationRule(line: LineFacts, k: DivisionKnowledge, out: Proposals): void {
  const day = line.day;
  for (const side of SIDES) {
    const target = cents(sidedAmount(line.amountFC, side));
    const named = namedItems(line, k, side);
    const accounts = new Set([...line.counterparty.keys(), ...named.map((n) => n.accountID)]);
    for (const accountID of accounts) {
      const pool = new Map<string, OpenItemCandidate>();
      for (const item of [...named, ...(k.oldest.get(`${side}|${accountID}`) ?? [])])
        if (
          !k.claimed.has(item.id) &&
          item.accountID === accountID &&
          item.currency === line.currency &&
          item.divisionCode === line.divisionCode
        )
          pool.set(item.id, item);
      const items = [...pool.values()].sort(oldestFirst);
      if (items.length < 2) continue;
      // Customers pay several invoices with the discounts valid on the day, or at their full amounts.
      const solutions = combinations(items, (i) => cents(i.amountFC), target, 2);
      if (items.some((i) => dueCents(i, day) !== cents(i.amountFC)))
        for (const found of combinations(items, (i) => dueCents(i, day), target, 2))
          if (solutions.length < 2 && !solutions.some((x) => sameItems(x, found))) solutions.push(found);
      const evidence = line.counterparty.get(accountID) ?? null;
      for (const solution of solutions) {
        const namedCount = solution.filter((i) => namedInText(i, line.tokens)).length;
        let confidence: number;
        if (solutions.length > 1) confidence = CONFIDENCE.combinationAmbiguous;
        else if (namedCount === solution.length) confidence = CONFIDENCE.combinationNamed;
        else if (namedCount > 0) confidence = CONFIDENCE.combinationSomeNamed;
        else confidence = CONFIDENCE.combinationUnnamed - (evidence === 'iban' || evidence === 'learnedIban' ? 0 : 0.05);
        if (!evidence && namedCount < solution.length) confidence -= 0.1;
        const parts = solution.map((i) => ({ id: i.id, amountFC: new Dec(i.amountFC).abs().toFixed(2) }));
        const sum = parts.reduce((s, p) => s.plus(p.amountFC), new Dec(0));
        const full = solution.reduce((sum, i) => sum + cents(i.amountFC), 0) === target;
        const withDiscount = !full;
        out.add(
          side,
          parts,
          new Dec(line.amountFC).abs().minus(sum).toFixed(2),
          confidence,
          {
            rule: 'combination',
            fields: [
              'AmountFC',
              ...(withDiscount ? ['AmountDiscountFC', 'DiscountDueDate'] : []),
              ...(namedCount ? ['InvoiceNumber'] : []),
            ],
            detail:
              `${solution.length} open items of the account add up to the amount` +
              (withDiscount ? ' (cash discounts valid on the value date taken)' : '') +
              (namedCount ? `; the text names ${namedCount} of them` : '') +
              (evidence ? `; the customer or supplier was found by ${EVIDENCE_WORDS[evidence]}` : '') +
              (solutions.length > 1 ? '; another combination adds up too' : ''),
          },
          { accountID },
        );
      }
      // Nothing adds up: the oldest item the amount does not cover, paid partly.
      if (!solutions.length && evidence) {
        const oldest = items.find((i) => settle(line.amountFC, i, day).fit === 'partial');
        if (oldest)
          out.item(oldest, settle(line.amountFC, oldest, day), CONFIDENCE.oldestPartial, {
            rule: 'oldestOpenItem',
            fields: ['Account', 'DueDate'],
            detail: `the oldest open item of the account found by ${EVIDENCE_WORDS[evidence]}, paid partly`,
          });
      }
    }
  }
}

/**
 * AmountFC values of the counterparty's items a line may pay with a difference a person accepts:
 * the cents dropped (a line of whole euros pays an item of up to 0.99 more) and half an item
 * (issue 13 names both). Looked up only for lines without an automatic answer.
 */
export function toleranceKeys(line: Pick<LineFacts, 'amountFC'>, side: OpenItemCandidate['side']): string[] {
  const paid = sidedAmount(line.amountFC, side);
  if (!paid.isPositive()) return [];
  const keys: string[] = [];
  if (paid.isInteger()) for (let c = 1; c <= 99; c++) keys.push(paid.plus(new Dec(c).dividedBy(100)).toFixed(2));
  for (const c of [-1, 0, 1]) keys.push(paid.times(2).plus(new Dec(c).dividedBy(100)).toFixed(2));
  return keys;
}

/** Items of the counterparty the line pays with the cents dropped, or half of: proposed, never automatic. */
export function toleranceRule(line: LineFacts, k: DivisionKnowledge, out: Proposals): void {
  for (const side of SIDES) {
    const paid = sidedAmount(line.amountFC, side);
    for (const key of toleranceKeys(line, side)) {
      for (const item of k.byAmount.get(`${side}|${key}`) ?? []) {
        const evidence = line.counterparty.get(item.accountID);
        if (!evidence || k.claimed.has(item.id) || item.currency !== line.currency || item.divisionCode !== line.divisionCode) continue;
        const s = settle(line.amountFC, item, line.day);
        if (s.fit !== 'partial') continue;
        const rounded = new Dec(item.amountFC).minus(paid).lt(1);
        out.item(item, s, rounded ? CONFIDENCE.rounded : CONFIDENCE.half, {
          rule: rounded ? 'rounded' : 'halfPaid',
          fields: ['AmountFC', 'Account'],
          detail:
            (rounded ? 'the amount is AmountFC without its cents' : 'the amount is half of AmountFC') +
            `; the customer or supplier was found by ${EVIDENCE_WORDS[evidence]}`,
        });
      }
    }
  }
}
