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

/**
 * Stores one page of payment terms of a connected division, inside the caller's transaction
 * (`tx`, a scope of that division): LineType 22 become Payments, 20 Receivables, other line types
 * are not cash-flow items of either side and are skipped. A row stored before is replaced whole
 * (Exact's row is the truth), its Version raised by one in SQL so that a client holding the old
 * version sees the change; a new row starts at Version 1. One upsert per side by ID
 * (DivisionScope.upsertMany), so storing the same page twice (a resumed run) leaves one row per ID.
 */
export async function storePaymentTerms(tx: DivisionScope, division: number, currency: string, rows: ExactRow[]): Promise<StoredPage> {
  let written = 0;
  let changed = 0;
  for (const side of SIDES) {
    const mapped: Record<string, unknown>[] = [];
    for (const r of rows) if (String(r.LineType) === side.lineType) mapped.push(mapExactRow(side.table, r, division, currency));
    if (!mapped.length) continue;
    changed += await tx.upsertMany(side.entity as never, mapped as never[]);
    written += mapped.length;
  }
  return { written, changed };
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
