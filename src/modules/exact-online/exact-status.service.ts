import type { DivisionScope } from '../../access/division-scope';
import { budgetName } from './exact-client';
import { ExactCallBudget } from './exact-call-budget.entity';
import { ExactConnection } from './exact-connection.entity';
import { ExactDivisionMap } from './exact-division-map.entity';
import { ExactSyncRun } from './exact-sync-run.entity';
import { ExactSyncState } from './exact-sync-state.entity';
import { ExactConnectionType, ExactEndpointType, ExactSyncRunType } from './exact.types';

/** Most runs `syncRuns` answers at once. */
export const MAX_SYNC_RUNS = 200;

/**
 * The admin views of the connector: connected divisions and their runs, only for the divisions of
 * the caller's scope. Built field by field from the bookkeeping rows, so no token (sealed or not)
 * can reach an answer.
 */
export class ExactStatus {
  constructor(private readonly scope: DivisionScope) {}

  async connections(now = Date.now()): Promise<ExactConnectionType[]> {
    const maps = (await this.scope.internal.list(ExactDivisionMap, {}, { division: 'ASC' })).filter((m) => this.scope.allows(m.division));
    const views: ExactConnectionType[] = [];
    for (const m of maps) {
      const c = await this.scope.internal.find(ExactConnection, { id: m.connectionID });
      const [last] = await this.scope.internal.list(ExactSyncRun, { division: m.division }, { started: 'DESC' }, 1);
      const budget = c ? await this.scope.internal.find(ExactCallBudget, { name: budgetName(c.baseUrl, m.exactDivision) }) : null;
      const states = await this.scope.internal.list(ExactSyncState, { division: m.division }, { endpoint: 'ASC' });
      const minuteOpen = budget && (budget.minutelyReset <= now || budget.minutelyRemaining > 0);
      const dayOpen = budget && (budget.dailyReset <= now || budget.dailyRemaining > 0);
      const next = !budget
        ? null
        : minuteOpen && dayOpen
          ? now
          : Math.max(dayOpen ? 0 : budget.dailyReset, minuteOpen ? 0 : budget.minutelyReset);
      views.push(
        Object.assign(new ExactConnectionType(), {
          division: m.division,
          exactDivision: m.exactDivision,
          state: c?.state ?? 'needs_consent',
          exactUserName: c?.exactUserName ?? null,
          lastError: c?.lastError ?? null,
          lastRun: last ? runView(last) : null,
          callsLeftThisMinute: budget ? (budget.minutelyReset <= now ? budget.minutelyLimit : budget.minutelyRemaining) : null,
          callsLeftToday: budget ? (budget.dailyReset <= now ? budget.dailyLimit : budget.dailyRemaining) : null,
          nextAllowedCall: next === null ? null : new Date(next),
          endpoints: states.map((s) =>
            Object.assign(new ExactEndpointType(), {
              endpoint: s.endpoint,
              highTimestamp: String(s.highTimestamp),
              failures: s.failures,
              blockedUntil: s.blockedUntil > now ? new Date(s.blockedUntil) : null,
              lastError: s.lastError,
            }),
          ),
        }),
      );
    }
    return views;
  }

  /** The latest `first` runs of the caller's divisions (or of `division`), newest first. */
  async runs(division: number | null, first: number): Promise<ExactSyncRunType[]> {
    const divisions = division === null ? [...this.scope.divisions] : this.scope.allows(division) ? [division] : [];
    const rows = await this.scope.internal.list(
      ExactSyncRun,
      divisions.map((d) => ({ division: d })),
      { started: 'DESC' },
      first,
    );
    return divisions.length ? rows.map(runView) : [];
  }
}

function runView(r: ExactSyncRun): ExactSyncRunType {
  return Object.assign(new ExactSyncRunType(), {
    ...r,
    full: r.full === 1,
    started: new Date(r.started),
    finished: r.finished === null ? null : new Date(r.finished),
  });
}
