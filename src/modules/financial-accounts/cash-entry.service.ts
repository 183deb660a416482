import { randomUUID } from 'node:crypto';
import { Clock, systemClock } from '../../access/audit';
import { DivisionScope } from '../../access/division-scope';
import { Principal } from '../../access/principal';
import { canonicalGuid, isGuid } from '../../platform/guid';
import { divisionCodeProblem, INT32_MAX, integerProblem } from '../../platform/validation';
import { Account } from '../accounts/account.entity';
import { Division } from '../divisions/division.entity';
import { Document } from '../documents/document.entity';
import { GLAccount } from '../gl-accounts/gl-account.entity';
import { CashEntryLine } from './cash-entry-line.entity';
import { CashEntry } from './cash-entry.entity';
import { CashEntryCreateInput, CashEntryLineInput } from './cash-entry.inputs';
import { EntryStatus, JournalType } from './entry-codes';
import { CASH_TABLES, checkContinuity, EntryLedger } from './entry-ledger';
import { LineDraft, lineRows, periodOf, RowAudit } from './entry-rows';
import { checkAmount, checkBalance, checkCurrency, checkDay, checkLineCount, checkText } from './entry-rules';
import { entryError, FinancialEntryRule } from './financial-entry.errors';

/** Most lines one createCashEntry may carry: one transaction must stay short. */
export const MAX_CASH_LINES = 500;

type CashLineColumns = Pick<CashEntryLine, 'description' | 'accountID' | 'glAccountID' | 'ourRef' | 'notes' | 'documentID'>;

/**
 * Cash entries keyed in by hand (createCashEntry, deleteCashEntry), in the caller's transaction
 * scope. The same balance rule as bank entries: opening balance plus the lines is the closing
 * balance (UNBALANCED), and the opening balance is the closing balance of the journal's previous
 * entry (BALANCE_GAP, CONFLICT; a cash book has no missing statements, so a gap is never accepted).
 * Only the last entry of a journal can be deleted, at the version read.
 */
export class CashEntryService {
  constructor(
    private readonly scope: DivisionScope,
    private readonly principal: Principal,
    private readonly now: Clock = systemClock,
  ) {}

  async create(input: CashEntryCreateInput): Promise<CashEntry> {
    const division = input.divisionCode;
    if (division === null || division === undefined) {
      throw entryError(FinancialEntryRule.REQUIRED, 'divisionCode', 'the division is required');
    }
    const divisionProblem = divisionCodeProblem(division);
    if (divisionProblem) throw entryError(FinancialEntryRule.INVALID_VALUE, 'divisionCode', divisionProblem);
    const journalCode = checkText(input.journalCode, 'journalCode', 20);
    if (!journalCode) throw entryError(FinancialEntryRule.REQUIRED, 'journalCode', 'the cash journal is required');
    const entryDate = checkDay(input.entryDate, 'entryDate');
    if (!input.lines?.length) throw entryError(FinancialEntryRule.REQUIRED, 'lines', 'at least one line is required');
    checkLineCount(input.lines.length, 'lines', MAX_CASH_LINES);
    if (input.closingBalanceFC === null || input.closingBalanceFC === undefined) {
      throw entryError(FinancialEntryRule.REQUIRED, 'closingBalanceFC', 'the closing balance counted is required');
    }
    this.scope.assertWritable(division);

    const journal = await EntryLedger.lockJournal(this.scope, division, { code: journalCode }, 'journalCode');
    if (journal.type !== JournalType.CASH) {
      throw entryError(
        FinancialEntryRule.WRONG_JOURNAL_TYPE,
        'journalCode',
        `journal ${journal.code} is of type ${journal.type}, not 10 (Cash)`,
      );
    }
    const divisionRow = await this.scope.select(Division, 'd').where('d.code = :division', { division }).getOne();
    const bookCurrency = journal.currency ?? divisionRow!.currency;
    const currency = input.currency === null || input.currency === undefined ? bookCurrency : checkCurrency(input.currency, 'currency');
    if (currency !== bookCurrency) {
      throw entryError(
        FinancialEntryRule.CURRENCY_MISMATCH,
        'currency',
        `cash book ${journal.code} is in ${bookCurrency}, not ${currency}`,
        { expected: bookCurrency },
      );
    }
    const drafts = input.lines.map((line, i) => this.line(line, i, currency, entryDate));
    const ledger = new EntryLedger(this.scope, CASH_TABLES, division, journal.code);
    const { previous, next } = await ledger.neighbours(entryDate);
    const opening =
      input.openingBalanceFC === null || input.openingBalanceFC === undefined
        ? (previous?.closingBalanceFC ?? '0.00')
        : checkAmount(input.openingBalanceFC, 'openingBalanceFC', currency);
    const closing = checkAmount(input.closingBalanceFC, 'closingBalanceFC', currency);
    checkBalance(
      opening,
      drafts.map((d) => d.amountFC),
      closing,
      'closingBalanceFC',
    );
    checkContinuity(previous, next, opening, closing, {
      acceptGap: false,
      fields: { opening: 'openingBalanceFC', closing: 'closingBalanceFC' },
    });
    await this.checkReferences(division, drafts);

    const at = this.now();
    const audit: RowAudit = { created: at, creatorID: this.principal.userId, modified: at, modifierID: this.principal.userId };
    const entry = Object.assign(new CashEntry(), {
      entryID: randomUUID(),
      divisionCode: division,
      entryNumber: await ledger.nextEntryNumber(),
      journalCode: journal.code,
      entryDate,
      currency,
      openingBalanceFC: opening,
      closingBalanceFC: closing,
      ...periodOf(entryDate),
      status: EntryStatus.OPEN,
      ...audit,
      version: 1,
    });
    await this.scope.insert(CashEntry, [entry]);
    await ledger.insertLines(
      lineRows({ ...entry, divisionCurrency: divisionRow!.currency }, drafts, audit, randomUUID, (i) => `lines[${i}].amountFC`),
    );
    return entry;
  }

  /** Deletes the last entry of its journal with its lines; returns its ID. */
  async delete(entryID: string, version: number): Promise<string> {
    const found = await this.scope.select(CashEntry, 'e').where('e.entryID = :id', { id: entryID }).getOne();
    if (!found) throw entryError(FinancialEntryRule.NOT_FOUND, 'entryID', `cash entry ${entryID} was not found`, { id: entryID });
    await EntryLedger.lockJournal(this.scope, found.divisionCode, { code: found.journalCode }, 'entryID');
    const ledger = new EntryLedger(this.scope, CASH_TABLES, found.divisionCode, found.journalCode);
    const [entry] = (await ledger.find('e.entryID = :id', { id: entryID })) as CashEntry[];
    if (!entry) throw entryError(FinancialEntryRule.NOT_FOUND, 'entryID', `cash entry ${entryID} was not found`, { id: entryID });
    if (entry.version !== version) {
      const why = `cash entry ${entryID} is at version ${entry.version}, the delete was based on ${version}`;
      throw entryError(FinancialEntryRule.STALE_VERSION, 'version', why, { id: entryID, currentVersion: entry.version });
    }
    if (entry.status >= EntryStatus.PROCESSED) {
      throw entryError(FinancialEntryRule.NOT_DELETABLE, 'entryID', `cash entry ${entryID} is processed (Status ${entry.status})`, {
        id: entryID,
      });
    }
    const last = await ledger.last();
    if (last && last.entryID !== entry.entryID) {
      const why =
        `cash entry ${entry.entryNumber} is not the last of journal ${entry.journalCode} ` +
        `(entry ${last.entryNumber} opens after it): delete the later entries first`;
      throw entryError(FinancialEntryRule.NOT_LAST_ENTRY, 'entryID', why, { id: entryID, lastEntryID: last.entryID });
    }
    await this.scope.delete(CashEntryLine, 'EntryID = :id', { id: entryID });
    const deleted = await this.scope.delete(CashEntry, 'EntryID = :id AND Version = :version', { id: entryID, version });
    if (deleted !== 1)
      throw entryError(FinancialEntryRule.STALE_VERSION, 'version', `cash entry ${entryID} changed meanwhile`, { id: entryID });
    return entryID;
  }

  private line(line: CashEntryLineInput, i: number, currency: string, entryDate: Date): LineDraft<CashLineColumns> {
    const f = (name: string) => `lines[${i}].${name}`;
    const date = line.date === null || line.date === undefined ? entryDate : checkDay(line.date, f('date'));
    if (date > entryDate) {
      const why = `dated ${date.toISOString().slice(0, 10)}, after the entry's date ${entryDate.toISOString().slice(0, 10)}`;
      throw entryError(FinancialEntryRule.DATE_AFTER_ENTRY, f('date'), why);
    }
    return {
      date,
      amountFC: checkAmount(line.amountFC, f('amountFC'), currency),
      columns: {
        description: checkText(line.description, f('description'), 255),
        accountID: guid(line.accountID, f('accountID')),
        glAccountID: guid(line.glAccountID, f('glAccountID')),
        ourRef: ourRef(line.ourRef, f('ourRef')),
        notes: checkText(line.notes, f('notes'), 1000),
        documentID: guid(line.documentID, f('documentID')),
      },
    };
  }

  /** Accounts, G/L accounts and documents the lines name must exist in the entry's division. */
  private async checkReferences(division: number, drafts: LineDraft<CashLineColumns>[]): Promise<void> {
    const kinds = [
      ['accountID', Account, 'account'],
      ['glAccountID', GLAccount, 'G/L account'],
      ['documentID', Document, 'document'],
    ] as const;
    for (const [field, entity, what] of kinds) {
      const wanted = [...new Set(drafts.map((d) => d.columns[field]).filter((x): x is string => x !== null))];
      if (!wanted.length) continue;
      const rows = await this.scope
        .select(entity, 't')
        .where('t.divisionCode = :division AND t.id IN (:...wanted)', { division, wanted })
        .getMany();
      const found = new Set(rows.map((r) => r.id));
      const i = drafts.findIndex((d) => d.columns[field] !== null && !found.has(d.columns[field]!));
      if (i >= 0)
        throw entryError(
          FinancialEntryRule.UNKNOWN_REFERENCE,
          `lines[${i}].${field}`,
          `${what} ${drafts[i].columns[field]} does not exist in division ${division}`,
        );
    }
  }
}

/** Our reference is an invoice number: a whole number from 0 (the shared integer rule). */
function ourRef(value: number | null | undefined, field: string): number | null {
  if (value === null || value === undefined) return null;
  const problem = integerProblem(value, 0, INT32_MAX);
  if (problem) throw entryError(FinancialEntryRule.INVALID_VALUE, field, problem);
  return value;
}

function guid(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined) return null;
  if (!isGuid(value)) throw entryError(FinancialEntryRule.INVALID_VALUE, field, 'must be a GUID');
  return canonicalGuid(value);
}
