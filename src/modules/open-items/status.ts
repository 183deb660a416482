import { OpenItemStatus } from '../../catalog/codes';
import { INT32_MAX, integerProblem } from '../../platform/validation';
import { OpenItem, OpenItemKind, RowAt } from './open-item';

/**
 * The life of an open item (payable or receivable), by its Status (shared/reference/
 * cashflow-codes.md): 20 Open, 30 Selected (to be paid / collected), 40 Processed (the bank file
 * is made), 50 Matched (with a bank statement line or other items). One table of the moves a
 * status may make, and what each status still lets a write change, for both sides.
 */

/** The moves between statuses, and what makes them. */
export const STATUS_TRANSITIONS: Readonly<Record<OpenItemStatus, readonly OpenItemStatus[]>> = {
  // select; process directly (a run may take open items); match.
  [OpenItemStatus.OPEN]: [OpenItemStatus.SELECTED, OpenItemStatus.PROCESSED, OpenItemStatus.MATCHED],
  // deselect; process; match.
  [OpenItemStatus.SELECTED]: [OpenItemStatus.OPEN, OpenItemStatus.PROCESSED, OpenItemStatus.MATCHED],
  // match with the statement line that paid the file.
  [OpenItemStatus.PROCESSED]: [OpenItemStatus.MATCHED],
  // unmatch: back to the status the item had before the match.
  [OpenItemStatus.MATCHED]: [OpenItemStatus.OPEN, OpenItemStatus.SELECTED, OpenItemStatus.PROCESSED],
};

/** True when an item may move from `from` to `to` (STATUS_TRANSITIONS). */
export function canMove(from: number, to: number): boolean {
  return (STATUS_TRANSITIONS[from as OpenItemStatus] ?? []).includes(to);
}

/** Items still outstanding: not yet in a bank file (20 Open, 30 Selected). The ageing counts these. */
export const OPEN_STATUSES: readonly OpenItemStatus[] = [OpenItemStatus.OPEN, OpenItemStatus.SELECTED];

/** Columns a selected item (Status 30) may no longer change: what it will pay or collect. */
export const AMOUNT_COLUMNS: ReadonlySet<string> = new Set([
  'AmountDC',
  'AmountFC',
  'RateFC',
  'AmountDiscountDC',
  'AmountDiscountFC',
  'Currency',
]);
/** The only columns a processed or matched item (Status 40, 50) may still change. */
export const DESCRIPTIVE_COLUMNS: ReadonlySet<string> = new Set(['Description', 'YourRef']);

/** `open`, `selected`, ... for messages. */
export const statusName = (status: number): string => (OpenItemStatus[status] ?? String(status)).toLowerCase();

/**
 * Which of the changed columns the item's status forbids: Selected keeps its amounts, Processed
 * and Matched keep everything but the descriptive columns. Throws STATUS_LOCKED or AMOUNTS_LOCKED
 * (CONFLICT) naming the first such column.
 */
export function checkStatusAllowsChange(kind: OpenItemKind, current: OpenItem, changedColumns: readonly string[], index?: number): void {
  const at = { index, id: current.id, status: current.status };
  for (const field of changedColumns) {
    const name = kind.table.columns.find((c) => c.field === field)?.name ?? field;
    if (current.status >= OpenItemStatus.PROCESSED && !DESCRIPTIVE_COLUMNS.has(name)) {
      const what = `a ${statusName(current.status)} ${kind.noun} (Status ${current.status})`;
      const why = `${what} can only change ${[...DESCRIPTIVE_COLUMNS].join(', ')}`;
      throw kind.error('STATUS_LOCKED', field, why, at);
    }
    if (current.status === OpenItemStatus.SELECTED && AMOUNT_COLUMNS.has(name)) {
      const why = `the amounts of a selected ${kind.noun} (Status 30) cannot change; deselect it first`;
      throw kind.error('AMOUNTS_LOCKED', field, why, at);
    }
  }
}

/** Processed and matched items are history (a bank file or a statement names them): NOT_DELETABLE. */
export function checkDeletable(kind: OpenItemKind, current: OpenItem, index?: number): void {
  if (current.status >= OpenItemStatus.PROCESSED) {
    const why = `a ${statusName(current.status)} ${kind.noun} (Status ${current.status}) cannot be deleted`;
    throw kind.error('NOT_DELETABLE', 'id', why, { index, id: current.id, status: current.status });
  }
}

/** Only an open item can be split (a selected one is about to be paid or collected as it is). */
export function checkSplittable(kind: OpenItemKind, current: OpenItem): void {
  if (current.status !== OpenItemStatus.OPEN) {
    const why = `only an open ${kind.noun} (Status 20) can be split; this one has Status ${current.status}`;
    throw kind.error('AMOUNTS_LOCKED', 'id', why, { id: current.id, status: current.status });
  }
}

/** STALE_VERSION (CONFLICT) when the version a write was based on is not the row's. */
export function checkSameVersion(kind: OpenItemKind, current: OpenItem, version: number, what: string, at: RowAt = {}): void {
  if (current.version === version) return;
  const why = `${kind.noun} ${current.id} is at version ${current.version}, the ${what} was based on ${version}`;
  throw kind.error('STALE_VERSION', 'version', why, { ...at, id: current.id, currentVersion: current.version });
}

/** A version as read from an item: a whole number from 1 (versions start at 1); INVALID_VALUE naming version. */
export function checkVersionValue(kind: OpenItemKind, version: unknown, index?: number): void {
  const problem = integerProblem(version, 1, INT32_MAX);
  if (problem) throw kind.error('INVALID_VALUE', 'version', problem, { index });
}
