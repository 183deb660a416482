import { In } from 'typeorm';
import { DivisionScope } from '../../access/division-scope';
import { Dec } from '../../platform/decimal';
import { BankEntryLine } from '../financial-accounts/bank-entry-line.entity';
import { BankEntry } from '../financial-accounts/bank-entry.entity';
import { FEED_SOURCE_PREFIX, feedLineMatches } from '../financial-accounts/feed-lines';
import { StatementLineToStore } from '../financial-accounts/statement.input';
import { BankRemoteTransaction } from './bank-connection.entity';

/** Where a waiting Ponto transaction was found in a stored statement file: that entry and line. */
export interface Recognised {
  entryID: string;
  lineID: string;
}

/**
 * Ponto after the files (docs/bank-connectors.md, "One account, two sources"): each waiting booked
 * transaction dated on or before the latest statement file of the journal (an entry with a file
 * hash: CODA, camt.053, MT940, uploaded or from CodaBox) is looked for among that journal's file
 * lines of the same booking day and amount (and end-to-end id when both carry one) that no other
 * Ponto transaction was recognised in. Found ones are not stored again; the others are. Runs in the
 * caller's transaction (which holds the journal's lock). Never compares Ponto's digest.
 */
export async function recogniseInFiles(
  tx: DivisionScope,
  division: number,
  journalCode: string,
  connectionAccountID: string,
  waiting: BankRemoteTransaction[],
): Promise<Map<string, Recognised>> {
  const found = new Map<string, Recognised>();
  const last = await tx
    .select(BankEntry, 'e')
    .where('e.divisionCode = :division AND e.journalCode = :journalCode AND e.fileHash IS NOT NULL', { division, journalCode })
    .orderBy('e.entryDate', 'DESC')
    .getOne();
  if (!last) return found;
  const covered = last.entryDate.toISOString().slice(0, 10);
  const candidates = waiting.filter((w) => w.executionDate <= covered);
  if (!candidates.length) return found;
  const days = [...new Set(candidates.map((w) => w.executionDate))];
  // The journal's lines of those days (few), then those of them that came from a file.
  const ofDays = (await tx
    .select(BankEntryLine, 'l')
    .where('l.divisionCode = :division AND l.journalCode = :journalCode', { division, journalCode })
    .andWhere('l.date >= :first AND l.date <= :last', {
      first: new Date(`${days[0]}T00:00:00Z`),
      last: new Date(`${days.at(-1)}T00:00:00Z`),
    })
    .getMany()) as BankEntryLine[];
  const onDays = ofDays.filter((l) => days.includes(l.date.toISOString().slice(0, 10)) && !l.sourceLine?.startsWith(FEED_SOURCE_PREFIX));
  if (!onDays.length) return found;
  const entryIDs = [...new Set(onDays.map((l) => l.entryID))];
  const fromFiles = new Set(
    (
      await tx
        .select(BankEntry, 'e')
        .select('e.entryID', 'entryID')
        .where('e.divisionCode = :division AND e.entryID IN (:...entryIDs) AND e.fileHash IS NOT NULL', { division, entryIDs })
        .getRawMany<{ entryID: string }>()
    ).map((e) => e.entryID),
  );
  const lines = onDays.filter((l) => fromFiles.has(l.entryID));
  if (!lines.length) return found;
  const claimed = new Set(
    (
      await tx.internal.list(BankRemoteTransaction, {
        divisionCode: division,
        connectionAccountID,
        lineID: In(lines.map((l) => l.id)),
      })
    ).map((r) => r.lineID),
  );
  const free = lines.filter((l) => !claimed.has(l.id)).sort((a, b) => a.entryNumber - b.entryNumber || a.lineNumber - b.lineNumber);
  for (const w of candidates) {
    const line = JSON.parse(w.line) as StatementLineToStore;
    const at = free.findIndex((l) => feedLineMatches(line, l));
    if (at < 0) continue;
    const [hit] = free.splice(at, 1);
    found.set(w.id, { entryID: hit.entryID, lineID: hit.id });
  }
  return found;
}

/** The sum of lines' amounts, exact. */
export const sumOf = (lines: StatementLineToStore[]): Dec => lines.reduce((s, l) => s.plus(l.amount), new Dec(0));
