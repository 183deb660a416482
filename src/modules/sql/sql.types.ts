import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('SqlColumn', { description: 'A column of a SQL result.' })
export class SqlColumnInfo {
  @Field(() => String) name!: string;
  @Field(() => String, { description: '`decimal(2)`, `integer`, `string`, `guid`, `datetime`, `date`, `boolean` or `null`.' })
  type!: string;
}

@ObjectType('SqlResult', { description: 'Rows of a SQL query; decimals are exact strings, datetimes ISO 8601 UTC.' })
export class SqlResultInfo {
  @Field(() => [SqlColumnInfo]) columns!: SqlColumnInfo[];
  @Field(() => [GraphQLJSONObject], { description: 'One object per row, keyed by column name.' })
  rows!: Record<string, unknown>[];
  @Field(() => Int) rowCount!: number;
}
