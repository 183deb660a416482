import type { DivisionScope } from '../../access/division-scope';
import { ACCOUNTS } from '../../catalog/tables/accounts';
import { BANK_ACCOUNTS } from '../../catalog/tables/bank-accounts';
import { GL_ACCOUNTS } from '../../catalog/tables/gl-accounts';
import { JOURNALS } from '../../catalog/tables/journals';
import { PAYMENT_CONDITIONS } from '../../catalog/tables/payment-conditions';
import type { CatalogTable } from '../../catalog/types';
import { Account } from '../accounts/account.entity';
import { BankAccount } from '../bank-accounts/bank-account.entity';
import { GLAccount } from '../gl-accounts/gl-account.entity';
import { Journal } from '../journals/journal.entity';
import { PaymentCondition } from '../payment-conditions/payment-condition.entity';
import { BANK_ENTRY_LINE_SELECT, BANK_ENTRY_SELECT, clearBankEntries, deleteBankEntryLines, storeBankEntries } from './exact-bank-entries';
import { ExactRow, mapExactRow } from './exact-mapping';
import type { StoredPage } from './exact-store';

/**
 * The reference tables of a connected division and where each comes from in Exact's REST API
 * (https://start.exactonline.nl/docs/HlpRestAPIResources.aspx; ../shared/reference/incoming.md).
 * Per table the cheapest way Exact documents to stay current:
 * - `timestamp`: a sync/ endpoint (Sync API: rows with `Timestamp gt N`, `$select` mandatory,
 *   1,000 a page, deletions in sync/Deleted under the table's EntityType). Exact has them for
 *   CRM/Accounts (EntityType 2) and Financial/GLAccounts (EntityType 7), and none for the others.
 * - `full`: an ordinary REST endpoint read whole every run (60 rows a page). For bank accounts,
 *   journals and payment conditions: a division has tens of them (one to a few pages a run), and
 *   sync/Deleted has no EntityType for them (its reference lists TransactionLines 1, Accounts 2,
 *   Addresses 3, ..., GLAccounts 7, ..., PaymentTerms 10, ...), so only a full read notices a
 *   deletion: rows no longer listed are deleted once the read completed.
 * - `modified`: an ordinary REST endpoint filtered on `Modified ge datetime'...'` (Exact's advice
 *   for endpoints without a sync/ version, "Efficient table synchronization"). For bank entries:
 *   financialtransaction/BankEntries has no sync/ endpoint and carries the opening and closing
 *   balances the gateway keeps (sync/Financial/TransactionLines has neither, and filters on
 *   Timestamp only, so it would bring every sales and purchase line as well); its lines come in
 *   the same call (`$expand=BankEntryLines`). Deleted lines are TransactionLines in sync/Deleted
 *   (EntityType 1; a bank entry line is a financial transaction line with the same ID).
 */
export type ExactSyncStrategy = 'timestamp' | 'full' | 'modified';

/** One reference table's source and how its rows are stored. */
export interface ExactEndpointSpec {
  /** Catalog table name, as EXACT_SYNC_TABLES names it. */
  table: string;
  /** Path under /api/v1/{division}/. */
  endpoint: string;
  strategy: ExactSyncStrategy;
  /** Exact fields asked for (`$select`). */
  select: readonly string[];
  /** `$expand` of the endpoint, if any. */
  expand?: string;
  /** EntityType of its rows in sync/Deleted, if Exact reports their deletion there. */
  deletedType?: string;
  /** Stores one page inside the caller's transaction (`tx`, a connector scope of the division). */
  store(tx: DivisionScope, division: number, currency: string, rows: ExactRow[]): Promise<StoredPage>;
  /** Deletes rows by Exact ID (sync/Deleted keys, or rows a full read no longer lists); the number deleted. */
  remove(tx: DivisionScope, ids: string[]): Promise<number>;
  /** IDs of the rows stored now (for a full read's deletions). */
  ids(tx: DivisionScope): Promise<string[]>;
  /** Empties the table for the division (a full reload). */
  clear(tx: DivisionScope): Promise<number>;
}

type Entity = typeof Account | typeof GLAccount | typeof BankAccount | typeof Journal | typeof PaymentCondition;

/** The Exact fields of a catalog table: its stored columns less the gateway's Division, with `rename` (catalog -> Exact). */
function exactFields(table: CatalogTable, extra: string[], rename: Record<string, string | null> = {}): string[] {
  const names = table.columns.filter((c) => !c.derived && c.name !== 'Division').map((c) => c.name);
  return [...names.flatMap((n) => (n in rename ? (rename[n] === null ? [] : [rename[n]!]) : [n])), ...extra];
}

/**
 * A spec of a plain reference table: every stored column from the Exact field of the same name
 * (after `rename`), converted by mapExactRow (exact decimals, `/Date(ms)/` as UTC, GUIDs in lower
 * case). A page replaces the rows of its IDs (delete + insert), so a page stored twice (a resumed
 * run) leaves one row per ID.
 */
function plainSpec(
  table: CatalogTable,
  entity: Entity,
  endpoint: string,
  strategy: ExactSyncStrategy,
  options: { deletedType?: string; rename?: Record<string, string | null> } = {},
): ExactEndpointSpec {
  const rename = options.rename ?? {};
  const select = exactFields(table, strategy === 'timestamp' ? ['Timestamp'] : [], rename);
  const hasCode = table.columns.some((c) => c.name === 'Code');
  const byCatalog = Object.entries(rename).filter((e): e is [string, string] => e[1] !== null);
  return {
    table: table.name,
    endpoint,
    strategy,
    select,
    deletedType: options.deletedType,
    async store(tx, division, currency, rows) {
      if (!rows.length) return { written: 0, changed: 0 };
      const mapped = rows.map((raw) => {
        const named: ExactRow = { ...raw };
        for (const [catalog, exact] of byCatalog) named[catalog] = raw[exact] ?? null;
        return Object.assign(new entity(), mapExactRow(table, named, division, currency));
      });
      const ids = [...new Set(mapped.map((m) => m.id))];
      const before = await tx
        .select(entity as typeof Account, 'r')
        .select(['r.id'])
        .where('r.id IN (:...ids)', { ids })
        .getMany();
      if (before.length) await tx.delete(entity, 'ID IN (:...ids)', { ids: before.map((b) => b.id) });
      // Exact keeps Code unique in a division: a stored row holding a code of the page under another ID is stale.
      if (hasCode) await tx.delete(entity, 'Code IN (:...codes)', { codes: [...new Set(mapped.map((m) => (m as Account).code))] });
      // The last version of an ID in the page wins (a page never holds one twice at Exact).
      const last = new Map(mapped.map((m) => [m.id, m]));
      await tx.insertMany(entity as typeof Account, [...last.values()] as Account[]);
      return { written: last.size, changed: before.length };
    },
    remove: (tx, ids) => (ids.length ? tx.delete(entity, 'ID IN (:...ids)', { ids: ids.map((i) => i.toLowerCase()) }) : Promise.resolve(0)),
    ids: async (tx) =>
      (
        await tx
          .select(entity as typeof Account, 'r')
          .select(['r.id'])
          .getMany()
      ).map((r) => r.id),
    clear: (tx) => tx.delete(entity, '1 = 1'),
  };
}

/** EntityTypes of sync/Deleted (Exact's SyncDeleted reference) the reference tables use. */
export const DELETED_TRANSACTION_LINES = '1';
export const DELETED_ACCOUNTS = '2';
export const DELETED_GL_ACCOUNTS = '7';

/** The bank entries (with their lines), from financialtransaction/BankEntries (see exact-bank-entries.ts). */
const BANK_ENTRIES_SPEC: ExactEndpointSpec = {
  table: 'BankEntries',
  endpoint: 'financialtransaction/BankEntries',
  strategy: 'modified',
  select: [...BANK_ENTRY_SELECT, ...BANK_ENTRY_LINE_SELECT.map((f) => `BankEntryLines/${f}`)],
  expand: 'BankEntryLines',
  deletedType: DELETED_TRANSACTION_LINES,
  store: storeBankEntries,
  remove: deleteBankEntryLines,
  ids: async () => [],
  clear: clearBankEntries,
};

/**
 * The reference tables in the order they are synced: journals after the G/L and bank accounts
 * they name, bank entries last, since each takes its own bank account from its journal.
 */
export const EXACT_ENDPOINTS: readonly ExactEndpointSpec[] = [
  plainSpec(GL_ACCOUNTS, GLAccount, 'sync/Financial/GLAccounts', 'timestamp', { deletedType: DELETED_GL_ACCOUNTS }),
  plainSpec(ACCOUNTS, Account, 'sync/CRM/Accounts', 'timestamp', { deletedType: DELETED_ACCOUNTS }),
  // crm/BankAccounts names the BIC BICCode and has no currency (the journal of an own account has it).
  plainSpec(BANK_ACCOUNTS, BankAccount, 'crm/BankAccounts', 'full', { rename: { BIC: 'BICCode', Currency: null } }),
  plainSpec(JOURNALS, Journal, 'financial/Journals', 'full'),
  plainSpec(PAYMENT_CONDITIONS, PaymentCondition, 'cashflow/PaymentConditions', 'full'),
  BANK_ENTRIES_SPEC,
];

/** Catalog names of every reference table (EXACT_SYNC_TABLES' default). */
export const EXACT_REFERENCE_TABLES: readonly string[] = EXACT_ENDPOINTS.map((s) => s.table);
