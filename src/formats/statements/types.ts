import type { StatementPosition, StatementProblem } from './errors';

/**
 * The one normalised shape of a bank statement, whatever the file: Belgian CODA (Febelfin 2.6 /
 * 2.8), ISO 20022 camt.053 (.001.02 to .001.13) or SWIFT MT940 (Dutch banks' variants).
 *
 * Conventions everywhere below:
 * - Money is a signed exact decimal string (`'-1234.50'`), credit (money in) positive, debit
 *   negative, never a binary float. It carries at least the currency's ISO 4217 minor units and
 *   more only when the file gives non-zero digits beyond them (CAMT may give five decimals; they
 *   are kept). `'0.00'`, never `'-0.00'`.
 * - Dates are ISO calendar days `YYYY-MM-DD` in the bank's own calendar (a CAMT date-time keeps
 *   its local day). Two-digit years (CODA DDMMYY, MT940 YYMMDD) are 2000-2079 for 00-79 and
 *   1980-1999 for 80-99.
 * - Account numbers: `iban` is set only for a valid IBAN (ISO 13616 check digits and the national
 *   format, by ibantools), in electronic form (upper case, no spaces); any other account number
 *   goes to `otherId` as the file writes it (spaces removed).
 */
export type StatementFormat = 'coda' | 'camt053' | 'mt940';

/** The account a statement is about (the gateway's own bank account). */
export interface StatementAccount {
  iban: string | null;
  /** Account number that is not a valid IBAN: a Belgian BBAN, an old Dutch number, a CAMT `Othr/Id`. */
  otherId: string | null;
  /** The identification as the file writes it (CODA record 1 positions 6-42, MT940 `:25:`, CAMT `Acct/Id`). */
  identification: string;
  /** BIC of the account's bank when the file names it (CODA record 0 positions 61-71, CAMT `Svcr`). */
  bic: string | null;
  /** ISO 4217 code of the account (CODA record 1, CAMT `Acct/Ccy` or the balances', MT940 `:60F:`'s). */
  currency: string;
  holderName: string | null;
  /** CODA record 1 positions 91-125 (e.g. `KBC-Bedrijfsrekening`); CAMT `Acct/Nm`. */
  description: string | null;
}

/** A booked balance: the amount (signed, see above) at the end of `date`. */
export interface StatementBalance {
  amount: string;
  date: string | null;
}

/** Everything of a statement but its lines (what a streaming parser reports when it ends). */
export interface StatementHeader {
  format: StatementFormat;
  /** CODA: record 0 position 128 (`2`); CAMT: the schema version (`001.08`); MT940: null. */
  formatVersion: string | null;
  /** 0-based position of the statement in its file. */
  index: number;
  account: StatementAccount;
  /**
   * The statement number as the bank gives it: CODA record 1 positions 3-5 (restarts at 001 every
   * year, so compare it within the year of `closingBalance.date`), CAMT `LglSeqNb` (else
   * `ElctrncSeqNb`), MT940 `:28C:` before the slash.
   */
  statementNumber: string | null;
  /** CODA record 1 positions 126-128 (the CODA sequence), CAMT `ElctrncSeqNb`, MT940 `:28C:` after the slash. */
  sequence: string | null;
  /** CAMT `Stmt/Id`, MT940 `:20:`, CODA record 0 positions 25-34 (file reference) when not blank. */
  statementId: string | null;
  /** Creation of the file or statement: CODA record 0 date, CAMT `Stmt/CreDtTm` (ISO 8601 as given). */
  createdAt: string | null;
  /** The day the statement closes: the closing balance's date. */
  statementDate: string | null;
  openingBalance: StatementBalance;
  closingBalance: StatementBalance;
  /** CODA record 0 position 17 `D`; CAMT `CpyDplctInd` DUPL or CODU: a repeat of a statement already sent. */
  duplicate: boolean;
  /** Free text of the statement itself: CODA record 4, MT940 `:86:` after `:62F:`, CAMT `AddtlStmtInf`. */
  information: string | null;
  lineCount: number;
  /** First and last physical line (CODA, MT940) or the XML path (CAMT) of the statement. */
  source: { first: StatementPosition; last: StatementPosition };
}

/** A whole statement: its header and its lines in file order. */
export interface BankStatement extends StatementHeader {
  lines: StatementLine[];
}

/** The other party of a movement (the debtor of a credit, the creditor of a debit). */
export interface Counterparty {
  name: string | null;
  iban: string | null;
  /** Account number that is not a valid IBAN. */
  otherId: string | null;
  bic: string | null;
  /** Address lines joined with `, ` when the file gives them (CODA 3.x type 001, CAMT `PstlAdr`). */
  address: string | null;
}

/**
 * A creditor reference. `BE`: Belgian structured communication (OGM/VCS), 12 digits; `RF`: ISO
 * 11649, electronic form; `OTHER`: any other reference the file marks as structured (a CAMT
 * `CdtrRefInf/Ref` that is neither, a Dutch payment reference `/REMI/STRD/CUR/`).
 * `valid` tells whether the check digits hold (always false for OTHER).
 */
export interface StructuredRemittance {
  type: 'BE' | 'RF' | 'OTHER';
  reference: string;
  /** Who issued the reference scheme when the file says (CAMT `Tp/Issr`, e.g. `BBA`; MT940 `CUR`). */
  issuer: string | null;
  valid: boolean;
}

export interface Remittance {
  structured: StructuredRemittance | null;
  unstructured: string | null;
}

/**
 * The bank's code of the kind of movement. One of the parts is set by each format:
 * `iso` (CAMT `BkTxCd/Domn`), `proprietary` (CAMT `BkTxCd/Prtry`, MT940 `:86:` GVC or `/TRCD/`),
 * `coda` (Febelfin transaction code, record 2.1 positions 54-61) and `swift` (MT940 `:61:`
 * transaction type identification code, e.g. `NTRF`).
 */
export interface BankTransactionCode {
  iso: { domain: string; family: string; subFamily: string } | null;
  proprietary: { code: string; issuer: string | null } | null;
  /** Type (1 digit: 0-3 a movement, 5-9 a detail), family (2), operation (2), category (3). */
  coda: { type: string; family: string; operation: string; category: string } | null;
  swift: string | null;
}

/**
 * Where a line stands in a bank's batch: a globalised CODA movement (record 2.1 with detail
 * records) or a CAMT batch entry (several `TxDtls`). The details become the lines, because each
 * is one payment to reconcile with its own open item; the balance moves by their sum, which must
 * equal the entry's amount (else BATCH_TOTAL, and the entry stays one line). When the details
 * carry no amounts of their own, the entry stays one line with `index` null, with the entry's own
 * references and text: no one detail's party is taken for the whole batch.
 */
export interface LineBatch {
  /** The entry's reference: CODA sequence number (positions 3-6), CAMT `AcctSvcrRef` or the entry's position. */
  entryReference: string | null;
  /** Transactions in the entry (detail records, `TxDtls`, or CAMT `Btch/NbOfTxs`). */
  count: number;
  /** The entry's signed amount: what the statement's balance moves by for the whole batch. */
  total: string;
  /** 1-based position of this line among the entry's details; null when the entry is the line. */
  index: number | null;
}

export interface StatementLine {
  /** 0-based position among the statement's lines. */
  index: number;
  /** CODA `sequence/detail` (`0003/0001`), CAMT entry number in the statement, MT940 `:61:` number. */
  sequence: string;
  bookingDate: string | null;
  valueDate: string | null;
  /** Signed exact decimal (credit positive). */
  amount: string;
  currency: string;
  counterparty: Counterparty;
  remittance: Remittance;
  /** SEPA end-to-end id (`NOTPROVIDED` is taken as none): CAMT `EndToEndId`, MT940 `/EREF/`, CODA 2.2 positions 64-98. */
  endToEndId: string | null;
  /** The bank's reference: CAMT `AcctSvcrRef`, CODA 2.1 positions 11-31, MT940 `:61:` after `//`. */
  bankReference: string | null;
  /** MT940 `:61:` customer reference (not `NONREF`), CAMT `InstrId`. */
  customerReference: string | null;
  bankTransactionCode: BankTransactionCode;
  /** The text a person reads for the line (unstructured communication, `:86:`, `AddtlTxInf`/`AddtlNtryInf`). */
  description: string | null;
  /** A reversal (CAMT `RvslInd`, MT940 `RC`/`RD` mark). The sign of `amount` already says which way it moves. */
  reversal: boolean;
  /** CAMT `Sts` (BOOK, PDNG, INFO); null for CODA and MT940, whose movements are all booked. */
  status: string | null;
  batch: LineBatch | null;
  /**
   * Format-specific details worth keeping, by stable key: `codaCommunicationType`, `mandateId`,
   * `creditorId`, `returnReason`, `purpose`, `instructionId`, `paymentInformationId`,
   * `supplementaryDetails`, `settlementDate`, `transactionCode`.
   */
  extra: Record<string, string>;
  /** The physical line (CODA 2.1 record, MT940 `:61:`) or XML path (CAMT `Ntry`) of the line. */
  source: StatementPosition;
}

/** What a parser returns for a whole file. `problems` is empty unless `verify: false` was asked. */
export interface StatementFile {
  format: StatementFormat;
  formatVersion: string | null;
  statements: BankStatement[];
  problems: StatementProblem[];
}

/**
 * What a streaming parser reports, in file order: each line as it is read, then the statement's
 * header when the statement ends (its lines came before it), and with `verify: false` each problem.
 * Memory stays bounded by one entry; a consumer must store nothing before the stream ends, since
 * a problem found at the end of a statement refuses it (unless `verify: false`).
 */
export type StatementEvent =
  | { kind: 'line'; statementIndex: number; line: StatementLine }
  | { kind: 'statement'; statement: StatementHeader }
  | { kind: 'problem'; problem: StatementProblem };

/** Options every parser accepts. */
export interface ParseOptions {
  /**
   * Check balances, CODA record 9 and batch totals and throw a StatementFormatError listing every
   * problem (default true). With false the problems are returned (or streamed) instead.
   */
  verify?: boolean;
  /**
   * Encoding of bytes that are not valid UTF-8 (default `latin1`, ISO-8859-1; CODA files from
   * some banks are `cp850`). Any name iconv-lite knows.
   */
  encoding?: string;
}
