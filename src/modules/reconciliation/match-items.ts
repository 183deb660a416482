import { Clock, modificationAudit, systemClock } from '../../access/audit';
import { DivisionScope } from '../../access/division-scope';
import { Principal } from '../../access/principal';
import { OpenItemStatus, ReceivableStatus } from '../../catalog/codes';
import { Dec } from '../../platform/decimal';
import { MatchingService } from '../matching/matching.service';
import { OpenItem, OpenItemKind } from '../open-items/open-item';
import { notAfterToday, notBeforeInvoices } from '../open-items/payment-day';
import { OpenItemSplitter } from '../open-items/split';
import { OpenItemWriter } from '../open-items/writes';
import { PAYMENT_KIND } from '../payments/payment.kind';
import { Receivable } from '../receivables/receivable.entity';
import { RECEIVABLE_KIND } from '../receivables/receivable.kind';
import { BankEntryLine } from '../financial-accounts/bank-entry-line.entity';
import { reconciliationError, ReconciliationRule } from './match-apply.errors';
import { DivisionSettings } from './match-settings';

/** The side of an open item: receivables are settled by credits, payments by debits. */
export type ItemSide = 'RECEIVABLE' | 'PAYMENT';

/** One item to settle from a line, with the amount applied in the item's own sign (positive for an invoice). */
export interface ItemApplication {
  side: ItemSide;
  id: string;
  amountFC: Dec;
  /** The version read, when the caller read one: STALE_VERSION (CONFLICT) when the item moved on. */
  version?: number | null;
  /** Book the rest of the item (its amount minus the applied) as a payment difference instead of leaving it open. */
  bookDifference?: boolean;
}

/** What settling one item did: enough to write its match row and to undo it exactly. */
export interface SettledItem {
  side: ItemSide;
  id: string;
  accountID: string;
  /** Applied, in the item's sign. */
  appliedFC: Dec;
  /** Booked as payment difference, in the item's sign; null when none. */
  differenceFC: Dec | null;
  /** The new open part of a partial match. */
  remainderID: string | null;
  /** The item's columns before (by field name) that settling changes. */
  previous: Record<string, unknown>;
}

/** Columns settling may change, restored by the undo (receivables; payments have the first four and the amounts). */
const RESTORED = [
  'status',
  'endDate',
  'endYear',
  'endPeriod',
  'lastPaymentDate',
  'isFullyPaid',
  'transactionID',
  'amountFC',
  'amountDC',
  'amountDiscountFC',
  'amountDiscountDC',
] as const;

/** The sign a line's amount has when it settles an item of `side` (+1 credit for receivables, -1 debit for payments). */
export const lineSignOf = (side: ItemSide): 1 | -1 => (side === 'RECEIVABLE' ? 1 : -1);

export const kindOf = (side: ItemSide): OpenItemKind => (side === 'RECEIVABLE' ? RECEIVABLE_KIND : PAYMENT_KIND) as unknown as OpenItemKind;

/**
 * Settles open items from a bank entry line, in the transaction of `scope`: each item is locked
 * (rows in ID order, so two settlements never wait on each other in a circle), checked (same
 * division and currency as the line, not matched yet, the amount within the item's), split when
 * paid in part (the matched part keeps the ID, the rest becomes a new open part: the split of
 * open-items), and matched as Exact matches it: Status 50, EndDate (the line's date, not before the
 * invoices, not after today), EndYear, EndPeriod; a receivable also LastPaymentDate (the line's
 * date), IsFullyPaid (false for a part) and TransactionID (the line). Payments are matched by the
 * payment matching of modules/matching (PaymentMatches rows, its undo). A difference booked must be
 * within the division's tolerance and needs its payment difference G/L account.
 */
export class ItemSettler {
  constructor(
    private readonly scope: DivisionScope,
    private readonly principal: Principal,
    private readonly settings: DivisionSettings,
    private readonly now: Clock = systemClock,
  ) {}

  async settle(line: BankEntryLine, applications: ItemApplication[]): Promise<SettledItem[]> {
    const settled: SettledItem[] = [];
    const bySide = (side: ItemSide) => applications.filter((a) => a.side === side);
    const rows = new Map<string, OpenItem>();
    for (const side of ['PAYMENT', 'RECEIVABLE'] as const) {
      const ids = bySide(side).map((a) => a.id);
      if (!ids.length) continue;
      const writer = new OpenItemWriter(kindOf(side), this.scope, this.principal, this.now);
      for (const [id, row] of await writer.lockExisting(ids, 'items')) rows.set(id, row);
    }
    if (!applications.length) return settled;
    const day = notBeforeInvoices(notAfterToday(line.date, this.now(), 'lineID'), [...rows.values()], 'lineID');
    for (const a of applications) settled.push(await this.prepare(line, a, rows.get(a.id)!));
    await this.matchReceivables(
      line,
      settled.filter((s) => s.side === 'RECEIVABLE'),
      day,
    );
    const payments = settled.filter((s) => s.side === 'PAYMENT').map((s) => s.id);
    if (payments.length) {
      await new MatchingService(this.scope, this.principal, this.now).match({
        paymentIDs: payments,
        bankStatementLineReference: line.id,
        date: day,
      });
    }
    return settled;
  }

  /** Checks one item and splits it when paid in part; returns what its match row needs. */
  private async prepare(line: BankEntryLine, a: ItemApplication, row: OpenItem): Promise<SettledItem> {
    const at = { id: a.id };
    if (row.divisionCode !== line.divisionCode) {
      const why = `item ${a.id} is of division ${row.divisionCode}, the line of division ${line.divisionCode}`;
      throw reconciliationError(ReconciliationRule.ITEM_NOT_MATCHABLE, 'items', why, at);
    }
    if (row.currency !== line.currency) {
      const why = `item ${a.id} is in ${row.currency}, the line in ${line.currency}`;
      throw reconciliationError(ReconciliationRule.ITEM_NOT_MATCHABLE, 'items', why, at);
    }
    if (row.status === OpenItemStatus.MATCHED) {
      throw reconciliationError(ReconciliationRule.ALREADY_SETTLED, 'items', `item ${a.id} is matched already (Status 50)`, at);
    }
    if (a.version != null && a.version !== row.version) {
      const why = `item ${a.id} is at version ${row.version}, the match was based on ${a.version}`;
      throw reconciliationError(ReconciliationRule.ALREADY_SETTLED, 'items', why, { ...at, currentVersion: row.version });
    }
    const whole = new Dec(row.amountFC);
    if (a.amountFC.isZero() || a.amountFC.isNegative() !== whole.isNegative() || a.amountFC.abs().gt(whole.abs())) {
      const why = `item ${a.id}: ${a.amountFC.toFixed(2)} must be non-zero, with the sign of the item and at most its ${whole.toFixed(2)}`;
      throw reconciliationError(ReconciliationRule.AMOUNT_EXCEEDS, 'items', why, at);
    }
    const previous = Object.fromEntries(RESTORED.filter((f) => f in row).map((f) => [f, (row as unknown as Record<string, unknown>)[f]]));
    const rest = whole.minus(a.amountFC);
    const base = { side: a.side, id: a.id, accountID: row.accountID, appliedFC: a.amountFC, previous };
    if (rest.isZero()) return { ...base, differenceFC: null, remainderID: null };
    if (a.bookDifference) {
      const tolerance = new Dec(this.settings.toleranceFC);
      if (rest.abs().gt(tolerance)) {
        const why = `the difference ${rest.toFixed(2)} on item ${a.id} is beyond the division's tolerance ${tolerance.toFixed(2)}`;
        throw reconciliationError(ReconciliationRule.OUTSIDE_TOLERANCE, 'items', why, at);
      }
      if (!this.settings.paymentDifferenceGLAccountID) {
        const why = `division ${line.divisionCode} has no payment difference G/L account (setReconciliationSettings)`;
        throw reconciliationError(ReconciliationRule.OUTSIDE_TOLERANCE, 'items', why, at);
      }
      return { ...base, differenceFC: rest, remainderID: null };
    }
    const splitter = new OpenItemSplitter(kindOf(a.side), this.scope, this.principal, this.now);
    const parts = [
      { amountFC: a.amountFC.toFixed(2), dueDate: row.dueDate },
      { amountFC: rest.toFixed(2), dueDate: row.dueDate },
    ];
    const [, remainder] = await splitter.split(a.id, row.version, parts);
    return { ...base, differenceFC: null, remainderID: remainder.id };
  }

  private async matchReceivables(line: BankEntryLine, items: SettledItem[], day: Date): Promise<void> {
    const writer = new OpenItemWriter(RECEIVABLE_KIND, this.scope, this.principal, this.now);
    const audit = modificationAudit(this.principal, this.now());
    for (const s of items) {
      const set: Partial<Receivable> = {
        status: ReceivableStatus.MATCHED,
        endDate: day,
        endYear: day.getUTCFullYear(),
        endPeriod: day.getUTCMonth() + 1,
        lastPaymentDate: day,
        isFullyPaid: s.remainderID === null,
        transactionID: line.id,
        ...audit,
      };
      const changed = await this.scope.update(Receivable, writer.storedValues(set), 'ID = :id AND Status <> :matched', {
        id: s.id,
        matched: OpenItemStatus.MATCHED,
      });
      if (changed !== 1)
        throw reconciliationError(ReconciliationRule.ALREADY_SETTLED, 'items', `item ${s.id} changed meanwhile`, { id: s.id });
      if (s.remainderID) {
        const rest = { lastPaymentDate: day, isFullyPaid: false, ...audit };
        await this.scope.update(Receivable, writer.storedValues(rest), 'ID = :id', { id: s.remainderID });
      }
    }
  }
}

/** The previous values of a match row, typed again (dates were stored as ISO text). */
export function previousValues(json: string | null): Record<string, unknown> {
  const raw = JSON.parse(json ?? '{}') as Record<string, unknown>;
  for (const f of ['endDate', 'lastPaymentDate']) if (typeof raw[f] === 'string') raw[f] = new Date(raw[f] as string);
  return raw;
}
