import { isBooked } from '../../formats/statements';
import type { BankStatement, BankTransactionCode, StatementHeader, StatementLine } from '../../formats/statements';
import { StatementLineToStore, StatementToStore } from './statement.input';

/**
 * A statement as the parsers read it (src/formats/statements: CODA, camt.053, MT940, one shape)
 * in the shape the statement service stores (statement.input.ts), for the statement import:
 *
 * - the own account is the statement's IBAN, else its other account number;
 * - its date is the statement's date, else the closing balance's;
 * - only booked lines move the balance (CAMT `Sts` BOOK; every CODA and MT940 line), in file
 *   order; a line without a booking date takes its value date, else the statement's date;
 * - the bank's texts are kept on one line (line breaks and other control characters, which MT940
 *   `:86:` fields carry, become a space) and cut at their column's length: the file itself is kept
 *   whole on the statement's document;
 * - the bank transaction code is the ISO one (`PMNT/RCDT/ESCT`), else CODA's eight digits, else the
 *   proprietary code, else MT940's SWIFT code.
 */
export function statementToStore(statement: BankStatement, divisionCode: number): StatementToStore {
  return headerToStore(statement, statement.lines.filter(isBooked).map(lineToStore), divisionCode);
}

/**
 * statementToStore of a statement whose booked lines were converted by lineToStore as they were
 * read (the import keeps only those while it reads a statement, not the parser's lines). The
 * lines without a booking or value date take the statement's date here (they are the caller's
 * own objects, made by lineToStore).
 */
export function headerToStore(header: StatementHeader, lines: StatementLineToStore[], divisionCode: number): StatementToStore {
  const statementDate = header.statementDate ?? header.closingBalance.date ?? '';
  for (const line of lines) if (!line.bookingDate) line.bookingDate = statementDate;
  return {
    divisionCode,
    account: header.account.iban ?? header.account.otherId ?? header.account.identification,
    currency: header.account.currency,
    statementNumber: header.statementNumber,
    statementDate,
    openingBalance: header.openingBalance.amount,
    openingBalanceDate: header.openingBalance.date,
    closingBalance: header.closingBalance.amount,
    lines,
  };
}

/**
 * One booked line as stored (see above). A line without a booking or value date gets its
 * statement's date from headerToStore: until then its bookingDate is empty.
 */
export function lineToStore(line: StatementLine): StatementLineToStore {
  return {
    bookingDate: line.bookingDate ?? line.valueDate ?? '',
    valueDate: line.valueDate,
    amount: line.amount,
    currency: line.currency,
    description: text(line.description, 255),
    counterpartyName: text(line.counterparty.name, 140),
    counterpartyAccount: text(line.counterparty.iban ?? line.counterparty.otherId, 50),
    counterpartyBic: text(line.counterparty.bic, 11),
    structuredReference: text(line.remittance.structured?.reference, 35),
    unstructuredRemittance: text(line.remittance.unstructured, 1000),
    endToEndId: text(line.endToEndId, 35),
    bankReference: text(line.bankReference, 35),
    bankTransactionCode: text(transactionCode(line.bankTransactionCode), 35),
    sourceLine: text(String(line.source), 255),
  };
}

/** The bank's code as one text: ISO domain/family/subfamily, CODA's digits, proprietary, SWIFT. */
export function transactionCode(code: BankTransactionCode): string | null {
  if (code.iso) return `${code.iso.domain}/${code.iso.family}/${code.iso.subFamily}`;
  if (code.coda) return `${code.coda.type}${code.coda.family}${code.coda.operation}${code.coda.category}`;
  return code.proprietary?.code ?? code.swift ?? null;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A bank's text on one line (control characters become a space), at most `max` characters. */
function text(value: string | null | undefined, max: number): string | null {
  if (value === null || value === undefined) return null;
  // eslint-disable-next-line no-control-regex
  const line = (CONTROL.test(value) ? value.replace(/\s*[\u0000-\u001f\u007f]+\s*/g, ' ') : value).trim();
  if (line === '') return null;
  return line.length <= max ? line : [...line].slice(0, max).join('');
}
