import type { DivisionScope } from '../../access/division-scope';
import type { Logger } from '../../platform/logger';
import { EXACT_ENDPOINTS, ExactEndpointSpec } from './exact-endpoints';
import { DELETED, exactDate, ExactPage, ExactRow, SYNC_PAGE_SIZE } from './exact-mapping';
import type { ExactSyncRun } from './exact-sync-run.entity';
import { ExactSyncState } from './exact-sync-state.entity';

/** Rows deleted by one statement at most (IN lists stay well within every database's limits). */
const DELETE_CHUNK = 500;

/**
 * What a run of the reference tables needs from the running ExactSync: the division, the scope
 * (a connector scope of the division), the run's counters, and its helpers, so that every call
 * keeps the same rules as the payment terms: `call` takes the budget, retries, and blocks an
 * endpoint that keeps failing; `state` is the endpoint's ExactSyncStates row (made when missing);
 * `healthy` the state's values after a good page with a given high-water mark.
 */
export interface ReferenceRun {
  division: number;
  exactDivision: number;
  currency: string;
  scope: DivisionScope;
  run: ExactSyncRun;
  /** Catalog names of the tables to sync (ExactConfig.syncTables). */
  tables: readonly string[];
  /** Whole reads are skipped when the last one ended less than this ago (ms), unless `full`. */
  refreshMs: number;
  /** A full run (`--full`): every table is read whatever its last read. */
  full: boolean;
  onProgress?: (p: { division: number; endpoint: string; pages: number; rows: number }) => void;
  call(endpoint: string, url: string): Promise<ExactPage>;
  state(endpoint: string): Promise<ExactSyncState>;
  healthy(highTimestamp: number): Partial<ExactSyncState>;
  log: Logger;
  now(): number;
}

/** The specs of the tables `tables` names, in sync order. */
export function enabledEndpoints(tables: readonly string[]): ExactEndpointSpec[] {
  return EXACT_ENDPOINTS.filter((s) => tables.includes(s.table));
}

/**
 * Syncs the reference tables of a division, one endpoint after the other, each by its strategy
 * (exact-endpoints.ts). Every page is committed with the endpoint's state, so a run killed
 * half-way is continued by the next without losing or duplicating a row: a sync/ endpoint from
 * its stored Timestamp; a Modified-filtered one from the Modified it had reached when its last
 * complete read ended (pages are in key order, not Modified order, so the mark moves only then);
 * a full read from the start (its deletions happen only after a complete read).
 */
export async function syncReferenceTables(r: ReferenceRun): Promise<void> {
  for (const spec of enabledEndpoints(r.tables)) {
    if (spec.strategy === 'timestamp') await byTimestamp(r, spec);
    else if (spec.strategy === 'modified') await byModified(r, spec);
    else await fullRead(r, spec);
  }
}

/**
 * Applies one page of sync/Deleted to the reference tables that report deletions there (by their
 * EntityType), inside the caller's transaction. The number of rows deleted.
 */
export async function deleteReferenceRows(tx: DivisionScope, tables: readonly string[], deleted: ExactRow[]): Promise<number> {
  let count = 0;
  for (const spec of enabledEndpoints(tables)) {
    if (!spec.deletedType) continue;
    const keys = deleted.filter((d) => String(d.EntityType) === spec.deletedType).map((d) => String(d.EntityKey));
    for (let i = 0; i < keys.length; i += DELETE_CHUNK) count += await spec.remove(tx, keys.slice(i, i + DELETE_CHUNK));
  }
  return count;
}

/**
 * A full reload of the division's reference tables, inside the caller's transaction (the one
 * that empties the payment terms): their rows go and every endpoint starts again from the
 * beginning (high-water mark 1).
 */
export async function resetReferenceTables(tx: DivisionScope, division: number, tables: readonly string[], now: number): Promise<void> {
  for (const spec of enabledEndpoints(tables)) {
    await spec.clear(tx);
    await setHigh(tx, division, spec.endpoint, 1, now);
  }
}

async function setHigh(tx: DivisionScope, division: number, endpoint: string, highTimestamp: number, now: number): Promise<void> {
  const where = { division, endpoint };
  if (await tx.internal.find(ExactSyncState, where)) {
    await tx.internal.update(ExactSyncState, where, { highTimestamp, modified: now, completedAt: 0 });
    return;
  }
  const state = Object.assign(new ExactSyncState(), {
    ...where,
    highTimestamp,
    failures: 0,
    blockedUntil: 0,
    lastError: null,
    modified: now,
    completedAt: 0,
  });
  await tx.internal.insert(ExactSyncState, state);
}

/** The table's first load (its state says never loaded): whatever the division held goes, loading starts at 1. */
async function reload(r: ReferenceRun, spec: ExactEndpointSpec, why: string): Promise<ExactSyncState> {
  r.log.info({ division: r.division, endpoint: spec.endpoint, why }, 'exact: full load of a reference table');
  await r.scope.transaction(async (tx) => {
    await spec.clear(tx);
    await setHigh(tx, r.division, spec.endpoint, 1, r.now());
  });
  return r.state(spec.endpoint);
}

function url(r: ReferenceRun, spec: ExactEndpointSpec, filter: string | null): string {
  const parts = [filter === null ? null : `$filter=${encodeURIComponent(filter)}`, `$select=${spec.select.join(',')}`];
  if (spec.expand) parts.push(`$expand=${spec.expand}`);
  return `${r.exactDivision}/${spec.endpoint}?${parts.filter((p) => p !== null).join('&')}`;
}

function progress(r: ReferenceRun, spec: ExactEndpointSpec, pages: number): void {
  r.onProgress?.({ division: r.division, endpoint: spec.endpoint, pages, rows: r.run.rowsIn });
}

/** A sync/ endpoint: the rules of the payment terms (exact-sync.service.ts #paymentTerms), for one table. */
async function byTimestamp(r: ReferenceRun, spec: ExactEndpointSpec): Promise<void> {
  let state = await r.state(spec.endpoint);
  if (state.highTimestamp === 0) state = await reload(r, spec, 'first load');
  let restartChecked = state.highTimestamp <= 1;
  let hw = state.highTimestamp;
  let next: string | null = url(r, spec, `Timestamp gt ${hw > 1 ? hw - 1 : 1}`);
  let pages = 0;
  while (next) {
    const page = await r.call(spec.endpoint, next);
    if (!restartChecked) {
      restartChecked = true;
      // `Timestamp gt HW-1` returns at least the row stored last unless the Timestamps restarted (the division moved).
      if (page.results.length === 0) {
        r.log.warn({ division: r.division, endpoint: spec.endpoint }, 'exact: Timestamps restarted (division moved), full reload');
        r.run.full = 1;
        await reload(r, spec, 'Timestamps restarted');
        await r.scope.internal.update(ExactSyncState, { division: r.division, endpoint: DELETED }, { highTimestamp: 1, modified: r.now() });
        hw = 1;
        next = url(r, spec, 'Timestamp gt 1');
        continue;
      }
    }
    const fresh = page.results.filter((row) => Number(row.Timestamp) > hw);
    const top = fresh.reduce((m, row) => Math.max(m, Number(row.Timestamp)), hw);
    await r.scope.transaction(async (tx) => {
      const stored = await spec.store(tx, r.division, r.currency, fresh);
      r.run.rowsIn += fresh.length;
      r.run.rowsChanged += stored.changed;
      await tx.internal.update(ExactSyncState, { division: r.division, endpoint: spec.endpoint }, r.healthy(top));
    });
    hw = top;
    progress(r, spec, ++pages);
    next = page.next ?? (page.results.length >= SYNC_PAGE_SIZE ? url(r, spec, `Timestamp gt ${hw}`) : null);
  }
}

/**
 * A row's Modified in ms (0 when none). Only the row's own: the filter is on it, so a later mark
 * taken from its expanded lines could pass over a row changed in between.
 */
function modifiedOf(row: ExactRow): number {
  return exactDate(row.Modified, 'Modified')?.getTime() ?? 0;
}

/** An OData v2 datetime literal of an instant (`2026-03-01T09:15:30.123`), as Exact's filters take it. */
function datetime(ms: number): string {
  return `datetime'${new Date(ms).toISOString().slice(0, 23)}'`;
}

/**
 * A REST endpoint filtered on `Modified ge` the mark (inclusive: a row changed in the same
 * millisecond as the last one seen is not lost; one seen before is stored again, unchanged).
 */
async function byModified(r: ReferenceRun, spec: ExactEndpointSpec): Promise<void> {
  let state = await r.state(spec.endpoint);
  if (state.highTimestamp === 0) state = await reload(r, spec, 'first load');
  const from = state.highTimestamp;
  let top = from;
  let next: string | null = url(r, spec, `Modified ge ${datetime(from)}`);
  let pages = 0;
  while (next) {
    const page = await r.call(spec.endpoint, next);
    top = page.results.reduce((m, row) => Math.max(m, modifiedOf(row)), top);
    await r.scope.transaction(async (tx) => {
      const stored = await spec.store(tx, r.division, r.currency, page.results);
      r.run.rowsIn += page.results.length;
      r.run.rowsChanged += stored.changed;
      await tx.internal.update(ExactSyncState, { division: r.division, endpoint: spec.endpoint }, r.healthy(from));
    });
    progress(r, spec, ++pages);
    next = page.next;
  }
  await r.scope.internal.update(ExactSyncState, { division: r.division, endpoint: spec.endpoint }, r.healthy(top));
}

/** A REST endpoint read whole: every page stored, then the rows it no longer lists deleted. */
async function fullRead(r: ReferenceRun, spec: ExactEndpointSpec): Promise<void> {
  let state = await r.state(spec.endpoint);
  // The first read replaces whatever the division held (rows of the same codes under other IDs).
  if (state.highTimestamp === 0) state = await reload(r, spec, 'first load');
  // Read whole recently: not due yet (a read stopped half-way has no CompletedAt and goes on).
  else if (!r.full && state.completedAt > 0 && r.now() - state.completedAt < r.refreshMs) return;
  const seen = new Set<string>();
  let top = Math.max(1, state.highTimestamp);
  let next: string | null = url(r, spec, null);
  let pages = 0;
  while (next) {
    const page = await r.call(spec.endpoint, next);
    for (const row of page.results) seen.add(String(row.ID).toLowerCase());
    top = page.results.reduce((m, row) => Math.max(m, modifiedOf(row)), top);
    await r.scope.transaction(async (tx) => {
      const stored = await spec.store(tx, r.division, r.currency, page.results);
      r.run.rowsIn += page.results.length;
      r.run.rowsChanged += stored.changed;
      await tx.internal.update(ExactSyncState, { division: r.division, endpoint: spec.endpoint }, r.healthy(state.highTimestamp));
    });
    progress(r, spec, ++pages);
    next = page.next;
  }
  await r.scope.transaction(async (tx) => {
    const gone = (await spec.ids(tx)).filter((id) => !seen.has(id));
    for (let i = 0; i < gone.length; i += DELETE_CHUNK) r.run.rowsDeleted += await spec.remove(tx, gone.slice(i, i + DELETE_CHUNK));
    await tx.internal.update(
      ExactSyncState,
      { division: r.division, endpoint: spec.endpoint },
      { ...r.healthy(top), completedAt: r.now() },
    );
  });
}
