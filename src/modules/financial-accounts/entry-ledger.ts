import { DivisionScope } from '../../access/division-scope';
import type { RowsToInsert } from '../../db/bulk-insert';
import { Dec } from '../../platform/decimal';
import { Journal } from '../journals/journal.entity';
import { BankEntryLine } from './bank-entry-line.entity';
import { BankEntry } from './bank-entry.entity';
import { CashEntryLine } from './cash-entry-line.entity';
import { CashEntry } from './cash-entry.entity';
import { JournalType } from './entry-codes';
import { EntryLineRow, LineRowMaker } from './entry-rows';
import { STORED_SCALE } from './entry-rules';
import { entryError, FinancialEntryRule } from './financial-entry.errors';

/** The tables of one kind of financial account: its entries and their lines. */
export interface EntryTables {
  entry: typeof BankEntry | typeof CashEntry;
  line: typeof BankEntryLine | typeof CashEntryLine;
}

/** Bank journals (type 12) keep their statements in BankEntries and BankEntryLines. */
export const BANK_TABLES: EntryTables = { entry: BankEntry, line: BankEntryLine };
/** Cash journals (type 10) keep their pages in CashEntries and CashEntryLines. */
export const CASH_TABLES: EntryTables = { entry: CashEntry, line: CashEntryLine };

/** The tables of a journal's entries, or undefined for a journal that is no financial account. */
export function tablesOfJournal(type: number): EntryTables | undefined {
  return type === JournalType.BANK ? BANK_TABLES : type === JournalType.CASH ? CASH_TABLES : undefined;
}

/** What the ledger reads of an entry (both kinds have these columns). */
export type EntryRow = BankEntry | CashEntry;

/**
 * The entries of one journal as a ledger, for the writers (storing a statement, creating or
 * deleting a cash entry). Every read is a locking read (SELECT ... FOR UPDATE on MariaDB) inside
 * the caller's transaction, after `lockJournal`: writers of one journal queue on its row, and what
 * they read is the latest committed state, not a snapshot older than the lock.
 */
export class EntryLedger {
  constructor(
    private readonly scope: DivisionScope,
    readonly tables: EntryTables,
    readonly division: number,
    readonly journalCode: string,
  ) {}

  /**
   * The journal row, locked until the transaction ends; UNKNOWN_REFERENCE naming `field` when the
   * division has no such journal, WRONG_JOURNAL_TYPE when it is not of this ledger's type.
   */
  static async lockJournal(
    scope: DivisionScope,
    division: number,
    where: { code: string } | { bankAccountID: string },
    field: string,
  ): Promise<Journal> {
    const qb = scope.select(Journal, 'j').where('j.divisionCode = :division', { division });
    if ('code' in where) qb.andWhere('j.code = :code', { code: where.code });
    else qb.andWhere('j.bankAccountID = :bank', { bank: where.bankAccountID });
    const journal = await scope.forUpdate(qb).getOne();
    if (!journal) {
      const what = 'code' in where ? `journal ${where.code}` : `a bank journal for bank account ${where.bankAccountID}`;
      throw entryError(FinancialEntryRule.UNKNOWN_REFERENCE, field, `${what} does not exist in division ${division}`);
    }
    return journal;
  }

  /** The entries right before and after `entryDate` in the journal's order (EntryDate, EntryNumber). */
  async neighbours(entryDate: Date): Promise<{ previous: EntryRow | null; next: EntryRow | null }> {
    const previous = await this.first('e.entryDate <= :date', { date: entryDate }, 'DESC');
    const next = await this.first('e.entryDate > :date', { date: entryDate }, 'ASC');
    return { previous, next };
  }

  /** The journal's last entry in its order, or null for a journal without entries. */
  last(): Promise<EntryRow | null> {
    return this.first('1 = 1', {}, 'DESC');
  }

  /** One more than the journal's highest entry number. */
  async nextEntryNumber(): Promise<number> {
    const qb = this.entries().orderBy('e.entryNumber', 'DESC').limit(1);
    const top = await this.scope.forUpdate(qb).getOne();
    return (top?.entryNumber ?? 0) + 1;
  }

  /** Entries of the journal matching `where` (on alias `e`), locked. */
  find(where: string, parameters: Record<string, unknown>): Promise<EntryRow[]> {
    return this.scope.forUpdate(this.entries().andWhere(where, parameters).orderBy('e.entryNumber')).getMany();
  }

  /**
   * Writes the lines of an entry: up to MAX_ENTRY_LINES for an imported statement, so as
   * multi-row INSERTs built without TypeORM's insert builder (DivisionScope.insertMany). Lines
   * given as a LineRowMaker are made as the database reads them (LOAD DATA on MariaDB): it writes
   * the first while the rest are being made (issue 12, Performance).
   */
  async insertLines(rows: readonly EntryLineRow[] | LineRowMaker<EntryLineRow>): Promise<void> {
    await this.scope.insertMany(this.tables.line, rows as RowsToInsert<never>);
  }

  private entries() {
    return this.scope
      .select(this.tables.entry, 'e')
      .where('e.divisionCode = :division AND e.journalCode = :journal', { division: this.division, journal: this.journalCode });
  }

  private first(where: string, parameters: Record<string, unknown>, direction: 'ASC' | 'DESC'): Promise<EntryRow | null> {
    const qb = this.entries().andWhere(where, parameters).orderBy('e.entryDate', direction).addOrderBy('e.entryNumber', direction).limit(1);
    return this.scope.forUpdate(qb).getOne();
  }
}

/** Where a new entry joins its journal's balances: the gaps on either side (null where they connect). */
export interface Continuity {
  /** Opening balance minus the previous entry's closing balance; null when equal or first. */
  gapBefore: string | null;
  /** The next entry's opening balance minus this closing balance; null when equal or last. */
  gapAfter: string | null;
}

/**
 * The continuity rule: the opening balance equals the closing balance of the journal's previous
 * entry, and (for an entry stored before a later one) its closing balance equals the next
 * entry's opening balance. A difference is a missing statement: BALANCE_GAP (CONFLICT) naming
 * `fields.opening` or `fields.closing`, with the expected value, the difference and the
 * neighbour, unless `acceptGap`, when the gaps are returned to be stored and reported.
 */
export function checkContinuity(
  previous: EntryRow | null,
  next: EntryRow | null,
  opening: string,
  closing: string,
  options: { acceptGap: boolean; fields: { opening: string; closing: string } },
): Continuity {
  const gap = (a: string, b: string) => {
    const d = new Dec(a).minus(b);
    return d.isZero() ? null : d.toFixed(STORED_SCALE);
  };
  const gapBefore = previous ? gap(opening, previous.closingBalanceFC) : null;
  const gapAfter = next ? gap(next.openingBalanceFC, closing) : null;
  if (!options.acceptGap && gapBefore !== null) {
    const why =
      `the opening balance ${opening} is not the closing balance ${previous!.closingBalanceFC} of the previous entry ` +
      `(number ${previous!.entryNumber}${statementOf(previous!)} of ${day(previous!.entryDate)}): a difference of ${gapBefore}; ` +
      'is a statement missing?';
    throw entryError(
      FinancialEntryRule.BALANCE_GAP,
      options.fields.opening,
      why,
      neighbour(previous!, previous!.closingBalanceFC, gapBefore),
    );
  }
  if (!options.acceptGap && gapAfter !== null) {
    const why =
      `the closing balance ${closing} is not the opening balance ${next!.openingBalanceFC} of the next entry ` +
      `(number ${next!.entryNumber}${statementOf(next!)} of ${day(next!.entryDate)}): a difference of ${gapAfter}`;
    throw entryError(FinancialEntryRule.BALANCE_GAP, options.fields.closing, why, neighbour(next!, next!.openingBalanceFC, gapAfter));
  }
  return { gapBefore, gapAfter };
}

function neighbour(e: EntryRow, expected: string, difference: string) {
  return {
    expected,
    difference,
    entryID: e.entryID,
    entryNumber: e.entryNumber,
    statementNumber: e instanceof BankEntry ? e.statementNumber : null,
  };
}

function statementOf(e: EntryRow): string {
  return e instanceof BankEntry && e.statementNumber ? `, statement ${e.statementNumber}` : '';
}

const day = (d: Date) => d.toISOString().slice(0, 10);
