import { ObjectLiteral } from 'typeorm';
import { Database } from '../data-source';
import { ENTITIES } from '../entities';
import { Division } from '../../modules/divisions/division.entity';
import { PaymentBatch } from '../../modules/batches/payment-batch.entity';
import { PaymentMatch } from '../../modules/matching/payment-match.entity';
import { Payment } from '../../modules/payments/payment.entity';
import { demoPain001 } from './demo-bank-file';
import { demoMatches } from './demo-matches';
import { DemoBankFile, demoBatches, demoDivision, demoPayment, DemoOptions, demoUsers } from './demo-data';
import { Random } from './random';

export interface SeedProgress {
  start(total: number): void;
  update(done: number): void;
  stop(): void;
}

const SILENT: SeedProgress = { start() {}, update() {}, stop() {} };

/** Bank file of each demo batch: a real pain.001.001.03 made by the SEPA writer (replaceable in tests). */
export let demoBankFile: DemoBankFile = demoPain001;

export function setDemoBankFile(writer: DemoBankFile): void {
  demoBankFile = writer;
}

/** True when the database holds no division yet (a fresh demo database). */
export async function isEmpty(db: Database): Promise<boolean> {
  return (await db.dataSource.getRepository(Division).count()) === 0;
}

/** Removes every row of every Cashflow table (children first). */
export async function clearAll(db: Database): Promise<void> {
  for (const entity of [...ENTITIES].reverse()) await db.dataSource.createQueryBuilder().delete().from(entity).execute();
}

/**
 * Fills the database with deterministic demo data: `divisions` divisions with suppliers, bank
 * accounts, G/L accounts, journals, payment conditions, `payments` payments spread over them in
 * every status, and batches for the processed ones. Inserts in multi-row batches.
 */
export async function seed(db: Database, opts: DemoOptions, progress: SeedProgress = SILENT): Promise<{ payments: number; batches: number }> {
  const random = new Random(opts.seed);
  const chunk = db.dialect.kind === 'sqlite' ? 400 : 1000;
  const insert = async (entity: Function, rows: ObjectLiteral[]) => {
    for (let i = 0; i < rows.length; i += chunk) {
      await db.dataSource.createQueryBuilder().insert().into(entity).values(rows.slice(i, i + chunk)).updateEntity(false).execute();
    }
  };
  const users = demoUsers(random, new Date(opts.today.getTime() - 900 * 86_400_000));
  await insert(users[0].constructor, users);
  progress.start(opts.payments);
  let done = 0;
  let batches = 0;
  let entryNumber = 1;
  for (let d = 0; d < opts.divisions; d++) {
    const set = demoDivision(random, d, users, opts);
    await insert(Division, [set.division]);
    await insert(set.glPayables.constructor, [set.glPayables, ...set.others[0]]);
    await insert(set.journal.constructor, [set.journal, ...set.others[1]]);
    await insert(set.conditions[0].constructor, set.conditions);
    await insert(set.suppliers[0].account.constructor, set.suppliers.map((s) => s.account));
    await insert(set.ownBanks[0].constructor, [...set.ownBanks, ...set.suppliers.map((s) => s.bank)]);
    await insert(set.suppliers[0].contact.constructor, set.suppliers.map((s) => s.contact));
    const count = Math.floor(opts.payments / opts.divisions) + (d < opts.payments % opts.divisions ? 1 : 0);
    // Generate a division at a time: batches group its processed payments, memory stays bounded.
    const payments: Payment[] = [];
    for (let i = 0; i < count; i++) payments.push(demoPayment(random, set, users, opts, entryNumber++));
    const batchRows = demoBatches(set, payments, users, random, 1, demoBankFile);
    if (batchRows.length) {
      await insert(batchRows[0].document.constructor, batchRows.map((b) => b.document));
      await insert(batchRows[0].attachment.constructor, batchRows.map((b) => b.attachment));
      await insert(PaymentBatch, batchRows.map((b) => b.batch));
    }
    batches += batchRows.length;
    for (let i = 0; i < payments.length; i += chunk) {
      await insert(Payment, payments.slice(i, i + chunk));
      done += Math.min(chunk, payments.length - i);
      progress.update(done);
    }
    const matches = demoMatches(payments);
    for (let i = 0; i < matches.length; i += chunk) await insert(PaymentMatch, matches.slice(i, i + chunk));
  }
  progress.stop();
  return { payments: done, batches };
}
