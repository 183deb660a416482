import Dec from 'decimal.js';
import { dayOf } from '../../platform/dates';

/** The amounts of an open item (payable or receivable) that decide what settles it. */
export interface OpenItemAmounts {
  /** Amount in the division's currency, exact decimal text. */
  amountDC: string;
  /** Cash discount in the division's currency, when the payment condition grants one. */
  amountDiscountDC: string | null;
  /** Last day (UTC) on which the discount may be taken. */
  discountDueDate: Date | null;
}

/**
 * What settles an open item on a given day: AmountDC, minus the cash discount when the money
 * moves on or before the discount's due date (Exact's rule for payment runs and matching; the day
 * is compared in UTC, so a discount due today is still granted today). Exact decimal.
 */
export function amountToPay(item: OpenItemAmounts, paidOn: Date): Dec {
  const amount = new Dec(item.amountDC);
  const discount = item.amountDiscountDC ? new Dec(item.amountDiscountDC) : null;
  if (discount && !discount.isZero() && item.discountDueDate && dayOf(paidOn) <= dayOf(item.discountDueDate)) return amount.minus(discount);
  return amount;
}
