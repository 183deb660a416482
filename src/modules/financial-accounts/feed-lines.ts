import { DivisionScope } from '../../access/division-scope';
import { Dec } from '../../platform/decimal';
import { BankEntryLine } from './bank-entry-line.entity';
import { BankEntry } from './bank-entry.entity';
import { StatementLineToStore, StatementToStore } from './statement.input';

/**
 * `sourceLine` of the lines a bank connector stored from a transaction feed rather than from a
 * statement file: Ponto's transactions (`ponto:<transaction id>`, bank-connectors/ponto-statement.ts).
 */
export const FEED_SOURCE_PREFIX = 'ponto:';

/**
 * Whether a line of a statement and a stored line are the same bank transaction, by what both
 * sources carry: the same booking day, the same amount (exactly), and, when both carry one, the
 * same end-to-end id. Ponto's digest is not used: Ponto documents it as not unique.
 */
export function feedLineMatches(
  line: Pick<StatementLineToStore, 'bookingDate' | 'amount' | 'endToEndId'>,
  stored: Pick<BankEntryLine, 'date' | 'amountFC' | 'endToEndID'>,
): boolean {
  if (stored.date.toISOString().slice(0, 10) !== line.bookingDate.slice(0, 10)) return false;
  if (!new Dec(stored.amountFC).eq(line.amount)) return false;
  return !line.endToEndId || !stored.endToEndID || line.endToEndId === stored.endToEndID;
}

/**
 * A statement file's statement without the lines a bank connector stored already (the files after
 * Ponto, docs/bank-connectors.md "One account, two sources"): the feed lines of the journal dated
 * after the latest statement file before this statement's day and on or before its day are matched
 * one to one with the statement's lines (feedLineMatches); the matched lines are left out and the
 * opening balance becomes the closing balance less the lines that stay, so the closing balance is
 * the bank's and the running balance counts each transaction once. Reproducible: importing the same
 * statement again gives the same statement (so the import recognises it). The statement itself
 * when nothing matched. Runs in the caller's transaction, which holds the journal's lock.
 */
export async function withoutFeedLines(
  scope: DivisionScope,
  journalCode: string,
  input: StatementToStore,
  statementDate: Date,
): Promise<StatementToStore> {
  const division = input.divisionCode;
  const before = await scope
    .select(BankEntry, 'e')
    .where('e.divisionCode = :division AND e.journalCode = :journalCode', { division, journalCode })
    .andWhere('e.fileHash IS NOT NULL AND e.entryDate < :date', { date: statementDate })
    .orderBy('e.entryDate', 'DESC')
    .getOne();
  // Most journals have statements from files only: an entry without a file after `before` first (entries are few).
  const unfiled = scope
    .select(BankEntry, 'e')
    .where('e.divisionCode = :division AND e.journalCode = :journalCode AND e.fileHash IS NULL', { division, journalCode });
  if (before) unfiled.andWhere('e.entryDate > :after', { after: before.entryDate });
  if (!(await unfiled.limit(1).getOne())) return input;
  // The connector's lines of the window, by the account's order index (journal, entry date): a
  // connector's entry is dated on or after its lines' day, so none after `before` is missed.
  const qb = scope
    .select(BankEntryLine, 'l')
    .where('l.divisionCode = :division AND l.journalCode = :journalCode', { division, journalCode })
    .andWhere('l.sourceLine LIKE :feed AND l.date <= :date', { feed: `${FEED_SOURCE_PREFIX}%`, date: statementDate });
  if (before) qb.andWhere('l.entryDate > :after AND l.date > :after', { after: before.entryDate });
  const fed = (await qb.orderBy('l.entryNumber').addOrderBy('l.lineNumber').getMany()) as BankEntryLine[];
  if (!fed.length) return input;
  const kept: StatementLineToStore[] = [];
  for (const line of input.lines) {
    const at = fed.findIndex((f) => feedLineMatches(line, f));
    if (at >= 0) fed.splice(at, 1);
    else kept.push(line);
  }
  if (kept.length === input.lines.length) return input;
  const rest = kept.reduce((s, l) => s.plus(l.amount), new Dec(0));
  const scale = Math.max(2, new Dec(input.closingBalance).decimalPlaces());
  return { ...input, lines: kept, openingBalance: new Dec(input.closingBalance).minus(rest).toFixed(scale) };
}
