import { DivisionScope } from '../../access/division-scope';
import { BankEntryLine } from '../financial-accounts/bank-entry-line.entity';
import { reconciliationError, ReconciliationRule } from './match-apply.errors';

/**
 * Where a bank entry line stands in reconciliation (BankEntryLines.ReconciliationStatus). A line
 * never looked at has none and counts as open; an over-payment kept on the line leaves it open
 * with its OpenAmountFC.
 */
export enum LineStatus {
  OPEN = 10,
  PROPOSED = 20,
  MATCHED = 50,
  IGNORED = 60,
}

/** Statuses of the lines that still wait for something: the processing list's. */
export const WAITING_STATUSES: readonly LineStatus[] = [LineStatus.OPEN, LineStatus.PROPOSED];

/** The part of the line not settled yet: OpenAmountFC, or the whole AmountFC while nothing is settled. */
export const openAmountOf = (line: BankEntryLine): string => line.openAmountFC ?? line.amountFC;

/**
 * The line by ID in the scope, locked for the transaction (SELECT ... FOR UPDATE on MariaDB):
 * whoever locks it first settles it; a second action on it waits and then sees what the first did.
 * NOT_FOUND naming `field` when the caller's divisions have no such line.
 */
export async function lockLine(scope: DivisionScope, id: string, field = 'lineID'): Promise<BankEntryLine> {
  const line = await scope.forUpdate(scope.select(BankEntryLine, 'l').where('l.id = :id', { id })).getOne();
  if (!line) throw reconciliationError(ReconciliationRule.NOT_FOUND, field, `bank entry line ${id} was not found`, { id });
  return line;
}

/** CONFLICT (ALREADY_SETTLED) unless the line still waits (open or proposed). */
export function checkWaiting(line: BankEntryLine, field = 'lineID'): void {
  if (line.reconciliationStatus === null || WAITING_STATUSES.includes(line.reconciliationStatus)) return;
  const what = line.reconciliationStatus === LineStatus.IGNORED ? 'ignored' : 'matched';
  throw reconciliationError(ReconciliationRule.ALREADY_SETTLED, field, `bank entry line ${line.id} is ${what} already`, {
    id: line.id,
    status: line.reconciliationStatus,
  });
}
