import { BankConnectorRule, connectorError } from './bank-connector.errors';
import { BankPaymentOrder } from './bank-connection.entity';
import { ConnectorContext, storeOf } from './connector-context';
import { JsonApiResource } from './ponto-client';
import { pontoClientOf } from './ponto-connector';
import { FINAL_PAYMENT_STATUSES, ordersOf } from './ponto-push';

/** Which payments to follow: of a connection, of a batch, or every one of the caller's divisions. */
export interface FollowFilter {
  connectionID?: string | null;
  batchID?: string | null;
}

/**
 * Follows the payments sent to Ponto that are not final yet: asks Ponto for each one's status
 * (`GET /accounts/{id}/bulk-payments/{id}` or `GET /accounts/{id}/payments/{id}`) and records it,
 * with the time asked and, once the status is final (accepted, rejected, cancelled, failed, expired:
 * FINAL_PAYMENT_STATUSES), the time it became so; final ones are not asked again. The server's
 * schedule does it on every tick; admins on demand (followBankPayments, `npm run banks -- follow`).
 * NOT_FOUND naming connectionID or batchID when given and not of the caller's divisions. A refusal
 * of Ponto (CONSENT_EXPIRED, CERTIFICATE_REFUSED, ...) is thrown with its rule; the statuses
 * recorded before it stay. Returns the payments followed, as recorded now.
 */
export async function followPayments(ctx: ConnectorContext, filter: FollowFilter = {}): Promise<BankPaymentOrder[]> {
  const store = storeOf(ctx);
  if (filter.connectionID) await store.get(filter.connectionID, 'connectionID');
  const batchIDs = filter.batchID ? [filter.batchID] : undefined;
  if (filter.batchID && !(await ordersOf(store, { batchIDs }, 1)).length) {
    throw connectorError(BankConnectorRule.NOT_FOUND, 'batchID', `batch ${filter.batchID} was not sent to Ponto in your divisions`);
  }
  const open = await ordersOf(store, { batchIDs, connectionID: filter.connectionID, open: true });
  const now = ctx.now ?? (() => new Date());
  const byConnection = new Map<string, BankPaymentOrder[]>();
  for (const o of open) byConnection.set(o.connectionID, [...(byConnection.get(o.connectionID) ?? []), o]);
  for (const [connectionID, orders] of byConnection) {
    const connection = await store.get(connectionID, 'connectionID');
    const inner = storeOf(ctx, ctx.scope.narrow([connection.divisionCode]));
    const client = pontoClientOf(ctx, inner, connection);
    for (const order of orders) {
      const kind = order.kind === 'BULK' ? 'bulk-payments' : 'payments';
      const answer = await client.get<{ data: JsonApiResource<{ status: string }> }>(
        `/accounts/${order.remoteAccountID}/${kind}/${order.remoteID}`,
      );
      const status = answer.data.attributes.status;
      const patch = { status, checked: now(), finished: FINAL_PAYMENT_STATUSES.has(status) ? now() : null };
      await inner.scope.internal.update(BankPaymentOrder, { id: order.id }, patch);
      Object.assign(order, patch);
      if (patch.finished)
        ctx.logger?.info({ connection: connectionID, batch: order.batchID, payment: order.remoteID, status }, 'Ponto payment final');
    }
  }
  return open;
}
