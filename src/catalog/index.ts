import { CatalogColumn, CatalogRelation, CatalogTable } from './types';
import { ACCOUNTS } from './tables/accounts';
import { ALLOCATION_RULES } from './tables/allocation-rules';
import { BANK_ACCOUNTS } from './tables/bank-accounts';
import { BANK_ENTRIES, BANK_ENTRY_LINES } from './tables/bank-entries';
import { CASH_ENTRIES, CASH_ENTRY_LINES } from './tables/cash-entries';
import { CONTACTS } from './tables/contacts';
import { DIVISIONS } from './tables/divisions';
import { DOCUMENT_ATTACHMENTS, DOCUMENTS } from './tables/documents';
import { GL_ACCOUNTS } from './tables/gl-accounts';
import { JOURNALS } from './tables/journals';
import { PAYMENT_BATCHES } from './tables/payment-batches';
import { PAYMENT_CONDITIONS } from './tables/payment-conditions';
import { PAYMENT_MATCHES } from './tables/payment-matches';
import { PAYMENTS } from './tables/payments';
import { RECEIVABLES } from './tables/receivables';
import { RECONCILIATION_PARTS } from './tables/reconciliation-parts';
import { RECONCILIATION_ACTIONS, RECONCILIATION_MATCHES, RECONCILIATION_PROPOSALS, RECONCILIATION_SETTINGS } from './tables/reconciliation';
import { USERS } from './tables/users';

export * from './types';

export const CATALOG: readonly CatalogTable[] = [
  PAYMENTS,
  RECEIVABLES,
  DIVISIONS,
  GL_ACCOUNTS,
  ACCOUNTS,
  CONTACTS,
  BANK_ACCOUNTS,
  JOURNALS,
  PAYMENT_CONDITIONS,
  USERS,
  DOCUMENTS,
  DOCUMENT_ATTACHMENTS,
  PAYMENT_BATCHES,
  PAYMENT_MATCHES,
  BANK_ENTRIES,
  BANK_ENTRY_LINES,
  CASH_ENTRIES,
  CASH_ENTRY_LINES,
  RECONCILIATION_ACTIONS,
  RECONCILIATION_MATCHES,
  RECONCILIATION_PROPOSALS,
  RECONCILIATION_SETTINGS,
  RECONCILIATION_PARTS,
  ALLOCATION_RULES,
];

const byName = new Map(CATALOG.map((t) => [t.name.toLowerCase(), t]));

/** A catalog table by its name (case-insensitive, as SQL identifiers are). */
export function findTable(name: string): CatalogTable | undefined {
  return byName.get(name.toLowerCase());
}

export function table(name: string): CatalogTable {
  const t = findTable(name);
  if (!t) throw new Error(`Unknown catalog table ${name}`);
  return t;
}

export function column(tableName: string, columnName: string): CatalogColumn {
  const c = table(tableName).columns.find((x) => x.name === columnName);
  if (!c) throw new Error(`Unknown catalog column ${tableName}.${columnName}`);
  return c;
}

export function relation(tableName: string, relationName: string): CatalogRelation {
  const r = table(tableName).relations.find((x) => x.name === relationName);
  if (!r) throw new Error(`Unknown relation ${tableName}.${relationName}`);
  return r;
}

/**
 * Where the people of `people` (a table with `visibleThroughActors`) act: the local column of
 * every to-one relation of a partitioned table to it, with that table (Payments.Creator,
 * Payments.Modifier, Payments.PaymentSelector). Each has an index (Division, column).
 */
export function actorColumns(people: CatalogTable): { table: CatalogTable; column: string }[] {
  const toPeople = (r: CatalogRelation) =>
    r.table === people.name && r.kind === 'one' && r.on.length === 1 && r.on[0][1] === people.primaryKey;
  return CATALOG.filter((t) => t.partitionColumn).flatMap((t) =>
    t.relations.filter(toPeople).map((r) => ({ table: t, column: r.on[0][0] })),
  );
}

/** Columns physically stored on the table (derived columns are read through relations). */
export function storedColumns(t: CatalogTable): CatalogColumn[] {
  return t.columns.filter((c) => !c.derived);
}

/** The description used for a GraphQL field: English label and documentation. */
export function describe(c: CatalogColumn): string {
  return `${c.labelEn} (${c.name}). ${c.doc}`;
}
