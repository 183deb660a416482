import { GLAccountType } from '../../catalog/codes';
import { PAYMENTS } from '../../catalog/tables/payments';
import { OpenItemKind } from '../open-items/open-item';
import { Payment } from './payment.entity';
import { PaymentRule, ruleError } from './payment.errors';

/**
 * Columns the server sets (audit, workflow, and the ID of a new payment); never taken from input.
 * The ID is not the caller's to choose: IDs are unique over all divisions, so a chosen ID that a
 * payment of another division holds could be neither accepted nor refused without telling the
 * caller that the payment exists (idempotency keys make a create safe to retry instead).
 */
export const SERVER_MANAGED: ReadonlySet<string> = new Set([
  'ID',
  'Created',
  'CreatedUtc',
  'Creator',
  'Modified',
  'ModifiedUtc',
  'Modifier',
  'Status',
  'Source',
  'CashflowTransactionBatchCode',
  'PaymentBatchNumber',
  'Document',
  'PaymentSelected',
  'PaymentSelector',
  'EndDate',
  'EndPeriod',
  'EndYear',
  'IsBatchBooking',
]);

/** The rules that say the side of a payment: a payable books on type 22 and pays a supplier. */
type PaymentSideRule = 'GL_ACCOUNT_NOT_PAYABLE' | 'ACCOUNT_NOT_SUPPLIER' | 'BANK_ACCOUNT_NOT_SUPPLIERS';

/** Payments as open items of the payable side: what the shared rules of modules/open-items need. */
export const PAYMENT_KIND: OpenItemKind<Payment, PaymentSideRule> = {
  table: PAYMENTS,
  entity: Payment,
  noun: 'payment',
  counterparty: {
    noun: 'supplier',
    isOne: (account) => account.isSupplier,
    glAccountType: GLAccountType.ACCOUNTS_PAYABLE,
    glAccountTypeName: 'Accounts payable',
    rules: { glAccount: 'GL_ACCOUNT_NOT_PAYABLE', account: 'ACCOUNT_NOT_SUPPLIER', bankAccount: 'BANK_ACCOUNT_NOT_SUPPLIERS' },
  },
  serverManaged: SERVER_MANAGED,
  writeScope: 'payments:write',
  // The compiler checks that PaymentRule has every rule the shared code may break.
  error: (rule, field, message, details) => ruleError(PaymentRule[rule], field, message, details),
};
