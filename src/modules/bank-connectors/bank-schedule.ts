import { grantedDivisions, LOCAL_PRINCIPAL } from '../../access/authenticate';
import { DivisionScope } from '../../access/division-scope';
import { Database } from '../../db/data-source';
import type { Runtime } from '../../platform/runtime';
import { BankConnectionRun } from './bank-connection.entity';
import { pullConnection } from './bank-sync';
import { followPayments } from './payment-follow';
import { BankConnectorConfig } from './connector-config';
import { ConnectorContext, storeOf } from './connector-context';

/** A context of the local administrator (all divisions) for the server's own pulls, its runs recorded as started by `startedBy`. */
export async function serverContext(
  db: Database,
  runtime: Runtime,
  config: BankConnectorConfig,
  startedBy = 'schedule',
): Promise<ConnectorContext> {
  return {
    scope: new DivisionScope(db, await grantedDivisions(LOCAL_PRINCIPAL, db)),
    principal: LOCAL_PRINCIPAL,
    config,
    events: runtime.events,
    logger: runtime.logger,
    startedBy,
  };
}

/**
 * The server's schedule of pulls: every BANK_SYNC_INTERVAL_MINUTES each ACTIVE connection is
 * pulled, one after the other (what it stores is reconciled by the pull itself, bank-sync.ts), and
 * the status of the payments sent through each Ponto connection that are not final is asked
 * (payment-follow.ts). Every gateway instance runs a schedule; the lease of each
 * connection (bank-pull:<id>) lets exactly one of them pull it at a time, the others skip it
 * (BUSY). A failure is recorded on the run and logged; the schedule goes on.
 */
export class BankSchedule {
  #timer?: NodeJS.Timeout;
  #running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly runtime: Runtime,
    private readonly config: BankConnectorConfig,
  ) {}

  /** Starts the timer (nothing when the interval is 0). */
  start(): void {
    if (!this.config.syncIntervalMinutes || this.#timer) return;
    this.#timer = setInterval(() => void this.tick(), this.config.syncIntervalMinutes * 60_000);
    this.#timer.unref();
  }

  /** Pulls every active connection once now; the runs made (connections another process held are left out). */
  tick(): Promise<BankConnectionRun[]> {
    const work = this.#running.then(async () => {
      const ctx = await serverContext(this.db, this.runtime, this.config);
      const runs: BankConnectionRun[] = [];
      for (const connection of await storeOf(ctx).list()) {
        if (connection.status !== 'ACTIVE') continue;
        try {
          runs.push(await pullConnection(ctx, connection.id));
        } catch (error) {
          this.runtime.logger.warn({ connection: connection.id }, `scheduled bank pull skipped: ${(error as Error).message}`);
        }
        if (connection.provider !== 'ponto') continue;
        try {
          await followPayments(ctx, { connectionID: connection.id });
        } catch (error) {
          this.runtime.logger.warn({ connection: connection.id }, `following Ponto payments failed: ${(error as Error).message}`);
        }
      }
      return runs;
    });
    this.#running = work.catch(() => undefined);
    return work;
  }

  /** Stops the timer and waits for a pull under way. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }
}
