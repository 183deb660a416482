import fs from 'node:fs';
import path from 'node:path';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { enforceScopes } from '../graphql/access';
import { installDirectResolvers } from './lists/relations.resolver';
import { RESOLVERS } from './resolvers';

export const SCHEMA_FILE = path.resolve(__dirname, '..', '..', 'schema', 'schema.graphql');

let cached: GraphQLSchema | undefined;

/**
 * The executable schema, built once per process from the type-graphql classes: the generated
 * relation fields are then called directly, and the scope every field declares (@RequiresScope)
 * is checked in front of its resolver, whichever resolver that is.
 */
export function buildGatewaySchema(): GraphQLSchema {
  cached ??= enforceScopes(installDirectResolvers(buildSchemaSync({ resolvers: RESOLVERS, validate: false })));
  return cached;
}

/** The SDL as committed in schema/schema.graphql: sorted, so diffs show real changes only. */
export function printGatewaySchema(): string {
  return printSchema(lexicographicSortSchema(buildGatewaySchema())) + '\n';
}

export function writeSchemaFile(): string {
  fs.mkdirSync(path.dirname(SCHEMA_FILE), { recursive: true });
  fs.writeFileSync(SCHEMA_FILE, printGatewaySchema());
  return SCHEMA_FILE;
}
