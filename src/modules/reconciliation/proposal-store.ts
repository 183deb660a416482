import { randomUUID } from 'node:crypto';
import { Clock, systemClock } from '../../access/audit';
import { DivisionScope } from '../../access/division-scope';
import { Principal } from '../../access/principal';
import { Dec } from '../../platform/decimal';
import { PaymentBatch } from '../batches/payment-batch.entity';
import { BankEntryLine } from '../financial-accounts/bank-entry-line.entity';
import { Payment } from '../payments/payment.entity';
import { ReconciliationAction, ReconciliationActionType } from './match-action.entity';
import { ItemTarget, MatchApplier, OverpaymentHandling } from './match-apply.service';
import { reconciliationError, ReconciliationRule } from './match-apply.errors';
import { ItemSide } from './match-items';
import { checkWaiting, LineStatus, lockLine, openAmountOf, WAITING_STATUSES } from './match-line';
import { ReconciliationMatch } from './match-line.entity';
import { MatchProposal } from './proposal-engine';
import { ProposalStatus, ReconciliationProposal } from './proposal-record.entity';

/** How to accept a proposal: whether a difference within tolerance is booked, what an excess becomes. */
export interface AcceptOptions {
  /** Book a shortfall within the division's tolerance to the payment difference G/L account (else the last item stays open for it). */
  bookDifference?: boolean | null;
  overpayment?: OverpaymentHandling | null;
}

/**
 * Keeps the engine's proposals for lines (in the caller's transaction): the line's earlier
 * waiting proposals become SUPERSEDED, the new ones are stored best first (Rank 1, 2, ...), and a
 * line that waits (open) becomes PROPOSED when it got any. Lines settled or ignored meanwhile are
 * left alone.
 */
export async function storeProposals(
  scope: DivisionScope,
  principal: Principal,
  proposals: ReadonlyMap<string, MatchProposal[]>,
  now: Clock = systemClock,
): Promise<ReconciliationProposal[]> {
  const ids = [...proposals.keys()];
  if (!ids.length) return [];
  const lines = await scope.select(BankEntryLine, 'l').where('l.id IN (:...ids)', { ids }).getMany();
  const waiting = lines.filter((l) => l.reconciliationStatus === null || WAITING_STATUSES.includes(l.reconciliationStatus));
  const at = now();
  const rows: ReconciliationProposal[] = [];
  for (const line of waiting) {
    const ranked = [...(proposals.get(line.id) ?? [])]
      .filter((p) => p.divisionCode === line.divisionCode)
      .sort((a, b) => b.confidence - a.confidence);
    await scope.update(ReconciliationProposal, { status: ProposalStatus.SUPERSEDED }, 'BankEntryLine = :id AND Status = :proposed', {
      id: line.id,
      proposed: ProposalStatus.PROPOSED,
    });
    ranked.forEach((p, k) =>
      rows.push(
        Object.assign(new ReconciliationProposal(), {
          id: randomUUID(),
          divisionCode: line.divisionCode,
          bankEntryLineID: line.id,
          rank: k + 1,
          matchType: p.kind.toUpperCase(),
          items: JSON.stringify(p.items),
          accountID: p.accountID ?? null,
          glAccountID: p.glAccountID ?? null,
          differenceFC: new Dec(p.differenceFC).toFixed(2),
          confidence: new Dec(p.confidence).toDecimalPlaces(4).toFixed(4),
          reasons: JSON.stringify(p.reasons),
          status: ProposalStatus.PROPOSED,
          created: at,
          creatorID: principal.userId,
        }),
      ),
    );
    const status = ranked.length ? LineStatus.PROPOSED : LineStatus.OPEN;
    await scope.update(BankEntryLine, { reconciliationStatus: status }, 'ID = :id', { id: line.id });
  }
  // Chunks keep the statement under the databases' parameter limits.
  for (let i = 0; i < rows.length; i += 200) await scope.insert(ReconciliationProposal, rows.slice(i, i + 200));
  return rows;
}

/**
 * Accepts a stored proposal (ACCEPT, or AUTO for the automatic matching): the line is linked to
 * what the proposal names (match-apply.service.ts), the proposal becomes ACCEPTED and the line's
 * other proposals SUPERSEDED. The line's open amount is spread over the items in the proposal's
 * order, each item at most its proposed amount: a line that pays less leaves the last item partly
 * open, or with `bookDifference` books the shortfall within tolerance. CONFLICT
 * (PROPOSAL_NOT_OPEN) when the proposal was accepted or replaced already, and (ALREADY_SETTLED)
 * when the line or an item was settled by someone else first.
 */
export async function acceptProposal(
  scope: DivisionScope,
  principal: Principal,
  proposalID: string,
  options: AcceptOptions = {},
  type = ReconciliationActionType.ACCEPT,
  now: Clock = systemClock,
): Promise<ReconciliationAction> {
  const found = await scope.select(ReconciliationProposal, 'p').where('p.id = :proposalID', { proposalID }).getOne();
  if (!found) throw reconciliationError(ReconciliationRule.NOT_FOUND, 'proposalID', `proposal ${proposalID} was not found`);
  const line = await lockLine(scope, found.bankEntryLineID, 'proposalID');
  checkWaiting(line, 'proposalID');
  const proposal = await scope.select(ReconciliationProposal, 'p').where('p.id = :proposalID', { proposalID }).getOneOrFail();
  if (proposal.status !== ProposalStatus.PROPOSED) {
    const why = `proposal ${proposalID} is ${proposal.status.toLowerCase()} already`;
    throw reconciliationError(ReconciliationRule.PROPOSAL_NOT_OPEN, 'proposalID', why, { status: proposal.status });
  }
  const applier = new MatchApplier(scope, principal, now);
  const overpayment = options.overpayment ?? OverpaymentHandling.KEEP_ON_LINE;
  const open = new Dec(openAmountOf(line)).abs();
  let action: ReconciliationAction;
  if (proposal.matchType === 'GLACCOUNT') {
    const glAccounts = [{ glAccountID: proposal.glAccountID!, amountFC: openAmountOf(line) }];
    action = await applier.link({ lineID: line.id, glAccounts }, type, proposal.id);
  } else {
    const items = await targetsOf(scope, proposal);
    let left = open;
    const spread: ItemTarget[] = [];
    for (const item of items) {
      if (left.isZero()) break;
      const amount = Dec.min(left, new Dec(item.amountFC));
      spread.push({ ...item, amountFC: amount.toFixed(2), bookDifference: amount.lt(item.amountFC) && !!options.bookDifference });
      left = left.minus(amount);
    }
    action = await applier.link({ lineID: line.id, items: spread, overpayment }, type, proposal.id);
  }
  await scope.update(ReconciliationProposal, { status: ProposalStatus.SUPERSEDED }, 'BankEntryLine = :line AND Status = :proposed', {
    line: line.id,
    proposed: ProposalStatus.PROPOSED,
  });
  await scope.update(ReconciliationProposal, { status: ProposalStatus.ACCEPTED }, 'ID = :id', { id: proposal.id });
  return action;
}

/** The items a proposal names, as targets: receivables, payments, or the payments of a batch (each for its whole amount). */
async function targetsOf(scope: DivisionScope, proposal: ReconciliationProposal): Promise<ItemTarget[]> {
  const items = JSON.parse(proposal.items) as { id: string; amountFC: string }[];
  if (proposal.matchType === 'BATCH') {
    const ids = items.map((i) => i.id);
    const batches = ids.length ? await scope.select(PaymentBatch, 'b').where('b.id IN (:...ids)', { ids }).getMany() : [];
    const codes = batches.map((b) => b.cashflowTransactionBatchCode);
    const payments = codes.length
      ? await scope
          .select(Payment, 'p')
          .where('p.divisionCode = :d AND p.cashflowTransactionBatchCode IN (:...codes)', { d: proposal.divisionCode, codes })
          .orderBy('p.id')
          .getMany()
      : [];
    return payments.map((p) => ({ side: 'PAYMENT' as ItemSide, id: p.id, amountFC: p.amountFC }));
  }
  const side: ItemSide = proposal.matchType === 'PAYMENTS' ? 'PAYMENT' : 'RECEIVABLE';
  return items.map((i) => ({ side, id: i.id, amountFC: i.amountFC }));
}

/**
 * IBANs seen on earlier matched lines (the engine's LearnedIbans): for each given IBAN of
 * `divisionCode`, the accounts its lines were matched to by matches that still hold.
 */
export async function learnedIbans(scope: DivisionScope, divisionCode: number, ibans: string[]): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  if (!ibans.length) return found;
  const rows = await scope
    .select(ReconciliationMatch, 'm')
    .innerJoin(BankEntryLine, 'l', 'l.id = m.bankEntryLineID AND l.divisionCode = m.divisionCode')
    .select(['l.counterpartyBankAccount AS iban', 'm.accountID AS account'])
    .where('m.divisionCode = :divisionCode AND m.undone IS NULL AND m.accountID IS NOT NULL', { divisionCode })
    .andWhere('l.counterpartyBankAccount IN (:...ibans)', { ibans })
    .distinct(true)
    .getRawMany<{ iban: string; account: string }>();
  for (const r of rows) found.set(r.iban, [...(found.get(r.iban) ?? []), r.account]);
  return found;
}
