import { accountNumber, belgianAccount, currencyCode, ValueProblem, type AccountNumber } from '../values';

/**
 * The record layouts of Febelfin's CODA standard, version 2 (2.6 and 2.8 keep the same layout):
 * fixed records of 128 characters, identified by position 1 (and position 2 for records 2 and 3).
 * Positions below are the standard's, 1-based and inclusive. Fields stay raw text here; the
 * parser gives them meaning.
 */

/** Characters `from` to `to` (1-based, inclusive) of a record. */
export function field(record: string, from: number, to: number): string {
  return record.slice(from - 1, to);
}

/** Record 0, the header of a file (or of one statement group). */
export interface HeaderRecord {
  /** 6-11 creation date DDMMYY. */
  creationDate: string;
  /** 12-14 bank identification number. */
  bankId: string;
  /** 17 `D` for a duplicate. */
  duplicate: boolean;
  /** 25-34 file reference. */
  fileReference: string;
  /** 61-71 BIC of the bank holding the account. */
  bic: string;
  /** 128 version code: `2` for CODA 2.x. */
  version: string;
}

/** The fields of record 0 (a 128-character record). */
export function headerRecord(r: string): HeaderRecord {
  return {
    creationDate: field(r, 6, 11),
    bankId: field(r, 12, 14),
    duplicate: field(r, 17, 17) === 'D',
    fileReference: field(r, 25, 34).trim(),
    bic: field(r, 61, 71),
    version: field(r, 128, 128),
  };
}

/** The account of record 1 (positions 6-42) or record 8 (positions 5-41), read by its structure code. */
export interface CodaAccount extends AccountNumber {
  /** The account number as written (without the currency and the rest of the zone), trimmed. */
  identification: string;
  currency: string;
}

/**
 * Reads the 37-character account zone by the account structure (record 1 position 2):
 * `0` Belgian account number (12 digits, then a blank and the currency), `1` foreign account
 * number (34) and currency (3), `2` IBAN of a Belgian account (31, 3 blanks, currency), `3` IBAN
 * of a foreign account (34) and currency. Some banks leave the structure blank: then the zone
 * itself tells (a currency at its end, or after 12 digits).
 */
export function accountZone(structure: string, zone: string): CodaAccount {
  const shape = structure === '0' || structure === '1' || structure === '2' || structure === '3' ? structure : sniffStructure(zone);
  if (shape === '0') {
    const number = zone.slice(0, 12);
    return { ...belgianAccount(number), identification: number.trim(), currency: currencyCode(zone.slice(13, 16)) };
  }
  const number = zone.slice(0, 34);
  return { ...accountNumber(number), identification: number.trim(), currency: currencyCode(zone.slice(34, 37)) };
}

function sniffStructure(zone: string): string {
  if (/^[A-Z]{3}$/.test(zone.slice(34, 37))) return '1';
  if (/^\d{12} [A-Z]{3}/.test(zone)) return '0';
  throw new ValueProblem(
    'BAD_RECORD',
    `the account zone ${JSON.stringify(zone.trim())} has no account structure code and no currency where one belongs`,
  );
}

/** Record 1, the old balance, opening a statement. */
export interface OldBalanceRecord {
  /** 2 account structure (0-3, see accountZone). */
  structure: string;
  /** 3-5 statement number (paper statement sequence, restarts each year). */
  statementNumber: string;
  /** 6-42 account number and currency. */
  zone: string;
  /** 43 sign (0 credit, 1 debit), 44-58 amount with 3 decimals. */
  sign: string;
  amount: string;
  /** 59-64 old balance date DDMMYY. */
  date: string;
  /** 65-90 account holder's name. */
  holderName: string;
  /** 91-125 account description. */
  description: string;
  /** 126-128 CODA sequence number. */
  codaSequence: string;
}

/** The fields of record 1 (a 128-character record). */
export function oldBalanceRecord(r: string): OldBalanceRecord {
  return {
    structure: field(r, 2, 2),
    statementNumber: field(r, 3, 5),
    zone: field(r, 6, 42),
    sign: field(r, 43, 43),
    amount: field(r, 44, 58),
    date: field(r, 59, 64),
    holderName: field(r, 65, 90).trim(),
    description: field(r, 91, 125).trim(),
    codaSequence: field(r, 126, 128),
  };
}

/** Record 8, the new balance, closing a statement. */
export interface NewBalanceRecord {
  /** 2-4 statement number. */
  statementNumber: string;
  /** 5-41 account number and currency (the layout of record 1's zone). */
  zone: string;
  /** 42 sign, 43-57 amount with 3 decimals. */
  sign: string;
  amount: string;
  /** 58-63 new balance date DDMMYY. */
  date: string;
}

/** The fields of record 8 (a 128-character record). */
export function newBalanceRecord(r: string): NewBalanceRecord {
  return {
    statementNumber: field(r, 2, 4),
    zone: field(r, 5, 41),
    sign: field(r, 42, 42),
    amount: field(r, 43, 57),
    date: field(r, 58, 63),
  };
}

/** Record 2.1, a movement or (detail number above 0000) a detail of a globalised movement. */
export interface MovementRecord {
  /** 3-6 continuous sequence number, 7-10 detail number. */
  sequence: string;
  detail: string;
  /** 11-31 the bank's reference number. */
  bankReference: string;
  /** 32 sign (0 credit, 1 debit), 33-47 amount with 3 decimals. */
  sign: string;
  amount: string;
  /** 48-53 value date DDMMYY (000000 when unknown). */
  valueDate: string;
  /** 54-61 transaction code: type (1), family (2), operation (2), category (3). */
  transactionCode: string;
  /** 62 communication type: 0 unstructured, 1 structured (63-65 then give its type, e.g. 101). */
  communicationType: string;
  /** 63-115 communication. */
  communication: string;
  /** 116-121 entry (booking) date DDMMYY. */
  entryDate: string;
  /** 125 globalisation code. */
  globalisation: string;
}

/** The fields of record 2.1 (a 128-character record). */
export function movementRecord(r: string): MovementRecord {
  return {
    sequence: field(r, 3, 6),
    detail: field(r, 7, 10),
    bankReference: field(r, 11, 31).trim(),
    sign: field(r, 32, 32),
    amount: field(r, 33, 47),
    valueDate: field(r, 48, 53),
    transactionCode: field(r, 54, 61),
    communicationType: field(r, 62, 62),
    communication: field(r, 63, 115),
    entryDate: field(r, 116, 121),
    globalisation: field(r, 125, 125),
  };
}

/** Record 2.2, more of a movement. */
export interface Movement2Record {
  sequence: string;
  detail: string;
  /** 11-63 continuation of the communication. */
  communication: string;
  /** 64-98 customer reference: for SEPA transactions the end-to-end reference. */
  customerReference: string;
  /** 99-109 BIC of the counterparty's bank. */
  bic: string;
  /** 113 type of R-transaction, 114-117 its ISO reason code, 118-121 category purpose, 122-125 purpose. */
  rTransaction: string;
  returnReason: string;
  categoryPurpose: string;
  purpose: string;
}

/** The fields of record 2.2 (a 128-character record). */
export function movement2Record(r: string): Movement2Record {
  return {
    sequence: field(r, 3, 6),
    detail: field(r, 7, 10),
    communication: field(r, 11, 63),
    customerReference: field(r, 64, 98),
    bic: field(r, 99, 109),
    rTransaction: field(r, 113, 113).trim(),
    returnReason: field(r, 114, 117).trim(),
    categoryPurpose: field(r, 118, 121).trim(),
    purpose: field(r, 122, 125).trim(),
  };
}

/** Record 2.3, the counterparty of a movement. */
export interface Movement3Record {
  sequence: string;
  detail: string;
  /** 11-47 counterparty's account (an IBAN of up to 34 characters, possibly followed by its currency). */
  account: string;
  /** 48-82 counterparty's name. */
  name: string;
  /** 83-125 continuation of the communication. */
  communication: string;
}

/** The fields of record 2.3 (a 128-character record). */
export function movement3Record(r: string): Movement3Record {
  return {
    sequence: field(r, 3, 6),
    detail: field(r, 7, 10),
    account: field(r, 11, 47),
    name: field(r, 48, 82).trim(),
    communication: field(r, 83, 125),
  };
}

/** The counterparty account of record 2.3: a trailing currency code dropped, spaces ignored. */
export function counterpartyAccount(text: string): AccountNumber {
  const trimmed = text.trim().replace(/\s+[A-Z]{3}$/, '');
  return /^\d{12}$/.test(trimmed.replace(/[\s-]/g, '')) ? belgianAccount(trimmed) : accountNumber(trimmed);
}

/** Records 3.1-3.3, information about a movement (more communication). */
export interface InformationRecord {
  article: '1' | '2' | '3';
  sequence: string;
  detail: string;
  /** 3.1 only: 32-39 transaction code (of the movement it belongs to), 40 communication structure. */
  transactionCode: string;
  communicationType: string;
  /** 3.1: 41-113; 3.2: 11-115; 3.3: 11-100. */
  communication: string;
}

/** The fields of a record 3.1, 3.2 or 3.3 (a 128-character record). */
export function informationRecord(r: string): InformationRecord {
  const article = field(r, 2, 2) as '1' | '2' | '3';
  const common = { article, sequence: field(r, 3, 6), detail: field(r, 7, 10) };
  if (article === '1')
    return { ...common, transactionCode: field(r, 32, 39), communicationType: field(r, 40, 40), communication: field(r, 41, 113) };
  return { ...common, transactionCode: '', communicationType: '', communication: article === '2' ? field(r, 11, 115) : field(r, 11, 100) };
}

/** Record 4, a free message of the statement: 33-112. */
export function freeMessage(r: string): string {
  return field(r, 33, 112);
}

/** Record 9, the trailer of a file (or statement group). */
export interface TrailerRecord {
  /** 17-22 number of records 1, 2, 3, 4 and 8 since record 0. */
  count: string;
  /** 23-37 total of the debit movements, 38-52 of the credit movements, 3 decimals each. */
  debit: string;
  credit: string;
}

/** The fields of record 9 (a 128-character record). */
export function trailerRecord(r: string): TrailerRecord {
  return { count: field(r, 17, 22), debit: field(r, 23, 37), credit: field(r, 38, 52) };
}
