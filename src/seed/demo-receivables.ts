import { createBelgianReference, createCreditorReference } from '../formats/structured-reference';
import { DirectDebitMandatePaymentType, DirectDebitMandateType, PaymentMethod, PaymentSource, ReceivableStatus } from '../catalog/codes';
import { addDays, DAY_MS as DAY, startOfDay } from '../platform/dates';
import { Account } from '../modules/accounts/account.entity';
import { BankAccount } from '../modules/bank-accounts/bank-account.entity';
import { Contact } from '../modules/contacts/contact.entity';
import { Document } from '../modules/documents/document.entity';
import { GLAccount } from '../modules/gl-accounts/gl-account.entity';
import { Journal } from '../modules/journals/journal.entity';
import { Receivable } from '../modules/receivables/receivable.entity';
import { User } from '../modules/users/user.entity';
import { BankCountry, demoMainBankAccount } from './banking';
import { centsText, mulDivHalfUp, scaled } from './cents';
import { DEMO_RATES, DemoOptions, DivisionSet, notAfter } from './demo-data';
import { CITIES, CUSTOMER_TRADES, FIRST_NAMES, LAST_NAMES, LEGAL_FORMS, SUPPLIER_STEMS } from './names';
import { Random } from './random';

/**
 * Demo receivables: the customers of a division (Accounts with IsSales, not suppliers; most of a
 * Belgian division's customers Belgian, some of a Dutch one's), their bank accounts, contacts and
 * direct debit mandates, a sales journal, and receivables in every status. A Belgian customer's
 * receivable carries the structured communication of its invoice (ten digits of the invoice
 * number and their mod-97 check), others sometimes an ISO 11649 reference. Pure functions of
 * their random generator, which seed.ts gives its own stream, so that adding receivables leaves
 * every payment of a seed as it was.
 */

export interface DemoCustomer {
  account: Account;
  bank: BankAccount;
  contact: Contact;
  /** The SEPA direct debit mandate the customer signed, if any: its receivables are collected. */
  mandate: { id: string; reference: string; type: DirectDebitMandateType } | null;
}

export interface CustomerSet {
  customers: DemoCustomer[];
  salesJournal: Journal;
  receivablesGl: GLAccount;
}

/** Customers of a division: half as many as its suppliers (at least 4), a third with a mandate. */
export function demoCustomers(random: Random, set: DivisionSet, opts: DemoOptions): CustomerSet {
  const { division } = set;
  const country = division.country as BankCountry;
  const created = addDays(opts.today, -900);
  const by = set.journal.creatorID;
  const audit = { created, modified: created, creatorID: by, modifierID: by, divisionCode: division.code };
  const count = opts.customersPerDivision ?? Math.max(4, Math.ceil((opts.suppliersPerDivision ?? 60) / 2));
  const customers = Array.from({ length: count }, (_, i): DemoCustomer => {
    const customerCountry: BankCountry = random.chance(country === 'BE' ? 0.8 : 0.7) ? country : country === 'BE' ? 'NL' : 'BE';
    const name = `${random.pick(SUPPLIER_STEMS)} ${random.pick(CUSTOMER_TRADES)} ${random.pick(LEGAL_FORMS[customerCountry])}`.slice(0, 50);
    const account = Object.assign(new Account(), {
      id: random.uuid(),
      code: String(100_001 + i).padStart(18, ' '),
      name,
      isSupplier: false,
      isSales: true,
      vatNumber: customerCountry === 'BE' ? `BE0${random.digits(9)}` : `NL${random.digits(9)}B01`,
      chamberOfCommerce: random.digits(8),
      country: customerCountry,
      city: random.pick(CITIES[customerCountry]),
      email: `boekhouding${i + 1}@klant-${division.code}.example`,
      status: 'C',
      ...audit,
    });
    const bank = demoMainBankAccount(random, account, customerCountry, audit);
    const [first, last] = [random.pick(FIRST_NAMES), random.pick(LAST_NAMES)];
    const contact = Object.assign(new Contact(), {
      id: random.uuid(),
      accountID: account.id,
      firstName: first,
      lastName: last,
      fullName: `${first} ${last}`,
      email: `${first.toLowerCase()}.${i + 1}@klant.example`,
      phone: null,
      ...audit,
    });
    // Every third customer pays by direct debit (so each division has collections to process).
    const reference = `MNDT-${division.code}-${String(i + 1).padStart(5, '0')}`;
    const type = i % 6 === 0 ? DirectDebitMandateType.CORE : DirectDebitMandateType.B2B;
    const mandate = i % 3 === 0 ? { id: random.uuid(), reference, type } : null;
    return { account, bank, contact, mandate };
  });
  const salesJournal = Object.assign(new Journal(), { id: random.uuid(), code: '60', description: 'Verkoopboek', type: 20, ...audit });
  const receivablesGl = (set.others[0] as GLAccount[]).find((g) => g.type === 20)!;
  return { customers, salesJournal, receivablesGl };
}

const RATE_ONE = 10n ** 8n;
const PERCENT_ONE = 100n * 10n ** 4n;

/** Status mix of collected (direct debit) receivables, and of the others (never in a collection file). */
const COLLECTED_MIX = [
  [ReceivableStatus.OPEN, 45],
  [ReceivableStatus.SELECTED, 15],
  [ReceivableStatus.PROCESSED, 20],
  [ReceivableStatus.MATCHED, 20],
] as const;
const PAID_MIX = [
  [ReceivableStatus.OPEN, 65],
  [ReceivableStatus.MATCHED, 35],
] as const;
const OTHER_METHODS = [
  [PaymentMethod.ON_CREDIT, 94],
  [PaymentMethod.CASH, 3],
  [PaymentMethod.CREDIT_CARD, 3],
] as const;

/** One receivable of the division, invoiced within the last 420 days. */
export function demoReceivable(
  random: Random,
  set: DivisionSet,
  cs: CustomerSet,
  users: User[],
  opts: DemoOptions,
  entryNumber: number,
): Receivable {
  const { division } = set;
  const customer = random.pick(cs.customers);
  const collected = customer.mandate !== null;
  const condition = random.weighted(set.conditions.map((c, i) => [c, i === 3 ? 1 : 3] as const));
  // SEPA direct debits are in EUR only.
  const currency = collected
    ? 'EUR'
    : random.weighted([
        ['EUR', 90],
        ['USD', 4],
        ['GBP', 4],
        ['CHF', 2],
      ] as const);
  const rate = DEMO_RATES[currency];
  const amountFC = BigInt(random.int(2_500, 1_500_000));
  const amountDC = mulDivHalfUp(amountFC, scaled(rate, 8), RATE_ONE);
  const invoiceDate = addDays(startOfDay(opts.today), -random.int(0, 420));
  const dueDate = addDays(invoiceDate, condition.paymentDays);
  const mix = collected ? COLLECTED_MIX : PAID_MIX;
  const status = dueDate.getTime() > opts.today.getTime() + 7 * DAY && random.chance(0.7) ? ReceivableStatus.OPEN : random.weighted(mix);
  const creator = random.pick(users);
  // Entered up to two days after the invoice, never after today.
  const created = notAfter(addDays(invoiceDate, random.int(0, 2)), opts.today);
  const pct = condition.discountPercentage ? scaled(condition.discountPercentage, 4) : null;
  const discount = pct === null ? null : mulDivHalfUp(amountDC, pct, PERCENT_ONE);
  const discountFC = pct === null ? null : mulDivHalfUp(amountFC, pct, PERCENT_ONE);
  const invoiceNumber = 30_000_000 + entryNumber;
  const belgian = customer.account.country === 'BE';
  const reference = belgian
    ? createBelgianReference(String(invoiceNumber).padStart(10, '0'))
    : random.chance(0.4)
      ? createCreditorReference(String(invoiceNumber))
      : null;
  const selected = status >= ReceivableStatus.SELECTED && collected ? notAfter(addDays(dueDate, -random.int(1, 10)), opts.today) : null;
  // Paid a few days before or after the due date, never after today.
  const paidOn = status === ReceivableStatus.MATCHED ? addDays(dueDate, random.int(-5, 10)) : null;
  const paid = paidOn && new Date(Math.min(paidOn.getTime(), opts.today.getTime()));
  const endDate = paid && paid < invoiceDate ? invoiceDate : paid;
  const entryId = random.uuid();
  const mandate = collected ? customer.mandate! : null;
  return Object.assign(new Receivable(), {
    id: random.uuid(),
    divisionCode: division.code,
    accountID: customer.account.id,
    accountBankAccountID: customer.bank.id,
    accountContactID: random.chance(0.6) ? customer.contact.id : null,
    amountDC: centsText(amountDC),
    amountFC: centsText(amountFC),
    amountDiscountDC: discount === null ? null : centsText(discount),
    amountDiscountFC: discountFC === null ? null : centsText(discountFC),
    bankAccountID: set.ownBanks[0].id,
    cashflowTransactionBatchCode: null,
    created,
    creatorID: creator.id,
    currency,
    description: `Factuur ${invoiceNumber} ${customer.account.name}`.slice(0, 255),
    directDebitMandateID: mandate?.id ?? null,
    directDebitMandateDescription: mandate ? `Machtiging ${customer.account.name}`.slice(0, 100) : null,
    directDebitMandatePaymentType: mandate ? DirectDebitMandatePaymentType.RECURRENT : null,
    directDebitMandateReference: mandate?.reference ?? null,
    directDebitMandateType: mandate?.type ?? null,
    discountDueDate: condition.discountPaymentDays ? addDays(invoiceDate, condition.discountPaymentDays) : null,
    documentID: null,
    dueDate,
    endDate,
    endPeriod: endDate ? endDate.getUTCMonth() + 1 : null,
    endToEndID: null,
    endYear: endDate ? endDate.getUTCFullYear() : null,
    entryDate: invoiceDate,
    entryID: entryId,
    entryNumber,
    glAccountID: cs.receivablesGl.id,
    invoiceDate,
    invoiceNumber,
    isBatchBooking: 0,
    isFullyPaid: status === ReceivableStatus.MATCHED,
    journalCode: cs.salesJournal.code,
    lastPaymentDate: endDate,
    modified: endDate ?? selected ?? created,
    modifierID: creator.id,
    paymentConditionCode: condition.code,
    paymentDays: condition.paymentDays,
    paymentDaysDiscount: condition.discountPaymentDays,
    paymentDiscountPercentage: condition.discountPercentage,
    paymentInformationID: null,
    paymentMethod: collected ? PaymentMethod.COLLECTION : random.weighted(OTHER_METHODS),
    paymentReference: reference,
    rateFC: rate,
    receivableBatchNumber: null,
    receivableSelected: selected,
    receivableSelectorID: selected ? random.pick(users).id : null,
    source: collected && status >= ReceivableStatus.PROCESSED ? PaymentSource.PROCESS : PaymentSource.MANUAL,
    status,
    transactionAmountDC: centsText(amountDC),
    transactionAmountFC: centsText(amountFC),
    transactionDueDate: dueDate,
    transactionEntryID: entryId,
    transactionID: random.uuid(),
    transactionIsReversal: false,
    transactionReportingPeriod: invoiceDate.getUTCMonth() + 1,
    transactionReportingYear: invoiceDate.getUTCFullYear(),
    transactionStatus: 20,
    transactionType: 20,
    yourRef: `SO-${random.digits(6)}`,
    version: 1,
  });
}

/**
 * Groups a division's collected receivables that were processed (Status 40, and 50 when matched
 * after their collection) into collection runs, one per due week, as processing would have:
 * batch code, sequence number, EndToEndId and PmtInfId, and a document per run (numbered from
 * `firstDocumentNumber`, after the payment batches' documents).
 */
export function demoCollections(
  set: DivisionSet,
  receivables: Receivable[],
  users: User[],
  random: Random,
  firstDocumentNumber: number,
): Document[] {
  const collected = receivables.filter((r) => r.directDebitMandateID && r.status >= ReceivableStatus.PROCESSED);
  const byWeek = new Map<number, Receivable[]>();
  for (const r of collected) {
    const week = Math.floor(r.dueDate.getTime() / (7 * DAY));
    (byWeek.get(week) ?? byWeek.set(week, []).get(week)!).push(r);
  }
  const documents: Document[] = [];
  for (const [week, members] of [...byWeek.entries()].sort((a, b) => a[0] - b[0])) {
    const code = `C${set.division.code}-${String(documents.length + 1).padStart(5, '0')}`;
    // The run of the due week, made once its receivables were selected (never after today).
    const selectedLast = Math.max(...members.map((r) => r.receivableSelected?.getTime() ?? 0));
    const at = new Date(Math.min(week * 7 * DAY, selectedLast || week * 7 * DAY));
    const creator = random.pick(users);
    const document = Object.assign(new Document(), {
      id: random.uuid(),
      documentNumber: firstDocumentNumber + documents.length,
      subject: `Incassobestand ${code}`,
      type: 10,
      created: at,
      modified: at,
      creatorID: creator.id,
      modifierID: creator.id,
      divisionCode: set.division.code,
    });
    members.forEach((r, i) => {
      Object.assign(r, {
        cashflowTransactionBatchCode: code,
        receivableBatchNumber: i + 1,
        documentID: document.id,
        isBatchBooking: 1,
        endToEndID: `${code}-${i + 1}`,
        paymentInformationID: code,
      });
    });
    documents.push(document);
  }
  return documents;
}
