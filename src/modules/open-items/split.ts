import { randomUUID } from 'node:crypto';
import { Clock, creationAudit, modificationAudit, systemClock } from '../../access/audit';
import { DivisionScope } from '../../access/division-scope';
import { Principal } from '../../access/principal';
import { businessDateProblem, dayOf } from '../../platform/dates';
import { Dec } from '../../platform/decimal';
import { OpenItem, OpenItemKind, OpenItemValues } from './open-item';
import { divisionCurrencies } from './references';
import { rulesOf } from './row-rules';
import { checkSameVersion, checkSplittable, checkVersionValue } from './status';
import { OpenItemWriter } from './writes';

/** Most parts of one split: each part is a row, and the split one transaction. */
export const MAX_SPLIT_PARTS = 100;

/** One part of a split: its AmountFC and its own due date. */
export interface SplitPart {
  amountFC: string;
  dueDate: Date;
}

/**
 * Splitting an open item into parts paid or received on different dates (Exact: each part its
 * own EntryID). The first part keeps the item's ID and EntryID, the others are new rows. AmountFC
 * of the parts must sum exactly to the item's (in the currency's minor units: JPY 0 decimals);
 * AmountDC (from each part's AmountFC x RateFC) and the discounts (in proportion) are shared by
 * allocate, so they add up exactly to the item's too. A part's AmountDC may differ by the one
 * minor unit the allocation moves from AmountFC x RateFC, which the rate rule allows for parts.
 */
export class OpenItemSplitter<T extends OpenItem> {
  constructor(
    readonly kind: OpenItemKind<T>,
    private readonly scope: DivisionScope,
    private readonly principal: Principal,
    private readonly now: Clock = systemClock,
  ) {}

  async split(id: string, version: number, parts: SplitPart[]): Promise<T[]> {
    const { kind } = this;
    const rules = rulesOf(kind);
    checkVersionValue(kind, version);
    if (parts.length > MAX_SPLIT_PARTS) {
      throw kind.error('SPLIT_NOT_EXACT', 'parts', `a split has at most ${MAX_SPLIT_PARTS} parts, got ${parts.length}`);
    }
    const writer = new OpenItemWriter(kind, this.scope, this.principal, this.now);
    const current = (await writer.lockExisting([id], 'id')).get(id)!;
    checkSameVersion(kind, current, version, 'split');
    checkSplittable(kind, current);
    if (parts.length < 2) throw kind.error('SPLIT_NOT_EXACT', 'parts', 'a split needs at least two parts');
    parts.forEach((p, index) => {
      rules.checkColumnValue(rules.columnOfField('amountFC'), p.amountFC, { index });
      const problem = businessDateProblem(p.dueDate);
      if (problem) throw kind.error('INVALID_VALUE', 'dueDate', `part ${index + 1}: ${problem}`, { index });
      if (dayOf(p.dueDate) < dayOf(current.invoiceDate)) {
        const why = `part ${index + 1} is due ${dayOf(p.dueDate)}, before the invoice date ${dayOf(current.invoiceDate)}`;
        throw kind.error('DUE_BEFORE_INVOICE', 'dueDate', why, { index });
      }
    });
    const divisionCurrency = (await divisionCurrencies(this.scope, [current.divisionCode])).get(current.divisionCode) ?? null;
    const fcScale = rules.amountScale(current.currency, 'amountFC');
    const dcScale = rules.amountScale(divisionCurrency, 'amountDC').scale;
    const total = new Dec(current.amountFC);
    const amounts = parts.map((p) => new Dec(p.amountFC));
    amounts.forEach((a, index) => {
      if (a.decimalPlaces() > fcScale.scale) {
        throw kind.error('AMOUNT_SCALE', 'amountFC', `at most ${fcScale.scale} decimals (${fcScale.why})`, { index });
      }
      if (a.isZero() || a.isNegative() !== total.isNegative()) {
        const why = `part ${index + 1}: the amount must be non-zero with the sign of the ${kind.noun}`;
        throw kind.error('SPLIT_NOT_EXACT', 'parts', why, { index });
      }
    });
    const sum = amounts.reduce((s, a) => s.plus(a), new Dec(0));
    if (!sum.eq(total)) {
      const [got, whole] = [sum.toFixed(fcScale.scale), total.toFixed(fcScale.scale)];
      throw kind.error('SPLIT_NOT_EXACT', 'parts', `the parts sum to ${got}, the ${kind.noun} is ${whole} (AmountFC)`, { sum: got });
    }

    // AmountDC from each part's own AmountFC x RateFC, so every part keeps the rate rule within the
    // minor unit that making the parts add up to the item's AmountDC may move; discounts in proportion.
    const rate = new Dec(current.rateFC);
    const amountDC = allocate(
      new Dec(current.amountDC),
      amounts.map((a) => a.times(rate)),
      dcScale,
    );
    const share = (whole: string | null, scale: number) =>
      whole === null
        ? amounts.map(() => null)
        : allocate(
            new Dec(whole),
            amounts.map((a) => a.times(whole).dividedBy(total)),
            scale,
          );
    const discountDC = share(current.amountDiscountDC, dcScale);
    const discountFC = share(current.amountDiscountFC, fcScale.scale);
    const at = this.now();
    const rows: OpenItemValues[] = parts.map((part, i) => ({
      ...(current as unknown as OpenItemValues),
      id: i === 0 ? current.id : randomUUID(),
      entryID: i === 0 ? current.entryID : randomUUID(),
      amountFC: amounts[i].toFixed(2),
      amountDC: amountDC[i].toFixed(2),
      amountDiscountDC: discountDC[i]?.toFixed(2) ?? null,
      amountDiscountFC: discountFC[i]?.toFixed(2) ?? null,
      dueDate: part.dueDate,
    }));
    rows.forEach((row, index) => rules.checkRow(row, index, { divisionCurrency, rate: 'allocated' }));
    const [first, ...others] = rows;
    const audit = modificationAudit(this.principal, at);
    const { amountFC, amountDiscountDC, amountDiscountFC, dueDate } = first;
    const firstValues = writer.storedValues({ amountFC, amountDC: first.amountDC, amountDiscountDC, amountDiscountFC, dueDate, ...audit });
    const changed = await this.scope.update(kind.entity, firstValues as Partial<T>, 'ID = :id AND Version = :version', { id, version });
    if (changed !== 1) throw kind.error('STALE_VERSION', 'version', `${kind.noun} ${id} changed meanwhile`, { id });
    // A new part is created now, by the caller (as Exact records a split part).
    const created = others.map((o) =>
      Object.assign(new kind.entity(), writer.storedValues({ ...o, ...creationAudit(this.principal, at), version: 1 })),
    );
    await this.scope.insert(kind.entity, created);
    return writer.reload(rows.map((r) => String(r.id)));
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
