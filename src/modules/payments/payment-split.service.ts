import { randomUUID } from 'node:crypto';
import { Clock, modificationAudit, systemClock } from '../../access/audit';
import { DivisionScope } from '../../access/division-scope';
import { Principal } from '../../access/principal';
import { Dec } from '../../platform/decimal';
import { Payment } from './payment.entity';
import { PaymentStatus } from '../../catalog/codes';
import { PaymentRule, ruleError } from './payment.errors';
import { PaymentSplitPartInput } from './payment.inputs';
import { amountScale, checkColumnValue, checkRow, checkVersion, columnOfField } from './payment.rules';
import { divisionCurrencies } from './payment.references';
import { businessDateProblem, dayOf } from '../../platform/dates';
import { PaymentService } from './payment.service';

/** Most parts of one split: each part is a row, and the split one transaction. */
export const MAX_SPLIT_PARTS = 100;

/**
 * Splitting an open payment into parts paid on different dates (Exact: each part its own
 * EntryID). The first part keeps the payment's ID and EntryID, the others are new rows. AmountFC
 * of the parts must sum exactly to the payment's (in the currency's minor units: JPY 0 decimals);
 * AmountDC (from each part's AmountFC x RateFC) and the discounts (in proportion) are shared by
 * allocate, so they add up exactly to the payment's too. A part's AmountDC may differ by the one
 * minor unit the allocation moves from AmountFC x RateFC, which the rate rule allows for parts.
 */
export class PaymentSplitService {
  constructor(
    private readonly scope: DivisionScope,
    private readonly principal: Principal,
    private readonly now: Clock = systemClock,
  ) {}

  async split(id: string, version: number, parts: PaymentSplitPartInput[]): Promise<Payment[]> {
    checkVersion(version);
    if (parts.length > MAX_SPLIT_PARTS) {
      throw ruleError(PaymentRule.SPLIT_NOT_EXACT, 'parts', `a split has at most ${MAX_SPLIT_PARTS} parts, got ${parts.length}`);
    }
    const payments = new PaymentService(this.scope, this.principal, this.now);
    const current = (await payments.lockExisting([id], 'id')).get(id)!;
    if (current.version !== version) throw ruleError(PaymentRule.STALE_VERSION, 'version', `payment ${id} is at version ${current.version}, the split was based on ${version}`, { id, currentVersion: current.version });
    if (current.status !== PaymentStatus.OPEN) throw ruleError(PaymentRule.AMOUNTS_LOCKED, 'id', `only an open payment (Status 20) can be split; this one has Status ${current.status}`, { id, status: current.status });
    if (parts.length < 2) throw ruleError(PaymentRule.SPLIT_NOT_EXACT, 'parts', 'a split needs at least two parts');
    parts.forEach((p, index) => {
      checkColumnValue(columnOfField('amountFC'), p.amountFC, { index });
      const problem = businessDateProblem(p.dueDate);
      if (problem) throw ruleError(PaymentRule.INVALID_VALUE, 'dueDate', `part ${index + 1}: ${problem}`, { index });
      if (dayOf(p.dueDate) < dayOf(current.invoiceDate)) {
        const why = `part ${index + 1} is due ${dayOf(p.dueDate)}, before the invoice date ${dayOf(current.invoiceDate)}`;
        throw ruleError(PaymentRule.DUE_BEFORE_INVOICE, 'dueDate', why, { index });
      }
    });
    const divisionCurrency = (await divisionCurrencies(this.scope, [current.divisionCode])).get(current.divisionCode) ?? null;
    const fcScale = amountScale(current.currency, 'amountFC');
    const dcScale = amountScale(divisionCurrency, 'amountDC').scale;
    const total = new Dec(current.amountFC);
    const amounts = parts.map((p) => new Dec(p.amountFC));
    amounts.forEach((a, index) => {
      if (a.decimalPlaces() > fcScale.scale) {
        throw ruleError(PaymentRule.AMOUNT_SCALE, 'amountFC', `at most ${fcScale.scale} decimals (${fcScale.why})`, { index });
      }
      if (a.isZero() || a.isNegative() !== total.isNegative()) throw ruleError(PaymentRule.SPLIT_NOT_EXACT, 'parts', `part ${index + 1}: the amount must be non-zero with the sign of the payment`, { index });
    });
    const sum = amounts.reduce((s, a) => s.plus(a), new Dec(0));
    if (!sum.eq(total)) {
      const [got, whole] = [sum.toFixed(fcScale.scale), total.toFixed(fcScale.scale)];
      throw ruleError(PaymentRule.SPLIT_NOT_EXACT, 'parts', `the parts sum to ${got}, the payment is ${whole} (AmountFC)`, { sum: got });
    }

    // AmountDC from each part's own AmountFC x RateFC, so every part keeps the rate rule within the
    // minor unit that making the parts add up to the payment's AmountDC may move; discounts in proportion.
    const rate = new Dec(current.rateFC);
    const amountDC = allocate(new Dec(current.amountDC), amounts.map((a) => a.times(rate)), dcScale);
    const share = (whole: string | null, scale: number) =>
      whole === null ? amounts.map(() => null) : allocate(new Dec(whole), amounts.map((a) => a.times(whole).dividedBy(total)), scale);
    const discountDC = share(current.amountDiscountDC, dcScale);
    const discountFC = share(current.amountDiscountFC, fcScale.scale);
    const at = this.now();
    const rows = parts.map((part, i) =>
      Object.assign(new Payment(), current, {
        id: i === 0 ? current.id : randomUUID(),
        entryID: i === 0 ? current.entryID : randomUUID(),
        amountFC: amounts[i].toFixed(2),
        amountDC: amountDC[i].toFixed(2),
        amountDiscountDC: discountDC[i]?.toFixed(2) ?? null,
        amountDiscountFC: discountFC[i]?.toFixed(2) ?? null,
        dueDate: part.dueDate,
      }),
    );
    rows.forEach((row, index) => checkRow(row, index, { divisionCurrency, rate: 'allocated' }));
    const [first, ...others] = rows;
    const audit = modificationAudit(this.principal, at);
    const changed = await this.scope.update(
      Payment,
      { amountFC: first.amountFC, amountDC: first.amountDC, amountDiscountDC: first.amountDiscountDC, amountDiscountFC: first.amountDiscountFC, dueDate: first.dueDate, ...audit },
      'ID = :id AND Version = :version',
      { id, version },
    );
    if (changed !== 1) throw ruleError(PaymentRule.STALE_VERSION, 'version', `payment ${id} changed meanwhile`, { id });
    await this.scope.insert(Payment, others.map((o) => Object.assign(o, { created: at, createdUtc: at, creatorID: this.principal.userId, ...audit, version: 1 })));
    return payments.reload(rows.map((r) => r.id));
  }
}

/**
 * `whole` shared over parts whose exact shares are `exact`, in whole minor units (`scale`
 * decimals), adding up exactly to `whole`: each part starts from its exact share rounded half up,
 * and the minor units still missing (or too many) are given (or taken) one at a time, first to the
 * parts whose rounding moved them furthest from their exact share. When the exact shares add up
 * to `whole` within one minor unit per part, which is the case for AmountDC (shares AmountFC x
 * RateFC) and for proportional shares, no part ends more than one minor unit from its exact share.
 */
export function allocate(whole: Dec, exact: Dec[], scale: number): Dec[] {
  const unit = new Dec(1).dividedBy(new Dec(10).pow(scale));
  const parts = exact.map((e) => e.toDecimalPlaces(scale, Dec.ROUND_HALF_UP));
  const left = whole.minus(parts.reduce((s, p) => s.plus(p), new Dec(0)));
  if (left.isZero() || !parts.length) return parts;
  const step = left.isNegative() ? unit.negated() : unit;
  // Missing units go to the parts rounded down the most; surplus units come from those rounded up the most.
  const order = exact
    .map((e, i) => ({ i, moved: e.minus(parts[i]).times(left.isNegative() ? -1 : 1) }))
    .sort((a, b) => b.moved.comparedTo(a.moved) || a.i - b.i);
  const units = left.abs().dividedBy(unit).toNumber();
  for (let k = 0; k < units; k++) {
    const i = order[k % order.length].i;
    parts[i] = parts[i].plus(step);
  }
  return parts;
}
