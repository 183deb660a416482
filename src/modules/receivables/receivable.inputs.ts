import { openItemInputs } from '../open-items/inputs';
// Mapped first: the inputs take the entity's GraphQL types (ReceivableStatus enum, ...).
import './receivable.entity';
import { RECEIVABLE_KIND } from './receivable.kind';

/**
 * GraphQL inputs of the receivable mutations, generated from the catalog (open-items/inputs.ts):
 * ReceivableCreateInput, ReceivableUpdateInput, ReceivableDeleteInput, ReceivableSplitPartInput.
 */
export const RECEIVABLE_INPUTS = openItemInputs(
  RECEIVABLE_KIND,
  "PaymentReference is generated for a Belgian customer's invoice (its structured communication) when left out; ",
);
