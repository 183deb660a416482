import { PAYMENT_MATCHES } from '../../catalog/tables/payment-matches';
import { CatalogEntity } from '../../graphql/catalog-entity';

/** One payment of a match (see matching.service.ts). */
@CatalogEntity(PAYMENT_MATCHES, { indexes: [{ columns: ['Division', 'MatchID'] }, { columns: ['Division', 'Payment'], unique: true }] })
export class PaymentMatch {
  declare id: string;
  declare divisionCode: number;
  declare matchID: string;
  declare paymentID: string;
  declare bankStatementLineReference: string | null;
  declare previousStatus: number;
  declare matchDate: Date;
  declare created: Date;
  declare creatorID: string | null;
}
