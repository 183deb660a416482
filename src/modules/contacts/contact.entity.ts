import { CONTACTS } from '../../catalog/tables/contacts';
import { CatalogEntity } from '../../graphql/catalog-entity';

/** A contact person of an account (CRM/Contacts). */
@CatalogEntity(CONTACTS, { indexes: [{ columns: ['Division', 'Account'] }] })
export class Contact {
  declare id: string;
  declare divisionCode: number;
  declare accountID: string;
  declare firstName: string | null;
  declare lastName: string;
  declare fullName: string;
  declare email: string | null;
  declare phone: string | null;
  declare created: Date;
  declare creatorID: string | null;
  declare modified: Date;
  declare modifierID: string | null;
}
