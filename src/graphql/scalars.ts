import { GraphQLScalarType, Kind } from 'graphql';
import { DateTimeResolver, UUIDResolver } from 'graphql-scalars';
import { canonicalGuid } from '../platform/guid';
import { isDecimalText } from '../platform/decimal';

/**
 * Exact decimal, serialised as a string (like Shopify's `Decimal`): money never becomes a
 * binary float on the wire. Input accepts a string, or an integer literal.
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal number, serialised as a string such as "1234.50".',
  serialize(value) {
    if (typeof value === 'string' && isDecimalText(value)) return value;
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'number' && Number.isInteger(value)) return String(value);
    if (value && typeof value === 'object' && 'toFixed' in value) return (value as { toFixed(): string }).toFixed();
    throw new TypeError(`Decimal cannot represent ${String(value)}`);
  },
  parseValue(value) {
    if (typeof value === 'string' && isDecimalText(value.trim())) return value.trim();
    if (typeof value === 'number' && Number.isInteger(value)) return String(value);
    throw new TypeError(`Decimal must be a string such as "12.30", got ${JSON.stringify(value)}`);
  },
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING && isDecimalText(ast.value.trim())) return ast.value.trim();
    if (ast.kind === Kind.INT) return ast.value;
    throw new TypeError('Decimal must be a string such as "12.30"');
  },
});

/**
 * graphql-scalars' DateTime (same name, description, parsing and validation), serialised to
 * its ISO 8601 string rather than a Date object: the response is written with JSON.stringify,
 * which calls Date#toJSON for every value and took twice as long over a page of dates.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  ...DateTimeResolver.toConfig(),
  serialize(value) {
    // The common case, a valid Date read from the database, needs no further checks.
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
    const serialized = DateTimeResolver.serialize(value) as unknown;
    return serialized instanceof Date ? serialized.toISOString() : (serialized as string);
  },
});

/**
 * graphql-scalars' UUID (same name and validation: either case, optional braces), but parsed and
 * serialised in the canonical form, lower case without braces (platform/guid.ts). Every GUID
 * argument, input field and filter value therefore reaches the services and the SQL canonical,
 * on SQLite (case-sensitive text) as on MariaDB.
 */
export const UUIDScalar = new GraphQLScalarType<string, string>({
  ...UUIDResolver.toConfig(),
  description: `${UUIDResolver.description} Read in either case, with or without braces; stored and returned in lower case.`,
  serialize(value) {
    return canonicalGuid(UUIDResolver.serialize(value) as string);
  },
  parseValue(value) {
    return canonicalGuid(UUIDResolver.parseValue(value) as string);
  },
  parseLiteral(ast, variables) {
    return canonicalGuid(UUIDResolver.parseLiteral(ast, variables) as string);
  },
});
