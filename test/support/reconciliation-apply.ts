import { randomUUID } from 'node:crypto';
import { LOCAL_PRINCIPAL } from '../../src/access/authenticate';
import { DivisionScope } from '../../src/access/division-scope';
import { Database } from '../../src/db/data-source';
import { BankEntryLine } from '../../src/modules/financial-accounts/bank-entry-line.entity';
import { StatementLineToStore } from '../../src/modules/financial-accounts/statement.input';
import { OpenItemWriter } from '../../src/modules/open-items/writes';
import { Receivable } from '../../src/modules/receivables/receivable.entity';
import { RECEIVABLE_KIND } from '../../src/modules/receivables/receivable.kind';
import { GLAccount } from '../../src/modules/gl-accounts/gl-account.entity';
import { AllocationRule } from '../../src/modules/reconciliation/allocation-rule.entity';
import { ReconciliationAction } from '../../src/modules/reconciliation/match-action.entity';
import { splitLine } from '../../src/modules/reconciliation/line-split';
import { Dec } from '../../src/platform/decimal';
import { MatchApplier } from '../../src/modules/reconciliation/match-apply.service';
import { ReconciliationMatch, ReconciliationMatchType } from '../../src/modules/reconciliation/match-line.entity';
import { changeSettings } from '../../src/modules/reconciliation/match-settings';
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

/** A customer, G/L account and own bank account of the fixture's other division, for an item there (overrides of `receivable`). */
export async function otherDivisionRefs(db: Database, f: ReceivableFixture) {
  const m = db.dataSource.manager;
  const d = f.otherDivision;
  const account = (await m.query(`SELECT ID AS id FROM Accounts WHERE Division = ${d} AND IsSales = 1 LIMIT 1`))[0].id as string;
  const gl = (await m.findOneBy(GLAccount, { divisionCode: d, type: 20 }))!.id;
  return { accountID: account, accountBankAccountID: null, bankAccountID: null, glAccountID: gl };
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

/**
 * Reconciliation rows in every division, for the isolation tests: per division, proposals on two
 * bank lines, one line ignored, one booked to a G/L account, one split into two parts and settings; plus, in each division,
 * a match naming a receivable and an account of another division (a planted cross-division
 * reference: a join or loader that forgot the division would hand it out).
 */
export async function plantReconciliation(db: Database, divisions: readonly number[]): Promise<void> {
  const m = db.dataSource.manager;
  for (const d of divisions) {
    const scope = new DivisionScope(db, [d]);
    const lines = await m.find(BankEntryLine, { where: { divisionCode: d }, order: { id: 'ASC' }, take: 5 });
    if (lines.length < 5) continue;
    const items = await m.find(Receivable, { where: { divisionCode: d }, take: 2 });
    const gl = await m.findOneByOrFail(GLAccount, { divisionCode: d });
    const proposals = lines.slice(0, 2).map((l, k) =>
      receivablesProposal(
        l,
        items.slice(k, k + 1).map((r) => ({ id: r.id, amountFC: r.amountFC })),
        0.5,
      ),
    );
    await propose(db, d, proposals);
    await scope.transaction((tx) => new MatchApplier(tx, LOCAL_PRINCIPAL).ignore(lines[2].id, 'planted'));
    await scope.transaction((tx) => new MatchApplier(tx, LOCAL_PRINCIPAL).book(lines[3].id, gl.id));
    const whole = new Dec(lines[4].amountFC);
    const cent = whole.isNegative() ? '-0.01' : '0.01';
    const parts = [{ amountFC: whole.minus(cent).toFixed(2) }, { amountFC: cent }];
    await scope.transaction((tx) => splitLine(tx, LOCAL_PRINCIPAL, lines[4].id, parts));
    await scope.transaction((tx) =>
      changeSettings(tx, LOCAL_PRINCIPAL, { divisionCode: d, toleranceFC: '0.50', paymentDifferenceGLAccountID: gl.id }),
    );
    const other = divisions.find((x) => x !== d)!;
    const foreign = await m.findOneBy(Receivable, { divisionCode: other });
    if (!foreign) continue;
    const action = await m.findOneByOrFail(ReconciliationAction, { bankEntryLineID: lines[3].id });
    await m.insert(ReconciliationMatch, {
      id: randomUUID(),
      divisionCode: d,
      actionID: action.id,
      bankEntryLineID: lines[3].id,
      matchType: ReconciliationMatchType.RECEIVABLE,
      receivableID: foreign.id,
      accountID: foreign.accountID,
      amountFC: '0.01',
      created: new Date(),
    });
  }
}

/** One allocation rule per division (on the words "bank fee", to a G/L account of the division), for the isolation tests. */
export async function plantAllocationRules(db: Database, divisions: readonly number[]): Promise<void> {
  const m = db.dataSource.manager;
  for (const d of divisions) {
    const gl = await m.findOneByOrFail(GLAccount, { divisionCode: d });
    const at = new Date();
    await m.insert(AllocationRule, {
      id: randomUUID(),
      divisionCode: d,
      description: 'Bank fees',
      words: 'bank fee',
      counterpartyBankAccount: null,
      accountID: null,
      glAccountID: gl.id,
      priority: 100,
      created: at,
      creatorID: null,
      modified: at,
      modifierID: null,
      version: 1,
    });
  }
}
