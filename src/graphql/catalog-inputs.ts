import { GraphQLScalarType } from 'graphql';
import { ArgsType, ClassType, Field, getMetadataStorage, InputType, registerEnumType } from 'type-graphql';
import { CatalogColumn, CatalogTable, describe, table } from '../catalog';
import { graphqlTypeOverride } from './column-types';
import { BooleanFilter, DateTimeFilter, DecimalFilter, IDFilter, IntFilter, SafeIntFilter, StringFilter } from './filter-inputs';
import { ListArgs, NullsOrder, queryableColumns, SortDirection, toOneRelations } from '../query/list-inputs';
import { PageArgs } from './page-args';

/**
 * GraphQL inputs generated from the catalog for every table: `<Type>Where` (a filter per stored
 * and derived column, a nested where per to-one relation, and/or/not), `<Type>SortField` and
 * `<Type>OrderBy`, and the list arguments every list field of the table takes. Only names that
 * exist in the catalog can be expressed, so the compiler never sees an unknown field.
 */

/** Enum object of a column shown as a GraphQL enum (Status, PaymentMethod, ...), if any. */
export function enumOf(t: CatalogTable, c: CatalogColumn): { obj: object; name: string } | undefined {
  if (c.derived) return undefined;
  const override = graphqlTypeOverride(t.name, c.name)?.();
  if (!override || override instanceof GraphQLScalarType) return undefined;
  const meta = getMetadataStorage().enums.find((e) => e.enumObj === override);
  return meta ? { obj: override, name: meta.name } : undefined;
}

const enumFilters = new Map<object, ClassType>();

function enumFilter(e: { obj: object; name: string }): ClassType {
  let cls = enumFilters.get(e.obj);
  if (cls) return cls;
  cls = class {};
  const proto = cls.prototype as object;
  const T = () => e.obj;
  Field(T, { nullable: true, description: 'Equal to.' })(proto, 'eq');
  Field(T, { nullable: true, description: 'Not equal to.' })(proto, 'ne');
  Field(() => [e.obj], { nullable: true, description: 'One of.' })(proto, 'in');
  Field(() => [e.obj], { nullable: true, description: 'None of.' })(proto, 'notIn');
  Field(() => Boolean, { nullable: true, description: 'true: the column is null; false: it is not.' })(proto, 'isNull');
  InputType(`${e.name}Filter`, { description: `Operators on a ${e.name} column.` })(cls);
  enumFilters.set(e.obj, cls);
  return cls;
}

export function filterTypeFor(t: CatalogTable, c: CatalogColumn): ClassType | undefined {
  const e = enumOf(t, c);
  if (e) return enumFilter(e);
  switch (c.type) {
    case 'guid':
      return IDFilter;
    case 'string':
      return StringFilter;
    case 'int16':
    case 'int32':
      return IntFilter;
    case 'int64':
      return SafeIntFilter;
    case 'decimal':
      return DecimalFilter;
    case 'datetime':
      return DateTimeFilter;
    case 'boolean':
      return BooleanFilter;
    case 'blob':
      return undefined;
  }
}

const whereTypes = new Map<string, ClassType>();

/** `<Type>Where` of a catalog table. */
export function whereType(t: CatalogTable): ClassType {
  let cls = whereTypes.get(t.name);
  if (cls) return cls;
  cls = class {};
  whereTypes.set(t.name, cls);
  const proto = cls.prototype as object;
  const self = cls;
  for (const c of queryableColumns(t)) {
    const F = filterTypeFor(t, c)!;
    Field(() => F, { nullable: true, description: describe(c) })(proto, c.field);
  }
  for (const r of toOneRelations(t)) {
    const target = table(r.table);
    const description = `Rows whose ${r.name} matches (${r.doc}); compiled to EXISTS.`;
    Field(() => whereType(target), { nullable: true, description })(proto, r.name);
  }
  Field(() => [self], { nullable: true, description: 'All of these filters hold.' })(proto, 'and');
  Field(() => [self], { nullable: true, description: 'At least one of these filters holds.' })(proto, 'or');
  Field(() => self, { nullable: true, description: 'This filter does not hold.' })(proto, 'not');
  InputType(`${t.typeName}Where`, { description: `Filter on ${t.labelEn} (${t.name}): every field given must hold.` })(cls);
  return cls;
}

const sortEnums = new Map<string, Record<string, string>>();

/** `<Type>SortField`: every queryable column of the table (stored and derived). */
export function sortFieldEnum(t: CatalogTable): Record<string, string> {
  let e = sortEnums.get(t.name);
  if (e) return e;
  e = {};
  const values: Record<string, { description: string }> = {};
  for (const c of queryableColumns(t)) {
    e[c.field] = c.name;
    values[c.field] = { description: describe(c) };
  }
  registerEnumType(e, { name: `${t.typeName}SortField`, description: `Columns ${t.labelEn} can be sorted on.`, valuesConfig: values });
  sortEnums.set(t.name, e);
  return e;
}

const orderByTypes = new Map<string, ClassType>();

/** `<Type>OrderBy`: one sort key. */
export function orderByType(t: CatalogTable): ClassType {
  let cls = orderByTypes.get(t.name);
  if (cls) return cls;
  cls = class {};
  const proto = cls.prototype as object;
  const fields = sortFieldEnum(t);
  Field(() => fields, { nullable: true, description: 'Column of this table to sort on (give this or one relation).' })(proto, 'field');
  for (const r of toOneRelations(t)) {
    const target = sortFieldEnum(table(r.table));
    Field(() => target, { nullable: true, description: `Sort on a column of ${r.name} (${r.table}) instead.` })(proto, r.name);
  }
  const direction = { nullable: true, defaultValue: SortDirection.ASC, description: 'Direction (ascending by default).' };
  Field(() => SortDirection, direction)(proto, 'direction');
  Field(() => NullsOrder, { nullable: true, description: 'Where empty values go.' })(proto, 'nulls');
  const description =
    `A sort key for ${t.labelEn}: \`field\` or one to-one relation (\`{ account: name }\`); ` +
    'lists always end with the primary key so the order is stable.';
  InputType(`${t.typeName}OrderBy`, { description })(cls);
  orderByTypes.set(t.name, cls);
  return cls;
}

const listArgsTypes = new Map<string, ClassType>();

/** Arguments of every list field of a table (root and nested): where, orderBy and paging. */
export function listArgsType(t: CatalogTable): ClassType<ListArgs> {
  let cls = listArgsTypes.get(t.name);
  if (cls) return cls as ClassType<ListArgs>;
  cls = class extends PageArgs {};
  Object.defineProperty(cls, 'name', { value: `${t.typeName}ListArgs` });
  const proto = cls.prototype as object;
  const W = whereType(t);
  const O = orderByType(t);
  Field(() => W, { nullable: true, description: 'Filter; only rows matching every condition are returned.' })(proto, 'where');
  Field(() => [O], { nullable: true, description: 'Sort keys, in order; the primary key is always added last.' })(proto, 'orderBy');
  ArgsType()(cls);
  listArgsTypes.set(t.name, cls);
  return cls as ClassType<ListArgs>;
}
