import { ageingResolver } from '../open-items/ageing.resolver';
import { PAYMENT_KIND } from './payment.kind';

/** `paymentAgeing`: the open payables by days overdue (scope analytics). */
export const PaymentAgeingResolver = ageingResolver(PAYMENT_KIND, { query: 'paymentAgeing', type: 'PaymentAgeing', items: 'payables' });
