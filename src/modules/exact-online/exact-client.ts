import { setTimeout as delay } from 'node:timers/promises';
import type { Database } from '../../db/data-source';
import { BudgetWindow, exhaustBudget, observeBudget, takeCall } from '../../db/call-budget';
import type { Logger } from '../../platform/logger';
import type { ExactConfig } from './exact-config';
import { ExactMalformedError, ExactPage, parsePage } from './exact-mapping';
import { ExactTokens, ExactTokenUnavailable } from './exact-tokens';

/** An Exact call that failed after the tries allowed: HTTP status (0: no answer) and a message without secrets. */
export class ExactCallError extends Error {
  override name = 'ExactCallError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** What one client has spent, for the run's bookkeeping. */
export interface CallCounter {
  calls: number;
}

/**
 * Calls to Exact's REST API for one consent, within Exact's limits:
 * - before each call one call is taken from the budget shared through the database
 *   (db/call-budget.ts, named per Exact division: limits are per app and company); with none
 *   left it waits until the window's reset;
 * - every answer's `X-RateLimit-*` headers (resets in epoch ms) correct the shared budget; a 429
 *   empties it until the reset and the call waits for it, never hammering;
 * - a 401 gets a refreshed token (ExactTokens, one refresher at a time); 5xx, a network error or a
 *   malformed page are retried after a doubling backoff, `maxTries` times, then ExactCallError;
 * - other 4xx are not retried.
 */
export class ExactClient {
  constructor(
    private readonly db: Database,
    private readonly tokens: ExactTokens,
    private readonly config: ExactConfig,
    private readonly connectionID: string,
    private readonly baseUrl: string,
    private readonly log: Logger,
    readonly counter: CallCounter = { calls: 0 },
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => delay(ms),
  ) {}

  /** GET of a path under /api/v1 (`{division}/sync/...?...`) or of an absolute `__next` URL; the parsed page. */
  async page(budgetDivision: number, pathOrUrl: string, signal?: AbortSignal): Promise<ExactPage> {
    let page: ExactPage | undefined;
    await this.request('GET', budgetDivision, pathOrUrl, undefined, signal, (text) => void (page = parsePage(text)));
    return page!;
  }

  /** PUT of a JSON body (Exact answers 204 No Content). */
  async put(budgetDivision: number, path: string, body: Record<string, unknown>, signal?: AbortSignal): Promise<void> {
    await this.request('PUT', budgetDivision, path, JSON.stringify(body), signal);
  }

  /** One call with the budget, token, retry and backoff rules above; the answer's text. */
  async request(
    method: string,
    budgetDivision: number,
    pathOrUrl: string,
    body?: string,
    signal?: AbortSignal,
    accept?: (text: string) => void,
  ): Promise<string> {
    const url = /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : `${this.baseUrl}/api/v1/${pathOrUrl}`;
    const budget = budgetName(this.baseUrl, budgetDivision);
    const endpoint = endpointOf(url);
    let stale: string | undefined;
    let failures = 0;
    let lastProblem = '';
    while (failures < this.config.maxTries) {
      signal?.throwIfAborted();
      await this.#takeBudget(budget, signal);
      let token: string;
      try {
        token = await this.tokens.accessToken(this.connectionID, stale);
      } catch (error) {
        if (!(error instanceof ExactTokenUnavailable)) throw error;
        failures++;
        lastProblem = error.message;
        await this.#backoff(failures, signal);
        stale = undefined;
        continue;
      }
      let res: Response;
      this.counter.calls++;
      try {
        res = await fetch(url, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'application/json',
            ...(body ? { 'content-type': 'application/json' } : {}),
          },
          body,
          signal,
        });
      } catch (error) {
        signal?.throwIfAborted();
        failures++;
        lastProblem = `no answer (${(error as Error).message})`;
        await this.#backoff(failures, signal);
        continue;
      }
      await this.#observe(budget, res.headers);
      if (res.status === 429) {
        const reset = Number(res.headers.get('x-ratelimit-minutely-reset') ?? res.headers.get('x-ratelimit-reset') ?? 0);
        const daily = Number(res.headers.get('x-ratelimit-remaining') ?? 1) <= 0;
        const until = daily ? Number(res.headers.get('x-ratelimit-reset')) : reset;
        await exhaustBudget(this.db, budget, until > this.now() ? until : this.now() + 1000, daily ? 'daily' : 'minutely');
        this.log.info({ endpoint, until }, 'exact: rate limit reached (429), waiting for the reset');
        await res.arrayBuffer();
        continue;
      }
      const text = await res.text();
      if (res.status === 401) {
        // The token expired or was revoked: refresh (once per token), then try again.
        if (stale === token) failures++;
        stale = token;
        lastProblem = 'HTTP 401 (access token refused)';
        continue;
      }
      if (res.status >= 500) {
        failures++;
        lastProblem = `HTTP ${res.status}`;
        this.log.warn({ endpoint, status: res.status, failures }, 'exact: server error, backing off');
        await this.#backoff(failures, signal);
        continue;
      }
      if (res.status >= 400) throw new ExactCallError(res.status, `${endpoint}: HTTP ${res.status} ${errorMessage(text)}`);
      if (accept) {
        try {
          accept(text);
        } catch (error) {
          if (!(error instanceof ExactMalformedError)) throw error;
          failures++;
          lastProblem = `malformed answer (${error.message})`;
          this.log.warn({ endpoint, failures }, 'exact: malformed answer, backing off');
          await this.#backoff(failures, signal);
          continue;
        }
      }
      return text;
    }
    throw new ExactCallError(0, `${endpoint}: ${lastProblem} after ${this.config.maxTries} tries`);
  }

  async #takeBudget(name: string, signal?: AbortSignal): Promise<void> {
    const limits = { minutely: this.config.minutelyLimit, daily: this.config.dailyLimit, minuteMs: this.config.minuteMs };
    for (;;) {
      const waitUntil = await takeCall(this.db, name, limits, this.now());
      if (waitUntil === null) return;
      // A minute's window is waited for; the day's (up to 24 h) ends the run with a clear reason instead.
      if (waitUntil - this.now() > 2 * this.config.minuteMs) {
        throw new ExactCallError(429, `no calls left for this Exact division until ${new Date(waitUntil).toISOString()} (daily limit)`);
      }
      await this.sleep(Math.max(1, waitUntil - this.now()));
      signal?.throwIfAborted();
    }
  }

  async #observe(name: string, headers: Headers): Promise<void> {
    const window = (prefix: string): BudgetWindow | null => {
      const [limit, remaining, reset] = ['limit', 'remaining', 'reset'].map((k) => headers.get(`${prefix}-${k}`));
      if (limit === null || remaining === null || reset === null) return null;
      return { limit: Number(limit), remaining: Number(remaining), reset: Number(reset) };
    };
    await observeBudget(this.db, name, window('x-ratelimit-minutely'), window('x-ratelimit'), this.now());
  }

  async #backoff(failures: number, signal?: AbortSignal): Promise<void> {
    await this.sleep(this.config.backoffMs * 2 ** (failures - 1));
    signal?.throwIfAborted();
  }
}

/** The shared budget of an Exact division on a host: limits are per app and company (division). */
export function budgetName(baseUrl: string, exactDivision: number): string {
  return `exact:${exactDivision}@${new URL(baseUrl).host}`;
}

/** The endpoint of a URL without division, query or host (`sync/Cashflow/PaymentTerms`), for logs and states. */
export function endpointOf(url: string): string {
  const path = new URL(url).pathname.replace(/^\/api\/v1\/(\d+\/)?/, '');
  return path.replace(/\(guid'[^']*'\)/, '');
}

/** Exact's error text `{"error": {"message": {"value": "..."}}}`, short. */
function errorMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { message?: { value?: string } } | string };
    const e = body.error;
    return (typeof e === 'string' ? e : (e?.message?.value ?? '')).slice(0, 200);
  } catch {
    return '';
  }
}
