import { DivisionScope } from '../../access/division-scope';
import { startOfDay } from '../../platform/dates';
import { CursorSlot, decodeCursor, encodeCursor, fingerprint } from '../../query/cursor';
import { Page } from '../../query/list-inputs';
import { listQueryBuilder } from '../../query/list-query-builder';
import { BankAccount } from '../bank-accounts/bank-account.entity';
import { Division } from '../divisions/division.entity';
import { Journal } from '../journals/journal.entity';
import { BankEntryLine } from './bank-entry-line.entity';
import { BankEntry } from './bank-entry.entity';
import { CashEntryLine } from './cash-entry-line.entity';
import { JournalType } from './entry-codes';
import { EntryRow, EntryTables, tablesOfJournal } from './entry-ledger';
import { FinancialAccount, FinancialTransaction } from './financial-account.types';
import { entryError, FinancialEntryRule } from './financial-entry.errors';

/** What the service needs of the gateway's configuration. */
export type ListConfig = Parameters<typeof listQueryBuilder>[0]['config'];

/** Keyset page arguments of `transactions` (Relay: first/after forward, last/before backward). */
export interface TransactionPageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

type Line = BankEntryLine | CashEntryLine;

/** What a transaction cursor holds: the account order's keys EntryDate, EntryNumber, LineNumber. */
const CURSOR_SLOTS: readonly CursorSlot[] = [
  { type: 'datetime', nullable: false },
  { type: 'int32', nullable: false },
  { type: 'int32', nullable: false },
];

/** A financial account with what reading it needs: its journal, its tables and the scope it was listed in. */
export interface AccountHandle {
  account: FinancialAccount;
  journal: Journal;
  tables: EntryTables;
}

/**
 * Reads financial accounts (bank journals with their own bank account, cash journals) through the
 * division scope: the accounts, their last entry, their transactions in keyset pages with the
 * stored balance after each line, and the balance on a day. Every statement is an index range
 * of the account's order (Division, JournalCode, EntryDate, EntryNumber[, LineNumber]), so the
 * thousandth page costs what the first does.
 */
export class FinancialAccountService {
  constructor(
    private readonly scope: DivisionScope,
    /** The gateway's limits: page size, cursor key, statement bound (config MAX_PAGE_SIZE, CURSOR_SECRET, ...). */
    private readonly config: ListConfig,
  ) {}

  /** Every financial account of the scope's divisions (optionally of one type), by division, type and code. */
  async list(type?: JournalType | null): Promise<AccountHandle[]> {
    const types = type ? [type] : [JournalType.BANK, JournalType.CASH];
    const journals = await this.scope
      .select(Journal, 'j')
      .where('j.type IN (:...types)', { types })
      .orderBy('j.divisionCode')
      .addOrderBy('j.type', 'DESC')
      .addOrderBy('j.code')
      .getMany();
    return this.handles(journals);
  }

  /** One account by its journal's ID; NOT_FOUND when no financial account of the scope has it. */
  async byId(id: string): Promise<AccountHandle> {
    const journal = await this.scope.select(Journal, 'j').where('j.id = :id', { id }).getOne();
    const [handle] = journal ? await this.handles([journal]) : [];
    if (!handle) throw entryError(FinancialEntryRule.NOT_FOUND, 'id', `financial account ${id} was not found`, { id });
    return handle;
  }

  /** The account's last entry in its order, or null when it has none. */
  lastEntry(h: AccountHandle): Promise<EntryRow | null> {
    return this.entries(h).orderBy('e.entryDate', 'DESC').addOrderBy('e.entryNumber', 'DESC').limit(1).getOne();
  }

  /** Bank entries stored with a balance gap (BalanceGapFC), in order; none for a cash book. */
  async balanceGaps(h: AccountHandle): Promise<BankEntry[]> {
    if (h.tables.entry !== BankEntry) return [];
    const rows = await this.entries(h).andWhere('e.balanceGapFC IS NOT NULL').orderBy('e.entryDate').addOrderBy('e.entryNumber').getMany();
    return rows as BankEntry[];
  }

  /**
   * A keyset page of the account's transactions in order (EntryDate, EntryNumber, LineNumber),
   * each with its stored balance after it. BAD_USER_INPUT naming `first`/`last` beyond the page
   * limit, or a cursor made for another account.
   */
  async transactions(h: AccountHandle, args: TransactionPageArgs): Promise<Page<FinancialTransaction>> {
    const max = this.config.maxPageSize;
    for (const name of ['first', 'last'] as const) {
      const v = args[name];
      if (v === null || v === undefined) continue;
      if (!Number.isInteger(v) || v < 0) throw entryError(FinancialEntryRule.INVALID_VALUE, name, 'must be a non-negative integer');
      if (v > max)
        throw entryError(
          FinancialEntryRule.INVALID_VALUE,
          name,
          `must be at most ${max} (the maximum page size); ask for the next page with after/before`,
          { max },
        );
    }
    if (args.first != null && args.last != null)
      throw entryError(FinancialEntryRule.INVALID_VALUE, 'last', 'cannot be combined with first');
    const backward = args.last != null;
    const size = (backward ? args.last : args.first) ?? 50;
    const fp = fingerprint({ financialAccount: h.account.id });
    // Two statements: the page's keys from the account-order index alone (a covering range read
    // from the cursor on), then the rows by primary key. In one statement MariaDB reads the same
    // index by its (Division, JournalCode) prefix from the account's first line whenever the rest
    // looks large, filtering its way to the cursor: page 1,000 of a million lines took 17 times
    // page 1 (docs/benchmarks.md). A covering read keeps the range plan.
    const keys = this.lines(h).select('l.id', 'id');
    for (const [name, after] of [
      ['after', true],
      ['before', false],
    ] as const) {
      const cursor = args[name];
      if (!cursor) continue;
      const [d, n, ln] = decodeCursor(this.config.cursorSecret, name, cursor, fp, CURSOR_SLOTS);
      // Signed by this gateway, so made by encodeCursor below: a Date and two numbers.
      if (!(d instanceof Date) || !Number.isInteger(n) || !Number.isInteger(ln)) {
        throw entryError(FinancialEntryRule.INVALID_VALUE, name, 'is not a cursor of this account');
      }
      const op = after ? '>' : '<';
      const p = { [`${name}D`]: d, [`${name}N`]: n, [`${name}L`]: ln };
      // The bound on the leading key alone lets the database seek the index range directly.
      keys
        .andWhere(`l.entryDate ${op}= :${name}D`, p)
        .andWhere(
          `(l.entryDate ${op} :${name}D OR (l.entryDate = :${name}D AND ` +
            `(l.entryNumber ${op} :${name}N OR (l.entryNumber = :${name}N AND l.lineNumber ${op} :${name}L))))`,
          p,
        );
    }
    const direction = backward ? 'DESC' : 'ASC';
    keys
      .orderBy('l.entryDate', direction)
      .addOrderBy('l.entryNumber', direction)
      .addOrderBy('l.lineNumber', direction)
      .limit(size + 1);
    const ids = (await keys.getRawMany<{ id: string }>()).map((r) => r.id);
    const found = ids.length ? ((await this.lines(h).andWhere('l.id IN (:...ids)', { ids }).getMany()) as Line[]) : [];
    const byId = new Map(found.map((l) => [l.id, l]));
    // A cash entry deleted between the two statements takes its lines with it: they drop out.
    const rows = ids.map((id) => byId.get(id)).filter((l): l is Line => l !== undefined);
    const more = ids.length > size;
    const lines = rows.slice(0, size);
    if (backward) lines.reverse();
    const cursor = (i: number) =>
      encodeCursor(this.config.cursorSecret, fp, [lines[i].entryDate, lines[i].entryNumber, lines[i].lineNumber]);
    let counted: Promise<number> | undefined;
    return {
      nodes: lines.map((l) => FinancialTransaction.of(l)),
      cursor,
      pageInfo: {
        hasNextPage: backward ? Boolean(args.before) : more,
        hasPreviousPage: backward ? more : Boolean(args.after),
        startCursor: lines.length ? cursor(0) : null,
        endCursor: lines.length ? cursor(lines.length - 1) : null,
      },
      // Counting reads every line of the account: the list builder's count runs it bounded, off the event loop on SQLite.
      totalCount: () => (counted ??= this.count(h)),
    };
  }

  /**
   * The balance at the end of `date`'s UTC day, per the stored entries: after every line booked
   * on or before that day. That is the closing balance of the last entry dated on or before it,
   * unless the next entry holds lines booked by then (a statement covering several days), whose
   * stored balance after the last of them is the answer. Before the account's first transaction:
   * the first entry's opening balance, or null before its opening balance date (unknown then).
   * Null for an account without entries.
   */
  async balanceAt(h: AccountHandle, date: Date): Promise<string | null> {
    const day = startOfDay(date);
    const [upTo] = await this.entries(h)
      .andWhere('e.entryDate <= :day', { day })
      .orderBy('e.entryDate', 'DESC')
      .addOrderBy('e.entryNumber', 'DESC')
      .limit(1)
      .getMany();
    const [after] = await this.entries(h)
      .andWhere('e.entryDate > :day', { day })
      .orderBy('e.entryDate', 'ASC')
      .addOrderBy('e.entryNumber', 'ASC')
      .limit(1)
      .getMany();
    if (after) {
      const line = await this.scope
        .select(h.tables.line, 'l')
        .where('l.divisionCode = :division AND l.entryID = :entry AND l.date <= :day', {
          division: h.journal.divisionCode,
          entry: after.entryID,
          day,
        })
        .orderBy('l.lineNumber', 'DESC')
        .limit(1)
        .getOne();
      if (line) return line.balanceAfterFC;
    }
    if (upTo) return upTo.closingBalanceFC;
    if (!after) return null;
    const openedOn = after instanceof BankEntry ? after.openingBalanceDate : null;
    return openedOn && day < openedOn ? null : after.openingBalanceFC;
  }

  private count(h: AccountHandle): Promise<number> {
    const where = { journalCode: { eq: h.journal.code }, divisionCode: { eq: h.journal.divisionCode } };
    return listQueryBuilder({ scope: this.scope, config: this.config }).count(
      h.tables.line === BankEntryLine ? 'BankEntryLines' : 'CashEntryLines',
      { where },
    );
  }

  /** The account's lines (alias `l`), through the scope. */
  private lines(h: AccountHandle) {
    return this.scope
      .select(h.tables.line as typeof BankEntryLine, 'l')
      .where('l.divisionCode = :division AND l.journalCode = :journal', { division: h.journal.divisionCode, journal: h.journal.code });
  }

  private entries(h: AccountHandle) {
    return this.scope
      .select(h.tables.entry as typeof BankEntry, 'e')
      .where('e.divisionCode = :division AND e.journalCode = :journal', { division: h.journal.divisionCode, journal: h.journal.code });
  }

  /** Handles of the financial journals among `journals`, with their bank account and currency. */
  private async handles(journals: Journal[]): Promise<AccountHandle[]> {
    const financial = journals.filter((j) => tablesOfJournal(j.type));
    const bankIds = [...new Set(financial.map((j) => j.bankAccountID).filter((x): x is string => x !== null))];
    const codes = [...new Set(financial.map((j) => j.divisionCode))];
    const [banks, divisions] = await Promise.all([
      bankIds.length ? this.scope.select(BankAccount, 'b').where('b.id IN (:...bankIds)', { bankIds }).getMany() : [],
      codes.length ? this.scope.select(Division, 'd').where('d.code IN (:...codes)', { codes }).getMany() : [],
    ]);
    return financial.map((journal) => {
      // A bank account of another division than its journal's is no bank account of this one.
      const bank = banks.find((b) => b.id === journal.bankAccountID && b.divisionCode === journal.divisionCode) ?? null;
      const division = divisions.find((d) => d.code === journal.divisionCode);
      const account = Object.assign(new FinancialAccount(), {
        id: journal.id,
        divisionCode: journal.divisionCode,
        type: journal.type as JournalType,
        journalCode: journal.code,
        description: journal.description,
        bankAccountID: bank?.id ?? null,
        bankAccountNumber: bank?.bankAccount ?? null,
        currency: bank?.currency ?? journal.currency ?? division?.currency ?? '',
      });
      return { account, journal, tables: tablesOfJournal(journal.type)! };
    });
  }
}
