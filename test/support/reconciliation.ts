import { LOCAL_PRINCIPAL } from '../../src/access/authenticate';
import { DivisionScope } from '../../src/access/division-scope';
import { Database } from '../../src/db/data-source';
import { BankEntryLine } from '../../src/modules/financial-accounts/bank-entry-line.entity';
import { StatementLineToStore } from '../../src/modules/financial-accounts/statement.input';
import { OpenItemWriter } from '../../src/modules/open-items/writes';
import { Receivable } from '../../src/modules/receivables/receivable.entity';
import { RECEIVABLE_KIND } from '../../src/modules/receivables/receivable.kind';
import { MatchProposal } from '../../src/modules/reconciliation/proposal-engine';
import { storeProposals } from '../../src/modules/reconciliation/proposal-store';
import { ReconciliationProposal } from '../../src/modules/reconciliation/proposal-record.entity';
import { ReceivableFixture, validReceivableInput } from './receivables';
import { dayText, ownBankAccount, statement, store } from './statements';

let journals = 0;

/**
 * Bank entry lines for reconciliation tests: one statement per call on a fresh own bank account
 * (so no statement has to connect to another), opening balance 0, the lines as given, dated
 * `day` days after 2026-01-01 (after the receivables' invoice date, before the test's today).
 */
export async function bankLines(
  db: Database,
  division: number,
  lines: (Partial<StatementLineToStore> & { amount: string })[],
  day = 40,
): Promise<BankEntryLine[]> {
  const { iban } = await ownBankAccount(db, division, `RC${++journals}`);
  const stored = await store(db, [division], statement(division, iban, null, dayText(day), '0.00', lines));
  return db.dataSource.getRepository(BankEntryLine).find({ where: { entryID: stored.entry.entryID }, order: { lineNumber: 'ASC' } });
}

/** A receivable of the fixture's Belgian customer for `amount` (EUR, rate 1), invoiced 2026-01-02, straight through the writer. */
export async function receivable(db: Database, f: ReceivableFixture, amount: string, overrides: Record<string, unknown> = {}) {
  const input = validReceivableInput(f, {
    amountFC: amount,
    amountDC: amount,
    invoiceDate: new Date('2026-01-02T00:00:00Z'),
    dueDate: new Date('2026-02-01T00:00:00Z'),
    ...overrides,
  });
  delete input.paymentReference;
  const scope = new DivisionScope(db, [f.division, f.otherDivision]);
  const [row] = await scope.transaction((tx) => new OpenItemWriter(RECEIVABLE_KIND, tx, LOCAL_PRINCIPAL).create([input]));
  return row;
}

/** The receivable as stored now. */
export const receivableNow = (db: Database, id: string) => db.dataSource.manager.findOneByOrFail(Receivable, { id });

/** Every receivable of an account, by amount: what is open and what is matched. */
export async function receivablesOf(db: Database, accountID: string): Promise<Receivable[]> {
  return db.dataSource.manager.find(Receivable, { where: { accountID }, order: { amountFC: 'ASC' } });
}

/** Stores proposals as the engine would make them (through the reconciliation's own storeProposals). */
export async function propose(db: Database, division: number, proposals: MatchProposal[]): Promise<ReconciliationProposal[]> {
  const byLine = new Map<string, MatchProposal[]>();
  for (const p of proposals) byLine.set(p.lineID, [...(byLine.get(p.lineID) ?? []), p]);
  const scope = new DivisionScope(db, [division]);
  return scope.transaction((tx) => storeProposals(tx, LOCAL_PRINCIPAL, byLine));
}

/** A receivables proposal for a line: the items with their amounts, confidence 0.8, one reason. */
export function receivablesProposal(line: BankEntryLine, items: { id: string; amountFC: string }[], confidence = 0.8): MatchProposal {
  return {
    lineID: line.id,
    divisionCode: line.divisionCode,
    kind: 'receivables',
    items,
    accountID: null,
    differenceFC: '0.00',
    confidence,
    reasons: [{ rule: 'amount', fields: ['AmountFC'], detail: 'test proposal' }],
  };
}

/** The columns of a receivable an undo must give back exactly (all but the audit and Version). */
export function restorable(r: Receivable): Record<string, unknown> {
  const { version: _v, modified: _m, modifierID: _mi, ...rest } = r;
  return rest;
}
