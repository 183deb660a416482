import { randomUUID } from 'node:crypto';
import { LOCAL_PRINCIPAL } from '../access/authenticate';
import { DivisionScope } from '../access/division-scope';
import { OpenItemStatus } from '../catalog/codes';
import { Database } from '../db/data-source';
import { PaymentBatch } from '../modules/batches/payment-batch.entity';
import { storeStatement } from '../modules/financial-accounts/bank-statement.service';
import { BankEntryLine } from '../modules/financial-accounts/bank-entry-line.entity';
import { GLAccount } from '../modules/gl-accounts/gl-account.entity';
import { Payment } from '../modules/payments/payment.entity';
import { Receivable } from '../modules/receivables/receivable.entity';
import { AllocationRule } from '../modules/reconciliation/allocation-rule.entity';
import { proposeMatches } from '../modules/reconciliation/engine';
import { DEFAULT_AUTO_THRESHOLD, MatchProposal } from '../modules/reconciliation/engine-types';
import { loadDivisionItems } from './labelled-items';
import { generateLabelledStatements, LineLabel } from './labelled-statements';

/**
 * The measured quality of the matching engine (issue 13, "Measured quality"): labelled noisy
 * statements (labelled-statements.ts) are stored as any import stores them, the engine proposes
 * for every line, and each line's proposals are scored against its label. Used by
 * `npm run bench:reconciliation` (bench/reconciliation.ts) and by the lower-bar test.
 *
 * - precision: automatic matches (top proposal at or above the threshold) that are the label's settlement;
 * - coverage: lines with a correct answer (label kind not `none`) matched automatically and rightly;
 * - top three of the rest: of the lines with a correct answer not matched automatically and rightly,
 *   those whose right settlement is among the three best proposals.
 * A proposal is right when it is of the label's kind and settles exactly the label's items (IDs; a
 * `batch` proposal settles its batch's payments), or books the label's G/L account.
 */
export interface QualityReport {
  lines: number;
  answerable: number;
  automatic: number;
  automaticRight: number;
  rest: number;
  restInTop3: number;
  /** Open items (Status below 50, Payments and Receivables) when the engine ran. */
  openItems: number;
  /** Milliseconds of proposeMatches over all lines. */
  proposeMs: number;
  /** Per noise (and `clean`): lines, right automatically, right in the top three, wrong automatic. */
  byNoise: Map<string, { lines: number; automaticRight: number; inTop3: number; automaticWrong: number }>;
}

export interface QualityOptions {
  divisions: number[];
  lines: number;
  seed: number;
  threshold?: number;
  /** Called for each line whose right answer is neither automatic nor in the top three (for looking into misses). */
  onMiss?: (label: LineLabel, proposals: MatchProposal[], lineID: string) => void;
  /** Called with what is being done, for a progress line. */
  progress?: (what: string) => void;
}

/**
 * The allocation rules a bookkeeper sets up before reconciling (as Exact's users do): bank costs
 * by the words of the bank's fee lines. Transfers from and to the own savings account need no
 * rule: the engine knows the division's own accounts (engine-score.ts, ownAccountRule).
 */
export async function setUpAllocationRules(scope: DivisionScope, division: number): Promise<void> {
  const items = await loadDivisionItems(scope, division);
  const gl = async (code: string | null) =>
    code ? await scope.select(GLAccount, 'g').where('g.divisionCode = :division AND g.code = :code', { division, code }).getOne() : null;
  const at = new Date();
  const rule = (description: string, values: Partial<AllocationRule>, priority: number, glAccountID: string) =>
    Object.assign(new AllocationRule(), {
      id: randomUUID(),
      divisionCode: division,
      description,
      words: null,
      counterpartyBankAccount: null,
      accountID: null,
      glAccountID,
      priority,
      created: at,
      creatorID: null,
      modified: at,
      modifierID: null,
      version: 1,
      ...values,
    });
  const rows: AllocationRule[] = [];
  const costs = await gl(items.glCodes.bankCosts);
  if (costs) {
    rows.push(rule('Bank costs', { words: 'kosten' }, 10, costs.id));
    rows.push(rule('Card fee', { words: 'kaartbijdrage' }, 11, costs.id));
  }
  await scope.insert(AllocationRule, rows);
}

/** Generates, stores, proposes and scores; see QualityReport. */
export async function measureReconciliation(db: Database, options: QualityOptions): Promise<QualityReport> {
  const scope = new DivisionScope(db, options.divisions);
  const say = options.progress ?? (() => undefined);
  say(`generating ${options.lines} labelled lines`);
  const set = await generateLabelledStatements(scope, { divisions: options.divisions, lines: options.lines, seed: options.seed });
  say(`storing ${set.statements.length} statements`);
  for (const statement of set.statements) await storeStatement(scope, LOCAL_PRINCIPAL, statement);
  for (const d of options.divisions) await setUpAllocationRules(scope, d);
  const lineOf = new Map<string, string>();
  for (const d of options.divisions) {
    const rows = await scope
      .select(BankEntryLine, 'l')
      .select(['l.id', 'l.bankReference'])
      .where('l.divisionCode = :d AND l.bankReference IS NOT NULL', { d })
      .getMany();
    for (const r of rows) if (set.labels.has(r.bankReference!)) lineOf.set(r.id, r.bankReference!);
  }
  const openItems = (await countOpen(scope, Payment)) + (await countOpen(scope, Receivable));
  say(`proposing for ${lineOf.size} lines against ${openItems} open items`);
  const started = process.hrtime.bigint();
  const proposals = await proposeMatches(scope, [...lineOf.keys()], { limit: 3, threshold: options.threshold });
  const proposeMs = Number(process.hrtime.bigint() - started) / 1e6;
  const right = await rightness(scope, options.divisions);
  const report: QualityReport = {
    lines: lineOf.size,
    answerable: 0,
    automatic: 0,
    automaticRight: 0,
    rest: 0,
    restInTop3: 0,
    openItems,
    proposeMs,
    byNoise: new Map(),
  };
  const threshold = options.threshold ?? DEFAULT_AUTO_THRESHOLD;
  for (const [lineID, reference] of lineOf) {
    const label = set.labels.get(reference)!;
    const list = proposals.get(lineID) ?? [];
    const isRight = (p: MatchProposal) => right(p, label);
    const auto = list[0] && list[0].confidence >= threshold ? list[0] : null;
    const autoRight = auto !== null && isRight(auto);
    const inTop3 = list.slice(0, 3).some(isRight);
    if (auto) report.automatic++;
    if (autoRight) report.automaticRight++;
    if (label.kind !== 'none') {
      report.answerable++;
      if (!autoRight) {
        report.rest++;
        if (inTop3) report.restInTop3++;
        else options.onMiss?.(label, list, lineID);
      }
    }
    for (const noise of label.noise.length ? label.noise : ['clean']) {
      const n = report.byNoise.get(noise) ?? { lines: 0, automaticRight: 0, inTop3: 0, automaticWrong: 0 };
      n.lines++;
      if (autoRight) n.automaticRight++;
      if (inTop3) n.inTop3++;
      if (auto && !autoRight) n.automaticWrong++;
      report.byNoise.set(noise, n);
    }
  }
  return report;
}

async function countOpen(scope: DivisionScope, entity: typeof Payment | typeof Receivable): Promise<number> {
  const row = await scope
    .select(entity as typeof Payment, 'o')
    .select('COUNT(*)', 'n')
    .where('o.status < :matched', { matched: OpenItemStatus.MATCHED })
    .getRawOne<{ n: number | string }>();
  return Number(row?.n ?? 0);
}

/** Whether a proposal is a label's settlement (see QualityReport). */
async function rightness(scope: DivisionScope, divisions: number[]): Promise<(p: MatchProposal, label: LineLabel) => boolean> {
  const glCode = new Map<string, string>();
  for (const g of await scope.select(GLAccount, 'g').select(['g.id', 'g.code', 'g.divisionCode']).getMany()) glCode.set(g.id, g.code);
  const batchPayments = new Map<string, Set<string>>();
  for (const d of divisions) {
    const batches = await scope.select(PaymentBatch, 'b').where('b.divisionCode = :d', { d }).getMany();
    const byCode = new Map(batches.map((b) => [b.cashflowTransactionBatchCode, b.id]));
    const payments = await scope
      .select(Payment, 'p')
      .select(['p.id', 'p.cashflowTransactionBatchCode'])
      // What a batch proposal settles: the batch's payments still processed (engine-types.ts).
      .where('p.divisionCode = :d AND p.cashflowTransactionBatchCode IS NOT NULL AND p.status = :processed', {
        d,
        processed: OpenItemStatus.PROCESSED,
      })
      .getMany();
    for (const p of payments) {
      const id = byCode.get(p.cashflowTransactionBatchCode!);
      if (!id) continue;
      batchPayments.set(id, (batchPayments.get(id) ?? new Set()).add(p.id));
    }
  }
  const sameSet = (a: Iterable<string>, b: string[]) => {
    const x = new Set(a);
    return x.size === b.length && b.every((id) => x.has(id));
  };
  return (p, label) => {
    const wanted = label.items.map((i) => i.id);
    switch (label.kind) {
      case 'none':
        return false;
      case 'glAccount':
        return p.kind === 'glAccount' && !!p.glAccountID && glCode.get(p.glAccountID) === label.glAccountCode;
      case 'batch':
        if (p.kind === 'batch') return p.items.length === 1 && sameSet(batchPayments.get(p.items[0].id) ?? [], wanted);
        return (
          p.kind === 'payments' &&
          sameSet(
            p.items.map((i) => i.id),
            wanted,
          )
        );
      default:
        return (
          p.kind === label.kind &&
          sameSet(
            p.items.map((i) => i.id),
            wanted,
          )
        );
    }
  };
}
