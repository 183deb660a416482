import { DOCUMENTS } from '../../catalog/tables/documents';
import { CatalogEntity } from '../../graphql/catalog-entity';

/** A document (Documents/Documents); bank files are attached to one. */
@CatalogEntity(DOCUMENTS, { indexes: [{ columns: ['Division', 'DocumentNumber'], unique: true }] })
export class Document {
  declare id: string;
  declare divisionCode: number;
  declare documentNumber: number;
  declare subject: string;
  declare type: number;
  declare created: Date;
  declare creatorID: string | null;
  declare modified: Date;
  declare modifierID: string | null;
}
