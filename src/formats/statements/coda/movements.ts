import { Dec } from '../../../platform/decimal';
import type { StatementRule } from '../errors';
import type { Counterparty, LineBatch, Remittance, StatementLine } from '../types';
import { bicOrNull, dateDDMMYY, endToEndOrNull, moneyText, structuredReference, textOrNull } from '../values';
import { counterpartyAccount, type InformationRecord, type Movement2Record, type Movement3Record, type MovementRecord } from './records';

/**
 * A CODA movement (record 2.1 with its 2.2, 2.3 and information records 3.x) and how it becomes
 * statement lines. A movement with detail records (a globalised amount, Febelfin transaction code
 * types 1 and 2 with details of types 5, 6 and 7, or type 3 with details of type 8; a type 9
 * details a type 7) becomes one line per detail: the details are the payments to reconcile, and
 * counting both the movement and its details would count the money twice. The details must add up
 * to the movement (else BATCH_TOTAL, and the movement stays one line).
 */
export interface Movement {
  record: MovementRecord;
  /** Physical line of the record 2.1. */
  line: number;
  /** Signed canonical amount. */
  amount: string;
  r22: Movement2Record | null;
  r23: Movement3Record | null;
  /** Information records, each group a 3.1 with the 3.2 and 3.3 that continue it. */
  info: InformationRecord[][];
  children: Movement[];
}

/** What a movement says of itself, before anything is taken from the movement it details. */
interface OwnData {
  counterparty: Counterparty;
  remittance: Remittance;
  endToEndId: string | null;
  extra: Record<string, string>;
}

type Report = (rule: StatementRule, line: number, message: string) => void;

/** The lines of a movement, numbered from `firstIndex`. */
export function movementLines(top: Movement, currency: string, firstIndex: number, report: Report): StatementLine[] {
  const leaves: { movement: Movement; chain: Movement[] }[] = [];
  collectLeaves(top, [], leaves, currency, report);
  const batched = leaves.length > 1 || leaves[0].movement !== top;
  return leaves.map(({ movement, chain }, i) => {
    const batch: LineBatch | null = batched
      ? { entryReference: top.record.sequence, count: leaves.length, total: top.amount, index: i + 1 }
      : null;
    return line(movement, chain, currency, firstIndex + i, batch);
  });
}

function collectLeaves(
  m: Movement,
  chain: Movement[],
  out: { movement: Movement; chain: Movement[] }[],
  currency: string,
  report: Report,
): void {
  if (m.children.length === 0) {
    out.push({ movement: m, chain });
    return;
  }
  const sum = m.children.reduce((s, c) => s.plus(c.amount), new Dec(0));
  if (!sum.equals(m.amount)) {
    report(
      'BATCH_TOTAL',
      m.line,
      `the ${m.children.length} details of movement ${m.record.sequence} add up to ${moneyText(sum, currency)}, ` +
        `but the movement is ${m.amount}, so it is kept as one line`,
    );
    out.push({ movement: m, chain });
    return;
  }
  for (const child of m.children) collectLeaves(child, [m, ...chain], out, currency, report);
}

function line(m: Movement, chain: Movement[], currency: string, index: number, batch: LineBatch | null): StatementLine {
  const own = ownData(m);
  // a detail without counterparty or communication of its own has its movement's (KBC writes
  // the loan's name on the movement only); nearest first
  for (const parent of chain) {
    const inherited = ownData(parent);
    for (const key of ['name', 'iban', 'otherId', 'bic', 'address'] as const) own.counterparty[key] ??= inherited.counterparty[key];
    if (!own.remittance.structured && !own.remittance.unstructured) own.remittance = inherited.remittance;
    own.endToEndId ??= inherited.endToEndId;
  }
  const code = m.record.transactionCode;
  return {
    index,
    sequence: `${m.record.sequence}/${m.record.detail}`,
    bookingDate: dateDDMMYY(m.record.entryDate),
    valueDate: dateDDMMYY(m.record.valueDate),
    amount: m.amount,
    currency,
    counterparty: own.counterparty,
    remittance: own.remittance,
    endToEndId: own.endToEndId,
    bankReference: textOrNull(m.record.bankReference),
    customerReference: null,
    bankTransactionCode: {
      iso: null,
      proprietary: null,
      coda: { type: code.slice(0, 1), family: code.slice(1, 3), operation: code.slice(3, 5), category: code.slice(5, 8) },
      swift: null,
    },
    description: own.remittance.unstructured ?? own.extra.codaCommunication ?? null,
    reversal: false,
    status: null,
    batch,
    extra: own.extra,
    source: m.line,
  };
}

/** Structured communication types whose content is a Belgian structured communication (12 digits). */
const BELGIAN_REFERENCE_TYPES = new Set(['101', '102']);

function ownData(m: Movement): OwnData {
  const extra: Record<string, string> = {};
  const r = m.record;
  // the communication runs on from 2.1 (63-115) into 2.2 (11-63) and 2.3 (83-125), cut anywhere
  const raw = r.communication + (m.r22?.communication ?? '') + (m.r23?.communication ?? '');
  let structured: Remittance['structured'] = null;
  const texts: string[] = [];
  if (r.communicationType === '1') {
    const type = raw.slice(0, 3);
    extra.codaCommunicationType = type;
    if (BELGIAN_REFERENCE_TYPES.has(type)) structured = structuredReference(raw.slice(3, 15), null, true);
    else if (raw.slice(3).trim()) extra.codaCommunication = raw.slice(3).trimEnd();
  } else if (raw.trim()) texts.push(raw.trim());

  const counterparty: Counterparty = { name: null, iban: null, otherId: null, bic: null, address: null };
  if (m.r23) {
    Object.assign(counterparty, counterpartyAccount(m.r23.account));
    counterparty.name = textOrNull(m.r23.name);
  }
  if (m.r22) {
    counterparty.bic = bicOrNull(m.r22.bic);
    if (m.r22.rTransaction) extra.rTransaction = m.r22.rTransaction;
    if (m.r22.returnReason) extra.returnReason = m.r22.returnReason;
    if (m.r22.categoryPurpose) extra.categoryPurpose = m.r22.categoryPurpose;
    if (m.r22.purpose) extra.purpose = m.r22.purpose;
  }
  // consecutive unstructured information groups continue one text, cut at a fixed width mid-word
  let run = '';
  for (const group of m.info) {
    const infoText = group.map((g) => g.communication).join('');
    if (group[0].communicationType !== '1') {
      run += infoText;
      continue;
    }
    if (run.trim()) texts.push(run.trim());
    run = '';
    structuredInformation(infoText, counterparty, extra);
  }
  if (run.trim()) texts.push(run.trim());
  if (r.globalisation.trim() && r.globalisation !== '0') extra.globalisationCode = r.globalisation;
  return {
    counterparty,
    remittance: { structured, unstructured: texts.length ? texts.join(' ') : null },
    endToEndId: endToEndOrNull(m.r22?.customerReference),
    extra,
  };
}

/**
 * A structured information communication (3.1 position 40 is 1, then the type at 41-43). Type 001
 * gives the counterparty's name, street, locality and identification (70, 35, 35 and 35
 * characters); other types are kept in `extra` as `information<type>`.
 */
function structuredInformation(raw: string, counterparty: Counterparty, extra: Record<string, string>): void {
  const type = raw.slice(0, 3);
  const content = raw.slice(3);
  if (type === '001') {
    counterparty.name ??= textOrNull(content.slice(0, 70));
    const address = [content.slice(70, 105), content.slice(105, 140)].map((s) => s.trim().replace(/\s{2,}/g, ' ')).filter(Boolean);
    counterparty.address ??= address.length ? address.join(', ') : null;
    const id = textOrNull(content.slice(140, 175));
    if (id) extra.counterpartyId = id;
  } else if (content.trim()) extra[`information${type}`] = content.trimEnd();
}
