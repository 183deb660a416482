import { Arg, Ctx, Field, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { DivisionScope } from '../../access/division-scope';
import type { RequestContext } from '../../context/request-context';
import { RequiresScope } from '../../graphql/access';
import { DivisionsArg } from '../../graphql/divisions-arg';
import { UUIDScalar } from '../../graphql/scalars';
import { BankConnectorRule, connectorError } from './bank-connector.errors';
import { BankConnectionRunView, BankPaymentOrderView, BankPaymentPushView } from './bank-connection.types';
import { pullNow, pushNow } from './bank-connector-actions';
import { bankConnectorConfigOf } from './connector-config';
import { ConnectorContext, storeOf } from './connector-context';
import { followPayments } from './payment-follow';
import { ordersOf } from './ponto-push';

/** Most payments one bankPaymentOrders answers. */
const MAX_ORDERS = 200;

const DOCS = {
  pull:
    'Pulls a bank connection now (scope admin), or with bankAccountID only the Ponto account mapped to that own bank account: ' +
    'the transactions are imported and reconciled as an uploaded file is, and the run is answered. Refused with nothing written ' +
    'when the connection needs consent (CONSENT_EXPIRED), the certificate is not valid (CERTIFICATE_REFUSED) or the account is ' +
    'not mapped (ACCOUNT_NOT_MAPPED); a failure at the bank is an error with its rule, unless the bank changed something a ' +
    'rollback cannot undo (docs/bank-connectors.md): then the FAILED run is kept and answered.',
  push:
    'Sends a processed payment batch through Ponto (scope admin): one bulk payment, or single payments (a batch of one, or mode SINGLE), ' +
    "with the payments of the batch's pain.001 file. Answers the PUSH run and the payments with the link where the user signs. " +
    'Refused with nothing written: BATCH_NOT_PROCESSED, ALREADY_SENT, ACCOUNT_NOT_MAPPED, CONSENT_EXPIRED, CERTIFICATE_REFUSED.',
  follow:
    'Asks Ponto now for the status of the payments sent that are not final yet, of a connection or a batch (scope admin); the ' +
    'schedule does the same on every tick. Answers those payments as recorded now.',
  orders: `Payments sent to Ponto for payment batches, newest first (scope admin), of a connection or a batch; at most ${MAX_ORDERS}.`,
};

@InputType({ description: 'A processed payment batch to send through Ponto.' })
export class PushPaymentBatchInput {
  @Field(() => UUIDScalar, { description: "The Ponto connection (of the batch's division)." })
  declare connectionID: string;

  @Field(() => UUIDScalar, { description: 'The processed payment batch (it has its pain.001 file).' })
  declare batchID: string;

  @Field(() => String, { nullable: true, description: 'Where Ponto sends the user after signing; default PONTO_REDIRECT_URI.' })
  declare redirectUri?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'BULK (one bulk payment) or SINGLE (one payment per transfer); default SINGLE for one payment, else BULK.',
  })
  declare mode?: string | null;
}

/** A connector context of the request: its scope narrowed by `divisions` (in the mutation's transaction), principal, events, logger. */
function contextOf(ctx: RequestContext, scope: DivisionScope): ConnectorContext {
  return {
    scope,
    principal: ctx.principal,
    config: bankConnectorConfigOf(ctx.runtime),
    events: ctx.runtime.events,
    logger: ctx.log,
  };
}

/** The admins' connector operations (thin over bank-connector-actions.ts and payment-follow.ts). */
@Resolver()
export class BankConnectorActionsResolver {
  @Mutation(() => BankConnectionRunView, { description: DOCS.pull })
  @RequiresScope('admin')
  pullBankConnection(
    @Arg('connectionID', () => UUIDScalar) connectionID: string,
    @Arg('bankAccountID', () => UUIDScalar, { nullable: true }) bankAccountID: string | null,
    @DivisionsArg() scope: DivisionScope,
    @Ctx() ctx: RequestContext,
  ): Promise<BankConnectionRunView> {
    return pullNow(contextOf(ctx, scope), connectionID, { bankAccountID });
  }

  @Mutation(() => BankPaymentPushView, { description: DOCS.push })
  @RequiresScope('admin')
  async pushPaymentBatchToPonto(
    @Arg('input', () => PushPaymentBatchInput) input: PushPaymentBatchInput,
    @DivisionsArg() scope: DivisionScope,
    @Ctx() ctx: RequestContext,
  ): Promise<BankPaymentPushView> {
    const mode = input.mode ?? null;
    if (mode !== null && mode !== 'BULK' && mode !== 'SINGLE')
      throw connectorError(BankConnectorRule.INVALID_VALUE, 'mode', 'is BULK or SINGLE');
    const outcome = await pushNow(contextOf(ctx, scope), { ...input, mode });
    return { run: outcome.run, payments: outcome.orders };
  }

  @Mutation(() => [BankPaymentOrderView], { description: DOCS.follow })
  @RequiresScope('admin')
  followBankPayments(
    @Arg('connectionID', () => UUIDScalar, { nullable: true }) connectionID: string | null,
    @Arg('batchID', () => UUIDScalar, { nullable: true }) batchID: string | null,
    @DivisionsArg() scope: DivisionScope,
    @Ctx() ctx: RequestContext,
  ): Promise<BankPaymentOrderView[]> {
    return followPayments(contextOf(ctx, scope), { connectionID, batchID });
  }

  @Query(() => [BankPaymentOrderView], { description: DOCS.orders })
  @RequiresScope('admin')
  async bankPaymentOrders(
    @Arg('connectionID', () => UUIDScalar, { nullable: true }) connectionID: string | null,
    @Arg('batchID', () => UUIDScalar, { nullable: true }) batchID: string | null,
    @Arg('first', () => Int, { nullable: true, description: `Default 50, at most ${MAX_ORDERS}.` }) first: number | null,
    @DivisionsArg() scope: DivisionScope,
    @Ctx() ctx: RequestContext,
  ): Promise<BankPaymentOrderView[]> {
    const limit = first ?? 50;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_ORDERS) {
      throw connectorError(BankConnectorRule.INVALID_VALUE, 'first', `must be a whole number from 1 to ${MAX_ORDERS}`);
    }
    const store = storeOf(contextOf(ctx, scope));
    if (connectionID) await store.get(connectionID, 'connectionID');
    return ordersOf(store, { connectionID, batchIDs: batchID ? [batchID] : undefined }, limit);
  }
}
