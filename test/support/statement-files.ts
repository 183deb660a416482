import Decimal from 'decimal.js';
import { StatementFormatError } from '../../src/formats/statements';

/**
 * Statement files made by the tests and the benchmark (never copied from anywhere): CODA records
 * laid out by Febelfin's positions, camt.053 XML by ISO 20022's element names. By default a file
 * is consistent (balances, record 9); each option breaks one rule on purpose.
 */

/** The StatementFormatError a parse throws (any other outcome fails the test). */
export function statementError(run: () => unknown): StatementFormatError {
  try {
    run();
  } catch (e) {
    if (e instanceof StatementFormatError) return e;
    throw e;
  }
  throw new Error('expected a StatementFormatError');
}

// ---------------------------------------------------------------------------------------------
// CODA (Febelfin CODA 2.6: 128-character records)

/** A 128-character record from [position (1-based), text] pairs; the rest blanks. */
export function codaRecord(parts: [number, string][]): string {
  const chars = Array<string>(128).fill(' ');
  for (const [from, text] of parts) for (let i = 0; i < text.length; i++) chars[from - 1 + i] = text[i];
  return chars.join('').slice(0, 128);
}

const left = (text: string, length: number) => text.padEnd(length, ' ').slice(0, length);

/** Sign digit and 15 digits with 3 decimals of a signed decimal (`-12.5` is `1`, `000000000012500`). */
export function codaAmountField(amount: string): [string, string] {
  const d = new Decimal(amount);
  return [d.isNegative() ? '1' : '0', d.abs().times(1000).toFixed(0).padStart(15, '0')];
}

/** DDMMYY of an ISO day. */
export function ddmmyy(iso: string): string {
  return `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(2, 4)}`;
}

export interface CodaMovementSpec {
  amount: string;
  /** 8 digits: type, family, operation, category (default 00150000, a credit transfer). */
  code?: string;
  bankReference?: string;
  /** 12 digits of a Belgian structured communication (type 101). */
  ogm?: string;
  /** Unstructured communication (may run over 2.1, 2.2 and 2.3). */
  text?: string;
  counterpartyName?: string;
  /** Written as given (with spaces when a test wants them). */
  counterpartyAccount?: string;
  bic?: string;
  endToEndId?: string;
  /** Information records 3.1 (unstructured), one per text. */
  information?: string[];
  /** Detail records of a globalised movement (their amounts add up to `amount` unless a test says otherwise). */
  details?: CodaMovementSpec[];
  date?: string;
}

export interface CodaStatementSpec {
  iban: string;
  currency?: string;
  /** Record 1 position 2 (default `2`, a Belgian IBAN; ` ` for a bank that leaves it blank). */
  structure?: string;
  number?: string;
  opening: string;
  openingDate?: string;
  /** Default: opening plus the movements. */
  closing?: string;
  date?: string;
  holderName?: string;
  movements: CodaMovementSpec[];
  freeMessage?: string;
}

export interface CodaFileSpec {
  statements: CodaStatementSpec[];
  creationDate?: string;
  bic?: string;
  /** Override record 9's fields. */
  trailer?: { count?: number; debit?: string; credit?: string };
}

function accountZone(s: CodaStatementSpec): string {
  const currency = s.currency ?? 'EUR';
  return `${left(s.iban, 31)}   ${currency}`;
}

/** The records of a CODA file (one group: record 0, the statements, record 9). */
export function codaFile(spec: CodaFileSpec): string {
  const created = spec.creationDate ?? '2026-03-02';
  const out: string[] = [
    codaRecord([
      [1, '00000'],
      [6, ddmmyy(created)],
      [12, '725'],
      [15, '05'],
      [25, 'FILEREF001'],
      [35, left('CASHFLOW GATEWAY NV', 26)],
      [61, left(spec.bic ?? 'KREDBEBB', 11)],
      [72, '00123456789'],
      [84, '00000'],
      [128, '2'],
    ]),
  ];
  let debit = new Decimal(0);
  let credit = new Decimal(0);
  for (const [si, s] of spec.statements.entries()) {
    const date = s.date ?? created;
    const number = s.number ?? String(si + 1).padStart(3, '0');
    const [os, oa] = codaAmountField(s.opening);
    out.push(
      codaRecord([
        [1, `1${s.structure ?? '2'}${number}`],
        [6, accountZone(s)],
        [43, os + oa],
        [59, ddmmyy(s.openingDate ?? date)],
        [65, left(s.holderName ?? 'CASHFLOW GATEWAY NV', 26)],
        [91, left('Zichtrekening', 35)],
        [126, number],
      ]),
    );
    let sum = new Decimal(0);
    // positions 3-6: at most 9999 movements a statement
    if (s.movements.length > 9999) throw new RangeError(`a CODA statement holds at most 9999 movements, not ${s.movements.length}`);
    s.movements.forEach((m, mi) => {
      const seq = String(mi + 1).padStart(4, '0');
      const amount = new Decimal(m.amount);
      sum = sum.plus(amount);
      if (amount.isNegative()) debit = debit.minus(amount);
      else credit = credit.plus(amount);
      out.push(...movementRecords(m, seq, '0000', Boolean(m.details?.length), date, number));
      m.details?.forEach((d, di) => out.push(...movementRecords(d, seq, String(di + 1).padStart(4, '0'), false, date, number)));
    });
    if (s.freeMessage)
      out.push(
        codaRecord([
          [1, '4 00010000'],
          [33, left(s.freeMessage, 80)],
        ]),
      );
    const [cs, ca] = codaAmountField(s.closing ?? new Decimal(s.opening).plus(sum).toFixed());
    out.push(
      codaRecord([
        [1, `8${number}`],
        [5, accountZone(s)],
        [42, cs + ca],
        [58, ddmmyy(date)],
      ]),
    );
  }
  const count = spec.trailer?.count ?? out.length - 1;
  // positions 17-22: at most 999999 records a group
  if (count > 999_999) throw new RangeError(`a CODA group holds at most 999999 records, not ${count}`);
  const [, d] = codaAmountField(spec.trailer?.debit ?? debit.toFixed());
  const [, c] = codaAmountField(spec.trailer?.credit ?? credit.toFixed());
  out.push(
    codaRecord([
      [1, '9'],
      [17, String(count).padStart(6, '0')],
      [23, d],
      [38, c],
      [128, '2'],
    ]),
  );
  return out.join('\r\n') + '\r\n';
}

function movementRecords(m: CodaMovementSpec, seq: string, detail: string, globalised: boolean, date: string, number: string): string[] {
  const [sign, amount] = codaAmountField(m.amount);
  // type 1 (totalised by the customer) with details of type 5, else type 0 (a simple amount)
  const code = m.code ?? (globalised ? '10150000' : detail === '0000' ? '00150000' : '50150000');
  const text = m.text ?? '';
  const communication = m.ogm ? `101${m.ogm}`.padEnd(53 + 53 + 43, ' ') : text.padEnd(53 + 53 + 43, ' ');
  const records = [
    codaRecord([
      [1, `21${seq}${detail}`],
      [11, left(m.bankReference ?? `REF${seq}${detail}`, 21)],
      [32, sign + amount],
      [48, ddmmyy(m.date ?? date)],
      [54, code],
      [62, m.ogm ? '1' : '0'],
      [63, communication.slice(0, 53)],
      [116, ddmmyy(m.date ?? date)],
      [122, number],
      [125, '0'],
      [126, '1'],
      [128, '0'],
    ]),
  ];
  records.push(
    codaRecord([
      [1, `22${seq}${detail}`],
      [11, communication.slice(53, 106)],
      [64, left(m.endToEndId ?? '', 35)],
      [99, left(m.bic ?? '', 11)],
      [126, '1'],
      [128, '0'],
    ]),
  );
  records.push(
    codaRecord([
      [1, `23${seq}${detail}`],
      [11, left(m.counterpartyAccount ?? '', 37)],
      [48, left(m.counterpartyName ?? '', 35)],
      [83, communication.slice(106, 149)],
      [126, '0'],
      [128, m.information?.length ? '1' : '0'],
    ]),
  );
  for (const [i, info] of (m.information ?? []).entries()) {
    records.push(
      codaRecord([
        [1, `31${seq}${String(i + 1).padStart(4, '0')}`],
        [11, left(m.bankReference ?? `REF${seq}${detail}`, 21)],
        [32, code],
        [40, '0'],
        [41, left(info, 73)],
      ]),
    );
  }
  return records;
}

// ---------------------------------------------------------------------------------------------
// camt.053 (ISO 20022)

export interface CamtDetailSpec {
  amount?: string;
  endToEndId?: string;
  name?: string;
  iban?: string;
  bic?: string;
  ustrd?: string;
  ref?: string;
  refIssuer?: string;
}

export interface CamtEntrySpec extends CamtDetailSpec {
  /** Signed: negative is DBIT. */
  amount: string;
  currency?: string;
  bookingDate?: string;
  acctSvcrRef?: string;
  addtlNtryInf?: string;
  status?: string;
  /** Several TxDtls make a batch entry. */
  details?: CamtDetailSpec[];
  nbOfTxs?: number;
}

export interface CamtStatementSpec {
  iban: string;
  currency?: string;
  opening: string;
  closing?: string;
  date?: string;
  entries: CamtEntrySpec[];
}

const side = (amount: string) => (amount.startsWith('-') ? 'DBIT' : 'CRDT');
const abs = (amount: string) => amount.replace(/^-/, '');
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function balance(code: string, amount: string, currency: string, date: string): string {
  return (
    `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="${currency}">${abs(amount)}</Amt>` +
    `<CdtDbtInd>${side(amount)}</CdtDbtInd><Dt><Dt>${date}</Dt></Dt></Bal>`
  );
}

function txDetails(d: CamtDetailSpec, credit: boolean, currency: string, version: string): string {
  const party = credit ? 'Dbtr' : 'Cdtr';
  // .04 renamed BIC to BICFI
  const bicName = version >= '001.04' ? 'BICFI' : 'BIC';
  const name = d.name
    ? version >= '001.08'
      ? `<${party}><Pty><Nm>${escape(d.name)}</Nm></Pty></${party}>`
      : `<${party}><Nm>${escape(d.name)}</Nm></${party}>`
    : '';
  const account = d.iban ? `<${party}Acct><Id><IBAN>${d.iban}</IBAN></Id></${party}Acct>` : '';
  const bic = d.bic ? `<RltdAgts><${party}Agt><FinInstnId><${bicName}>${d.bic}</${bicName}></FinInstnId></${party}Agt></RltdAgts>` : '';
  const strd = d.ref
    ? `<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry>${d.refIssuer ? `<Issr>${d.refIssuer}</Issr>` : ''}</Tp>` +
      `<Ref>${d.ref}</Ref></CdtrRefInf></Strd>`
    : '';
  const rmt = d.ustrd || strd ? `<RmtInf>${d.ustrd ? `<Ustrd>${escape(d.ustrd)}</Ustrd>` : ''}${strd}</RmtInf>` : '';
  const amount = d.amount ? `<Amt Ccy="${currency}">${abs(d.amount)}</Amt><CdtDbtInd>${side(d.amount)}</CdtDbtInd>` : '';
  const refs = `<Refs>${d.endToEndId ? `<EndToEndId>${d.endToEndId}</EndToEndId>` : ''}</Refs>`;
  return `<TxDtls>${refs}${amount}${name || account ? `<RltdPties>${name}${account}</RltdPties>` : ''}${bic}${rmt}</TxDtls>`;
}

/** One `Ntry` element. */
export function camtEntry(e: CamtEntrySpec, currency: string, version = '001.02', date = '2026-03-02'): string {
  const credit = !e.amount.startsWith('-');
  const details = e.details ?? [e];
  const batch = e.nbOfTxs ? `<Btch><NbOfTxs>${e.nbOfTxs}</NbOfTxs></Btch>` : '';
  const status = version >= '001.08' ? `<Sts><Cd>${e.status ?? 'BOOK'}</Cd></Sts>` : `<Sts>${e.status ?? 'BOOK'}</Sts>`;
  return (
    `<Ntry><Amt Ccy="${e.currency ?? currency}">${abs(e.amount)}</Amt><CdtDbtInd>${side(e.amount)}</CdtDbtInd>${status}` +
    `<BookgDt><Dt>${e.bookingDate ?? date}</Dt></BookgDt><ValDt><Dt>${e.bookingDate ?? date}</Dt></ValDt>` +
    `${e.acctSvcrRef ? `<AcctSvcrRef>${e.acctSvcrRef}</AcctSvcrRef>` : ''}` +
    `<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>${credit ? 'RCDT' : 'ICDT'}</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>` +
    `<NtryDtls>${batch}${details.map((d) => txDetails(d, credit, currency, version)).join('')}</NtryDtls>` +
    `${e.addtlNtryInf ? `<AddtlNtryInf>${escape(e.addtlNtryInf)}</AddtlNtryInf>` : ''}</Ntry>\n`
  );
}

export function camtStatementOpen(s: CamtStatementSpec, index: number): string {
  const currency = s.currency ?? 'EUR';
  const date = s.date ?? '2026-03-02';
  const closing = s.closing ?? s.entries.reduce((sum, e) => sum.plus(e.amount), new Decimal(s.opening)).toFixed(2);
  return (
    `<Stmt><Id>STMT-${index + 1}</Id><ElctrncSeqNb>${index + 1}</ElctrncSeqNb><LglSeqNb>${index + 1}</LglSeqNb>` +
    `<CreDtTm>${date}T18:00:00+01:00</CreDtTm>` +
    `<Acct><Id><IBAN>${s.iban}</IBAN></Id><Ccy>${currency}</Ccy><Ownr><Nm>Cashflow Gateway NV</Nm></Ownr></Acct>\n` +
    `${balance('OPBD', s.opening, currency, date)}${balance('CLBD', closing, currency, date)}\n`
  );
}

export function camtDocumentOpen(version = '001.02'): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.${version}">` +
    `<BkToCstmrStmt><GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2026-03-02T18:00:00+01:00</CreDtTm></GrpHdr>\n`
  );
}

export const CAMT_DOCUMENT_CLOSE = '</BkToCstmrStmt></Document>\n';

/** A whole camt.053 document. */
export function camtFile(statements: CamtStatementSpec[], version = '001.02'): string {
  const body = statements
    .map(
      (s, i) => camtStatementOpen(s, i) + s.entries.map((e) => camtEntry(e, s.currency ?? 'EUR', version, s.date)).join('') + '</Stmt>\n',
    )
    .join('');
  return camtDocumentOpen(version) + body + CAMT_DOCUMENT_CLOSE;
}
