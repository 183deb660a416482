import { SafeIntResolver } from 'graphql-scalars';
import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { NullsOrder, SortDirection } from '../query/list-inputs';
import { DateTimeScalar, DecimalScalar, UUIDScalar } from './scalars';

/**
 * The operator inputs of `where` filters, one per column type. Several operators in one object
 * are ANDed; `and` / `or` / `not` on the table's where type combine whole filters.
 */

@InputType('StringFilter', {
  description:
    "Operators on a text column. Text compares as MariaDB's utf8mb4_unicode_ci on both databases, for all of Unicode: " +
    "case and accents do not count ('Ärzte' = 'arzte'), 'ß' = 'ss', trailing spaces do not count. Values: at most 1000 characters.",
})
export class StringFilter {
  @Field(() => String, { nullable: true, description: 'Equal to (case- and accent-insensitive).' }) eq?: string;
  @Field(() => String, { nullable: true, description: 'Not equal to (case- and accent-insensitive); null does not match.' })
  ne?: string;
  @Field(() => [String], { nullable: true, description: 'Equal to one of the values (at most MAX_LIST_VALUES, default 1000).' })
  in?: string[];
  @Field(() => [String], { nullable: true, description: 'Equal to none of the values (at most MAX_LIST_VALUES, default 1000).' })
  notIn?: string[];
  @Field(() => String, { nullable: true, description: 'Sorts after the value (case and accents do not count).' }) gt?: string;
  @Field(() => String, { nullable: true, description: 'Sorts after or equal to the value.' }) gte?: string;
  @Field(() => String, { nullable: true, description: 'Sorts before the value.' }) lt?: string;
  @Field(() => String, { nullable: true, description: 'Sorts before or equal to the value.' }) lte?: string;
  @Field(() => String, {
    nullable: true,
    description: 'Contains the text (case- and accent-insensitive, by character; % and _ are literal).',
  })
  contains?: string;
  @Field(() => String, { nullable: true, description: 'Starts with the text (case- and accent-insensitive, character by character).' })
  startsWith?: string;
  @Field(() => String, { nullable: true, description: 'Ends with the text (case- and accent-insensitive, character by character).' })
  endsWith?: string;
  @Field(() => Boolean, { nullable: true, description: 'true: the column is null; false: it is not.' }) isNull?: boolean;
}

@InputType('IDFilter', { description: 'Operators on an identifier (GUID) column.' })
export class IDFilter {
  @Field(() => UUIDScalar, { nullable: true }) eq?: string;
  @Field(() => UUIDScalar, { nullable: true }) ne?: string;
  @Field(() => [UUIDScalar], { nullable: true }) in?: string[];
  @Field(() => [UUIDScalar], { nullable: true }) notIn?: string[];
  @Field(() => Boolean, { nullable: true, description: 'true: the column is null; false: it is not.' }) isNull?: boolean;
}

@InputType('IntRange', { description: 'Inclusive range for `between`.' })
export class IntRange {
  @Field(() => Int) from!: number;
  @Field(() => Int) to!: number;
}

@InputType('IntFilter', { description: 'Operators on a whole-number column.' })
export class IntFilter {
  @Field(() => Int, { nullable: true }) eq?: number;
  @Field(() => Int, { nullable: true }) ne?: number;
  @Field(() => [Int], { nullable: true }) in?: number[];
  @Field(() => [Int], { nullable: true }) notIn?: number[];
  @Field(() => Int, { nullable: true }) gt?: number;
  @Field(() => Int, { nullable: true }) gte?: number;
  @Field(() => Int, { nullable: true }) lt?: number;
  @Field(() => Int, { nullable: true }) lte?: number;
  @Field(() => IntRange, { nullable: true, description: 'Between from and to, both included.' }) between?: IntRange;
  @Field(() => Boolean, { nullable: true }) isNull?: boolean;
}

@InputType('SafeIntRange', { description: 'Inclusive range for `between`.' })
export class SafeIntRange {
  @Field(() => SafeIntResolver) from!: number;
  @Field(() => SafeIntResolver) to!: number;
}

@InputType('SafeIntFilter', { description: 'Operators on a large whole-number column.' })
export class SafeIntFilter {
  @Field(() => SafeIntResolver, { nullable: true }) eq?: number;
  @Field(() => SafeIntResolver, { nullable: true }) ne?: number;
  @Field(() => [SafeIntResolver], { nullable: true }) in?: number[];
  @Field(() => [SafeIntResolver], { nullable: true }) notIn?: number[];
  @Field(() => SafeIntResolver, { nullable: true }) gt?: number;
  @Field(() => SafeIntResolver, { nullable: true }) gte?: number;
  @Field(() => SafeIntResolver, { nullable: true }) lt?: number;
  @Field(() => SafeIntResolver, { nullable: true }) lte?: number;
  @Field(() => SafeIntRange, { nullable: true }) between?: SafeIntRange;
  @Field(() => Boolean, { nullable: true }) isNull?: boolean;
}

@InputType('DecimalRange', { description: 'Inclusive range for `between`.' })
export class DecimalRange {
  @Field(() => DecimalScalar) from!: string;
  @Field(() => DecimalScalar) to!: string;
}

@InputType('DecimalFilter', { description: 'Operators on an exact decimal (money) column; compared exactly on both databases.' })
export class DecimalFilter {
  @Field(() => DecimalScalar, { nullable: true }) eq?: string;
  @Field(() => DecimalScalar, { nullable: true }) ne?: string;
  @Field(() => [DecimalScalar], { nullable: true }) in?: string[];
  @Field(() => [DecimalScalar], { nullable: true }) notIn?: string[];
  @Field(() => DecimalScalar, { nullable: true }) gt?: string;
  @Field(() => DecimalScalar, { nullable: true }) gte?: string;
  @Field(() => DecimalScalar, { nullable: true }) lt?: string;
  @Field(() => DecimalScalar, { nullable: true }) lte?: string;
  @Field(() => DecimalRange, { nullable: true, description: 'Between from and to, both included.' }) between?: DecimalRange;
  @Field(() => Boolean, { nullable: true }) isNull?: boolean;
}

@InputType('DateTimeRange', { description: 'Inclusive range for `between`.' })
export class DateTimeRange {
  @Field(() => DateTimeScalar) from!: Date;
  @Field(() => DateTimeScalar) to!: Date;
}

@InputType('DateTimeFilter', { description: 'Operators on a date-time column (UTC).' })
export class DateTimeFilter {
  @Field(() => DateTimeScalar, { nullable: true }) eq?: Date;
  @Field(() => DateTimeScalar, { nullable: true }) ne?: Date;
  @Field(() => [DateTimeScalar], { nullable: true }) in?: Date[];
  @Field(() => [DateTimeScalar], { nullable: true }) notIn?: Date[];
  @Field(() => DateTimeScalar, { nullable: true }) gt?: Date;
  @Field(() => DateTimeScalar, { nullable: true }) gte?: Date;
  @Field(() => DateTimeScalar, { nullable: true }) lt?: Date;
  @Field(() => DateTimeScalar, { nullable: true }) lte?: Date;
  @Field(() => DateTimeRange, { nullable: true, description: 'Between from and to, both included.' }) between?: DateTimeRange;
  @Field(() => Boolean, { nullable: true }) isNull?: boolean;
}

@InputType('BooleanFilter', { description: 'Operators on a yes/no column.' })
export class BooleanFilter {
  @Field(() => Boolean, { nullable: true }) eq?: boolean;
  @Field(() => Boolean, { nullable: true }) ne?: boolean;
  @Field(() => Boolean, { nullable: true }) isNull?: boolean;
}

registerEnumType(SortDirection, { name: 'SortDirection', description: 'Ascending or descending.' });

registerEnumType(NullsOrder, {
  name: 'NullsOrder',
  description:
    'Where rows with an empty (null) sort value go; only on keys that can be empty. ' +
    'Default: nulls sort as the smallest value (first ascending, last descending).',
});
