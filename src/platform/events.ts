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
  /**
   * The automatic reconciliation of imported statements finished: lines looked at, lines that got
   * proposals, lines matched automatically, lines another action beat; `error` when it failed.
   */
  linesReconciled: [
    {
      entries: ReadonlyArray<{ divisionCode: number; entryID: string }>;
      lines: number;
      proposed: number;
      applied: number;
      conflicts: number;
      error?: unknown;
    },
  ];
}

/** Where an export's rows came from. */
export type ExportSource = 'sql' | 'graphql' | 'list';

export class GatewayEvents extends EventEmitter<GatewayEventMap> {
  constructor() {
    super();
    // Every open export stream and test listener may listen at once.
    this.setMaxListeners(100);
  }
}
