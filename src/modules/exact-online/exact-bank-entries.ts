import { createHash } from 'node:crypto';
import type { DivisionScope } from '../../access/division-scope';
import { BANK_ENTRY_LINES } from '../../catalog/tables/bank-entries';
import { canonicalCurrency, minorUnits } from '../../platform/currency';
import { BankEntryLine } from '../financial-accounts/bank-entry-line.entity';
import { BankEntry } from '../financial-accounts/bank-entry.entity';
import { runningBalances } from '../financial-accounts/entry-rows';
import { Journal } from '../journals/journal.entity';
import { exactDate, exactDecimal, ExactMalformedError, ExactRow } from './exact-mapping';
import type { StoredPage } from './exact-store';

/**
 * Bank entries of a connected division from Exact's financialtransaction/BankEntries with their
 * financialtransaction/BankEntryLines (`$expand`), into BankEntries and BankEntryLines as the
 * statement import stores them (modules/financial-accounts): the lines carry their entry's
 * journal, number, date and currency, and the balance after each line (the entry's opening balance
 * plus its lines up to that one, in Exact's LineNumber order), so the financial accounts' running
 * balances and balances on a day read synced entries exactly as imported ones.
 *
 * Exact's fields map by name. What Exact does not have is derived: the entry's own bank account
 * is its bank journal's (Journals.BankAccountID, synced before); its EntryDate (the day of its
 * closing balance) is the latest booking date of its lines, or the first day of its financial
 * period for an entry without lines; StatementHash is the SHA-256 of the entry as Exact sent it.
 * What the statement files carry and Exact's lines do not (value date, counterparty, references)
 * stays empty. Reconciliation's marks on a line (ReconciliationStatus, OpenAmountFC) survive a
 * re-sync of its entry.
 */

/** Fields of financialtransaction/BankEntries the sync asks for. */
export const BANK_ENTRY_SELECT: readonly string[] = [
  'EntryID',
  'EntryNumber',
  'JournalCode',
  'Currency',
  'OpeningBalanceFC',
  'ClosingBalanceFC',
  'FinancialYear',
  'FinancialPeriod',
  'Status',
  'BankStatementDocument',
  'Created',
  'Modified',
];

/** Fields of financialtransaction/BankEntryLines the sync asks for (expanded in the entry). */
export const BANK_ENTRY_LINE_SELECT: readonly string[] = [
  'ID',
  'LineNumber',
  'Date',
  'AmountFC',
  'AmountDC',
  'ExchangeRate',
  'Description',
  'Account',
  'GLAccount',
  'OurRef',
  'Notes',
  'Document',
  'OffsetID',
  'Created',
  'Creator',
  'Modified',
  'Modifier',
];

/** Money columns of entries and lines: DECIMAL(18,2), at most the currency's minor units. */
const MONEY_SCALE = 2;
const RATE_SCALE = BANK_ENTRY_LINES.columns.find((c) => c.name === 'ExchangeRate')!.scale ?? 8;

/** An entry as parsed, its expanded lines under `BankEntryLines.results` (OData v2 JSON). */
type RawEntry = ExactRow & { BankEntryLines?: { results?: ExactRow[] } | ExactRow[] | null };

function linesOf(raw: RawEntry): ExactRow[] {
  const lines = raw.BankEntryLines;
  if (!lines) return [];
  if (Array.isArray(lines)) return lines;
  if (!Array.isArray(lines.results)) throw new ExactMalformedError(`BankEntryLines: no results in entry ${String(raw.EntryID)}`);
  return lines.results;
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const guid = (v: unknown): string | null => (v === null || v === undefined ? null : String(v).toLowerCase());

function whole(v: unknown, field: string, required: boolean): number | null {
  if (v === null || v === undefined) {
    if (required) throw new ExactMalformedError(`${field}: required, missing`);
    return null;
  }
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new ExactMalformedError(`${field}: not a whole number: ${JSON.stringify(v)}`);
  return n;
}

function money(v: unknown, currency: string, field: string): string | null {
  let digits = MONEY_SCALE;
  try {
    digits = Math.min(MONEY_SCALE, minorUnits(currency));
  } catch {
    // Not an ISO 4217 currency: the column's scale.
  }
  return exactDecimal(v, digits, field, MONEY_SCALE);
}

function required<T>(value: T | null, field: string, id: unknown): T {
  if (value === null) throw new ExactMalformedError(`${field}: required, missing in bank entry ${String(id)}`);
  return value;
}

/**
 * The rows of one Exact bank entry: the entry and its lines (pure). `bankAccountID` is the own bank
 * account of its journal; `kept` the reconciliation marks of lines stored before, by line ID.
 */
export function bankEntryFromExact(
  raw: RawEntry,
  division: number,
  divisionCurrency: string,
  bankAccountID: string,
  kept: ReadonlyMap<string, { reconciliationStatus: number | null; openAmountFC: string | null }>,
): { entry: BankEntry; lines: BankEntryLine[] } {
  const id = required(guid(raw.EntryID), 'EntryID', raw.EntryID);
  const currency = String(canonicalCurrency(text(raw.Currency) ?? divisionCurrency));
  const rawLines = [...linesOf(raw)].sort((a, b) => Number(a.LineNumber) - Number(b.LineNumber));
  const year = required(whole(raw.FinancialYear, 'FinancialYear', true), 'FinancialYear', id);
  const period = required(whole(raw.FinancialPeriod, 'FinancialPeriod', true), 'FinancialPeriod', id);
  const dates = rawLines.map((l) => required(exactDate(l.Date, 'BankEntryLines.Date'), 'BankEntryLines.Date', id));
  const entryDate = dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : new Date(Date.UTC(year, period - 1, 1));
  const opening = required(money(raw.OpeningBalanceFC, currency, 'OpeningBalanceFC'), 'OpeningBalanceFC', id);
  const entry = Object.assign(new BankEntry(), {
    entryID: id,
    divisionCode: division,
    entryNumber: required(whole(raw.EntryNumber, 'EntryNumber', true), 'EntryNumber', id),
    journalCode: required(text(raw.JournalCode), 'JournalCode', id),
    entryDate,
    currency,
    openingBalanceFC: opening,
    closingBalanceFC: required(money(raw.ClosingBalanceFC, currency, 'ClosingBalanceFC'), 'ClosingBalanceFC', id),
    financialYear: year,
    financialPeriod: period,
    status: required(whole(raw.Status, 'Status', true), 'Status', id),
    created: required(exactDate(raw.Created, 'Created'), 'Created', id),
    creatorID: null,
    modified: required(exactDate(raw.Modified, 'Modified'), 'Modified', id),
    modifierID: null,
    bankAccountID,
    statementNumber: null,
    openingBalanceDate: null,
    balanceGapFC: null,
    bankStatementDocumentID: guid(raw.BankStatementDocument),
    statementHash: createHash('sha256').update(JSON.stringify(raw)).digest('hex'),
    fileHash: null,
  } satisfies Partial<BankEntry>);
  const amounts = rawLines.map((l) => required(money(l.AmountFC, currency, 'BankEntryLines.AmountFC'), 'BankEntryLines.AmountFC', id));
  const balances = runningBalances(opening, amounts, (i) => `BankEntryLines[${i}].AmountFC`);
  const lines = rawLines.map((l, i) => {
    const lineID = required(guid(l.ID), 'BankEntryLines.ID', id);
    const amountFC = amounts[i];
    const mark = kept.get(lineID);
    return Object.assign(new BankEntryLine(), {
      id: lineID,
      divisionCode: division,
      entryID: id,
      journalCode: entry.journalCode,
      entryNumber: entry.entryNumber,
      entryDate,
      lineNumber: required(whole(l.LineNumber, 'BankEntryLines.LineNumber', true), 'BankEntryLines.LineNumber', id),
      date: dates[i],
      amountFC,
      amountDC: money(l.AmountDC, divisionCurrency, 'BankEntryLines.AmountDC'),
      exchangeRate: exactDecimal(l.ExchangeRate, RATE_SCALE, 'BankEntryLines.ExchangeRate'),
      currency,
      balanceAfterFC: balances[i],
      description: text(l.Description),
      accountID: guid(l.Account),
      glAccountID: guid(l.GLAccount),
      ourRef: whole(l.OurRef, 'BankEntryLines.OurRef', false),
      notes: text(l.Notes),
      documentID: guid(l.Document),
      offsetID: guid(l.OffsetID),
      created: required(exactDate(l.Created, 'BankEntryLines.Created'), 'BankEntryLines.Created', id),
      creatorID: guid(l.Creator),
      modified: required(exactDate(l.Modified, 'BankEntryLines.Modified'), 'BankEntryLines.Modified', id),
      modifierID: guid(l.Modifier),
      valueDate: null,
      counterpartyName: null,
      counterpartyBankAccount: null,
      counterpartyBIC: null,
      paymentReference: null,
      remittanceInformation: null,
      endToEndID: null,
      bankReference: null,
      bankTransactionCode: null,
      sourceLine: null,
      reconciliationStatus: mark?.reconciliationStatus ?? null,
      openAmountFC: mark?.openAmountFC ?? null,
    } satisfies BankEntryLine);
  });
  return { entry, lines };
}

/**
 * Stores a page of Exact bank entries in the caller's transaction: each entry with all its lines
 * replaces what was stored under its EntryID (so a page stored twice leaves one entry and one set
 * of lines). An entry of a journal the division does not have as a bank journal with a bank
 * account is malformed (journals are synced first).
 */
export async function storeBankEntries(tx: DivisionScope, division: number, currency: string, rows: ExactRow[]): Promise<StoredPage> {
  if (!rows.length) return { written: 0, changed: 0 };
  const codes = [...new Set(rows.map((r) => String(r.JournalCode)))];
  const journals = await tx.select(Journal, 'j').where('j.code IN (:...codes)', { codes }).getMany();
  const bankOf = new Map(journals.filter((j) => j.bankAccountID).map((j) => [j.code, j.bankAccountID!]));
  const ids = rows.map((r) => String(r.EntryID).toLowerCase());
  const before = await tx.select(BankEntry, 'e').select(['e.entryID']).where('e.entryID IN (:...ids)', { ids }).getMany();
  const marks = await tx
    .select(BankEntryLine, 'l')
    .select(['l.id', 'l.reconciliationStatus', 'l.openAmountFC'])
    .where('l.entryID IN (:...ids)', { ids })
    .andWhere('(l.reconciliationStatus IS NOT NULL OR l.openAmountFC IS NOT NULL)')
    .getMany();
  const kept = new Map(marks.map((m) => [m.id, m]));
  const built = new Map<string, { entry: BankEntry; lines: BankEntryLine[] }>();
  for (const raw of rows) {
    const bank = bankOf.get(String(raw.JournalCode));
    if (!bank) throw new ExactMalformedError(`JournalCode: ${String(raw.JournalCode)} is not a bank journal with a bank account`);
    const rowsOf = bankEntryFromExact(raw as RawEntry, division, currency, bank, kept);
    built.set(rowsOf.entry.entryID, rowsOf);
  }
  if (before.length) {
    const old = before.map((b) => b.entryID);
    await tx.delete(BankEntryLine, 'EntryID IN (:...old)', { old });
    await tx.delete(BankEntry, 'EntryID IN (:...old)', { old });
  }
  const values = [...built.values()];
  await tx.insertMany(
    BankEntry,
    values.map((v) => v.entry),
  );
  const lines = values.flatMap((v) => v.lines);
  if (lines.length) await tx.insertMany(BankEntryLine, lines);
  return { written: values.length, changed: before.length };
}

/**
 * Applies deleted TransactionLines (sync/Deleted EntityType 1) to the bank entry lines with those
 * IDs: the lines go, an entry left without lines goes, and the remaining lines of a touched entry
 * get their balances after again. The number of lines deleted.
 */
export async function deleteBankEntryLines(tx: DivisionScope, ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  const keys = ids.map((i) => i.toLowerCase());
  const hit = await tx.select(BankEntryLine, 'l').select(['l.id', 'l.entryID']).where('l.id IN (:...keys)', { keys }).getMany();
  if (!hit.length) return 0;
  const deleted = await tx.delete(BankEntryLine, 'ID IN (:...ids)', { ids: hit.map((h) => h.id) });
  for (const entryID of new Set(hit.map((h) => h.entryID))) {
    const entry = await tx.select(BankEntry, 'e').where('e.entryID = :entryID', { entryID }).getOne();
    const rest = await tx.select(BankEntryLine, 'l').where('l.entryID = :entryID', { entryID }).orderBy('l.lineNumber').getMany();
    if (!rest.length) {
      await tx.delete(BankEntry, 'EntryID = :entryID', { entryID });
      continue;
    }
    const balances = runningBalances(
      entry?.openingBalanceFC ?? '0',
      rest.map((l) => l.amountFC),
      (i) => `BankEntryLines[${i}].AmountFC`,
    );
    for (const [i, line] of rest.entries()) {
      if (balances[i] !== line.balanceAfterFC) await tx.update(BankEntryLine, { balanceAfterFC: balances[i] }, 'ID = :id', { id: line.id });
    }
  }
  return deleted;
}

/** Empties the division's bank entries and their lines (a full reload). */
export async function clearBankEntries(tx: DivisionScope): Promise<number> {
  await tx.delete(BankEntryLine, '1 = 1');
  return tx.delete(BankEntry, '1 = 1');
}
