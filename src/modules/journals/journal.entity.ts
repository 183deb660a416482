import { JOURNALS } from '../../catalog/tables/journals';
import { CatalogEntity } from '../../graphql/catalog-entity';

/** A journal (Financial/Journals); bank journals name their own bank account. */
@CatalogEntity(JOURNALS, {
  indexes: [
    { columns: ['Division', 'Code'], unique: true },
    { columns: ['Division', 'BankAccountID'], unique: true },
  ],
})
export class Journal {
  declare id: string;
  declare divisionCode: number;
  declare code: string;
  declare description: string;
  declare type: number;
  declare bankAccountID: string | null;
  declare currency: string | null;
  declare glAccountID: string | null;
  declare created: Date;
  declare creatorID: string | null;
  declare modified: Date;
  declare modifierID: string | null;
}
