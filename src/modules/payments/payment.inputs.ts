import { openItemInputs } from '../open-items/inputs';
import type { OpenItemValues } from '../open-items/open-item';
import type { SplitPart } from '../open-items/split';
import type { OpenItemDelete, OpenItemUpdate } from '../open-items/writes';
// Mapped first: the inputs take the entity's GraphQL types (PaymentMethod enum, ...).
import './payment.entity';
import { PAYMENT_KIND } from './payment.kind';

/**
 * GraphQL inputs of the payment mutations, generated from the catalog (open-items/inputs.ts):
 * PaymentCreateInput, PaymentUpdateInput, PaymentDeleteInput, PaymentSplitPartInput.
 */
export const PAYMENT_INPUTS = openItemInputs(PAYMENT_KIND);

export const PaymentCreateInput = PAYMENT_INPUTS.CreateInput;
export type PaymentCreateInput = OpenItemValues;
export const PaymentUpdateInput = PAYMENT_INPUTS.UpdateInput;
export type PaymentUpdateInput = OpenItemUpdate;
export const PaymentDeleteInput = PAYMENT_INPUTS.DeleteInput;
export type PaymentDeleteInput = OpenItemDelete;
export const PaymentSplitPartInput = PAYMENT_INPUTS.SplitPartInput;
export type PaymentSplitPartInput = SplitPart;
