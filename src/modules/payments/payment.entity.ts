import { PAYMENTS } from '../../catalog/tables/payments';
import { CatalogEntity } from '../../graphql/catalog-entity';
import { PaymentMethod, PaymentSource, PaymentStatus } from '../../catalog/codes';
import { openItemIndexes } from '../open-items/indexes';

/**
 * A payment (Cashflow/Payments): the stored columns. Columns Exact derives from other rows
 * (AccountName, GLAccountCode, Division*, ...) are fields resolved through the relations. The
 * indexes are those of every open item (open-items/indexes.ts).
 */
@CatalogEntity(PAYMENTS, {
  versioned: true,
  indexes: [
    ...openItemIndexes('PaymentSelector', {
      columns: ['Division', 'CashflowTransactionBatchCode', 'PaymentBatchNumber'],
      name: 'IX_Payments_Division_BatchSequence',
    }),
  ],
})
export class Payment {
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
  declare createdUtc: Date;
  declare creatorID: string;
  declare currency: string;
  declare description: string | null;
  declare discountDueDate: Date | null;
  declare divisionCode: number;
  declare documentID: string | null;
  declare dueDate: Date;
  declare endDate: Date | null;
  declare endPeriod: number | null;
  declare endYear: number | null;
  declare entryDate: Date | null;
  declare entryID: string;
  declare entryNumber: number | null;
  declare glAccountID: string;
  declare id: string;
  declare invoiceDate: Date;
  declare invoiceNumber: number | null;
  declare isBatchBooking: number | null;
  declare journalCode: string;
  declare modified: Date;
  declare modifiedUtc: Date;
  declare modifierID: string;
  declare paymentBatchNumber: number | null;
  declare paymentConditionCode: string | null;
  declare paymentDays: number | null;
  declare paymentDaysDiscount: number | null;
  declare paymentDiscountPercentage: string | null;
  declare paymentMethod: PaymentMethod;
  declare paymentReference: string | null;
  declare paymentSelected: Date | null;
  declare paymentSelectorID: string | null;
  declare rateFC: string;
  declare source: PaymentSource;
  declare status: PaymentStatus;
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
