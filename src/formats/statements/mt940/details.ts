import type { Counterparty, Remittance } from '../types';
import { accountNumber, bicOrNull, endToEndOrNull, structuredReference, textOrNull } from '../values';

/**
 * The `:86:` field of a `:61:` line (SWIFT: information to the account owner, 6 lines of 65), in
 * the structures Dutch and German banks give it:
 * - SEPA codes, `/CODE/value` pairs: ABN AMRO (`/TRTP/.../IBAN/.../BIC/.../NAME/.../REMI/.../EREF/...`),
 *   ING (`/EREF/...//CNTP/iban/bic/name/city///REMI/USTD//text/` or `/REMI/STRD/CUR/reference/`),
 *   Rabobank (`/EREF/.../ORDP//NAME/.../ADDR/...` or `/BENM//NAME/.../REMI/...`, its counterparty
 *   IBAN on the `:61:` line). Lines are cut at a fixed width, mid-word and even mid-code, so they
 *   are joined without a separator before the codes are read.
 * - Numbered subfields after a 3-digit transaction code (GVC): German banks' `?20`-`?29` and
 *   `?60`-`?63` remittance, `?30` bank, `?31` account, `?32`-`?33` name; Triodos the same with
 *   `>`, its counterparty account in `>10` (its own in `>31`).
 * - Free text (ABN AMRO and ING before SEPA): the text only.
 * The description is always the field as written, its lines joined by line breaks.
 */
export interface Information {
  counterparty: Counterparty;
  remittance: Remittance;
  endToEndId: string | null;
  /** GVC (German / Triodos transaction code). */
  transactionCode: string | null;
  description: string;
  extra: Record<string, string>;
}

const CODES = [
  'TRTP',
  'IBAN',
  'BIC',
  'NAME',
  'ADDR',
  'ID',
  'REMI',
  'EREF',
  'MARF',
  'CSID',
  'CNTP',
  'ORDP',
  'BENM',
  'ULTC',
  'ULTD',
  'ULTB',
  'PURP',
  'RTRN',
  'PREF',
  'IREF',
  'CREF',
  'KREF',
  'ISDT',
  'SVCL',
  'EXCH',
  'CHGS',
  'BUSP',
  'TRCD',
  'OCMT',
  'SUM',
];
const CODE = new RegExp(`/(${CODES.join('|')})/`, 'g');
const PARTY_GROUPS = new Set(['CNTP', 'ORDP', 'BENM', 'ULTC', 'ULTD', 'ULTB']);
const EXTRA_CODES: Record<string, string> = {
  MARF: 'mandateId',
  CSID: 'creditorId',
  RTRN: 'returnReason',
  PREF: 'paymentInformationId',
  IREF: 'instructionId',
  TRTP: 'transactionType',
  ISDT: 'settlementDate',
  TRCD: 'transactionCode',
  PURP: 'purpose',
};

function emptyCounterparty(): Counterparty {
  return { name: null, iban: null, otherId: null, bic: null, address: null };
}

/** The `:86:` field of a line (its lines as written) read in whichever structure it has (see above). */
export function parseInformation(lines: string[]): Information {
  const description = lines.join('\n').trim();
  const joined = lines.join('');
  const base: Information = {
    counterparty: emptyCounterparty(),
    remittance: { structured: null, unstructured: null },
    endToEndId: null,
    transactionCode: null,
    description,
    extra: {},
  };
  if (joined.startsWith('/') && pairs(joined).length) return sepaCodes(joined, base);
  const numbered = /^(\d{3})([?>])\d{2}/.exec(joined);
  if (numbered) return subfields(joined, numbered[1], numbered[2], base);
  base.remittance.unstructured = textOrNull(lines.map((l) => l.trim()).join(' '));
  return base;
}

/** `/CODE/value` pairs in order; a value loses the one `/` that ends it before the next code. */
function pairs(text: string): [string, string][] {
  const found: [string, string][] = [];
  const matches = [...text.matchAll(CODE)];
  matches.forEach((m, i) => {
    const end = i + 1 < matches.length ? matches[i + 1].index : text.length;
    found.push([m[1], text.slice(m.index + m[0].length, end).replace(/\/$/, '')]);
  });
  return found;
}

function sepaCodes(text: string, info: Information): Information {
  let group = '';
  const cp = info.counterparty;
  for (const [code, value] of pairs(text)) {
    if (PARTY_GROUPS.has(code)) group = code;
    const ours = group === '' || group === 'CNTP' || group === 'ORDP' || group === 'BENM';
    switch (code) {
      case 'CNTP': {
        const [account, bic, name, city] = value.split('/');
        Object.assign(cp, accountNumber(account));
        cp.bic = bicOrNull(bic);
        cp.name = textOrNull(name);
        cp.address = textOrNull(city);
        break;
      }
      case 'NAME':
        if (ours) cp.name ??= textOrNull(value);
        else if (textOrNull(value)) info.extra[`${group.toLowerCase()}Name`] = value.trim();
        break;
      case 'IBAN':
        if (ours) Object.assign(cp, accountNumber(value));
        break;
      case 'BIC':
        if (ours) cp.bic = bicOrNull(value);
        break;
      case 'ADDR':
        if (ours) cp.address ??= textOrNull(value);
        break;
      case 'REMI':
        info.remittance = remittance(value);
        break;
      case 'EREF':
        info.endToEndId = endToEndOrNull(value);
        break;
      default: {
        const key = EXTRA_CODES[code];
        const v = code === 'PURP' ? value.replace(/^\/?CD\//, '') : value;
        if (key && textOrNull(v)) info.extra[key] = v.trim();
      }
    }
  }
  return info;
}

/** `USTD//text`, `STRD/CUR/reference` (ING, the Dutch payment reference by Currence) or plain text (ABN AMRO). */
function remittance(value: string): Remittance {
  const ustd = /^USTD\/\/?([\s\S]*)$/.exec(value);
  if (ustd) return { structured: null, unstructured: textOrNull(ustd[1].replace(/\/$/, '')) };
  const strd = /^STRD\/([A-Z]*)\/+([\s\S]*?)\/?$/.exec(value);
  if (strd) {
    // the reference may hold slashes itself (+++123/4567/89002+++); else an issuer may stand before it
    const whole = structuredReference(strd[2], strd[1] || null);
    const last = strd[2].split('/').pop() ?? '';
    const reference = whole?.type === 'OTHER' && last !== strd[2] ? (structuredReference(last, strd[1] || null) ?? whole) : whole;
    return { structured: reference, unstructured: null };
  }
  return { structured: null, unstructured: textOrNull(value) };
}

function subfields(text: string, gvc: string, separator: string, info: Information): Information {
  info.transactionCode = gvc;
  const parts = new Map<number, string>();
  for (const part of text.slice(3).split(separator).slice(1)) {
    const code = Number(part.slice(0, 2));
    parts.set(code, (parts.get(code) ?? '') + part.slice(2));
  }
  const remittanceCodes = [20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 60, 61, 62, 63];
  info.remittance.unstructured = textOrNull(remittanceCodes.map((c) => parts.get(c) ?? '').join(''));
  const account = separator === '>' ? parts.get(10) : parts.get(31);
  Object.assign(info.counterparty, accountNumber(account));
  info.counterparty.name = textOrNull([parts.get(32), parts.get(33)].filter(Boolean).join(''));
  if (separator === '?') info.counterparty.bic = bicOrNull(parts.get(30));
  if (parts.get(0)) info.extra.postingText = parts.get(0)!.trim();
  return info;
}
