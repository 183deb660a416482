import { ACCOUNTS } from '../../catalog/tables/accounts';
import { CatalogEntity } from '../../graphql/catalog-entity';

/** An account (CRM/Accounts): a supplier or customer of a division. */
@CatalogEntity(ACCOUNTS, {
  indexes: [{ columns: ['Division', 'Code'], unique: true }, { columns: ['Division', 'Name'] }],
})
export class Account {
  declare id: string;
  declare divisionCode: number;
  declare code: string;
  declare name: string;
  declare isSupplier: boolean;
  declare isSales: boolean;
  declare vatNumber: string | null;
  declare chamberOfCommerce: string | null;
  declare country: string | null;
  declare city: string | null;
  declare email: string | null;
  declare status: string | null;
  declare created: Date;
  declare creatorID: string | null;
  declare modified: Date;
  declare modifierID: string | null;
}
