import { Brackets } from 'typeorm';
import { Clock, modificationAudit, systemClock } from '../../access/audit';
import { DivisionScope } from '../../access/division-scope';
import { Principal } from '../../access/principal';
import { OpenItemStatus } from '../../catalog/codes';
import { Dec } from '../../platform/decimal';
import { MatchingService } from '../matching/matching.service';
import { OpenItem } from '../open-items/open-item';
import { OpenItemWriter } from '../open-items/writes';
import { ReconciliationAction, ReconciliationActionType } from './match-action.entity';
import { MatchApplier } from './match-apply.service';
import { reconciliationError, ReconciliationRule } from './match-apply.errors';
import { ItemSide, kindOf, previousValues } from './match-items';
import { ActedLine, lockLine } from './match-line';
import { undoSplit } from './line-split';
import { ReconciliationMatch, ReconciliationMatchType } from './match-line.entity';
import { ProposalStatus, ReconciliationProposal } from './proposal-record.entity';

/** Columns a payment's undo restores itself (the payment matching's unmatch restores Status and EndDate). */
const PAYMENT_AMOUNTS = ['amountFC', 'amountDC', 'amountDiscountFC', 'amountDiscountDC'];

const notUndoable = (why: string, extra: Record<string, unknown> = {}) =>
  reconciliationError(ReconciliationRule.NOT_UNDOABLE, 'actionID', why, extra);

/**
 * Undoes an action on a bank entry line exactly, in the caller's transaction: every item it
 * settled gets back the columns it had (from the match row's PreviousValues: Status, EndDate,
 * EndYear, EndPeriod, LastPaymentDate, IsFullyPaid, TransactionID and, after a partial match, the
 * amounts), the open part a partial match made and a credit it made are deleted, payments are
 * unmatched by the payment matching (modules/matching), and the line gets back its status and
 * open amount. The action and its matches keep their rows with Undone and UndoneBy; an UNDO action
 * records who undid it. CONFLICT (NOT_UNDOABLE) when that cannot be exact: the action is undone
 * already, a later action on the line still holds (undo it first), or an item changed since (the
 * open part was paid or split, the item unmatched elsewhere).
 */
export async function undoAction(
  scope: DivisionScope,
  principal: Principal,
  actionID: string,
  now: Clock = systemClock,
): Promise<ReconciliationAction> {
  const found = await scope.select(ReconciliationAction, 'a').where('a.id = :actionID', { actionID }).getOne();
  if (!found) throw reconciliationError(ReconciliationRule.NOT_FOUND, 'actionID', `action ${actionID} was not found`, { id: actionID });
  // An action on a part of a split line is undone on that part (under its line's lock).
  const line = await lockLine(scope, found.partID ?? found.bankEntryLineID, 'actionID');
  // Read again under the line's lock: a concurrent undo of the same action waited for it.
  const action = await scope.select(ReconciliationAction, 'a').where('a.id = :actionID', { actionID }).getOneOrFail();
  if (action.actionType === ReconciliationActionType.UNDO) throw notUndoable('an UNDO is not undone: act on the line again instead');
  if (action.undone) throw notUndoable(`action ${actionID} was undone already`);
  const later = await scope
    .select(ReconciliationAction, 'a')
    .where('a.bankEntryLineID = :line AND a.undone IS NULL AND a.actionType <> :undo AND a.id <> :id', {
      line: line.id,
      undo: ReconciliationActionType.UNDO,
      id: action.id,
    })
    .andWhere(new Brackets((w) => w.where('a.created >= :created', { created: action.created })))
    .andWhere(action.partID ? 'a.partID = :part' : 'a.partID IS NULL', { part: action.partID })
    .getMany();
  if (later.length) throw notUndoable(`a later action on the line holds (${later.map((a) => a.id).join(', ')}): undo it first`);
  const at = now();
  if (action.actionType === ReconciliationActionType.SPLIT) await undoSplit(scope, principal, action, line, at);
  const matches = await scope.select(ReconciliationMatch, 'm').where('m.actionID = :id AND m.undone IS NULL', { id: action.id }).getMany();
  const audit = modificationAudit(principal, at);
  const payments = matches.filter((m) => m.matchType === ReconciliationMatchType.PAYMENT);
  if (payments.length) await new MatchingService(scope, principal, now).unmatch(payments.map((m) => m.paymentID!));
  for (const m of matches) {
    if (m.matchType === ReconciliationMatchType.RECEIVABLE) await restoreItem(scope, principal, 'RECEIVABLE', m, line, audit, now);
    if (m.matchType === ReconciliationMatchType.PAYMENT) await restoreItem(scope, principal, 'PAYMENT', m, line, audit, now);
    if (m.matchType === ReconciliationMatchType.CREDIT) await deleteCredit(scope, principal, m, now);
  }
  if (matches.length)
    await scope.update(ReconciliationMatch, { undone: at, undoneByID: principal.userId }, 'Action = :id', { id: action.id });
  await scope.update(ReconciliationAction, { undone: at, undoneByID: principal.userId }, 'ID = :id AND Undone IS NULL', { id: action.id });
  if (action.proposalID) {
    // The accepted proposal waits again, and so do the others of its run (stored with it, at the
    // same moment) that its acceptance superseded; proposals of earlier runs stay superseded.
    const accepted = await scope.select(ReconciliationProposal, 'p').where('p.id = :id', { id: action.proposalID }).getOne();
    if (accepted) {
      const where = 'BankEntryLine = :line AND Created = :created AND Status <> :proposed';
      const parameters = { line: line.id, created: accepted.created, proposed: ProposalStatus.PROPOSED };
      await scope.update(ReconciliationProposal, { status: ProposalStatus.PROPOSED }, where, parameters);
    }
  }
  const applier = new MatchApplier(scope, principal, now);
  const undo = applier.undoAction(line, action, at);
  await scope.insert(ReconciliationAction, [undo]);
  await applier.setLine(line, action.previousStatus, action.previousOpenAmountFC);
  return undo;
}

/** Gives a settled item back what it had, and deletes the open part a partial match made of it. */
async function restoreItem(
  scope: DivisionScope,
  principal: Principal,
  side: ItemSide,
  m: ReconciliationMatch,
  line: ActedLine,
  audit: ReturnType<typeof modificationAudit>,
  now: Clock,
): Promise<void> {
  const kind = kindOf(side);
  const writer = new OpenItemWriter(kind, scope, principal, now);
  const id = (side === 'RECEIVABLE' ? m.receivableID : m.paymentID)!;
  const ids = m.remainderItemID ? [id, m.remainderItemID] : [id];
  const rows = await writer.lockExisting(ids, 'actionID');
  const item = rows.get(id)!;
  const previous = previousValues(m.previousValues);
  if (
    side === 'RECEIVABLE' &&
    (item.status !== OpenItemStatus.MATCHED || (item as unknown as { transactionID: string }).transactionID !== line.id)
  ) {
    throw notUndoable(`receivable ${id} is no longer matched with this line`, { id });
  }
  if (m.remainderItemID) {
    const rest = rows.get(m.remainderItemID)!;
    const expected = new Dec(String(previous.amountFC)).minus(item.amountFC);
    if (rest.status !== OpenItemStatus.OPEN || !expected.eq(rest.amountFC)) {
      const state = `Status ${rest.status}, ${rest.amountFC}`;
      const why = `the open part ${rest.id} of ${kind.noun} ${id} changed since the match (${state}): settle it back first`;
      throw notUndoable(why, { id: rest.id });
    }
    const deleted = await scope.delete(kind.entity, 'ID = :rid AND Status = :open', { rid: rest.id, open: OpenItemStatus.OPEN });
    if (deleted !== 1) throw notUndoable(`the open part ${rest.id} changed meanwhile`, { id: rest.id });
  }
  const fields = side === 'RECEIVABLE' ? Object.keys(previous) : PAYMENT_AMOUNTS.filter((f) => m.remainderItemID && f in previous);
  if (!fields.length) return;
  const set = Object.fromEntries(fields.map((f) => [f, previous[f]]));
  const changed = await scope.update(kind.entity, writer.storedValues({ ...set, ...audit }) as Partial<OpenItem>, 'ID = :id', { id });
  if (changed !== 1) throw notUndoable(`${kind.noun} ${id} changed meanwhile`, { id });
}

/** Deletes the credit an over-payment made, while it is still open for its whole amount. */
async function deleteCredit(scope: DivisionScope, principal: Principal, m: ReconciliationMatch, now: Clock): Promise<void> {
  const kind = kindOf('RECEIVABLE');
  const rows = await new OpenItemWriter(kind, scope, principal, now).lockExisting([m.receivableID!], 'actionID');
  const credit = rows.get(m.receivableID!)!;
  if (credit.status !== OpenItemStatus.OPEN || !new Dec(credit.amountFC).eq(new Dec(m.amountFC).negated())) {
    throw notUndoable(`the credit ${credit.id} was used or changed since the match: settle it back first`, { id: credit.id });
  }
  await scope.delete(kind.entity, 'ID = :id AND Status = :open', { id: credit.id, open: OpenItemStatus.OPEN });
}
