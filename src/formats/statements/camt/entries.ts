import { Dec } from '../../../platform/decimal';
import type { StatementRule } from '../errors';
import type { BankTransactionCode, Counterparty, LineBatch, Remittance, StatementLine } from '../types';
import {
  accountNumber,
  bicOrNull,
  camtAmount,
  moneyText,
  endToEndOrNull,
  isoDate,
  structuredReference,
  textOrNull,
  ValueProblem,
} from '../values';
import { at, child, children, textAt, type XmlNode } from './nodes';

/**
 * One camt.053 entry (`Ntry`, ISO 20022 ReportEntry) as statement lines. An entry with one or no
 * `TxDtls` is one line. A batch entry (several `TxDtls`, e.g. a direct-debit collection credited
 * as one amount) becomes one line per `TxDtls` with the detail's own amount (`TxDtls/Amt`, else
 * `AmtDtls/TxAmt/Amt`, signed by the detail's `CdtDbtInd`, else the entry's): each is one payment
 * to reconcile. The details must add up to the entry's amount (else BATCH_TOTAL and the entry
 * stays one line); when a detail has no amount in the entry's currency the entry stays one line.
 * Element names of versions .001.02 to .001.13 are all read (`BIC`/`BICFI`, `Nm`/`Pty/Nm`, `Sts`/`Sts/Cd`).
 */

/** Where an entry stands, for its lines' numbers and error messages. */
export interface EntryContext {
  statementIndex: number;
  /** 1-based position of the entry in its statement. */
  entryNumber: number;
  /** XML path of the entry, for error messages. */
  path: string;
  /** 0-based index of the entry's first line in its statement. */
  firstIndex: number;
}

type Report = (rule: StatementRule, where: string, message: string) => void;

interface Detail {
  node: XmlNode | null;
  amount: string;
  path: string;
  sequence: string;
}

/**
 * The lines of one `Ntry` (see above), numbered from `ctx.firstIndex`; BATCH_TOTAL is reported
 * through `report`, a malformed amount or date throws a ValueProblem (BAD_AMOUNT, BAD_DATE, BAD_RECORD).
 */
export function entryLines(ntry: XmlNode, ctx: EntryContext, report: Report): StatementLine[] {
  const amt = child(ntry, 'Amt');
  const currency = amt?.attributes.Ccy;
  if (!amt || !currency) throw new ValueProblem('BAD_RECORD', 'the entry has no Amt with a Ccy attribute');
  const amount = camtAmount(amt.text, textAt(ntry, 'CdtDbtInd') ?? '', currency);
  // loops, not flatMap and find: this runs once per entry, and those made the entry's largest cost
  const details: XmlNode[] = [];
  let declared: number | undefined;
  for (const d of ntry.children) {
    if (d.name !== 'NtryDtls') continue;
    for (const tx of d.children) if (tx.name === 'TxDtls') details.push(tx);
    const n = Number(textAt(d, 'Btch', 'NbOfTxs') ?? NaN);
    if (declared === undefined && Number.isInteger(n) && n > 0) declared = n;
  }
  const entryReference = textAt(ntry, 'AcctSvcrRef') ?? textAt(ntry, 'NtryRef') ?? String(ctx.entryNumber);
  const split = details.length > 1 ? splitAmounts(ntry, details, amount, currency, ctx, report) : null;
  // an entry kept whole takes the parties and references of its one detail, never one of several
  const only = details.length === 1 ? details[0] : null;
  const parts: Detail[] = split ?? [{ node: only, amount, path: ctx.path, sequence: String(ctx.entryNumber) }];
  const count = split ? split.length : Math.max(details.length, declared ?? 0);
  return parts.map((part, i) => {
    const batch: LineBatch | null = count > 1 ? { entryReference, count, total: amount, index: split ? i + 1 : null } : null;
    return line(ntry, part, currency, ctx.firstIndex + i, batch);
  });
}

/** The details' own amounts, when each has one in the entry's currency and they add up to it. */
function splitAmounts(
  ntry: XmlNode,
  details: XmlNode[],
  amount: string,
  currency: string,
  ctx: EntryContext,
  report: Report,
): Detail[] | null {
  const entrySide = textAt(ntry, 'CdtDbtInd') ?? '';
  const parts: Detail[] = [];
  let sum = new Dec(0);
  for (const [i, tx] of details.entries()) {
    const amt = child(tx, 'Amt') ?? at(tx, 'AmtDtls', 'TxAmt', 'Amt');
    if (!amt || amt.attributes.Ccy !== currency) return null;
    const value = camtAmount(amt.text, textAt(tx, 'CdtDbtInd') ?? entrySide, currency);
    sum = sum.plus(value);
    parts.push({ node: tx, amount: value, path: `${ctx.path}/NtryDtls/TxDtls[${i + 1}]`, sequence: `${ctx.entryNumber}/${i + 1}` });
  }
  if (!sum.equals(amount)) {
    report(
      'BATCH_TOTAL',
      ctx.path,
      `the ${details.length} TxDtls of entry ${ctx.entryNumber} add up to ${moneyText(sum, currency)}, ` +
        `but the entry is ${amount}, so it is kept as one line`,
    );
    return null;
  }
  return parts;
}

function date(node: XmlNode | undefined): string | null {
  const text = textAt(node, 'Dt') ?? textAt(node, 'DtTm');
  return text === null ? null : isoDate(text);
}

function transactionCode(node: XmlNode | undefined): BankTransactionCode | null {
  if (!node) return null;
  const domain = textAt(node, 'Domn', 'Cd');
  const proprietary = textAt(node, 'Prtry', 'Cd');
  if (domain === null && proprietary === null) return null;
  return {
    iso:
      domain === null
        ? null
        : { domain, family: textAt(node, 'Domn', 'Fmly', 'Cd') ?? '', subFamily: textAt(node, 'Domn', 'Fmly', 'SubFmlyCd') ?? '' },
    proprietary: proprietary === null ? null : { code: proprietary, issuer: textAt(node, 'Prtry', 'Issr') },
    coda: null,
    swift: null,
  };
}

function line(ntry: XmlNode, part: Detail, currency: string, index: number, batch: LineBatch | null): StatementLine {
  const tx = part.node ?? undefined;
  const refs = child(tx, 'Refs');
  const reversal = textAt(ntry, 'RvslInd') === 'true';
  const credit = !part.amount.startsWith('-');
  const extra: Record<string, string> = {};
  const put = (key: string, value: string | null) => {
    if (value) extra[key] = value;
  };
  put('mandateId', textAt(refs, 'MndtId'));
  put('transactionId', textAt(refs, 'TxId'));
  put('paymentInformationId', textAt(refs, 'PmtInfId') ?? textAt(ntry, 'NtryDtls', 'Btch', 'PmtInfId'));
  put('returnReason', textAt(tx, 'RtrInf', 'Rsn', 'Cd') ?? textAt(tx, 'RtrInf', 'Rsn', 'Prtry'));
  put('purpose', textAt(tx, 'Purp', 'Cd'));
  put('proprietaryReference', proprietaryReferences(refs));
  const remittance = remittanceOf(child(tx, 'RmtInf'));
  return {
    index,
    sequence: part.sequence,
    bookingDate: date(child(ntry, 'BookgDt')),
    valueDate: date(child(ntry, 'ValDt')),
    amount: part.amount,
    currency,
    // the money came from the debtor on a credit and went to the creditor on a debit; a reversal
    // keeps the parties of the transaction it undoes
    counterparty: counterpartyOf(child(tx, 'RltdPties'), child(tx, 'RltdAgts'), credit !== reversal),
    remittance,
    endToEndId: endToEndOrNull(textAt(refs, 'EndToEndId')),
    bankReference: textAt(refs, 'AcctSvcrRef') ?? textAt(ntry, 'AcctSvcrRef'),
    customerReference: textAt(refs, 'InstrId'),
    bankTransactionCode: transactionCode(child(tx, 'BkTxCd')) ??
      transactionCode(child(ntry, 'BkTxCd')) ?? { iso: null, proprietary: null, coda: null, swift: null },
    description: textAt(tx, 'AddtlTxInf') ?? textAt(ntry, 'AddtlNtryInf') ?? remittance.unstructured,
    reversal,
    status: textAt(ntry, 'Sts', 'Cd') ?? textAt(ntry, 'Sts', 'Prtry') ?? textAt(ntry, 'Sts'),
    batch,
    extra,
    source: part.path,
  };
}

function proprietaryReferences(refs: XmlNode | undefined): string | null {
  if (!child(refs, 'Prtry')) return null;
  return children(refs, 'Prtry')
    .map((p) => `${textAt(p, 'Tp') ?? ''}:${textAt(p, 'Ref') ?? ''}`)
    .join('; ');
}

/** Name, account, BIC and address of one side (`Dbtr`/`DbtrAcct`/`DbtrAgt` or the `Cdtr` ones). */
function side(parties: XmlNode | undefined, agents: XmlNode | undefined, who: 'Dbtr' | 'Cdtr'): Counterparty {
  const party = child(parties, who);
  const pty = child(party, 'Pty') ?? party;
  const account = at(parties, who === 'Dbtr' ? 'DbtrAcct' : 'CdtrAcct', 'Id');
  const { iban, otherId } = accountNumber(textAt(account, 'IBAN') ?? textAt(account, 'Othr', 'Id'));
  const agent = child(agents, who === 'Dbtr' ? 'DbtrAgt' : 'CdtrAgt');
  return {
    name: textAt(pty, 'Nm'),
    iban,
    otherId,
    bic: bicOrNull(textAt(agent, 'FinInstnId', 'BICFI') ?? textAt(agent, 'FinInstnId', 'BIC')),
    address: addressOf(child(pty, 'PstlAdr')),
  };
}

function counterpartyOf(parties: XmlNode | undefined, agents: XmlNode | undefined, debtorSide: boolean): Counterparty {
  const preferred = side(parties, agents, debtorSide ? 'Dbtr' : 'Cdtr');
  if (preferred.name || preferred.iban || preferred.otherId) return preferred;
  // banks that name only the other side (seen on reversals) still tell who it was
  const other = side(parties, agents, debtorSide ? 'Cdtr' : 'Dbtr');
  return other.name || other.iban || other.otherId ? other : preferred;
}

/** `AdrLine`s, else street and number, post code and town; the country last when anything else is given. */
function addressOf(adr: XmlNode | undefined): string | null {
  if (!adr) return null;
  const lines = children(adr, 'AdrLine')
    .map((l) => l.text.trim())
    .filter(Boolean);
  if (!lines.length) {
    const street = [textAt(adr, 'StrtNm'), textAt(adr, 'BldgNb')].filter(Boolean).join(' ');
    const town = [textAt(adr, 'PstCd'), textAt(adr, 'TwnNm')].filter(Boolean).join(' ');
    lines.push(...[street, town].filter(Boolean));
  }
  const country = textAt(adr, 'Ctry');
  if (lines.length && country) lines.push(country);
  return lines.length ? lines.join(', ') : null;
}

/** `Ustrd` texts joined by a space; the first `Strd/CdtrRefInf/Ref` as the structured reference. */
function remittanceOf(rmt: XmlNode | undefined): Remittance {
  if (!rmt) return { structured: null, unstructured: null };
  const texts: string[] = [];
  for (const u of rmt.children) {
    const t = u.name === 'Ustrd' ? u.text.trim() : '';
    if (t) texts.push(t);
  }
  let structured: Remittance['structured'] = null;
  for (const strd of rmt.children) {
    if (strd.name !== 'Strd') continue;
    const ref = textAt(strd, 'CdtrRefInf', 'Ref');
    if (ref && !structured) {
      const issuer = textAt(strd, 'CdtrRefInf', 'Tp', 'Issr');
      structured = structuredReference(ref, issuer, issuer === 'BBA');
    }
    if (!texts.length) texts.push(...children(strd, 'AddtlRmtInf').map((a) => a.text.trim()));
  }
  return { structured, unstructured: texts.length ? textOrNull(texts.join(' ')) : null };
}
