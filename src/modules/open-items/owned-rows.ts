import type { DivisionScope } from '../../access/division-scope';
import type { Runtime } from '../../platform/runtime';
import type { OpenItem, OpenItemKind, OpenItemValues } from './open-item';

/**
 * Rows another system owns: in a division connected to Exact Online, Payments and Receivables are
 * Exact's (DivisionScope.ownedByExact). An update of such a row is not the gateway's to write; it
 * goes to the owner's writer, which sends what the owner lets a client change to it, reads the
 * row back and stores that (issue 14, "Who owns a division's rows").
 *
 * The writer is exact-online's (exact-online/exact-write-back.ts). It is handed in through the
 * gateway's runtime by the composition root (cli/start.ts, the test gateway) rather than imported:
 * exact-online imports the sides' entities, so a side importing exact-online would close a circle
 * between the domains. Without a writer (no SECRETS_KEY, so no token could be opened), every change
 * to an owned row is refused with OWNED_BY_EXACT, as before write-back existed.
 */

/** One update of an owned row: the row as locked for the transaction, the changed fields (entity names, canonical values). */
export interface OwnedRowChange<T extends OpenItem = OpenItem> {
  row: T;
  set: OpenItemValues;
  /** Position in the bulk input, for error messages. */
  index: number;
}

export interface OwnedRowWriter {
  /**
   * Writes `changes` (rows of `kind` in owned divisions, locked in `scope`'s transaction, versions
   * checked) to the owner and stores the rows the owner then answers, each with Version + 1, in
   * `scope`'s transaction. All or nothing as far as the owner allows: every change is checked
   * before the first is sent. Throws the side's errors (OWNED_BY_EXACT naming a field the owner
   * keeps, EXACT_REFUSED, EXACT_UNAVAILABLE, ...).
   */
  write<T extends OpenItem>(scope: DivisionScope, kind: OpenItemKind<T>, changes: OwnedRowChange<T>[]): Promise<void>;
}

const KEY = 'open-items:owned-row-writer';
const holderOf = (runtime: Runtime) => runtime.memo(KEY, () => ({ writer: null as OwnedRowWriter | null }));

/** Hands `writer` to the open-item writes of the gateway that `runtime` belongs to. */
export function registerOwnedRowWriter(runtime: Runtime, writer: OwnedRowWriter): void {
  holderOf(runtime).writer = writer;
}

/** The owned-row writer registered on `runtime`, or null (owned rows are then read-only). */
export function ownedRowWriterOf(runtime: Runtime): OwnedRowWriter | null {
  return holderOf(runtime).writer;
}
