import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { Dec } from '../../../platform/decimal';

/**
 * A small CODA writer (Febelfin CODA 2.6 records 0, 1, 2.1-2.3, 3.1-3.3, 8 and 9) for our own
 * tests and benchmarks: it writes statements that parseCoda (parser.ts) reads back with the same
 * values. Positions below are the standard's (1-based, inclusive), as records.ts reads them.
 *
 * What goes where (each record 128 characters, lines joined with CRLF):
 * - record 0: creation date 6-11, bank id 12-14, application code 15-16 `05`, file reference
 *   25-34, addressee 35-60, BIC 61-71, version 128 `2`;
 * - record 1 / 8: account structure 2 (`2` a Belgian IBAN, `3` a foreign one), statement number
 *   3-5 (record 8: 2-4), the IBAN and currency, sign and 15-digit amount with 3 decimals, date;
 * - record 2.1: sequence 3-6, detail 0000 (no globalisation), bank reference 11-31, sign 32 and
 *   amount 33-47, value date 48-53, transaction code 54-61, communication type 62 and text 63-115
 *   (structured: `101` and the 12 digits of a Belgian structured communication), entry date
 *   116-121; record 2.2: communication 11-63, end-to-end id 64-98, counterparty BIC 99-109;
 *   record 2.3: counterparty account 11-47, name 48-82, communication 83-125;
 * - records 3.1-3.3: the free text of a line with a structured communication (3.1 41-113, 3.2
 *   11-115, 3.3 11-100), and a name longer than 2.3's 35 characters as structured information
 *   type 001 (70 characters);
 * - record 9: count of records 1, 2, 3 and 8, debit and credit totals of the movements.
 *
 * Limits, refused with a RangeError naming the statement and line: unstructured text at most 149
 * characters (2.1-2.3) without a structured communication and 268 (3.1-3.3) with one; names at
 * most 70; bank references at most 21; end-to-end ids at most 35; at most 9999 lines a statement;
 * only characters of ISO-8859-1 (the file's encoding: write the text with `Buffer.from(text, 'latin1')`).
 */
export interface CodaLineToWrite {
  /** `YYYY-MM-DD`. */
  bookingDate: string;
  valueDate?: string | null;
  /** Signed exact decimal, credit positive, at most 3 decimals. */
  amount: string;
  counterpartyName?: string | null;
  /** An IBAN (any spacing) or another account number. */
  counterpartyAccount?: string | null;
  counterpartyBic?: string | null;
  /** 12 digits of a Belgian structured communication (OGM/VCS; check digits are not checked: a wrong one is written as given). */
  structuredReference?: string | null;
  unstructuredRemittance?: string | null;
  endToEndId?: string | null;
  bankReference?: string | null;
  /** Febelfin transaction code, 8 digits (type, family, operation, category); default a credit transfer (00150000 in, 00101000 out). */
  transactionCode?: string | null;
}

export interface CodaStatementToWrite {
  /** The own account's IBAN. */
  account: string;
  currency: string;
  /** At most 3 digits (CODA restarts at 001 every year); none writes 000. */
  statementNumber?: string | null;
  openingBalance: string;
  /** Day of the old balance (default the statement's date). */
  openingBalanceDate?: string | null;
  closingBalance: string;
  /** Day of the new balance. */
  statementDate: string;
  holderName?: string | null;
  description?: string | null;
  lines: CodaLineToWrite[];
}

export interface CodaFileToWrite {
  /** `YYYY-MM-DD`. */
  creationDate: string;
  statements: CodaStatementToWrite[];
  /** Bank identification number (3 digits), default 000. */
  bankId?: string;
  bic?: string | null;
  fileReference?: string | null;
  addressee?: string | null;
}

/** The text of a CODA file holding `file.statements` in one record group (record 0 ... record 9). */
export function writeCoda(file: CodaFileToWrite): string {
  const records: string[] = [
    record([
      [1, '00000'],
      [6, ddmmyy(file.creationDate)],
      [12, digits(file.bankId ?? '0', 3)],
      [15, '05'],
      [25, file.fileReference ?? ''],
      [35, (file.addressee ?? '').slice(0, 26)],
      [61, file.bic ?? ''],
      [72, '00000000000'],
      [84, '00000'],
      [128, '2'],
    ]),
  ];
  let count = 0;
  let debit = new Dec(0);
  let credit = new Dec(0);
  file.statements.forEach((s, si) => {
    const where = `statements[${si}]`;
    if (s.lines.length > 9999) throw new RangeError(`${where}: a CODA statement holds at most 9999 lines, not ${s.lines.length}`);
    const { structure, zone } = accountZone(s.account, s.currency, where);
    const number = digits(s.statementNumber ?? '0', 3);
    records.push(
      record([
        [1, `1${structure}${number}`],
        [6, zone],
        [43, amountField(s.openingBalance)],
        [59, ddmmyy(s.openingBalanceDate ?? s.statementDate)],
        [65, (s.holderName ?? '').slice(0, 26)],
        [91, (s.description ?? '').slice(0, 35)],
        [126, number],
      ]),
    );
    s.lines.forEach((l, li) => {
      const amount = new Dec(l.amount);
      if (amount.isNegative()) debit = debit.minus(amount);
      else credit = credit.plus(amount);
      records.push(...movement(l, String(li + 1).padStart(4, '0'), number, `${where}.lines[${li}]`));
    });
    records.push(
      record([
        [1, `8${number}`],
        [5, zone],
        [42, amountField(s.closingBalance)],
        [58, ddmmyy(s.statementDate)],
        [128, '0'],
      ]),
    );
  });
  count = records.length - 1;
  records.push(
    record([
      [1, '9'],
      [17, String(count).padStart(6, '0')],
      [23, amountField(debit.toFixed()).slice(1)],
      [38, amountField(credit.toFixed()).slice(1)],
      [128, '2'],
    ]),
  );
  for (const [i, r] of records.entries()) {
    // eslint-disable-next-line no-control-regex
    if (/[^\u0000-\u00ff]/.test(r))
      throw new RangeError(`record ${i + 1} holds a character outside ISO-8859-1: ${JSON.stringify(r.trim())}`);
  }
  return records.join('\r\n') + '\r\n';
}

/** Records 2.1-2.3 and 3.x of one line. */
function movement(l: CodaLineToWrite, sequence: string, number: string, where: string): string[] {
  const text = l.unstructuredRemittance ?? '';
  const name = l.counterpartyName ?? '';
  const reference = l.structuredReference ?? null;
  if (reference !== null && !/^\d{12}$/.test(reference))
    throw new RangeError(`${where}.structuredReference: a Belgian structured communication of 12 digits, not ${JSON.stringify(reference)}`);
  if (text.length > (reference ? 268 : 149))
    throw new RangeError(`${where}.unstructuredRemittance: at most ${reference ? 268 : 149} characters, got ${text.length}`);
  if (name.length > 70) throw new RangeError(`${where}.counterpartyName: at most 70 characters, got ${name.length}`);
  if ((l.bankReference ?? '').length > 21) throw new RangeError(`${where}.bankReference: at most 21 characters`);
  if ((l.endToEndId ?? '').length > 35) throw new RangeError(`${where}.endToEndId: at most 35 characters`);
  const code = l.transactionCode ?? (new Dec(l.amount).isNegative() ? '00101000' : '00150000');
  if (!/^\d{8}$/.test(code)) throw new RangeError(`${where}.transactionCode: 8 digits, not ${JSON.stringify(code)}`);
  // Unstructured text runs over 2.1 (53), 2.2 (53) and 2.3 (43); with a structured communication it goes to 3.1-3.3.
  const inline = reference ? '' : text;
  const [c1, c2, c3] = [inline.slice(0, 53), inline.slice(53, 106), inline.slice(106)];
  const info: string[][] = [];
  if (reference && text) info.push(['0', text.slice(0, 73), text.slice(73, 178), text.slice(178)]);
  const longName = name.length > 35;
  if (longName) info.push(['1', `001${name}`]);
  const has22 = Boolean(c2 || l.endToEndId || l.counterpartyBic);
  const has23 = Boolean(c3 || l.counterpartyAccount || (name && !longName));
  const link = (more: boolean) => (more ? '1' : '0');
  const id = `${sequence}0000`;
  const out = [
    record([
      [1, `21${id}`],
      [11, l.bankReference ?? ''],
      [32, amountField(l.amount)],
      [48, l.valueDate ? ddmmyy(l.valueDate) : '000000'],
      [54, code],
      [62, reference ? `1101${reference}` : `0${c1}`],
      [116, ddmmyy(l.bookingDate)],
      [122, number],
      [125, '0'],
      [126, link(has22 || has23)],
      [128, link(info.length > 0)],
    ]),
  ];
  if (has22)
    out.push(
      record([
        [1, `22${id}`],
        [11, c2],
        [64, l.endToEndId ?? ''],
        [99, l.counterpartyBic ?? ''],
        [126, link(has23)],
        [128, link(info.length > 0)],
      ]),
    );
  if (has23)
    out.push(
      record([
        [1, `23${id}`],
        [11, (l.counterpartyAccount ?? '').replace(/\s+/g, '')],
        [48, longName ? '' : name],
        [83, c3],
        [126, '0'],
        [128, link(info.length > 0)],
      ]),
    );
  info.forEach(([structured, first, second, third], gi) => {
    const last = gi === info.length - 1;
    const parts = [second, third].filter((p): p is string => Boolean(p));
    out.push(
      record([
        [1, `31${id}`],
        [32, code],
        [40, structured],
        [41, first],
        [126, link(parts.length > 0)],
        [128, link(!last)],
      ]),
    );
    parts.forEach((p, pi) =>
      out.push(
        record([
          [1, `3${pi + 2}${id}`],
          [11, p],
          [126, link(pi < parts.length - 1)],
          [128, link(!last)],
        ]),
      ),
    );
  });
  return out;
}

/** A 128-character record from [position (1-based), text] pairs; the rest blanks. */
function record(parts: [number, string][]): string {
  const chars = Array<string>(128).fill(' ');
  for (const [from, text] of parts) for (let i = 0; i < text.length && from - 1 + i < 128; i++) chars[from - 1 + i] = text[i];
  return chars.join('');
}

/** Account structure and the 37-character zone of records 1 and 8: a Belgian IBAN (2) or a foreign one (3). */
function accountZone(account: string, currency: string, where: string): { structure: string; zone: string } {
  const iban = electronicFormatIBAN(account);
  if (!iban || !isValidIBAN(iban)) throw new RangeError(`${where}.account: an IBAN, not ${JSON.stringify(account)}`);
  if (!/^[A-Z]{3}$/.test(currency)) throw new RangeError(`${where}.currency: an ISO 4217 code, not ${JSON.stringify(currency)}`);
  return iban.startsWith('BE')
    ? { structure: '2', zone: `${iban.padEnd(31, ' ')}   ${currency}` }
    : { structure: '3', zone: `${iban.padEnd(34, ' ')}${currency}` };
}

/** Sign digit (0 credit, 1 debit) and 15 digits with 3 decimals. */
function amountField(amount: string): string {
  const d = new Dec(amount);
  if (d.decimalPlaces() > 3) throw new RangeError(`${amount}: CODA amounts have at most 3 decimals`);
  const text = d.abs().times(1000).toFixed(0);
  if (text.length > 15) throw new RangeError(`${amount}: too large for CODA's 15 digits`);
  return (d.isNegative() ? '1' : '0') + text.padStart(15, '0');
}

function ddmmyy(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new RangeError(`${JSON.stringify(iso)} is not a YYYY-MM-DD day`);
  return `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(2, 4)}`;
}

function digits(text: string, length: number): string {
  if (!/^\d+$/.test(text) || text.length > length)
    throw new RangeError(`${JSON.stringify(text)} is not a number of at most ${length} digits`);
  return text.padStart(length, '0');
}
