import { Clock, systemClock } from '../../access/audit';
import { LOCAL_PRINCIPAL } from '../../access/authenticate';
import { DivisionScope } from '../../access/division-scope';
import { Principal } from '../../access/principal';
import { Database } from '../../db/data-source';
import { GatewayError } from '../../platform/errors';
import { Runtime } from '../../platform/runtime';
import { BankEntryLine } from '../financial-accounts/bank-entry-line.entity';
import { ReconciliationActionType } from './match-action.entity';
import { WAITING_STATUSES } from './match-line';
import { settingsOf } from './match-settings';
import { proposeMatches } from './proposal-engine';
import { acceptProposal, learnedIbans, storeProposals } from './proposal-store';

/** What one reconciliation run did: lines looked at, lines that got proposals, lines settled automatically. */
export interface ReconcileResult {
  lines: number;
  proposed: number;
  applied: number;
  /**
   * Lines whose best proposal could not be applied: another action was first (CONFLICT) or it no
   * longer fits (an item changed); they stay on the processing list with their proposals.
   */
  conflicts: number;
}

/** Lines proposed for in one engine call (and one transaction storing their proposals). */
const CHUNK = 500;

/** Who acts in the automatic matching after an import: the local administrator's user, named for the log. */
export const AUTOMATIC_PRINCIPAL: Principal = { ...LOCAL_PRINCIPAL, id: 'reconciliation', name: 'Automatic reconciliation' };

/**
 * Reconciles bank entry lines: asks the engine for proposals (with the IBANs seen on earlier
 * matched lines and each division's threshold), stores them, and applies each line's best
 * proposal when its confidence reaches the division's AutoApplyThreshold (AUTO). Each line is
 * applied in its own transaction, so one line that a person settled meanwhile (CONFLICT), or
 * whose proposal no longer fits, leaves the others alone; it simply stays on the processing list.
 */
export async function reconcileLines(
  scope: DivisionScope,
  principal: Principal,
  lineIDs: string[],
  now: Clock = systemClock,
): Promise<ReconcileResult> {
  const result: ReconcileResult = { lines: lineIDs.length, proposed: 0, applied: 0, conflicts: 0 };
  const thresholds = new Map<number, number>();
  for (let i = 0; i < lineIDs.length; i += CHUNK) {
    const chunk = lineIDs.slice(i, i + CHUNK);
    const lines = await scope.select(BankEntryLine, 'l').where('l.id IN (:...chunk)', { chunk }).getMany();
    for (const d of new Set(lines.map((l) => l.divisionCode))) {
      if (!thresholds.has(d)) thresholds.set(d, Number((await settingsOf(scope, d)).autoApplyThreshold));
    }
    const divisions = [...new Set(lines.map((l) => l.divisionCode))];
    for (const d of divisions) {
      const ids = lines.filter((l) => l.divisionCode === d).map((l) => l.id);
      const narrowed = scope.narrow([d]);
      const proposals = await proposeMatches(narrowed, ids, { learnedIbans, threshold: thresholds.get(d) });
      const stored = await narrowed.transaction((tx) => storeProposals(tx, principal, proposals, now));
      const best = stored.filter((p) => p.rank === 1);
      result.proposed += best.length;
      for (const p of best.filter((b) => Number(b.confidence) >= thresholds.get(d)!)) {
        try {
          await narrowed.transaction((tx) => acceptProposal(tx, principal, p.id, {}, ReconciliationActionType.AUTO, now));
          result.applied++;
        } catch (error) {
          // A refusal of the rules leaves the line to a person; anything else is a fault and stops the run.
          if (!(error instanceof GatewayError)) throw error;
          result.conflicts++;
        }
      }
    }
  }
  return result;
}

/** The lines of the scope booked from `from` to `to` (days, inclusive) that still wait: the on-demand run's lines. */
export async function waitingLines(scope: DivisionScope, from: Date, to: Date): Promise<string[]> {
  const rows = await scope
    .select(BankEntryLine, 'l')
    .select('l.id', 'id')
    .where('l.date >= :from AND l.date <= :to', { from, to })
    .andWhere('(l.reconciliationStatus IS NULL OR l.reconciliationStatus IN (:...waiting))', { waiting: [...WAITING_STATUSES] })
    .orderBy('l.date')
    .addOrderBy('l.id')
    .getRawMany<{ id: string }>();
  return rows.map((r) => r.id);
}

/**
 * Matches the lines of every imported statement once the import is committed (the runtime event
 * statementsImported), as the automatic principal in the statements' divisions. A failure is
 * logged, never thrown into the import; `linesReconciled` tells listeners (tests, metrics) what
 * each run did.
 */
export function reconcileAfterImports(db: Database, runtime: Runtime): void {
  runtime.events.on('statementsImported', ({ entries }) => {
    reconcileEntries(db, entries).then(
      (result) => runtime.events.emit('linesReconciled', { entries, ...result }),
      (error: unknown) => {
        runtime.logger.error({ err: error, entries: entries.length }, 'automatic reconciliation after an import failed');
        runtime.events.emit('linesReconciled', { entries, lines: 0, proposed: 0, applied: 0, conflicts: 0, error });
      },
    );
  });
}

/**
 * Reconciles every line of the given bank entries (just imported) as the automatic principal in
 * their divisions: what the server does after each import, and the import command after its files.
 * `source`: the database (a new scope of the entries' divisions), or a scope to work in, narrowed to
 * them (a GraphQL mutation's transaction, which holds the entries before its commit).
 */
export async function reconcileEntries(
  source: Database | DivisionScope,
  entries: ReadonlyArray<{ divisionCode: number; entryID: string }>,
): Promise<ReconcileResult> {
  const divisions = [...new Set(entries.map((e) => e.divisionCode))];
  const entryIDs = entries.map((e) => e.entryID);
  const scope = source instanceof DivisionScope ? source.narrow(divisions) : new DivisionScope(source, divisions);
  const lines = entryIDs.length
    ? await scope
        .select(BankEntryLine, 'l')
        .select('l.id', 'id')
        .where('l.entryID IN (:...entryIDs)', { entryIDs })
        .getRawMany<{ id: string }>()
    : [];
  return reconcileLines(
    scope,
    AUTOMATIC_PRINCIPAL,
    lines.map((l) => l.id),
  );
}
