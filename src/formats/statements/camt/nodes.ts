/**
 * The small element trees the CAMT reader builds: one per `Ntry` and one per other child of
 * `Stmt` (`Acct`, `Bal`, ...), never one of the whole document. Names are local names (a namespace
 * prefix such as `ns2:` dropped), texts exactly as the file gives them (no number coercion).
 */
export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlNode[];
}

/** The first child of that name. */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  if (!node) return undefined;
  for (const c of node.children) if (c.name === name) return c;
  return undefined;
}

/** Every child of that name. */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

/**
 * The node at a path of up to four child names (first match at each step). Fixed parameters, not
 * a rest list: it runs some thirty times per entry, and a list per call is garbage per call.
 */
export function at(node: XmlNode | undefined, a: string, b?: string, c?: string, d?: string): XmlNode | undefined {
  let n = child(node, a);
  if (b !== undefined) n = child(n, b);
  if (c !== undefined) n = child(n, c);
  if (d !== undefined) n = child(n, d);
  return n;
}

/** The trimmed text at a path of up to four child names, or null when the element is missing or empty. */
export function textAt(node: XmlNode | undefined, a: string, b?: string, c?: string, d?: string): string | null {
  const text = at(node, a, b, c, d)?.text;
  if (!text) return null;
  const t = text.trim();
  return t ? t : null;
}

/** The first of several paths that has text (for elements renamed between versions, e.g. BIC and BICFI). */
export function firstText(node: XmlNode | undefined, ...paths: string[][]): string | null {
  for (const p of paths) {
    const t = textAt(node, p[0], p[1], p[2], p[3]);
    if (t !== null) return t;
  }
  return null;
}
