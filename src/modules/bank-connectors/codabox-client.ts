import { BankConnectorRule, connectorError } from './bank-connector.errors';
import { basicAuth, ClientTls, HttpAnswer, HttpClient, jsonOf, pathOf } from './http-client';

/** The Basic credentials CodaBox gives for a one-time token (GET /get-credentials/{token}/). */
export interface CodaboxCredentials {
  username: string;
  password: string;
}

/** A feed of the pod (GET /delivery/pod-client/ → `feed_clients`). */
export interface CodaboxFeedClient {
  id: number;
  client_name?: string;
  client_id?: string;
}

/**
 * An entry of a feed (GET /delivery/feed/{id}/ → `feed_entries`): `feed_index` identifies the file
 * to download and is the offset confirmed afterwards; `document_model` is `coda` for bank
 * statements; the metadata say which account, currency, balance date and statement numbers.
 */
export interface CodaboxFeedEntry {
  feed_index: string;
  document_model: string;
  metadata?: {
    iban?: string;
    currency?: string;
    new_balance_date?: string;
    first_statement_number?: number | string;
    last_statement_number?: number | string;
    movement_count?: number;
    bank_id?: string;
  };
}

export interface CodaboxClientOptions {
  apiUrl: string;
  /** Sent as `X-Software-Company` on every call. */
  softwareCompany: string;
  tls?: ClientTls;
  maxRetryWaitMs?: number;
}

/**
 * CodaBox API v2 (delivery), as its public documentation and the clients built on it describe it:
 * every call carries the software company's key in `X-Software-Company`; the one-time token mailed
 * to the client is exchanged once for Basic credentials; the pod lists feeds, a feed lists the
 * entries after its offset, each entry's file is downloaded as `cod` (or `xml` for CAMT), and a PUT
 * of `feed_offset` on the feed confirms receipt up to that entry. Errors carry `detail`.
 */
export class CodaboxClient {
  private readonly http: HttpClient;

  constructor(
    private readonly options: CodaboxClientOptions,
    private readonly credentials: CodaboxCredentials | null = null,
  ) {
    this.http = new HttpClient({ service: 'CodaBox', tls: options.tls, maxRetryWaitMs: options.maxRetryWaitMs });
  }

  /** Exchanges the one-time token: CONSENT_EXPIRED when CodaBox refuses it (used already, unknown). */
  async getCredentials(token: string): Promise<CodaboxCredentials> {
    const url = `${this.base()}/get-credentials/${encodeURIComponent(token)}/`;
    const answer = await this.http.send({ method: 'GET', url, headers: this.headers(false) });
    if (answer.status !== 200) {
      throw connectorError(
        BankConnectorRule.CONSENT_EXPIRED,
        'token',
        `CodaBox refused the one-time token (${answer.status}${detail(answer)}): a token works once; ask CodaBox for a new one`,
      );
    }
    const body = jsonOf<Partial<CodaboxCredentials>>(answer, 'CodaBox', url);
    if (!body.username || !body.password)
      throw connectorError(BankConnectorRule.REMOTE_ERROR, null, 'CodaBox gave no username and password for the token');
    return { username: body.username, password: body.password };
  }

  async feedClients(): Promise<CodaboxFeedClient[]> {
    return (await this.getJson<{ feed_clients?: CodaboxFeedClient[] }>('/delivery/pod-client/')).feed_clients ?? [];
  }

  async feedEntries(feedId: number | string): Promise<CodaboxFeedEntry[]> {
    return (await this.getJson<{ feed_entries?: CodaboxFeedEntry[] }>(`/delivery/feed/${feedId}/`)).feed_entries ?? [];
  }

  /** The file of a feed entry, as bytes (`cod`: CODA; `xml`: CAMT). */
  async download(feedIndex: string, format: 'cod' | 'xml' = 'cod'): Promise<Buffer> {
    return (await this.call('GET', `/delivery/download/${encodeURIComponent(feedIndex)}/${format}`)).body;
  }

  /** Confirms receipt of the feed up to and including `feedIndex`. */
  async confirm(feedId: number | string, feedIndex: string): Promise<void> {
    await this.call('PUT', `/delivery/feed/${feedId}/`, JSON.stringify({ feed_offset: feedIndex }));
  }

  private async getJson<T>(path: string): Promise<T> {
    return jsonOf<T>(await this.call('GET', path), 'CodaBox', `${this.base()}${path}`);
  }

  private async call(method: 'GET' | 'PUT', path: string, body?: string): Promise<HttpAnswer> {
    const url = `${this.base()}${path}`;
    const headers = this.headers(true);
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const answer = await this.http.send({ method, url, headers, body });
    if (answer.status === 401 || answer.status === 403) {
      throw connectorError(
        BankConnectorRule.CONSENT_EXPIRED,
        null,
        `CodaBox refused the credentials for ${method} ${pathOf(url)} (${answer.status}${detail(answer)}): ` +
          'connect again with a new one-time token (npm run banks -- connect codabox --token ...)',
      );
    }
    if (answer.status < 200 || answer.status > 299) {
      throw connectorError(
        BankConnectorRule.REMOTE_ERROR,
        null,
        `CodaBox answered ${answer.status} to ${method} ${pathOf(url)}${detail(answer)}`,
      );
    }
    return answer;
  }

  private headers(authenticated: boolean): Record<string, string> {
    const headers: Record<string, string> = { 'X-Software-Company': this.options.softwareCompany, Accept: 'application/json' };
    if (authenticated) {
      if (!this.credentials)
        throw connectorError(BankConnectorRule.CONSENT_EXPIRED, null, 'the CodaBox connection has no credentials: connect again');
      headers.Authorization = basicAuth(this.credentials.username, this.credentials.password);
    }
    return headers;
  }

  private base(): string {
    return this.options.apiUrl.replace(/\/+$/, '');
  }
}

/** `: <detail>` of a CodaBox error body, when it has one (never the request's secrets). */
function detail(answer: HttpAnswer): string {
  try {
    const body = JSON.parse(answer.body.toString('utf8')) as { detail?: unknown };
    return typeof body.detail === 'string' ? `: ${body.detail.slice(0, 200)}` : '';
  } catch {
    return '';
  }
}
