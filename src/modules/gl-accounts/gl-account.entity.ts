import { GL_ACCOUNTS } from '../../catalog/tables/gl-accounts';
import { CatalogEntity } from '../../graphql/catalog-entity';

/** A general ledger account (Financial/GLAccounts). */
@CatalogEntity(GL_ACCOUNTS, { indexes: [{ columns: ['Division', 'Code'], unique: true }, { columns: ['Division', 'Type'] }] })
export class GLAccount {
  declare id: string;
  declare divisionCode: number;
  declare code: string;
  declare description: string;
  declare type: number;
  declare balanceSide: string;
  declare balanceType: string;
  declare created: Date;
  declare creatorID: string | null;
  declare modified: Date;
  declare modifierID: string | null;
}
