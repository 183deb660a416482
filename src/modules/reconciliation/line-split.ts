import { randomUUID } from 'node:crypto';
import { Clock, systemClock } from '../../access/audit';
import { DivisionScope } from '../../access/division-scope';
import { Principal } from '../../access/principal';
import { Dec } from '../../platform/decimal';
import { textProblem } from '../../platform/validation';
import { ReconciliationPart } from './line-part.entity';
import { ReconciliationAction, ReconciliationActionType } from './match-action.entity';
import { MatchApplier } from './match-apply.service';
import { reconciliationError, ReconciliationRule } from './match-apply.errors';
import { ActedLine, checkWaiting, LineStatus, lockLine, openAmountOf, refreshSplitLine } from './match-line';
import { decimalIn } from './match-settings';
import { ProposalStatus, ReconciliationProposal } from './proposal-record.entity';

/** Most parts one split makes. */
export const MAX_PARTS = 100;

/** One part of a split, as the client gives it: an amount in the line's sign, and what it is for. */
export interface PartRequest {
  amountFC: string;
  description?: string | null;
}

/**
 * Splits a bank entry line into parts (SPLIT), in the caller's transaction: a line that pays
 * several things (an invoice and a fee, a salary and an advance) is divided so that each part is
 * matched, booked or ignored on its own, by the same mutations as a line, naming the part's ID as
 * the line. Only the reconciliation sees the parts: the line's AmountFC, its entry and the
 * account's running balance (BalanceAfterFC) stay what the statement said.
 *
 * Rules: 2 to MAX_PARTS parts; each amount exact to the cent, at least a cent, with the line's
 * sign (INVALID_VALUE naming `parts.amountFC`); together exactly the line's amount (AMOUNT_EXCEEDS
 * naming `parts`); descriptions at most 255 characters. The line must wait with nothing settled
 * yet (CONFLICT ALREADY_SETTLED otherwise: undo what holds first); a part is not split again. The
 * line's waiting proposals are superseded (they were for the whole line); its status becomes 30
 * Split and its OpenAmountFC what its waiting parts have open. Undone by undoAction (undoSplit).
 */
export async function splitLine(
  scope: DivisionScope,
  principal: Principal,
  lineID: string,
  requests: PartRequest[],
  now: Clock = systemClock,
): Promise<ReconciliationAction> {
  if (requests.length < 2 || requests.length > MAX_PARTS) {
    throw reconciliationError(ReconciliationRule.INVALID_VALUE, 'parts', `give 2 to ${MAX_PARTS} parts, got ${requests.length}`);
  }
  const amounts = requests.map((r) => decimalIn('parts.amountFC', r.amountFC, 2));
  const descriptions = requests.map((r, index) => descriptionOf(r.description, index));
  const line = await lockLine(scope, lineID);
  if (line.part) {
    const why = `${lineID} is a part of a split line: undo the split and split the line anew`;
    throw reconciliationError(ReconciliationRule.INVALID_VALUE, 'lineID', why, { id: lineID });
  }
  checkWaiting(line);
  const whole = new Dec(line.amountFC);
  if (!new Dec(openAmountOf(line)).eq(whole)) {
    const why = `part of bank entry line ${line.id} is settled already (${openAmountOf(line)} of ${line.amountFC} open): undo that first`;
    throw reconciliationError(ReconciliationRule.ALREADY_SETTLED, 'lineID', why, { id: line.id });
  }
  amounts.forEach((a, index) => {
    if (a.isZero() || a.isNegative() !== whole.isNegative()) {
      const why = `part ${index + 1}: ${a.toFixed(2)} must be at least a cent, with the sign of the line (${whole.toFixed(2)})`;
      throw reconciliationError(ReconciliationRule.INVALID_VALUE, 'parts.amountFC', why, { part: index + 1 });
    }
  });
  const sum = Dec.sum(0, ...amounts);
  if (!sum.eq(whole)) {
    const why = `the parts add up to ${sum.toFixed(2)}, the line is ${whole.toFixed(2)}: they must add up to it exactly`;
    throw reconciliationError(ReconciliationRule.AMOUNT_EXCEEDS, 'parts', why, { sum: sum.toFixed(2), amountFC: whole.toFixed(2) });
  }
  const at = now();
  const action = new MatchApplier(scope, principal, now).action(line, ReconciliationActionType.SPLIT, {}, at);
  const parts = amounts.map((amount, k) =>
    Object.assign(new ReconciliationPart(), {
      id: randomUUID(),
      divisionCode: line.divisionCode,
      bankEntryLineID: line.id,
      actionID: action.id,
      partNumber: k + 1,
      amountFC: amount.toFixed(2),
      description: descriptions[k],
      reconciliationStatus: LineStatus.OPEN,
      openAmountFC: null,
      created: at,
      creatorID: principal.userId,
      undone: null,
      undoneByID: null,
    }),
  );
  await scope.insert(ReconciliationAction, [action]);
  await scope.insert(ReconciliationPart, parts);
  await scope.update(ReconciliationProposal, { status: ProposalStatus.SUPERSEDED }, 'BankEntryLine = :line AND Status = :proposed', {
    line: line.id,
    proposed: ProposalStatus.PROPOSED,
  });
  await refreshSplitLine(scope, line.id);
  return action;
}

/**
 * The undo of a SPLIT (called by undoAction under the line's lock): refused (CONFLICT
 * NOT_UNDOABLE) while an action on one of its parts holds (undo those first); otherwise the parts
 * get Undone and UndoneBy (their rows stay), and the proposals the split superseded wait again
 * when the line was Proposed. undoAction then gives the line back its status and open amount.
 */
export async function undoSplit(scope: DivisionScope, principal: Principal, action: ReconciliationAction, line: ActedLine, at: Date) {
  const parts = await scope.select(ReconciliationPart, 'p').where('p.actionID = :id AND p.undone IS NULL', { id: action.id }).getMany();
  const ids = parts.map((p) => p.id);
  const holding = ids.length
    ? await scope
        .select(ReconciliationAction, 'a')
        .where('a.partID IN (:...ids) AND a.undone IS NULL AND a.actionType <> :undo', { ids, undo: ReconciliationActionType.UNDO })
        .getMany()
    : [];
  if (holding.length) {
    const numbers = [...new Set(holding.map((a) => parts.find((p) => p.id === a.partID)!.partNumber))].sort((a, b) => a - b);
    const why = `part ${numbers.join(', ')} of the line is settled (${holding.map((a) => a.id).join(', ')}): undo that first`;
    throw reconciliationError(ReconciliationRule.NOT_UNDOABLE, 'actionID', why, { actions: holding.map((a) => a.id) });
  }
  await scope.update(ReconciliationPart, { undone: at, undoneByID: principal.userId }, 'Action = :id AND Undone IS NULL', {
    id: action.id,
  });
  if (action.previousStatus !== LineStatus.PROPOSED) return;
  // The proposals of the line's last run, which the split superseded, wait again.
  const last = await scope
    .select(ReconciliationProposal, 'p')
    .where('p.bankEntryLineID = :line', { line: line.id })
    .orderBy('p.created', 'DESC')
    .getOne();
  if (last) {
    const where = 'BankEntryLine = :line AND Created = :created AND Status = :superseded';
    const parameters = { line: line.id, created: last.created, superseded: ProposalStatus.SUPERSEDED };
    await scope.update(ReconciliationProposal, { status: ProposalStatus.PROPOSED }, where, parameters);
  }
}

function descriptionOf(text: string | null | undefined, index: number): string | null {
  const description = text?.trim() ?? '';
  if (!description) return null;
  const problem = textProblem(description, 1, 255);
  if (problem) {
    const rule = [...description].length > 255 ? ReconciliationRule.TOO_LONG : ReconciliationRule.INVALID_VALUE;
    throw reconciliationError(rule, 'parts.description', `part ${index + 1}: ${problem}`, { part: index + 1 });
  }
  return description;
}
