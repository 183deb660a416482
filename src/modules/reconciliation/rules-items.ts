import { Dec } from '../../platform/decimal';
import { amountToPay } from '../open-items/amount-to-pay';
import type { OpenItemCandidate } from './candidates';
import type { CounterpartyEvidence } from './rules-counterparty';

/**
 * Rule 3 of automatic matching (issue 13): among the counterparty's open items, the amount (with
 * or without the cash discount valid on the value date, open-items/amount-to-pay.ts), invoice
 * numbers or your-refs in the free text, and combinations of several items adding up exactly,
 * oldest first. Pure functions: the engine hands in the candidates it loaded.
 */

/** How a line's amount relates to one open item. */
export type AmountFit =
  /** The line pays AmountFC exactly. */
  | 'exact'
  /** The line pays AmountFC minus the cash discount, on or before DiscountDueDate. */
  | 'discount'
  /** The line pays AmountFC minus the discount after DiscountDueDate (the customer took it too late). */
  | 'expiredDiscount'
  /** Less than the item: a partial payment (the item keeps the rest open). */
  | 'partial'
  /** More than the item: an over-payment (the excess stays on the line). */
  | 'over'
  /** Another direction (a refund of an invoice, a payment of a credit note). */
  | 'none';

/** How an item is settled by a line: the amount settled of it and what is left as difference (line minus items). */
export interface Settlement {
  fit: AmountFit;
  /** Positive amount of the item the line settles, exact decimal text. */
  amountFC: string;
  /** Line amount minus `amountFC`: 0 for exact and partial, minus the discount for discounts, the excess for over-payments. */
  differenceFC: string;
}

/**
 * The line amount as the item's side counts it: receivables are paid by money in (positive
 * lines), payments by money out (negative lines). A credit note (negative AmountFC) is settled
 * the other way round, so its value here is negative too.
 */
export function sidedAmount(lineAmountFC: string, side: OpenItemCandidate['side']): Dec {
  const amount = new Dec(lineAmountFC);
  return side === 'receivables' ? amount : amount.negated();
}

/** The discount of an item (AmountDiscountFC), 0 when it has none. */
function discountOf(item: OpenItemCandidate): Dec {
  return item.amountDiscountFC ? new Dec(item.amountDiscountFC) : new Dec(0);
}

/**
 * How `lineAmountFC` (signed, in the item's currency) settles `item` on `day` (the value date):
 * the discount counts only when it is valid on that day (amountToPay, Exact's rule).
 */
export function settle(lineAmountFC: string, item: OpenItemCandidate, day: Date): Settlement {
  const paid = sidedAmount(lineAmountFC, item.side);
  const amount = new Dec(item.amountFC);
  const discount = discountOf(item);
  const due = amountToPay({ amountDC: item.amountFC, amountDiscountDC: item.amountDiscountFC, discountDueDate: item.discountDueDate }, day);
  const sameSign = paid.isPositive() === amount.isPositive() && !paid.isZero() && !amount.isZero();
  if (!sameSign) return { fit: 'none', amountFC: '0.00', differenceFC: paid.abs().toFixed(2) };
  const abs = paid.abs();
  const full = amount.abs();
  const result = (fit: AmountFit, settled: Dec): Settlement => ({
    fit,
    amountFC: settled.toFixed(2),
    differenceFC: abs.minus(settled).toFixed(2),
  });
  if (paid.eq(amount)) return result('exact', full);
  if (!discount.isZero() && paid.eq(amount.minus(discount))) return result(due.eq(paid) ? 'discount' : 'expiredDiscount', full);
  if (abs.lt(full)) return result('partial', abs);
  return result('over', full);
}

/** True for the fits that settle an item exactly by the rules (AmountFC, or with a valid discount). */
export const isExactFit = (fit: AmountFit) => fit === 'exact' || fit === 'discount';

/**
 * Confidence of one item whose amount fits exactly, by how the counterparty was found, when it is
 * the only such item of that counterparty. Chosen so that what reaches the default threshold
 * (0.9) needs a known IBAN, an allocation rule's account or the exact name: a fuzzy name alone
 * never settles an item unattended.
 */
export const UNIQUE_AMOUNT_CONFIDENCE: Record<CounterpartyEvidence, number> = {
  iban: 0.95,
  learnedIban: 0.94,
  allocationRule: 0.93,
  name: 0.91,
  fuzzyName: 0.84,
};

/** Confidences of the other single-item cases (see engine-score.ts for where each applies). */
export const CONFIDENCE = {
  /** A valid structured reference names the item and the amount fits exactly. */
  referenceExact: 0.99,
  /** A structured reference names the item; the amount is a partial payment, an over-payment or a late discount. */
  referencePartial: 0.88,
  /** The EndToEndId names a processed payment and the amount is what the bank file paid. */
  endToEndExact: 0.99,
  endToEndOther: 0.75,
  /** The line names a processed batch (code, PmtInfId) and its total fits. */
  batchReference: 0.99,
  /** The amount is the total of exactly one processed batch still waiting for its debit. */
  batchAmount: 0.92,
  batchOther: 0.6,
  /** The text names the item's invoice number or your-ref and the amount fits, with the counterparty agreeing. */
  textExact: 0.98,
  /** ... and the amount fits, but the counterparty is unknown or another account (a relative paying). */
  textExactOtherParty: 0.93,
  /** The text names the item, the amount is partial or over. */
  textPartial: 0.7,
  /** Several items of the counterparty fit the amount: the oldest first, none automatic. */
  duplicateAmount: 0.6,
  /** A late discount, counterparty agreeing. */
  expiredDiscount: 0.6,
  /** An item of another (or no) counterparty with the amount: never automatic. */
  amountOnly: 0.45,
  /** An item of the counterparty paid without its cents, or half of it. */
  rounded: 0.7,
  half: 0.5,
  /** The counterparty's oldest open item, paid partly. */
  oldestPartial: 0.25,
  /** Allocation rules: on the IBAN, on words. */
  allocationIban: 0.97,
  allocationWords: 0.95,
  /** The counterparty IBAN is another own bank account of the division: an internal transfer to its journal's G/L account. */
  ownAccount: 0.97,
  /** One combination of the counterparty's items adds up: all named in the text / some / none (by evidence). */
  combinationNamed: 0.97,
  combinationSomeNamed: 0.9,
  combinationUnnamed: 0.85,
  combinationAmbiguous: 0.5,
} as const;

/** At most this many items in a combination, and this many candidates searched (oldest first). */
export const COMBINATION_MAX_ITEMS = 4;
export const COMBINATION_MAX_CANDIDATES = 60;

/**
 * Subsets of 2 to 4 (COMBINATION_MAX_ITEMS) of `items` whose values (in cents, as `valueOf` gives
 * them) add up exactly to `target` cents, fewest items first, then the oldest (items are given
 * oldest first); at most `maxSolutions` (ask for 2 to know whether one is unique). Bounded: at
 * most COMBINATION_MAX_CANDIDATES items are searched, through a table of the sums of pairs
 * (n(n-1)/2 entries, 1,770 for 60), so three items are one look-up per item and four one per pair.
 */
export function combinations<T>(items: T[], valueOf: (item: T) => number, target: number, maxSolutions = 2): T[][] {
  const pool = items.slice(0, COMBINATION_MAX_CANDIDATES);
  const values = pool.map(valueOf);
  const pairs = new Map<number, [number, number][]>();
  const found = new Map<string, number[]>();
  const add = (indices: number[]) => {
    if (found.size >= 64) return; // enough to rank; more only means "ambiguous"
    const sorted = [...indices].sort((a, b) => a - b);
    found.set(sorted.join(','), sorted);
  };
  for (let i = 0; i < pool.length; i++)
    for (let j = i + 1; j < pool.length; j++) {
      const sum = values[i] + values[j];
      if (sum === target) add([i, j]);
      const list = pairs.get(sum);
      if (list) list.push([i, j]);
      else pairs.set(sum, [[i, j]]);
    }
  for (let k = 0; k < pool.length; k++) for (const [i, j] of pairs.get(target - values[k]) ?? []) if (i !== k && j !== k) add([i, j, k]);
  for (const [sum, list] of pairs)
    for (const [a, b] of list)
      for (const [c, d] of pairs.get(target - sum) ?? []) if (a !== c && a !== d && b !== c && b !== d) add([a, b, c, d]);
  const age = (x: number[]) => x.reduce((s, i) => s + i, 0);
  return [...found.values()]
    .sort((x, y) => x.length - y.length || age(x) - age(y))
    .slice(0, maxSolutions)
    .map((x) => x.map((i) => pool[i]));
}

/** Cents of an exact decimal text (safe integers: amounts below 90 trillion). */
export function cents(amount: string | Dec): number {
  return new Dec(amount).times(100).toNumber();
}

/** Oldest first: DueDate, then InvoiceDate, then ID (a stable order for equal dates). */
export function oldestFirst(a: OpenItemCandidate, b: OpenItemCandidate): number {
  return a.dueDate.getTime() - b.dueDate.getTime() || a.invoiceDate.getTime() - b.invoiceDate.getTime() || a.id.localeCompare(b.id);
}

/** Whether the line's text names the item: its InvoiceNumber among the numbers, or its YourRef among the words. */
export function namedInText(item: OpenItemCandidate, tokens: { numbers: number[]; words: string[] }): string | null {
  if (item.invoiceNumber !== null && tokens.numbers.includes(item.invoiceNumber)) return 'InvoiceNumber';
  const ref = item.yourRef?.trim().toUpperCase();
  if (ref && ref.length >= 4 && tokens.words.includes(ref)) return 'YourRef';
  return null;
}
