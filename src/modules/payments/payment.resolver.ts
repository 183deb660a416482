import { openItemMutations } from '../open-items/mutations.resolver';
import { PAYMENT_INPUTS } from './payment.inputs';
import { PAYMENT_KIND } from './payment.kind';

export { MAX_BULK } from '../open-items/mutations.resolver';

/**
 * Payment writes (scope payments:write): createPayment(s), updatePayment(s), deletePayment(s)
 * and splitPayment, thin as every open item's (open-items/mutations.resolver.ts); the rules live
 * in the shared writer and splitter.
 */
export const PaymentMutations = openItemMutations(PAYMENT_KIND, PAYMENT_INPUTS);
