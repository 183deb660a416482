import { randomUUID } from 'node:crypto';
import { Clock, systemClock } from '../../access/audit';
import { DivisionScope } from '../../access/division-scope';
import { Principal } from '../../access/principal';
import { PaymentSource } from '../../catalog/codes';
import { Dec } from '../../platform/decimal';
import { textProblem } from '../../platform/validation';
import { BankEntryLine } from '../financial-accounts/bank-entry-line.entity';
import { OpenItemWriter } from '../open-items/writes';
import { Receivable } from '../receivables/receivable.entity';
import { RECEIVABLE_KIND } from '../receivables/receivable.kind';
import { ReconciliationAction, ReconciliationActionType } from './match-action.entity';
import { reconciliationError, ReconciliationRule } from './match-apply.errors';
import { ItemApplication, ItemSettler, ItemSide, lineSignOf, SettledItem } from './match-items';
import { ActedLine, checkWaiting, LineStatus, lockLine, openAmountOf, refreshSplitLine } from './match-line';
import { ReconciliationPart } from './line-part.entity';
import { ReconciliationMatch, ReconciliationMatchType } from './match-line.entity';
import { decimalIn, DivisionSettings, glAccountOf, settingsOf } from './match-settings';

/** Most items and G/L bookings one action may settle. */
export const MAX_TARGETS = 200;

/** What the part of a line left after its items becomes. */
export enum OverpaymentHandling {
  /** Stays open on the line (OpenAmountFC), for a later action. */
  KEEP_ON_LINE = 'KEEP_ON_LINE',
  /** Becomes a credit of the customer: a new open receivable with a negative amount. */
  CREDIT = 'CREDIT',
}

/** One item a line settles, as a client or a proposal names it. `amountFC` in the item's sign (positive for an invoice). */
export interface ItemTarget {
  side: ItemSide;
  id: string;
  amountFC: string;
  version?: number | null;
  bookDifference?: boolean | null;
}

/** Part of a line booked to a G/L account, in the line's sign. */
export interface GLTarget {
  glAccountID: string;
  amountFC: string;
}

/** What one action settles from a line. */
export interface LinkRequest {
  lineID: string;
  items?: ItemTarget[] | null;
  glAccounts?: GLTarget[] | null;
  overpayment?: OverpaymentHandling | null;
  reason?: string | null;
}

/**
 * Applying matches to bank entry lines, atomic and exact: the caller runs each method in one
 * transaction (the resolvers' idempotent runner; the automatic matching's own), the line is locked
 * first, then its items in ID order (match-items.ts), and every write checks that what it read is
 * still so. Every action is a ReconciliationActions row and each item settled a
 * ReconciliationMatches row with what its undo restores (match-undo.ts).
 *
 * Amounts: items in their own sign, lines and G/L bookings in the line's sign; what the items
 * and bookings take must have the line's sign and be at most what the line still has open. The
 * rest stays open on the line or, for a customer's credit line, becomes a credit receivable.
 */
export class MatchApplier {
  constructor(
    private readonly scope: DivisionScope,
    private readonly principal: Principal,
    private readonly now: Clock = systemClock,
  ) {}

  /** Links a line to items and/or G/L accounts (LINK; ACCEPT and AUTO through accept). */
  async link(request: LinkRequest, type = ReconciliationActionType.LINK, proposalID: string | null = null): Promise<ReconciliationAction> {
    const items = request.items ?? [];
    const gls = request.glAccounts ?? [];
    if (!items.length && !gls.length) {
      throw reconciliationError(ReconciliationRule.REQUIRED, 'items', 'give at least one item or G/L account to settle the line with');
    }
    if (items.length + gls.length > MAX_TARGETS) {
      throw reconciliationError(ReconciliationRule.INVALID_VALUE, 'items', `at most ${MAX_TARGETS} items and G/L accounts in one action`);
    }
    const seen = new Set<string>();
    for (const i of items) {
      if (seen.has(i.id)) throw reconciliationError(ReconciliationRule.INVALID_VALUE, 'items', `item ${i.id} appears twice`, { id: i.id });
      seen.add(i.id);
    }
    const reason = reasonOf(request.reason, false);
    const line = await lockLine(this.scope, request.lineID);
    checkWaiting(line);
    const settings = await settingsOf(this.scope, line.divisionCode);
    const applications: ItemApplication[] = items.map((i) => ({
      side: i.side,
      id: i.id,
      amountFC: decimalIn('items.amountFC', i.amountFC, 2),
      version: i.version,
      bookDifference: i.bookDifference ?? false,
    }));
    const open = new Dec(openAmountOf(line));
    const glAmounts = gls.map((g) => decimalIn('glAccounts.amountFC', g.amountFC, 2));
    for (const [k, g] of gls.entries()) {
      await glAccountOf(this.scope, line.divisionCode, g.glAccountID, 'glAccounts.glAccountID');
      if (glAmounts[k].isZero() || glAmounts[k].isNegative() !== open.isNegative()) {
        const why = `${glAmounts[k].toFixed(2)} must be non-zero with the sign of the line (${open.toFixed(2)})`;
        throw reconciliationError(ReconciliationRule.AMOUNT_EXCEEDS, 'glAccounts.amountFC', why);
      }
    }
    const taken = applications.reduce((s, a) => s.plus(a.amountFC.times(lineSignOf(a.side))), new Dec(0)).plus(Dec.sum(0, ...glAmounts));
    if (taken.isZero() || taken.isNegative() !== open.isNegative() || taken.abs().gt(open.abs())) {
      const why = `the items and G/L accounts take ${taken.toFixed(2)} of the line, which has ${open.toFixed(2)} open`;
      throw reconciliationError(ReconciliationRule.AMOUNT_EXCEEDS, 'items', why, { taken: taken.toFixed(2), open: open.toFixed(2) });
    }
    const settled = await new ItemSettler(this.scope, this.principal, settings, this.now).settle(line, applications);
    let rest = open.minus(taken);
    const at = this.now();
    const action = this.action(line, type, { proposalID, reason }, at);
    const matches = settled.map((s) => this.itemMatch(action, line, s, settings, at));
    gls.forEach((g, k) =>
      matches.push(this.match(action, line, ReconciliationMatchType.GLACCOUNT, glAmounts[k], { glAccountID: g.glAccountID }, at)),
    );
    if (!rest.isZero() && request.overpayment === OverpaymentHandling.CREDIT) {
      const credit = await this.credit(line, settled, rest);
      matches.push(
        this.match(action, line, ReconciliationMatchType.CREDIT, rest, { receivableID: credit.id, accountID: credit.accountID }, at),
      );
      rest = new Dec(0);
    }
    await this.scope.insert(ReconciliationAction, [action]);
    await this.scope.insert(ReconciliationMatch, matches);
    await this.setLine(line, rest.isZero() ? LineStatus.MATCHED : LineStatus.OPEN, rest.toFixed(2));
    return action;
  }

  /** Ignores a line (an internal transfer, a line settled elsewhere) with a reason (IGNORE). */
  async ignore(lineID: string, reasonText: string | null | undefined): Promise<ReconciliationAction> {
    const reason = reasonOf(reasonText, true);
    const line = await lockLine(this.scope, lineID);
    checkWaiting(line);
    const action = this.action(line, ReconciliationActionType.IGNORE, { reason }, this.now());
    await this.scope.insert(ReconciliationAction, [action]);
    await this.setLine(line, LineStatus.IGNORED, line.openAmountFC);
    return action;
  }

  /** Books what the line has open (or `amountFC` of it) to a G/L account (BOOK). */
  async book(lineID: string, glAccountID: string, amountFC?: string | null, reason?: string | null): Promise<ReconciliationAction> {
    const line = await lockLine(this.scope, lineID);
    const amount = amountFC ?? openAmountOf(line);
    return this.link({ lineID, glAccounts: [{ glAccountID, amountFC: amount }], reason }, ReconciliationActionType.BOOK);
  }

  /**
   * Sets the line's status and open amount (the line is locked by the caller's transaction); for a
   * part of a split line the part's, and then the line's from its parts (refreshSplitLine).
   */
  async setLine(line: ActedLine, status: number | null, openAmountFC: string | null): Promise<void> {
    if (line.part) {
      const reconciliationStatus = status ?? LineStatus.OPEN;
      await this.scope.update(ReconciliationPart, { reconciliationStatus, openAmountFC }, 'ID = :id', { id: line.part.id });
      await refreshSplitLine(this.scope, line.id);
      return;
    }
    await this.scope.update(BankEntryLine, { reconciliationStatus: status, openAmountFC }, 'ID = :id', { id: line.id });
  }

  /** A new action row on `line` (or on its part) by the principal at `at`, with what its undo restores on the line. */
  action(
    line: ActedLine,
    actionType: ReconciliationActionType,
    extra: { proposalID?: string | null; reason?: string | null; undoOfID?: string | null },
    at: Date,
  ): ReconciliationAction {
    return Object.assign(new ReconciliationAction(), {
      id: randomUUID(),
      divisionCode: line.divisionCode,
      bankEntryLineID: line.id,
      partID: line.part?.id ?? null,
      actionType,
      proposalID: extra.proposalID ?? null,
      undoOfID: extra.undoOfID ?? null,
      reason: extra.reason ?? null,
      previousStatus: line.reconciliationStatus,
      previousOpenAmountFC: line.openAmountFC,
      created: at,
      creatorID: this.principal.userId,
      undone: null,
      undoneByID: null,
    });
  }

  /** An UNDO action row (match-undo.ts writes it). */
  undoAction(line: ActedLine, of: ReconciliationAction, at: Date): ReconciliationAction {
    return this.action(line, ReconciliationActionType.UNDO, { undoOfID: of.id }, at);
  }

  private itemMatch(action: ReconciliationAction, line: ActedLine, s: SettledItem, settings: DivisionSettings, at: Date) {
    const sign = lineSignOf(s.side);
    const side = s.side === 'RECEIVABLE' ? { receivableID: s.id } : { paymentID: s.id };
    return this.match(
      action,
      line,
      s.side === 'RECEIVABLE' ? ReconciliationMatchType.RECEIVABLE : ReconciliationMatchType.PAYMENT,
      s.appliedFC.times(sign),
      {
        ...side,
        accountID: s.accountID,
        remainderItemID: s.remainderID,
        differenceFC: s.differenceFC ? s.differenceFC.times(sign).toFixed(2) : null,
        glAccountID: s.differenceFC ? settings.paymentDifferenceGLAccountID : null,
        previousValues: JSON.stringify(s.previous),
      },
      at,
    );
  }

  private match(
    action: ReconciliationAction,
    line: ActedLine,
    matchType: ReconciliationMatchType,
    amount: Dec,
    values: Partial<ReconciliationMatch>,
    at: Date,
  ): ReconciliationMatch {
    return Object.assign(new ReconciliationMatch(), {
      id: randomUUID(),
      divisionCode: line.divisionCode,
      actionID: action.id,
      bankEntryLineID: line.id,
      partID: line.part?.id ?? null,
      matchType,
      receivableID: null,
      paymentID: null,
      remainderItemID: null,
      accountID: null,
      glAccountID: null,
      differenceFC: null,
      previousValues: null,
      ...values,
      amountFC: amount.toFixed(2),
      created: at,
      creatorID: this.principal.userId,
      undone: null,
      undoneByID: null,
    });
  }

  /**
   * The excess of a customer's payment as a credit of the customer: an open receivable of
   * -excess on the first settled receivable's customer, G/L account, journal and rate, dated the
   * line's day, Source 2 (Reconcile), TransactionID the line. Refused for a debit line or without
   * a receivable settled (whose customer would it be?).
   */
  private async credit(line: BankEntryLine, settled: SettledItem[], rest: Dec): Promise<Receivable> {
    const first = settled.find((s) => s.side === 'RECEIVABLE');
    if (!first || rest.isNegative()) {
      const why = 'a credit is made of the excess of a customer payment (a credit line settling receivables)';
      throw reconciliationError(ReconciliationRule.INVALID_VALUE, 'overpayment', why);
    }
    const from = await this.scope.select(Receivable, 'r').where('r.id = :id', { id: first.id }).getOneOrFail();
    const amountFC = rest.negated();
    const writer = new OpenItemWriter(RECEIVABLE_KIND, this.scope, this.principal, this.now);
    const [credit] = await writer.create([
      {
        divisionCode: line.divisionCode,
        accountID: from.accountID,
        glAccountID: from.glAccountID,
        journalCode: from.journalCode,
        currency: from.currency,
        rateFC: from.rateFC,
        amountFC: amountFC.toFixed(2),
        amountDC: amountFC.times(from.rateFC).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2),
        invoiceDate: line.date,
        dueDate: line.date,
        description: `Over-payment, bank entry line ${line.entryNumber}/${line.lineNumber}`.slice(0, 255),
      },
    ]);
    await this.scope.update(Receivable, { source: PaymentSource.RECONCILE, transactionID: line.id }, 'ID = :id', { id: credit.id });
    return credit;
  }
}

/** A reason of at most 255 characters, trimmed; required for IGNORE. */
function reasonOf(text: string | null | undefined, required: boolean): string | null {
  const reason = text?.trim() ?? '';
  if (!reason) {
    if (required) throw reconciliationError(ReconciliationRule.REQUIRED, 'reason', 'say why the line is ignored');
    return null;
  }
  const problem = textProblem(reason, 1, 255);
  if (problem)
    throw reconciliationError([...reason].length > 255 ? ReconciliationRule.TOO_LONG : ReconciliationRule.INVALID_VALUE, 'reason', problem);
  return reason;
}
