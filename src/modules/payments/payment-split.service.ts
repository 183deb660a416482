import { Clock, systemClock } from '../../access/audit';
import { DivisionScope } from '../../access/division-scope';
import { Principal } from '../../access/principal';
import { OpenItemSplitter } from '../open-items/split';
import { Payment } from './payment.entity';
import { PAYMENT_KIND } from './payment.kind';

export { allocate } from '../open-items/split';

/**
 * Splitting an open payment into parts paid on different dates: the split every open item shares
 * (modules/open-items/split.ts: exact AmountFC parts, AmountDC and discounts allocated to the cent).
 */
export class PaymentSplitService extends OpenItemSplitter<Payment> {
  constructor(scope: DivisionScope, principal: Principal, now: Clock = systemClock) {
    super(PAYMENT_KIND, scope, principal, now);
  }
}
