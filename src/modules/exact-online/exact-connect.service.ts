import { randomUUID } from 'node:crypto';
import { DivisionScope } from '../../access/division-scope';
import type { Database } from '../../db/data-source';
import type { Logger } from '../../platform/logger';
import { SecretBox, secretBoxFromEnv } from '../../platform/secret-box';
import { Division } from '../divisions/division.entity';
import { ExactClient } from './exact-client';
import type { ExactConfig } from './exact-config';
import { ExactConnection } from './exact-connection.entity';
import { ExactDivisionMap } from './exact-division-map.entity';
import { ExactTokens } from './exact-tokens';
import { ExactRule, exactError } from './exact.errors';

/** An Exact division the consenting user may see (System/Divisions). */
export interface ExactDivisionInfo {
  code: number;
  description: string;
  currency: string | null;
}

/** The outcome of connecting: the connection, the Exact division chosen and every one offered. */
export interface ConnectResult {
  connectionID: string;
  division: number;
  exactDivision: number;
  exactUserName: string | null;
  available: ExactDivisionInfo[];
}

/** The SecretBox of the environment, or REQUIRED naming SECRETS_KEY: no token is stored unencrypted. */
export function requireSecretBox(env: NodeJS.ProcessEnv = process.env): SecretBox {
  const box = secretBoxFromEnv(env);
  if (!box)
    throw exactError(ExactRule.REQUIRED, 'SECRETS_KEY', 'set SECRETS_KEY (openssl rand -hex 32): Exact tokens are stored encrypted');
  return box;
}

/**
 * Connecting a gateway division to an Exact Online division with the OAuth 2 authorization code
 * flow: the URL the user opens (`authorizationUrl`), then, with the code Exact sends to the
 * callback, the tokens (sealed at rest), `current/Me` (who consented, their current division) and
 * `system/Divisions` (the divisions the user may choose from), and the mapping stored.
 */
export class ExactConnector {
  readonly #tokens: ExactTokens;

  constructor(
    private readonly db: Database,
    private readonly box: SecretBox,
    private readonly config: ExactConfig,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.#tokens = new ExactTokens(db, box, config, log, now);
  }

  /** Exact's authorization page for this app, coming back to the configured redirect URI with `state`. */
  authorizationUrl(state: string): string {
    if (!this.config.clientId || !this.config.clientSecret) {
      throw exactError(
        ExactRule.REQUIRED,
        'EXACT_CLIENT_ID',
        'set EXACT_CLIENT_ID and EXACT_CLIENT_SECRET (the app registered with Exact)',
      );
    }
    const url = new URL(`${this.config.baseUrl}/api/oauth2/auth`);
    url.search = new URLSearchParams({
      client_id: this.config.clientId,
      redirect_uri: this.config.redirectUri,
      response_type: 'code',
      state,
    }).toString();
    return url.toString();
  }

  /**
   * Completes the flow for gateway `division` with the authorization `code`: stores the consent
   * and maps `exactDivision` (default the user's current division) to `division`. NOT_FOUND when
   * the gateway division does not exist; INVALID_VALUE when the user may not see `exactDivision`.
   */
  async complete(code: string, division: number, exactDivision?: number): Promise<ConnectResult> {
    const scope = new DivisionScope(this.db, [division]);
    const target = await scope.select(Division, 'd').where('d.code = :code', { code: division }).getOne();
    if (!target) throw exactError(ExactRule.NOT_CONNECTED, 'division', `gateway division ${division} does not exist`);
    const tokens = await this.#tokens.exchangeCode(this.config.baseUrl, code);
    const at = this.now();
    const connection = Object.assign(new ExactConnection(), {
      id: randomUUID(),
      baseUrl: this.config.baseUrl,
      state: 'connected',
      exactUserName: null,
      accessToken: null,
      accessTokenExpiresAt: null,
      refreshToken: null,
      refreshedAt: null,
      lastError: null,
      created: at,
      modified: at,
    } as ExactConnection);
    await scope.internal.insert(ExactConnection, connection);
    await this.#tokens.store(connection.id, tokens);
    const client = new ExactClient(this.db, this.#tokens, this.config, connection.id, this.config.baseUrl, this.log, undefined, this.now);
    const me = (await client.page(0, 'current/Me?$select=CurrentDivision,FullName')).results[0] ?? {};
    const current = Number(me.CurrentDivision);
    const available = (await client.page(current, `${current}/system/Divisions?$select=Code,Description,Currency`)).results.map((d) => ({
      code: Number(d.Code),
      description: String(d.Description ?? ''),
      currency: d.Currency === null ? null : String(d.Currency),
    }));
    const chosen = exactDivision ?? current;
    if (!available.some((d) => d.code === chosen)) {
      throw exactError(ExactRule.INVALID_VALUE, 'exactDivision', `Exact division ${chosen} is not one the user may see`, {
        available: available.map((d) => d.code),
      });
    }
    // Exact's IDs are the rows' keys: one Exact division can feed only one gateway division.
    const taken = (await scope.internal.list(ExactDivisionMap, { exactDivision: chosen })).find((m) => m.division !== division);
    if (taken) {
      throw exactError(
        ExactRule.INVALID_VALUE,
        'exactDivision',
        `Exact division ${chosen} already feeds gateway division ${taken.division}`,
      );
    }
    const exactUserName = me.FullName === null || me.FullName === undefined ? null : String(me.FullName).slice(0, 100);
    await scope.internal.update(ExactConnection, { id: connection.id }, { exactUserName });
    const existing = await scope.internal.find(ExactDivisionMap, { division });
    const map = { division, connectionID: connection.id, exactDivision: chosen, created: at };
    if (existing) await scope.internal.update(ExactDivisionMap, { division }, map);
    else await scope.internal.insert(ExactDivisionMap, Object.assign(new ExactDivisionMap(), map));
    this.log.info({ division, exactDivision: chosen, connection: connection.id }, 'exact: division connected');
    return { connectionID: connection.id, division, exactDivision: chosen, exactUserName, available };
  }
}
