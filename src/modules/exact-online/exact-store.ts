import type { DivisionScope } from '../../access/division-scope';
import { PAYMENTS } from '../../catalog/tables/payments';
import { RECEIVABLES } from '../../catalog/tables/receivables';
import type { CatalogTable } from '../../catalog/types';
import { Payment } from '../payments/payment.entity';
import { Receivable } from '../receivables/receivable.entity';
import { ExactRow, LINE_TYPE_PAYMENT, LINE_TYPE_RECEIPT, mapExactRow } from './exact-mapping';

/** The two sides a payment term lands on, by its LineType. */
const SIDES: readonly { lineType: string; table: CatalogTable; entity: typeof Payment | typeof Receivable }[] = [
  { lineType: LINE_TYPE_PAYMENT, table: PAYMENTS, entity: Payment },
  { lineType: LINE_TYPE_RECEIPT, table: RECEIVABLES, entity: Receivable },
];

/** What one stored page did. */
export interface StoredPage {
  /** Rows written (new and changed). */
  written: number;
  /** Of those, rows that were stored before (changed at Exact). */
  changed: number;
}

/** A page of payment terms mapped to the rows of each side (mapPaymentTerms), or why it could not be. */
export type MappedTerms = { sides: { entity: typeof Payment | typeof Receivable; rows: Record<string, unknown>[] }[] } | { error: unknown };

/**
 * Maps one page of payment terms of a connected division to catalog rows (mapExactRow): LineType
 * 22 become Payments, 20 Receivables, other line types are not cash-flow items of either side and
 * are skipped. Pure CPU work, no database: the sync maps the next page while MariaDB stores the one
 * before. A row that does not fit its column is kept as the error (ExactMalformedError naming the
 * field), which storeMappedTerms throws, so a page fails where it is stored, as it did when it was
 * mapped there.
 */
export function mapPaymentTerms(division: number, currency: string, rows: readonly ExactRow[]): MappedTerms {
  try {
    return {
      sides: SIDES.map((side) => {
        const mapped: Record<string, unknown>[] = [];
        for (const r of rows) if (String(r.LineType) === side.lineType) mapped.push(mapExactRow(side.table, r, division, currency));
        return { entity: side.entity, rows: mapped };
      }),
    };
  } catch (error) {
    return { error };
  }
}

/**
 * Stores a mapped page inside the caller's transaction (`tx`, a scope of that division). A row
 * stored before is replaced whole (Exact's row is the truth), its Version raised by one in SQL so
 * that a client holding the old version sees the change; a new row starts at Version 1. One upsert
 * per side by ID (DivisionScope.upsertMany), so storing the same page twice (a resumed run) leaves
 * one row per ID.
 */
export async function storeMappedTerms(tx: DivisionScope, mapped: MappedTerms): Promise<StoredPage> {
  if ('error' in mapped) throw mapped.error;
  let written = 0;
  let changed = 0;
  for (const side of mapped.sides) {
    if (!side.rows.length) continue;
    changed += await tx.upsertMany(side.entity as never, side.rows as never[]);
    written += side.rows.length;
  }
  return { written, changed };
}

/**
 * Stores a mapped page and runs `finish` (the caller's bookkeeping, e.g. the high-water mark)
 * only once every row of the page is committed. On MariaDB the two sides go in on two connections
 * at once, as two transactions (MariaDB loads each table on a core of its own): Payments first,
 * and the Receivables' transaction, after its own rows, waits for the Payments' commit, then runs
 * `finish` and commits. If the second fails after the first committed, `finish` never ran: the
 * caller reads the page again later and the upserts by ID store it again without duplicates (its
 * rows then count as changed). Elsewhere (SQLite, one writer at a time), with one side empty or
 * in the caller's transaction: one transaction. Returns when both transactions have ended; the first error otherwise.
 */
export async function storePage(
  scope: DivisionScope,
  mapped: MappedTerms,
  finish: (tx: DivisionScope) => Promise<void>,
): Promise<StoredPage> {
  if ('error' in mapped) throw mapped.error;
  const sides = mapped.sides.filter((side) => side.rows.length > 0);
  // Inside the caller's transaction there is one connection: both sides go in it.
  if (scope.dialect.kind === 'sqlite' || sides.length < 2 || scope.inTransaction) {
    return scope.transaction(async (tx) => {
      const stored = await storeMappedTerms(tx, { sides });
      await finish(tx);
      return stored;
    });
  }
  const first = scope.transaction((tx) => storeMappedTerms(tx, { sides: [sides[0]] }));
  const second = scope.transaction(async (tx) => {
    const stored = await storeMappedTerms(tx, { sides: sides.slice(1) });
    await first;
    await finish(tx);
    return stored;
  });
  const [a, b] = await Promise.allSettled([first, second]);
  if (a.status === 'rejected') throw a.reason;
  if (b.status === 'rejected') throw b.reason;
  return { written: a.value.written + b.value.written, changed: a.value.changed + b.value.changed };
}

/** Deletes synced rows by Exact ID from both sides; the number deleted. */
export async function deleteSyncedRows(tx: DivisionScope, ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  let deleted = 0;
  for (const side of SIDES) deleted += await tx.delete(side.entity, 'ID IN (:...ids)', { ids: ids.map((i) => i.toLowerCase()) });
  return deleted;
}

/** Empties both sides of the division before a full reload (Exact's rows replace whatever the division held). */
export async function clearSyncedRows(tx: DivisionScope): Promise<number> {
  let deleted = 0;
  for (const side of SIDES) deleted += await tx.delete(side.entity, '1 = 1');
  return deleted;
}
