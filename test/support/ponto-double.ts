import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import { AddressInfo } from 'node:net';
import { TLSSocket } from 'node:tls';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { Dec } from '../../src/platform/decimal';
import { TestPki } from './test-pki';

/**
 * A Ponto Connect (Ibanity) double: a real HTTPS server written from Ponto Connect's public API
 * documentation (documentation.ibanity.com/ponto-connect/api, and the OpenAPI-generated clients
 * such as pontoconnect_rs that mirror it):
 *
 * - mutual TLS: the server demands a client certificate issued by its CA ("every request must be
 *   signed with your application's certificate"); another certificate fails the handshake;
 * - OAuth 2 at `POST /ponto-connect/oauth2/token`, client id and secret by HTTP Basic; the
 *   authorization code grant checks the PKCE S256 challenge and the redirect URI; access tokens
 *   live `expires_in` 1799 s; every refresh rotates the refresh token (the old one stops working);
 *   a refused grant is 400 `{"error": "invalid_grant"}`; an expired access token is 401;
 * - JSON:API resources: `accounts` (reference = IBAN, currentBalance as a JSON number, ...),
 *   `synchronizations` (resourceType account; subtypes accountDetails, accountTransactions,
 *   accountTransactionsWithUnsettled; status pending → running → success | error with `errors`),
 *   `accounts/{id}/transactions` and `pending-transactions` newest first with cursor pages
 *   (`page[limit]`, `page[before]` for newer, `page[after]` for older; `links.next`/`prev`),
 *   `synchronizations/{id}/updated-transactions`, `accounts/{id}/bulk-payments`;
 * - what the bank has becomes visible only through a synchronization (balances by accountDetails,
 *   transactions by accountTransactions*), as Ponto only serves what it synchronized;
 * - a transaction's `digest` is the same for the same payload on the same day (Ponto: "may NOT
 *   be unique"); ids are unique;
 * - webhooks signed as Ibanity signs them: a JWT (RS512, `kid` of a key served at `/webhooks/keys`)
 *   in the `Signature` header with the SHA-512 `digest` of the body, `iat`/`exp`, `aud` the
 *   application's client id.
 *
 * Faults: 429 with Retry-After, expired access tokens, a revoked consent, a synchronization that
 * fails, a payment made whose answer is lost. Payment creations honour `Ibanity-Idempotency-Key`.
 */
export interface DoubleTransaction {
  id: string;
  amount: string;
  currency: string;
  valueDate: string;
  executionDate: string;
  description?: string;
  remittanceInformation?: string;
  remittanceInformationType?: 'structured' | 'unstructured';
  counterpartName?: string;
  counterpartReference?: string;
  endToEndId?: string;
  bankTransactionCode?: string;
  /** The bank's reference of the transaction (Ponto's `internalReference`). */
  internalReference?: string;
  updatedAt?: number;
}

interface DoubleAccount {
  id: string;
  iban: string;
  currency: string;
  opening: string;
  bank: DoubleTransaction[];
  bankPending: DoubleTransaction[];
  visible: DoubleTransaction[];
  visiblePending: DoubleTransaction[];
  visibleBalance: string;
  lastSyncAt: number;
}

type Json = Record<string, unknown>;

export class PontoDouble {
  readonly clientId = randomUUID();
  readonly clientSecret = randomBytes(16).toString('hex');
  /** The application's id at Ibanity: the audience of its webhook signatures. */
  readonly applicationId = randomUUID();
  readonly accounts = new Map<string, DoubleAccount>();
  readonly requests: { method: string; path: string; certificate: string }[] = [];
  readonly bulkPayments = new Map<string, { accountId: string; attributes: Json; polls: number; reject?: boolean }>();
  /** Single payments (`POST /accounts/{id}/payments`), by id. */
  readonly payments = new Map<string, { accountId: string; attributes: Json; polls: number; reject?: boolean }>();
  /** Payments and bulk payments created from now on end rejected by the bank. */
  rejectPayments = false;
  /** The next N payment creations answer 500 (a failure after some payments of a batch were made). */
  failPaymentsAfter: number | null = null;
  /** The next payment creation makes the payment, then breaks the connection instead of answering (the answer is lost). */
  loseNextPaymentAnswer = false;
  /**
   * Payments by their `Ibanity-Idempotency-Key` (the header Ibanity's own SDKs send on POST): a
   * creation with a key seen before makes nothing and answers with the payment made the first time.
   */
  readonly idempotencyKeys = new Map<string, { kind: 'payments' | 'bulk-payments'; id: string }>();
  rateLimitNext = 0;
  failNextSync: { code: string; detail: string } | null = null;
  url = '';
  private readonly codes = new Map<string, { challenge: string; redirectUri: string }>();
  private readonly refreshTokens = new Set<string>();
  private readonly accessTokens = new Set<string>();
  private readonly syncs = new Map<string, { attributes: Json & { status: string }; polls: number; updated: DoubleTransaction[] }>();
  private server?: https.Server;
  private signing?: { privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey']; jwk: Json };
  private clock = 0;

  constructor(private readonly pki: TestPki) {}

  async start(): Promise<string> {
    const { privateKey, publicKey } = await generateKeyPair('RS512', { extractable: true });
    this.signing = { privateKey, jwk: { ...(await exportJWK(publicKey)), kid: 'key-1', alg: 'RS512', use: 'sig' } };
    this.server = https.createServer(
      {
        cert: this.pki.serverCert,
        key: this.pki.serverKey,
        ca: fs.readFileSync(this.pki.caFile),
        requestCert: true,
        rejectUnauthorized: true,
      },
      (req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => this.answer(req, Buffer.concat(chunks).toString('utf8'), res));
      },
    );
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  get apiUrl(): string {
    return `${this.url}/ponto-connect`;
  }

  /** The user consents on Ponto's authorization page: the code Ponto sends to the redirect URI. */
  authorize(authorizationUrl: string): { code: string; state: string } {
    const u = new URL(authorizationUrl);
    const q = (name: string) => u.searchParams.get(name) ?? '';
    if (q('client_id') !== this.clientId || q('response_type') !== 'code' || q('code_challenge_method') !== 'S256')
      throw new Error('bad authorization request');
    const code = randomBytes(16).toString('hex');
    this.codes.set(code, { challenge: q('code_challenge'), redirectUri: q('redirect_uri') });
    return { code, state: q('state') };
  }

  expireAccessTokens(): void {
    this.accessTokens.clear();
  }

  revokeConsent(): void {
    this.accessTokens.clear();
    this.refreshTokens.clear();
  }

  addAccount(iban: string, opening: string, currency = 'EUR'): string {
    const id = randomUUID();
    this.accounts.set(id, {
      id,
      iban,
      currency,
      opening,
      bank: [],
      bankPending: [],
      visible: [],
      visiblePending: [],
      visibleBalance: opening,
      lastSyncAt: 0,
    });
    return id;
  }

  /** A transaction booked at the bank (visible after the next synchronization); its id. */
  book(accountId: string, t: Omit<DoubleTransaction, 'id' | 'currency'> & { currency?: string }): string {
    const account = this.accounts.get(accountId)!;
    const id = randomUUID();
    account.bank.push({ currency: account.currency, ...t, id, updatedAt: ++this.clock });
    return id;
  }

  /** A pending transaction at the bank; its id. */
  pend(accountId: string, t: Omit<DoubleTransaction, 'id' | 'currency'>): string {
    const account = this.accounts.get(accountId)!;
    const id = randomUUID();
    account.bankPending.push({ currency: account.currency, ...t, id });
    return id;
  }

  /** The pending transaction is booked: it leaves the pending list and becomes a transaction with its own id. */
  settle(accountId: string, pendingId: string, executionDate: string): string {
    const account = this.accounts.get(accountId)!;
    const at = account.bankPending.findIndex((p) => p.id === pendingId);
    const [pending] = account.bankPending.splice(at, 1);
    return this.book(accountId, { ...pending, executionDate });
  }

  /** The bank changes a booked transaction (listed under the next synchronization's updated transactions). */
  update(accountId: string, id: string, patch: Partial<DoubleTransaction>): void {
    const t = this.accounts.get(accountId)!.bank.find((x) => x.id === id)!;
    Object.assign(t, patch, { updatedAt: ++this.clock });
  }

  /** The balance the bank reports (opening plus every booked transaction), as exact text. */
  balanceOf(accountId: string): string {
    const a = this.accounts.get(accountId)!;
    return a.bank.reduce((s, t) => s.plus(t.amount), new Dec(a.opening)).toFixed(2);
  }

  /** A webhook as Ibanity sends it: the body and its `Signature` header. */
  async webhook(type: string, accountId: string): Promise<{ body: string; signature: string }> {
    const body = JSON.stringify({
      data: {
        type,
        id: randomUUID(),
        attributes: { accountId, createdAt: new Date().toISOString(), count: 1 },
        relationships: { account: { data: { type: 'account', id: accountId } } },
      },
    });
    const digest = createHash('sha512').update(body).digest('base64');
    const signature = await new SignJWT({ digest })
      .setProtectedHeader({ alg: 'RS512', kid: 'key-1' })
      .setIssuer('https://api.ibanity.com')
      .setAudience(this.applicationId)
      .setIssuedAt()
      .setExpirationTime('30s')
      .setJti(randomUUID())
      .sign(this.signing!.privateKey);
    return { body, signature };
  }

  private answer(req: import('node:http').IncomingMessage, body: string, res: import('node:http').ServerResponse): void {
    const url = new URL(req.url ?? '/', this.url);
    const path = url.pathname;
    const certificate = String((req.socket as TLSSocket).getPeerCertificate().subject?.CN ?? '');
    this.requests.push({ method: req.method ?? '', path, certificate });
    const send = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'application/vnd.api+json', ...headers });
      res.end(JSON.stringify(value));
    };
    if (this.rateLimitNext > 0) {
      this.rateLimitNext--;
      return send(429, { errors: [{ code: 'tooManyRequests', detail: 'Too many requests' }] }, { 'Retry-After': '0' });
    }
    if (path === '/webhooks/keys') return send(200, { keys: [this.signing!.jwk] });
    if (path === '/ponto-connect/oauth2/token' && req.method === 'POST') return this.token(req, body, send);
    const bearer = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    if (!this.accessTokens.has(bearer))
      return send(401, { errors: [{ code: 'unauthorized', detail: 'The access token is invalid or expired' }] });
    const route = path.replace(/^\/ponto-connect/, '');
    const m = (re: RegExp) => route.match(re);
    let r: RegExpMatchArray | null;
    if (route === '/accounts' && req.method === 'GET')
      return send(
        200,
        this.collection(
          [...this.accounts.values()].map((a) => this.accountResource(a)),
          url,
        ),
      );
    if ((r = m(/^\/accounts\/([^/]+)$/))) return this.withAccount(r[1], send, (a) => send(200, { data: this.accountResource(a) }));
    if ((r = m(/^\/accounts\/([^/]+)\/transactions$/)))
      return this.withAccount(r[1], send, (a) =>
        send(
          200,
          this.collection(
            [...a.visible].reverse().map((t) => this.transactionResource(t)),
            url,
          ),
        ),
      );
    if ((r = m(/^\/accounts\/([^/]+)\/pending-transactions$/)))
      return this.withAccount(r[1], send, (a) =>
        send(
          200,
          this.collection(
            [...a.visiblePending].reverse().map((t) => this.transactionResource(t, 'pendingTransaction')),
            url,
          ),
        ),
      );
    if (route === '/synchronizations' && req.method === 'POST')
      return this.createSync(JSON.parse(body) as { data: { attributes: Json } }, send);
    if ((r = m(/^\/synchronizations\/([^/]+)$/))) return this.pollSync(r[1], send);
    if ((r = m(/^\/synchronizations\/([^/]+)\/updated-transactions$/)))
      return send(
        200,
        this.collection(
          (this.syncs.get(r[1])?.updated ?? []).map((t) => this.transactionResource(t)),
          url,
        ),
      );
    if ((r = m(/^\/accounts\/([^/]+)\/(bulk-payments|payments)$/)) && req.method === 'POST') {
      const attributes = (JSON.parse(body) as { data: { attributes: Json } }).data.attributes;
      const items = (r[2] === 'payments' ? [attributes] : (attributes.payments as Json[])) ?? [];
      const invalid = items.find((p) => String(p.remittanceInformation ?? '').length > 140 || String(p.endToEndId ?? '').length > 35);
      if (invalid) return send(400, { errors: [{ code: 'invalidParameter', detail: 'remittanceInformation or endToEndId too long' }] });
      if (this.failPaymentsAfter !== null && this.failPaymentsAfter-- <= 0)
        return send(500, { errors: [{ code: 'internalServerError', detail: 'Something went wrong' }] });
      const kind = r[2] as 'payments' | 'bulk-payments';
      const key = req.headers['ibanity-idempotency-key'];
      const known = typeof key === 'string' ? this.idempotencyKeys.get(key) : undefined;
      if (known && known.kind === kind) return send(201, { data: this.paymentResource(known.id, kind) });
      const id = randomUUID();
      const made = { accountId: r[1], attributes, polls: 0, reject: this.rejectPayments };
      (kind === 'payments' ? this.payments : this.bulkPayments).set(id, made);
      if (typeof key === 'string') this.idempotencyKeys.set(key, { kind, id });
      if (this.loseNextPaymentAnswer) {
        this.loseNextPaymentAnswer = false;
        req.socket.destroy();
        return;
      }
      return send(201, { data: this.paymentResource(id, kind) });
    }
    if ((r = m(/^\/accounts\/([^/]+)\/payments\/([^/]+)$/))) {
      const payment = this.payments.get(r[2]);
      if (!payment || payment.accountId !== r[1]) return send(404, { errors: [{ code: 'resourceNotFound' }] });
      payment.polls++;
      return send(200, { data: this.paymentResource(r[2], 'payments') });
    }
    if ((r = m(/^\/accounts\/([^/]+)\/bulk-payments\/([^/]+)$/))) {
      const bulk = this.bulkPayments.get(r[2]);
      if (!bulk) return send(404, { errors: [{ code: 'resourceNotFound' }] });
      bulk.polls++;
      return send(200, { data: this.paymentResource(r[2], 'bulk-payments') });
    }
    send(404, { errors: [{ code: 'resourceNotFound', detail: `${req.method} ${route}` }] });
  }

  private token(req: import('node:http').IncomingMessage, body: string, send: (s: number, v: unknown) => void): void {
    const basic = `Basic ${Buffer.from(`${this.clientId}:${this.clientSecret}`).toString('base64')}`;
    if (req.headers.authorization !== basic) return send(401, { error: 'invalid_client' });
    const form = new URLSearchParams(body);
    if (form.get('grant_type') === 'authorization_code') {
      const code = this.codes.get(form.get('code') ?? '');
      this.codes.delete(form.get('code') ?? '');
      const challenge = createHash('sha256')
        .update(form.get('code_verifier') ?? '')
        .digest('base64url');
      if (!code || code.challenge !== challenge || code.redirectUri !== form.get('redirect_uri'))
        return send(400, { error: 'invalid_grant' });
    } else if (form.get('grant_type') === 'refresh_token') {
      if (!this.refreshTokens.delete(form.get('refresh_token') ?? '')) return send(400, { error: 'invalid_grant' });
    } else return send(400, { error: 'unsupported_grant_type' });
    const access = randomBytes(24).toString('hex');
    const refresh = randomBytes(24).toString('hex');
    this.accessTokens.add(access);
    this.refreshTokens.add(refresh);
    send(200, { access_token: access, refresh_token: refresh, expires_in: 1799, token_type: 'bearer', scope: 'ai pi offline_access' });
  }

  private withAccount(id: string, send: (s: number, v: unknown) => void, then: (a: DoubleAccount) => void): void {
    const account = this.accounts.get(id);
    if (!account) return send(404, { errors: [{ code: 'resourceNotFound', detail: 'account' }] });
    then(account);
  }

  private createSync(body: { data: { attributes: Json } }, send: (s: number, v: unknown) => void): void {
    const id = randomUUID();
    const attributes: Json & { status: string } = { ...body.data.attributes, status: 'pending', errors: [] as Json[] };
    if (!this.accounts.has(String(attributes.resourceId))) return send(400, { errors: [{ code: 'invalidResourceId' }] });
    this.syncs.set(id, { attributes, polls: 0, updated: [] });
    send(201, { data: { type: 'synchronization', id, attributes } });
  }

  /** Each poll moves a synchronization on: pending → running → success (or error when a failure was asked for). */
  private pollSync(id: string, send: (s: number, v: unknown) => void): void {
    const sync = this.syncs.get(id);
    if (!sync) return send(404, { errors: [{ code: 'resourceNotFound' }] });
    const a = sync.attributes;
    if (a.status === 'pending') a.status = 'running';
    else if (a.status === 'running') {
      if (this.failNextSync) {
        a.status = 'error';
        a.errors = [{ code: this.failNextSync.code, detail: this.failNextSync.detail }];
        this.failNextSync = null;
      } else {
        a.status = 'success';
        const account = this.accounts.get(String(a.resourceId))!;
        if (a.subtype === 'accountDetails') account.visibleBalance = this.balanceOf(account.id);
        else {
          sync.updated = account.bank.filter((t) => account.visible.some((v) => v.id === t.id) && (t.updatedAt ?? 0) > account.lastSyncAt);
          account.visible = account.bank.map((t) => ({ ...t }));
          if (a.subtype === 'accountTransactionsWithUnsettled') account.visiblePending = account.bankPending.map((t) => ({ ...t }));
          account.lastSyncAt = this.clock;
        }
      }
    }
    send(200, { data: { type: 'synchronization', id, attributes: a } });
  }

  /** A JSON:API page of `items` (newest first) by `page[limit]`, `page[before]`, `page[after]`, with cursor links. */
  private collection(items: { id: string }[], url: URL): Json {
    const limit = Math.min(Number(url.searchParams.get('page[limit]') ?? 10), 100);
    const before = url.searchParams.get('page[before]');
    const after = url.searchParams.get('page[after]');
    let from = 0;
    let to = items.length;
    if (after) from = items.findIndex((i) => i.id === after) + 1;
    if (before)
      to = Math.max(
        0,
        items.findIndex((i) => i.id === before),
      );
    const data = before ? items.slice(Math.max(0, to - limit), to) : items.slice(from, from + limit);
    const link = (key: string, id: string) => {
      const u = new URL(url.toString());
      u.searchParams.delete('page[before]');
      u.searchParams.delete('page[after]');
      u.searchParams.set(key, id);
      return u.toString();
    };
    const last = data.at(-1);
    const first = data[0];
    const olderExists = last && items.indexOf(last) < items.length - 1;
    const newerExists = first && items.indexOf(first) > 0;
    return {
      data,
      meta: { paging: { limit, before: before ?? undefined, after: after ?? undefined } },
      links: {
        first: url.toString(),
        next: olderExists ? link('page[after]', last.id) : undefined,
        prev: newerExists ? link('page[before]', first.id) : undefined,
      },
    };
  }

  private accountResource(a: DoubleAccount): Json & { id: string } {
    return {
      type: 'account',
      id: a.id,
      attributes: {
        reference: a.iban,
        referenceType: 'IBAN',
        currency: a.currency,
        currentBalance: Number(a.visibleBalance),
        availableBalance: Number(a.visibleBalance),
        currentBalanceReferenceDate: '2026-03-31T00:00:00.000Z',
        description: 'Business account',
      },
    };
  }

  private transactionResource(t: DoubleTransaction, type = 'transaction'): Json & { id: string } {
    const { id, amount, updatedAt: _updated, ...rest } = t;
    const digest = createHash('sha256')
      .update(JSON.stringify({ amount, ...rest, updatedAt: undefined }))
      .digest('base64');
    return {
      type,
      id,
      attributes: {
        ...rest,
        amount: Number(amount),
        valueDate: `${t.valueDate}T00:00:00.000Z`,
        executionDate: `${t.executionDate}T00:00:00.000Z`,
        digest,
      },
    };
  }

  private paymentResource(id: string, kind: 'payments' | 'bulk-payments'): Json {
    const made = (kind === 'payments' ? this.payments : this.bulkPayments).get(id)!;
    // A payment waits for the user's signature at the redirect link, then the bank accepts (or rejects) it.
    const answer = made.reject ? 'rejected-by-financial-institution' : 'accepted-by-financial-institution';
    const status = made.polls === 0 ? 'unsigned' : made.polls === 1 ? 'pending' : answer;
    return {
      type: kind === 'payments' ? 'payment' : 'bulkPayment',
      id,
      attributes: { ...made.attributes, status },
      links: { redirect: `${this.url}/sign/${kind}/${id}` },
    };
  }
}
