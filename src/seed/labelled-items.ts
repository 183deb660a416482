import { Brackets } from 'typeorm';
import { DivisionScope } from '../access/division-scope';
import { PaymentStatus, ReceivableStatus } from '../catalog/codes';
import { parseStructuredReference } from '../formats/structured-reference';
import { Account } from '../modules/accounts/account.entity';
import { BankAccount } from '../modules/bank-accounts/bank-account.entity';
import { PaymentBatch } from '../modules/batches/payment-batch.entity';
import { Division } from '../modules/divisions/division.entity';
import { BankEntryLine } from '../modules/financial-accounts/bank-entry-line.entity';
import { BankEntry } from '../modules/financial-accounts/bank-entry.entity';
import { JournalType } from '../modules/financial-accounts/entry-codes';
import { GLAccount } from '../modules/gl-accounts/gl-account.entity';
import { Journal } from '../modules/journals/journal.entity';
import { Payment } from '../modules/payments/payment.entity';
import { Receivable } from '../modules/receivables/receivable.entity';
import { makeBankAccount } from './banking';
import { demoEndToEndId } from './demo-bank-file';
import { DEMO_BANK_COSTS_GL, DEMO_SAVINGS_GL } from './demo-financial';
import { Random } from './random';

/**
 * What the labelled statement generator (labelled-statements.ts) knows of one division: the own
 * account its labelled statements are of and where that account's statements stand, its customers and suppliers with their bank
 * accounts, and the open items a bank line may settle. Read through the caller's DivisionScope.
 *
 * Open items are those a bank line can still settle: receivables with Status 20 (Open) in EUR that
 * are not collected by direct debit (a customer with a mandate does not transfer), and payments
 * with Status 20, 30 or 40 in EUR (40: in a processed batch, paid by the bank under the batch's
 * EndToEndId). Items that a stored bank line already pays are left out, so that the generated
 * lines never settle an item twice: a receivable whose structured communication, or whose invoice
 * number in the text, a stored line carries, and a payment whose EndToEndId a stored line carries.
 * Items are sorted by invoice date and ID, so the same database gives the same lists on SQLite and
 * MariaDB. Items carry the columns the line makers read only (ITEM_COLUMNS), not whole rows.
 */
export interface DivisionItems {
  division: Division;
  /** The own account the labelled statements are of (ensureLabelledAccount). */
  current: BankAccount;
  /** The division's savings account: the counterparty of internal transfers. */
  otherOwn: BankAccount[];
  journal: Journal;
  /** Where the next statement continues: the last stored entry's closing balance and day (null: none stored). */
  lastClosing: string;
  lastDate: Date | null;
  lastNumber: number;
  /** Codes of the division's G/L accounts by type-ish role. */
  glCodes: { bankCosts: string | null; savings: string | null };
  accounts: Map<string, Account>;
  banks: Map<string, BankAccount>;
  receivables: Receivable[];
  payments: Payment[];
  batches: PaymentBatch[];
}

/** The columns of open items the line makers read (hydrating all of them would be most of the time spent). */
const ITEM_COLUMNS = [
  'id',
  'divisionCode',
  'accountID',
  'accountBankAccountID',
  'amountDC',
  'amountDiscountDC',
  'discountDueDate',
  'invoiceDate',
  'dueDate',
  'invoiceNumber',
  'entryNumber',
  'paymentReference',
  'yourRef',
  'status',
] as const;
const RECEIVABLE_COLUMNS: readonly (keyof Receivable)[] = ITEM_COLUMNS;
const PAYMENT_COLUMNS: readonly (keyof Payment)[] = [...ITEM_COLUMNS, 'cashflowTransactionBatchCode', 'paymentBatchNumber'];

const byDateAndId = (a: { invoiceDate: Date; id: string }, b: { invoiceDate: Date; id: string }) =>
  a.invoiceDate.getTime() - b.invoiceDate.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Loads what the generator needs of `divisionCode` (which must have a main own bank account with a bank journal). */
export async function loadDivisionItems(scope: DivisionScope, divisionCode: number): Promise<DivisionItems> {
  const d = { d: divisionCode };
  const division = await scope.select(Division, 'x').where('x.code = :d', d).getOne();
  if (!division) throw new Error(`labelled statements: division ${divisionCode} does not exist in the scope`);
  const own = await scope.select(BankAccount, 'b').where('b.divisionCode = :d AND b.accountID IS NULL', d).orderBy('b.id').getMany();
  const journals = await scope
    .select(Journal, 'j')
    .where('j.divisionCode = :d AND j.type = :t', { ...d, t: JournalType.BANK })
    .getMany();
  const current = own.find((b) => b.description === LABELLED_ACCOUNT);
  const journal = current && journals.find((j) => j.bankAccountID === current.id);
  if (!current || !journal)
    throw new Error(`labelled statements: division ${divisionCode} has no labelled account (ensureLabelledAccount)`);
  const gl = await scope.select(GLAccount, 'g').where('g.divisionCode = :d', d).getMany();
  const country = division.country === 'NL' ? 'NL' : 'BE';
  const glCode = (code: string) => (gl.some((g) => g.code === code) ? code : null);
  const savingsGl = gl.find((g) => g.code === DEMO_SAVINGS_GL[country]);
  const savings = own.find((b) => journals.some((j) => j.bankAccountID === b.id && savingsGl && j.glAccountID === savingsGl.id));
  const last = await scope
    .select(BankEntry, 'e')
    .where('e.divisionCode = :d AND e.journalCode = :j', { ...d, j: journal.code })
    .orderBy('e.entryDate', 'DESC')
    .addOrderBy('e.entryNumber', 'DESC')
    .getOne();
  const lastYear = last ? last.entryDate.getUTCFullYear() : null;
  const numbers = lastYear
    ? await scope
        .select(BankEntry, 'e')
        .where('e.divisionCode = :d AND e.journalCode = :j AND e.financialYear = :y', { ...d, j: journal.code, y: lastYear })
        .getMany()
    : [];
  const accounts = await scope.select(Account, 'a').where('a.divisionCode = :d', d).getMany();
  const banks = await scope.select(BankAccount, 'b').where('b.divisionCode = :d AND b.accountID IS NOT NULL', d).getMany();
  const paid = await paidOnStoredLines(scope, divisionCode);
  const receivables = (
    await scope
      .select(Receivable, 'r')
      .select(RECEIVABLE_COLUMNS.map((c) => `r.${c}`))
      .where('r.divisionCode = :d AND r.status = :s AND r.currency = :c AND r.directDebitMandateID IS NULL', {
        ...d,
        s: ReceivableStatus.OPEN,
        c: 'EUR',
      })
      .getMany()
  )
    .filter((r) => !paid.references.has(parseStructuredReference(r.paymentReference)?.reference ?? '-'))
    .filter((r) => !paid.invoiceNumbers.has(String(r.invoiceNumber)))
    .sort(byDateAndId);
  const payments = (
    await scope
      .select(Payment, 'p')
      .select(PAYMENT_COLUMNS.map((c) => `p.${c}`))
      .where('p.divisionCode = :d AND p.currency = :c', { ...d, c: 'EUR' })
      .andWhere(
        new Brackets((w) =>
          w.where('p.status IN (:...open)', { open: [PaymentStatus.OPEN, PaymentStatus.SELECTED] }).orWhere('p.status = :processed', {
            processed: PaymentStatus.PROCESSED,
          }),
        ),
      )
      .getMany()
  )
    .filter(
      (p) =>
        !(p.cashflowTransactionBatchCode && paid.endToEndIds.has(demoEndToEndId(p.cashflowTransactionBatchCode, p.paymentBatchNumber!))),
    )
    .sort(byDateAndId);
  const batches = (await scope.select(PaymentBatch, 'b').where('b.divisionCode = :d', d).getMany()).sort((a, b) =>
    a.cashflowTransactionBatchCode < b.cashflowTransactionBatchCode ? -1 : 1,
  );
  return {
    division,
    current,
    otherOwn: savings ? [savings] : [],
    journal,
    lastClosing: last?.closingBalanceFC ?? '0.00',
    lastDate: last?.entryDate ?? null,
    lastNumber: Math.max(0, ...numbers.map((e) => Number(e.statementNumber) || 0)),
    glCodes: { bankCosts: glCode(DEMO_BANK_COSTS_GL[country]), savings: glCode(DEMO_SAVINGS_GL[country]) },
    accounts: new Map(accounts.map((a) => [a.id, a])),
    banks: new Map(banks.map((b) => [b.id, b])),
    receivables,
    payments,
    batches,
  };
}

/** What the stored bank lines of a division already pay: structured references, invoice numbers in the text, EndToEndIds. */
async function paidOnStoredLines(scope: DivisionScope, divisionCode: number) {
  const lines = await scope
    .select(BankEntryLine, 'l')
    .select(['l.id', 'l.paymentReference', 'l.remittanceInformation', 'l.endToEndID'])
    .where('l.divisionCode = :d', { d: divisionCode })
    .getMany();
  const references = new Set<string>();
  const invoiceNumbers = new Set<string>();
  const endToEndIds = new Set<string>();
  for (const l of lines) {
    const ref = parseStructuredReference(l.paymentReference);
    if (ref) references.add(ref.reference);
    for (const m of (l.remittanceInformation ?? '').matchAll(/\b\d{8}\b/g)) invoiceNumbers.add(m[0]);
    if (l.endToEndID) endToEndIds.add(l.endToEndID);
  }
  return { references, invoiceNumbers, endToEndIds };
}

/** Description of the own account that takes the labelled statements (one per division). */
export const LABELLED_ACCOUNT = 'Zichtrekening (gelabelde afschriften)';
/** Code of its bank journal. */
export const LABELLED_JOURNAL = '29';

/**
 * Makes sure `divisionCode` has the own bank account the labelled statements are of, with its bank
 * journal 29 booking on the division's bank G/L account: a second current account, so the labelled
 * statements can be dated in the past next to the demo's year of statements of the main account
 * without breaking that account's chain. Its IBAN is drawn from the division's code alone, so every
 * call finds or makes the same account. Writes nothing when it exists.
 */
export async function ensureLabelledAccount(scope: DivisionScope, divisionCode: number): Promise<void> {
  const d = { d: divisionCode };
  const own = await scope.select(BankAccount, 'b').where('b.divisionCode = :d AND b.accountID IS NULL', d).getMany();
  if (own.some((b) => b.description === LABELLED_ACCOUNT)) return;
  const division = await scope.select(Division, 'x').where('x.code = :d', d).getOne();
  if (!division) throw new Error(`labelled statements: division ${divisionCode} does not exist in the scope`);
  const journals = await scope.select(Journal, 'j').where('j.divisionCode = :d', d).getMany();
  if (journals.some((j) => j.code === LABELLED_JOURNAL))
    throw new Error(`labelled statements: journal ${LABELLED_JOURNAL} of division ${divisionCode} is taken by another account`);
  const bankJournal = journals.find((j) => j.type === JournalType.BANK && own.some((b) => b.main && b.id === j.bankAccountID));
  const random = new Random((divisionCode * 0x2545f491) >>> 0);
  const iban = makeBankAccount(random, division.country === 'NL' ? 'NL' : 'BE');
  const at = new Date(Date.UTC(2000, 0, 1));
  const audit = { created: at, modified: at, creatorID: null, modifierID: null, divisionCode };
  const account = Object.assign(new BankAccount(), {
    id: random.uuid(),
    accountID: null,
    bankAccount: iban.iban,
    bic: iban.bic,
    bankAccountHolderName: division.companyName ?? division.description,
    currency: 'EUR',
    description: LABELLED_ACCOUNT,
    main: false,
    ...audit,
  });
  const journal = Object.assign(new Journal(), {
    id: random.uuid(),
    code: LABELLED_JOURNAL,
    description: 'Bank (gelabeld)',
    type: JournalType.BANK,
    bankAccountID: account.id,
    currency: 'EUR',
    glAccountID: bankJournal?.glAccountID ?? null,
    ...audit,
  });
  await scope.transaction(async (tx) => {
    await tx.insert(BankAccount, [account]);
    await tx.insert(Journal, [journal]);
  });
}
