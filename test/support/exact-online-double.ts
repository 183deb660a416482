import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A test double of Exact Online's REST API (https://start.exactonline.nl/docs/HlpRestAPIResources.aspx),
 * a small real HTTP server written from Exact's public documentation. Each behaviour names its
 * source: [oauth] "Authentication and authorization / OAuth 2.0" of the REST API docs,
 * [tokens] Exact's token lifetimes as documented and as Invantive's forum explains them ("Old
 * refresh token used", forums.invantive.com/t/2903), [odata] the REST API "Getting started"
 * pages (OData v2 JSON, `d.results`, `__next`, `/Date(ms)/`), [sync] "Sync API" and the
 * `sync/Cashflow/PaymentTerms` and `sync/Deleted` reference pages, [limits] "API rate limits"
 * (X-RateLimit-* headers, reset in epoch milliseconds, 429), [payments] the Cashflow/Payments
 * reference (a PUT may change only AccountBankAccountID, Description, PaymentMethod,
 * PaymentReference). ../shared/reference/incoming.md summarises the same facts.
 *
 * Test-only controls (`fail`, `moveDivision`, `expireAccessTokens`, ...) inject the faults the
 * connector must survive. The clock is the double's own (`now`), so a benchmark can scale it.
 */
export interface PaymentTermRow {
  ID: string;
  /** 20 receipt (receivable), 22 payment (payable) [sync]. */
  LineType: 20 | 22;
  Timestamp: number;
  /** Every other field, as Exact sends it: numbers as doubles, dates as `/Date(ms)/`. */
  [field: string]: unknown;
}

export type Fault = '429' | '500' | 'malformed' | 'missing-next' | '401';

interface DivisionData {
  description: string;
  currency: string;
  terms: Map<string, PaymentTermRow>;
  deleted: { EntityKey: string; EntityType: number; Timestamp: number; DeletedDate: string }[];
  nextTimestamp: number;
}

/** Entity type of payment terms in sync/Deleted [sync]. */
export const DELETED_ENTITY_PAYMENT_TERMS = 10;

export interface ExactDoubleOptions {
  clientId?: string;
  clientSecret?: string;
  /** Calls a minute per division [limits]: 60. */
  minutelyLimit?: number;
  /** Calls a day per division [limits]: 5,000. */
  dailyLimit?: number;
  /** Length of the "minute" window in ms (a benchmark scales it; default 60,000). */
  minuteMs?: number;
  /** Page size of sync endpoints [sync]: 1,000. */
  syncPageSize?: number;
  now?: () => number;
}

export class ExactOnlineDouble {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly divisions = new Map<number, DivisionData>();
  /** Every request, for assertions: method, path (with query), status. */
  readonly requests: { method: string; url: string; status: number }[] = [];
  /** Refresh tokens presented after they were used: each would have lost the consent at Exact. */
  reusedRefreshTokens = 0;
  /** Whether the user's consent still stands (lost when an old refresh token is used) [tokens]. */
  consent = true;
  /** PUTs received on Cashflow/Payments, in order. */
  readonly paymentUpdates: { id: string; body: Record<string, unknown> }[] = [];
  url = '';
  readonly now: () => number;
  readonly #options: Required<Omit<ExactDoubleOptions, 'now' | 'clientId' | 'clientSecret'>>;
  readonly #codes = new Map<string, { redirectUri: string; expires: number }>();
  /** Live access tokens: token -> expiry (ms). */
  readonly #accessTokens = new Map<string, number>();
  /** The one refresh token that may be used next, and when its access token was issued. */
  #refreshToken: { token: string; issued: number } | null = null;
  readonly #usedRefreshTokens = new Set<string>();
  readonly #budgets = new Map<number, { minute: number; minuteReset: number; day: number; dayReset: number }>();
  readonly #faults: { pattern: RegExp; fault: Fault }[] = [];
  #server: http.Server | null = null;

  constructor(options: ExactDoubleOptions = {}) {
    this.clientId = options.clientId ?? randomUUID();
    this.clientSecret = options.clientSecret ?? randomBytes(16).toString('hex');
    this.now = options.now ?? Date.now;
    this.#options = {
      minutelyLimit: options.minutelyLimit ?? 60,
      dailyLimit: options.dailyLimit ?? 5000,
      minuteMs: options.minuteMs ?? 60_000,
      syncPageSize: options.syncPageSize ?? 1000,
    };
  }

  /** Listens on 127.0.0.1:`port` (0: any free port); `url` is then set. */
  async start(port = 0): Promise<this> {
    this.#server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const reply = this.#handle(req, Buffer.concat(chunks).toString('utf8'));
        this.requests.push({ method: req.method ?? '', url: req.url ?? '', status: reply.status });
        res.writeHead(reply.status, { 'content-type': reply.type ?? 'application/json', ...reply.headers });
        res.end(reply.body ?? '');
      });
    });
    // Keep idle connections longer than Node's 5 s default, so a slow test does not race a closing socket.
    this.#server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.#server!.listen(port, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }

  // ---- data and faults (test controls) ----

  addDivision(code: number, description = `Company ${code}`, currency = 'EUR'): void {
    this.divisions.set(code, { description, currency, terms: new Map(), deleted: [], nextTimestamp: 1000 });
  }

  /** Adds or changes a payment term; it gets the next Timestamp of its division [sync]. */
  upsertTerm(division: number, row: { ID: string; LineType: 20 | 22; [field: string]: unknown }): PaymentTermRow {
    const d = this.#division(division);
    const stored = { ...row, Timestamp: d.nextTimestamp++ } as PaymentTermRow;
    d.terms.delete(row.ID);
    d.terms.set(row.ID, stored);
    return stored;
  }

  /** Deletes a payment term: it leaves the sync endpoint and appears in sync/Deleted [sync]. */
  deleteTerm(division: number, id: string): void {
    const d = this.#division(division);
    if (!d.terms.delete(id)) throw new Error(`no term ${id}`);
    const when = `/Date(${this.now()})/`;
    d.deleted.push({ EntityKey: id, EntityType: DELETED_ENTITY_PAYMENT_TERMS, Timestamp: d.nextTimestamp++, DeletedDate: when });
  }

  /**
   * The division moved to another database: its Timestamps restart from a low number [sync:
   * "Timestamps restart when a division moves"], and sync/Deleted keeps no history of before.
   */
  moveDivision(division: number): void {
    const d = this.#division(division);
    d.nextTimestamp = 2;
    const rows = [...d.terms.values()];
    d.terms.clear();
    d.deleted = [];
    for (const r of rows) d.terms.set(r.ID, { ...r, Timestamp: d.nextTimestamp++ });
  }

  /** The next request whose path matches `pattern` answers with `fault` (once per call of this method). */
  fail(pattern: RegExp, fault: Fault, times = 1): void {
    for (let i = 0; i < times; i++) this.#faults.push({ pattern, fault });
  }

  /** Every access token handed out so far expires now (as they do 600 s after issue) [tokens]. */
  expireAccessTokens(): void {
    for (const t of this.#accessTokens.keys()) this.#accessTokens.set(t, this.now() - 1);
    if (this.#refreshToken) this.#refreshToken.issued = this.now() - 600_000;
  }

  /** Number of successful refresh_token grants. */
  refreshes = 0;
  /** Every token issued, to check that none reaches a log line or an answer. */
  readonly issuedTokens: string[] = [];

  // ---- HTTP ----

  #handle(req: http.IncomingMessage, body: string): Reply {
    const url = new URL(req.url ?? '/', 'http://double');
    const path = url.pathname;
    if (path === '/api/oauth2/auth' && req.method === 'GET') return this.#authorize(url);
    if (path === '/api/oauth2/token' && req.method === 'POST') return this.#token(new URLSearchParams(body));
    const m = /^\/api\/v1\/(?:(\d+)\/)?(.+)$/.exec(path);
    if (!m) return json(404, { error: { message: { value: 'Not found' } } });
    const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    const expiry = auth ? this.#accessTokens.get(auth[1]) : undefined;
    const fault = this.#takeFault(`${path}${url.search}`);
    // [oauth] an expired or unknown access token is answered 401; the client refreshes.
    if (fault === '401' || expiry === undefined || expiry <= this.now()) {
      return { status: 401, body: '', headers: { 'www-authenticate': 'Bearer error="invalid_token"' } };
    }
    const division = m[1] ? Number(m[1]) : null;
    const budgetKey = division ?? 0;
    const limits = this.#spend(budgetKey);
    if (!limits.allowed || fault === '429')
      return { ...json(429, { error: { message: { value: 'Too many requests' } } }), headers: limits.headers };
    if (fault === '500') return { ...json(500, { error: { message: { value: 'Internal error' } } }), headers: limits.headers };
    if (fault === 'malformed') return { status: 200, body: '{"d": {"results": [ {"ID": ', headers: limits.headers };
    const reply = this.#api(req.method ?? 'GET', division, m[2], url, body, fault === 'missing-next');
    return { ...reply, headers: { ...limits.headers, ...reply.headers } };
  }

  #takeFault(path: string): Fault | undefined {
    const i = this.#faults.findIndex((f) => f.pattern.test(path));
    return i < 0 ? undefined : this.#faults.splice(i, 1)[0].fault;
  }

  /** [oauth] The user logs in and consents; here consent is given at once: redirect with a code (valid 3 min [tokens]). */
  #authorize(url: URL): Reply {
    const redirectUri = url.searchParams.get('redirect_uri') ?? '';
    if (url.searchParams.get('client_id') !== this.clientId || url.searchParams.get('response_type') !== 'code' || !redirectUri) {
      return json(400, { error: 'invalid_request' });
    }
    const code = randomBytes(24).toString('base64url');
    this.#codes.set(code, { redirectUri, expires: this.now() + 180_000 });
    const target = new URL(redirectUri);
    target.searchParams.set('code', code);
    const state = url.searchParams.get('state');
    if (state) target.searchParams.set('state', state);
    return { status: 302, body: '', headers: { location: target.toString() } };
  }

  /** [oauth] POST /api/oauth2/token, form encoded, client credentials in the body. */
  #token(form: URLSearchParams): Reply {
    if (form.get('client_id') !== this.clientId || form.get('client_secret') !== this.clientSecret) {
      return json(400, { error: 'invalid_client' });
    }
    const grant = form.get('grant_type');
    if (grant === 'authorization_code') {
      const code = this.#codes.get(form.get('code') ?? '');
      this.#codes.delete(form.get('code') ?? '');
      if (!code || code.expires < this.now() || code.redirectUri !== form.get('redirect_uri')) return json(400, { error: 'invalid_grant' });
      this.consent = true;
      return this.#issue();
    }
    if (grant === 'refresh_token') {
      const presented = form.get('refresh_token') ?? '';
      if (this.#usedRefreshTokens.has(presented)) {
        // [tokens] "Old refresh token used": the consent is lost, every token of the chain dies.
        this.reusedRefreshTokens++;
        this.consent = false;
        this.#refreshToken = null;
        this.#accessTokens.clear();
        return json(400, { error: 'invalid_grant', error_description: 'Old refresh token used.' });
      }
      if (!this.consent || !this.#refreshToken || presented !== this.#refreshToken.token) return json(400, { error: 'invalid_grant' });
      // [tokens] a new access token is given only when the current one is (nearly) expired: about 570 s after issue.
      if (this.now() - this.#refreshToken.issued < 570_000) {
        return json(400, { error: 'invalid_request', error_description: 'Access token not expired yet.' });
      }
      this.#usedRefreshTokens.add(presented);
      this.refreshes++;
      return this.#issue();
    }
    return json(400, { error: 'unsupported_grant_type' });
  }

  #issue(): Reply {
    const access = randomBytes(24).toString('base64url');
    const refresh = randomBytes(24).toString('base64url');
    this.#accessTokens.set(access, this.now() + 600_000);
    this.issuedTokens.push(access, refresh);
    this.#refreshToken = { token: refresh, issued: this.now() };
    // [tokens] expires_in arrives as a string.
    return json(200, { access_token: access, token_type: 'bearer', expires_in: '600', refresh_token: refresh });
  }

  /** [limits] One call of the division's budget; the headers every answer carries (resets in epoch ms). */
  #spend(key: number): { allowed: boolean; headers: Record<string, string> } {
    const now = this.now();
    let b = this.#budgets.get(key);
    if (!b) this.#budgets.set(key, (b = { minute: 0, minuteReset: 0, day: 0, dayReset: 0 }));
    if (b.minuteReset <= now) Object.assign(b, { minute: this.#options.minutelyLimit, minuteReset: now + this.#options.minuteMs });
    if (b.dayReset <= now) Object.assign(b, { day: this.#options.dailyLimit, dayReset: now + 24 * 60 * this.#options.minuteMs });
    const allowed = b.minute > 0 && b.day > 0;
    if (allowed) {
      b.minute--;
      b.day--;
    }
    const headers = {
      'x-ratelimit-limit': String(this.#options.dailyLimit),
      'x-ratelimit-remaining': String(b.day),
      'x-ratelimit-reset': String(b.dayReset),
      'x-ratelimit-minutely-limit': String(this.#options.minutelyLimit),
      'x-ratelimit-minutely-remaining': String(b.minute),
      'x-ratelimit-minutely-reset': String(b.minuteReset),
    };
    return { allowed, headers };
  }

  #api(method: string, division: number | null, resource: string, url: URL, body: string, dropNext: boolean): Reply {
    if (resource === 'current/Me' && method === 'GET') {
      const first = [...this.divisions.keys()][0] ?? 0;
      return odata([{ CurrentDivision: first, FullName: 'Test User', UserName: 'test.user@example.com' }]);
    }
    if (division === null || !this.divisions.has(division)) return json(404, { error: { message: { value: 'Division not found' } } });
    if (resource === 'system/Divisions' && method === 'GET') {
      return odata([...this.divisions].map(([Code, d]) => ({ Code, Description: d.description, Currency: d.currency })));
    }
    const put = /^cashflow\/Payments\(guid'([0-9a-f-]{36})'\)$/.exec(resource);
    if (put && method === 'PUT') return this.#putPayment(division, put[1], body);
    if (resource === 'sync/Cashflow/PaymentTerms' || resource === 'sync/Deleted') {
      return this.#sync(division, resource, url, dropNext);
    }
    return json(404, { error: { message: { value: `Unknown resource ${resource}` } } });
  }

  /** [sync] rows with Timestamp gt N, oldest first, 1,000 a page, `$select` required, `__next` to follow. */
  #sync(division: number, resource: string, url: URL, dropNext: boolean): Reply {
    const select = url.searchParams.get('$select');
    if (!select) return json(400, { error: { message: { value: '$select is mandatory for bulk and sync endpoints' } } });
    const filter = /^Timestamp gt (\d+)$/.exec(url.searchParams.get('$filter') ?? '');
    const skip = url.searchParams.get('$skiptoken');
    if (!filter && !skip) return json(400, { error: { message: { value: 'Sync endpoints filter on Timestamp only' } } });
    const after = Number(skip ?? filter![1]);
    const d = this.#division(division);
    // Both collections are kept in Timestamp order (a changed row is moved to the end), so a page is
    // the first rows past `after`, without sorting.
    const all: Iterable<Record<string, unknown>> = resource === 'sync/Deleted' ? d.deleted : d.terms.values();
    const rows: Record<string, unknown>[] = [];
    for (const r of all) {
      if ((r.Timestamp as number) <= after) continue;
      rows.push(r);
      if (rows.length === this.#options.syncPageSize) break;
    }
    const fields = select.split(',');
    const results = rows.map((r) => Object.fromEntries(fields.map((f) => [f, f === 'Division' ? division : (r[f] ?? null)])));
    const last = rows.at(-1)?.Timestamp;
    const next = new URL(url.toString().replace('http://double', this.url));
    next.searchParams.delete('$filter');
    next.searchParams.set('$skiptoken', String(last));
    const more = rows.length === this.#options.syncPageSize && !dropNext;
    return odata(results, more ? next.toString() : undefined);
  }

  /** [payments] PUT Cashflow/Payments: only AccountBankAccountID, Description, PaymentMethod, PaymentReference. */
  #putPayment(division: number, id: string, body: string): Reply {
    const row = this.#division(division).terms.get(id);
    if (!row || row.LineType !== 22) return json(404, { error: { message: { value: 'Payment not found' } } });
    let changes: Record<string, unknown>;
    try {
      changes = JSON.parse(body) as Record<string, unknown>;
    } catch {
      return json(400, { error: { message: { value: 'Malformed body' } } });
    }
    const writable = ['AccountBankAccountID', 'Description', 'PaymentMethod', 'PaymentReference'];
    const refused = Object.keys(changes).filter((k) => !writable.includes(k));
    if (refused.length) return json(400, { error: { message: { value: `Not updatable: ${refused.join(', ')}` } } });
    this.paymentUpdates.push({ id, body: changes });
    this.upsertTerm(division, { ...row, ...changes, Modified: `/Date(${this.now()})/` } as PaymentTermRow);
    return { status: 204, body: '' };
  }

  #division(code: number): DivisionData {
    const d = this.divisions.get(code);
    if (!d) throw new Error(`division ${code} not in the double`);
    return d;
  }
}

interface Reply {
  status: number;
  body?: string;
  type?: string;
  headers?: Record<string, string>;
}

const json = (status: number, value: unknown): Reply => ({ status, body: JSON.stringify(value) });

/** [odata] `{"d": {"results": [...], "__next": "..."}}`. */
const odata = (results: unknown[], next?: string): Reply => json(200, { d: next ? { results, __next: next } : { results } });
