/**
 * The connector's configuration, from the environment. Every URL is configurable so the connector
 * can be pointed at any server that speaks Exact's API (the test double, another country's host).
 */
export interface ExactConfig {
  /** EXACT_BASE_URL: the Exact host, default the Dutch https://start.exactonline.nl (…be, …de, …co.uk, …). */
  baseUrl: string;
  /** EXACT_CLIENT_ID / EXACT_CLIENT_SECRET: the app registered in Exact's App Center. */
  clientId: string;
  clientSecret: string;
  /** EXACT_REDIRECT_URI: the callback registered with the app, served by `npm run exact -- connect`. */
  redirectUri: string;
  /** EXACT_SYNC_INTERVAL: seconds between scheduled syncs inside the server; 0 or unset: no schedule. */
  syncIntervalSeconds: number;
  /** Calls a minute and a day per Exact division before any header says otherwise (Exact: 60 and 5,000). */
  minutelyLimit: number;
  dailyLimit: number;
  /** EXACT_MINUTE_MS: the length of Exact's minute window (60,000; the benchmark scales it with the double). */
  minuteMs: number;
  /** EXACT_BACKOFF_MS: first wait after a 5xx or a malformed answer, doubled on each retry. */
  backoffMs: number;
  /** Tries of one call on 5xx or a malformed answer before the endpoint counts a failure. */
  maxTries: number;
  /** Consecutive failed runs of an endpoint after which it is not called for `blockMs`. */
  failuresBeforeBlock: number;
  /** EXACT_BLOCK_MS: how long a failing endpoint rests (default 15 minutes). */
  blockMs: number;
  /** EXACT_LEASE_MS: time to live of the sync lease of a division, renewed every third of it (default 60 s). */
  leaseMs: number;
  /**
   * EXACT_SYNC_TABLES: the reference tables synced besides the payment terms, comma separated
   * catalog names (default all of EXACT_SYNC_TABLE_NAMES; `none` for the payment terms only, e.g.
   * to spare calls of the day's budget).
   */
  syncTables: readonly string[];
}

/** The reference tables the sync can bring from Exact besides Payments and Receivables (exact-endpoints.ts). */
export const EXACT_SYNC_TABLE_NAMES: readonly string[] = [
  'GLAccounts',
  'Accounts',
  'BankAccounts',
  'Journals',
  'PaymentConditions',
  'BankEntries',
];

export const DEFAULT_EXACT_BASE_URL = 'https://start.exactonline.nl';

/** The configuration from `env`; an error naming the variable when a number is malformed. */
export function exactConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ExactConfig {
  return {
    baseUrl: (env.EXACT_BASE_URL || DEFAULT_EXACT_BASE_URL).replace(/\/+$/, ''),
    clientId: env.EXACT_CLIENT_ID ?? '',
    clientSecret: env.EXACT_CLIENT_SECRET ?? '',
    redirectUri: env.EXACT_REDIRECT_URI || 'http://127.0.0.1:8765/exact/callback',
    syncIntervalSeconds: whole('EXACT_SYNC_INTERVAL', env.EXACT_SYNC_INTERVAL, 0),
    minutelyLimit: 60,
    dailyLimit: 5000,
    minuteMs: whole('EXACT_MINUTE_MS', env.EXACT_MINUTE_MS, 60_000),
    backoffMs: whole('EXACT_BACKOFF_MS', env.EXACT_BACKOFF_MS, 1000),
    maxTries: 4,
    failuresBeforeBlock: 3,
    blockMs: whole('EXACT_BLOCK_MS', env.EXACT_BLOCK_MS, 15 * 60_000),
    leaseMs: whole('EXACT_LEASE_MS', env.EXACT_LEASE_MS, 60_000),
    syncTables: tableList(env.EXACT_SYNC_TABLES),
  };
}

function whole(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value.trim())) throw new Error(`${name} must be a whole number, got ${JSON.stringify(value)}`);
  return Number(value);
}

function tableList(value: string | undefined): readonly string[] {
  if (value === undefined || value.trim() === '') return EXACT_SYNC_TABLE_NAMES;
  if (value.trim() === 'none') return [];
  const names = value.split(',').map((n) => n.trim());
  const unknown = names.filter((n) => !EXACT_SYNC_TABLE_NAMES.includes(n));
  if (unknown.length) {
    throw new Error(`EXACT_SYNC_TABLES: unknown table ${unknown.join(', ')} (known: ${EXACT_SYNC_TABLE_NAMES.join(', ')}, or none)`);
  }
  return names;
}
