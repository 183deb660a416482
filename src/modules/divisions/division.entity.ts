import { DIVISIONS } from '../../catalog/tables/divisions';
import { CatalogEntity } from '../../graphql/catalog-entity';

/** A division (System/Divisions): the unit every Cashflow row is partitioned by. */
@CatalogEntity(DIVISIONS)
export class Division {
  declare code: number;
  declare description: string;
  declare companyName: string | null;
  declare label: string | null;
  declare shortName: number | null;
  declare currency: string;
  declare country: string;
  declare vatNumber: string | null;
  declare chamberOfCommerceNumber: string | null;
  declare rsin: string | null;
  declare wageTaxNumber: string | null;
  declare iban: string | null;
  declare bic: string | null;
  declare ownerCompanyName: string | null;
  declare ownerCompanyNumber: string | null;
  declare status: number;
  declare created: Date;
  declare modified: Date;
}
