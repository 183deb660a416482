import { createHash, timingSafeEqual } from 'node:crypto';
import { createLocalJWKSet, decodeProtectedHeader, JSONWebKeySet, jwtVerify } from 'jose';
import { Database } from '../../db/data-source';
import type { Runtime } from '../../platform/runtime';
import { BankConnectorRule, connectorError } from './bank-connector.errors';
import { BankConnectionAccount } from './bank-connection.entity';
import { serverContext } from './bank-schedule';
import { pullConnection } from './bank-sync';
import { BankConnectorConfig, pontoTls, required } from './connector-config';
import { HttpClient, jsonOf } from './http-client';

/** Ibanity signs webhooks with RS512 (Ibanity's webhook documentation, "Signature"). */
const ALGORITHM = 'RS512';
/** Seconds of clock difference accepted on `iat`/`exp`. */
const CLOCK_TOLERANCE_S = 30;

/** Ponto events after which an account has something new to pull. */
const PULL_EVENTS = new Set([
  'pontoConnect.account.transactionsCreated',
  'pontoConnect.account.transactionsUpdated',
  'pontoConnect.account.pendingTransactionsCreated',
  'pontoConnect.account.pendingTransactionsUpdated',
  'pontoConnect.account.detailsUpdated',
  'pontoConnect.account.reauthorized',
]);

/** A verified webhook: its event type and the Ponto account it is about (when it names one). */
export interface PontoWebhookEvent {
  type: string;
  accountId: string | null;
}

/**
 * Ponto's webhooks (Ibanity signs every one): the `Signature` header is a JWT signed with RS512 by
 * a key of Ibanity's JWKS (PONTO_WEBHOOK_KEYS_URL, read over mutual TLS, cached and read again
 * for an unknown `kid`), issued by https://api.ibanity.com for the application (PONTO_APPLICATION_ID),
 * within `iat`/`exp` (30 s tolerance), whose `digest` claim is the base64 SHA-512 of the body as
 * received. Anything else is refused (INVALID_VALUE naming `Signature`) and triggers nothing.
 */
export class PontoWebhooks {
  #keys: JSONWebKeySet | null = null;

  constructor(
    private readonly db: Database,
    private readonly runtime: Runtime,
    private readonly config: BankConnectorConfig,
  ) {}

  async verify(body: Buffer, signature: string | undefined): Promise<PontoWebhookEvent> {
    const refuse = (why: string) => connectorError(BankConnectorRule.INVALID_VALUE, 'Signature', why);
    if (!signature) throw refuse('the Signature header is missing');
    let kid: string | undefined;
    try {
      kid = decodeProtectedHeader(signature).kid;
    } catch {
      throw refuse('is not a JWT');
    }
    if (!kid) throw refuse('names no key (kid)');
    const keys = await this.keys(kid);
    let digest: unknown;
    try {
      const { payload } = await jwtVerify(signature, createLocalJWKSet(keys), {
        algorithms: [ALGORITHM],
        issuer: 'https://api.ibanity.com',
        audience: required(this.config.ponto.applicationId, 'PONTO_APPLICATION_ID'),
        clockTolerance: CLOCK_TOLERANCE_S,
      });
      digest = payload.digest;
    } catch (error) {
      throw refuse(`does not verify (${(error as { code?: string }).code ?? 'invalid'})`);
    }
    const expected = createHash('sha512').update(body).digest();
    const given = typeof digest === 'string' ? Buffer.from(digest, 'base64') : Buffer.alloc(0);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw refuse("the body's digest is not the signed one");
    const event = JSON.parse(body.toString('utf8')) as { data?: { type?: string; attributes?: { accountId?: string } } };
    return { type: String(event.data?.type ?? ''), accountId: event.data?.attributes?.accountId ?? null };
  }

  /**
   * Verifies a webhook and, for an event about an account of a connection, pulls that connection
   * (in the background: the answer does not wait; the pull's lease keeps it to one at a time).
   * Returns the pull under way, or null when the event asks for none.
   */
  async receive(body: Buffer, signature: string | undefined): Promise<Promise<unknown> | null> {
    const event = await this.verify(body, signature);
    if (!PULL_EVENTS.has(event.type) || !event.accountId) return null;
    const ctx = await serverContext(this.db, this.runtime, this.config, 'webhook');
    const accounts = await ctx.scope.internal.list(BankConnectionAccount, { remoteID: event.accountId });
    const pulls = [...new Set(accounts.map((a) => a.connectionID))].map((id) =>
      pullConnection(ctx, id).catch((error: Error) =>
        this.runtime.logger.warn({ connection: id }, `webhook pull skipped: ${error.message}`),
      ),
    );
    this.runtime.logger.info({ event: event.type, connections: pulls.length }, 'Ponto webhook received');
    return Promise.all(pulls);
  }

  private async keys(kid: string): Promise<JSONWebKeySet> {
    if (this.#keys?.keys.some((k) => k.kid === kid)) return this.#keys;
    const http = new HttpClient({ service: 'Ibanity', tls: pontoTls(this.config), maxRetryWaitMs: this.config.maxRetryWaitMs });
    const url = this.config.ponto.webhookKeysUrl;
    const answer = await http.send({ method: 'GET', url, headers: { Accept: 'application/json' } });
    if (answer.status !== 200)
      throw connectorError(BankConnectorRule.REMOTE_ERROR, null, `Ibanity answered ${answer.status} for its webhook keys`);
    this.#keys = jsonOf<JSONWebKeySet>(answer, 'Ibanity', url);
    return this.#keys;
  }
}
