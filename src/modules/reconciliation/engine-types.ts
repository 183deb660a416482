import type { DivisionScope } from '../../access/division-scope';

/**
 * The matching engine's interface (issue 13, "Automatic matching"): what `proposeMatches`
 * (engine.ts) answers for bank entry lines. The persistence of matches and proposals, applying
 * and undoing them live elsewhere (the reconciliation service) and call the engine.
 */

/** What a proposal settles: open receivables, payments, a whole pain.001 batch, or a G/L account. */
export type MatchKind = 'receivables' | 'payments' | 'batch' | 'glAccount';

/** Why a proposal was made: the rule, the line's and items' fields that agreed, in words. */
export interface MatchReason {
  /** A rule name of RULES (rules-*.ts): 'structuredReference', 'endToEndId', 'amount', ... */
  rule: string;
  /** Catalog column names that agreed, e.g. ['PaymentReference', 'AmountFC']. */
  fields: string[];
  /** One sentence for a person, e.g. 'structured communication +++090/9337/55493+++ of invoice 1234'. */
  detail: string;
}

/** One settlement a bank line could be: open items with amounts, or a G/L account. */
export interface MatchProposal {
  /** BankEntryLines.ID. */
  lineID: string;
  divisionCode: number;
  kind: MatchKind;
  /**
   * Receivables.ID / Payments.ID / PaymentBatches.ID with the amount (in the line's currency,
   * positive, exact decimal text) the line settles of each; empty for 'glAccount'. For 'batch'
   * the one batch, settled by settling its payments still processed (Status 40), each at what the
   * bank file paid (amountToPay on the batch's execution date); the amount is their sum.
   * An amount below the item's open amount with differenceFC 0 is a partial payment; the item's
   * full amount with a negative differenceFC is a discount (or a tolerance) to book.
   */
  items: { id: string; amountFC: string }[];
  /** For 'glAccount': the G/L account to book the line to (from an allocation rule). */
  glAccountID?: string | null;
  /** The counterparty (Accounts.ID) when known: the items' account, or the allocation rule's. */
  accountID?: string | null;
  /**
   * abs(line amount) minus the sum of the items' amounts, exact decimal text: '0.00' for an exact
   * match; positive when the line pays more (over-payment), negative when it pays less (partial
   * payment, a discount taken after it expired). For 'glAccount' always '0.00'.
   */
  differenceFC: string;
  /** 0..1: how sure the engine is. At or above the division's threshold (default 0.9) it may be applied unattended. */
  confidence: number;
  reasons: MatchReason[];
}

/**
 * IBANs seen on earlier matched lines, as the reconciliation's match table knows them: for each
 * given IBAN (electronic form, upper case) of `divisionCode` the accounts (Accounts.ID) its lines
 * were matched to. Handed in by the caller, so the engine reads no table it does not own.
 */
export type LearnedIbans = (scope: DivisionScope, divisionCode: number, ibans: string[]) => Promise<Map<string, string[]>>;

export interface ProposeOptions {
  /** Proposals per line, best first (default 3). */
  limit?: number;
  /** The day discounts are judged on when a line has no value date (default: the line's booking date). */
  asOf?: Date;
  /** The source of IBANs seen on earlier matched lines; without it that source is left out. */
  learnedIbans?: LearnedIbans;
  /**
   * The division's automatic threshold (default DEFAULT_AUTO_THRESHOLD): the engine keeps two
   * different proposals of one line, or one item in proposals of two lines, from both reaching it
   * (each is lowered just under it, with a reason saying why).
   */
  threshold?: number;
}

/** The confidence at or above which a proposal counts as automatic (issue 13: configurable per division). */
export const DEFAULT_AUTO_THRESHOLD = 0.9;
