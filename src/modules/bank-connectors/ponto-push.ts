import { randomUUID } from 'node:crypto';
import { In, IsNull } from 'typeorm';
import { v5 as uuidv5 } from 'uuid';
import { Dec } from '../../platform/decimal';
import { PaymentBatch } from '../batches/payment-batch.entity';
import { DocumentAttachment } from '../documents/document-attachment.entity';
import { accountKey } from '../financial-accounts/statement.input';
import { BankConnectorRule, connectorError } from './bank-connector.errors';
import { BankConnection, BankConnectionAccount, BankConnectionRun, BankPaymentOrder, BankPaymentOrderKind } from './bank-connection.entity';
import { failureOf } from './bank-sync';
import { checkPontoCertificate, required } from './connector-config';
import { BankConnectionStore } from './connection-store';
import { ConnectorContext, storeOf } from './connector-context';
import { Pain001Content, pain001Content, PONTO_END_TO_END_MAX, PONTO_REMITTANCE_MAX, PontoPayment } from './pain001-content';
import { JsonApiResource } from './ponto-client';
import { pontoClientOf } from './ponto-connector';

export { pain001Content, PONTO_END_TO_END_MAX, PONTO_REMITTANCE_MAX } from './pain001-content';
export type { Pain001Content, PontoPayment } from './pain001-content';

/** What a push asks: the connection, the processed batch, where Ponto sends the user after signing, bulk or single payments. */
export interface PushRequest {
  connectionID: string;
  batchID: string;
  /** Default PONTO_REDIRECT_URI. */
  redirectUri?: string | null;
  /** Default: SINGLE for a batch of one payment, else BULK. */
  mode?: BankPaymentOrderKind | null;
}

/** What a push did: its run (PUSH, with who, when, the batch, and the error when it failed) and the payments Ponto made. */
export interface PushOutcome {
  run: BankConnectionRun;
  orders: BankPaymentOrder[];
  /** The failure, when the run failed (the run holds its rule and message too). */
  error: unknown;
}

/** Ponto's statuses after which a payment or bulk payment does not change any more (Ponto Connect, "Payment" and "Bulk Payment"). */
export const FINAL_PAYMENT_STATUSES = new Set([
  'accepted-by-financial-institution',
  'partially-accepted-by-financial-institution',
  'rejected-by-financial-institution',
  'cancelled',
  'failed',
  'expired',
]);

/** Statuses after which the batch may be sent again (nothing was or will be paid). */
const NOT_PAID = new Set(['rejected-by-financial-institution', 'cancelled', 'failed', 'expired']);

/** How long a push holds its batch's lease (bank-push:<batch id>), so that one batch is never sent twice at once. */
const PUSH_LEASE_MS = 2 * 60_000;

/** A batch checked for sending: everything read and decided before anything is written or sent. */
interface CheckedPush {
  bankConnection: BankConnection;
  batch: PaymentBatch;
  content: Pain001Content;
  account: BankConnectionAccount;
  redirectUri: string;
  mode: BankPaymentOrderKind;
}

/**
 * Checks a push before anything is written or sent, each failure naming its field: the connection
 * (NOT_FOUND; INVALID_VALUE when it is not Ponto's; CONSENT_EXPIRED when it waits for consent or lost
 * it), the batch (NOT_FOUND in the connection's division; BATCH_NOT_PROCESSED without its pain.001
 * file; ALREADY_SENT when a payment made for it is not rejected or cancelled), its payments (the
 * end-to-end id at most 35 characters, the remittance at most 140: INVALID_VALUE), its debtor
 * account (ACCOUNT_NOT_MAPPED unless an account of the connection mapped to an own bank account),
 * the redirect URI (REQUIRED, INVALID_VALUE) and the client certificate (CERTIFICATE_REFUSED).
 */
export async function checkPush(ctx: ConnectorContext, request: PushRequest): Promise<CheckedPush> {
  const store = storeOf(ctx);
  const connection = await store.get(request.connectionID, 'connectionID');
  if (connection.provider !== 'ponto')
    throw connectorError(BankConnectorRule.INVALID_VALUE, 'connectionID', 'is a CodaBox connection: payments go through Ponto');
  if (connection.status !== 'ACTIVE') {
    throw connectorError(
      BankConnectorRule.CONSENT_EXPIRED,
      'connectionID',
      `the connection is ${connection.status}: connect again (npm run banks -- connect ponto) before sending payments`,
    );
  }
  // In a transaction (a GraphQL mutation) the batch stays locked until it commits: a second push of
  // the batch waits here, then finds the first one's payments (assertNotSent inside the lease).
  const batchQuery = ctx.scope
    .select(PaymentBatch, 'b')
    .where('b.id = :id AND b.divisionCode = :division', { id: request.batchID, division: connection.divisionCode });
  const batch = await (ctx.scope.inTransaction ? ctx.scope.forUpdate(batchQuery) : batchQuery).getOne();
  if (!batch) {
    throw connectorError(BankConnectorRule.NOT_FOUND, 'batchID', `no payment batch ${request.batchID} in the division of the connection`);
  }
  const file = batch.documentID
    ? await ctx.scope
        .select(DocumentAttachment, 'a')
        .where('a.documentID = :document AND a.divisionCode = :division', { document: batch.documentID, division: batch.divisionCode })
        .orderBy('a.created', 'ASC')
        .getOne()
    : null;
  if (!file) {
    throw connectorError(
      BankConnectorRule.BATCH_NOT_PROCESSED,
      'batchID',
      'the batch has no payment file: process it first (processPayments)',
    );
  }
  const content = pain001Content(Buffer.from(file.attachment).toString('utf8'));
  checkLimits(content.payments);
  const account = (await store.accounts(connection)).find((a) => a.reference === accountKey(content.debtorIban) && a.bankAccountID);
  if (!account) {
    throw connectorError(
      BankConnectorRule.ACCOUNT_NOT_MAPPED,
      'batchID',
      `the batch pays from ${content.debtorIban}, which is no account of this Ponto connection mapped to an own bank account`,
    );
  }
  await assertNotSent(store, batch.id);
  const redirectUri = request.redirectUri?.trim() || required(ctx.config.ponto.redirectUri, 'PONTO_REDIRECT_URI');
  if (!/^https?:\/\/[^\s]+$/.test(redirectUri))
    throw connectorError(BankConnectorRule.INVALID_VALUE, 'redirectUri', 'is not an http(s) URL');
  checkPontoCertificate(ctx.config, (ctx.now ?? (() => new Date()))().getTime());
  const mode = request.mode ?? (content.payments.length === 1 ? 'SINGLE' : 'BULK');
  return { bankConnection: connection, batch, content, account, redirectUri, mode };
}

/**
 * ALREADY_SENT (field batchID) when a payment made for the batch is not rejected or cancelled.
 * Inside a transaction the orders are read locked (the newest committed, on MariaDB), so a push
 * that waited for another's commit sees what that one sent.
 */
async function assertNotSent(store: BankConnectionStore, batchID: string): Promise<void> {
  const sent = (await ordersOf(store, { batchIDs: [batchID] }, undefined, store.scope.inTransaction)).find((o) => !NOT_PAID.has(o.status));
  if (sent) {
    throw connectorError(
      BankConnectorRule.ALREADY_SENT,
      'batchID',
      `the batch was sent to Ponto on ${sent.created.toISOString()} (${sent.kind.toLowerCase()} payment ${sent.remoteID}, ` +
        `status ${sent.status}): follow that one, or cancel it in Ponto before sending again`,
    );
  }
}

/** Ponto's limits on a payment's texts (Ponto Connect API, "Create Payment"): INVALID_VALUE naming the payment's field. */
function checkLimits(payments: PontoPayment[]): void {
  for (const [i, p] of payments.entries()) {
    if ([...p.endToEndId].length > PONTO_END_TO_END_MAX) {
      throw connectorError(
        BankConnectorRule.INVALID_VALUE,
        `payments[${i}].endToEndId`,
        `is longer than ${PONTO_END_TO_END_MAX} characters`,
      );
    }
    if (p.remittanceInformation && [...p.remittanceInformation].length > PONTO_REMITTANCE_MAX) {
      throw connectorError(
        BankConnectorRule.INVALID_VALUE,
        `payments[${i}].remittanceInformation`,
        `is longer than ${PONTO_REMITTANCE_MAX} characters`,
      );
    }
  }
}

/** A transfer as Ponto's payment attributes (amount as a JSON number: Ponto's type; its text has at most 2 decimals). */
function paymentAttributes(p: PontoPayment) {
  return {
    endToEndId: p.endToEndId,
    amount: Number(p.amount),
    currency: p.currency,
    creditorName: p.creditorName,
    creditorAccountReference: p.creditorAccountReference,
    creditorAccountReferenceType: 'IBAN',
    ...(p.creditorAgent ? { creditorAgent: p.creditorAgent, creditorAgentType: 'BIC' } : {}),
    remittanceInformation: p.remittanceInformation ?? undefined,
    remittanceInformationType: p.remittanceInformationType,
  };
}

type PaymentResource = { data: JsonApiResource<{ status: string }> };

/**
 * Sends a processed payment batch through Ponto (checkPush first: nothing is written or sent when a
 * check fails): the payments are those of the batch's pain.001 file, read back from the file, with
 * the same end-to-end ids, amounts, creditors and remittance. BULK: one bulk payment
 * (`POST /accounts/{id}/bulk-payments`); SINGLE: one payment per transfer (`POST /accounts/{id}/payments`).
 * Each payment Ponto made is recorded at once (BankPaymentOrders: Ponto's id, status, the link where
 * the user signs), under a PUSH run that records who sent which batch and when. Holds the lease
 * `bank-push:<batch id>` (BUSY while another push of the batch runs). A failure after the checks
 * finishes the run as FAILED with its rule and is returned with the payments made before it.
 */
export async function pushBatchToPonto(ctx: ConnectorContext, request: PushRequest): Promise<PushOutcome> {
  const checked = await checkPush(ctx, request);
  const connection = checked.bankConnection;
  const { batch, content, account, redirectUri, mode } = checked;
  const store = storeOf(ctx, ctx.scope.narrow([connection.divisionCode]));
  const now = ctx.now ?? (() => new Date());
  const outcome = await ctx.scope.withLease(`bank-push:${batch.id}`, { ttlMs: PUSH_LEASE_MS }, async () => {
    // Again under the lease, reading the newest committed orders: a push that passed checkPush while
    // another was sending must not send the batch a second time.
    await assertNotSent(store, batch.id);
    const run = await store.startRun(connection, 'PUSH', ctx.startedBy ?? ctx.principal.name, batch.id);
    const orders: BankPaymentOrder[] = [];
    const record = async (kind: BankPaymentOrderKind, made: PaymentResource, payments: PontoPayment[]) => {
      ctx.effects?.push(`Ponto ${kind.toLowerCase()} payment ${made.data.id} created`);
      const order = Object.assign(new BankPaymentOrder(), {
        id: randomUUID(),
        divisionCode: connection.divisionCode,
        connectionID: connection.id,
        runID: run.id,
        batchID: batch.id,
        remoteAccountID: account.remoteID,
        remoteID: made.data.id,
        kind,
        endToEndID: kind === 'SINGLE' ? payments[0].endToEndId : null,
        amount: payments.reduce((s, p) => s.plus(p.amount), new Dec(0)).toFixed(2),
        paymentCount: payments.length,
        status: made.data.attributes.status,
        redirectLink: made.data.links?.redirect ?? null,
        created: now(),
        checked: now(),
        finished: FINAL_PAYMENT_STATUSES.has(made.data.attributes.status) ? now() : null,
      });
      await store.scope.internal.insert(BankPaymentOrder, order);
      orders.push(order);
    };
    try {
      const client = pontoClientOf({ ...ctx, scope: store.scope }, store, connection);
      const path = `/accounts/${account.remoteID}`;
      const execution = content.requestedExecutionDate ?? undefined;
      if (mode === 'BULK') {
        const attributes = {
          reference: batch.cashflowTransactionBatchCode,
          redirectUri,
          requestedExecutionDate: execution,
          batchBookingPreferred: batch.batchBooking,
          payments: content.payments.map(paymentAttributes),
        };
        const made = await client.post<PaymentResource>(
          `${path}/bulk-payments`,
          { data: { type: 'bulkPayment', attributes } },
          { idempotencyKey: paymentKey(connection, batch, 'bulk') },
        );
        await record('BULK', made, [...content.payments]);
      } else {
        for (const [i, p] of content.payments.entries()) {
          const attributes = { ...paymentAttributes(p), redirectUri, requestedExecutionDate: execution };
          const made = await client.post<PaymentResource>(
            `${path}/payments`,
            { data: { type: 'payment', attributes } },
            { idempotencyKey: paymentKey(connection, batch, i) },
          );
          await record('SINGLE', made, [p]);
        }
      }
      const done = await store.finishRun(run, { ...runCounts(orders) }, null);
      ctx.logger?.info(
        { connection: connection.id, batch: batch.id, payments: orders.map((o) => o.remoteID) },
        'payment batch sent to Ponto',
      );
      return { run: done, orders, error: null };
    } catch (error) {
      const failure = failureOf(error);
      ctx.logger?.warn({ connection: connection.id, batch: batch.id, errorCode: failure.code }, `push to Ponto failed: ${failure.message}`);
      return { run: await store.finishRun(run, runCounts(orders), failure), orders, error };
    }
  });
  if (!outcome.ran) throw connectorError(BankConnectorRule.BUSY, 'batchID', `batch ${batch.id} is being sent by another process right now`);
  return outcome.value;
}

/** The namespace of the payment keys below (UUIDv5, RFC 9562 §5.5): this gateway's own. */
const PAYMENT_KEYS = 'b6f3c1e2-4a7d-5e8f-9a0b-1c2d3e4f5a6b';

/**
 * The idempotency key of a payment Ponto makes for a batch (the bulk payment, or the transfer at
 * `index` of the batch's pain.001 file, which does not change once the batch is processed): the
 * same for every push of the batch through the connection, so a push sent again after an answer
 * was lost (a broken connection after Ponto made the payment, so nothing was recorded here) gets
 * the payment made the first time instead of a second one.
 */
function paymentKey(connection: BankConnection, batch: PaymentBatch, index: number | 'bulk'): string {
  return uuidv5(`ponto-payment/${connection.id}/${batch.id}/${index}`, PAYMENT_KEYS);
}

/** A push's counts on its run: transactions = the transfers Ponto took. */
function runCounts(orders: BankPaymentOrder[]) {
  return {
    files: 0,
    transactions: orders.reduce((n, o) => n + o.paymentCount, 0),
    statementsCreated: 0,
    statementsAlreadyImported: 0,
    pendingTransactions: 0,
    linesReconciled: 0,
    linesMatched: 0,
  };
}

/** Payment orders of the store's divisions: of given batches or connections, only unfinished ones when asked; newest first. */
export function ordersOf(
  store: BankConnectionStore,
  filter: { batchIDs?: string[]; connectionID?: string | null; open?: boolean },
  limit?: number,
  forUpdate = false,
): Promise<BankPaymentOrder[]> {
  return store.scope.internal.list(
    BankPaymentOrder,
    {
      divisionCode: In([...store.scope.divisions]),
      ...(filter.batchIDs ? { batchID: In(filter.batchIDs) } : {}),
      ...(filter.connectionID ? { connectionID: filter.connectionID } : {}),
      ...(filter.open ? { finished: IsNull() } : {}),
    },
    { created: 'DESC', id: 'DESC' },
    limit,
    forUpdate,
  );
}
