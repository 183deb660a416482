import { BANK_ACCOUNTS } from '../../catalog/tables/bank-accounts';
import { CatalogEntity } from '../../graphql/catalog-entity';

/** A bank account (CRM/BankAccounts): the division's own when accountID is null. */
@CatalogEntity(BANK_ACCOUNTS, {
  indexes: [{ columns: ['Division', 'Account'] }, { columns: ['Division', 'BankAccount'] }],
})
export class BankAccount {
  declare id: string;
  declare divisionCode: number;
  declare accountID: string | null;
  declare bankAccount: string;
  declare bic: string | null;
  declare bankAccountHolderName: string | null;
  declare currency: string | null;
  declare description: string | null;
  declare main: boolean;
  declare created: Date;
  declare creatorID: string | null;
  declare modified: Date;
  declare modifierID: string | null;
}
