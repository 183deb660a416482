import { setTimeout as delay } from 'node:timers/promises';
import { DivisionScope } from '../../access/division-scope';
import type { Database } from '../../db/data-source';
import type { Logger } from '../../platform/logger';
import type { SecretBox } from '../../platform/secret-box';
import { Division } from '../divisions/division.entity';
import { ExactClient } from './exact-client';
import type { ExactConfig } from './exact-config';
import { ExactConnection } from './exact-connection.entity';
import { ExactDivisionMap } from './exact-division-map.entity';
import { ExactTokens } from './exact-tokens';
import { ExactRule, exactError } from './exact.errors';

/** Longest a call made while a person waits may wait for Exact (a budget window, a backoff), in ms. */
export const INTERACTIVE_WAIT_MS = 10_000;

/** The client of one connected gateway division, with what its calls need. */
export interface DivisionClient {
  client: ExactClient;
  /** Exact's division code: the `{division}` of every path, and the name of the shared call budget. */
  exactDivision: number;
  /** The gateway division's currency (amounts in DC are rounded to its minor units). */
  currency: string;
}

/** A wait (the budget's window, a backoff) that would end after an interactive call's deadline; `until` in epoch ms. */
export class ExactWaitTooLong extends Error {
  override name = 'ExactWaitTooLong';
  constructor(readonly until: number) {
    super(`Exact's limits or failures would keep this call waiting until ${new Date(until).toISOString()}`);
  }
}

/**
 * The factory of Exact clients for calls made on behalf of a request (the write-back of
 * exact-write-back.ts), one per gateway: the same ExactClient as the sync's (the call budget shared
 * through the database, token refresh by one process at a time, retries and backoff), built for a
 * division's consent, with waits bounded by `maxWaitMs` so that a mutation's transaction is never
 * held for a budget window: a longer wait ends the call with ExactWaitTooLong.
 */
export class ExactClients {
  readonly #tokens: ExactTokens;

  constructor(
    private readonly db: Database,
    box: SecretBox,
    private readonly config: ExactConfig,
    private readonly log: Logger,
    private readonly maxWaitMs = INTERACTIVE_WAIT_MS,
    private readonly now: () => number = Date.now,
  ) {
    this.#tokens = db.dialect.kind === 'sqlite' ? new KeptTokens(db, box, config, log, now) : new ExactTokens(db, box, config, log, now);
  }

  /**
   * The client of `division`'s consent, read through `scope` (the caller's transaction);
   * NOT_CONNECTED (exact-online's vocabulary) when the division is not connected.
   */
  async forDivision(scope: DivisionScope, division: number): Promise<DivisionClient> {
    const map = await scope.internal.find(ExactDivisionMap, { division });
    const connection = map && (await scope.internal.find(ExactConnection, { id: map.connectionID }));
    if (!map || !connection) throw exactError(ExactRule.NOT_CONNECTED, null, `division ${division} is not connected to Exact Online`);
    const row = await scope.select(Division, 'd').where('d.code = :division', { division }).getOne();
    const deadline = this.now() + this.maxWaitMs;
    const sleep = (ms: number) => {
      if (this.now() + ms > deadline) throw new ExactWaitTooLong(this.now() + ms);
      return delay(ms);
    };
    const client = new ExactClient(
      this.db,
      this.#tokens,
      this.config,
      connection.id,
      connection.baseUrl,
      this.log,
      undefined,
      this.now,
      sleep,
    );
    return { client, exactDivision: map.exactDivision, currency: row?.currency ?? 'EUR' };
  }
}

/**
 * Tokens that survive the rollback of the transaction they were refreshed in. On SQLite every
 * statement of the process runs on one connection, so tokens refreshed during a mutation whose
 * transaction then rolls back (Exact refused the value) would be undone, and the next refresh
 * would present the single-use refresh token Exact already took: the consent would be lost. So
 * each refresh is stored again by a transaction queued behind the running one (DivisionScope
 * transactions run one after the other on SQLite), unless newer tokens are there by then.
 * (MariaDB stores the tokens on a connection of their own, outside the caller's transaction.)
 */
class KeptTokens extends ExactTokens {
  readonly #db: Database;
  readonly #log: Logger;

  constructor(db: Database, box: SecretBox, config: ExactConfig, log: Logger, now: () => number) {
    super(db, box, config, log, now);
    this.#db = db;
    this.#log = log;
  }

  override async store(connectionID: string, tokens: { access: string; refresh: string; expiresAt: number; issuedAt: number }) {
    await super.store(connectionID, tokens);
    const again = async (tx: DivisionScope) => {
      const stored = await tx.internal.find(ExactConnection, { id: connectionID });
      if (stored && (stored.refreshedAt ?? 0) < tokens.issuedAt) await super.store(connectionID, tokens);
    };
    const lost = (error: Error) => this.#log.error({ connection: connectionID, error: error.message }, 'exact: refreshed tokens not kept');
    void new DivisionScope(this.#db, []).transaction(again).catch(lost);
  }
}
