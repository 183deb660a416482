import { PAYMENT_CONDITIONS } from '../../catalog/tables/payment-conditions';
import { CatalogEntity } from '../../graphql/catalog-entity';

/** A payment condition (Cashflow/PaymentConditions). */
@CatalogEntity(PAYMENT_CONDITIONS, { indexes: [{ columns: ['Division', 'Code'], unique: true }] })
export class PaymentCondition {
  declare id: string;
  declare divisionCode: number;
  declare code: string;
  declare description: string;
  declare paymentDays: number;
  declare discountPaymentDays: number | null;
  declare discountPercentage: string | null;
  declare created: Date;
  declare creatorID: string | null;
  declare modified: Date;
  declare modifierID: string | null;
}
