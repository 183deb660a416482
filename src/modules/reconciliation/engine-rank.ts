import type { MatchProposal } from './engine-types';

/**
 * Ranking and the guards that keep automatic matches unambiguous (issue 13: "a wrong automatic
 * match is worse than none"; Odoo's users complain of the wrong invoice proposed when customer and
 * amount are the same). A proposal reaches the threshold only when nothing else does.
 */

/** Rules whose key names one item exactly: what they find outranks an amount or a name. */
const EXACT_RULES = new Set(['structuredReference', 'endToEndId', 'batch']);
/** Confidence of an exact-reference proposal from which the others on the line are held back. */
const EXACT_FROM = 0.97;
/** Where the others are held back to. */
const HELD_BACK = 0.6;

const KIND_ORDER: Record<MatchProposal['kind'], number> = { batch: 0, payments: 1, receivables: 2, glAccount: 3 };

/** Best first: confidence, then fewer items, then the kind, then the order the rules gave (oldest first within a rule). */
export function rankProposals(proposals: MatchProposal[]): MatchProposal[] {
  return proposals
    .map((p, i) => ({ p, i }))
    .sort(
      (a, b) =>
        b.p.confidence - a.p.confidence || a.p.items.length - b.p.items.length || KIND_ORDER[a.p.kind] - KIND_ORDER[b.p.kind] || a.i - b.i,
    )
    .map(({ p }) => p);
}

const just = (threshold: number) => Math.round((threshold - 0.01) * 1000) / 1000;

/**
 * One line's guards: when an exact reference names the settlement (confidence 0.97 or more),
 * the other proposals drop to 0.6; then, when two different proposals still reach the threshold,
 * both drop just under it, with a reason.
 */
export function guardLine(proposals: MatchProposal[], threshold: number): MatchProposal[] {
  const exact = proposals.filter((p) => p.confidence >= EXACT_FROM && p.reasons.some((r) => EXACT_RULES.has(r.rule)));
  if (exact.length === 1)
    for (const p of proposals)
      if (p !== exact[0] && p.confidence > HELD_BACK) {
        p.confidence = HELD_BACK;
        p.reasons.push({
          rule: 'heldBack',
          fields: [],
          detail: `an exact reference names another settlement (${exact[0].reasons[0].rule})`,
        });
      }
  const automatic = proposals.filter((p) => p.confidence >= threshold);
  if (automatic.length > 1)
    for (const p of automatic) {
      p.confidence = just(threshold);
      p.reasons.push({
        rule: 'ambiguous',
        fields: [],
        detail: `${automatic.length - 1} other proposal(s) of this line reached the threshold too`,
      });
    }
  return proposals;
}

/**
 * Across lines: an item (or batch) in the automatic proposals of two lines (a customer paying one
 * invoice twice) is settled by neither unattended; both drop just under the threshold.
 */
export function guardAcrossLines(all: Map<string, MatchProposal[]>, threshold: number): void {
  const linesOf = new Map<string, MatchProposal[]>();
  for (const proposals of all.values())
    for (const p of proposals)
      if (p.confidence >= threshold)
        for (const item of p.items) {
          const key = `${p.kind}|${item.id}`;
          linesOf.set(key, [...(linesOf.get(key) ?? []), p]);
        }
  for (const [key, proposals] of linesOf) {
    if (new Set(proposals.map((p) => p.lineID)).size < 2) continue;
    for (const p of proposals)
      if (p.confidence >= threshold) {
        p.confidence = just(threshold);
        p.reasons.push({
          rule: 'ambiguous',
          fields: [],
          detail: `item ${key.split('|')[1]} is proposed automatically for other lines too`,
        });
      }
  }
}
