import { randomUUID } from 'node:crypto';
import { Clock, modificationAudit, systemClock } from '../../access/audit';
import { DivisionScope } from '../../access/division-scope';
import { Principal } from '../../access/principal';
import { Dec } from '../../platform/decimal';
import { Payment } from '../payments/payment.entity';
import { PaymentStatus } from '../../catalog/codes';
import { MatchingRule, matchingError } from './matching.errors';
import { businessDateProblem } from '../../platform/dates';
import { textProblem } from '../../platform/validation';
import { paymentIdsProblem } from '../payments/payment.rules';
import { notAfterToday, notBeforeInvoices } from '../open-items/payment-day';
import { PaymentService } from '../payments/payment.service';
import { PaymentMatch } from './payment-match.entity';

/** Statuses a match row may return a payment to: what match() accepts (anything but Matched). */
const RESTORABLE = new Set<number>([PaymentStatus.OPEN, PaymentStatus.SELECTED, PaymentStatus.PROCESSED]);

export interface MatchRequest {
  paymentIDs: string[];
  /** The bank statement line that paid the payments; absent to match payments with each other. */
  bankStatementLineReference?: string | null;
  /** Date of the statement line (default: today, never after today); ignored when matching with each other. */
  date?: Date | null;
}

/**
 * Matching: payments stop being outstanding (Status 50) because a bank statement line paid them,
 * or because they cancel each other out (an invoice and its credit note: AmountDC sums to zero).
 * EndDate is the statement date, or the highest invoice date of the matched items; EndYear and
 * EndPeriod follow from it (calendar periods). A PaymentMatches row per payment remembers the
 * match and the status to return to when it is undone.
 */
export class MatchingService {
  constructor(
    private readonly scope: DivisionScope,
    private readonly principal: Principal,
    private readonly now: Clock = systemClock,
  ) {}

  async match(request: MatchRequest): Promise<Payment[]> {
    const reference = statementLineReference(request.bankStatementLineReference);
    // The date is the statement line's; matching payments with each other takes theirs.
    if (!reference && request.date) {
      const why = 'applies only with bankStatementLineReference (payments matched with each other take an invoice date)';
      throw matchingError(MatchingRule.INVALID_VALUE, 'date', why);
    }
    const dateProblem = request.date ? businessDateProblem(request.date) : undefined;
    if (dateProblem) throw matchingError(MatchingRule.INVALID_VALUE, 'date', dateProblem);
    const idsProblem = paymentIdsProblem(request.paymentIDs);
    if (idsProblem) throw matchingError(MatchingRule[idsProblem.rule], 'paymentIDs', idsProblem.why);
    const payments = new PaymentService(this.scope, this.principal, this.now);
    const rows = [...(await payments.lockExisting(request.paymentIDs, 'paymentIDs')).values()];
    const divisions = new Set(rows.map((p) => p.divisionCode));
    if (divisions.size > 1)
      throw matchingError(MatchingRule.INVALID_VALUE, 'paymentIDs', 'payments of one division only can be matched together');
    const matched = rows.filter((p) => p.status === PaymentStatus.MATCHED).map((p) => p.id);
    if (matched.length)
      throw matchingError(MatchingRule.NOT_MATCHABLE, 'paymentIDs', `already matched: ${matched.join(', ')}`, { ids: matched });
    let endDate: Date;
    if (reference) {
      const now = this.now();
      endDate = notBeforeInvoices(notAfterToday(request.date ?? now, now, 'date'), rows, 'date');
    } else {
      if (rows.length < 2)
        throw matchingError(
          MatchingRule.MATCH_NOT_BALANCED,
          'paymentIDs',
          'matching payments with each other needs at least two payments (or give bankStatementLineReference)',
        );
      const sum = rows.reduce((s, p) => s.plus(p.amountDC), new Dec(0));
      if (!sum.isZero())
        throw matchingError(MatchingRule.MATCH_NOT_BALANCED, 'paymentIDs', `the payments' AmountDC sums to ${sum.toFixed(2)}, not 0.00`, {
          sum: sum.toFixed(2),
        });
      endDate = new Date(Math.max(...rows.map((p) => p.invoiceDate.getTime())));
    }
    const at = this.now();
    const matchID = randomUUID();
    await this.scope.insert(
      PaymentMatch,
      rows.map((p) =>
        Object.assign(new PaymentMatch(), {
          id: randomUUID(),
          divisionCode: p.divisionCode,
          matchID,
          paymentID: p.id,
          bankStatementLineReference: reference,
          previousStatus: p.status,
          matchDate: endDate,
          created: at,
          creatorID: this.principal.userId,
        }),
      ),
    );
    const ids = rows.map((p) => p.id);
    const changed = await this.scope.update(
      Payment,
      {
        status: PaymentStatus.MATCHED,
        endDate,
        endYear: endDate.getUTCFullYear(),
        endPeriod: endDate.getUTCMonth() + 1,
        ...modificationAudit(this.principal, at),
      },
      'ID IN (:...ids) AND Status <> :matched',
      { ids, matched: PaymentStatus.MATCHED },
    );
    if (changed !== ids.length) throw matchingError(MatchingRule.NOT_MATCHABLE, 'paymentIDs', 'payments changed meanwhile', { ids });
    return payments.reload(request.paymentIDs);
  }

  /** Undoes the matches the given payments are part of (every payment of those matches). */
  async unmatch(paymentIDs: string[]): Promise<Payment[]> {
    const idsProblem = paymentIdsProblem(paymentIDs);
    if (idsProblem) throw matchingError(MatchingRule[idsProblem.rule], 'paymentIDs', idsProblem.why);
    const payments = new PaymentService(this.scope, this.principal, this.now);
    const rows = [...(await payments.lockExisting(paymentIDs, 'paymentIDs')).values()];
    const notMatched = rows.filter((p) => p.status !== PaymentStatus.MATCHED).map((p) => p.id);
    if (notMatched.length)
      throw matchingError(MatchingRule.NOT_MATCHED, 'paymentIDs', `not matched: ${notMatched.join(', ')}`, { ids: notMatched });
    const ids = rows.map((p) => p.id);
    const lines = await this.scope.select(PaymentMatch, 'm').where('m.paymentID IN (:...ids)', { ids }).getMany();
    const matchIDs = [...new Set(lines.map((l) => l.matchID))];
    const all = matchIDs.length
      ? await this.scope.select(PaymentMatch, 'm').where('m.matchID IN (:...matchIDs)', { matchIDs }).getMany()
      : [];
    // Matched before this gateway (imported, seeded): no match row, back to processed or open.
    const previous = new Map<string, number>();
    for (const l of all) {
      // A match row is written by match() only; any other status in it is an inconsistency that
      // must stop the unmatch before it writes (the transaction rolls back), not after.
      if (!RESTORABLE.has(l.previousStatus)) {
        throw new Error(`match ${l.matchID}: payment ${l.paymentID} has previous status ${l.previousStatus}, not 20, 30 or 40`);
      }
      previous.set(l.paymentID, l.previousStatus);
    }
    for (const p of rows)
      if (!previous.has(p.id)) previous.set(p.id, p.cashflowTransactionBatchCode ? PaymentStatus.PROCESSED : PaymentStatus.OPEN);
    // The other payments of the matches are written too: lock them; each must exist and still be matched.
    const others = [...previous.keys()].filter((id) => !ids.includes(id));
    const partners = others.length
      ? await this.scope.forUpdate(this.scope.select(Payment, 'p').where('p.id IN (:...others)', { others }).orderBy('p.id')).getMany()
      : [];
    const matchedPartners = new Set(partners.filter((p) => p.status === PaymentStatus.MATCHED).map((p) => p.id));
    const inconsistent = others.filter((id) => !matchedPartners.has(id));
    if (inconsistent.length) {
      throw new Error(`matches ${matchIDs.join(', ')} name payments that are missing or not matched: ${inconsistent.join(', ')}`);
    }
    const at = this.now();
    for (const [id, status] of previous) {
      const set = { status, endDate: null, endYear: null, endPeriod: null, ...modificationAudit(this.principal, at) };
      const changed = await this.scope.update(Payment, set, 'ID = :id AND Status = :matched', { id, matched: PaymentStatus.MATCHED });
      if (changed !== 1) throw matchingError(MatchingRule.NOT_MATCHED, 'paymentIDs', `payment ${id} changed meanwhile`, { ids: [id] });
    }
    if (matchIDs.length) {
      const deleted = await this.scope.delete(PaymentMatch, 'MatchID IN (:...matchIDs)', { matchIDs });
      if (deleted !== all.length) throw matchingError(MatchingRule.NOT_MATCHED, 'paymentIDs', 'the matches changed meanwhile', { ids });
    }
    return payments.reload([...previous.keys()]);
  }
}

/** Longest bank statement line reference (PaymentMatches.BankStatementLineReference). */
const MAX_REFERENCE_LENGTH = 60;

/**
 * The statement line reference, trimmed, or null when none was given. A reference of blanks is
 * refused rather than read as none: that would match the payments with each other instead.
 */
function statementLineReference(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const reference = value.trim();
  const field = 'bankStatementLineReference';
  if (reference === '')
    throw matchingError(MatchingRule.REQUIRED, field, 'must not be blank (leave it out to match payments with each other)');
  const problem = textProblem(reference, 1, MAX_REFERENCE_LENGTH);
  const rule = [...reference].length > MAX_REFERENCE_LENGTH ? MatchingRule.TOO_LONG : MatchingRule.INVALID_VALUE;
  if (problem) throw matchingError(rule, field, problem);
  return reference;
}
