import { DateTimeScalar, UUIDScalar } from '../../graphql/scalars';
import { Field, InputType, Int, registerEnumType } from 'type-graphql';

/** Bank file formats the gateway writes (ISO 20022 SEPA credit transfer initiation). */
export enum BankFileFormat {
  PAIN_001_001_03 = 'pain.001.001.03',
  PAIN_001_001_09 = 'pain.001.001.09',
}
registerEnumType(BankFileFormat, {
  name: 'BankFileFormat',
  description: 'SEPA credit transfer file format: pain.001.001.03 (widely accepted) or pain.001.001.09 (ISO 20022 2019).',
});

const DOCS = {
  paymentIDs: 'Payments to process (Open or Selected); leave out to process every selected payment (Status 30) of the division.',
  executionDate: 'Requested execution date; payments executed on or before their DiscountDueDate pay AmountDC minus AmountDiscountDC.',
};

@InputType({ description: 'A payment run: which payments, from which own bank account, when, in which file format.' })
export class ProcessPaymentsInput {
  @Field(() => Int, { description: 'Division of the run (one batch and one document per call).' })
  declare divisionCode: number;

  @Field(() => [UUIDScalar], { nullable: true, description: DOCS.paymentIDs })
  declare paymentIDs?: string[] | null;

  @Field(() => UUIDScalar, { description: 'Own bank account of the division the payments are made from (BankAccounts with no Account).' })
  declare bankAccountID: string;

  @Field(() => DateTimeScalar, { description: DOCS.executionDate })
  declare executionDate: Date;

  @Field(() => BankFileFormat, { nullable: true, description: 'File format; default pain.001.001.03.' })
  declare format?: BankFileFormat | null;

  @Field(() => Boolean, { nullable: true, description: 'Ask the bank to book the batch as one debit (BtchBookg); default true.' })
  declare batchBooking?: boolean | null;
}
