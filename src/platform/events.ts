import { AsyncLocalStorage } from 'node:async_hooks';
import { EventEmitter } from 'node:events';

/**
 * What happens inside one gateway, for progress reporting, metrics and tests: a typed event
 * emitter owned by the gateway's runtime (never a module-level singleton), so two gateways in one
 * process (tests, the benchmark) never hear each other.
 */
export interface GatewayEventMap {
  /** An export began streaming. */
  exportStarted: [{ source: ExportSource }];
  /** An export streamed its last row; `rows` counts data rows (no header). */
  exportFinished: [{ source: ExportSource; rows: number }];
  /** An export stopped early (client gone, statement error, timeout) after `rows` rows. */
  exportFailed: [{ source: ExportSource; rows: number; error: unknown }];
  /**
   * Bank statements were imported and committed: the new bank entries (EntryID) per division.
   * Reconciliation listens to match their lines; bank connectors to confirm what they fed.
   */
  statementsImported: [{ entries: ReadonlyArray<{ divisionCode: number; entryID: string }> }];
}

/** Where an export's rows came from. */
export type ExportSource = 'sql' | 'graphql' | 'list';

/** Events emitted while `heldEvents` runs: sent when it releases them, dropped otherwise. */
const held = new AsyncLocalStorage<(() => void)[]>();

export class GatewayEvents extends EventEmitter<GatewayEventMap> {
  constructor() {
    super();
    // Every open export stream and test listener may listen at once.
    this.setMaxListeners(100);
  }

  /** Emits now, or, inside `heldEvents`, when the held events are released (see there). */
  override emit<K extends keyof GatewayEventMap>(name: K, ...args: GatewayEventMap[K]): boolean {
    const queue = held.getStore();
    if (!queue) return (super.emit as (n: K, ...a: GatewayEventMap[K]) => boolean)(name, ...args);
    // Released through emit again: an outer heldEvents (if any) holds them in turn.
    queue.push(() => this.emit(name, ...args));
    return this.listenerCount(name) > 0;
  }
}

/**
 * Runs `work` holding back every event it emits (on any GatewayEvents): a transaction's work
 * announces what it wrote, but that is true only once the transaction commits. Resolves to the
 * result and `release`, which sends the held events in their order (call it after the commit);
 * when the work fails, or the caller rolls back and never calls `release`, they are dropped.
 * A service that emits after its own transaction commits needs nothing of this: when its
 * transaction joins a larger one (a GraphQL mutation operation's), its events wait for that one.
 */
export async function heldEvents<R>(work: () => Promise<R>): Promise<{ result: R; release: () => void }> {
  const queue: (() => void)[] = [];
  const result = await held.run(queue, work);
  return { result, release: () => queue.splice(0).forEach((send) => send()) };
}
