import { RECEIVABLES } from '../../catalog/tables/receivables';
import { CatalogEntity } from '../../graphql/catalog-entity';
import { DirectDebitMandatePaymentType, DirectDebitMandateType, PaymentMethod, PaymentSource, ReceivableStatus } from '../../catalog/codes';
import { openItemIndexes } from '../open-items/indexes';

/**
 * A receivable (Cashflow/Receivables): the stored columns. Columns Exact derives from other rows
 * (AccountName, GLAccountCode, ...) are fields resolved through the relations. The indexes are
 * those of every open item (open-items/indexes.ts, migration 1764300000000), plus one on
 * PaymentReference.
 */
@CatalogEntity(RECEIVABLES, {
  versioned: true,
  // A bank transaction's structured communication finds its receivable by PaymentReference.
  indexes: [
    ...openItemIndexes('ReceivableSelector', { columns: ['Division', 'CashflowTransactionBatchCode'] }),
    { columns: ['Division', 'PaymentReference'] },
  ],
})
export class Receivable {
  declare accountID: string;
  declare accountBankAccountID: string | null;
  declare accountContactID: string | null;
  declare amountDC: string;
  declare amountDiscountDC: string | null;
  declare amountDiscountFC: string | null;
  declare amountFC: string;
  declare bankAccountID: string | null;
  declare cashflowTransactionBatchCode: string | null;
  declare created: Date;
  declare creatorID: string;
  declare currency: string;
  declare description: string | null;
  declare directDebitMandateID: string | null;
  declare directDebitMandateDescription: string | null;
  declare directDebitMandatePaymentType: DirectDebitMandatePaymentType | null;
  declare directDebitMandateReference: string | null;
  declare directDebitMandateType: DirectDebitMandateType | null;
  declare discountDueDate: Date | null;
  declare divisionCode: number;
  declare documentID: string | null;
  declare dueDate: Date;
  declare endDate: Date | null;
  declare endPeriod: number | null;
  declare endToEndID: string | null;
  declare endYear: number | null;
  declare entryDate: Date | null;
  declare entryID: string;
  declare entryNumber: number | null;
  declare glAccountID: string;
  declare id: string;
  declare invoiceDate: Date;
  declare invoiceNumber: number | null;
  declare isBatchBooking: number | null;
  declare isFullyPaid: boolean | null;
  declare journalCode: string;
  declare lastPaymentDate: Date | null;
  declare modified: Date;
  declare modifierID: string;
  declare paymentConditionCode: string | null;
  declare paymentDays: number | null;
  declare paymentDaysDiscount: number | null;
  declare paymentDiscountPercentage: string | null;
  declare paymentInformationID: string | null;
  declare paymentMethod: PaymentMethod;
  declare paymentReference: string | null;
  declare rateFC: string;
  declare receivableBatchNumber: number | null;
  declare receivableSelected: Date | null;
  declare receivableSelectorID: string | null;
  declare source: PaymentSource;
  declare status: ReceivableStatus;
  declare transactionAmountDC: string | null;
  declare transactionAmountFC: string | null;
  declare transactionDueDate: Date | null;
  declare transactionEntryID: string | null;
  declare transactionID: string | null;
  declare transactionIsReversal: boolean | null;
  declare transactionReportingPeriod: number | null;
  declare transactionReportingYear: number | null;
  declare transactionStatus: number | null;
  declare transactionType: number | null;
  declare yourRef: string | null;
  declare version: number;
}
