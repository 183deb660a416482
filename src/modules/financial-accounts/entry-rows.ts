import type { MadeRows } from '../../db/bulk-insert';
import { Dec, fromHundredths, hundredthsOf } from '../../platform/decimal';
import { checkFits, STORED_SCALE } from './entry-rules';
import type { EntryLineColumns } from './entry-line.columns';

/**
 * How an entry and its lines become rows, the same for bank and cash, for the services and the
 * demo seed alike (pure: no database). The lines are numbered in booking-date order (ties keep
 * their order in the input, the file's), and each gets the balance after it: the entry's opening
 * balance plus its lines up to and including it. The account's transactions are read in the
 * order (EntryDate, EntryNumber, LineNumber) with these stored balances, so any page of them is
 * exact without summing what came before, and the last line of an entry shows its closing balance.
 */

/** The columns every line row has (BankEntryLine and CashEntryLine both extend them). */
export type EntryLineRow = EntryLineColumns;

/** A line as checked input: its booking date, amount (two places) and the other columns it sets. */
export interface LineDraft<Extra extends object = object> {
  date: Date;
  amountFC: string;
  /** Columns of the line besides the computed ones (description, counterparty, references, ...). */
  columns: Extra;
}

/** What the lines take from their entry. */
export interface EntryHead {
  entryID: string;
  divisionCode: number;
  journalCode: string;
  entryNumber: number;
  entryDate: Date;
  currency: string;
  openingBalanceFC: string;
  /** Currency of the division: lines in it get AmountDC = AmountFC at rate 1. */
  divisionCurrency: string | null;
}

/** Audit columns of rows written by one call. */
export interface RowAudit {
  created: Date;
  creatorID: string | null;
  modified: Date;
  modifierID: string | null;
}

/** Financial year and period of an entry date: calendar year and month (Exact's default periods). */
export function periodOf(entryDate: Date): { financialYear: number; financialPeriod: number } {
  return { financialYear: entryDate.getUTCFullYear(), financialPeriod: entryDate.getUTCMonth() + 1 };
}

/**
 * The line rows of an entry made as they are written (db/bulk-insert.ts MadeRows): `length` rows
 * of the entry's division, made in their final order when the iterator reaches them. The order and
 * the running balances are settled when the maker is made (a balance DECIMAL(18,2) cannot hold is
 * refused then); each pass makes new rows (new IDs), so it is to be read once.
 */
export type LineRowMaker<Row> = MadeRows<Row>;

/**
 * The line rows of an entry: numbered 1..n in booking order, each with the balance after it.
 * `newId` gives each line its ID. The last balance is the entry's closing balance when the entry
 * balances (the callers check the balance rule first; see checkBalance). A running balance
 * DECIMAL(18,2) cannot hold is refused naming the line's amount.
 */
export function lineRows<Extra extends object>(
  head: EntryHead,
  drafts: readonly LineDraft<Extra>[],
  audit: RowAudit,
  newId: () => string,
  field: (index: number) => string = (i) => `lines[${i}].amount`,
): (EntryLineRow & Extra)[] {
  return [...lineRowMaker(head, drafts, audit, newId, field)];
}

/** lineRows made as they are written (LineRowMaker): the same rows. */
export function lineRowMaker<Extra extends object>(
  head: EntryHead,
  drafts: readonly LineDraft<Extra>[],
  audit: RowAudit,
  newId: () => string,
  field: (index: number) => string = (i) => `lines[${i}].amount`,
): LineRowMaker<EntryLineRow & Extra> {
  const sameCurrency = head.divisionCurrency !== null && head.divisionCurrency === head.currency;
  const ordered = drafts
    .map((draft, index) => ({ draft, index }))
    .sort((a, b) => a.draft.date.getTime() - b.draft.date.getTime() || a.index - b.index);
  const balanceAfter = runningBalances(
    head.openingBalanceFC,
    ordered.map((o) => o.draft.amountFC),
    (i) => field(ordered[i].index),
  );
  const row = (draft: LineDraft<Extra>, i: number): EntryLineRow & Extra => {
    const line: EntryLineRow = {
      description: null,
      accountID: null,
      glAccountID: null,
      ourRef: null,
      notes: null,
      documentID: null,
      offsetID: null,
      ...draft.columns,
      id: newId(),
      divisionCode: head.divisionCode,
      entryID: head.entryID,
      journalCode: head.journalCode,
      entryNumber: head.entryNumber,
      entryDate: head.entryDate,
      lineNumber: i + 1,
      date: draft.date,
      amountFC: draft.amountFC,
      amountDC: sameCurrency ? draft.amountFC : null,
      exchangeRate: sameCurrency ? '1.00000000' : null,
      currency: head.currency,
      balanceAfterFC: balanceAfter[i],
      ...audit,
    };
    return line as EntryLineRow & Extra;
  };
  return {
    length: ordered.length,
    divisionCodes: [head.divisionCode],
    *[Symbol.iterator]() {
      for (let i = 0; i < ordered.length; i++) yield row(ordered[i].draft, i);
    },
  };
}

/** BalanceAfterFC stores at most this many hundredths (DECIMAL(18,2): 16 digits before the point). */
const LARGEST_HUNDREDTHS = 10n ** 18n;

/**
 * The balance after each amount, from `opening`, as stored text with two places. Amounts with two
 * places (as the checks leave them) are added as BigInt hundredths, others with decimal.js; either
 * is exact. A balance DECIMAL(18,2) cannot hold is refused naming `field(i)` (checkFits).
 */
export function runningBalances(opening: string, amounts: readonly string[], field: (index: number) => string): string[] {
  let sum = hundredthsOf(opening);
  const hundredths = amounts.map(hundredthsOf);
  if (sum === null || hundredths.some((h) => h === null)) {
    let balance = new Dec(opening);
    return amounts.map((amount, i) => {
      balance = balance.plus(amount);
      checkFits(balance, field(i));
      return balance.toFixed(STORED_SCALE);
    });
  }
  return hundredths.map((h, i) => {
    sum! += h!;
    const text = fromHundredths(sum!);
    if (sum! >= LARGEST_HUNDREDTHS || -sum! >= LARGEST_HUNDREDTHS) checkFits(new Dec(text), field(i));
    return text;
  });
}
