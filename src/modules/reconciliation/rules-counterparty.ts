/**
 * Rule 2 of automatic matching (issue 13): who paid. Exact's order: the account's known IBANs
 * (its bank accounts, and IBANs seen on earlier matched lines), then allocation rules, then the
 * name. This file holds the name part: normalisation and a fuzzy comparison that tolerates the
 * way banks and people spell names (case, accents, legal forms, word order, a typo).
 */

/** How the counterparty of a line was found, strongest first. */
export type CounterpartyEvidence = 'iban' | 'learnedIban' | 'allocationRule' | 'name' | 'fuzzyName';

/** What each kind of evidence is worth to a proposal's confidence (0..1, see rules-items.ts). */
export const COUNTERPARTY_WEIGHT: Record<CounterpartyEvidence, number> = {
  iban: 1,
  learnedIban: 0.97,
  allocationRule: 0.97,
  name: 0.93,
  fuzzyName: 0.85,
};

/** Legal forms and filler words that say nothing about who a party is (Belgian, Dutch, French, German, English). */
// prettier-ignore
const NOISE = new Set([
  'bv', 'bvba', 'nv', 'vof', 'cv', 'cvba', 'comm', 'commv', 'vzw', 'asbl', 'sa', 'sprl', 'srl', 'sas', 'sarl', 'sca', 'scrl',
  'gmbh', 'ag', 'kg', 'ohg', 'ug', 'ltd', 'llc', 'inc', 'plc', 'co', 'corp', 'the', 'de', 'het', 'en', 'et', 'und', 'and', 'van', 'der',
  'mr', 'mrs', 'dhr', 'mevr', 'mw', 'm', 'mme',
]);

/** Lower case, accents removed, punctuation to spaces, legal forms dropped, words sorted: `Café De Smet B.V.` -> `cafe smet`. */
export function normaliseName(name: string | null | undefined): string {
  if (!name) return '';
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/(\b[a-z])\.(?=[a-z]\.)/g, '$1') // B.V. -> bv.
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((w) => w && !NOISE.has(w));
  return words.sort().join(' ');
}

/** Character trigrams of a normalised name, padded so that short words count. */
function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  const padded = `  ${text} `;
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

/** Dice coefficient of two trigram sets: 1 for equal texts, 0 for nothing in common. */
export function nameSimilarity(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  const ta = trigrams(a);
  const tb = trigrams(b);
  let common = 0;
  for (const t of ta) if (tb.has(t)) common++;
  return (2 * common) / (ta.size + tb.size);
}

/** Similarity from which two names count as the same party (tolerates one typo in a name of two words). */
export const FUZZY_NAME_MIN = 0.72;
/** How much better the best name must be than the second to be taken. */
const FUZZY_MARGIN = 0.1;

/**
 * The accounts of one division by name: exact after normalisation, else the best fuzzy one when
 * it is clearly better than the next. Built once per division and call.
 */
export class NameIndex {
  readonly #exact = new Map<string, string[]>();
  readonly #byTrigram = new Map<string, Set<number>>();
  readonly #names: { id: string; normalised: string }[] = [];

  constructor(accounts: Iterable<{ id: string; name: string }>) {
    for (const a of accounts) {
      const normalised = normaliseName(a.name);
      if (!normalised) continue;
      const list = this.#exact.get(normalised) ?? [];
      list.push(a.id);
      this.#exact.set(normalised, list);
      const index = this.#names.push({ id: a.id, normalised }) - 1;
      for (const t of trigrams(normalised)) {
        let set = this.#byTrigram.get(t);
        if (!set) this.#byTrigram.set(t, (set = new Set()));
        set.add(index);
      }
    }
  }

  /** The account a name designates, with the evidence: one exact account, or one clearly best fuzzy one; else null. */
  find(name: string | null | undefined): { accountID: string; evidence: 'name' | 'fuzzyName'; similarity: number } | null {
    const normalised = normaliseName(name);
    if (!normalised) return null;
    const exact = this.#exact.get(normalised);
    if (exact) return exact.length === 1 ? { accountID: exact[0], evidence: 'name', similarity: 1 } : null;
    const hits = new Map<number, number>();
    for (const t of trigrams(normalised)) for (const i of this.#byTrigram.get(t) ?? []) hits.set(i, (hits.get(i) ?? 0) + 1);
    let best: { i: number; s: number } | null = null;
    let second = 0;
    for (const i of hits.keys()) {
      const s = nameSimilarity(normalised, this.#names[i].normalised);
      if (!best || s > best.s) {
        second = best?.s ?? 0;
        best = { i, s };
      } else if (s > second) second = s;
    }
    if (!best || best.s < FUZZY_NAME_MIN || best.s - second < FUZZY_MARGIN) return null;
    return { accountID: this.#names[best.i].id, evidence: 'fuzzyName', similarity: best.s };
  }
}
