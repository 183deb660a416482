import { randomUUID } from 'node:crypto';
import { Clock, modificationAudit, systemClock } from '../../access/audit';
import { DivisionScope } from '../../access/division-scope';
import { Principal } from '../../access/principal';
import { Dec } from '../../platform/decimal';
import { Payment } from './payment.entity';
import { PaymentStatus } from '../../catalog/codes';
import { PaymentRule, ruleError } from './payment.errors';
import { PaymentSplitPartInput } from './payment.inputs';
import { checkColumnValue, checkRow, checkVersion, columnOfField } from './payment.rules';
import { businessDateProblem, dayOf } from '../../platform/dates';
import { PaymentService } from './payment.service';

/** Most parts of one split: each part is a row, and the split one transaction. */
export const MAX_SPLIT_PARTS = 100;

/**
 * Splitting an open payment into parts paid on different dates (Exact: each part its own
 * EntryID). The first part keeps the payment's ID and EntryID, the others are new rows. AmountFC
 * of the parts must sum exactly to the payment's; AmountDC and the discounts are shared in
 * proportion, rounded to the cent, the last part taking the remainder, so they also sum exactly.
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
    const total = new Dec(current.amountFC);
    const amounts = parts.map((p) => new Dec(p.amountFC));
    amounts.forEach((a, index) => {
      if (a.isZero() || a.isNegative() !== total.isNegative()) throw ruleError(PaymentRule.SPLIT_NOT_EXACT, 'parts', `part ${index + 1}: the amount must be non-zero with the sign of the payment`, { index });
    });
    const sum = amounts.reduce((s, a) => s.plus(a), new Dec(0));
    if (!sum.eq(total)) throw ruleError(PaymentRule.SPLIT_NOT_EXACT, 'parts', `the parts sum to ${sum.toFixed(2)}, the payment is ${total.toFixed(2)} (AmountFC)`, { sum: sum.toFixed(2) });

    const share = (whole: string | null) => (whole === null ? amounts.map(() => null) : allocate(new Dec(whole), amounts, total));
    const amountDC = share(current.amountDC) as Dec[];
    const discountDC = share(current.amountDiscountDC);
    const discountFC = share(current.amountDiscountFC);
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
    rows.forEach((row, index) => checkRow(row, index));
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

/** `whole` shared in proportion to `weights` (summing to `total`), to the cent, the last taking the rest. */
function allocate(whole: Dec, weights: Dec[], total: Dec): Dec[] {
  const out: Dec[] = [];
  let given = new Dec(0);
  weights.forEach((w, i) => {
    const part = i === weights.length - 1 ? whole.minus(given) : whole.times(w).dividedBy(total).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
    given = given.plus(part);
    out.push(part);
  });
  return out;
}
