import type { DocumentNode } from 'graphql';

/**
 * Counts the work a check does on a GraphQL document without timing it: `document` is wrapped
 * so that every read of a node's `selections` (a walk entering a selection set) is counted. The
 * wrappers are made once per node, so a check that remembers nodes (a Map keyed by a fragment's
 * node) sees the same objects as before. A walk bounded by the size of the document enters each
 * selection set a few times at most; one that expands fragments enters them once per spread.
 */
export function countingVisits(document: DocumentNode): { document: DocumentNode; visits: () => number } {
  let visits = 0;
  const wrappers = new WeakMap<object, object>();
  const wrap = <T extends object>(node: T): T => {
    let proxy = wrappers.get(node) as T | undefined;
    if (!proxy) {
      proxy = new Proxy(node, {
        get(target, key, receiver) {
          if (key === 'selections') visits++;
          const value = Reflect.get(target, key, receiver);
          return value !== null && typeof value === 'object' ? wrap(value) : value;
        },
      });
      wrappers.set(node, proxy);
    }
    return proxy;
  };
  return { document: wrap(document), visits: () => visits };
}

/** Selection sets written in `document` (its size, as the checks walk it). */
export function selectionSetsIn(document: DocumentNode): number {
  let sets = 0;
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if ((node as { kind?: string }).kind === 'SelectionSet') sets++;
    for (const [key, value] of Object.entries(node)) if (key !== 'loc') walk(value);
  };
  walk(document);
  return sets;
}
