import { Field, ObjectType } from 'type-graphql';

@ObjectType('CatalogColumn', { description: 'One column of a catalog table, as the SQL layer and GraphQL name it.' })
export class CatalogColumnInfo {
  @Field(() => String, { description: "Exact's column name, used in SQL (`AmountDC`)." })
  name!: string;
  @Field(() => String, { description: 'GraphQL field name (`amountDC`).' })
  field!: string;
  @Field(() => String, { description: 'Type with length or precision: `string(50)`, `decimal(18,2)`, `guid`, `int32`, `datetime`.' })
  sqlType!: string;
  @Field(() => String, { description: 'Label in Dutch.' })
  labelNl!: string;
  @Field(() => String, { description: 'Label in English.' })
  labelEn!: string;
  @Field(() => Boolean, { description: 'Required on insert.' })
  required!: boolean;
  @Field(() => String, { nullable: true, description: 'For derived columns: `relation.Column` the value is read from.' })
  derivedFrom!: string | null;
  @Field(() => String, { description: 'What the column holds.' })
  documentation!: string;
}

@ObjectType('CatalogAllows', { description: 'What callers may do with a table (given the scopes to do it).' })
export class CatalogAllowsInfo {
  @Field(() => Boolean) read!: boolean;
  @Field(() => Boolean) insert!: boolean;
  @Field(() => Boolean) update!: boolean;
  @Field(() => Boolean) delete!: boolean;
}

@ObjectType('CatalogRelation', { description: 'A relation from one catalog table to another.' })
export class CatalogRelationInfo {
  @Field(() => String) name!: string;
  @Field(() => String) table!: string;
  @Field(() => String, { description: '`one` or `many`.' }) kind!: string;
  @Field(() => [[String]], { description: 'Column pairs [local, remote].' }) on!: string[][];
  @Field(() => String) documentation!: string;
}

@ObjectType('CatalogTable', { description: 'A table of the catalog: the single description behind GraphQL and SQL.' })
export class CatalogTableInfo {
  @Field(() => String, { description: 'Catalog name, used in SQL (`Payments`).' })
  name!: string;
  @Field(() => String, { description: 'GraphQL object type (`Payment`).' })
  graphqlType!: string;
  @Field(() => String) labelNl!: string;
  @Field(() => String) labelEn!: string;
  @Field(() => String) description!: string;
  @Field(() => String, { nullable: true, description: 'The column partitioning rows per division; null for global tables.' })
  partitionColumn!: string | null;
  @Field(() => String) primaryKey!: string;
  @Field(() => CatalogAllowsInfo) allows!: CatalogAllowsInfo;
  @Field(() => [CatalogColumnInfo]) columns!: CatalogColumnInfo[];
  @Field(() => [CatalogRelationInfo]) relations!: CatalogRelationInfo[];
}
