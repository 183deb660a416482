import { BankConnection, BankRemoteTransaction } from './bank-connection.entity';
import { BankConnectionView } from './bank-connection.types';
import { BankConnectionStore } from './connection-store';

/**
 * Connections as admins see them (bankConnections, `npm run banks -- list`): the stored columns
 * without the sealed secrets or settings, each account with its pending transactions, and the
 * latest run.
 */
export async function connectionViews(store: BankConnectionStore, connections: BankConnection[]): Promise<BankConnectionView[]> {
  const out: BankConnectionView[] = [];
  for (const c of connections) {
    const accounts = [];
    for (const a of await store.accounts(c)) {
      const pending = await store.scope.internal.list(
        BankRemoteTransaction,
        { divisionCode: c.divisionCode, connectionAccountID: a.id, status: 'PENDING' },
        { executionDate: 'ASC', remoteID: 'ASC' },
      );
      accounts.push({
        remoteID: a.remoteID,
        reference: a.reference,
        currency: a.currency,
        bankAccountID: a.bankAccountID,
        currentBalance: a.currentBalance,
        balanceDate: a.balanceDate,
        synchronizedAt: a.synchronizedAt,
        pendingTransactions: pending.map((p) => {
          const line = JSON.parse(p.line) as { description?: string | null; counterpartyName?: string | null };
          return {
            remoteID: p.remoteID,
            executionDate: p.executionDate,
            amount: p.amount,
            description: line.description ?? null,
            counterpartyName: line.counterpartyName ?? null,
          };
        }),
      });
    }
    const [lastRun] = await store.runs(c.id, 1);
    out.push({
      id: c.id,
      divisionCode: c.divisionCode,
      provider: c.provider,
      status: c.status,
      description: c.description,
      created: c.created,
      accounts,
      lastRun: lastRun ?? null,
    });
  }
  return out;
}
