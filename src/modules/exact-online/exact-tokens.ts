import { setTimeout as delay } from 'node:timers/promises';
import { DivisionScope } from '../../access/division-scope';
import type { Database } from '../../db/data-source';
import { acquireLease } from '../../db/lease';
import type { Logger } from '../../platform/logger';
import type { SecretBox } from '../../platform/secret-box';
import type { ExactConfig } from './exact-config';
import { ExactConnection } from './exact-connection.entity';
import { ExactRule, exactError } from './exact.errors';

/** What Exact's token endpoint answers: `expires_in` arrives as a string ("600"). */
interface TokenAnswer {
  access_token: string;
  refresh_token: string;
  expires_in: string | number;
  token_type?: string;
}

/**
 * Refresh this long before the access token expires: after 585 of its 600 s, so never before
 * Exact allows it (about 570 s). Earlier only when Exact itself refused the token (401); a refresh
 * Exact refuses as too early (not invalid_grant) burns nothing and is tried again later.
 */
const REFRESH_MARGIN_MS = 15_000;
/** The refresh lease outlives one token call with room to spare. */
const REFRESH_LEASE_MS = 30_000;

export const sealPurpose = (kind: 'access' | 'refresh', connectionID: string) => `exact:${kind}-token:${connectionID}`;

/** A temporary failure of the token endpoint (network, 5xx, refused as too early): try again later. */
export class ExactTokenUnavailable extends Error {
  override name = 'ExactTokenUnavailable';
}

/**
 * Access tokens of one Exact consent, as Exact requires: an access token lives 600 s; the refresh
 * token is single-use, so exactly one process refreshes at a time (the database lease
 * `exact:refresh:<connection>`), and whoever waited reads the tokens the winner stored instead of
 * refreshing again. Exact refuses a refresh before about 570 s; a refused refresh (invalid_grant)
 * marks the connection `needs_consent` with the reason and is not retried. Tokens are sealed with
 * SecretBox at rest and never logged.
 */
export class ExactTokens {
  readonly #scope: DivisionScope;

  constructor(
    private readonly db: Database,
    private readonly box: SecretBox,
    private readonly config: ExactConfig,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => delay(ms),
  ) {
    this.#scope = new DivisionScope(db, []);
  }

  /** Exchanges an authorization code (the connect flow) for tokens; the answer of the token endpoint, parsed. */
  async exchangeCode(baseUrl: string, code: string): Promise<{ access: string; refresh: string; expiresAt: number; issuedAt: number }> {
    const issuedAt = this.now();
    const answer = await this.#tokenCall(baseUrl, { grant_type: 'authorization_code', code, redirect_uri: this.config.redirectUri });
    if (!answer.ok) throw exactError(ExactRule.EXACT_ERROR, 'code', `Exact refused the authorization code (${answer.error})`);
    return { access: answer.body.access_token, refresh: answer.body.refresh_token, expiresAt: expiry(issuedAt, answer.body), issuedAt };
  }

  /** Stores freshly issued tokens of `connection` sealed. */
  async store(connectionID: string, tokens: { access: string; refresh: string; expiresAt: number; issuedAt: number }): Promise<void> {
    await this.#scope.internal.update(
      ExactConnection,
      { id: connectionID },
      {
        accessToken: this.box.seal(tokens.access, sealPurpose('access', connectionID)),
        refreshToken: this.box.seal(tokens.refresh, sealPurpose('refresh', connectionID)),
        accessTokenExpiresAt: tokens.expiresAt,
        refreshedAt: tokens.issuedAt,
        state: 'connected',
        lastError: null,
        modified: this.now(),
      },
    );
  }

  /**
   * A usable access token of the connection, refreshed first when it expires within the margin
   * or when `stale` (Exact answered 401 to it) and Exact would allow a refresh. Throws
   * NEEDS_CONSENT when the consent is gone, ExactTokenUnavailable when a refresh must wait.
   */
  async accessToken(connectionID: string, stale?: string): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      const c = await this.#load(connectionID);
      const access = c.accessToken ? this.box.open(c.accessToken, sealPurpose('access', c.id)) : null;
      const fresh = access && (c.accessTokenExpiresAt ?? 0) - REFRESH_MARGIN_MS > this.now() && access !== stale;
      if (fresh) return access;
      const lease = await acquireLease(this.db, `exact:refresh:${c.id}`, { ttlMs: REFRESH_LEASE_MS, now: this.now });
      if (!lease) {
        // Another process refreshes now: wait for the tokens it stores, never refresh with the same token.
        if (attempt > 200) throw new ExactTokenUnavailable('another process has been refreshing the token for too long');
        await this.sleep(50);
        continue;
      }
      try {
        // Read again under the lease: the tokens may have been refreshed while we waited for it.
        const current = await this.#load(connectionID);
        if ((current.refreshedAt ?? 0) !== (c.refreshedAt ?? 0)) continue;
        return await this.#refresh(current);
      } finally {
        await lease.release();
      }
    }
  }

  async #refresh(c: ExactConnection): Promise<string> {
    const refresh = this.box.open(c.refreshToken ?? '', sealPurpose('refresh', c.id));
    const issuedAt = this.now();
    const answer = await this.#tokenCall(c.baseUrl, { grant_type: 'refresh_token', refresh_token: refresh });
    if (!answer.ok) {
      if (answer.error === 'invalid_grant' || answer.error === 'invalid_client') {
        const detail = answer.description ? `: ${answer.description}` : '';
        const reason = `Exact refused the refresh token (${answer.error}${detail}); connect again`;
        await this.#scope.internal.update(
          ExactConnection,
          { id: c.id },
          { state: 'needs_consent', accessToken: null, refreshToken: null, lastError: reason.slice(0, 500), modified: this.now() },
        );
        this.log.warn({ connection: c.id }, 'exact: consent lost, the connection needs consent again');
        throw exactError(ExactRule.NEEDS_CONSENT, null, reason, { connection: c.id });
      }
      throw new ExactTokenUnavailable(`the token endpoint answered ${answer.error}`);
    }
    const tokens = {
      access: answer.body.access_token,
      refresh: answer.body.refresh_token,
      expiresAt: expiry(issuedAt, answer.body),
      issuedAt,
    };
    await this.store(c.id, tokens);
    this.log.info({ connection: c.id }, 'exact: access token refreshed');
    return tokens.access;
  }

  async #load(connectionID: string): Promise<ExactConnection> {
    const c = await this.#scope.internal.find(ExactConnection, { id: connectionID });
    if (!c) throw exactError(ExactRule.NOT_CONNECTED, null, `Exact connection ${connectionID} does not exist`);
    if (c.state === 'needs_consent' || !c.refreshToken) {
      throw exactError(ExactRule.NEEDS_CONSENT, null, `the Exact connection needs consent again: ${c.lastError ?? 'no tokens'}`, {
        connection: c.id,
      });
    }
    return c;
  }

  /** POST {base}/api/oauth2/token, form encoded with the client's id and secret. */
  async #tokenCall(
    baseUrl: string,
    form: Record<string, string>,
  ): Promise<{ ok: true; body: TokenAnswer } | { ok: false; error: string; description?: string }> {
    const body = new URLSearchParams({ ...form, client_id: this.config.clientId, client_secret: this.config.clientSecret });
    let res: Response;
    try {
      res = await fetch(`${baseUrl}/api/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body,
      });
    } catch (error) {
      throw new ExactTokenUnavailable(`the token endpoint is unreachable (${(error as Error).message})`);
    }
    const parsed = (await res.json().catch(() => ({}))) as Partial<TokenAnswer> & { error?: string; error_description?: string };
    if (res.ok && parsed.access_token && parsed.refresh_token && parsed.expires_in !== undefined)
      return { ok: true, body: parsed as TokenAnswer };
    if (res.status >= 500) throw new ExactTokenUnavailable(`the token endpoint answered HTTP ${res.status}`);
    return { ok: false, error: parsed.error ?? `HTTP ${res.status}`, description: parsed.error_description };
  }
}

/** Expiry (epoch ms) from `expires_in`, which Exact sends as a string of seconds. */
function expiry(issuedAt: number, answer: TokenAnswer): number {
  const seconds = Number(answer.expires_in);
  return issuedAt + (Number.isFinite(seconds) && seconds > 0 ? seconds : 600) * 1000;
}
