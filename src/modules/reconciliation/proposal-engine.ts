import type { DivisionScope } from '../../access/division-scope';

/**
 * The matching engine's interface as reconciliation uses it (the engine itself is engine*.ts,
 * rules-*.ts, candidates*.ts). Until the engine is merged, `proposeMatches` proposes nothing, so
 * every line waits on the processing list.
 */
export type MatchKind = 'receivables' | 'payments' | 'batch' | 'glAccount';

export interface MatchReason {
  rule: string;
  fields: string[];
  detail: string;
}

/** One settlement a bank line could be (see the engine's engine-types.ts). Item amounts are positive, in the line's currency. */
export interface MatchProposal {
  lineID: string;
  divisionCode: number;
  kind: MatchKind;
  items: { id: string; amountFC: string }[];
  glAccountID?: string | null;
  accountID?: string | null;
  differenceFC: string;
  confidence: number;
  reasons: MatchReason[];
}

export type LearnedIbans = (scope: DivisionScope, divisionCode: number, ibans: string[]) => Promise<Map<string, string[]>>;

export interface ProposeOptions {
  limit?: number;
  asOf?: Date;
  learnedIbans?: LearnedIbans;
  threshold?: number;
}

/** The engine's proposals for `lineIDs`, best first per line. */
export async function proposeMatches(
  _scope: DivisionScope,
  lineIDs: string[],
  _options: ProposeOptions = {},
): Promise<Map<string, MatchProposal[]>> {
  return new Map(lineIDs.map((id) => [id, []]));
}
