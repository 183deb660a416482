import { writeSchemaFile } from '../modules/schema';

/** `npm run schema`: writes schema/schema.graphql (sorted SDL) from the resolvers. */
export function schemaCommand(): void {
  console.log(`Wrote ${writeSchemaFile()}`);
}
