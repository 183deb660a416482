import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A CodaBox API v2 double: a real HTTP server answering as CodaBox's public documentation (and
 * the open-source clients written against it: Odoo's codabox module, Valuya's Java client) says:
 *
 * - every call must carry the software company's key in `X-Software-Company` (CodaBox API v2,
 *   "Authentication"); without it, or with another key, 403 `{"detail": ...}`;
 * - `GET /get-credentials/{token}/` exchanges the one-time token mailed to the client for
 *   `{username, password}`; a token works once ("a token can only be used once"), then 404;
 * - the delivery endpoints take those credentials as HTTP Basic; wrong or revoked ones: 401;
 * - `GET /delivery/pod-client/` lists the feeds (`feed_clients`: id, client_name, client_id);
 * - `GET /delivery/feed/{id}/` lists the feed's entries after its offset (`feed_entries`: feed_index,
 *   document_model, metadata with iban, currency, new_balance_date, statement numbers, movement count);
 * - `GET /delivery/download/{feed_index}/cod` returns the CODA file of a `coda` entry,
 *   `.../xml` the CAMT.053 file of a `camt053` entry (another format of an entry: 404);
 * - `PUT /delivery/feed/{id}/` with `{"feed_offset": feed_index}` confirms receipt up to that entry.
 *
 * Faults a test can switch on: answers 429 with Retry-After (API rate limiting), revoked
 * credentials (401). Every request is recorded (method, path, whether the key was there).
 */
export interface CodaboxDoubleEntry {
  feedIndex: string;
  documentModel: string;
  iban: string;
  currency: string;
  newBalanceDate: string;
  content: Buffer;
}

export interface CodaboxDoubleFeed {
  id: number;
  clientName: string;
  entries: CodaboxDoubleEntry[];
  /** Entries confirmed so far (the offset is the feed index of entries[offset - 1]). */
  confirmed: number;
}

export class CodaboxDouble {
  readonly softwareCompany = randomUUID();
  readonly feeds: CodaboxDoubleFeed[] = [];
  readonly requests: { method: string; path: string; softwareCompany: boolean; authorized: boolean }[] = [];
  readonly downloads = new Map<string, number>();
  /** The next N calls answer 429 with `Retry-After: retryAfter`. */
  rateLimitNext = 0;
  retryAfter = '0';
  /** Milliseconds every answer waits (a slow service, so that concurrent pulls overlap). */
  delayMs = 0;
  private readonly tokens = new Map<string, { username: string; password: string }>();
  private readonly valid = new Set<string>();
  private server?: http.Server;
  url = '';

  /** A one-time token (as CodaBox mails it) for new credentials. */
  issueToken(): string {
    const token = randomUUID();
    this.tokens.set(token, { username: `GF-${randomUUID().slice(0, 24)}`, password: randomUUID().replace(/-/g, '').slice(0, 10) });
    return token;
  }

  /** Revokes every credential handed out (the client withdrew consent in MyCodaBox). */
  revokeCredentials(): void {
    this.valid.clear();
  }

  addFeed(id: number, clientName = `Client ${id}`): CodaboxDoubleFeed {
    const feed = { id, clientName, entries: [], confirmed: 0 };
    this.feeds.push(feed);
    return feed;
  }

  addEntry(feed: CodaboxDoubleFeed, entry: Omit<CodaboxDoubleEntry, 'feedIndex' | 'documentModel'> & { documentModel?: string }): string {
    const feedIndex = randomUUID();
    feed.entries.push({ feedIndex, documentModel: entry.documentModel ?? 'coda', ...entry });
    return feedIndex;
  }

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => setTimeout(() => this.answer(req, Buffer.concat(chunks), res), this.delayMs));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v2`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private answer(req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): void {
    const path = new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/v2/, '');
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      res.end(JSON.stringify(value));
    };
    const softwareCompany = req.headers['x-software-company'] === this.softwareCompany;
    const authorized = this.valid.has(req.headers.authorization ?? '');
    this.requests.push({ method: req.method ?? '', path, softwareCompany, authorized });
    if (this.rateLimitNext > 0) {
      this.rateLimitNext--;
      return json(429, { detail: 'Request was throttled.' }, { 'Retry-After': this.retryAfter });
    }
    if (!softwareCompany) return json(403, { detail: 'Invalid or missing X-Software-Company header.' });
    const credentials = path.match(/^\/get-credentials\/([^/]+)\/?$/);
    if (credentials && req.method === 'GET') {
      const found = this.tokens.get(decodeURIComponent(credentials[1]));
      if (!found) return json(404, { detail: 'Not found.' });
      this.tokens.delete(decodeURIComponent(credentials[1]));
      this.valid.add(`Basic ${Buffer.from(`${found.username}:${found.password}`).toString('base64')}`);
      return json(200, found);
    }
    if (!authorized) return json(401, { detail: 'Invalid username/password.' });
    if (path === '/delivery/pod-client/' && req.method === 'GET') {
      return json(200, { feed_clients: this.feeds.map((f) => ({ id: f.id, client_name: f.clientName, client_id: `client-${f.id}` })) });
    }
    const feedMatch = path.match(/^\/delivery\/feed\/(\d+)\/?$/);
    const feed = feedMatch && this.feeds.find((f) => f.id === Number(feedMatch[1]));
    if (feedMatch && !feed) return json(404, { detail: 'Not found.' });
    if (feed && req.method === 'GET') {
      const entries = feed.entries.slice(feed.confirmed).map((e) => ({
        feed_index: e.feedIndex,
        document_model: e.documentModel,
        metadata: { iban: e.iban, currency: e.currency, new_balance_date: e.newBalanceDate, movement_count: 1 },
      }));
      return json(200, { feed_offset: feed.confirmed ? feed.entries[feed.confirmed - 1].feedIndex : null, feed_entries: entries });
    }
    if (feed && req.method === 'PUT') {
      const offset = (JSON.parse(body.toString('utf8') || '{}') as { feed_offset?: string }).feed_offset;
      const at = feed.entries.findIndex((e) => e.feedIndex === offset);
      if (at < 0) return json(400, { detail: 'Unknown feed_offset.' });
      feed.confirmed = Math.max(feed.confirmed, at + 1);
      return json(200, { feed_offset: offset });
    }
    const download = path.match(/^\/delivery\/download\/([^/]+)\/(cod|xml)$/);
    if (download && req.method === 'GET') {
      const entry = this.feeds.flatMap((f) => f.entries).find((e) => e.feedIndex === download[1]);
      const format = entry?.documentModel.startsWith('camt') ? 'xml' : 'cod';
      if (!entry || download[2] !== format) return json(404, { detail: 'Not found.' });
      this.downloads.set(entry.feedIndex, (this.downloads.get(entry.feedIndex) ?? 0) + 1);
      res.writeHead(200, { 'Content-Type': format === 'xml' ? 'application/xml' : 'text/plain; charset=iso-8859-1' });
      return void res.end(entry.content);
    }
    json(404, { detail: 'Not found.' });
  }
}
