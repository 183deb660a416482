import { setTimeout as delay } from 'node:timers/promises';
import { randomBytes } from 'node:crypto';
import { accountKey } from '../financial-accounts/statement.input';
import { BankConnectorRule, connectorError } from './bank-connector.errors';
import { BankConnection, BankConnectionAccount } from './bank-connection.entity';
import { BankConnectionStore, RunCounts } from './connection-store';
import { BankConnectorConfig, pontoTls, required, secretsOf } from './connector-config';
import type { PullOptions } from './bank-sync';
import { ConnectorContext, ownBankAccounts, storeOf } from './connector-context';
import {
  JsonApiResource,
  pkcePair,
  PontoAccountAttributes,
  PontoClient,
  PontoSynchronizationAttributes,
  PontoTokens,
  PontoTransactionAttributes,
} from './ponto-client';
import { amountText, replacePending, stageBooked, storeStaged } from './ponto-statement';

/** Non-secret settings of a Ponto connection. */
interface PontoSettings {
  redirectUri: string;
  /** The OAuth `state` the authorization URL carried (RFC 6749 §10.12), checked when the code comes back. */
  state: string;
}

/** Secrets of a Ponto connection: the PKCE verifier until the code is exchanged, then the tokens. */
type PontoSecrets = { verifier?: string } & Partial<PontoTokens>;

/** Scopes asked for: account information, payment initiation, and a refresh token (Ponto Connect, "Authorization"). */
const SCOPES = 'ai pi offline_access';
const PAGE = 'page[limit]=100';

/** A client for a connection, storing every new token pair (sealed) as soon as Ponto gives it. */
export function pontoClientOf(ctx: ConnectorContext, store: BankConnectionStore, connection: BankConnection): PontoClient {
  const secrets = store.secretsOf<PontoSecrets>(connection);
  const tokens = secrets.accessToken ? (secrets as PontoTokens) : null;
  return new PontoClient(
    {
      apiUrl: ctx.config.ponto.apiUrl,
      clientId: required(ctx.config.ponto.clientId, 'PONTO_CLIENT_ID'),
      clientSecret: required(ctx.config.ponto.clientSecret, 'PONTO_CLIENT_SECRET'),
      tls: pontoTls(ctx.config),
      maxRetryWaitMs: ctx.config.maxRetryWaitMs,
      onTokens: (next) => {
        ctx.effects?.push('Ponto tokens rotated');
        return store.saveSecrets(connection, next);
      },
    },
    tokens,
  );
}

function redirectOf(config: BankConnectorConfig, redirectUri?: string | null): string {
  return redirectUri?.trim() || required(config.ponto.redirectUri, 'PONTO_REDIRECT_URI');
}

/**
 * Starts connecting `division` to Ponto: a connection waiting for consent, holding the PKCE
 * verifier sealed, and the authorization URL (code flow with S256 challenge and `state`) the user
 * opens to choose the accounts to share. finishPontoConnect takes the code Ponto sends back.
 */
export async function startPontoConnect(
  ctx: ConnectorContext,
  division: number,
  options: { redirectUri?: string | null; description?: string | null } = {},
): Promise<{ bankConnection: BankConnection; authorizationUrl: string }> {
  ctx.scope.assertWritable(division);
  secretsOf(ctx.config);
  const clientId = required(ctx.config.ponto.clientId, 'PONTO_CLIENT_ID');
  required(ctx.config.ponto.clientSecret, 'PONTO_CLIENT_SECRET');
  const redirectUri = redirectOf(ctx.config, options.redirectUri);
  const { verifier, challenge } = pkcePair();
  const state = randomBytes(16).toString('base64url');
  const store = storeOf(ctx, ctx.scope.narrow([division]));
  const settings: PontoSettings = { redirectUri, state };
  const connection = await store.create(division, 'ponto', options.description ?? 'Ponto', settings, { verifier }, 'PENDING_CONSENT');
  const url = new URL(ctx.config.ponto.authUrl);
  const query = { client_id: clientId, redirect_uri: redirectUri, response_type: 'code', scope: SCOPES, state };
  for (const [k, v] of Object.entries({ ...query, code_challenge: challenge, code_challenge_method: 'S256' })) url.searchParams.set(k, v);
  return { bankConnection: connection, authorizationUrl: url.toString() };
}

/**
 * Finishes a connection with the authorization code (and `state`, when the caller has it, which
 * must be the one sent): exchanges it with the PKCE verifier over mutual TLS, stores the tokens
 * sealed, and maps Ponto's accounts to the division's own bank accounts by IBAN.
 */
export async function finishPontoConnect(
  ctx: ConnectorContext,
  connectionID: string,
  code: string,
  state?: string | null,
): Promise<{ bankConnection: BankConnection; accounts: BankConnectionAccount[] }> {
  if (!code?.trim()) throw connectorError(BankConnectorRule.REQUIRED, 'code', 'the authorization code Ponto sent back is required');
  const found = await storeOf(ctx).get(connectionID);
  const store = storeOf(ctx, ctx.scope.narrow([found.divisionCode]));
  const settings = store.settingsOf<PontoSettings>(found);
  if (state !== undefined && state !== null && state !== settings.state) {
    throw connectorError(BankConnectorRule.INVALID_VALUE, 'state', 'is not the state of this connection request');
  }
  const { verifier } = store.secretsOf<PontoSecrets>(found);
  if (!verifier) throw connectorError(BankConnectorRule.CONSENT_EXPIRED, 'code', 'this connection was finished already: start a new one');
  const client = pontoClientOf(ctx, store, found);
  await client.exchangeCode(code.trim(), verifier, settings.redirectUri);
  await store.setStatus(found, 'ACTIVE');
  const accounts = await mapAccounts({ ...ctx, scope: store.scope }, store, found, client);
  return { bankConnection: found, accounts };
}

/** Ponto's accounts of the connection, each mapped to the division's own bank account of its IBAN (or none). */
async function mapAccounts(
  ctx: ConnectorContext,
  store: BankConnectionStore,
  connection: BankConnection,
  client: PontoClient,
): Promise<BankConnectionAccount[]> {
  const own = await ownBankAccounts(ctx.scope, connection.divisionCode);
  const out = [];
  for (const a of await client.all<PontoAccountAttributes>(`/accounts?${PAGE}`)) {
    const iban = accountKey(a.attributes.reference);
    out.push(
      await store.upsertAccount(connection, a.id, {
        reference: iban,
        currency: a.attributes.currency,
        bankAccountID: own.get(iban)?.id ?? null,
      }),
    );
  }
  return out;
}

/** Requests a synchronization of `subtype` for an account and waits for it: SYNC_FAILED when it ends in error or takes too long. */
async function synchronize(ctx: ConnectorContext, client: PontoClient, accountID: string, subtype: string): Promise<string> {
  const attributes = { resourceType: 'account', resourceId: accountID, subtype, customerIpAddress: ctx.config.ponto.customerIpAddress };
  const created = await client.post<{ data: JsonApiResource<PontoSynchronizationAttributes> }>('/synchronizations', {
    data: { type: 'synchronization', attributes },
  });
  const started = Date.now();
  let sync = created.data;
  while (sync.attributes.status === 'pending' || sync.attributes.status === 'running') {
    if (Date.now() - started > ctx.config.ponto.syncTimeoutMs) {
      throw connectorError(
        BankConnectorRule.SYNC_FAILED,
        null,
        `Ponto's ${subtype} synchronization of account ${accountID} did not finish in time`,
      );
    }
    await delay(ctx.config.ponto.syncPollMs);
    sync = (await client.get<{ data: JsonApiResource<PontoSynchronizationAttributes> }>(`/synchronizations/${sync.id}`)).data;
  }
  if (sync.attributes.status !== 'success') {
    const why = (sync.attributes.errors ?? []).map((e) => [e.code, e.detail].filter(Boolean).join(': ')).join('; ') || 'no reason given';
    throw connectorError(
      BankConnectorRule.SYNC_FAILED,
      null,
      `Ponto's ${subtype} synchronization of account ${accountID} failed (${why}); if the bank's consent lapsed, reauthorize it in Ponto`,
    );
  }
  return sync.id;
}

/** Transactions new since `cursor` (Ponto lists newest first: `page[before]` walks to newer ones), and the new cursor. */
async function newTransactions(client: PontoClient, accountID: string, cursor: string | null) {
  const base = `/accounts/${accountID}/transactions?${PAGE}`;
  if (!cursor) {
    const all = await client.all<PontoTransactionAttributes>(base);
    return { transactions: all, cursor: all[0]?.id ?? null };
  }
  const out: JsonApiResource<PontoTransactionAttributes>[] = [];
  for (let before = cursor; ;) {
    const page = await client.page<PontoTransactionAttributes>(`${base}&page[before]=${encodeURIComponent(before)}`);
    if (!page.data.length) return { transactions: out, cursor: before };
    out.push(...page.data);
    before = page.data[0].id;
  }
}

/**
 * Pulls a Ponto connection: maps the accounts, then for each account mapped to an own bank account
 * asks for a synchronization of its details and of its transactions with the unsettled ones, waits
 * for both, takes the balance from the account's details, reads the transactions new since the last
 * pull (cursor pages) and those the synchronization updated, keeps them by Ponto id with the new
 * cursor, replaces the pending ones, and stores the booked ones as statements, one per booking day, except those
 * found in the account's statement files already (ponto-statement.ts, feed-dedup.ts).
 * Accounts not mapped are reported afterwards as ACCOUNT_NOT_MAPPED, the others pulled all the same.
 * With `options.bankAccountID`, only the account mapped to that own bank account is pulled
 * (ACCOUNT_NOT_MAPPED naming bankAccountID when Ponto shares none).
 */
export async function pullPonto(
  ctx: ConnectorContext,
  connection: BankConnection,
  counts: RunCounts,
  options: PullOptions = {},
): Promise<void> {
  const store = storeOf(ctx);
  const client = pontoClientOf(ctx, store, connection);
  const now = ctx.now ?? (() => new Date());
  const accounts = await mapAccounts(ctx, store, connection, client);
  const only = options.bankAccountID;
  if (only && !accounts.some((a) => a.bankAccountID === only)) {
    throw connectorError(BankConnectorRule.ACCOUNT_NOT_MAPPED, 'bankAccountID', `Ponto shares no account mapped to bank account ${only}`);
  }
  for (const account of accounts.filter((a) => a.bankAccountID && (!only || a.bankAccountID === only))) {
    const step = `account ${account.reference}`;
    const progress = (message: string) => ctx.onProgress?.({ connectionID: connection.id, step, done: counts.transactions, message });
    progress('synchronizing');
    await synchronize(ctx, client, account.remoteID, 'accountDetails');
    const syncID = await synchronize(ctx, client, account.remoteID, 'accountTransactionsWithUnsettled');
    const details = (await client.get<{ data: JsonApiResource<PontoAccountAttributes> }>(`/accounts/${account.remoteID}`)).data.attributes;
    const fresh = await newTransactions(client, account.remoteID, account.cursor);
    const updated = await client.all<PontoTransactionAttributes>(`/synchronizations/${syncID}/updated-transactions?${PAGE}`);
    const staged = await stageBooked(
      ctx.scope,
      account,
      [...fresh.transactions, ...updated],
      {
        cursor: fresh.cursor,
        currentBalance: amountText(details.currentBalance),
        balanceDate: details.currentBalanceReferenceDate?.slice(0, 10) ?? null,
        synchronizedAt: now(),
      },
      now(),
    );
    const pending = await client.all<PontoTransactionAttributes>(`/accounts/${account.remoteID}/pending-transactions?${PAGE}`);
    await replacePending(ctx.scope, account, pending, now());
    await ctx.hooks?.afterPontoStaged?.(account.id);
    const stored = await storeStaged(ctx.scope, ctx.principal, account);
    counts.transactions += staged.added;
    counts.pendingTransactions += pending.length;
    counts.statementsCreated += stored.entries.length;
    counts.entries?.push(...stored.entries.map((entryID) => ({ divisionCode: account.divisionCode, entryID })));
    const inFiles = stored.recognised ? `, ${stored.recognised} found in statement files` : '';
    progress(`${staged.added} new, ${staged.updated} updated, ${pending.length} pending${inFiles}`);
  }
  const unmapped = accounts.filter((a) => !a.bankAccountID);
  if (unmapped.length && !only) {
    throw connectorError(
      BankConnectorRule.ACCOUNT_NOT_MAPPED,
      null,
      `Ponto shares ${unmapped.map((a) => a.reference).join(', ')}, not an own bank account of division ` +
        `${connection.divisionCode}: add each as an own bank account (with a bank journal), or stop sharing it in Ponto`,
    );
  }
}
