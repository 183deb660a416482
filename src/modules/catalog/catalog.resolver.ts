import { Arg, Query, Resolver } from 'type-graphql';
import { describeCatalog } from '../../catalog/describe';
import { NoScopeRequired } from '../../graphql/access';
import { CatalogTableInfo } from './catalog.types';

@Resolver()
export class CatalogResolver {
  @Query(() => [CatalogTableInfo], { description: 'The catalog: every table and column the gateway serves (also GET /catalog).' })
  @NoScopeRequired('table and column metadata only, no rows of any division (GET /catalog needs no scope either)')
  catalog(
    @Arg('table', () => String, { nullable: true, description: 'One table by its catalog name (any case); NOT_FOUND when there is none.' })
    table?: string | null,
  ): CatalogTableInfo[] {
    return describeCatalog(table) as CatalogTableInfo[];
  }
}
