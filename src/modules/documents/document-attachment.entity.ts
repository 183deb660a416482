import { DOCUMENT_ATTACHMENTS } from '../../catalog/tables/documents';
import { CatalogEntity } from '../../graphql/catalog-entity';

/** A file attached to a document. The bytes are not a GraphQL field: they download over HTTP. */
@CatalogEntity(DOCUMENT_ATTACHMENTS, { hidden: ['Attachment'], indexes: [{ columns: ['Division', 'Document'] }] })
export class DocumentAttachment {
  declare id: string;
  declare divisionCode: number;
  declare documentID: string;
  declare fileName: string;
  declare mediaType: string;
  declare fileSize: number;
  declare attachment: Buffer;
  declare created: Date;
}
