import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { Dec } from '../platform/decimal';
import { Problems } from './format-error';
import { blank, checkBic, checkEuro, checkSepaAmount, checkSepaIban, Checked } from './sepa-checks';
import { sepaIdentifierProblem, toSepaText } from './sepa-text';
import { parseStructuredReference, StructuredReference } from './structured-reference';

export { FormatError } from './format-error';
export type { FormatProblem } from './format-error';

/**
 * SEPA credit transfer initiation (ISO 20022 pain.001.001.03 and .09): a pure function from a
 * payment run to XML. No database.
 *
 * Everything is checked before anything is written; a refusal is a FormatError listing every
 * problem with the input field (`transfers[3].creditorIban`) and the transfer's EndToEndId.
 * Names and remittance text are transliterated into the SEPA character set (ç -> c; characters
 * without a Latin equivalent are dropped); identifiers are never changed, only checked.
 */
export type Pain001Version = 'pain.001.001.03' | 'pain.001.001.09';

export const PAIN001_VERSIONS: readonly Pain001Version[] = ['pain.001.001.03', 'pain.001.001.09'];

export interface Pain001Transfer {
  /** EndToEndId, at most 35 characters of the SEPA set; unique within the file. */
  endToEndId: string;
  /** Exact decimal text with 2 decimals, already net of any discount. */
  amount: string;
  currency: 'EUR';
  /** At most 70 characters after transliteration. */
  creditorName: string;
  creditorIban: string;
  creditorBic?: string | null;
  /**
   * Structured creditor reference (Belgian OGM in any accepted form, or ISO 11649 RF) or null.
   * When given it is the remittance information and `remittanceText` is not used: SEPA carries
   * either structured or unstructured remittance information, and the bank matches on the former.
   */
  structuredReference?: string | null;
  /** Unstructured remittance information (at most 140 after transliteration). */
  remittanceText?: string | null;
}

export interface Pain001Input {
  version: Pain001Version;
  messageId: string;
  createdAt: Date;
  initiatingPartyName: string;
  debtorName: string;
  debtorIban: string;
  debtorBic?: string | null;
  /** Requested execution date (date part used, in UTC). */
  executionDate: Date;
  batchBooking: boolean;
  /** PmtInfId, at most 35 characters. */
  paymentInformationId: string;
  transfers: Pain001Transfer[];
}

export interface Pain001Result {
  xml: string;
  numberOfTransactions: number;
  /** Exact decimal text of the control sum. */
  controlSum: string;
}

const NAMESPACE = (version: Pain001Version) => `urn:iso:std:iso:20022:tech:xsd:${version}`;
/** Most characters of a party name (Nm) in the SEPA set: EPC's limit, stricter than the schema's 140. */
export const SEPA_NAME_MAX = 70;
const NAME_MAX = SEPA_NAME_MAX;
/** Most characters of unstructured remittance information (Ustrd) in the SEPA set. */
export const SEPA_REMITTANCE_MAX = 140;
const REMITTANCE_MAX = SEPA_REMITTANCE_MAX;

/** A transfer after validation: what goes into the file. */
interface CleanTransfer {
  endToEndId: string;
  amount: Dec;
  creditorName: string;
  creditorIban: string;
  creditorBic: string | null;
  reference: StructuredReference | null;
  remittanceText: string | null;
}

export function buildPain001(input: Pain001Input): Pain001Result {
  const problems = new Problems();
  const take = <T>(field: string, checked: Checked<T>, transfer?: { index: number; endToEndId?: string }): T | undefined => {
    if (checked.ok) return checked.value;
    problems.add(field, checked.reason, transfer);
    return undefined;
  };
  const name = (field: string, value: unknown, transfer?: { index: number; endToEndId?: string }): string => {
    const text = typeof value === 'string' ? toSepaText(value) : '';
    if (!text) problems.add(field, 'is empty (after transliteration to the SEPA character set)', transfer);
    else if (text.length > NAME_MAX) problems.add(field, `is ${text.length} characters long, at most ${NAME_MAX} are allowed`, transfer);
    return text;
  };
  const identifier = (field: string, value: unknown, transfer?: { index: number; endToEndId?: string }): string => {
    const problem = typeof value === 'string' ? sepaIdentifierProblem(value) : 'is missing';
    if (problem) problems.add(field, problem, transfer);
    return String(value);
  };

  if (!PAIN001_VERSIONS.includes(input.version))
    problems.add('version', `${JSON.stringify(input.version)} is not one of ${PAIN001_VERSIONS.join(', ')}`);
  const messageId = identifier('messageId', input.messageId);
  const paymentInformationId = identifier('paymentInformationId', input.paymentInformationId);
  if (!(input.createdAt instanceof Date) || Number.isNaN(input.createdAt.getTime()))
    problems.add('createdAt', 'is not a valid date and time');
  if (!(input.executionDate instanceof Date) || Number.isNaN(input.executionDate.getTime()))
    problems.add('executionDate', 'is not a valid date');
  const initiatingPartyName = name('initiatingPartyName', input.initiatingPartyName);
  const debtorName = name('debtorName', input.debtorName);
  const debtorIban = take('debtorIban', checkSepaIban(input.debtorIban));
  const debtorBic = blank(input.debtorBic) ? null : take('debtorBic', checkBic(input.debtorBic));

  if (!Array.isArray(input.transfers) || input.transfers.length === 0)
    problems.add('transfers', 'a payment file needs at least one transfer');
  const seen = new Map<string, number>();
  const transfers: CleanTransfer[] = (input.transfers ?? []).map((t, index) => {
    const at = `transfers[${index}]`;
    const who = { index, endToEndId: typeof t.endToEndId === 'string' ? t.endToEndId : undefined };
    const endToEndId = identifier(`${at}.endToEndId`, t.endToEndId, who);
    const earlier = seen.get(endToEndId);
    if (earlier !== undefined) problems.add(`${at}.endToEndId`, `repeats the EndToEndId of transfers[${earlier}]`, who);
    else seen.set(endToEndId, index);
    take(`${at}.currency`, checkEuro(t.currency), who);
    const amount = take(`${at}.amount`, checkSepaAmount(t.amount), who);
    const creditorName = name(`${at}.creditorName`, t.creditorName, who);
    const creditorIban = take(`${at}.creditorIban`, checkSepaIban(t.creditorIban), who);
    const creditorBic = blank(t.creditorBic) ? null : (take(`${at}.creditorBic`, checkBic(t.creditorBic), who) ?? null);
    let reference: StructuredReference | null = null;
    if (!blank(t.structuredReference)) {
      reference = parseStructuredReference(t.structuredReference);
      if (!reference) {
        problems.add(
          `${at}.structuredReference`,
          `${JSON.stringify(t.structuredReference)} is neither a valid Belgian structured communication ` +
            '(+++ddd/dddd/ddddd+++, mod 97) nor a valid ISO 11649 creditor reference (RF..)',
          who,
        );
      }
    }
    let remittanceText: string | null = null;
    if (!reference && !blank(t.remittanceText)) {
      remittanceText = toSepaText(t.remittanceText) || null;
      if (remittanceText && remittanceText.length > REMITTANCE_MAX) {
        problems.add(`${at}.remittanceText`, `is ${remittanceText.length} characters long, at most ${REMITTANCE_MAX} are allowed`, who);
      }
    }
    return {
      endToEndId,
      amount: amount ?? new Dec(0),
      creditorName,
      creditorIban: creditorIban ?? '',
      creditorBic,
      reference,
      remittanceText,
    };
  });
  problems.throwIfAny();

  const controlSum = transfers.reduce((sum, t) => sum.plus(t.amount), new Dec(0));
  // DecimalNumber allows 18 digits in all: with 2 decimals the sum must stay below 10^16.
  if (controlSum.toFixed(2).replace('.', '').length > 18)
    problems.add('transfers', `the control sum ${controlSum.toFixed(2)} exceeds the 18 digits a pain.001 allows`);
  problems.throwIfAny();

  const v09 = input.version === 'pain.001.001.09';
  const count = String(transfers.length);
  const sum = controlSum.toFixed(2);
  const agent = (parent: XMLBuilder, bic: string | null) => {
    const id = parent.ele('FinInstnId');
    if (bic) id.ele(v09 ? 'BICFI' : 'BIC').txt(bic);
    else id.ele('Othr').ele('Id').txt('NOTPROVIDED');
  };

  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(NAMESPACE(input.version), 'Document').ele('CstmrCdtTrfInitn');
  const header = root.ele('GrpHdr');
  header.ele('MsgId').txt(messageId);
  header.ele('CreDtTm').txt(isoDateTime(input.createdAt));
  header.ele('NbOfTxs').txt(count);
  header.ele('CtrlSum').txt(sum);
  header.ele('InitgPty').ele('Nm').txt(initiatingPartyName);

  const info = root.ele('PmtInf');
  info.ele('PmtInfId').txt(paymentInformationId);
  info.ele('PmtMtd').txt('TRF');
  info.ele('BtchBookg').txt(input.batchBooking ? 'true' : 'false');
  info.ele('NbOfTxs').txt(count);
  info.ele('CtrlSum').txt(sum);
  info.ele('PmtTpInf').ele('SvcLvl').ele('Cd').txt('SEPA');
  const executionDate = input.executionDate.toISOString().slice(0, 10);
  if (v09) info.ele('ReqdExctnDt').ele('Dt').txt(executionDate);
  else info.ele('ReqdExctnDt').txt(executionDate);
  info.ele('Dbtr').ele('Nm').txt(debtorName);
  info.ele('DbtrAcct').ele('Id').ele('IBAN').txt(debtorIban!);
  agent(info.ele('DbtrAgt'), debtorBic ?? null);
  info.ele('ChrgBr').txt('SLEV');

  for (const t of transfers) {
    const tx = info.ele('CdtTrfTxInf');
    tx.ele('PmtId').ele('EndToEndId').txt(t.endToEndId);
    tx.ele('Amt').ele('InstdAmt', { Ccy: 'EUR' }).txt(t.amount.toFixed(2));
    if (t.creditorBic) agent(tx.ele('CdtrAgt'), t.creditorBic);
    tx.ele('Cdtr').ele('Nm').txt(t.creditorName);
    tx.ele('CdtrAcct').ele('Id').ele('IBAN').txt(t.creditorIban);
    if (t.reference) {
      const ref = tx.ele('RmtInf').ele('Strd').ele('CdtrRefInf');
      const type = ref.ele('Tp');
      type.ele('CdOrPrtry').ele('Cd').txt('SCOR');
      // Belgian banks recognise the structured communication by issuer BBA (Belgian Bankers' Association).
      type.ele('Issr').txt(t.reference.kind === 'BE' ? 'BBA' : 'ISO');
      ref.ele('Ref').txt(t.reference.reference);
    } else if (t.remittanceText) {
      tx.ele('RmtInf').ele('Ustrd').txt(t.remittanceText);
    }
  }

  return { xml: `${root.end({ prettyPrint: true })}\n`, numberOfTransactions: transfers.length, controlSum: sum };
}

/** ISO date-time in UTC to the second (`2026-11-21T17:46:06Z`): banks reject fractions inconsistently. */
function isoDateTime(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}
