import { createHash, webcrypto } from 'node:crypto';
import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { BoundedMemo } from '../../platform/bounded-memo';
import { divisionCodeProblem } from '../../platform/validation';
import { entryError, FinancialEntryRule } from './financial-entry.errors';
import { LineDraft } from './entry-rows';
import { checkAmount, checkBalance, checkCurrency, checkDay, checkLineCount, checkText } from './entry-rules';

/**
 * A bank statement to store as a bank entry: the normalised shape every statement parser
 * produces (src/formats/statements: CODA, CAMT.053 and MT940 all become one BankStatement),
 * reduced to what an entry keeps. The import service maps a parsed statement field by field:
 *
 *   account              <- account.iban ?? account.otherId
 *   currency             <- account.currency
 *   statementNumber      <- statementNumber (CODA restarts it every year; unique per year)
 *   statementDate        <- statementDate ?? closingBalance.date
 *   openingBalance(Date) <- openingBalance.amount (.date);  closingBalance <- closingBalance.amount
 *   lines[i]             <- the booked lines (status null or BOOK), in file order:
 *     bookingDate <- bookingDate ?? valueDate ?? statementDate, valueDate, amount, currency,
 *     counterpartyName/Account/Bic <- counterparty.name / (iban ?? otherId) / bic,
 *     structuredReference <- remittance.structured?.reference, unstructuredRemittance <- remittance.unstructured,
 *     endToEndId, bankReference, description, sourceLine <- source,
 *     bankTransactionCode <- iso `domain/family/subFamily`, else coda `type family operation category`
 *       joined, else proprietary.code, else swift
 *
 * Money is signed exact decimal text (credit, money in, positive), at most two decimals; days are
 * `YYYY-MM-DD`. Every field is checked (BAD_USER_INPUT naming it, `lines[3].amount`), and the
 * balance rule must hold: opening balance plus the lines is the closing balance.
 */
export interface StatementToStore {
  divisionCode: number;
  /** The own bank account: its IBAN (any case or spacing) or the other number BankAccounts holds. */
  account: string;
  /** ISO 4217 code of the account and of every line. */
  currency: string;
  /** As the bank gives it; only zeros count as none (see numberOf). */
  statementNumber?: string | null;
  /** The day of the closing balance. */
  statementDate: string;
  openingBalance: string;
  openingBalanceDate?: string | null;
  closingBalance: string;
  lines: StatementLineToStore[];
}

/** One booked movement of a statement. */
export interface StatementLineToStore {
  bookingDate: string;
  valueDate?: string | null;
  /** Signed: positive money in, negative money out. */
  amount: string;
  /** When given, the statement's currency (a line in another currency is refused). */
  currency?: string | null;
  description?: string | null;
  counterpartyName?: string | null;
  /** IBAN (kept in electronic form) or another account number. */
  counterpartyAccount?: string | null;
  counterpartyBic?: string | null;
  /** Structured creditor reference: Belgian OGM/VCS (12 digits), RF reference or another one. */
  structuredReference?: string | null;
  unstructuredRemittance?: string | null;
  endToEndId?: string | null;
  bankReference?: string | null;
  bankTransactionCode?: string | null;
  /** Physical line (CODA, MT940) or XML path (CAMT) of the line in its file. */
  sourceLine?: string | number | null;
}

/** The bank-only columns of a line, as a draft carries them. */
export interface BankLineColumns {
  description: string | null;
  valueDate: Date | null;
  counterpartyName: string | null;
  counterpartyBankAccount: string | null;
  counterpartyBIC: string | null;
  paymentReference: string | null;
  remittanceInformation: string | null;
  endToEndID: string | null;
  bankReference: string | null;
  bankTransactionCode: string | null;
  sourceLine: string | null;
}

/** A statement after its checks: canonical values, days as dates, and its content hash. */
export interface CheckedStatement {
  divisionCode: number;
  account: string;
  currency: string;
  statementNumber: string | null;
  statementDate: Date;
  openingBalance: string;
  openingBalanceDate: Date | null;
  closingBalance: string;
  lines: LineDraft<BankLineColumns>[];
  /** SHA-256 of the checked statement: the same statement sent again has the same hash. */
  hash: string;
}

/**
 * Checks a statement (every field, then the balance rule) and returns it in canonical form.
 * BAD_USER_INPUT naming the first field at fault; UNBALANCED naming `closingBalance`.
 */
export function checkStatement(input: StatementToStore): CheckedStatement {
  const checked = checkStatementContents(input);
  return { ...checked, hash: statementHash(checked) };
}

/**
 * The same, with the hash computed off the main thread (Web Crypto's digest runs in libuv's
 * pool), so the caller's other work (the next statement of a file) goes on meanwhile.
 */
export async function checkStatementAsync(input: StatementToStore): Promise<CheckedStatement> {
  const checked = checkStatementContents(input);
  return { ...checked, hash: await statementDigest(checked) };
}

/** checkStatement without the hash. */
function checkStatementContents(input: StatementToStore): Omit<CheckedStatement, 'hash'> {
  const divisionProblem = divisionCodeProblem(input.divisionCode);
  if (divisionProblem) throw entryError(FinancialEntryRule.INVALID_VALUE, 'divisionCode', divisionProblem);
  const account = checkText(input.account, 'account', 50);
  if (!account) throw entryError(FinancialEntryRule.REQUIRED, 'account', 'the own bank account (IBAN or number) is required');
  const currency = checkCurrency(input.currency, 'currency');
  const statementNumber = numberOf(checkText(input.statementNumber, 'statementNumber', 35));
  const statementDate = checkDay(input.statementDate, 'statementDate');
  const openingBalance = checkAmount(input.openingBalance, 'openingBalance', currency);
  const openingBalanceDate = input.openingBalanceDate ? checkDay(input.openingBalanceDate, 'openingBalanceDate') : null;
  const closingBalance = checkAmount(input.closingBalance, 'closingBalance', currency);
  if (!Array.isArray(input.lines))
    throw entryError(FinancialEntryRule.REQUIRED, 'lines', 'the lines are required (an empty list for none)');
  checkLineCount(input.lines.length, 'lines');
  const lines = input.lines.map((line, i) => checkLine(line, i, currency, statementDate));
  checkBalance(
    openingBalance,
    lines.map((l) => l.amountFC),
    closingBalance,
    'closingBalance',
  );
  const checked = {
    divisionCode: input.divisionCode,
    account: accountKey(account),
    currency,
    statementNumber,
    statementDate,
    openingBalance,
    openingBalanceDate,
    closingBalance,
    lines,
  };
  return checked;
}

/**
 * SHA-256 (hex) of the checked statement's JSON text, `JSON.stringify(checked)` byte for byte (the
 * hash entries were stored with stays the hash of the same statement).
 */
export function statementHash(checked: Omit<CheckedStatement, 'hash'>): string {
  const hash = createHash('sha256');
  for (const piece of statementJson(checked)) hash.update(piece);
  return hash.digest('hex');
}

/** statementHash, the SHA-256 computed in libuv's thread pool (Web Crypto) while the main thread goes on. */
export async function statementDigest(checked: Omit<CheckedStatement, 'hash'>): Promise<string> {
  const bytes = Buffer.concat([...statementJson(checked)].map((piece) => Buffer.from(piece, 'utf8')));
  return Buffer.from(await webcrypto.subtle.digest('SHA-256', bytes)).toString('hex');
}

/**
 * `JSON.stringify(checked)` in pieces of a thousand lines: the text of a statement of 100,000
 * lines is never one string (checked keeps its lines last, so they close its text).
 */
function* statementJson(checked: Omit<CheckedStatement, 'hash'>): Generator<string> {
  const { lines, ...head } = checked;
  const opening = JSON.stringify(head);
  yield `${opening.slice(0, -1)}${opening.length > 2 ? ',' : ''}"lines":[`;
  for (let at = 0; at < lines.length; at += HASHED_LINES) yield linesJson(lines, at, Math.min(lines.length, at + HASHED_LINES));
  yield ']}';
}

/**
 * `JSON.stringify` of lines `from` to `to` (exclusive) without its brackets, a comma before every
 * line but the first of the statement. Each line is copied with its days as text (the keys in
 * checkLine's order) before JSON.stringify: calling each Date's toJSON made it the import's largest
 * cost per line (issue 12, Performance). A test holds it to JSON.stringify byte for byte.
 */
function linesJson(lines: readonly LineDraft<BankLineColumns>[], from: number, to: number): string {
  const plain = new Array(to - from);
  for (let i = from; i < to; i++) {
    const { date, amountFC, columns: c } = lines[i];
    plain[i - from] = {
      date: dateText(date),
      amountFC,
      columns: {
        description: c.description,
        valueDate: c.valueDate === null ? null : dateText(c.valueDate),
        counterpartyName: c.counterpartyName,
        counterpartyBankAccount: c.counterpartyBankAccount,
        counterpartyBIC: c.counterpartyBIC,
        paymentReference: c.paymentReference,
        remittanceInformation: c.remittanceInformation,
        endToEndID: c.endToEndID,
        bankReference: c.bankReference,
        bankTransactionCode: c.bankTransactionCode,
        sourceLine: c.sourceLine,
      },
    };
  }
  const json = JSON.stringify(plain);
  return `${from ? ',' : ''}${json.slice(1, -1)}`;
}

/** A day as Date#toJSON writes it (its toISOString), kept for the few days of a statement. */
function dateText(date: Date): string {
  return DATE_TEXT.get(date.getTime(), (time) => new Date(time).toISOString());
}

const DATE_TEXT = new BoundedMemo<number, string>(1000);

/** Lines whose JSON text statementJson makes at a time. */
const HASHED_LINES = 1000;

function checkLine(line: StatementLineToStore, i: number, currency: string, statementDate: Date): LineDraft<BankLineColumns> {
  // the line's field names are made for every check: its number is written once, not twelve times
  const at = `lines[${i}].`;
  const f = (name: string) => at + name;
  if (!line || typeof line !== 'object') throw entryError(FinancialEntryRule.REQUIRED, `lines[${i}]`, 'a line is required');
  const date = checkDay(line.bookingDate, f('bookingDate'));
  if (date > statementDate) {
    const why = `booked on ${day(date)}, after the statement's date ${day(statementDate)}`;
    throw entryError(FinancialEntryRule.DATE_AFTER_ENTRY, f('bookingDate'), why);
  }
  // the statement's own (checked) code, as every line of a parsed file gives it, needs no second check
  if (
    line.currency !== null &&
    line.currency !== undefined &&
    line.currency !== currency &&
    checkCurrency(line.currency, f('currency')) !== currency
  ) {
    throw entryError(FinancialEntryRule.CURRENCY_MISMATCH, f('currency'), `the line is in ${line.currency}, the account in ${currency}`, {
      expected: currency,
    });
  }
  const counterparty = checkText(line.counterpartyAccount, f('counterpartyAccount'), 50);
  const bic = checkText(line.counterpartyBic, f('counterpartyBic'), 11);
  const source = line.sourceLine === null || line.sourceLine === undefined ? null : String(line.sourceLine);
  return {
    date,
    amountFC: checkAmount(line.amount, f('amount'), currency),
    columns: {
      description: checkText(line.description, f('description'), 255),
      valueDate: line.valueDate ? checkDay(line.valueDate, f('valueDate')) : null,
      counterpartyName: checkText(line.counterpartyName, f('counterpartyName'), 140),
      counterpartyBankAccount: counterparty && accountKey(counterparty),
      counterpartyBIC: bic && bic.trim().toUpperCase(),
      paymentReference: checkText(line.structuredReference, f('structuredReference'), 35),
      remittanceInformation: checkText(line.unstructuredRemittance, f('unstructuredRemittance'), 1000),
      endToEndID: checkText(line.endToEndId, f('endToEndId'), 35),
      bankReference: checkText(line.bankReference, f('bankReference'), 35),
      bankTransactionCode: checkText(line.bankTransactionCode, f('bankTransactionCode'), 35),
      sourceLine: checkText(source, f('sourceLine'), 255),
    },
  };
}

/**
 * The statement number as it identifies a statement: trimmed; none when it is only zeros, which
 * some banks write for every statement (Rabobank's MT940 `:28C:0`), so it tells nothing apart.
 */
function numberOf(text: string | null): string | null {
  const number = text?.trim() ?? '';
  return number === '' || /^0+$/.test(number) ? null : number;
}

/**
 * An account number as it is compared: a valid IBAN in electronic form (upper case, no spaces),
 * anything else without its spaces (the way the parsers write other account numbers).
 */
export function accountKey(number: string): string {
  // Counterparties repeat across a statement's lines: their check digits are computed once.
  return ACCOUNT_KEYS.get(number, (text) => {
    const iban = electronicFormatIBAN(text);
    return iban && isValidIBAN(iban) ? iban : text.replace(/\s+/g, '');
  });
}

const ACCOUNT_KEYS = new BoundedMemo<string, string>(10_000);

const day = (d: Date) => d.toISOString().slice(0, 10);
