import { UUIDScalar } from '../../graphql/scalars';
import { Arg, Ctx, Field, FieldResolver, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { requireScope } from '../../context/require-scope';
import type { RequestContext } from '../../context/request-context';
import { IDEMPOTENCY_KEY_DOC, idempotent } from '../idempotency/idempotency.service';
import { batchFile, downloadPath } from './bank-file.service';
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


/** The payment run (scope payments:process) and its bank file. Thin over PaymentRunService. */
@Resolver(() => PaymentBatch)
export class PaymentRunResolver {
  @Mutation(() => PaymentBatch, {
    description: 'Process payments into a batch with a SEPA pain.001 file attached to a new document (scope payments:process). All or nothing.',
  })
  processPayments(
    @Arg('input', () => ProcessPaymentsInput) input: ProcessPaymentsInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC }) key: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    requireScope(ctx, 'payments:process');
    return idempotent(ctx.scope, ctx.principal, key, 'processPayments', input, (tx) => new PaymentRunService(tx, ctx.principal, undefined, ctx.runtime.hooks).process(input));
  }

  @FieldResolver(() => BankFile, { nullable: true, description: 'The bank file of the batch (scope payments:process); also at GET /batches/{id}/file.' })
  async file(@Root() batch: PaymentBatch, @Ctx() ctx: RequestContext): Promise<BankFile> {
    const f = await batchFile(ctx, batch.id);
    const bytes = Buffer.from(f.attachment);
    return { id: f.id, documentID: f.documentID, fileName: f.fileName, mediaType: f.mediaType, size: bytes.length, content: bytes.toString('base64'), downloadPath: downloadPath(f) };
  }
}
