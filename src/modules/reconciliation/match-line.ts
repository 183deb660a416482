import { DivisionScope } from '../../access/division-scope';
import { Dec } from '../../platform/decimal';
import { BankEntryLine } from '../financial-accounts/bank-entry-line.entity';
import { ReconciliationPart } from './line-part.entity';
import { reconciliationError, ReconciliationRule } from './match-apply.errors';

/**
 * Where a bank entry line stands in reconciliation (BankEntryLines.ReconciliationStatus). A line
 * never looked at has none and counts as open; an over-payment kept on the line leaves it open
 * with its OpenAmountFC.
 */
export enum LineStatus {
  OPEN = 10,
  PROPOSED = 20,
  /** Split into parts (ReconciliationParts), some still waiting: the parts are acted on, not the line. */
  SPLIT = 30,
  MATCHED = 50,
  IGNORED = 60,
}

/** Statuses of the lines that still wait for something: the processing list's. */
export const WAITING_STATUSES: readonly LineStatus[] = [LineStatus.OPEN, LineStatus.PROPOSED];

/** Statuses of the lines on the processing list: those waiting, and split lines whose parts wait. */
export const LISTED_STATUSES: readonly LineStatus[] = [...WAITING_STATUSES, LineStatus.SPLIT];

/**
 * A line as an action sees it: a bank entry line, or a part of a split line (`part` set), which is
 * the line with the part's AmountFC, ReconciliationStatus and OpenAmountFC. Its `id` stays the
 * line's: what a part settles is settled by the bank transaction (TransactionID, the matches'
 * BankEntryLine), and the action and its matches name the part besides (Part).
 */
export type ActedLine = BankEntryLine & { part?: ReconciliationPart | null };

/** The part of the line not settled yet: OpenAmountFC, or the whole AmountFC while nothing is settled. */
export const openAmountOf = (line: BankEntryLine): string => line.openAmountFC ?? line.amountFC;

/**
 * The line by ID in the scope, locked for the transaction (SELECT ... FOR UPDATE on MariaDB):
 * whoever locks it first settles it; a second action on it waits and then sees what the first did.
 * The ID of a part of a split line (ReconciliationParts, split not undone) gives that part, as an
 * ActedLine, under the lock of its line. NOT_FOUND naming `field` when the caller's divisions have
 * no such line or part.
 */
export async function lockLine(scope: DivisionScope, id: string, field = 'lineID'): Promise<ActedLine> {
  const lock = (lineID: string) => scope.forUpdate(scope.select(BankEntryLine, 'l').where('l.id = :lineID', { lineID })).getOne();
  const line = await lock(id);
  if (line) return line;
  const notFound = () => reconciliationError(ReconciliationRule.NOT_FOUND, field, `bank entry line ${id} was not found`, { id });
  const partOf = () => scope.select(ReconciliationPart, 'p').where('p.id = :id AND p.undone IS NULL', { id }).getOne();
  const found = await partOf();
  if (!found) throw notFound();
  const parent = await lock(found.bankEntryLineID);
  // Read again under the line's lock: an action on the part or an undo of its split may have been first.
  const part = await partOf();
  if (!parent || !part) throw notFound();
  return Object.assign(parent, {
    amountFC: part.amountFC,
    openAmountFC: part.openAmountFC,
    reconciliationStatus: part.reconciliationStatus,
    part,
  });
}

/**
 * A split line's status and open amount from its parts (the split not undone), after an action on
 * one of them: SPLIT while any part waits, with OpenAmountFC the sum of what the waiting parts have
 * open; then MATCHED, or IGNORED when every part was ignored. A line without parts is left alone.
 */
export async function refreshSplitLine(scope: DivisionScope, lineID: string): Promise<void> {
  const parts = await scope.select(ReconciliationPart, 'p').where('p.bankEntryLineID = :lineID AND p.undone IS NULL', { lineID }).getMany();
  if (!parts.length) return;
  const waiting = parts.filter((p) => WAITING_STATUSES.includes(p.reconciliationStatus));
  const status = waiting.length
    ? LineStatus.SPLIT
    : parts.every((p) => p.reconciliationStatus === LineStatus.IGNORED)
      ? LineStatus.IGNORED
      : LineStatus.MATCHED;
  const open = Dec.sum(0, ...waiting.map((p) => p.openAmountFC ?? p.amountFC)).toFixed(2);
  await scope.update(BankEntryLine, { reconciliationStatus: status, openAmountFC: open }, 'ID = :id', { id: lineID });
}

/** CONFLICT (ALREADY_SETTLED) unless the line (or part) still waits (open or proposed); a split line waits for its parts only. */
export function checkWaiting(line: ActedLine, field = 'lineID'): void {
  if (line.reconciliationStatus === null || WAITING_STATUSES.includes(line.reconciliationStatus)) return;
  const status = line.reconciliationStatus;
  const what = status === LineStatus.IGNORED ? 'ignored' : status === LineStatus.SPLIT ? 'split (act on its parts)' : 'matched';
  const which = line.part ? `part ${line.part.partNumber} of bank entry line` : 'bank entry line';
  throw reconciliationError(ReconciliationRule.ALREADY_SETTLED, field, `${which} ${line.id} is ${what} already`, {
    id: line.id,
    status: line.reconciliationStatus,
  });
}
