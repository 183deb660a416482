import { randomUUID } from 'node:crypto';
import { DivisionScope } from '../../access/division-scope';
import type { Database } from '../../db/data-source';
import { withLease } from '../../db/lease';
import type { Logger } from '../../platform/logger';
import type { SecretBox } from '../../platform/secret-box';
import { Division } from '../divisions/division.entity';
import { ExactCallError, ExactClient } from './exact-client';
import type { ExactConfig } from './exact-config';
import { ExactConnection } from './exact-connection.entity';
import { ExactDivisionMap } from './exact-division-map.entity';
import { DELETED, ExactMalformedError, ExactPage, PAYMENT_TERM_SELECT, SYNC_PAGE_SIZE } from './exact-mapping';
import { deleteReferenceRows, ReferenceRun, resetReferenceTables, syncReferenceTables } from './exact-reference-sync';
import { clearSyncedRows, deleteSyncedRows, mapPaymentTerms, storePage } from './exact-store';
import { ExactSyncRun } from './exact-sync-run.entity';
import { ExactSyncState } from './exact-sync-state.entity';
import { ExactTokens } from './exact-tokens';
import { ExactRule, exactError } from './exact.errors';

export const PAYMENT_TERMS = 'sync/Cashflow/PaymentTerms';
/** EntityType of payment terms in sync/Deleted (Exact's SyncDeleted reference). */
export const DELETED_PAYMENT_TERMS = '10';

/** Progress of a run, after each page: endpoint, pages and rows so far. */
export interface SyncProgress {
  division: number;
  endpoint: string;
  pages: number;
  rows: number;
}

export interface SyncOptions {
  /** Reload everything (`--full`): the division's synced rows are replaced by Exact's. */
  full?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: SyncProgress) => void;
}

interface RunContext {
  division: number;
  exactDivision: number;
  currency: string;
  client: ExactClient;
  scope: DivisionScope;
  run: ExactSyncRun;
  options: SyncOptions;
}

/**
 * Sync of connected divisions from Exact Online (issue 14): payment terms into Payments and
 * Receivables, the reference tables (exact-reference-sync.ts: accounts, G/L accounts, bank
 * accounts, journals, payment conditions, bank entries), then deletions, each from the highest
 * Timestamp stored per endpoint and division.
 * Only one process syncs a division at a time (lease `exact:sync:<division>`); every page is
 * committed with its high-water mark, so a run killed half-way is continued by the next run
 * without losing or duplicating a row. A full reload (first load, `--full`, or Timestamps that
 * restarted because the division moved) empties the division's synced rows first, then loads
 * from `Timestamp gt 1`, also resumable page by page.
 */
export class ExactSync {
  readonly #tokens: ExactTokens;

  constructor(
    private readonly db: Database,
    box: SecretBox,
    private readonly config: ExactConfig,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
    private readonly sleep?: (ms: number) => Promise<void>,
  ) {
    this.#tokens = new ExactTokens(db, box, config, log, now, sleep);
  }

  /** Gateway divisions mapped to Exact (sorted). */
  async connectedDivisions(): Promise<number[]> {
    const maps = await new DivisionScope(this.db, []).internal.list(ExactDivisionMap, {}, { division: 'ASC' });
    return maps.map((m) => m.division);
  }

  /** Syncs one division; the run's record (state succeeded, failed or skipped, with counts and the error). */
  async syncDivision(division: number, options: SyncOptions = {}): Promise<ExactSyncRun> {
    const internal = new DivisionScope(this.db, [division]).asConnector();
    const map = await internal.internal.find(ExactDivisionMap, { division });
    if (!map) throw exactError(ExactRule.NOT_CONNECTED, 'division', `division ${division} is not connected to Exact Online`);
    const run: ExactSyncRun = Object.assign(new ExactSyncRun(), {
      id: randomUUID(),
      division,
      state: 'running',
      full: options.full ? 1 : 0,
      started: this.now(),
      finished: null,
      rowsIn: 0,
      rowsChanged: 0,
      rowsDeleted: 0,
      calls: 0,
      lastError: null,
    } as ExactSyncRun);
    const outcome = await withLease(this.db, `exact:sync:${division}`, { ttlMs: this.config.leaseMs, now: this.now }, async (lost) => {
      // Holding the lease, no other run of the division is alive: one still `running` was killed.
      await internal.internal.update(
        ExactSyncRun,
        { division, state: 'running' },
        { state: 'interrupted', lastError: 'the process ended mid-run' },
      );
      await internal.internal.insert(ExactSyncRun, run);
      const signal = options.signal ? AbortSignal.any([options.signal, lost]) : lost;
      try {
        await this.#run(internal, map, run, { ...options, signal });
        run.state = 'succeeded';
      } catch (error) {
        run.state = 'failed';
        run.lastError = messageOf(error).slice(0, 500);
        this.log.warn({ division, run: run.id, error: run.lastError }, 'exact: sync run failed');
      }
      run.finished = this.now();
      await internal.internal.update(ExactSyncRun, { id: run.id }, { ...run });
      return run;
    });
    if (outcome.ran) return outcome.value;
    Object.assign(run, { state: 'skipped', finished: this.now(), lastError: 'another process is syncing this division' });
    await internal.internal.insert(ExactSyncRun, run);
    return run;
  }

  async #run(scope: DivisionScope, map: ExactDivisionMap, run: ExactSyncRun, options: SyncOptions): Promise<void> {
    const connection = await scope.internal.find(ExactConnection, { id: map.connectionID });
    if (!connection) throw exactError(ExactRule.NOT_CONNECTED, 'division', `the connection of division ${map.division} is gone`);
    const division = await scope.select(Division, 'd').where('d.code = :code', { code: map.division }).getOne();
    const client = new ExactClient(
      this.db,
      this.#tokens,
      this.config,
      connection.id,
      connection.baseUrl,
      this.log,
      run,
      this.now,
      this.sleep,
    );
    const ctx: RunContext = {
      division: map.division,
      exactDivision: map.exactDivision,
      currency: division?.currency ?? 'EUR',
      client,
      scope,
      run,
      options,
    };
    await this.#paymentTerms(ctx);
    await syncReferenceTables(this.#reference(ctx));
    await this.#deleted(ctx);
  }

  /** The reference tables' view of the run (exact-reference-sync.ts), with this sync's call, state and health rules. */
  #reference(ctx: RunContext): ReferenceRun {
    return {
      ...ctx,
      tables: this.config.syncTables,
      refreshMs: this.config.referenceRefreshMs,
      full: Boolean(ctx.options.full),
      onProgress: ctx.options.onProgress,
      call: (endpoint, url) => this.#call(ctx, endpoint, url),
      state: (endpoint) => this.#state(ctx, endpoint),
      healthy: (top) => this.#healthy(top),
      log: this.log,
      now: this.now,
    };
  }

  /**
   * Payment terms from the high-water mark, a transaction per page. The next page is asked for as
   * soon as its URL is known, while the current one is stored (one call ahead), so that a run is
   * bound by Exact's budget and answers rather than by its own writes; a page is still stored, and
   * its high-water mark committed, strictly in order.
   */
  async #paymentTerms(ctx: RunContext): Promise<void> {
    let state = await this.#state(ctx, PAYMENT_TERMS);
    if (ctx.options.full || state.highTimestamp === 0) state = await this.#reset(ctx, 'full reload');
    let hw = state.highTimestamp;
    let page: ExactPage = await this.#call(ctx, PAYMENT_TERMS, this.#termsUrl(ctx, hw > 1 ? hw - 1 : 1));
    // `Timestamp gt HW-1` returns at least the row stored last (or its newer version) unless the
    // division's Timestamps restarted (it moved): then everything is loaded again.
    if (hw > 1 && page.results.length === 0) {
      this.log.warn({ division: ctx.division }, 'exact: Timestamps restarted (division moved), full reload');
      await this.#reset(ctx, 'Timestamps restarted');
      await this.#resetState(ctx, DELETED);
      hw = 1;
      page = await this.#call(ctx, PAYMENT_TERMS, this.#termsUrl(ctx, 1));
    }
    // A page's rows past the high-water mark `after`, and those rows mapped to both sides.
    const prepare = (p: ExactPage, after: number) => {
      const fresh = p.results.filter((r) => Number(r.Timestamp) > after);
      return { fresh, mapped: mapPaymentTerms(ctx.division, ctx.currency, fresh) };
    };
    let prepared = prepare(page, hw);
    for (let pages = 1; ; pages++) {
      const { fresh, mapped } = prepared;
      const top = fresh.reduce((m, r) => Math.max(m, Number(r.Timestamp)), hw);
      // Follow __next; a full page without it (Exact left it out) is followed from the high-water mark.
      const next = page.next ?? (page.results.length >= SYNC_PAGE_SIZE ? this.#termsUrl(ctx, top) : null);
      // The next page is mapped as soon as it arrives, while this one is being stored.
      const ahead = next === null ? null : this.#ahead(ctx, PAYMENT_TERMS, next, (p) => prepare(p, top));
      try {
        const stored = await storePage(ctx.scope, mapped, async (tx) => {
          await tx.internal.update(ExactSyncState, { division: ctx.division, endpoint: PAYMENT_TERMS }, this.#healthy(top));
        });
        ctx.run.rowsIn += fresh.length;
        ctx.run.rowsChanged += stored.changed;
      } catch (error) {
        ahead?.drop();
        throw error;
      }
      hw = top;
      ctx.options.onProgress?.({ division: ctx.division, endpoint: PAYMENT_TERMS, pages, rows: ctx.run.rowsIn });
      if (!ahead) return;
      ({ page, prepared } = await ahead.page());
    }
  }

  /**
   * The call for `url` of `endpoint`, started now while the caller stores the page before it, and
   * `prepare` run on its answer as soon as it arrives (pure CPU work, overlapping the store).
   * `page()` waits for both; a failure of the call is recorded against the endpoint as #call
   * records it, but only then, after the page before was committed (whose healthy state it must
   * not race). The endpoint was not blocked: it answered this run a moment ago, and only this run
   * calls it (the division's lease). `drop()` abandons the call (the page before failed to store).
   */
  #ahead<P>(
    ctx: RunContext,
    endpoint: string,
    url: string,
    prepare: (page: ExactPage) => P,
  ): { page: () => Promise<{ page: ExactPage; prepared: P }>; drop: () => void } {
    const stop = new AbortController();
    const signal = ctx.options.signal ? AbortSignal.any([ctx.options.signal, stop.signal]) : stop.signal;
    const fetching = ctx.client.page(ctx.exactDivision, url, signal).then((page) => ({ page, prepared: prepare(page) }));
    fetching.catch(() => undefined);
    const page = async (): Promise<{ page: ExactPage; prepared: P }> => {
      try {
        return await fetching;
      } catch (error) {
        if (!(error instanceof ExactCallError || error instanceof ExactMalformedError)) throw error;
        const where = { division: ctx.division, endpoint };
        const failures = ((await ctx.scope.internal.find(ExactSyncState, where))?.failures ?? 0) + 1;
        const blocked = failures >= this.config.failuresBeforeBlock ? this.now() + this.config.blockMs : 0;
        await ctx.scope.internal.update(ExactSyncState, where, {
          failures,
          blockedUntil: blocked,
          lastError: error.message.slice(0, 500),
          modified: this.now(),
        });
        throw error;
      }
    };
    return { page, drop: () => stop.abort() };
  }

  async #deleted(ctx: RunContext): Promise<void> {
    const state = await this.#state(ctx, DELETED);
    let hw = Math.max(1, state.highTimestamp);
    const after = (from: number) =>
      `${ctx.exactDivision}/${DELETED}?$filter=${encodeURIComponent(`Timestamp gt ${from}`)}&$select=EntityKey,EntityType,Timestamp`;
    let url: string | null = after(hw);
    let pages = 0;
    while (url) {
      const page: ExactPage = await this.#call(ctx, DELETED, url);
      const top = page.results.reduce((m, r) => Math.max(m, Number(r.Timestamp)), hw);
      const keys = page.results.filter((r) => String(r.EntityType) === DELETED_PAYMENT_TERMS).map((r) => String(r.EntityKey));
      await ctx.scope.transaction(async (tx) => {
        ctx.run.rowsDeleted += await deleteSyncedRows(tx, keys);
        ctx.run.rowsDeleted += await deleteReferenceRows(tx, this.config.syncTables, page.results);
        await tx.internal.update(ExactSyncState, { division: ctx.division, endpoint: DELETED }, this.#healthy(top));
      });
      hw = top;
      pages++;
      ctx.options.onProgress?.({ division: ctx.division, endpoint: DELETED, pages, rows: ctx.run.rowsDeleted });
      url = page.next ?? (page.results.length >= SYNC_PAGE_SIZE ? after(hw) : null);
    }
  }

  #termsUrl(ctx: RunContext, after: number): string {
    const filter = encodeURIComponent(`Timestamp gt ${after}`);
    return `${ctx.exactDivision}/${PAYMENT_TERMS}?$filter=${filter}&$select=${PAYMENT_TERM_SELECT.join(',')}`;
  }

  /**
   * One page of `endpoint`. An endpoint that keeps failing (its calls failed after every retry in
   * `failuresBeforeBlock` runs in a row) is not called again for `blockMs`, before Exact blocks it.
   */
  async #call(ctx: RunContext, endpoint: string, url: string): Promise<ExactPage> {
    const where = { division: ctx.division, endpoint };
    const state = (await ctx.scope.internal.find(ExactSyncState, where))!;
    if (state.blockedUntil > this.now()) {
      const until = new Date(state.blockedUntil).toISOString();
      const message = `${endpoint} failed ${state.failures} times in a row and rests until ${until}: ${state.lastError}`;
      throw exactError(ExactRule.ENDPOINT_BLOCKED, null, message, { blockedUntil: state.blockedUntil });
    }
    try {
      return await ctx.client.page(ctx.exactDivision, url, ctx.options.signal);
    } catch (error) {
      if (!(error instanceof ExactCallError || error instanceof ExactMalformedError)) throw error;
      const failures = state.failures + 1;
      const blocked = failures >= this.config.failuresBeforeBlock ? this.now() + this.config.blockMs : 0;
      await ctx.scope.internal.update(ExactSyncState, where, {
        failures,
        blockedUntil: blocked,
        lastError: error.message.slice(0, 500),
        modified: this.now(),
      });
      throw error;
    }
  }

  #healthy(highTimestamp: number): Partial<ExactSyncState> {
    return { highTimestamp, failures: 0, blockedUntil: 0, lastError: null, modified: this.now() };
  }

  /** The state of `endpoint` for the division, made (HighTimestamp 0: never loaded) when missing. */
  async #state(ctx: RunContext, endpoint: string): Promise<ExactSyncState> {
    const where = { division: ctx.division, endpoint };
    const found = await ctx.scope.internal.find(ExactSyncState, where);
    if (found) return found;
    const state = Object.assign(new ExactSyncState(), {
      ...where,
      highTimestamp: 0,
      failures: 0,
      blockedUntil: 0,
      lastError: null,
      modified: this.now(),
      completedAt: 0,
    });
    await ctx.scope.internal.insert(ExactSyncState, state);
    return state;
  }

  /** Full reload: the division's synced rows go, the payment terms start again from Timestamp 1 (one transaction). */
  async #reset(ctx: RunContext, why: string): Promise<ExactSyncState> {
    this.log.info({ division: ctx.division, why }, 'exact: full reload of the division');
    ctx.run.full = 1;
    await ctx.scope.transaction(async (tx) => {
      await clearSyncedRows(tx);
      await resetReferenceTables(tx, ctx.division, this.config.syncTables, this.now());
      await tx.internal.update(
        ExactSyncState,
        { division: ctx.division, endpoint: PAYMENT_TERMS },
        { highTimestamp: 1, modified: this.now() },
      );
    });
    return (await ctx.scope.internal.find(ExactSyncState, { division: ctx.division, endpoint: PAYMENT_TERMS }))!;
  }

  async #resetState(ctx: RunContext, endpoint: string): Promise<void> {
    await this.#state(ctx, endpoint);
    await ctx.scope.internal.update(ExactSyncState, { division: ctx.division, endpoint }, { highTimestamp: 1, modified: this.now() });
  }
}

/** A failure's message, without stack; GatewayErrors and Exact errors carry no secrets. */
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
