import { ClassType, Field, InputType, Int } from 'type-graphql';
import { CatalogColumn, describe } from '../../catalog';
import { graphqlTypeOf } from '../../graphql/catalog-entity';
import { DateTimeScalar, DecimalScalar, UUIDScalar } from '../../graphql/scalars';
import { OpenItemKind } from './open-item';
import { rulesOf } from './row-rules';

/** The GraphQL inputs of one side's mutations (PaymentCreateInput, ReceivableUpdateInput, ...). */
export interface OpenItemInputs {
  CreateInput: ClassType;
  UpdateInput: ClassType;
  DeleteInput: ClassType;
  SplitPartInput: ClassType;
}

/**
 * GraphQL inputs of a side's mutations, generated from the catalog: one field per column a
 * caller may write, with the catalog's description and the entity field's type (so the entity
 * must be mapped first). Every column field is nullable in GraphQL so that a missing required
 * column is answered by the gateway's own BAD_USER_INPUT naming it. `createNote` adds what the
 * side fills in on create beyond the common defaults.
 */
export function openItemInputs(kind: OpenItemKind, createNote = ''): OpenItemInputs {
  const { noun, table } = kind;
  const Type = table.typeName;
  const rules = rulesOf(kind);
  const addColumnFields = (target: Function, columns: readonly CatalogColumn[]) => {
    for (const c of columns) {
      const required = c.required ? ' Required on create.' : '';
      Field(graphqlTypeOf(table.name, c), { nullable: true, description: `${describe(c)}${required}` })(target.prototype, c.field);
    }
  };
  const docs = {
    create:
      `A new ${noun}. ID is always assigned by the server; EntryID and PaymentMethod (B) are filled in when left out; ${createNote}` +
      'audit and workflow columns are always set by the server.',
    update: `Changes to one ${noun}: the fields given change (null clears an optional column), the others keep their value.`,
    partAmount: `AmountFC of the part; AmountDC follows from RateFC. The parts sum exactly to the ${noun}.`,
  };

  @InputType(`${Type}CreateInput`, { description: docs.create })
  class CreateInput {
    [field: string]: unknown;
  }
  addColumnFields(CreateInput, rules.createColumns);

  @InputType(`${Type}UpdateInput`, { description: docs.update })
  class UpdateInput {
    @Field(() => UUIDScalar, { description: `ID of the ${noun} to change.` })
    declare id: string;

    @Field(() => Int, { description: `The version read; a ${noun} changed since gets CONFLICT.` })
    declare version: number;

    [field: string]: unknown;
  }
  addColumnFields(UpdateInput, rules.updateColumns);

  @InputType(`${Type}DeleteInput`, { description: `A ${noun} to delete.` })
  class DeleteInput {
    @Field(() => UUIDScalar)
    declare id: string;

    @Field(() => Int, { nullable: true, description: `The version read; when given, a ${noun} changed since gets CONFLICT.` })
    declare version?: number | null;
  }

  @InputType(`${Type}SplitPartInput`, { description: `One part of a split ${noun}.` })
  class SplitPartInput {
    @Field(() => DecimalScalar, { description: docs.partAmount })
    declare amountFC: string;

    @Field(() => DateTimeScalar, { description: 'Due date of the part (not before the invoice date).' })
    declare dueDate: Date;
  }

  return { CreateInput, UpdateInput, DeleteInput, SplitPartInput };
}
