import { RECONCILIATION_SETTINGS } from '../../catalog/tables/reconciliation';
import { CatalogEntity } from '../../graphql/catalog-entity';

/** Reconciliation settings of one division (see match-settings.ts for the defaults). */
@CatalogEntity(RECONCILIATION_SETTINGS)
export class ReconciliationSetting {
  declare divisionCode: number;
  declare autoApplyThreshold: string;
  declare toleranceFC: string;
  declare paymentDifferenceGLAccountID: string | null;
  declare modified: Date;
  declare modifierID: string | null;
}
