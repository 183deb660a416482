import { DivisionScope } from '../access/division-scope';
import { Database } from '../db/data-source';
import { createBelgianReference, createCreditorReference, parseStructuredReference } from '../formats/structured-reference';
import { StatementToStore } from '../modules/financial-accounts/statement.input';
import { Receivable } from '../modules/receivables/receivable.entity';
import { addDays } from '../platform/dates';
import { Dec } from '../platform/decimal';
import { DivisionItems, ensureLabelledAccount, loadDivisionItems } from './labelled-items';
import {
  batchLine,
  feeLine,
  internalTransferLine,
  LabelKind,
  LabelNoise,
  MadeLine,
  manualPaymentLine,
  processedLine,
  receivableLine,
  severalLine,
  unmatchableLine,
} from './labelled-lines';
import { LinePools } from './labelled-pools';
import { Random } from './random';

export { LABEL_NOISE } from './labelled-lines';
export type { LabelKind, LabelNoise } from './labelled-lines';

/**
 * Labelled noisy bank statements over the demo receivables and payables: the test set of the
 * reconciliation (issue 13, "measured quality"). Each generated line comes with its label, the
 * correct settlement, so a matcher's automatic matches and proposals can be scored line by line.
 *
 * The mix of lines, and why (from ../shared/reference/incoming.md: what Exact, onFact and Odoo do
 * and what their users complain about; weights are shares of all lines):
 * - 40/80 a customer paying one receivable. Belgian customers mostly give the invoice's OGM/VCS
 *   as structured communication, but by hand they forget it (20%: `reference-missing`), type it
 *   wrong so the mod-97 check fails (6%: `reference-typo`, never to be used as a key), or type it
 *   into the free text (6%: `reference-in-text`). Names arrive as the bank writes them (15%:
 *   `name-variant`: upper case, legal form dropped, two letters swapped); a parent company or a
 *   relative pays from an account never seen (4%: `other-payer`). Amounts: the cash discount when
 *   valid on the value date (`discount`), the discount taken after it expired (`discount-expired`,
 *   the rest stays open), half an invoice (`partial`), the cents dropped (`rounded`).
 * - 6/80 a customer paying several invoices at once (`several-invoices`), with or without the
 *   invoice numbers in the text: the combination search of issue 13.
 * - 2/80 one of two identical invoices (same customer, same amount; Odoo's most named complaint):
 *   the generator inserts the duplicates itself (`duplicate-invoice`). A line paying the newer
 *   one always carries its reference; one paying the older may not, and then the oldest is right.
 * - 12/80 a processed payment of a pain.001 batch under its EndToEndId; 2/80 a whole batch booked
 *   as one line (`batch-booking`); 10/80 an open payable paid by hand from the bank's app (no
 *   EndToEndId: supplier IBAN, amount and invoice text only).
 * - 3/80 bank costs (`bank-fee`, G/L bank costs), 2/80 transfers between own accounts
 *   (`internal-transfer`, G/L of the savings account), 1/80 a supplier's refund of a credit note
 *   and 2/80 a stranger's transfer (`refund`, `unknown`: nothing open matches, kind `none`).
 * Rates are guesses from those sources, not measurements; the matcher is also to be measured on
 * statements the generator did not make. The shares hold while a division has the items: a kind
 * whose items ran out (the demo's own statements pay every batch executed by its today, so few
 * processed payments are left) gives way to another settling kind, and no line pays an item
 * before its invoice date.
 */

/**
 * The correct settlement of one generated line, keyed by the line's bankReference.
 * - `receivables` / `payments`: the open items (Receivables / Payments IDs) and the amount of the
 *   line each takes (positive decimal text); they add up to the line's absolute amount. An amount
 *   below the item's AmountDC is a partial payment, or the cash discount (noise says which).
 * - `batch`: every payment of a processed batch booked as one line, with the amount each was paid.
 * - `glAccount`: no open item; book the line to the G/L account with `glAccountCode` (bank costs,
 *   internal transfers). `items` is empty.
 * - `none`: nothing open should match (refunds, strangers): a person decides.
 * `noise`: every disturbance applied to the line (LABEL_NOISE), empty for a clean line.
 */
export interface LineLabel {
  kind: LabelKind;
  items: { id: string; amount: string }[];
  glAccountCode?: string;
  noise: LabelNoise[];
}

export interface LabelledStatementOptions {
  /** Divisions to generate for (each needs a main own bank account with a bank journal, as the demo has). */
  divisions: readonly number[];
  /** Lines over all divisions (spread evenly); at least 20,000 for the quality benchmark. */
  lines: number;
  /** Seed of the generator's random stream: the same database and options give the same statements and labels. */
  seed: number;
  /** Lines per statement (one statement per business day); default 40. */
  linesPerStatement?: number;
  /** Insert the duplicate invoices the `duplicate-invoice` lines pay (default true). */
  duplicateInvoices?: boolean;
}

/** Statements in the storage shape (ready for storeStatement, in order), and a label per line by bankReference. */
export interface LabelledStatements {
  statements: StatementToStore[];
  labels: Map<string, LineLabel>;
  /** The duplicate receivables the generator inserted (empty without `duplicateInvoices`). */
  duplicates: Receivable[];
}

/** Shares of the line kinds (see the docstring above). */
const MIX = [
  ['receivable', 40],
  ['several', 6],
  ['twin', 2],
  ['processed', 12],
  ['batch', 2],
  ['manual', 10],
  ['fee', 3],
  ['internal', 2],
  ['refund', 1],
  ['unknown', 2],
] as const;
type Maker = (typeof MIX)[number][0];

/**
 * Generates `lines` labelled bank lines over the open items of `divisions`, as statements of an
 * own account of each division kept for them (ensureLabelledAccount: a second current account
 * with bank journal 29, made on the first call), one per business day. The first set ends on the
 * division's latest invoice date (the demo's today), so discounts are still valid for some lines;
 * a later set continues after the account's last stored statement (its closing balance, its
 * numbering within the year), so every set stores without a balance gap.
 * Every open item is settled by at most one line. Writes, through the scope and before anything is
 * generated, only that account and the duplicate invoices. Throws when a division has too few open
 * items for its share of the lines (seed more receivables and payments).
 */
export async function generateLabelledStatements(
  source: Database | DivisionScope,
  options: LabelledStatementOptions,
): Promise<LabelledStatements> {
  if (!Number.isSafeInteger(options.lines) || options.lines < 1)
    throw new RangeError(`lines must be a positive whole number, got ${options.lines}`);
  if (!options.divisions.length) throw new RangeError('divisions: at least one division is needed');
  const scope = source instanceof DivisionScope ? source : new DivisionScope(source, options.divisions);
  for (const d of options.divisions) scope.assertWritable(d);
  const out: LabelledStatements = { statements: [], labels: new Map(), duplicates: [] };
  const divisions = [...options.divisions].sort((a, b) => a - b);
  for (const [k, code] of divisions.entries()) {
    const share = Math.floor(options.lines / divisions.length) + (k < options.lines % divisions.length ? 1 : 0);
    const random = new Random((options.seed * 0x9e3779b1 + code * 7919) >>> 0);
    await ensureLabelledAccount(scope, code);
    const items = await loadDivisionItems(scope, code);
    const twins = options.duplicateInvoices === false ? [] : await insertTwins(scope, random, items, Math.ceil(share / 40));
    out.duplicates.push(...twins.map(([, d]) => d));
    divisionStatements(random, items, twins, share, options.linesPerStatement ?? 40, out);
  }
  return out;
}

/** Business days (Monday to Friday) from the day after `after`, `count` of them. */
function businessDays(after: Date, count: number): Date[] {
  const days: Date[] = [];
  for (let d = addDays(after, 1); days.length < count; d = addDays(d, 1)) if (d.getUTCDay() % 6 !== 0) days.push(d);
  return days;
}

/** Business days ending on `last`, `count` of them, oldest first. */
function businessDaysUntil(last: Date, count: number): Date[] {
  const days: Date[] = [];
  for (let d = last; days.length < count; d = addDays(d, -1)) if (d.getUTCDay() % 6 !== 0) days.unshift(d);
  return days;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

function divisionStatements(
  random: Random,
  items: DivisionItems,
  twins: [Receivable, Receivable][],
  count: number,
  perStatement: number,
  out: LabelledStatements,
): void {
  const code = items.division.code;
  const pools = new LinePools(items, twins);
  const statementCount = Math.ceil(count / perStatement);
  const latest = items.receivables.reduce((m, r) => Math.max(m, r.invoiceDate.getTime()), 0);
  const days = items.lastDate
    ? businessDays(items.lastDate, statementCount)
    : businessDaysUntil(new Date(latest || Date.UTC(2026, 0, 1)), statementCount);
  let balance = new Dec(items.lastClosing);
  let year = items.lastDate?.getUTCFullYear() ?? null;
  let number = items.lastNumber;
  let made = 0;
  for (const day of days) {
    if (day.getUTCFullYear() !== year) {
      year = day.getUTCFullYear();
      number = 0;
    }
    const lines: StatementToStore['lines'] = [];
    const opening = balance;
    for (let i = 0; i < perStatement && made < count; i++, made++) {
      const m = makeLine(random, pools, day, code);
      const bankReference = `L${code}-${String(made + 1).padStart(6, '0')}`;
      lines.push({ ...m.line, bookingDate: iso(day), valueDate: iso(day), bankReference });
      out.labels.set(bankReference, {
        kind: m.kind,
        items: m.items,
        ...(m.glAccountCode ? { glAccountCode: m.glAccountCode } : {}),
        noise: m.noise,
      });
      balance = balance.plus(m.line.amount);
    }
    out.statements.push({
      divisionCode: code,
      account: items.current.bankAccount,
      currency: 'EUR',
      statementNumber: String(++number).padStart(3, '0'),
      statementDate: iso(day),
      openingBalance: opening.toFixed(2),
      closingBalance: balance.toFixed(2),
      lines,
    });
  }
}

/** Kinds that settle open items, in the order one stands in for another whose items ran out. */
const SETTLING: readonly Maker[] = ['receivable', 'manual', 'several', 'processed', 'twin', 'batch'];

/**
 * One line of a kind drawn from MIX. A settling kind whose items ran out (or are not invoiced yet
 * on `day`) gives way to another settling kind, so the shares of noise lines stay as MIX says; a
 * G/L kind the division cannot book (no such account) gives way to a stranger's transfer.
 */
function makeLine(random: Random, pools: LinePools, day: Date, division: number): MadeLine {
  const kind = random.weighted(MIX);
  const order = SETTLING.includes(kind) ? [kind, ...SETTLING.filter((k) => k !== kind)] : [kind, 'unknown' as const];
  for (const k of order) {
    const made = tryMaker(k, random, pools, day);
    if (made) return made;
  }
  throw new Error(`labelled statements: division ${division} has too few open items for its lines; seed more receivables and payments`);
}

function tryMaker(kind: Maker, random: Random, pools: LinePools, day: Date): MadeLine | null {
  switch (kind) {
    case 'receivable': {
      const r = pools.nextReceivable();
      return r && issued(r, day) ? receivableLine(random, pools, r, day) : null;
    }
    case 'several': {
      const list = pools.severalOf(random, random.int(2, 4))?.filter((r) => issued(r, day));
      return list && list.length >= 2 ? severalLine(random, pools, list) : null;
    }
    case 'twin': {
      const pair = pools.twins.find(([a, b]) => !pools.used.has(a.id) && !pools.used.has(b.id) && issued(b, day));
      if (!pair) return null;
      const [original, duplicate] = pair;
      const newer = random.chance(0.5);
      const made = receivableLine(random, pools, newer ? duplicate : original, day, newer ? 'duplicate' : 'original');
      pools.take(original.id, duplicate.id);
      return made;
    }
    case 'processed': {
      const p = pools.processedPayment(random);
      return p && processedLine(pools, p, executionDate(pools, p.cashflowTransactionBatchCode!));
    }
    case 'batch': {
      const batch = pools.wholeBatch(random);
      return batch && batchLine(pools, batch.code, batch.payments, executionDate(pools, batch.code));
    }
    case 'manual': {
      const p = pools.nextOpenPayment();
      return p && issued(p, day) ? manualPaymentLine(pools, p, day) : null;
    }
    case 'fee':
      return pools.items.glCodes.bankCosts ? feeLine(random, pools) : null;
    case 'internal':
      return internalTransferLine(random, pools);
    case 'refund':
      return unmatchableLine(random, pools, true);
    case 'unknown':
      return unmatchableLine(random, pools, false);
  }
}

/** An item is paid on or after its invoice date. */
const issued = (item: { invoiceDate: Date }, day: Date) => item.invoiceDate.getTime() <= day.getTime();

function executionDate(pools: LinePools, code: string): Date {
  return pools.items.batches.find((b) => b.cashflowTransactionBatchCode === code)?.executionDate ?? new Date(0);
}

/**
 * Duplicate invoices for `count` open receivables (spread over their invoice dates; the other
 * lines leave them alone): the same customer and amount, the next invoice and entry numbers, their own
 * structured communication, invoiced a day later. Inserted through the scope in one transaction.
 */
async function insertTwins(scope: DivisionScope, random: Random, items: DivisionItems, count: number): Promise<[Receivable, Receivable][]> {
  // Spread over the invoice dates, so that the statements of every month have some to pay.
  const step = items.receivables.length / count;
  const picked = [
    ...new Set(Array.from({ length: count }, (_, i) => items.receivables[Math.floor(i * step)]?.id).filter(Boolean)),
  ] as string[];
  if (!picked.length) return [];
  // The items carry a few columns only: the originals are read whole to be copied.
  const candidates = (await scope.select(Receivable, 'r').where('r.id IN (:...ids)', { ids: picked }).getMany()).sort(
    (a, b) => picked.indexOf(a.id) - picked.indexOf(b.id),
  );
  const maxInvoice = Math.max(...items.receivables.map((r) => r.invoiceNumber ?? 0));
  const maxEntry = Math.max(...items.receivables.map((r) => r.entryNumber ?? 0));
  const pairs = candidates.map((r, i): [Receivable, Receivable] => {
    const invoiceNumber = maxInvoice + 1_000_000 + i;
    const kind = parseStructuredReference(r.paymentReference)?.kind;
    const reference =
      kind === 'BE'
        ? createBelgianReference(String(invoiceNumber).padStart(10, '0'))
        : kind === 'RF'
          ? createCreditorReference(String(invoiceNumber))
          : null;
    const entryID = random.uuid();
    const copy = Object.assign(new Receivable(), {
      ...r,
      id: random.uuid(),
      entryID,
      transactionEntryID: entryID,
      transactionID: random.uuid(),
      invoiceNumber,
      entryNumber: maxEntry + 1 + i,
      paymentReference: reference,
      description: `Factuur ${invoiceNumber}`,
      invoiceDate: addDays(r.invoiceDate, 1),
      entryDate: addDays(r.invoiceDate, 1),
      version: 1,
    });
    return [r, copy];
  });
  await scope.transaction((tx) =>
    tx.insert(
      Receivable,
      pairs.map(([, d]) => d),
    ),
  );
  return pairs;
}
