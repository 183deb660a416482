import { idsProblem } from '../open-items/row-rules';

/**
 * What is wrong with the payment IDs a call names (`paymentIDs` of selectPayments, matchPayments,
 * processPayments, ...): the rule every open item shares (open-items/row-rules.ts, idsProblem),
 * worded for payments. The row rules of a payment are those of modules/open-items, bound to the
 * Payments table by payment.kind.ts.
 */
export const paymentIdsProblem = (ids: readonly string[]) => idsProblem('payment', ids);
