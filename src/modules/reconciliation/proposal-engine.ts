/**
 * The matching engine as reconciliation uses it: proposeMatches (engine.ts) and its interface
 * (engine-types.ts). Item amounts of a proposal are positive, in the line's currency; batch
 * proposals name PaymentBatches.
 */
export { proposeMatches } from './engine';
export type { LearnedIbans, MatchKind, MatchProposal, MatchReason, ProposeOptions } from './engine-types';
export { DEFAULT_AUTO_THRESHOLD } from './engine-types';
