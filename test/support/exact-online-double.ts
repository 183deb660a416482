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
 * `sync/Cashflow/PaymentTerms`, `sync/CRM/Accounts`, `sync/Financial/GLAccounts` and `sync/Deleted`
 * reference pages (EntityTypes 1 TransactionLines, 2 Accounts, 7 GLAccounts, 10 PaymentTerms),
 * [resources] the crm/BankAccounts, financial/Journals, cashflow/PaymentConditions and
 * financialtransaction/BankEntries (with BankEntryLines) reference pages, [limits] "API rate limits"
 * (X-RateLimit-* headers, reset in epoch milliseconds, 429), [payments] the CashflowPayments and
 * CashflowReceivables references (a PUT may change only AccountBankAccountID (payments only),
 * Description, PaymentMethod, PaymentReference; answered 204 No Content; a GET by key answers the
 * entity in `d`, as the OData v2 JSON format does). ../shared/reference/incoming.md summarises the same facts.
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
  /** Rows of the other resources (EXACT_RESOURCES), by resource and ID; sync/ ones in Timestamp order. */
  rows: Map<string, Map<string, Record<string, unknown>>>;
  deleted: { EntityKey: string; EntityType: number; Timestamp: number; DeletedDate: string }[];
  nextTimestamp: number;
}

/** Entity type of payment terms in sync/Deleted [sync]. */
export const DELETED_ENTITY_PAYMENT_TERMS = 10;

/**
 * The other resources the double serves [resources]: two sync/ endpoints (Timestamps, `$select`
 * required, 1,000 a page, deletions in sync/Deleted under EntityType 2 Accounts and 7 GLAccounts),
 * and ordinary REST endpoints (60 rows a page in key order, `__next` with `$skiptoken=guid'...'`,
 * `$filter` on Modified, `$expand` of BankEntryLines); their deletions are not in sync/Deleted,
 * except a bank entry's lines, which are TransactionLines (EntityType 1).
 */
export const SYNC_RESOURCES: Readonly<Record<string, number>> = { 'sync/CRM/Accounts': 2, 'sync/Financial/GLAccounts': 7 };
export const REST_RESOURCES = ['crm/BankAccounts', 'financial/Journals', 'cashflow/PaymentConditions', 'financialtransaction/BankEntries'];
/** EntityType of financial transaction lines (a bank entry's lines) in sync/Deleted [sync]. */
export const DELETED_ENTITY_TRANSACTION_LINES = 1;
/** Key of each REST resource. */
const KEY: Record<string, string> = { 'financialtransaction/BankEntries': 'EntryID' };

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
  /** Page size of ordinary REST endpoints [odata]: 60. */
  restPageSize?: number;
  /**
   * Keep each sync page's answer text and serve it again while the division's rows are unchanged
   * (bench/exact-online.ts: the double shares the machine's two cores with the gateway and MariaDB,
   * where Exact runs elsewhere; the bench reads every page once before the timed run). Off by
   * default: tests may change a row in place, which this cache would not see.
   */
  cachePages?: boolean;
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
  /** PUTs accepted on cashflow/Payments and cashflow/Receivables, in order. */
  readonly paymentUpdates: { id: string; body: Record<string, unknown> }[] = [];
  readonly receivableUpdates: { id: string; body: Record<string, unknown> }[] = [];
  /** Bank accounts of each account (Account ID -> AccountBankAccountIDs), for the PUT's check. */
  readonly #bankAccounts = new Map<string, Set<string>>();
  url = '';
  readonly now: () => number;
  readonly #options: Required<Omit<ExactDoubleOptions, 'now' | 'clientId' | 'clientSecret'>>;
  /** Sync collections in Timestamp order as arrays, by collection, for a binary search of `Timestamp gt`. */
  readonly #ordered = new WeakMap<object, { version: string; rows: Record<string, unknown>[] }>();
  /** Answer texts of sync pages (cachePages), by request and the division's version. */
  readonly #pages = new Map<string, string>();
  readonly #codes = new Map<string, { redirectUri: string; expires: number }>();
  /** Live access tokens: token -> expiry (ms). */
  readonly #accessTokens = new Map<string, number>();
  /** The one refresh token that may be used next, and when its access token was issued. */
  #refreshToken: { token: string; issued: number } | null = null;
  readonly #usedRefreshTokens = new Set<string>();
  readonly #budgets = new Map<number, { minute: number; minuteReset: number; day: number; dayReset: number }>();
  readonly #faults: { pattern: RegExp; fault: Fault; after: number }[] = [];
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
      restPageSize: options.restPageSize ?? 60,
      cachePages: options.cachePages ?? false,
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
    this.divisions.set(code, { description, currency, terms: new Map(), rows: new Map(), deleted: [], nextTimestamp: 1000 });
  }

  /** Adds or changes a payment term; it gets the next Timestamp of its division [sync]. */
  upsertTerm(division: number, row: { ID: string; LineType: 20 | 22; [field: string]: unknown }): PaymentTermRow {
    const d = this.#division(division);
    const stored = { ...row, Timestamp: d.nextTimestamp++ } as PaymentTermRow;
    // A row's bank account exists at Exact, as one of its account's.
    if (typeof row.AccountBankAccountID === 'string') this.addBankAccount(String(row.Account), row.AccountBankAccountID);
    d.terms.delete(row.ID);
    d.terms.set(row.ID, stored);
    return stored;
  }

  /**
   * With cachePages: makes every page of a first sync of `resource` (`Timestamp gt 1`, then each
   * `__next`) with `$select=select` now, as the gateway will ask for them, so that serving them
   * later costs the double almost nothing. No call is counted against any budget. Pages made.
   */
  prepareSyncPages(division: number, resource: string, select: readonly string[]): number {
    let url: URL | null = new URL(`http://double/api/v1/${division}/${resource}`);
    url.searchParams.set('$filter', 'Timestamp gt 1');
    url.searchParams.set('$select', select.join(','));
    let pages = 0;
    while (url) {
      const body = JSON.parse(this.#sync(division, resource, url, false).body ?? '{}') as { d?: { __next?: string } };
      pages++;
      url = body.d?.__next ? new URL(body.d.__next) : null;
    }
    return pages;
  }

  /** Deletes a payment term: it leaves the sync endpoint and appears in sync/Deleted [sync]. */
  deleteTerm(division: number, id: string): void {
    const d = this.#division(division);
    if (!d.terms.delete(id)) throw new Error(`no term ${id}`);
    const when = `/Date(${this.now()})/`;
    d.deleted.push({ EntityKey: id, EntityType: DELETED_ENTITY_PAYMENT_TERMS, Timestamp: d.nextTimestamp++, DeletedDate: when });
  }

  /**
   * Adds or changes a row of another resource: on a sync/ resource it gets the next Timestamp
   * [sync]; on a REST one Modified becomes now (Exact stamps every change) [resources].
   */
  upsertRow(division: number, resource: string, row: Record<string, unknown>): Record<string, unknown> {
    const d = this.#division(division);
    const key = KEY[resource] ?? 'ID';
    const table = this.#rows(d, resource);
    const stored = resource in SYNC_RESOURCES ? { ...row, Timestamp: d.nextTimestamp++ } : { ...row, Modified: `/Date(${this.now()})/` };
    table.delete(String(row[key]));
    table.set(String(row[key]), stored);
    return stored;
  }

  /**
   * Deletes a row of another resource: a sync/ one appears in sync/Deleted under its EntityType, a
   * bank entry's lines under TransactionLines; the other REST resources just lose it [sync].
   */
  deleteRow(division: number, resource: string, id: string): void {
    const d = this.#division(division);
    const row = this.#rows(d, resource).get(id);
    if (!row || !this.#rows(d, resource).delete(id)) throw new Error(`no ${resource} ${id}`);
    const when = `/Date(${this.now()})/`;
    const deleted = (key: string, type: number) =>
      d.deleted.push({ EntityKey: key, EntityType: type, Timestamp: d.nextTimestamp++, DeletedDate: when });
    if (resource in SYNC_RESOURCES) deleted(id, SYNC_RESOURCES[resource]);
    if (resource === 'financialtransaction/BankEntries') {
      for (const line of row.BankEntryLines as { ID: string }[]) deleted(line.ID, DELETED_ENTITY_TRANSACTION_LINES);
    }
  }

  /** Deletes one line of a bank entry (a transaction line, in sync/Deleted); the entry itself is not touched. */
  deleteBankEntryLine(division: number, entryID: string, lineID: string): void {
    const d = this.#division(division);
    const entry = this.#rows(d, 'financialtransaction/BankEntries').get(entryID)!;
    entry.BankEntryLines = (entry.BankEntryLines as { ID: string }[]).filter((l) => l.ID !== lineID);
    const when = `/Date(${this.now()})/`;
    d.deleted.push({ EntityKey: lineID, EntityType: DELETED_ENTITY_TRANSACTION_LINES, Timestamp: d.nextTimestamp++, DeletedDate: when });
  }

  /** The rows of a resource in a division. */
  rowsOf(division: number, resource: string): Record<string, unknown>[] {
    return [...this.#rows(this.#division(division), resource).values()];
  }

  #rows(d: DivisionData, resource: string): Map<string, Record<string, unknown>> {
    let table = d.rows.get(resource);
    if (!table) d.rows.set(resource, (table = new Map()));
    return table;
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
    for (const resource of Object.keys(SYNC_RESOURCES)) {
      const table = this.#rows(d, resource);
      for (const [id, r] of table) table.set(id, { ...r, Timestamp: d.nextTimestamp++ });
    }
  }

  /** The next `times` requests whose path matches `pattern` answer with `fault`, once `after` matching requests passed. */
  fail(pattern: RegExp, fault: Fault, times = 1, after = 0): void {
    for (let i = 0; i < times; i++) this.#faults.push({ pattern, fault, after });
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
    if (i < 0) return undefined;
    // `after`: that many matching requests pass first (each fault of the same call waits as long).
    if (this.#faults[i].after > 0) {
      for (const f of this.#faults) if (f.pattern === this.#faults[i].pattern) f.after--;
      return undefined;
    }
    return this.#faults.splice(i, 1)[0].fault;
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
    const one = /^cashflow\/(Payments|Receivables)\(guid'([0-9a-fA-F-]{36})'\)$/.exec(resource);
    if (one && method === 'PUT') return this.#putCashflow(division, CASHFLOW[one[1]], one[2].toLowerCase(), body);
    if (one && method === 'GET') return this.#getCashflow(division, CASHFLOW[one[1]], one[2].toLowerCase(), url);
    if (resource === 'sync/Cashflow/PaymentTerms' || resource === 'sync/Deleted' || resource in SYNC_RESOURCES) {
      return this.#sync(division, resource, url, dropNext);
    }
    if (REST_RESOURCES.includes(resource) && method === 'GET') return this.#rest(division, resource, url, dropNext);
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
    // the first rows past `after`: found by a binary search in an array of the collection, made
    // again when the division changed (every change takes the next Timestamp; a test may also
    // delete a row from the map, which changes its size).
    const collection: Map<string, Record<string, unknown>> | Record<string, unknown>[] =
      resource === 'sync/Deleted' ? d.deleted : resource in SYNC_RESOURCES ? this.#rows(d, resource) : d.terms;
    const version = `${d.nextTimestamp}:${collection instanceof Map ? collection.size : collection.length}`;
    const cacheKey = `${division} ${resource} ${select} ${after} ${dropNext} ${version}`;
    const cached = this.#options.cachePages ? this.#pages.get(cacheKey) : undefined;
    if (cached !== undefined) return { status: 200, body: cached };
    let ordered = this.#ordered.get(collection);
    if (ordered?.version !== version) {
      ordered = { version, rows: collection instanceof Map ? [...collection.values()] : [...collection] };
      this.#ordered.set(collection, ordered);
    }
    let low = 0;
    for (let high = ordered.rows.length; low < high;) {
      const middle = (low + high) >>> 1;
      if ((ordered.rows[middle].Timestamp as number) <= after) low = middle + 1;
      else high = middle;
    }
    const rows = ordered.rows.slice(low, low + this.#options.syncPageSize);
    const fields = select.split(',');
    const results = rows.map((r) => Object.fromEntries(fields.map((f) => [f, f === 'Division' ? division : (r[f] ?? null)])));
    const last = rows.at(-1)?.Timestamp;
    const next = new URL(url.toString().replace('http://double', this.url));
    next.searchParams.delete('$filter');
    next.searchParams.set('$skiptoken', String(last));
    const more = rows.length === this.#options.syncPageSize && !dropNext;
    const reply = odata(results, more ? next.toString() : undefined);
    if (this.#options.cachePages) this.#pages.set(cacheKey, reply.body ?? '');
    return reply;
  }

  /**
   * [resources] An ordinary REST GET: rows in key order, 60 a page, `$skiptoken=guid'<last key>'`
   * in `__next`; `$filter` on `Modified ge datetime'...'` (read as UTC, like the `/Date(ms)/` values)
   * or none; `$select` of the fields (`BankEntryLines/Field` for the expanded lines) or every field.
   */
  #rest(division: number, resource: string, url: URL, dropNext: boolean): Reply {
    const key = KEY[resource] ?? 'ID';
    const filter = url.searchParams.get('$filter');
    const modified = filter === null ? null : /^Modified ge datetime'([0-9T:.-]+)'$/.exec(filter);
    if (filter !== null && !modified) return json(400, { error: { message: { value: `Unsupported $filter ${filter}` } } });
    const from = modified ? Date.parse(`${modified[1]}Z`) : null;
    const skip = /^guid'([0-9a-f-]{36})'$/.exec(url.searchParams.get('$skiptoken') ?? '')?.[1] ?? null;
    const expand = url.searchParams.get('$expand');
    const select = url.searchParams.get('$select')?.split(',') ?? null;
    const ms = (v: unknown) => Number(/-?\d+/.exec(String(v))![0]);
    const rows = [...this.#rows(this.#division(division), resource).values()]
      .filter((r) => (from === null || ms(r.Modified) >= from) && (skip === null || String(r[key]) > skip))
      .sort((a, b) => (String(a[key]) < String(b[key]) ? -1 : 1))
      .slice(0, this.#options.restPageSize);
    const pick = (r: Record<string, unknown>, fields: string[] | null) =>
      fields ? Object.fromEntries(fields.map((f) => [f, f === 'Division' ? division : (r[f] ?? null)])) : { ...r, Division: division };
    const results = rows.map((r) => {
      const own = select ? select.filter((f) => !f.includes('/')) : null;
      const out = pick(r, own);
      if (expand === 'BankEntryLines') {
        const lineFields = select ? select.filter((f) => f.startsWith('BankEntryLines/')).map((f) => f.slice(15)) : null;
        out.BankEntryLines = { results: (r.BankEntryLines as Record<string, unknown>[]).map((l) => pick(l, lineFields)) };
      } else delete out.BankEntryLines;
      return out;
    });
    const next = new URL(url.toString().replace('http://double', this.url));
    next.searchParams.set('$skiptoken', `guid'${String(rows.at(-1)?.[key])}'`);
    const more = rows.length === this.#options.restPageSize && !dropNext;
    return odata(results, more ? next.toString() : undefined);
  }

  /**
   * [payments] PUT cashflow/Payments(guid'ID') and cashflow/Receivables(guid'ID'): a JSON body of
   * the fields to change, of those the endpoint's PUT takes (Payments: AccountBankAccountID,
   * Description, PaymentMethod, PaymentReference; Receivables: the same but AccountBankAccountID);
   * any other field, a payment method that is none of B, I, K, V, or a bank account that is not
   * one of the row's account (one a row of it was stored with, or one given to addBankAccount) is refused with 400 and Exact's error body. Answers 204 No Content;
   * the row gets a new Timestamp and Modified, so the sync sees the change.
   */
  #putCashflow(division: number, side: CashflowSide, id: string, body: string): Reply {
    const row = this.#division(division).terms.get(id);
    if (!row || row.LineType !== side.lineType) return exactError(404, `${side.noun} not found`);
    let changes: Record<string, unknown>;
    try {
      changes = JSON.parse(body) as Record<string, unknown>;
    } catch {
      return exactError(400, 'Error processing request stream. The request should be a valid top-level resource object.');
    }
    const refused = Object.keys(changes).filter((k) => !side.writable.includes(k));
    if (refused.length) return exactError(400, `Not updatable: ${refused.join(', ')}`);
    if ('PaymentMethod' in changes && !['B', 'I', 'K', 'V'].includes(String(changes.PaymentMethod))) {
      return exactError(400, `PaymentMethod: ${JSON.stringify(changes.PaymentMethod)} is not a valid payment method`);
    }
    const bank = changes.AccountBankAccountID;
    if (typeof bank === 'string' && !this.#bankAccounts.get(String(row.Account))?.has(bank.toLowerCase())) {
      return exactError(400, 'AccountBankAccountID: the bank account does not belong to the account');
    }
    (side.lineType === 22 ? this.paymentUpdates : this.receivableUpdates).push({ id, body: changes });
    this.upsertTerm(division, { ...row, ...changes, Modified: `/Date(${this.now()})/` } as PaymentTermRow);
    return { status: 204, body: '' };
  }

  /**
   * [odata] GET cashflow/Payments(guid'ID') (and Receivables): the one row by key, as OData v2
   * answers an entity, in `d` itself (no `results`), with `__metadata`; `$select` narrows it. 404
   * with Exact's error body when there is no such row.
   */
  #getCashflow(division: number, side: CashflowSide, id: string, url: URL): Reply {
    const row = this.#division(division).terms.get(id);
    if (!row || row.LineType !== side.lineType) return exactError(404, `${side.noun} not found`);
    const select = url.searchParams.get('$select')?.split(',') ?? Object.keys(row).filter((k) => k !== 'LineType' && k !== 'Timestamp');
    const uri = `${this.url}/api/v1/${division}/${side.endpoint}(guid'${id}')`;
    const fields = Object.fromEntries(select.map((f) => [f, f === 'Division' ? division : (row[f] ?? null)]));
    return json(200, { d: { __metadata: { uri, type: `Exact.Web.Api.Models.${side.noun}` }, ...fields } });
  }

  /** Registers a bank account of an account (a supplier or customer): a PUT may point a row at it [payments]. */
  addBankAccount(account: string, bankAccountID: string): void {
    const known = this.#bankAccounts.get(account) ?? new Set<string>();
    known.add(bankAccountID.toLowerCase());
    this.#bankAccounts.set(account, known);
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

/** [odata] Exact's error body: `{"error": {"code": "", "message": {"lang": "", "value": "..."}}}`. */
const exactError = (status: number, value: string): Reply => json(status, { error: { code: '', message: { lang: '', value } } });

/** The two cashflow endpoints a client may PUT and GET by key [payments], over the same payment terms. */
interface CashflowSide {
  endpoint: string;
  noun: string;
  lineType: 20 | 22;
  writable: readonly string[];
}

const CASHFLOW: Record<string, CashflowSide> = {
  Payments: {
    endpoint: 'cashflow/Payments',
    noun: 'Payment',
    lineType: 22,
    writable: ['AccountBankAccountID', 'Description', 'PaymentMethod', 'PaymentReference'],
  },
  Receivables: {
    endpoint: 'cashflow/Receivables',
    noun: 'Receivable',
    lineType: 20,
    writable: ['Description', 'PaymentMethod', 'PaymentReference'],
  },
};

/** [odata] `{"d": {"results": [...], "__next": "..."}}`. */
const odata = (results: unknown[], next?: string): Reply => json(200, { d: next ? { results, __next: next } : { results } });
