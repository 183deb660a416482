import { BulkInserter, withIndexesDeferred } from '../db/bulk-insert';
import { Database, refreshStatistics } from '../db/data-source';
import { ENTITIES } from '../modules/entities';
import { Account } from '../modules/accounts/account.entity';
import { BankAccount } from '../modules/bank-accounts/bank-account.entity';
import { PaymentBatch } from '../modules/batches/payment-batch.entity';
import { Contact } from '../modules/contacts/contact.entity';
import { Division } from '../modules/divisions/division.entity';
import { DocumentAttachment } from '../modules/documents/document-attachment.entity';
import { Document } from '../modules/documents/document.entity';
import { GLAccount } from '../modules/gl-accounts/gl-account.entity';
import { Journal } from '../modules/journals/journal.entity';
import { PaymentMatch } from '../modules/matching/payment-match.entity';
import { PaymentCondition } from '../modules/payment-conditions/payment-condition.entity';
import { PaymentStatus, ReceivableStatus } from '../catalog/codes';
import { Payment } from '../modules/payments/payment.entity';
import { Receivable } from '../modules/receivables/receivable.entity';
import { User } from '../modules/users/user.entity';
import { demoPain001 } from './demo-bank-file';
import { demoMatches } from './demo-matches';
import { demoFinancialAccounts } from './demo-financial';
import { BankEntryLine } from '../modules/financial-accounts/bank-entry-line.entity';
import { BankEntry } from '../modules/financial-accounts/bank-entry.entity';
import { CashEntryLine } from '../modules/financial-accounts/cash-entry-line.entity';
import { CashEntry } from '../modules/financial-accounts/cash-entry.entity';
import { demoBatches } from './demo-batches';
import { demoCurrentAccountStatements } from './demo-statements';
import { demoDivision, demoDivisionIndexAfter, demoPayment, DemoOptions, demoUsers } from './demo-data';
import { demoCollections, demoCustomers, demoReceivable } from './demo-receivables';
import { Random } from './random';

export interface SeedProgress {
  start(total: number): void;
  update(done: number): void;
  /** A phase without a count (building indexes). */
  note?(message: string): void;
  stop(): void;
}

const SILENT: SeedProgress = { start() {}, update() {}, stop() {} };

/** True when the database holds no division yet (a fresh demo database). */
export async function isEmpty(db: Database): Promise<boolean> {
  return (await db.dataSource.getRepository(Division).count()) === 0;
}

/** Removes every row of every Cashflow table (children first); API keys stay. */
export async function clearAll(db: Database): Promise<void> {
  const runner = db.dataSource.createQueryRunner();
  try {
    for (const entity of [...ENTITIES].reverse()) {
      const table = runner.connection.driver.escape(runner.connection.getMetadata(entity).tableName);
      // TRUNCATE drops a million rows at once where DELETE would take minutes; SQLite's DELETE
      // without WHERE is its truncate.
      await runner.query(db.dialect.kind === 'mysql' ? `TRUNCATE TABLE ${table}` : `DELETE FROM ${table}`);
    }
  } finally {
    await runner.release();
  }
}

/**
 * How the seed writes: `append` keeps the rows already there and adds new divisions after the
 * highest division code present, reusing the users already there (by user name); the other
 * fields tune the load (tests).
 */
export interface SeedMode {
  append?: boolean;
  deferIndexesFrom?: number;
}

/** From this many payments, MariaDB's payment indexes (primary key included) are dropped during the load and built after it. */
const DEFER_INDEXES_FROM = 50_000;

/** Payments per transaction on MariaDB: large enough to skip most log flushes, small enough for the undo log. */
const PAYMENTS_PER_TRANSACTION = 25_000;

/**
 * Fills the database with deterministic demo data: `divisions` divisions with suppliers, bank
 * accounts, G/L accounts, journals, payment conditions, `payments` payments spread over them in
 * every status, and batches for the processed ones; customers and `receivables` receivables
 * (default half the payments) in every status, with their collections; a year of daily statements
 * of each division's current account that pay them (demo-statements.ts), and a savings account's
 * statements and cash entries (demo-financial.ts). The same options give the same rows.
 *
 * Built for scale (a million payments into MariaDB in minutes): one connection, multi-row
 * INSERTs made by the BulkInserter instead of TypeORM's insert builder, few transactions (one
 * on SQLite), and on MariaDB unique and foreign key checks off for the session (the generator
 * makes unique keys itself).
 */
export async function seed(db: Database, opts: DemoOptions, progress: SeedProgress = SILENT, mode: SeedMode = {}): Promise<SeedResult> {
  const existing = mode.append ? await existingRows(db) : { firstDivision: 0, users: new Map<string, User>() };
  const runner = db.dataSource.createQueryRunner();
  await runner.connect();
  const mysql = db.dialect.kind === 'mysql';
  if (mysql) await runner.query('SET SESSION unique_checks = 0, foreign_key_checks = 0');
  const bulk = new BulkInserter(runner);
  const inTransactions = async () => {
    await runner.startTransaction();
    try {
      // Commit now and then on MariaDB; SQLite keeps one transaction (one journal write).
      const commit = async () => {
        await runner.commitTransaction();
        await runner.startTransaction();
      };
      const result = await generate(opts, existing, bulk, progress, mysql ? { every: PAYMENTS_PER_TRANSACTION, commit } : undefined);
      await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    }
  };
  const deferFrom = mode.deferIndexesFrom ?? DEFER_INDEXES_FROM;
  let result: SeedResult;
  try {
    if (opts.payments < deferFrom && receivablesOf(opts) < deferFrom) result = await inTransactions();
    // Large loads build the indexes once at the end instead of row by row.
    else {
      result = await withIndexesDeferred(runner, 'Payments', () =>
        withIndexesDeferred(runner, 'Receivables', async () => {
          const loaded = await inTransactions();
          progress.note?.('Building the payment and receivable indexes...');
          return loaded;
        }),
      );
    }
  } finally {
    progress.stop();
    if (mysql) await runner.query('SET SESSION unique_checks = 1, foreign_key_checks = 1');
    await runner.release();
  }
  // The table sizes changed by orders of magnitude: plans must know (keyset pages by ID).
  await refreshStatistics(db);
  return result;
}

/**
 * One statement group in flight while the next rows are generated: generating a division is
 * CPU work in this process, inserting it is work in the database, and they overlap.
 */
class Pipeline {
  private inFlight: Promise<void> = Promise.resolve();

  /** Waits for the previous group, then starts `work` without waiting for it. */
  async submit(work: () => Promise<void>): Promise<void> {
    await this.inFlight;
    this.inFlight = work();
    // A failure surfaces at the next submit or drain; this only keeps it from being "unhandled".
    this.inFlight.catch(() => undefined);
  }

  drain(): Promise<void> {
    return this.inFlight;
  }
}

/** Where an appending seed continues: the next free demo division index, the users by user name. */
interface ExistingRows {
  firstDivision: number;
  users: Map<string, User>;
}

async function existingRows(db: Database): Promise<ExistingRows> {
  const m = db.dataSource.manager;
  const last = await m.getRepository(Division).createQueryBuilder('d').select('MAX(d.code)', 'code').getRawOne<{ code: number | null }>();
  const users = await m.find(User);
  return {
    firstDivision: last?.code === null || last?.code === undefined ? 0 : demoDivisionIndexAfter(Number(last.code)),
    users: new Map(users.map((u) => [u.userName.toLowerCase(), u])),
  };
}

/** What a seed wrote: payments, payment batches and receivables. */
export interface SeedResult {
  payments: number;
  batches: number;
  receivables: number;
}

/** Receivables a seed makes: as asked, else half the payments. */
const receivablesOf = (opts: DemoOptions) => opts.receivables ?? Math.floor(opts.payments / 2);

/** Seed of the receivables' own random stream: other values than the payments', as reproducible. */
const RECEIVABLE_STREAM = 0x5bd1e995;

async function generate(
  opts: DemoOptions,
  existing: ExistingRows,
  bulk: BulkInserter,
  progress: SeedProgress,
  commits: { every: number; commit: () => Promise<void> } | undefined,
): Promise<SeedResult> {
  // Appended divisions draw from their own streams (the seed mixed with the first new division's
  // index): the same --seed again must not repeat the IDs of the rows already there.
  const base = existing.firstDivision === 0 ? opts.seed : (opts.seed + Math.imul(existing.firstDivision, 0x9e3779b1)) >>> 0;
  const random = new Random(base);
  // Receivables draw from a stream of their own, so they leave every payment of a seed as it was.
  const incoming = new Random((base ^ RECEIVABLE_STREAM) >>> 0);
  const pipe = new Pipeline();
  // Demo users already in the database (an appending seed) are reused, never inserted twice.
  const generated = demoUsers(random, new Date(opts.today.getTime() - 900 * 86_400_000));
  const users = generated.map((u) => existing.users.get(u.userName.toLowerCase()) ?? u);
  const newUsers = users.filter((u) => !existing.users.has(u.userName.toLowerCase()));
  if (newUsers.length) await bulk.insert(User, newUsers);
  const receivables = receivablesOf(opts);
  progress.start(opts.payments + receivables);
  let done = 0;
  let receivableCount = 0;
  let sinceCommit = 0;
  let batches = 0;
  let entryNumber = 1;
  // Entries of the sales journal are numbered on their own (as Exact numbers entries per journal).
  let salesEntryNumber = 1;
  const inserted = async (count: number) => {
    done += count;
    sinceCommit += count;
    progress.update(done);
    if (commits && sinceCommit >= commits.every) {
      await pipe.drain();
      await commits.commit();
      sinceCommit = 0;
    }
  };
  for (let d = 0; d < opts.divisions; d++) {
    const set = demoDivision(random, existing.firstDivision + d, users, opts);
    await pipe.submit(async () => {
      await bulk.insert(Division, [set.division]);
      await bulk.insert(GLAccount, [set.glPayables, ...(set.others[0] as GLAccount[])]);
      await bulk.insert(Journal, [set.journal, ...(set.others[1] as Journal[])]);
      await bulk.insert(PaymentCondition, set.conditions);
      await bulk.insert(
        Account,
        set.suppliers.map((s) => s.account),
      );
      await bulk.insert(BankAccount, [...set.ownBanks, ...set.suppliers.map((s) => s.bank)]);
      await bulk.insert(
        Contact,
        set.suppliers.map((s) => s.contact),
      );
    });
    const financial = demoFinancialAccounts(set, users, opts, existing.firstDivision + d);
    await pipe.submit(async () => {
      await bulk.insert(GLAccount, financial.glAccounts);
      await bulk.insert(Journal, financial.journals);
      await bulk.insert(BankEntry, financial.bankEntries);
      await bulk.insert(BankEntryLine, financial.bankLines);
      await bulk.insert(CashEntry, financial.cashEntries);
      await bulk.insert(CashEntryLine, financial.cashLines);
    });
    const count = Math.floor(opts.payments / opts.divisions) + (d < opts.payments % opts.divisions ? 1 : 0);
    // Processed payments wait for the division's batches (which give them their batch code);
    // the others go to the database while the next ones are generated.
    const processed: Payment[] = [];
    for (let start = 0; start < count; start += PROGRESS_STEP) {
      const open: Payment[] = [];
      for (let i = start; i < Math.min(count, start + PROGRESS_STEP); i++) {
        const p = demoPayment(random, set, users, opts, entryNumber++);
        (p.status >= PaymentStatus.PROCESSED ? processed : open).push(p);
      }
      await pipe.submit(() => bulk.insert(Payment, open));
      await inserted(open.length);
    }
    const batchRows = demoBatches(set, processed, users, random, 1, demoPain001, opts.today);
    // Matched payments (Status 50) are among the processed ones.
    const matches = demoMatches(processed);
    batches += batchRows.length;
    await pipe.submit(async () => {
      await bulk.insert(
        Document,
        batchRows.map((b) => b.document),
      );
      await bulk.insert(
        DocumentAttachment,
        batchRows.map((b) => b.attachment),
      );
      await bulk.insert(
        PaymentBatch,
        batchRows.map((b) => b.batch),
      );
      await bulk.insert(Payment, processed);
      await bulk.insert(PaymentMatch, matches);
    });
    await inserted(processed.length);

    const customers = demoCustomers(incoming, set, opts);
    await pipe.submit(async () => {
      await bulk.insert(Journal, [customers.salesJournal]);
      await bulk.insert(
        Account,
        customers.customers.map((c) => c.account),
      );
      await bulk.insert(
        BankAccount,
        customers.customers.map((c) => c.bank),
      );
      await bulk.insert(
        Contact,
        customers.customers.map((c) => c.contact),
      );
    });
    const share = Math.floor(receivables / opts.divisions) + (d < receivables % opts.divisions ? 1 : 0);
    // As for payments: processed receivables wait for the division's collection runs.
    const collected: Receivable[] = [];
    // The others the current account's statements may show paid (matched, or open and paid late).
    const paidIn: Receivable[] = [];
    for (let start = 0; start < share; start += PROGRESS_STEP) {
      const open: Receivable[] = [];
      for (let i = start; i < Math.min(share, start + PROGRESS_STEP); i++) {
        const r = demoReceivable(incoming, set, customers, users, opts, salesEntryNumber++);
        (r.status >= ReceivableStatus.PROCESSED && r.directDebitMandateID ? collected : open).push(r);
        if (!r.directDebitMandateID && (r.status === ReceivableStatus.MATCHED || r.status === ReceivableStatus.OPEN)) paidIn.push(r);
      }
      await pipe.submit(() => bulk.insert(Receivable, open));
      receivableCount += open.length;
      await inserted(open.length);
    }
    const documents = demoCollections(set, collected, users, incoming, batchRows.length + 1);
    await pipe.submit(async () => {
      await bulk.insert(Document, documents);
      await bulk.insert(Receivable, collected);
    });
    receivableCount += collected.length;
    await inserted(collected.length);
    // The current account's year of statements pays what the division's open items say was paid.
    const batchList = batchRows.map((b) => b.batch);
    const year = demoCurrentAccountStatements(
      set,
      customers,
      [...paidIn, ...collected],
      processed,
      batchList,
      users,
      opts,
      existing.firstDivision + d,
    );
    await pipe.submit(async () => {
      await bulk.insert(BankEntry, year.bankEntries);
      await bulk.insert(BankEntryLine, year.bankLines);
    });
  }
  await pipe.drain();
  return { payments: done - receivableCount, batches, receivables: receivableCount };
}

/** Payments generated and handed to the inserter at a time (also the progress bar's step). */
const PROGRESS_STEP = 2_000;
