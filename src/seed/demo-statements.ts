import { PaymentStatus, ReceivableStatus } from '../catalog/codes';
import { parseStructuredReference } from '../formats/structured-reference';
import { PaymentBatch } from '../modules/batches/payment-batch.entity';
import { BankEntryLine } from '../modules/financial-accounts/bank-entry-line.entity';
import { bankEntryRows } from '../modules/financial-accounts/bank-entry-rows';
import { BankEntry } from '../modules/financial-accounts/bank-entry.entity';
import { RowAudit } from '../modules/financial-accounts/entry-rows';
import { checkStatement, StatementLineToStore } from '../modules/financial-accounts/statement.input';
import { Journal } from '../modules/journals/journal.entity';
import { amountToPay } from '../modules/open-items/amount-to-pay';
import { remittanceOf } from '../modules/open-items/remittance';
import { Payment } from '../modules/payments/payment.entity';
import { Receivable } from '../modules/receivables/receivable.entity';
import { User } from '../modules/users/user.entity';
import { addDays, DAY_MS, startOfDay } from '../platform/dates';
import { makeBankAccount } from './banking';
import { centsText, scaled } from './cents';
import { demoEndToEndId } from './demo-bank-file';
import { DemoOptions, DivisionSet } from './demo-data';
import { demoMatchReference } from './demo-matches';
import { CustomerSet } from './demo-receivables';
import { FIRST_NAMES, LAST_NAMES } from './names';
import { Random } from './random';

/**
 * A year of bank statements of a demo division's current account (the main own bank account, bank
 * journal 20): one statement per business day (Monday to Friday) with movements over the 365 days up to today,
 * numbered from 001 again each calendar year, each opening at the previous one's closing balance,
 * so the account's running balance is exact from the first statement to the last. The lines are
 * what the demo's open items say happened, so that the reconciliation finds them:
 *
 * - money in: each matched receivable (Status 50) on the day it was paid (its EndDate), for the
 *   amount to pay that day (the cash discount when still valid); a collected one (direct debit) as
 *   the collection's credit under its EndToEndId; a collected receivable processed but not matched
 *   yet (Status 40) on its due date; and about a quarter of the open overdue receivables (Status 20,
 *   paid but not reconciled yet). A Belgian customer's transfer carries the invoice's structured
 *   communication (12 digits), others the invoice number as text; the customer's main IBAN, BIC and
 *   name are the counterparty;
 * - money out: each payment of a processed pain.001 batch executed by today, under the EndToEndId
 *   the file gave it (demoEndToEndId), for the amount the file paid; a matched payment's line
 *   carries the bank reference its match row names (demoMatchReference);
 * - bank costs at the start of each month and now and then, and a few lines nothing matches
 *   (a stranger's transfer, a refund).
 *
 * Statements go through the same checks and row builder as storing a real one (checkStatement,
 * bankEntryRows). Pure and deterministic: its own random stream, so every other demo row stays what
 * it was. Lines of a weekend are booked on the next business day (value date the day itself).
 */
export function demoCurrentAccountStatements(
  set: DivisionSet,
  customers: CustomerSet,
  receivables: readonly Receivable[],
  processed: readonly Payment[],
  batches: readonly PaymentBatch[],
  users: User[],
  opts: DemoOptions,
  index: number,
): { bankEntries: BankEntry[]; bankLines: BankEntryLine[] } {
  const random = new Random((opts.seed * 7919 + (index + 1) * 104_729 + 0x57a7) >>> 0);
  const today = startOfDay(opts.today);
  const first = addDays(today, -364);
  const byDay = new Map<number, StatementLineToStore[]>();
  const add = (date: Date, line: Omit<StatementLineToStore, 'bookingDate'>) => {
    if (date.getTime() < first.getTime() || date.getTime() > today.getTime()) return;
    const booking = businessDayFrom(date);
    if (booking.getTime() > today.getTime()) return;
    const key = booking.getTime();
    const lines = byDay.get(key) ?? byDay.set(key, []).get(key)!;
    lines.push({ ...line, bookingDate: day(booking), valueDate: day(date) });
  };
  const customer = new Map(customers.customers.map((c) => [c.account.id, c]));
  for (const r of receivables) {
    if (r.currency !== 'EUR') continue;
    const c = customer.get(r.accountID);
    const party = {
      counterpartyName: c?.account.name ?? null,
      counterpartyAccount: c?.bank.bankAccount ?? null,
      counterpartyBic: c?.bank.bic ?? null,
    };
    const collected = r.directDebitMandateID !== null;
    let paidOn: Date | null = null;
    if (r.status === ReceivableStatus.MATCHED && r.endDate) paidOn = r.endDate;
    else if (collected && r.status === ReceivableStatus.PROCESSED) paidOn = r.dueDate;
    else if (
      !collected &&
      r.status === ReceivableStatus.OPEN &&
      r.dueDate.getTime() < today.getTime() - 7 * DAY_MS &&
      random.chance(0.25)
    ) {
      const from = Math.max(r.dueDate.getTime() - 3 * DAY_MS, r.invoiceDate.getTime());
      paidOn = addDays(new Date(from), random.int(0, Math.floor((today.getTime() - from) / DAY_MS)));
    }
    if (!paidOn) continue;
    if (collected && r.endToEndID) {
      const text = `Incasso ${r.directDebitMandateReference ?? ''} Factuur ${r.invoiceNumber}`.trim();
      add(paidOn, {
        amount: r.amountDC,
        ...party,
        endToEndId: r.endToEndID,
        bankTransactionCode: 'PMNT/IDDT/ESDD',
        unstructuredRemittance: text,
        description: text,
      });
      continue;
    }
    if (collected) continue;
    const ref = parseStructuredReference(r.paymentReference);
    const text = ref ? null : `Factuur ${r.invoiceNumber}`;
    add(paidOn, {
      amount: amountToPay(r, paidOn).toFixed(2),
      ...party,
      structuredReference: ref?.reference ?? null,
      unstructuredRemittance: text,
      description: text,
      bankTransactionCode: 'PMNT/RCDT/ESCT',
      bankReference: `CR${random.digits(12)}`,
    });
  }
  const supplier = new Map(set.suppliers.map((s) => [s.account.id, s]));
  const execution = new Map(batches.map((b) => [b.cashflowTransactionBatchCode, b.executionDate]));
  for (const p of processed) {
    const executed = p.cashflowTransactionBatchCode ? execution.get(p.cashflowTransactionBatchCode) : undefined;
    if (!executed || p.status < PaymentStatus.PROCESSED) continue;
    const s = supplier.get(p.accountID);
    const { structuredReference, remittanceText } = remittanceOf(p);
    add(executed, {
      amount: amountToPay(p, executed).neg().toFixed(2),
      counterpartyName: s?.account.name ?? null,
      counterpartyAccount: s?.bank.bankAccount ?? null,
      counterpartyBic: s?.bank.bic ?? null,
      endToEndId: demoEndToEndId(p.cashflowTransactionBatchCode!, p.paymentBatchNumber!),
      structuredReference: parseStructuredReference(structuredReference)?.reference ?? null,
      unstructuredRemittance: remittanceText,
      description: remittanceText,
      bankTransactionCode: 'PMNT/ICDT/ESCT',
      bankReference: p.status === PaymentStatus.MATCHED ? demoMatchReference(p) : `DB${random.digits(12)}`,
    });
  }
  for (let d = first; d.getTime() <= today.getTime(); d = addDays(d, 1)) {
    if (d.getUTCDate() === 1) add(d, costs(random, 'Kosten rekening', 500, 2_500));
    if (random.chance(0.03)) add(d, costs(random, 'Kosten overschrijving buitenland', 150, 1_500));
    if (random.chance(0.02)) add(d, stranger(random, set.division.country === 'NL' ? 'NL' : 'BE'));
  }
  return statementRows(random, set, users, byDay, first, today);
}

/** Builds the statements of every business day with movements from `first` to `today`, with their rows. */
function statementRows(
  random: Random,
  set: DivisionSet,
  users: User[],
  byDay: Map<number, StatementLineToStore[]>,
  first: Date,
  today: Date,
): { bankEntries: BankEntry[]; bankLines: BankEntryLine[] } {
  const journal = set.others[1][0] as Journal;
  const bankEntries: BankEntry[] = [];
  const bankLines: BankEntryLine[] = [];
  // An opening balance that carries the year's payments: what goes out beyond what comes in, and a margin.
  let net = 0;
  for (const lines of byDay.values()) for (const l of lines) net += cents(l.amount);
  let balance = Math.max(0, -net) + random.int(2_000_000, 20_000_000);
  let number = 0;
  let year = 0;
  for (let d = businessDayFrom(first); d.getTime() <= today.getTime(); d = businessDayFrom(addDays(d, 1))) {
    if (d.getUTCFullYear() !== year) [year, number] = [d.getUTCFullYear(), 0];
    const lines = byDay.get(d.getTime());
    // As most Belgian and Dutch banks do, a day without movements gets no statement.
    if (!lines) continue;
    const closing = lines.reduce((sum, l) => sum + cents(l.amount), balance);
    const statement = checkStatement({
      divisionCode: set.division.code,
      account: set.ownBanks[0].bankAccount,
      currency: 'EUR',
      statementNumber: String(++number).padStart(3, '0'),
      statementDate: day(d),
      openingBalance: money(balance),
      closingBalance: money(closing),
      lines,
    });
    // Imported the morning after (never after today).
    const at = new Date(Math.min(d.getTime() + DAY_MS + 7 * 3_600_000, today.getTime()));
    const audit: RowAudit = { created: at, creatorID: users[0].id, modified: at, modifierID: users[0].id };
    const built = bankEntryRows(statement, {
      entryID: random.uuid(),
      entryNumber: bankEntries.length + 1,
      journalCode: journal.code,
      bankAccountID: journal.bankAccountID!,
      divisionCurrency: set.division.currency,
      balanceGap: null,
      documentID: null,
      audit,
      newId: () => random.uuid(),
    });
    bankEntries.push(built.entry);
    bankLines.push(...built.lines);
    balance = closing;
  }
  return { bankEntries, bankLines };
}

/** The day itself, or the Monday after a Saturday or Sunday. */
function businessDayFrom(d: Date): Date {
  const weekday = d.getUTCDay();
  return weekday === 6 ? addDays(d, 2) : weekday === 0 ? addDays(d, 1) : d;
}

function costs(random: Random, description: string, min: number, max: number): Omit<StatementLineToStore, 'bookingDate'> {
  return { amount: money(-random.int(min, max)), description, unstructuredRemittance: description, bankTransactionCode: 'ACMT/MDOP/CHRG' };
}

/** A transfer nothing open matches: a private person paying or being refunded. */
function stranger(random: Random, country: 'BE' | 'NL'): Omit<StatementLineToStore, 'bookingDate'> {
  const bank = makeBankAccount(random, country);
  const text = random.pick(['Terugbetaling', 'Voorschot', 'Waarborg', 'Gift']) + ` ${random.digits(6)}`;
  return {
    amount: money(random.chance(0.7) ? random.int(2_000, 150_000) : -random.int(2_000, 50_000)),
    counterpartyName: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
    counterpartyAccount: bank.iban,
    counterpartyBic: bank.bic,
    unstructuredRemittance: text,
    description: text,
    bankTransactionCode: 'PMNT/RCDT/ESCT',
  };
}

/** Decimal text with two places as cents (exact, no float). */
const cents = (text: string) => Number(scaled(text, 2));
/** Cents (a safe integer) as decimal text with two places: -1250 is '-12.50'. */
const money = (n: number) => (n < 0 ? '-' : '') + centsText(BigInt(Math.abs(n)));
const day = (d: Date) => d.toISOString().slice(0, 10);
