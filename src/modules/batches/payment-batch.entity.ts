import { PAYMENT_BATCHES } from '../../catalog/tables/payment-batches';
import { CatalogEntity } from '../../graphql/catalog-entity';

/** A processed payment run: the payments of one bank file. */
@CatalogEntity(PAYMENT_BATCHES, {
  indexes: [{ columns: ['Division', 'CashflowTransactionBatchCode'], unique: true }, { columns: ['Division', 'ExecutionDate'] }],
})
export class PaymentBatch {
  declare id: string;
  declare divisionCode: number;
  declare cashflowTransactionBatchCode: string;
  declare bankAccountID: string;
  declare executionDate: Date;
  declare fileFormat: string;
  declare batchBooking: boolean;
  declare documentID: string | null;
  declare paymentCount: number;
  declare totalAmountDC: string;
  declare currency: string;
  declare created: Date;
  declare creatorID: string | null;
  declare modified: Date;
  declare modifierID: string | null;
}
