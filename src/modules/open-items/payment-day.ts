import { dayOf, startOfDay } from '../../platform/dates';
import { ErrorCode, ruleErrors } from '../../platform/errors';

/** Rules of the days that decide what an open item pays (execution, payment and statement dates). */
export enum PaymentDayRule {
  /** A transfer cannot be executed (or paid by QR code) on a day that has passed. */
  DATE_IN_PAST = 'DATE_IN_PAST',
  /** A bank statement line cannot have moved money on a day still to come. */
  DATE_IN_FUTURE = 'DATE_IN_FUTURE',
  /** A statement line cannot have paid an invoice before its invoice date. */
  DATE_BEFORE_INVOICE = 'DATE_BEFORE_INVOICE',
}

export const PAYMENT_DAY_ERROR_CODES: Record<PaymentDayRule, ErrorCode> = {
  [PaymentDayRule.DATE_IN_PAST]: 'BAD_USER_INPUT',
  [PaymentDayRule.DATE_IN_FUTURE]: 'BAD_USER_INPUT',
  [PaymentDayRule.DATE_BEFORE_INVOICE]: 'BAD_USER_INPUT',
};

const paymentDayError = ruleErrors(PAYMENT_DAY_ERROR_CODES);

/**
 * The day (midnight UTC) on which money leaves the payer's account, checked against today (UTC,
 * from the caller's clock): a day before today is refused, because the bank would refuse to
 * execute it and because it would grant a cash discount that expired before the money moved.
 * Throws BAD_USER_INPUT naming `field` (rule DATE_IN_PAST).
 */
export function notBeforeToday(day: Date, now: Date, field: string): Date {
  const wanted = startOfDay(day);
  const today = startOfDay(now);
  if (wanted.getTime() < today.getTime()) {
    throw paymentDayError(
      PaymentDayRule.DATE_IN_PAST,
      field,
      `${dayOf(wanted)} is before today (${dayOf(today)}): money cannot leave on a day that has passed`,
      { today: dayOf(today) },
    );
  }
  return wanted;
}

/**
 * The day (midnight UTC) a bank statement line moved money, checked against today (UTC): a day
 * after today is refused (rule DATE_IN_FUTURE), since it would close the item in a period still to
 * come. Throws BAD_USER_INPUT naming `field`.
 */
export function notAfterToday(day: Date, now: Date, field: string): Date {
  const wanted = startOfDay(day);
  const today = startOfDay(now);
  if (wanted.getTime() > today.getTime()) {
    throw paymentDayError(
      PaymentDayRule.DATE_IN_FUTURE,
      field,
      `${dayOf(wanted)} is after today (${dayOf(today)}): a statement line records money that has moved`,
      { today: dayOf(today) },
    );
  }
  return wanted;
}

/**
 * The day a bank statement line paid `items`, checked against their invoice dates: a day before
 * the latest of them is refused (rule DATE_BEFORE_INVOICE, extensions.id the payment), since no
 * bank pays an invoice that was not yet issued. Throws BAD_USER_INPUT naming `field`.
 */
export function notBeforeInvoices(day: Date, items: readonly { id: string; invoiceDate: Date }[], field: string): Date {
  const latest = items.reduce((a, p) => (p.invoiceDate > a.invoiceDate ? p : a));
  if (dayOf(day) < dayOf(latest.invoiceDate)) {
    const why = `${dayOf(day)} is before the invoice date ${dayOf(latest.invoiceDate)} of payment ${latest.id}`;
    throw paymentDayError(PaymentDayRule.DATE_BEFORE_INVOICE, field, why, { id: latest.id });
  }
  return day;
}
