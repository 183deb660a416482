import { Dec } from '../../platform/decimal';
import type { PaymentBatch } from '../batches/payment-batch.entity';
import type { AllocationRule } from './allocation-rule.entity';
import type { OpenItemCandidate, OwnAccount } from './candidates';
import type { MatchProposal, MatchReason } from './engine-types';
import type { CounterpartyEvidence } from './rules-counterparty';
import type { Settlement } from './rules-items';
import type { EndToEndKey, LineReferences, LineText } from './rules-references';

/** The shapes the scoring rules share (engine-score*.ts), and the collector of one line's proposals. */

/** What the rules know about one line (BankEntryLines columns, parsed). */
export interface LineFacts {
  id: string;
  divisionCode: number;
  /** The line's bank journal (its own account), never the counterparty of an internal transfer. */
  journalCode: string;
  /** Signed AmountFC: positive money in. */
  amountFC: string;
  currency: string;
  /** The day discounts are judged on: the value date, else the booking date. */
  day: Date;
  text: LineText & { counterpartyName: string | null; counterpartyBankAccount: string | null };
  references: LineReferences;
  endToEnd: EndToEndKey | null;
  batchCodes: string[];
  tokens: { numbers: number[]; words: string[] };
  /** Accounts the counterparty rules found, each with its strongest evidence. */
  counterparty: Map<string, CounterpartyEvidence>;
}

/** What the engine loaded for the division, keyed for the rules. */
export interface DivisionKnowledge {
  byReference: Map<string, OpenItemCandidate[]>;
  paymentByID: Map<string, OpenItemCandidate>;
  /** `${batchCode}#${PaymentBatchNumber}` -> payment. */
  paymentBySequence: Map<string, OpenItemCandidate>;
  batchesByCode: Map<string, PaymentBatch>;
  /** TotalAmountDC -> batches whose payments all still wait for their debit (Status 40). */
  openBatchesByTotal: Map<string, PaymentBatch[]>;
  /**
   * What the batch's payments still waiting for their debit (Status 40) add up to: each at what the
   * bank file paid (amountToPay on the execution date), with how many there are; null when none waits.
   */
  waitingOf: (batch: PaymentBatch) => { count: number; total: Dec } | null;
  /** `${side}|${AmountFC}` -> open items. */
  byAmount: Map<string, OpenItemCandidate[]>;
  /** `${side}|${InvoiceNumber}` and `${side}|${YourRef}` -> open items. */
  byText: Map<string, OpenItemCandidate[]>;
  /** `${side}|${accountID}` -> the account's oldest open items. */
  oldest: Map<string, OpenItemCandidate[]>;
  rules: AllocationRule[];
  /** The division's own bank accounts by IBAN (electronic form) that lines name as counterparty: internal transfers. */
  ownAccounts: Map<string, OwnAccount>;
  /** Items the top automatic proposal of another line settles already: left out of combinations and tolerances. */
  claimed: Set<string>;
  /** The division's cash discount rates (PaymentConditions.DiscountPercentage / 100), to look items up by their amount before discount. */
  discountRates: Dec[];
}

/** Collects proposals of one line, merging equal ones. */
export class Proposals {
  readonly #byKey = new Map<string, MatchProposal>();
  constructor(private readonly line: LineFacts) {}

  add(
    kind: MatchProposal['kind'],
    parts: { id: string; amountFC: string }[],
    differenceFC: string,
    confidence: number,
    reason: MatchReason,
    extra: { accountID?: string | null; glAccountID?: string | null } = {},
  ): void {
    const key = `${kind}|${extra.glAccountID ?? ''}|${parts.map((p) => `${p.id}:${p.amountFC}`).join(',')}`;
    const existing = this.#byKey.get(key);
    if (existing) {
      existing.confidence = Math.max(existing.confidence, confidence);
      existing.reasons.push(reason);
      return;
    }
    this.#byKey.set(key, {
      lineID: this.line.id,
      divisionCode: this.line.divisionCode,
      kind,
      items: parts,
      ...(extra.glAccountID !== undefined ? { glAccountID: extra.glAccountID } : {}),
      accountID: extra.accountID ?? null,
      differenceFC,
      confidence: round(confidence),
      reasons: [reason],
    });
  }

  item(item: OpenItemCandidate, s: Settlement, confidence: number, reason: MatchReason): void {
    this.add(item.side, [{ id: item.id, amountFC: s.amountFC }], s.differenceFC, confidence, reason, { accountID: item.accountID });
  }

  all(): MatchProposal[] {
    return [...this.#byKey.values()];
  }
}

export const round = (c: number) => Math.round(Math.min(1, Math.max(0, c)) * 1000) / 1000;
export const fitWords: Record<Settlement['fit'], string> = {
  exact: 'the amount equals AmountFC',
  discount: 'the amount equals AmountFC minus the cash discount, valid on the value date',
  expiredDiscount: 'the amount equals AmountFC minus a cash discount that had expired on the value date',
  partial: 'the amount is less than AmountFC (partial payment)',
  over: 'the amount is more than AmountFC (over-payment)',
  none: 'the amount goes the other way',
};
export const fitFields = (s: Settlement) =>
  s.fit === 'discount' || s.fit === 'expiredDiscount' ? ['AmountFC', 'AmountDiscountFC', 'DiscountDueDate'] : ['AmountFC'];

/** How the counterparty was found, in words, for reasons. */
export const EVIDENCE_WORDS: Record<CounterpartyEvidence, string> = {
  iban: "the counterparty IBAN, one of the account's bank accounts",
  learnedIban: 'the counterparty IBAN, seen on earlier lines matched to the account',
  allocationRule: "an allocation rule's account",
  name: 'the counterparty name',
  fuzzyName: 'the counterparty name (spelled differently)',
};

/** How the text names an item, for reasons: `invoice number 20001234` or `your-ref SO-123456`. */
export function namedWords(item: OpenItemCandidate, named: string): string {
  return named === 'InvoiceNumber' ? `invoice number ${item.invoiceNumber}` : `your-ref ${item.yourRef}`;
}
