import { USERS } from '../../catalog/tables/users';
import { CatalogEntity } from '../../graphql/catalog-entity';

/** A user (System/Users). Not partitioned. */
@CatalogEntity(USERS, { indexes: [{ columns: ['UserName'], unique: true }] })
export class User {
  declare id: string;
  declare userName: string;
  declare fullName: string;
  declare email: string | null;
  declare created: Date;
}
