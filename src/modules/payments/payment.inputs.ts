import { Field, InputType, Int } from 'type-graphql';
import { CatalogColumn, describe } from '../../catalog';
import { PAYMENTS } from '../../catalog/tables/payments';
import { DateTimeScalar, DecimalScalar, UUIDScalar } from '../../graphql/scalars';
import { graphqlTypeOf } from '../../graphql/catalog-entity';
// Decorated first: the inputs take the entity's GraphQL types (PaymentMethod enum, ...).
import './payment.entity';
import { CREATE_COLUMNS, UPDATE_COLUMNS } from './payment.rules';

/**
 * GraphQL inputs of the payment mutations, generated from the catalog: one field per column a
 * caller may write, with the catalog's description and the entity field's type. Every column
 * field is nullable in GraphQL so that a missing required column is answered by the gateway's own
 * BAD_USER_INPUT naming it.
 */
function addColumnFields(target: Function, columns: readonly CatalogColumn[]): void {
  for (const c of columns) {
    const required = c.required ? ' Required on create.' : '';
    Field(graphqlTypeOf(PAYMENTS.name, c), { nullable: true, description: `${describe(c)}${required}` })(target.prototype, c.field);
  }
}

const DOCS = {
  create:
    'A new payment. ID is always assigned by the server; EntryID and PaymentMethod (B) are filled in when left out; ' +
    'audit and workflow columns are always set by the server.',
  update: 'Changes to one payment: the fields given change (null clears an optional column), the others keep their value.',
};

/** A new payment. Audit, status and workflow columns are set by the server. */
@InputType({ description: DOCS.create })
export class PaymentCreateInput {
  [field: string]: unknown;
}
addColumnFields(PaymentCreateInput, CREATE_COLUMNS);

/** Changes to a payment: only the fields given change; `null` clears an optional column. */
@InputType({ description: DOCS.update })
export class PaymentUpdateInput {
  @Field(() => UUIDScalar, { description: 'ID of the payment to change.' })
  declare id: string;

  @Field(() => Int, { description: 'The version read; a payment changed since gets CONFLICT.' })
  declare version: number;

  [field: string]: unknown;
}
addColumnFields(PaymentUpdateInput, UPDATE_COLUMNS);

@InputType({ description: 'A payment to delete.' })
export class PaymentDeleteInput {
  @Field(() => UUIDScalar)
  declare id: string;

  @Field(() => Int, { nullable: true, description: 'The version read; when given, a payment changed since gets CONFLICT.' })
  declare version?: number | null;
}

@InputType({ description: 'One part of a split payment.' })
export class PaymentSplitPartInput {
  @Field(() => DecimalScalar, { description: 'AmountFC of the part; AmountDC follows from RateFC. The parts sum exactly to the payment.' })
  declare amountFC: string;

  @Field(() => DateTimeScalar, { description: 'Due date of the part (not before the invoice date).' })
  declare dueDate: Date;
}
