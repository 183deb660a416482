import { setTimeout as delay } from 'node:timers/promises';
import http from 'node:http';
import https from 'node:https';
import { BankConnectorRule, connectorError } from './bank-connector.errors';

/** TLS material of a client (PEM text): the application's certificate and key for mutual TLS, extra trusted CAs. */
export interface ClientTls {
  cert?: string | Buffer;
  key?: string | Buffer;
  passphrase?: string;
  /** CAs to trust besides the system's (a test double's own CA). */
  ca?: string | Buffer;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** How a client behaves: TLS, how long a Retry-After may make it wait, how often it retries a 429. */
export interface HttpClientOptions {
  tls?: ClientTls;
  /** Longest wait for one Retry-After, in milliseconds (default 60 000); longer waits fail as RATE_LIMITED. */
  maxRetryWaitMs?: number;
  /** Retries of a 429 answer (default 3). */
  retries?: number;
  /** Name of the service in messages (`Ponto`, `CodaBox`). */
  service: string;
}

/**
 * One HTTP(S) client over Node's own http/https (OpenSSL for TLS, client certificates included),
 * for the connectors' JSON APIs. A 429 answer is retried after its `Retry-After` (seconds, RFC 9110
 * §10.2.3) within the bounds given, then refused as RATE_LIMITED; a TLS handshake that fails is
 * CERTIFICATE_REFUSED. Bodies are never logged or put in messages (they may hold tokens).
 */
export class HttpClient {
  constructor(private readonly options: HttpClientOptions) {}

  async send(request: HttpRequest): Promise<HttpAnswer> {
    const retries = this.options.retries ?? 3;
    for (let attempt = 0; ; attempt++) {
      const answer = await this.once(request);
      if (answer.status !== 429) return answer;
      const seconds = Number(answer.headers['retry-after'] ?? 1);
      const waitMs = Math.max(0, Number.isFinite(seconds) ? seconds * 1000 : 1000);
      if (attempt >= retries || waitMs > (this.options.maxRetryWaitMs ?? 60_000)) {
        throw connectorError(
          BankConnectorRule.RATE_LIMITED,
          null,
          `${this.options.service} answered 429 (rate limit) ${attempt + 1} times for ` +
            `${request.method} ${pathOf(request.url)}; try again later`,
        );
      }
      await delay(Math.min(waitMs, this.options.maxRetryWaitMs ?? 60_000));
    }
  }

  private once(request: HttpRequest): Promise<HttpAnswer> {
    const url = new URL(request.url);
    const secure = url.protocol === 'https:';
    const tls = this.options.tls ?? {};
    const headers = { ...(request.headers ?? {}) };
    if (request.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(request.body));
    return new Promise((resolve, reject) => {
      const options: https.RequestOptions = {
        method: request.method,
        headers,
        ...(secure ? { cert: tls.cert, key: tls.key, passphrase: tls.passphrase, ca: tls.ca, agent: false } : {}),
      };
      const req = (secure ? https : http).request(url, options, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      req.setTimeout(60_000, () => req.destroy(new Error('no answer within 60 s')));
      req.on('error', (error: NodeJS.ErrnoException) => reject(this.transportError(error, request)));
      req.end(request.body);
    });
  }

  private transportError(error: NodeJS.ErrnoException, request: HttpRequest): Error {
    const code = error.code ?? '';
    const where = `${request.method} ${pathOf(request.url)}`;
    if (/SSL|TLS|CERT|EPROTO|ECONNRESET|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(`${code} ${error.message}`)) {
      return connectorError(
        BankConnectorRule.CERTIFICATE_REFUSED,
        null,
        `the TLS handshake with ${this.options.service} failed for ${where} (${code || error.message}): check the client ` +
          `certificate and key files and that the certificate is the one registered with ${this.options.service}`,
      );
    }
    return connectorError(
      BankConnectorRule.REMOTE_ERROR,
      null,
      `${this.options.service} could not be reached for ${where} (${code || error.message})`,
    );
  }
}

/** The path of a URL without its query (queries may carry tokens or cursors). */
export function pathOf(url: string): string {
  return new URL(url).pathname;
}

/** The JSON of an answer, or REMOTE_ERROR naming the service and path. */
export function jsonOf<T>(answer: HttpAnswer, service: string, url: string): T {
  try {
    return JSON.parse(answer.body.toString('utf8')) as T;
  } catch {
    throw connectorError(BankConnectorRule.REMOTE_ERROR, null, `${service} answered ${pathOf(url)} with a body that is not JSON`);
  }
}

/** `Authorization: Basic` of a user and password (RFC 7617). */
export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}
