/**
 * A pure function's answers remembered per key, at most `limit` of them: when full, all are
 * forgotten at once (no order kept per use, so a hit costs one Map look-up). For hot paths whose
 * inputs repeat, such as a statement's days and counterparties or a load's timestamps. An answer
 * `compute` throws for is not kept: the next call throws again. `undefined` answers are not kept.
 * Not lru-cache (db/raw-rows.ts uses it for a few hundred hydrators): an LRU moves its entry on
 * every hit, where these paths look up several keys per statement line.
 */
export class BoundedMemo<K, V> {
  readonly #answers = new Map<K, V>();

  constructor(private readonly limit: number) {}

  /** The answer for `key`, computed by `compute(key)` the first time (and again once forgotten). */
  get(key: K, compute: (key: K) => V): V {
    let answer = this.#answers.get(key);
    if (answer === undefined) {
      answer = compute(key);
      if (this.#answers.size >= this.limit) this.#answers.clear();
      this.#answers.set(key, answer);
    }
    return answer;
  }
}
