import { GLAccountType } from '../../catalog/codes';
import { RECEIVABLES } from '../../catalog/tables/receivables';
import { OpenItemKind } from '../open-items/open-item';
import { completePaymentReferences } from './receivable-reference';
import { Receivable } from './receivable.entity';
import { receivableError, ReceivableRule } from './receivable.errors';

/**
 * Columns the server sets (audit, workflow, collection processing, and the ID of a new
 * receivable); never taken from input, as for payments (see payments/payment.kind.ts). The
 * collection columns (batch, EndToEndID, PaymentInformationID) are written when a collection is
 * processed, IsFullyPaid and LastPaymentDate when payments are matched.
 */
export const RECEIVABLE_SERVER_MANAGED: ReadonlySet<string> = new Set([
  'ID',
  'Created',
  'Creator',
  'Modified',
  'Modifier',
  'Status',
  'Source',
  'CashflowTransactionBatchCode',
  'ReceivableBatchNumber',
  'Document',
  'ReceivableSelected',
  'ReceivableSelector',
  'EndDate',
  'EndPeriod',
  'EndYear',
  'IsBatchBooking',
  'EndToEndID',
  'PaymentInformationID',
  'IsFullyPaid',
  'LastPaymentDate',
]);

/** The rules that say the side of a receivable: it books on type 20 and comes from a customer. */
type ReceivableSideRule = 'GL_ACCOUNT_NOT_RECEIVABLE' | 'ACCOUNT_NOT_CUSTOMER' | 'BANK_ACCOUNT_NOT_CUSTOMERS';

/** Receivables as open items of the receivable side: what the shared rules of modules/open-items need. */
export const RECEIVABLE_KIND: OpenItemKind<Receivable, ReceivableSideRule> = {
  table: RECEIVABLES,
  entity: Receivable,
  noun: 'receivable',
  counterparty: {
    noun: 'customer',
    isOne: (account) => account.isSales,
    glAccountType: GLAccountType.ACCOUNTS_RECEIVABLE,
    glAccountTypeName: 'Accounts receivable',
    rules: { glAccount: 'GL_ACCOUNT_NOT_RECEIVABLE', account: 'ACCOUNT_NOT_CUSTOMER', bankAccount: 'BANK_ACCOUNT_NOT_CUSTOMERS' },
  },
  serverManaged: RECEIVABLE_SERVER_MANAGED,
  writeScope: 'receivables:write',
  // The compiler checks that ReceivableRule has every rule the shared code may break.
  error: (rule, field, message, details) => receivableError(ReceivableRule[rule], field, message, details),
  complete: completePaymentReferences,
};
