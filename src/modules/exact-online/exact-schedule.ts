import type { Database } from '../../db/data-source';
import type { Logger } from '../../platform/logger';
import type { SecretBox } from '../../platform/secret-box';
import type { ExactConfig } from './exact-config';
import { ExactSync } from './exact-sync.service';

/** A running schedule: `stop` ends it and waits for the run in progress (aborted at its next call). */
export interface ExactSchedule {
  stop(): Promise<void>;
}

/**
 * The sync schedule inside the server (EXACT_SYNC_INTERVAL seconds): every interval, each
 * connected division is synced in turn. Every gateway instance runs the schedule; the division's
 * lease lets one instance sync it and the others record a skipped run, so a division is never
 * synced twice at once. A run's failure is in its record (syncRuns); the schedule goes on.
 */
export function startExactSchedule(db: Database, box: SecretBox, config: ExactConfig, log: Logger): ExactSchedule | null {
  if (config.syncIntervalSeconds <= 0) return null;
  const sync = new ExactSync(db, box, config, log);
  const stopping = new AbortController();
  let current: Promise<void> = Promise.resolve();
  const round = async () => {
    for (const division of await sync.connectedDivisions()) {
      if (stopping.signal.aborted) return;
      const run = await sync.syncDivision(division, { signal: stopping.signal });
      log.info({ division, state: run.state, rowsIn: run.rowsIn, calls: run.calls }, 'exact: scheduled sync');
    }
  };
  let busy = false;
  const timer = setInterval(() => {
    // A round longer than the interval is not queued behind: the next tick after it starts the next round.
    if (busy) return;
    busy = true;
    current = round()
      .catch((error: Error) => log.error({ error: error.message }, 'exact: scheduled sync failed'))
      .finally(() => (busy = false));
  }, config.syncIntervalSeconds * 1000);
  timer.unref();
  log.info({ everySeconds: config.syncIntervalSeconds }, 'exact: sync schedule started');
  return {
    async stop() {
      clearInterval(timer);
      stopping.abort(new Error('the server is stopping'));
      await current;
    },
  };
}
