import { createHash, randomBytes } from 'node:crypto';
import { BankConnectorRule, connectorError } from './bank-connector.errors';
import { basicAuth, ClientTls, HttpAnswer, HttpClient, jsonOf, pathOf } from './http-client';

/** Tokens of a Ponto consent (RFC 6749 §5.1); `expiresAt` in epoch milliseconds. */
export interface PontoTokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: number;
}

/** A JSON:API resource (https://jsonapi.org/format/#document-resource-objects). */
export interface JsonApiResource<A> {
  type: string;
  id: string;
  attributes: A;
  links?: Record<string, string | undefined>;
  meta?: Record<string, unknown>;
}

/** A page of a JSON:API collection with its cursor links (`next`: older, `prev`: newer). */
export interface JsonApiPage<A> {
  data: JsonApiResource<A>[];
  links?: { first?: string; next?: string; prev?: string };
}

/** Ponto's account attributes used here (Ponto Connect API, "Account"). Amounts are JSON numbers. */
export interface PontoAccountAttributes {
  reference: string;
  referenceType: string;
  currency: string;
  currentBalance: number;
  currentBalanceReferenceDate?: string;
  availableBalance?: number;
  description?: string;
  holderName?: string;
}

/** Ponto's transaction attributes (Ponto Connect API, "Transaction" and "Pending Transaction"). */
export interface PontoTransactionAttributes {
  amount: number;
  currency: string;
  valueDate: string;
  executionDate: string;
  description?: string | null;
  remittanceInformation?: string | null;
  remittanceInformationType?: 'structured' | 'unstructured' | null;
  counterpartName?: string | null;
  counterpartReference?: string | null;
  endToEndId?: string | null;
  bankTransactionCode?: string | null;
  proprietaryBankTransactionCode?: string | null;
  internalReference?: string | null;
  /**
   * Base64 SHA-256 of the bank's payload: NOT unique (Ponto: "may not be unique if the exact same
   * transaction happens on the same day"), so never a key here.
   */
  digest?: string;
}

/** A synchronization (Ponto Connect API, "Synchronization"): pending → running → success | error. */
export interface PontoSynchronizationAttributes {
  status: 'pending' | 'running' | 'success' | 'error';
  subtype: string;
  resourceId: string;
  resourceType: string;
  errors?: { code?: string; detail?: string }[];
}

export interface PontoClientOptions {
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  tls: ClientTls;
  maxRetryWaitMs?: number;
  /** Called with new tokens as soon as they arrive (the refresh token is single-use: store it before anything else). */
  onTokens?: (tokens: PontoTokens) => Promise<void>;
  now?: () => number;
}

/** A PKCE pair (RFC 7636): the verifier kept sealed, the S256 challenge sent in the authorization URL. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/**
 * Ponto Connect (Ibanity) over mutual TLS: every call presents the application's certificate and
 * key. OAuth 2 (RFC 6749) with the client authenticated by HTTP Basic at `/oauth2/token`: the
 * authorization code with its PKCE verifier, then `refresh_token` grants; Ponto rotates the
 * refresh token on every refresh, so `onTokens` stores the new one before it is used. An access
 * token refused with 401 is refreshed once and the call repeated; a refused refresh is
 * CONSENT_EXPIRED. Collections are JSON:API with cursor pages.
 */
export class PontoClient {
  private readonly http: HttpClient;

  constructor(
    private readonly options: PontoClientOptions,
    private tokens: PontoTokens | null = null,
  ) {
    this.http = new HttpClient({ service: 'Ponto', tls: options.tls, maxRetryWaitMs: options.maxRetryWaitMs });
  }

  /** Exchanges the authorization code (with its PKCE verifier) for tokens; CONSENT_EXPIRED when Ponto refuses it. */
  async exchangeCode(code: string, verifier: string, redirectUri: string): Promise<PontoTokens> {
    return this.tokenGrant({ grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: redirectUri }, 'code');
  }

  async get<T>(path: string): Promise<T> {
    return jsonOf<T>(await this.call('GET', this.url(path)), 'Ponto', path);
  }

  /**
   * POSTs `body` as JSON:API. With `idempotencyKey` (a UUID), Ponto (Ibanity) carries out a repeat
   * of the same key once only (the `Ibanity-Idempotency-Key` header of Ibanity's own SDKs): a request
   * whose answer was lost can be sent again without making a second payment.
   */
  async post<T>(path: string, body: unknown, options: { idempotencyKey?: string } = {}): Promise<T> {
    const headers: Record<string, string> = options.idempotencyKey ? { 'Ibanity-Idempotency-Key': options.idempotencyKey } : {};
    return jsonOf<T>(await this.call('POST', this.url(path), JSON.stringify(body), false, headers), 'Ponto', path);
  }

  /** Every resource of a collection, following `links.next` from `path`. */
  async all<A>(path: string): Promise<JsonApiResource<A>[]> {
    const out: JsonApiResource<A>[] = [];
    let url: string | undefined = this.url(path);
    while (url) {
      const page: JsonApiPage<A> = jsonOf(await this.call('GET', url), 'Ponto', path);
      out.push(...page.data);
      url = page.data.length ? page.links?.next : undefined;
    }
    return out;
  }

  /** One page of a collection (a path with its own `page[...]` parameters). */
  async page<A>(path: string): Promise<JsonApiPage<A>> {
    return this.get<JsonApiPage<A>>(path);
  }

  private url(path: string): string {
    return /^https?:/.test(path) ? path : `${this.options.apiUrl.replace(/\/+$/, '')}${path}`;
  }

  private async call(
    method: 'GET' | 'POST',
    url: string,
    body?: string,
    retried = false,
    extra: Record<string, string> = {},
  ): Promise<HttpAnswer> {
    const now = this.options.now ?? Date.now;
    if (!this.tokens) throw connectorError(BankConnectorRule.CONSENT_EXPIRED, null, 'the Ponto connection has no consent: connect again');
    if (this.tokens.expiresAt - 30_000 <= now()) await this.refresh();
    const headers: Record<string, string> = {
      ...extra,
      Authorization: `Bearer ${this.tokens.accessToken}`,
      Accept: 'application/vnd.api+json',
    };
    if (body !== undefined) headers['Content-Type'] = 'application/vnd.api+json';
    const answer = await this.http.send({ method, url, headers, body });
    if (answer.status === 401 && !retried) {
      await this.refresh();
      return this.call(method, url, body, true, extra);
    }
    if (answer.status < 200 || answer.status > 299) {
      throw connectorError(
        BankConnectorRule.REMOTE_ERROR,
        null,
        `Ponto answered ${answer.status} to ${method} ${pathOf(url)}${jsonApiErrors(answer)}`,
      );
    }
    return answer;
  }

  private async refresh(): Promise<void> {
    await this.tokenGrant({ grant_type: 'refresh_token', refresh_token: this.tokens!.refreshToken }, null);
  }

  private async tokenGrant(form: Record<string, string>, field: string | null): Promise<PontoTokens> {
    const url = this.url('/oauth2/token');
    const answer = await this.http.send({
      method: 'POST',
      url,
      headers: {
        Authorization: basicAuth(this.options.clientId, this.options.clientSecret),
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
      },
      body: new URLSearchParams(form).toString(),
    });
    if (answer.status === 400 || answer.status === 401) {
      const error = oauthError(answer);
      throw connectorError(
        BankConnectorRule.CONSENT_EXPIRED,
        field,
        `Ponto refused the ${form.grant_type === 'refresh_token' ? 'refresh token' : 'authorization code'} (${error}): ` +
          'the consent expired or was revoked; connect again (npm run banks -- connect ponto)',
      );
    }
    if (answer.status !== 200)
      throw connectorError(BankConnectorRule.REMOTE_ERROR, null, `Ponto answered ${answer.status} to POST /oauth2/token`);
    const body = jsonOf<{ access_token?: string; refresh_token?: string; expires_in?: number | string }>(answer, 'Ponto', url);
    if (!body.access_token || !body.refresh_token) throw connectorError(BankConnectorRule.REMOTE_ERROR, null, 'Ponto gave no tokens');
    const tokens = {
      accessToken: body.access_token,
      refreshToken: body.refresh_token,
      expiresAt: (this.options.now ?? Date.now)() + Number(body.expires_in ?? 0) * 1000,
    };
    this.tokens = tokens;
    await this.options.onTokens?.(tokens);
    return tokens;
  }
}

/** `error` of an OAuth error answer (RFC 6749 §5.2), never its description's secrets. */
function oauthError(answer: HttpAnswer): string {
  try {
    const body = JSON.parse(answer.body.toString('utf8')) as { error?: unknown };
    return typeof body.error === 'string' ? body.error.slice(0, 60) : `status ${answer.status}`;
  } catch {
    return `status ${answer.status}`;
  }
}

/** `: code: detail` of a JSON:API error document. */
function jsonApiErrors(answer: HttpAnswer): string {
  try {
    const body = JSON.parse(answer.body.toString('utf8')) as { errors?: { code?: string; detail?: string }[] };
    const first = body.errors?.[0];
    return first ? `: ${[first.code, first.detail].filter(Boolean).join(': ').slice(0, 300)}` : '';
  } catch {
    return '';
  }
}
