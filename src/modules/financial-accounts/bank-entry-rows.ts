import { BankEntryLine } from './bank-entry-line.entity';
import { BankEntry } from './bank-entry.entity';
import { EntryStatus } from './entry-codes';
import { lineRowMaker, LineRowMaker, periodOf, RowAudit } from './entry-rows';
import { CheckedStatement } from './statement.input';

/** Where a checked statement goes: its place in the journal and what the server sets. */
export interface BankEntryPlace {
  entryID: string;
  entryNumber: number;
  journalCode: string;
  bankAccountID: string;
  divisionCurrency: string | null;
  /** BalanceGapFC: null when the opening balance connects to the previous entry. */
  balanceGap: string | null;
  documentID: string | null;
  /** SHA-256 (hex) of the file the statement was imported from, when it was. */
  fileHash?: string | null;
  audit: RowAudit;
  /** IDs of the lines. */
  newId: () => string;
}

/**
 * The rows of a checked statement (pure): the bank entry and its lines, numbered in booking order
 * with the balance after each. The statement service and the demo seed both make them here, so
 * seeded entries are exactly what storing the same statement gives.
 */
export function bankEntryRows(statement: CheckedStatement, place: BankEntryPlace): { entry: BankEntry; lines: BankEntryLine[] } {
  const { entry, lines } = bankEntryOf(statement, place);
  return { entry, lines: [...lines] };
}

/**
 * bankEntryRows with the lines made as they are written (LineRowMaker), as the statement service
 * stores them: the database reads the first lines while the rest are being made.
 */
export function bankEntryOf(statement: CheckedStatement, place: BankEntryPlace): { entry: BankEntry; lines: LineRowMaker<BankEntryLine> } {
  const entry = Object.assign(new BankEntry(), {
    entryID: place.entryID,
    divisionCode: statement.divisionCode,
    entryNumber: place.entryNumber,
    journalCode: place.journalCode,
    entryDate: statement.statementDate,
    currency: statement.currency,
    openingBalanceFC: statement.openingBalance,
    closingBalanceFC: statement.closingBalance,
    ...periodOf(statement.statementDate),
    status: EntryStatus.OPEN,
    bankAccountID: place.bankAccountID,
    statementNumber: statement.statementNumber,
    openingBalanceDate: statement.openingBalanceDate,
    balanceGapFC: place.balanceGap,
    bankStatementDocumentID: place.documentID,
    statementHash: statement.hash,
    fileHash: place.fileHash ?? null,
    ...place.audit,
  });
  const lines = lineRowMaker({ ...entry, divisionCurrency: place.divisionCurrency }, statement.lines, place.audit, place.newId);
  // Rows of BankEntryLine's shape, not instances: they are written by DivisionScope.insertMany, which
  // takes the entity apart (copying a hundred thousand rows into instances cost more than writing them).
  return { entry, lines: lines as unknown as LineRowMaker<BankEntryLine> };
}
