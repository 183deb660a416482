import { electronicFormatIBAN, friendlyFormatIBAN } from 'ibantools';
import { Brackets, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { DivisionScope } from '../../access/division-scope';
import { OpenItemStatus } from '../../catalog/codes';
import { Dec } from '../../platform/decimal';
import { Account } from '../accounts/account.entity';
import { BankAccount } from '../bank-accounts/bank-account.entity';
import { Journal } from '../journals/journal.entity';
import { PaymentCondition } from '../payment-conditions/payment-condition.entity';
import { PaymentBatch } from '../batches/payment-batch.entity';
import { Payment } from '../payments/payment.entity';
import { Receivable } from '../receivables/receivable.entity';
import { AllocationRule } from './allocation-rule.entity';

/**
 * Candidate loading for the matching engine: every lookup is a batched, indexed query over one
 * division (never one query per line): receivables by PaymentReference, payments by ID and by
 * batch code, open items by AmountFC, InvoiceNumber and YourRef, bank accounts by IBAN, and per
 * counterparty its oldest open items. Indexes: migrations 1764300000000 (PaymentReference,
 * Account, CashflowTransactionBatchCode) and 1764700000000 (AmountFC, InvoiceNumber, YourRef).
 */

/** An open receivable or payment as the rules read it (entity field names; amounts exact decimal text). */
export interface OpenItemCandidate {
  side: 'receivables' | 'payments';
  id: string;
  divisionCode: number;
  accountID: string;
  status: number;
  currency: string;
  amountFC: string;
  amountDiscountFC: string | null;
  discountDueDate: Date | null;
  invoiceNumber: number | null;
  invoiceDate: Date;
  dueDate: Date;
  yourRef: string | null;
  paymentReference: string | null;
  cashflowTransactionBatchCode: string | null;
  /** Payments only: sequence in the batch's bank file. */
  paymentBatchNumber: number | null;
}

/** An own bank account of the division (BankAccounts.Account empty) with the G/L account of its bank journal. */
export interface OwnAccount {
  bankAccountID: string;
  /** Electronic form. */
  iban: string;
  description: string | null;
  /** The bank journal of the account (Journals.Code). */
  journalCode: string;
  /** Journals.GLAccount of that journal: where money moved to or from the account is booked. */
  glAccountID: string;
}

/** (batch code, number) pairs per statement of processedPaymentsBySequence. */
const PAIRS_PER_STATEMENT = 200;
/** Values per IN list: far under SQLite's and MariaDB's limits on parameters. */
export const CHUNK = 500;
/** Statements of one look-up in flight at once (pooled connections; one after the other inside a transaction). */
const IN_FLIGHT = 4;

const COMMON = [
  'id',
  'divisionCode',
  'accountID',
  'status',
  'currency',
  'amountFC',
  'amountDiscountFC',
  'discountDueDate',
  'invoiceNumber',
  'invoiceDate',
  'dueDate',
  'yourRef',
  'paymentReference',
  'cashflowTransactionBatchCode',
];

function chunks<T>(values: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(values.slice(i, i + CHUNK));
  return out;
}

/**
 * `fn(0)` .. `fn(count - 1)`, at most IN_FLIGHT at once, results in order: the statements of one
 * look-up overlap their round trips and the database's work with the engine's own (on pooled
 * connections; inside a transaction the driver runs them one after the other, as before).
 */
async function inFlight<T>(count: number, fn: (k: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const k = next++;
      out[k] = await fn(k);
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, count) }, worker));
  return out;
}

/** Distinct non-empty values. */
function distinct<T>(values: Iterable<T | null | undefined>): T[] {
  const out = new Set<T>();
  for (const v of values) if (v !== null && v !== undefined && v !== '') out.add(v);
  return [...out];
}

/** The candidates of one division: a scope narrowed to it, and what was loaded already (by ID). */
export class DivisionCandidates {
  constructor(
    readonly scope: DivisionScope,
    readonly divisionCode: number,
  ) {
    if (scope.divisions.length !== 1 || scope.divisions[0] !== divisionCode)
      throw new Error('DivisionCandidates needs a scope of its one division');
  }

  private openItems(side: OpenItemCandidate['side']): SelectQueryBuilder<ObjectLiteral> {
    const entity = side === 'receivables' ? Receivable : Payment;
    const fields = side === 'payments' ? [...COMMON, 'paymentBatchNumber'] : COMMON;
    return this.scope
      .select<ObjectLiteral>(entity, 'o')
      .select(fields.map((f) => `o.${f}`))
      .where('o.divisionCode = :division', { division: this.divisionCode });
  }

  private async load(
    side: OpenItemCandidate['side'],
    values: unknown[],
    filter: (qb: SelectQueryBuilder<ObjectLiteral>, chunk: unknown[]) => SelectQueryBuilder<ObjectLiteral>,
    statuses: readonly number[] = OPEN_STATUSES,
  ): Promise<OpenItemCandidate[]> {
    const all = chunks(distinct(values));
    const found = await inFlight(all.length, async (k) => {
      const qb = filter(this.openItems(side), all[k]).andWhere('o.status IN (:...statuses)', { statuses });
      return (await qb.getMany()).map((row) => candidate(side, row));
    });
    return found.flat();
  }

  /** Open receivables whose PaymentReference is one of `references` (canonical: `+++ddd/dddd/ddddd+++`, RF electronic). */
  receivablesByReference(references: string[]): Promise<OpenItemCandidate[]> {
    return this.load('receivables', references, (qb, c) => qb.andWhere('o.paymentReference IN (:...c)', { c }));
  }

  /** Processed payments (Status 40, in a bank file) by ID. */
  processedPaymentsByID(ids: string[]): Promise<OpenItemCandidate[]> {
    return this.load('payments', ids, (qb, c) => qb.andWhere('o.id IN (:...c)', { c }), [OpenItemStatus.PROCESSED]);
  }

  /** Processed payments (Status 40) of the batches `codes`: a batch's payments, or one by its sequence number. */
  processedPaymentsOfBatches(codes: string[]): Promise<OpenItemCandidate[]> {
    return this.load('payments', codes, (qb, c) => qb.andWhere('o.cashflowTransactionBatchCode IN (:...c)', { c }), [
      OpenItemStatus.PROCESSED,
    ]);
  }

  /**
   * Processed payments (Status 40) by batch code and sequence number (an EndToEndId `{code}-{n}`):
   * both columns in the condition, so only the named payments leave the database; pairs that were
   * not asked for (code of one, number of another) are dropped here.
   */
  async processedPaymentsBySequence(keys: { batchCode: string; sequence: number }[]): Promise<OpenItemCandidate[]> {
    const pairs = [...new Map(keys.map((k) => [`${k.batchCode}#${k.sequence}`, k])).values()];
    const out: OpenItemCandidate[] = [];
    // One (code, number) condition per pair: each an exact range of the index (Division, CashflowTransactionBatchCode, PaymentBatchNumber).
    for (let i = 0; i < pairs.length; i += PAIRS_PER_STATEMENT) {
      const qb = this.openItems('payments').andWhere('o.status = :processed', { processed: OpenItemStatus.PROCESSED });
      qb.andWhere(
        new Brackets((w) => {
          for (const [j, p] of pairs.slice(i, i + PAIRS_PER_STATEMENT).entries())
            w.orWhere(`(o.cashflowTransactionBatchCode = :c${j} AND o.paymentBatchNumber = :n${j})`, {
              [`c${j}`]: p.batchCode,
              [`n${j}`]: p.sequence,
            });
        }),
      );
      for (const row of await qb.getMany()) out.push(candidate('payments', row));
    }
    return out;
  }

  /** Open items (Status below 50) of `side` whose AmountFC is one of `amounts` (exact decimal text). */
  byAmounts(side: OpenItemCandidate['side'], amounts: string[]): Promise<OpenItemCandidate[]> {
    return this.load(side, amounts, (qb, c) => qb.andWhere('o.amountFC IN (:...c)', { c }));
  }

  /** Open items of `side` whose InvoiceNumber is one of `numbers` or whose YourRef is one of `refs`. */
  async byInvoiceNumbersOrRefs(side: OpenItemCandidate['side'], numbers: number[], refs: string[]): Promise<OpenItemCandidate[]> {
    const byNumber = await this.load(side, numbers, (qb, c) => qb.andWhere('o.invoiceNumber IN (:...c)', { c }));
    const byRef = await this.load(side, refs, (qb, c) => qb.andWhere('o.yourRef IN (:...c)', { c }));
    return [...byNumber, ...byRef];
  }

  /**
   * The oldest `perAccount` open items (by DueDate, then ID) of each account: ORDER BY DueDate LIMIT
   * per account, a short range of the index (Division, Account, DueDate), IN_FLIGHT statements at
   * once. (One statement per account: a UNION ALL would need raw SQL, which only the SQL compilers
   * may run, and ROW_NUMBER() over the accounts reads every open item of each, not the first n.)
   */
  async oldestOfAccounts(side: OpenItemCandidate['side'], accountIDs: string[], perAccount: number): Promise<OpenItemCandidate[]> {
    const accounts = distinct(accountIDs);
    const found = await inFlight(accounts.length, async (k) => {
      const qb = this.openItems(side)
        .andWhere('o.accountID = :accountID', { accountID: accounts[k] })
        .andWhere('o.status IN (:...statuses)', { statuses: OPEN_STATUSES })
        .orderBy('o.dueDate', 'ASC')
        .addOrderBy('o.id', 'ASC')
        .limit(perAccount);
      return (await qb.getMany()).map((row) => candidate(side, row));
    });
    return found.flat();
  }

  /** Processed batches whose code is one of `codes` or whose TotalAmountDC is one of `totals`. */
  async batches(codes: string[], totals: string[]): Promise<PaymentBatch[]> {
    const out = new Map<string, PaymentBatch>();
    const c = distinct(codes);
    const t = distinct(totals);
    for (let i = 0; i < Math.max(c.length, t.length); i += CHUNK) {
      const cc = c.slice(i, i + CHUNK);
      const tc = t.slice(i, i + CHUNK);
      const qb = this.scope.select(PaymentBatch, 'b').where('b.divisionCode = :division', { division: this.divisionCode });
      qb.andWhere(
        new Brackets((w) => {
          if (cc.length) w.orWhere('b.cashflowTransactionBatchCode IN (:...cc)', { cc });
          if (tc.length) w.orWhere('b.totalAmountDC IN (:...tc)', { tc });
        }),
      );
      for (const b of await qb.getMany()) out.set(b.id, b);
    }
    return [...out.values()];
  }

  /** Accounts owning each IBAN (BankAccounts of an Account; the division's own accounts have none). Keys in electronic form. */
  async accountsByIban(ibans: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    // Stored in electronic form by the gateway; the printed form (groups of four) is looked up too.
    const electronic = distinct(ibans.map(compactIban));
    const wanted = distinct(electronic.flatMap((i) => [i, friendlyFormatIBAN(i)]));
    for (const chunk of chunks(wanted)) {
      const rows = await this.scope
        .select(BankAccount, 'b')
        .select(['b.id', 'b.accountID', 'b.bankAccount'])
        .where('b.divisionCode = :division', { division: this.divisionCode })
        .andWhere('b.bankAccount IN (:...chunk)', { chunk })
        .andWhere('b.accountID IS NOT NULL')
        .getMany();
      for (const r of rows) {
        const key = compactIban(r.bankAccount);
        const list = out.get(key) ?? [];
        if (!list.includes(r.accountID!)) list.push(r.accountID!);
        out.set(key, list);
      }
    }
    return out;
  }

  /**
   * The division's own bank accounts (BankAccounts without an Account) whose IBAN is one of
   * `ibans`, each with the bank journal that names it and that journal's G/L account: where an
   * internal transfer to or from it is booked. Keys in electronic form; accounts without a bank
   * journal with a G/L account are left out. Only this division's: another division's account is
   * never an own account here.
   */
  async ownAccountsByIban(ibans: string[]): Promise<Map<string, OwnAccount>> {
    const out = new Map<string, OwnAccount>();
    const wanted = distinct(distinct(ibans.map(compactIban)).flatMap((i) => [i, friendlyFormatIBAN(i)]));
    for (const chunk of chunks(wanted)) {
      const banks = await this.scope
        .select(BankAccount, 'b')
        .select(['b.id', 'b.bankAccount', 'b.description'])
        .where('b.divisionCode = :division', { division: this.divisionCode })
        .andWhere('b.bankAccount IN (:...chunk)', { chunk })
        .andWhere('b.accountID IS NULL')
        .getMany();
      if (!banks.length) continue;
      const journals = await this.scope
        .select(Journal, 'j')
        .select(['j.id', 'j.code', 'j.bankAccountID', 'j.glAccountID'])
        .where('j.divisionCode = :division', { division: this.divisionCode })
        .andWhere('j.bankAccountID IN (:...ids)', { ids: banks.map((b) => b.id) })
        .getMany();
      for (const b of banks) {
        const journal = journals.find((j) => j.bankAccountID === b.id && j.glAccountID);
        if (journal)
          out.set(compactIban(b.bankAccount), {
            bankAccountID: b.id,
            iban: compactIban(b.bankAccount),
            description: b.description ?? null,
            journalCode: journal.code,
            glAccountID: journal.glAccountID!,
          });
      }
    }
    return out;
  }

  /** ID and name of every account of the division (for the name rule). */
  accounts(): Promise<Pick<Account, 'id' | 'name'>[]> {
    return this.scope
      .select(Account, 'a')
      .select(['a.id', 'a.name'])
      .where('a.divisionCode = :division', { division: this.divisionCode })
      .getMany();
  }

  /** The division's cash discount percentages (PaymentConditions.DiscountPercentage), distinct, as rates (2.5 -> 0.025). */
  async discountRates(): Promise<Dec[]> {
    const rows = await this.scope
      .select(PaymentCondition, 'p')
      .select(['p.id', 'p.discountPercentage'])
      .where('p.divisionCode = :division', { division: this.divisionCode })
      .getMany();
    const rates = new Map<string, Dec>();
    for (const r of rows)
      if (r.discountPercentage && !new Dec(r.discountPercentage).isZero())
        rates.set(r.discountPercentage, new Dec(r.discountPercentage).dividedBy(100));
    return [...rates.values()];
  }

  /** The division's allocation rules, in order of Priority, then Created. */
  allocationRules(): Promise<AllocationRule[]> {
    return this.scope
      .select(AllocationRule, 'r')
      .where('r.divisionCode = :division', { division: this.divisionCode })
      .orderBy('r.priority', 'ASC')
      .addOrderBy('r.created', 'ASC')
      .getMany();
  }
}

/** The amounts of an item in its own currency, as open-items/amount-to-pay.ts reads them (its DC fields carry FC here). */
export function amountsFC(item: OpenItemCandidate) {
  return { amountDC: item.amountFC, amountDiscountDC: item.amountDiscountFC, discountDueDate: item.discountDueDate };
}

/** An IBAN (or another account number) in electronic form: upper case, no spaces. */
export function compactIban(account: string): string {
  return electronicFormatIBAN(account) ?? account.replace(/\s+/g, '').toUpperCase();
}

/** Statuses of an item still to be settled: open, selected, processed (50 is matched). */
export const OPEN_STATUSES: readonly number[] = [OpenItemStatus.OPEN, OpenItemStatus.SELECTED, OpenItemStatus.PROCESSED];

function candidate(side: OpenItemCandidate['side'], row: ObjectLiteral): OpenItemCandidate {
  return {
    side,
    id: row.id,
    divisionCode: row.divisionCode,
    accountID: row.accountID,
    status: row.status,
    currency: row.currency,
    amountFC: row.amountFC,
    amountDiscountFC: row.amountDiscountFC ?? null,
    discountDueDate: row.discountDueDate ?? null,
    invoiceNumber: row.invoiceNumber ?? null,
    invoiceDate: row.invoiceDate,
    dueDate: row.dueDate,
    yourRef: row.yourRef ?? null,
    paymentReference: row.paymentReference ?? null,
    cashflowTransactionBatchCode: row.cashflowTransactionBatchCode ?? null,
    paymentBatchNumber: row.paymentBatchNumber ?? null,
  };
}
