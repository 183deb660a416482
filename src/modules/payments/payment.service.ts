import { Clock, systemClock } from '../../access/audit';
import { DivisionScope } from '../../access/division-scope';
import { Principal } from '../../access/principal';
import { OpenItemWriter } from '../open-items/writes';
import { Payment } from './payment.entity';
import { PAYMENT_KIND } from './payment.kind';

/**
 * Create, update and delete payments, single or in bulk, all or nothing (the writes every open
 * item shares, modules/open-items/writes.ts, on the Payments table). The payment run, matching
 * and selection read and lock payments through it too.
 */
export class PaymentService extends OpenItemWriter<Payment> {
  constructor(scope: DivisionScope, principal: Principal, now: Clock = systemClock) {
    super(PAYMENT_KIND, scope, principal, now);
  }
}
