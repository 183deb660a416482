import type { DivisionScope } from '../../access/division-scope';
import { Dec } from '../../platform/decimal';
import type { PaymentBatch } from '../batches/payment-batch.entity';
import { BankEntryLine } from '../financial-accounts/bank-entry-line.entity';
import { amountToPay } from '../open-items/amount-to-pay';
import { amountsFC, CHUNK, compactIban, DivisionCandidates, OpenItemCandidate } from './candidates';
import { DivisionKnowledge, LineFacts } from './engine-proposals';
import { lineAmountKeys, mainSide, scoreLine } from './engine-score';
import { toleranceKeys } from './engine-score-text';
import { COMBINATION_MAX_CANDIDATES } from './rules-items';
import { guardLine, guardAcrossLines, rankProposals } from './engine-rank';
import { DEFAULT_AUTO_THRESHOLD, MatchProposal, ProposeOptions } from './engine-types';
import { firstAllocation } from './rules-allocation';
import { CounterpartyEvidence, NameIndex } from './rules-counterparty';
import { batchCodeCandidates, endToEndKey, lineReferences, textTokens } from './rules-references';

/**
 * The matching engine (issue 13, "Automatic matching"): for bank entry lines, the settlements
 * each could be, best first, each with a confidence and its reasons. Per division, never across:
 * every candidate is loaded through a scope narrowed to the line's division.
 *
 * Rules, in Exact's order: 1. exact references (structured communication or RF reference of one
 * open receivable, check digits verified; the EndToEndId of a processed payment; a processed
 * batch by its code or total); 2. the counterparty (the account's IBANs, IBANs seen on earlier
 * matched lines, allocation rules, the name); 3. among its open items: the amount (with the
 * cash discount valid on the value date), invoice numbers and your-refs in the text, combinations
 * adding up exactly, oldest first. Confidences: rules-items.ts; guards against two automatic
 * answers: engine-rank.ts.
 *
 * Lines the scope cannot see, and IDs that are no line, are absent from the result; a line with
 * nothing to propose maps to an empty list. Candidates are loaded per division in batched,
 * indexed queries (candidates.ts), so the cost grows with the lines, not with the open items.
 *
 * @param lineIDs BankEntryLines.ID values (any number; loaded in chunks).
 * @param options limit: proposals per line, 1 to 50 (default 3); see ProposeOptions.
 * @throws RangeError for a limit or threshold out of range (a programming error, not user input).
 */
export async function proposeMatches(
  scope: DivisionScope,
  lineIDs: string[],
  options: ProposeOptions = {},
): Promise<Map<string, MatchProposal[]>> {
  const limit = options.limit ?? 3;
  const threshold = options.threshold ?? DEFAULT_AUTO_THRESHOLD;
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw new RangeError(`limit must be a whole number from 1 to 50, got ${limit}`);
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`threshold must be above 0 and at most 1, got ${threshold}`);
  const lines = await loadLines(scope, lineIDs);
  const byDivision = new Map<number, BankEntryLine[]>();
  for (const line of lines) byDivision.set(line.divisionCode, [...(byDivision.get(line.divisionCode) ?? []), line]);
  const all = new Map<string, MatchProposal[]>();
  for (const [division, rows] of byDivision) {
    const candidates = new DivisionCandidates(scope.narrow([division]), division);
    for (const [id, proposals] of await proposeInDivision(candidates, rows, options)) all.set(id, guardLine(proposals, threshold));
  }
  guardAcrossLines(all, threshold);
  for (const [id, proposals] of all) all.set(id, rankProposals(proposals).slice(0, limit));
  return all;
}

/** The columns of BankEntryLines the rules read. */
// prettier-ignore
const LINE_FIELDS = [
  'id', 'divisionCode', 'journalCode', 'amountFC', 'currency', 'date', 'valueDate', 'description', 'counterpartyName',
  'counterpartyBankAccount', 'paymentReference', 'remittanceInformation', 'endToEndID',
].map((f) => `l.${f}`);

async function loadLines(scope: DivisionScope, lineIDs: string[]): Promise<BankEntryLine[]> {
  const ids = [...new Set(lineIDs)];
  const out: BankEntryLine[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    out.push(...(await scope.select(BankEntryLine, 'l').select(LINE_FIELDS).where('l.id IN (:...chunk)', { chunk }).getMany()));
  }
  return out;
}

/** The line's facts before the counterparty is known. */
function factsOf(line: BankEntryLine, asOf: Date | undefined): LineFacts {
  const text = {
    paymentReference: line.paymentReference,
    remittanceInformation: line.remittanceInformation,
    description: line.description,
    endToEndID: line.endToEndID,
    counterpartyName: line.counterpartyName,
    counterpartyBankAccount: line.counterpartyBankAccount ? compactIban(line.counterpartyBankAccount) : null,
  };
  return {
    id: line.id,
    divisionCode: line.divisionCode,
    journalCode: line.journalCode,
    amountFC: new Dec(line.amountFC).toFixed(2),
    currency: line.currency,
    day: line.valueDate ?? line.date ?? asOf ?? new Date(),
    text,
    references: lineReferences(text),
    endToEnd: endToEndKey(line.endToEndID),
    // Only what looks like a batch code, a PmtInfId or an EndToEndId of the gateway's (B{division}-{number}...).
    batchCodes: batchCodeCandidates(text).filter((c) => /^[A-Z0-9]+-\d+$/i.test(c)),
    tokens: textTokens(text),
    counterparty: new Map(),
  };
}

/** Where the knowledge of a division is keyed by side and value. */
function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

async function proposeInDivision(
  c: DivisionCandidates,
  rows: BankEntryLine[],
  options: ProposeOptions,
): Promise<Map<string, MatchProposal[]>> {
  const facts = rows.map((r) => factsOf(r, options.asOf));
  const k = await loadKnowledge(c, facts);
  await findCounterparties(c, facts, k, options);
  const out = new Map<string, MatchProposal[]>();
  for (const line of facts) out.set(line.id, scoreLine(line, k));
  // Partial payments, tolerances and combinations need the counterparty's other items: loaded only for
  // lines still without an automatic answer, leaving out what other lines settle automatically.
  const threshold = options.threshold ?? DEFAULT_AUTO_THRESHOLD;
  for (const proposals of out.values()) {
    const auto = proposals.filter((p) => p.confidence >= threshold);
    if (auto.length === 1) for (const item of auto[0].items) k.claimed.add(item.id);
  }
  const waiting = facts.filter((l) => l.counterparty.size > 0 && !out.get(l.id)!.some((p) => p.confidence >= threshold));
  if (waiting.length) {
    const sides = ['receivables', 'payments'] as const;
    const loaded = await Promise.all(
      sides.map((side) => {
        const mine = waiting.filter((l) => mainSide(l.amountFC) === side);
        const accounts = [...new Set(mine.flatMap((l) => [...l.counterparty.keys()]))];
        return Promise.all([
          c.oldestOfAccounts(side, accounts, COMBINATION_MAX_CANDIDATES),
          c.byAmounts(
            side,
            mine.flatMap((l) => toleranceKeys(l, side)),
          ),
        ]);
      }),
    );
    sides.forEach((side, i) => {
      const [oldest, byAmount] = loaded[i];
      for (const item of oldest) push(k.oldest, `${side}|${item.accountID}`, item);
      for (const item of byAmount) push(k.byAmount, `${side}|${new Dec(item.amountFC).toFixed(2)}`, item);
    });
    for (const line of waiting) out.set(line.id, scoreLine(line, k));
  }
  return out;
}

async function loadKnowledge(c: DivisionCandidates, facts: LineFacts[]): Promise<DivisionKnowledge> {
  const e2e = facts.map((l) => l.endToEnd).filter((e) => e !== null);
  const debits = facts.filter((l) => new Dec(l.amountFC).isNegative());
  const numbers = [...new Set(facts.flatMap((l) => l.tokens.numbers))];
  const words = [...new Set(facts.flatMap((l) => l.tokens.words))];
  // The look-ups are independent of each other: sent together, so their round trips and the
  // database's work overlap (results are pushed below in a fixed order, so proposals do not vary).
  const [rules, discountRates, ownAccounts, byReference, byID, batches, bySequence, byText] = await Promise.all([
    c.allocationRules(),
    c.discountRates(),
    c.ownAccountsByIban(facts.flatMap((l) => (l.text.counterpartyBankAccount ? [l.text.counterpartyBankAccount] : []))),
    c.receivablesByReference(facts.flatMap((l) => [...l.references.belgian, ...l.references.creditor])),
    c.processedPaymentsByID(e2e.flatMap((e) => (e.kind === 'payment' ? [e.paymentID] : []))),
    // Batches named by the lines or whose total is a debit's amount.
    c.batches(
      facts.flatMap((l) => l.batchCodes),
      debits.map((l) => new Dec(l.amountFC).abs().toFixed(2)),
    ),
    c.processedPaymentsBySequence(e2e.flatMap((e) => (e.kind === 'batchSequence' ? [e] : []))),
    Promise.all((['receivables', 'payments'] as const).map((side) => c.byInvoiceNumbersOrRefs(side, numbers, words))),
  ]);
  const k: DivisionKnowledge = {
    byReference: new Map(),
    paymentByID: new Map(),
    paymentBySequence: new Map(),
    batchesByCode: new Map(),
    openBatchesByTotal: new Map(),
    waitingOf: () => null,
    byAmount: new Map(),
    byText: new Map(),
    oldest: new Map(),
    rules,
    ownAccounts,
    claimed: new Set(),
    discountRates,
  };
  for (const item of byReference) push(k.byReference, item.paymentReference!, item);
  for (const p of byID) k.paymentByID.set(p.id, p);
  for (const p of bySequence) k.paymentBySequence.set(`${p.cashflowTransactionBatchCode}#${p.paymentBatchNumber}`, p);
  // The payments of each batch still waiting (Status 40), and the open items by amount (which need the discount rates).
  const [ofBatches, ...byAmounts] = await Promise.all([
    c.processedPaymentsOfBatches(batches.map((b) => b.cashflowTransactionBatchCode)),
    ...(['receivables', 'payments'] as const).map((side) =>
      c.byAmounts(
        side,
        facts.flatMap((l) => lineAmountKeys(l, side, k.discountRates)),
      ),
    ),
  ]);
  const waiting = new Map<string, OpenItemCandidate[]>();
  for (const p of ofBatches) push(waiting, p.cashflowTransactionBatchCode!, p);
  k.waitingOf = (b: PaymentBatch) => {
    const list = waiting.get(b.cashflowTransactionBatchCode);
    if (!list?.length) return null;
    const total = list.reduce((sum, p) => sum.plus(amountToPay(amountsFC(p), b.executionDate)), new Dec(0));
    return { count: list.length, total };
  };
  for (const b of batches) {
    k.batchesByCode.set(b.cashflowTransactionBatchCode, b);
    if (k.waitingOf(b)?.count === b.paymentCount) push(k.openBatchesByTotal, new Dec(b.totalAmountDC).toFixed(2), b);
  }
  (['receivables', 'payments'] as const).forEach((side, i) => {
    for (const item of byAmounts[i]) push(k.byAmount, `${side}|${new Dec(item.amountFC).toFixed(2)}`, item);
    for (const item of byText[i]) addByText(k, side, item);
  });
  return k;
}

function addByText(k: DivisionKnowledge, side: OpenItemCandidate['side'], item: OpenItemCandidate): void {
  const keys = new Set<string>();
  if (item.invoiceNumber !== null) keys.add(String(item.invoiceNumber));
  if (item.yourRef?.trim()) keys.add(item.yourRef.trim().toUpperCase());
  for (const key of keys) {
    const list = k.byText.get(`${side}|${key}`) ?? [];
    if (!list.some((i) => i.id === item.id)) list.push(item);
    k.byText.set(`${side}|${key}`, list);
  }
}

/**
 * Rule 2: each line's counterparty, strongest evidence kept per account: the IBAN of one
 * account's bank account, IBANs seen on earlier matched lines (options.learnedIbans), the account
 * of an allocation rule that applies, then (only without an IBAN) the name.
 */
async function findCounterparties(c: DivisionCandidates, facts: LineFacts[], k: DivisionKnowledge, options: ProposeOptions): Promise<void> {
  const ibans = [...new Set(facts.map((l) => l.text.counterpartyBankAccount).filter((i): i is string => !!i))];
  const owners = await c.accountsByIban(ibans);
  const learned = options.learnedIbans ? await options.learnedIbans(c.scope, c.divisionCode, ibans) : new Map<string, string[]>();
  let names: NameIndex | null = null;
  const give = (line: LineFacts, accountID: string, evidence: CounterpartyEvidence) => {
    const order: CounterpartyEvidence[] = ['iban', 'learnedIban', 'allocationRule', 'name', 'fuzzyName'];
    const had = line.counterparty.get(accountID);
    if (!had || order.indexOf(evidence) < order.indexOf(had)) line.counterparty.set(accountID, evidence);
  };
  for (const line of facts) {
    const iban = line.text.counterpartyBankAccount;
    const own = iban ? (owners.get(iban) ?? []) : [];
    // An IBAN several accounts share (a parent company's) says less than one account's own.
    for (const a of own) give(line, a, own.length === 1 ? 'iban' : 'fuzzyName');
    const seen = iban ? (learned.get(iban) ?? []) : [];
    for (const a of seen) give(line, a, seen.length === 1 ? 'learnedIban' : 'fuzzyName');
    const allocation = firstAllocation(k.rules, line.text);
    if (allocation?.rule.accountID) give(line, allocation.rule.accountID, 'allocationRule');
    if (line.counterparty.size === 0 && line.text.counterpartyName) {
      names ??= new NameIndex(await c.accounts());
      const found = names.find(line.text.counterpartyName);
      if (found) give(line, found.accountID, found.evidence);
    }
  }
}
