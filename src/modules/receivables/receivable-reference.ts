import { randomInt } from 'node:crypto';
import { DivisionScope } from '../../access/division-scope';
import {
  createBelgianReference,
  formatBelgianReference,
  parseBelgianReference,
  parseCreditorReference,
} from '../../formats/structured-reference';
import { RowToComplete } from '../open-items/open-item';
import { Receivable } from './receivable.entity';
import { receivableError, ReceivableRule } from './receivable.errors';

/**
 * The payment reference of a receivable, by which the bank transaction that pays it is later
 * matched exactly (shared/reference/incoming.md, "Reconciliation"):
 *
 * - a Belgian customer (Accounts.Country BE) pays with the structured communication (OGM/VCS) of
 *   the invoice: a given one must be valid (ten digits, then their remainder modulo 97, 97 for
 *   0) and is stored as `+++ddd/dddd/ddddd+++`; none given, one is generated: from the invoice
 *   number (ten digits, zero-padded) when no receivable of the division carries that one yet,
 *   else from random digits that none carries. Any other text is refused.
 * - for other customers the reference is free text, but text framed as a structured
 *   communication (`+++...+++`, `***...***`) or shaped as an ISO 11649 reference (`RF` and two
 *   check digits) must be a valid one, since a bank would refuse or never match it; valid ones are
 *   stored in their canonical form (RF without spaces, upper case).
 *
 * Checked when a receivable is created, and on an update that changes its reference or its
 * customer (an unchanged reference was accepted when written). Refusals are BAD_USER_INPUT,
 * rule INVALID_STRUCTURED_REFERENCE, naming paymentReference.
 */
export async function completePaymentReferences(scope: DivisionScope, rows: RowToComplete[]): Promise<void> {
  const wanted: RowToComplete[] = [];
  for (const item of rows) {
    const { row, changes, account, index } = item;
    if (changes !== 'new' && !changes.has('paymentReference') && !changes.has('accountID')) continue;
    const at = { index, ...(row.id ? { id: String(row.id) } : {}) };
    const given = typeof row.paymentReference === 'string' ? row.paymentReference.trim() : '';
    const belgian = account.country?.toUpperCase() === 'BE';
    if (!given) {
      if (belgian) wanted.push(item);
      else row.paymentReference = null;
      continue;
    }
    const ogm = parseBelgianReference(given);
    if (belgian && !ogm) {
      const why =
        `${JSON.stringify(given)} is not a valid structured communication (+++ddd/dddd/ddddd+++ with mod-97 check digits), ` +
        `which a Belgian customer (${account.code.trim()}) pays with`;
      throw receivableError(ReceivableRule.INVALID_STRUCTURED_REFERENCE, 'paymentReference', why, at);
    }
    if (ogm) {
      row.paymentReference = formatBelgianReference(ogm);
      continue;
    }
    if (/^(\+{3}|\*{3})/.test(given) || /(\+{3}|\*{3})$/.test(given)) {
      const why =
        `${JSON.stringify(given)} is framed as a structured communication but is not a valid one ` +
        '(+++ddd/dddd/ddddd+++, mod-97 check digits)';
      throw receivableError(ReceivableRule.INVALID_STRUCTURED_REFERENCE, 'paymentReference', why, at);
    }
    if (/^RF\d{2}/i.test(given.replace(/\s+/g, ''))) {
      const rf = parseCreditorReference(given);
      if (!rf) {
        const why = `${JSON.stringify(given)} is shaped as an ISO 11649 creditor reference but its check digits are wrong`;
        throw receivableError(ReceivableRule.INVALID_STRUCTURED_REFERENCE, 'paymentReference', why, at);
      }
      row.paymentReference = rf;
      continue;
    }
    row.paymentReference = given;
  }
  if (wanted.length) await generate(scope, wanted, rows);
}

/** How many random candidates one round asks the database about. */
const CANDIDATES_PER_ROUND = 8;

/** Who carries a reference, by division and reference: the IDs of the receivables (or rows of this call). */
type Holders = Map<string, Set<string>>;
const key = (division: unknown, reference: string) => `${String(division)}|${reference}`;

/** The structured communication of an invoice number: its ten digits, zero-padded. */
function fromInvoice(row: RowToComplete['row']): string | null {
  const n = row.invoiceNumber;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n <= 0 || n >= 1e10) return null;
  return createBelgianReference(String(n).padStart(10, '0'));
}

/**
 * Fills in, for each of `wanted`, a structured communication no other receivable of its division
 * carries (in the database or in this call, `all`): the invoice number's when free, else random.
 */
async function generate(scope: DivisionScope, wanted: RowToComplete[], all: RowToComplete[]): Promise<void> {
  const holders: Holders = new Map();
  const hold = (division: unknown, reference: string, id: string) => {
    const k = key(division, reference);
    (holders.get(k) ?? holders.set(k, new Set()).get(k)!).add(id);
  };
  for (const { row, index } of all) {
    if (typeof row.paymentReference === 'string') hold(row.divisionCode, row.paymentReference, String(row.id ?? `#${index}`));
  }
  await markHolders(
    scope,
    wanted.map((r) => fromInvoice(r.row)).filter((c): c is string => c !== null),
    hold,
  );
  for (const { row, index } of wanted) {
    const self = String(row.id ?? `#${index}`);
    const isFree = (c: string) => [...(holders.get(key(row.divisionCode, c)) ?? [])].every((id) => id === self);
    let candidates = [fromInvoice(row)].filter((c): c is string => c !== null);
    let free = candidates.find(isFree);
    while (!free) {
      candidates = Array.from({ length: CANDIDATES_PER_ROUND }, () => createBelgianReference(String(randomInt(0, 1e10)).padStart(10, '0')));
      await markHolders(scope, candidates, hold);
      free = candidates.find(isFree);
    }
    row.paymentReference = free;
    hold(row.divisionCode, free, self);
  }
}

/** Records which receivables of the scope carry any of `candidates`. */
async function markHolders(scope: DivisionScope, candidates: string[], hold: (division: unknown, reference: string, id: string) => void) {
  const wanted = [...new Set(candidates)];
  if (!wanted.length) return;
  const rows = await scope
    .select(Receivable, 'r')
    .select(['r.id', 'r.divisionCode', 'r.paymentReference'])
    .where('r.paymentReference IN (:...wanted)', { wanted })
    .getMany();
  for (const r of rows) if (r.paymentReference) hold(r.divisionCode, r.paymentReference, r.id);
}
