import { GraphQLScalarType } from 'graphql';
import { CountryCodeResolver, CurrencyResolver, IBANResolver, SafeIntResolver } from 'graphql-scalars';
import { Int, registerEnumType } from 'type-graphql';
import type { CatalogType } from '../catalog';
import {
  DirectDebitMandatePaymentType,
  DirectDebitMandateType,
  PaymentMethod,
  PaymentSource,
  PaymentStatus,
  ReceivableStatus,
} from '../catalog/codes';
import { DateTimeScalar, DecimalScalar, UUIDScalar } from './scalars';

/**
 * GraphQL types of the catalog columns better shown as an enum or a specific scalar than as their
 * default scalar, by `Table.Column`. Declared here, in one static table, so every reader (the
 * entity mapping, filter inputs, aggregate keys) sees the same answer whatever the import order.
 */
export type GraphQLTypeFn = () => GraphQLScalarType | object;

registerEnumType(PaymentStatus, {
  name: 'PaymentStatus',
  description: 'Status of a payment; the Exact code is the value: 20 Open, 30 Selected, 40 Processed, 50 Matched.',
  valuesConfig: {
    OPEN: { description: '20: outstanding, not yet selected.' },
    SELECTED: { description: '30: selected to be paid.' },
    PROCESSED: { description: '40: processed into a bank file.' },
    MATCHED: { description: '50: matched with a bank statement line or other items.' },
  },
});
// Receivables have the same codes under their own name: 30 and 40 mean collecting, not paying.
registerEnumType(ReceivableStatus, {
  name: 'ReceivableStatus',
  description: 'Status of a receivable; the Exact code is the value: 20 Open, 30 Selected (for collection), 40 Processed, 50 Matched.',
  valuesConfig: {
    OPEN: { description: '20: outstanding, not yet selected.' },
    SELECTED: { description: '30: selected for collection (direct debit).' },
    PROCESSED: { description: '40: processed into a collection file.' },
    MATCHED: { description: '50: matched with a bank statement line or other items.' },
  },
});
// Source and PaymentMethod mean the same on both sides (Exact uses these column names for both).
registerEnumType(PaymentSource, {
  name: 'PaymentSource',
  description: 'Source of a payment or receivable: 1 Manual, 2 Reconcile, 3 Match, 4 Import, 5 Process.',
});
registerEnumType(PaymentMethod, {
  name: 'PaymentMethod',
  description: 'Method of payment: B On credit (default), I Collection (direct debit), K Cash, V Credit card.',
});
registerEnumType(DirectDebitMandateType, {
  name: 'DirectDebitMandateType',
  description: 'Type of a SEPA direct debit mandate; the Exact code is the value: 0 Core, 1 B2B.',
});
registerEnumType(DirectDebitMandatePaymentType, {
  name: 'DirectDebitMandatePaymentType',
  description: 'Payment type of a SEPA direct debit mandate; the Exact code is the value: 0 one-off, 1 recurrent.',
});

const COLUMN_TYPES: Readonly<Record<string, GraphQLTypeFn>> = {
  'Payments.Status': () => PaymentStatus,
  'Payments.Source': () => PaymentSource,
  'Payments.PaymentMethod': () => PaymentMethod,
  'Receivables.Status': () => ReceivableStatus,
  'Receivables.Source': () => PaymentSource,
  'Receivables.PaymentMethod': () => PaymentMethod,
  'Receivables.DirectDebitMandateType': () => DirectDebitMandateType,
  'Receivables.DirectDebitMandatePaymentType': () => DirectDebitMandatePaymentType,
  // Payments.Currency stays a String on purpose: Exact declares it string(30) (a code of the
  // division's currency table), so the schema must be able to return every value it may hold.
  'Divisions.Currency': () => CurrencyResolver,
  'Divisions.Country': () => CountryCodeResolver,
  'Divisions.IBAN': () => IBANResolver,
  'BankAccounts.Currency': () => CurrencyResolver,
  'Accounts.Country': () => CountryCodeResolver,
  'PaymentBatches.Currency': () => CurrencyResolver,
};

/** The GraphQL type a catalog column is given instead of its default scalar, if any. */
export function graphqlTypeOverride(tableName: string, columnName: string): GraphQLTypeFn | undefined {
  return COLUMN_TYPES[`${tableName}.${columnName}`];
}

const SCALARS: Readonly<Record<CatalogType, GraphQLTypeFn>> = {
  guid: () => UUIDScalar,
  string: () => String,
  int16: () => Int,
  int32: () => Int,
  int64: () => SafeIntResolver,
  decimal: () => DecimalScalar,
  datetime: () => DateTimeScalar,
  boolean: () => Boolean,
  blob: () => String,
};

/** The GraphQL scalar of a catalog type (what a column is shown as without an override). */
export function defaultScalarOf(type: CatalogType): GraphQLTypeFn {
  return SCALARS[type];
}
