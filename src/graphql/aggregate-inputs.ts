import { SafeIntResolver } from 'graphql-scalars';
import { ArgsType, ClassType, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CatalogColumn, CatalogTable, describe } from '../catalog';
import { DecimalScalar, UUIDScalar } from './scalars';
import { AGGREGATE_FUNCTIONS, AggregateArgs, amountColumns, DateBucket, groupableColumns, SortDirection } from '../query/list-inputs';
import { enumOf, whereType } from './catalog-inputs';
import { DecimalFilter, IntFilter } from './filter-inputs';

/**
 * GraphQL inputs and outputs of `<list>Aggregate`, generated from the catalog for every table
 * with decimal (amount) columns: group by any column or a time bucket of a date column,
 * count/sum/avg/min/max over the amount columns as exact decimals, having, ordering, limit.
 */
registerEnumType(DateBucket, {
  name: 'DateBucket',
  description: 'Time bucket of a date column in a group-by; the key is the first day of the bucket (ISO weeks start on Monday).',
});

export function hasAggregates(t: CatalogTable): boolean {
  return amountColumns(t).length > 0;
}

export interface AggregateTypes {
  Args: ClassType<AggregateArgs>;
  Group: ClassType;
  groupFields: Record<string, string>;
  orderFields: Record<string, string>;
}

const cache = new Map<string, AggregateTypes>();

/** Descriptions shared by the aggregate types of every table. */
const DOCS = {
  bucket: 'Time bucket for a date column (default day); BAD_USER_INPUT on any other column.',
  avg: 'Average, exact quotient rounded half-up to the column scale plus 4 decimals.',
  groupBy: 'Group-by keys (at most 8, each once); none gives one group over all matching rows.',
  orderBy: 'Order of the groups (default: by the group keys); the group keys always follow.',
  limit: 'Most groups to return (at most the maximum page size, which is also the default).',
};

function keyType(t: CatalogTable, c: CatalogColumn): () => unknown {
  const e = enumOf(t, c);
  if (e) return () => e.obj;
  switch (c.type) {
    case 'guid':
      return () => UUIDScalar;
    case 'int64':
      return () => SafeIntResolver;
    case 'int16':
    case 'int32':
      return () => Int;
    case 'boolean':
      return () => Boolean;
    default:
      return () => String;
  }
}

export function aggregateTypes(t: CatalogTable): AggregateTypes {
  const cached = cache.get(t.name);
  if (cached) return cached;
  const amounts = amountColumns(t);
  const groupable = groupableColumns(t);

  const groupFields: Record<string, string> = {};
  for (const c of groupable) groupFields[c.field] = c.name;
  registerEnumType(groupFields, {
    name: `${t.typeName}GroupField`,
    description: `Columns ${t.labelEn} can be grouped by (date columns by a time bucket).`,
    valuesConfig: Object.fromEntries(groupable.map((c) => [c.field, { description: describe(c) }])),
  });

  const GroupBy = named(class {}, `${t.typeName}GroupBy`);
  Field(() => groupFields, { description: 'Column to group by.' })(GroupBy.prototype, 'field');
  Field(() => DateBucket, { nullable: true, description: DOCS.bucket })(GroupBy.prototype, 'bucket');
  InputType(`${t.typeName}GroupBy`, { description: `A group-by key of ${t.labelEn}.` })(GroupBy);

  const AmountsFilter = named(class {}, `${t.typeName}AmountsFilter`);
  for (const c of amounts) Field(() => DecimalFilter, { nullable: true, description: describe(c) })(AmountsFilter.prototype, c.field);
  InputType(`${t.typeName}AmountsFilter`, { description: `Conditions on aggregated amounts of ${t.labelEn}.` })(AmountsFilter);

  const Having = named(class {}, `${t.typeName}Having`);
  Field(() => IntFilter, { nullable: true, description: 'Condition on the number of rows in the group.' })(Having.prototype, 'count');
  for (const fn of AGGREGATE_FUNCTIONS) {
    Field(() => AmountsFilter, { nullable: true, description: `Conditions on the ${fn} of amounts.` })(Having.prototype, fn);
  }
  InputType(`${t.typeName}Having`, { description: `Conditions on groups of ${t.labelEn} (SQL HAVING); all must hold.` })(Having);

  const orderFields: Record<string, string> = { ...groupFields, count: 'count' };
  for (const fn of AGGREGATE_FUNCTIONS) for (const c of amounts) orderFields[`${fn}_${c.field}`] = `${fn}:${c.name}`;
  registerEnumType(orderFields, {
    name: `${t.typeName}GroupOrderField`,
    description: `What groups of ${t.labelEn} can be ordered by: a group key, count, or function_amount.`,
  });

  const GroupOrderBy = named(class {}, `${t.typeName}GroupOrderBy`);
  Field(() => orderFields, { description: 'Group key or aggregate to order by.' })(GroupOrderBy.prototype, 'field');
  Field(() => SortDirection, { nullable: true, defaultValue: SortDirection.ASC })(GroupOrderBy.prototype, 'direction');
  InputType(`${t.typeName}GroupOrderBy`, { description: `An ordering of groups of ${t.labelEn}.` })(GroupOrderBy);

  const Amounts = named(class {}, `${t.typeName}Amounts`);
  for (const c of amounts) Field(() => DecimalScalar, { nullable: true, description: describe(c) })(Amounts.prototype, c.field);
  const amountsDoc = `Aggregated amounts of ${t.labelEn}, exact decimals (null when the group has no value).`;
  ObjectType(`${t.typeName}Amounts`, { description: amountsDoc })(Amounts);

  const Key = named(class {}, `${t.typeName}GroupKey`);
  for (const c of groupable) {
    const description = c.type === 'datetime' ? `${describe(c)} Grouped: first day of the bucket, YYYY-MM-DD.` : describe(c);
    Field(keyType(t, c) as never, { nullable: true, description })(Key.prototype, c.field);
  }
  ObjectType(`${t.typeName}GroupKey`, { description: `Values of the group-by columns of a ${t.typeName} group (others are null).` })(Key);

  const Group = named(class {}, `${t.typeName}Group`);
  Field(() => Key, { description: 'The group-by values.' })(Group.prototype, 'key');
  Field(() => Int, { description: 'Number of rows in the group.' })(Group.prototype, 'count');
  for (const fn of AGGREGATE_FUNCTIONS) {
    const doc = fn === 'avg' ? DOCS.avg : `${fn[0].toUpperCase()}${fn.slice(1)} of each amount column.`;
    Field(() => Amounts, { description: doc })(Group.prototype, fn);
  }
  ObjectType(`${t.typeName}Group`, { description: `A group of ${t.labelEn} with its aggregates.` })(Group);

  const Args = named(class {}, `${t.typeName}AggregateArgs`) as ClassType<AggregateArgs>;
  const W = whereType(t);
  Field(() => W, { nullable: true, description: 'Rows to aggregate (the same filter as the list).' })(Args.prototype, 'where');
  Field(() => [GroupBy], { nullable: true, description: DOCS.groupBy })(Args.prototype, 'groupBy');
  Field(() => Having, { nullable: true, description: 'Conditions on the groups.' })(Args.prototype, 'having');
  Field(() => [GroupOrderBy], { nullable: true, description: DOCS.orderBy })(Args.prototype, 'orderBy');
  Field(() => Int, { nullable: true, description: DOCS.limit })(Args.prototype, 'limit');
  Field(() => Int, { nullable: true, description: 'Groups to skip.' })(Args.prototype, 'offset');
  ArgsType()(Args);

  const types = { Args, Group, groupFields, orderFields };
  cache.set(t.name, types);
  return types;
}

function named<T extends ClassType>(cls: T, name: string): T {
  Object.defineProperty(cls, 'name', { value: name });
  return cls;
}
