import { Dec } from '../../platform/decimal';
import type { PaymentBatch } from '../batches/payment-batch.entity';
import type { OpenItemCandidate } from './candidates';
import type { MatchProposal } from './engine-types';
import { DivisionKnowledge, EVIDENCE_WORDS, fitFields, fitWords, LineFacts, namedWords, Proposals } from './engine-proposals';
import { combinationRule, textRule, toleranceRule } from './engine-score-text';
import { firstAllocation } from './rules-allocation';
import { CONFIDENCE, isExactFit, namedInText, oldestFirst, settle, Settlement, sidedAmount, UNIQUE_AMOUNT_CONFIDENCE } from './rules-items';

/**
 * Scoring of one bank line: every rule proposes what it found with a confidence and its reasons;
 * equal proposals (same kind and items) keep the highest confidence and all reasons. Pure: the
 * engine (engine.ts) loads the candidates of the whole division first and hands them in.
 */

/** The side a line settles normally: money in pays receivables, money out payments. */
export function mainSide(amountFC: string): OpenItemCandidate['side'] {
  return new Dec(amountFC).isNegative() ? 'payments' : 'receivables';
}
const SIDES: OpenItemCandidate['side'][] = ['receivables', 'payments'];

/** All proposals of one line (unsorted, unguarded: engine.ts ranks them and applies the guards). */
export function scoreLine(line: LineFacts, k: DivisionKnowledge): MatchProposal[] {
  const out = new Proposals(line);
  const usable = (c: OpenItemCandidate) => c.currency === line.currency && c.divisionCode === line.divisionCode;
  referenceRule(line, k, out, usable);
  endToEndRule(line, k, out, usable);
  batchRule(line, k, out);
  const allocation = firstAllocation(k.rules, line.text);
  if (allocation) {
    const { rule, fit } = allocation;
    const detail = fit === 'iban' ? `counterparty IBAN ${rule.counterpartyBankAccount}` : `words "${rule.words}"`;
    out.add(
      'glAccount',
      [],
      '0.00',
      fit === 'iban' ? CONFIDENCE.allocationIban : CONFIDENCE.allocationWords,
      {
        rule: 'allocationRule',
        fields: fit === 'iban' ? ['CounterpartyBankAccount'] : ['Description', 'RemittanceInformation', 'CounterpartyName'],
        detail: `allocation rule "${rule.description}" applies: ${detail}`,
      },
      { accountID: rule.accountID, glAccountID: rule.glAccountID },
    );
  }
  ownAccountRule(line, k, out);
  amountRule(line, k, out, usable);
  textRule(line, k, out);
  combinationRule(line, k, out);
  toleranceRule(line, k, out);
  return out.all();
}

/**
 * Internal transfers without an allocation rule: the counterparty IBAN is another of the
 * division's own bank accounts (one with a bank journal), so the line is money moved between own
 * accounts, booked to that account's journal G/L account. Never the line's own account, never
 * another division's (the knowledge is the line's division's only).
 */
function ownAccountRule(line: LineFacts, k: DivisionKnowledge, out: Proposals): void {
  const iban = line.text.counterpartyBankAccount;
  const own = iban ? k.ownAccounts.get(iban) : undefined;
  if (!own || own.journalCode === line.journalCode) return;
  const name = own.description ? `"${own.description}" ` : '';
  out.add(
    'glAccount',
    [],
    '0.00',
    CONFIDENCE.ownAccount,
    {
      rule: 'ownAccount',
      fields: ['CounterpartyBankAccount'],
      detail:
        `counterparty IBAN ${own.iban} is the division's own bank account ${name}(journal ${own.journalCode}): ` +
        'an internal transfer, booked to its G/L account',
    },
    { accountID: null, glAccountID: own.glAccountID },
  );
}

function referenceRule(line: LineFacts, k: DivisionKnowledge, out: Proposals, usable: (c: OpenItemCandidate) => boolean): void {
  const refs = [...line.references.belgian, ...line.references.creditor];
  const found = new Map<string, { ref: string; item: OpenItemCandidate; shared: boolean }>();
  for (const ref of refs) {
    const items = (k.byReference.get(ref) ?? []).filter(usable);
    for (const item of items) found.set(item.id, { ref, item, shared: items.length > 1 });
  }
  for (const { ref, item, shared } of found.values()) {
    const s = settle(line.amountFC, item, line.day);
    if (s.fit === 'none') continue;
    const otherParty = line.counterparty.size > 0 && !line.counterparty.has(item.accountID);
    let confidence: number = isExactFit(s.fit) ? CONFIDENCE.referenceExact : CONFIDENCE.referencePartial;
    if (shared || found.size > 1) confidence = Math.min(confidence, CONFIDENCE.duplicateAmount);
    else if (otherParty && !isExactFit(s.fit)) confidence -= 0.1;
    const kind = ref.startsWith('RF') ? 'ISO 11649 creditor reference' : 'structured communication';
    out.item(item, s, confidence, {
      rule: 'structuredReference',
      fields: ['PaymentReference', ...fitFields(s)],
      detail:
        `${kind} ${ref} (check digits valid) is the receivable's PaymentReference; ${fitWords[s.fit]}` +
        (otherParty ? '; paid from an account not known for the customer' : ''),
    });
  }
  // Several references, one line: the invoices paid together.
  if (found.size > 1) {
    const items = [...found.values()].map((f) => f.item).sort(oldestFirst);
    const parts = items.map((i) => ({ item: i, s: settle(sidedAmount(i.amountFC, i.side).toFixed(2), i, line.day) }));
    const total = items.reduce((sum, i) => sum.plus(new Dec(i.amountFC)), new Dec(0));
    const paid = sidedAmount(line.amountFC, items[0].side);
    if (total.eq(paid) && items.every((i) => i.side === items[0].side))
      out.add(
        items[0].side,
        parts.map((p) => ({ id: p.item.id, amountFC: new Dec(p.item.amountFC).abs().toFixed(2) })),
        '0.00',
        CONFIDENCE.referenceExact,
        {
          rule: 'structuredReference',
          fields: ['PaymentReference', 'AmountFC'],
          detail: `${items.length} valid structured references name ${items.length} receivables that add up to the amount`,
        },
        { accountID: items[0].accountID },
      );
  }
}

function endToEndRule(line: LineFacts, k: DivisionKnowledge, out: Proposals, usable: (c: OpenItemCandidate) => boolean): void {
  const key = line.endToEnd;
  if (!key) return;
  const payment = key.kind === 'payment' ? k.paymentByID.get(key.paymentID) : k.paymentBySequence.get(`${key.batchCode}#${key.sequence}`);
  if (!payment || !usable(payment)) return;
  const s = settle(line.amountFC, payment, line.day);
  if (s.fit === 'none') return;
  // The bank file paid what was due on its execution date: a discount valid then counts, however late the debit is booked.
  const paidAsFiled = isExactFit(s.fit) || s.fit === 'expiredDiscount';
  out.item(payment, s, paidAsFiled ? CONFIDENCE.endToEndExact : CONFIDENCE.endToEndOther, {
    rule: 'endToEndId',
    fields: ['EndToEndID', 'CashflowTransactionBatchCode', ...fitFields(s)],
    detail: `EndToEndId ${line.text.endToEndID} is the payment's in batch ${payment.cashflowTransactionBatchCode}; ${fitWords[s.fit]}`,
  });
}

function batchRule(line: LineFacts, k: DivisionKnowledge, out: Proposals): void {
  const amount = new Dec(line.amountFC);
  if (!amount.isNegative()) return;
  const paid = amount.abs();
  const propose = (b: PaymentBatch, total: Dec, confidence: number, detail: string, fields: string[]) =>
    out.add('batch', [{ id: b.id, amountFC: total.toFixed(2) }], paid.minus(total).toFixed(2), confidence, {
      rule: 'batch',
      fields,
      detail,
    });
  const named = new Set(line.batchCodes.map((c) => k.batchesByCode.get(c)).filter((b): b is PaymentBatch => !!b));
  for (const b of named) {
    const waiting = k.waitingOf(b);
    if (!waiting || b.currency !== line.currency) continue;
    const fits = waiting.total.eq(paid);
    const what = waiting.count === b.paymentCount ? 'its payments add up' : `its ${waiting.count} payments still processed add up`;
    propose(
      b,
      waiting.total,
      fits ? CONFIDENCE.batchReference : CONFIDENCE.batchOther,
      `the line names processed batch ${b.cashflowTransactionBatchCode}; ${what} to ${fits ? 'the amount' : `${waiting.total.toFixed(2)}`}`,
      ['CashflowTransactionBatchCode', 'AmountFC', 'ExecutionDate'],
    );
  }
  const byTotal = (k.openBatchesByTotal.get(paid.toFixed(2)) ?? []).filter((b) => b.currency === line.currency && b.paymentCount > 1);
  for (const b of byTotal)
    propose(
      b,
      new Dec(b.totalAmountDC),
      byTotal.length === 1 ? CONFIDENCE.batchAmount : CONFIDENCE.batchOther,
      `the amount equals the total of processed batch ${b.cashflowTransactionBatchCode} (${b.paymentCount} payments)` +
        (byTotal.length > 1 ? `, as does that of ${byTotal.length - 1} other batch(es)` : ', the only open batch with that total'),
      ['TotalAmountDC'],
    );
}

/** The strongest evidence the line has for `accountID`, or null when the item is not the line's counterparty's. */
const evidenceFor = (line: LineFacts, accountID: string) => line.counterparty.get(accountID) ?? null;

function amountRule(line: LineFacts, k: DivisionKnowledge, out: Proposals, usable: (c: OpenItemCandidate) => boolean): void {
  for (const side of SIDES) {
    const seen = new Set<string>();
    const fitting: { item: OpenItemCandidate; s: Settlement }[] = [];
    for (const amount of lineAmountKeys(line, side, k.discountRates)) {
      for (const item of k.byAmount.get(`${side}|${amount}`) ?? []) {
        if (seen.has(item.id) || !usable(item)) continue;
        seen.add(item.id);
        const s = settle(line.amountFC, item, line.day);
        if (isExactFit(s.fit) || s.fit === 'expiredDiscount') fitting.push({ item, s });
      }
    }
    fitting.sort((a, b) => oldestFirst(a.item, b.item));
    const ofParty = fitting.filter((f) => isExactFit(f.s.fit) && evidenceFor(line, f.item.accountID));
    let rank = 0;
    for (const { item, s } of fitting) {
      const evidence = evidenceFor(line, item.accountID);
      const named = namedInText(item, line.tokens);
      const fields = [...fitFields(s), ...(named ? [named] : []), ...(evidence ? ['Account'] : [])];
      let confidence: number;
      let detail = fitWords[s.fit];
      if (s.fit === 'expiredDiscount') confidence = evidence ? CONFIDENCE.expiredDiscount + (named ? 0.2 : 0) : CONFIDENCE.amountOnly - 0.1;
      else if (named) confidence = evidence ? CONFIDENCE.textExact : CONFIDENCE.textExactOtherParty;
      else if (evidence && ofParty.length === 1) confidence = UNIQUE_AMOUNT_CONFIDENCE[evidence];
      else if (evidence) confidence = CONFIDENCE.duplicateAmount - 0.01 * rank++;
      else confidence = CONFIDENCE.amountOnly - 0.01 * rank++;
      if (named) detail += `; the text names its ${namedWords(item, named)}`;
      if (evidence) detail += `; the customer or supplier was found by ${EVIDENCE_WORDS[evidence]}`;
      if (evidence && ofParty.length > 1 && !named)
        detail += `; ${ofParty.length} open items of this account have this amount (oldest first)`;
      if (!evidence) detail += '; the item belongs to another account than the one the line was found to come from (or none was found)';
      out.item(item, s, confidence, { rule: named ? 'invoiceReference' : 'amount', fields, detail });
    }
  }
}

/** The AmountFC values (exact text) an item of `side` could have to be settled by the line: as paid, and before a discount. */
export function lineAmountKeys(line: Pick<LineFacts, 'amountFC'>, side: OpenItemCandidate['side'], discountRates: Dec[] = []): string[] {
  const paid = sidedAmount(line.amountFC, side);
  const keys = [paid.toFixed(2)];
  if (paid.isPositive())
    for (const rate of discountRates) {
      // paid = A - round(A * rate): A is paid / (1 - rate) give or take a cent of rounding.
      const estimate = paid.dividedBy(new Dec(1).minus(rate)).toDecimalPlaces(2);
      for (const delta of [-2, -1, 0, 1, 2]) keys.push(estimate.plus(new Dec(delta).dividedBy(100)).toFixed(2));
    }
  return [...new Set(keys)];
}
