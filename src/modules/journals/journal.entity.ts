import { JOURNALS } from '../../catalog/tables/journals';
import { CatalogEntity } from '../../graphql/catalog-entity';

/** A journal (Financial/Journals). */
@CatalogEntity(JOURNALS, { indexes: [{ columns: ['Division', 'Code'], unique: true }] })
export class Journal {
  declare id: string;
  declare divisionCode: number;
  declare code: string;
  declare description: string;
  declare type: number;
  declare created: Date;
  declare creatorID: string | null;
  declare modified: Date;
  declare modifierID: string | null;
}
