/**
 * Who is calling: an API key, a JWT subject, or the local demo/CLI user. Everything a request
 * may do follows from this: the divisions it was granted and its scopes.
 */
export const SCOPES = [
  'payments:read', // dashboards: lists, lookups, nested relations
  'analytics', // aggregates, ageing, the SQL layer, exports
  'payments:select', // partner apps: select and deselect payments
  'payments:process', // payment runs: batches and bank files, matching
  'payments:write', // insert, update, delete, split payments
  'admin', // API keys
  'receivables:read', // lists, lookups and nested lists of receivables
  'receivables:write', // insert, update, delete, split receivables
  'statements:read', // bank and cash entries, financial accounts with balances and transactions
  'cash:write', // key in and delete cash entries
  'statements:import', // import bank statement files (CODA, camt.053, MT940)
] as const;
export type Scope = (typeof SCOPES)[number];

export interface Principal {
  /** Stable id for audit and idempotency: the key id or the JWT subject. */
  readonly id: string;
  /** User recorded as Creator / Modifier / PaymentSelector. */
  readonly userId: string;
  readonly name: string;
  /** Divisions granted; 'all' is only for trusted local use (CLI, demo). */
  readonly divisions: readonly number[] | 'all';
  readonly scopes: ReadonlySet<Scope>;
  /** For a grant of all: the division codes, when they were read with the credential (sorted). */
  readonly allDivisions?: readonly number[];
}

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}
