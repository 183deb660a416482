import { UUIDScalar } from '../../graphql/scalars';
import { Arg, Ctx, Field, FieldResolver, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { RequiresScope } from '../../graphql/access';
import type { RequestContext } from '../../context/request-context';
import { IdempotencyKeyArg } from '../idempotency/idempotency-key.arg';
import type { Idempotent } from '../idempotency/idempotency-key.arg';
import { BANK_FILE_SCOPE, batchFile, downloadPath } from './bank-file.service';
import { PaymentBatch } from './payment-batch.entity';
import { ProcessPaymentsInput } from './payment-run.inputs';
import { PaymentRunService } from './payment-run.service';

@ObjectType({ description: 'A bank file attached to a document: the SEPA pain.001 file of a payment batch.' })
export class BankFile {
  @Field(() => UUIDScalar, { description: 'ID of the attachment.' })
  declare id: string;
  @Field(() => UUIDScalar, { description: 'Document the file is attached to.' })
  declare documentID: string;
  @Field(() => String)
  declare fileName: string;
  @Field(() => String)
  declare mediaType: string;
  @Field(() => Int, { description: 'Size in bytes.' })
  declare size: number;
  @Field(() => String, { description: 'The file, base64-encoded.' })
  declare content: string;
  @Field(() => String, { description: 'Path of the same file over HTTP (GET, same credentials).' })
  declare downloadPath: string;
}

const DOCS = {
  processPayments:
    'Process payments into a batch with a SEPA pain.001 file attached to a new document (scope payments:process). All or nothing.',
  file: 'The bank file of the batch (scope payments:process); also at GET /batches/{id}/file.',
};

/** The payment run (scope payments:process) and its bank file. Thin over PaymentRunService. */
@Resolver(() => PaymentBatch)
export class PaymentRunResolver {
  @Mutation(() => PaymentBatch, { description: DOCS.processPayments })
  @RequiresScope('payments:process')
  processPayments(
    @Arg('input', () => ProcessPaymentsInput) input: ProcessPaymentsInput,
    @IdempotencyKeyArg() idempotent: Idempotent,
    @Ctx() ctx: RequestContext,
  ) {
    return idempotent(input, (tx) => new PaymentRunService(tx, ctx.principal, undefined, ctx.runtime.hooks).process(input));
  }

  @FieldResolver(() => BankFile, { nullable: true, description: DOCS.file })
  @RequiresScope(BANK_FILE_SCOPE)
  async file(@Root() batch: PaymentBatch, @Ctx() ctx: RequestContext): Promise<BankFile> {
    const f = await batchFile(ctx, batch.id);
    const bytes = Buffer.from(f.attachment);
    const { id, documentID, fileName, mediaType } = f;
    return { id, documentID, fileName, mediaType, size: bytes.length, content: bytes.toString('base64'), downloadPath: downloadPath(f) };
  }
}
