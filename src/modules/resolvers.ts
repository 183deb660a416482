import { NonEmptyArray } from 'type-graphql';
import { CATALOG } from '../catalog';
import { entityOf } from '../db/entities';
import { ApiKeyResolver } from './api-keys/api-key.resolver';
import { entityResolver } from './entity.resolver';
import { NESTED_LIST_RESOLVERS } from './nested-lists.resolver';
import { RELATION_RESOLVERS } from './relations.resolver';

/** Every resolver of the schema. Domain resolvers are added here as modules grow. */
export const RESOLVERS = [
  ...CATALOG.filter((t) => t.name !== 'DocumentAttachments').map((t) => entityResolver(t, entityOf(t.name) as never)),
  ...RELATION_RESOLVERS,
  ApiKeyResolver,
  ...NESTED_LIST_RESOLVERS,
] as unknown as NonEmptyArray<Function>;
