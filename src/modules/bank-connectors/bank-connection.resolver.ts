import { Arg, Int, Query, Resolver } from 'type-graphql';
import type { DivisionScope } from '../../access/division-scope';
import { RequiresScope } from '../../graphql/access';
import { DivisionsArg } from '../../graphql/divisions-arg';
import { UUIDScalar } from '../../graphql/scalars';
import { BankConnectorRule, connectorError } from './bank-connector.errors';
import { BankConnectionRunView, BankConnectionView } from './bank-connection.types';
import { BankConnectionStore } from './connection-store';
import { connectionViews } from './connection-views';

/** Most runs one bankConnectionRuns answers. */
const MAX_RUNS = 200;

const DOCS = {
  connections:
    'The bank connections of the divisions (scope admin): Ponto and CodaBox, each with its accounts, the balance the bank ' +
    'reported, the pending transactions and the latest run. Secrets are never part of the answer.',
  runs: `Runs of the divisions' bank connections, newest first (scope admin), of one connection when given; at most ${MAX_RUNS}.`,
};

/**
 * Bank connections and their runs for admins. Thin over BankConnectionStore (read only: pulls run
 * in the server's schedule, on webhooks and from the command line).
 */
@Resolver()
export class BankConnectionResolver {
  @Query(() => [BankConnectionView], { description: DOCS.connections })
  @RequiresScope('admin')
  async bankConnections(@DivisionsArg() scope: DivisionScope): Promise<BankConnectionView[]> {
    const store = new BankConnectionStore(scope, null);
    return connectionViews(store, await store.list());
  }

  @Query(() => [BankConnectionRunView], { description: DOCS.runs })
  @RequiresScope('admin')
  async bankConnectionRuns(
    @Arg('connectionID', () => UUIDScalar, { nullable: true }) connectionID: string | null,
    @Arg('first', () => Int, { nullable: true, description: `Default 50, at most ${MAX_RUNS}.` }) first: number | null,
    @Arg('kind', () => String, { nullable: true, description: 'Only runs of this kind: CONNECT, PULL or PUSH.' }) kind: string | null,
    @DivisionsArg() scope: DivisionScope,
  ): Promise<BankConnectionRunView[]> {
    const limit = first ?? 50;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_RUNS) {
      throw connectorError(BankConnectorRule.INVALID_VALUE, 'first', `must be a whole number from 1 to ${MAX_RUNS}`);
    }
    if (kind != null && kind !== 'CONNECT' && kind !== 'PULL' && kind !== 'PUSH') {
      throw connectorError(BankConnectorRule.INVALID_VALUE, 'kind', 'is CONNECT, PULL or PUSH');
    }
    const store = new BankConnectionStore(scope, null);
    if (connectionID) await store.get(connectionID, 'connectionID');
    return store.runs(connectionID ?? null, limit, kind ?? undefined);
  }
}
