import { createBelgianReference } from '../formats/structured-reference';
import { ObjectLiteral } from 'typeorm';
import { Account } from '../modules/accounts/account.entity';
import { BankAccount } from '../modules/bank-accounts/bank-account.entity';
import { Contact } from '../modules/contacts/contact.entity';
import { Division } from '../modules/divisions/division.entity';
import { GLAccount } from '../modules/gl-accounts/gl-account.entity';
import { Journal } from '../modules/journals/journal.entity';
import { PaymentCondition } from '../modules/payment-conditions/payment-condition.entity';
import { PaymentMethod, PaymentSource, PaymentStatus } from '../catalog/codes';
import { addDays, DAY_MS as DAY, startOfDay } from '../platform/dates';
import { Payment } from '../modules/payments/payment.entity';
import { User } from '../modules/users/user.entity';
import { BankCountry, demoMainBankAccount, makeBankAccount } from './banking';
import { CITIES, DIVISION_NAMES, FIRST_NAMES, LAST_NAMES, LEGAL_FORMS, SUPPLIER_STEMS, SUPPLIER_TRADES } from './names';
import { centsText, mulDivHalfUp, scaled } from './cents';
import { Random } from './random';

/**
 * Demo data generator: pure functions from (seed, sizes, reference date) to rows, so the same
 * arguments always give the same data. Writing the rows is seed.ts's job.
 */
export interface DemoOptions {
  divisions: number;
  payments: number;
  seed: number;
  /**
   * Reference date ("today"): due dates, discount dates and requested execution dates fall
   * before and after it; everything that has happened (created, modified, selected, processed,
   * matched) happened on or before it.
   */
  today: Date;
  suppliersPerDivision?: number;
  /** Receivables over all divisions (default: half the payments). */
  receivables?: number;
  /** Customers per division (default: half the suppliers, at least 4). */
  customersPerDivision?: number;
}

/**
 * The only date columns whose demo values may lie after `today`: terms and plans, not events
 * (when an invoice falls due, until when its discount runs, on which day a processed batch asks
 * the bank to pay). Every other date (created, modified, selected, matched, invoice and entry
 * dates, documents) lies on or before `today`; test/e2e/seed.test.ts checks every table.
 */
export const FUTURE_DATE_COLUMNS: readonly string[] = [
  'Payments.DueDate',
  'Payments.DiscountDueDate',
  'Payments.TransactionDueDate',
  'PaymentBatches.ExecutionDate',
  'Receivables.DueDate',
  'Receivables.DiscountDueDate',
  'Receivables.TransactionDueDate',
];

/** Currencies with a fixed rate to EUR: AmountFC * RateFC = AmountDC (to the cent). */
export const DEMO_RATES: Record<string, string> = {
  EUR: '1.00000000',
  USD: '0.92150000',
  GBP: '1.17320000',
  CHF: '1.04870000',
  SEK: '0.08710000',
};

const RATE_ONE = 10n ** 8n;
const RATE_UNITS = Object.fromEntries(Object.entries(DEMO_RATES).map(([c, r]) => [c, scaled(r, 8)]));
const PERCENT_ONE = 100n * 10n ** 4n;

export interface DivisionSet {
  division: Division;
  glPayables: GLAccount;
  others: ObjectLiteral[][];
  suppliers: { account: Account; bank: BankAccount; contact: Contact }[];
  ownBanks: BankAccount[];
  conditions: PaymentCondition[];
  journal: Journal;
}

export function demoUsers(random: Random, created: Date): User[] {
  const names = ['Administrator', ...FIRST_NAMES.slice(0, 7).map((f, i) => `${f} ${LAST_NAMES[i]}`)];
  return names.map((fullName, i) =>
    Object.assign(new User(), {
      id: i === 0 ? '00000000-0000-4000-8000-000000000001' : random.uuid(),
      userName: fullName.toLowerCase().replace(/[^a-z]+/g, '.'),
      fullName,
      email: `${fullName.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com`,
      created,
    }),
  );
}

/** Code of the demo division with 0-based `index`: 100101, 100202, 100303, ... */
export function demoDivisionCode(index: number): number {
  return 100_000 + (index + 1) * 101;
}

/** Index of the first demo division whose code lies above `code` (where --append continues). */
export function demoDivisionIndexAfter(code: number): number {
  return Math.max(0, Math.floor((code - 100_000) / 101));
}

export function demoDivision(random: Random, index: number, users: User[], opts: DemoOptions): DivisionSet {
  const country: BankCountry = index % 2 === 0 ? 'BE' : 'NL';
  const code = demoDivisionCode(index);
  const created = addDays(opts.today, -900);
  const audit = { created, modified: created, creatorID: users[0].id, modifierID: users[0].id, divisionCode: code };
  const own = makeBankAccount(random, country);
  const round = Math.floor(index / DIVISION_NAMES.length);
  const name = `${DIVISION_NAMES[index % DIVISION_NAMES.length]}${round > 0 ? ` ${round + 1}` : ''}`;
  const division = Object.assign(new Division(), {
    code,
    description: name,
    companyName: `${name} ${country === 'BE' ? 'BV' : 'B.V.'}`,
    label: `${country}-${code}`,
    shortName: index + 1,
    currency: 'EUR',
    country,
    vatNumber: country === 'BE' ? `BE0${random.digits(9)}` : `NL${random.digits(9)}B01`,
    chamberOfCommerceNumber: random.digits(8),
    rsin: country === 'NL' ? random.digits(9) : null,
    wageTaxNumber: country === 'NL' ? `${random.digits(9)}L01` : null,
    iban: own.iban,
    bic: own.bic,
    ownerCompanyName: 'Cijfer & Co Accountants',
    ownerCompanyNumber: '000100',
    status: 1,
    created,
    modified: created,
  });
  const gl = (codeValue: string, description: string, type: number, side: string, balance: string) =>
    Object.assign(new GLAccount(), {
      id: random.uuid(),
      code: codeValue,
      description,
      type,
      balanceSide: side,
      balanceType: balance,
      ...audit,
    });
  const glPayables = country === 'BE' ? gl('440000', 'Leveranciers', 22, 'C', 'B') : gl('1600', 'Crediteuren', 22, 'C', 'B');
  const glOthers = [
    country === 'BE' ? gl('550000', 'Bank', 12, 'D', 'B') : gl('1100', 'Bank', 12, 'D', 'B'),
    country === 'BE' ? gl('400000', 'Klanten', 20, 'D', 'B') : gl('1300', 'Debiteuren', 20, 'D', 'B'),
    country === 'BE' ? gl('451000', 'Te betalen btw', 24, 'C', 'B') : gl('1500', 'Af te dragen btw', 24, 'C', 'B'),
    country === 'BE' ? gl('604000', 'Aankopen handelsgoederen', 111, 'D', 'W') : gl('7000', 'Inkoopwaarde omzet', 111, 'D', 'W'),
  ];
  const noLinks = { bankAccountID: null, currency: null, glAccountID: null };
  const journal = Object.assign(new Journal(), {
    id: random.uuid(),
    code: '70',
    description: 'Inkoopboek',
    type: 22,
    ...noLinks,
    ...audit,
  });
  const bankJournal = Object.assign(new Journal(), { id: random.uuid(), code: '20', description: 'Bank', type: 12, ...noLinks, ...audit });
  const conditions = [
    ['30', '30 dagen netto', 30, null, null],
    ['14', '14 dagen netto', 14, null, null],
    ['60', '60 dagen netto', 60, null, null],
    ['8D', '30 dagen, 2% korting binnen 8 dagen', 30, 8, '2.0000'],
  ].map(([c, d, days, discDays, pct]) =>
    Object.assign(new PaymentCondition(), {
      id: random.uuid(),
      code: c,
      description: d,
      paymentDays: days,
      discountPaymentDays: discDays,
      discountPercentage: pct,
      ...audit,
    }),
  );
  const ownBanks = [own, makeBankAccount(random, country)].map((b, i) =>
    Object.assign(new BankAccount(), {
      id: random.uuid(),
      accountID: null,
      bankAccount: b.iban,
      bic: b.bic,
      bankAccountHolderName: division.companyName,
      currency: 'EUR',
      description: i === 0 ? 'Zichtrekening' : 'Spaarrekening',
      main: i === 0,
      ...audit,
    }),
  );
  // The bank journal books the current account on the bank G/L account (no draw from `random`:
  // the rows generated after it stay what they were).
  Object.assign(bankJournal, { bankAccountID: ownBanks[0].id, currency: 'EUR', glAccountID: glOthers[0].id });
  const suppliers = Array.from({ length: opts.suppliersPerDivision ?? 60 }, (_, i) => {
    const supplierCountry: BankCountry = random.chance(0.7) ? country : country === 'BE' ? 'NL' : 'BE';
    const stem = random.pick(SUPPLIER_STEMS);
    const trade = random.pick(SUPPLIER_TRADES);
    const form = random.pick(LEGAL_FORMS[supplierCountry]);
    const account = Object.assign(new Account(), {
      id: random.uuid(),
      code: String(i + 1).padStart(18, ' '),
      name: `${stem} ${trade} ${form}`.slice(0, 50),
      isSupplier: true,
      isSales: random.chance(0.1),
      vatNumber: supplierCountry === 'BE' ? `BE0${random.digits(9)}` : `NL${random.digits(9)}B01`,
      chamberOfCommerce: random.digits(8),
      country: supplierCountry,
      city: random.pick(CITIES[supplierCountry]),
      email: `facturen@${stem.toLowerCase().replace(/[^a-z]/g, '')}-${trade.toLowerCase()}.example`,
      status: 'A',
      ...audit,
    });
    const bank = demoMainBankAccount(random, account, supplierCountry, audit);
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const contact = Object.assign(new Contact(), {
      id: random.uuid(),
      accountID: account.id,
      firstName: first,
      lastName: last,
      fullName: `${first} ${last}`,
      email: `${first.toLowerCase()}@example.com`,
      phone: null,
      ...audit,
    });
    return { account, bank, contact };
  });
  return { division, glPayables, suppliers, ownBanks, conditions, journal, others: [glOthers, [bankJournal]] };
}

/** Status mix of the demo: most payments open, every status present. */
const STATUS_MIX = [
  [PaymentStatus.OPEN, 55],
  [PaymentStatus.SELECTED, 10],
  [PaymentStatus.PROCESSED, 20],
  [PaymentStatus.MATCHED, 15],
] as const;

export function demoPayment(random: Random, set: DivisionSet, users: User[], opts: DemoOptions, entryNumber: number): Payment {
  const { division } = set;
  const supplier = random.pick(set.suppliers);
  const condition = random.weighted(set.conditions.map((c, i) => [c, i === 3 ? 1 : 3] as const));
  const currency = random.weighted([
    ['EUR', 85],
    ['USD', 5],
    ['GBP', 5],
    ['CHF', 3],
    ['SEK', 2],
  ] as const);
  const rate = DEMO_RATES[currency];
  // Cents and scaled integers (exact, see cents.ts): amountFC * rate = amountDC, to the cent.
  const amountFC = BigInt(random.int(1_000, 2_500_000));
  const amountDC = mulDivHalfUp(amountFC, RATE_UNITS[currency], RATE_ONE);
  const invoiceDate = addDays(startOfDay(opts.today), -random.int(0, 420));
  const dueDate = addDays(invoiceDate, condition.paymentDays);
  const dueLater = dueDate.getTime() > opts.today.getTime() + 7 * DAY;
  let status: PaymentStatus = dueLater && random.chance(0.7) ? PaymentStatus.OPEN : random.weighted(STATUS_MIX);
  const creator = random.pick(users);
  // Nothing that happened lies after today: an invoice of today was booked today.
  const created = notAfter(addDays(invoiceDate, random.int(0, 3)), opts.today);
  // discountPercentage has 4 decimals and is a percentage: amount * pct / 100 / 10^4.
  const pct = condition.discountPercentage ? scaled(condition.discountPercentage, 4) : null;
  const discount = pct === null ? null : mulDivHalfUp(amountDC, pct, PERCENT_ONE);
  const discountFC = pct === null ? null : mulDivHalfUp(amountFC, pct, PERCENT_ONE);
  const entryId = random.uuid();
  const selected = status >= PaymentStatus.SELECTED ? notAfter(addDays(dueDate, -random.int(1, 10)), opts.today) : null;
  let endDate = status === PaymentStatus.MATCHED ? addDays(dueDate, random.int(0, 5)) : null;
  // A payment whose bank statement line would come after today is not matched yet: processed.
  if (endDate && endDate.getTime() > opts.today.getTime()) {
    status = PaymentStatus.PROCESSED;
    endDate = null;
  }
  const invoiceNumber = 20_000_000 + entryNumber;
  return Object.assign(new Payment(), {
    id: random.uuid(),
    divisionCode: division.code,
    accountID: supplier.account.id,
    accountBankAccountID: supplier.bank.id,
    accountContactID: random.chance(0.6) ? supplier.contact.id : null,
    amountDC: centsText(amountDC),
    amountFC: centsText(amountFC),
    amountDiscountDC: discount === null ? null : centsText(discount),
    amountDiscountFC: discountFC === null ? null : centsText(discountFC),
    bankAccountID: set.ownBanks[0].id,
    cashflowTransactionBatchCode: null,
    created,
    createdUtc: created,
    creatorID: creator.id,
    currency,
    description: `Factuur ${invoiceNumber} ${supplier.account.name}`.slice(0, 255),
    discountDueDate: condition.discountPaymentDays ? addDays(invoiceDate, condition.discountPaymentDays) : null,
    documentID: null,
    dueDate,
    endDate,
    endPeriod: endDate ? endDate.getUTCMonth() + 1 : null,
    endYear: endDate ? endDate.getUTCFullYear() : null,
    entryDate: invoiceDate,
    entryID: entryId,
    entryNumber,
    glAccountID: set.glPayables.id,
    invoiceDate,
    invoiceNumber,
    isBatchBooking: 0,
    journalCode: set.journal.code,
    modified: selected ?? created,
    modifiedUtc: selected ?? created,
    modifierID: creator.id,
    paymentBatchNumber: null,
    paymentConditionCode: condition.code,
    paymentDays: condition.paymentDays,
    paymentDaysDiscount: condition.discountPaymentDays,
    paymentDiscountPercentage: condition.discountPercentage,
    paymentMethod: random.weighted([
      [PaymentMethod.ON_CREDIT, 90],
      [PaymentMethod.COLLECTION, 5],
      [PaymentMethod.CASH, 3],
      [PaymentMethod.CREDIT_CARD, 2],
    ] as const),
    paymentReference: random.chance(0.4) ? belgianStructuredReference(random) : null,
    paymentSelected: selected,
    paymentSelectorID: selected ? random.pick(users).id : null,
    rateFC: rate,
    source:
      status >= PaymentStatus.PROCESSED
        ? PaymentSource.PROCESS
        : random.weighted([
            [PaymentSource.MANUAL, 3],
            [PaymentSource.IMPORT, 1],
          ] as const),
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
    transactionType: 30,
    yourRef: `INV-${random.digits(6)}`,
    version: 1,
  });
}

/** `date`, or `today` when `date` lies after it. */
export function notAfter(date: Date, today: Date): Date {
  return date.getTime() > today.getTime() ? today : date;
}

/** Belgian structured communication +++ddd/dddd/ddddd+++ with a valid mod-97 check. */
export function belgianStructuredReference(random: Random): string {
  return createBelgianReference(random.digits(10));
}
