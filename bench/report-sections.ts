import fs from 'node:fs';

/**
 * docs/benchmarks.md is written by more than one benchmark: bench/run.ts writes the whole file,
 * the others (bench/financial-accounts.ts) one section each between markers. A section is kept
 * when run.ts rewrites the file, and replaced in place (or appended) by its own benchmark.
 *
 *   <!-- section:financial-accounts -->
 *   ...
 *   <!-- /section:financial-accounts -->
 */
const SECTION = /<!-- section:([a-z-]+) -->[\s\S]*?<!-- \/section:\1 -->\n?/g;

/** `markdown` followed by the marked sections of the file at `file` (if any), unchanged. */
export function withKeptSections(file: string, markdown: string): string {
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const sections = [...old.matchAll(SECTION)].map((m) => m[0].trimEnd());
  return sections.length ? `${markdown.trimEnd()}\n\n${sections.join('\n\n')}\n` : markdown;
}

/** Writes `body` as the section `name` of the file at `file`: in its place, or at the end. */
export function writeSection(file: string, name: string, body: string): void {
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const section = `<!-- section:${name} -->\n${body.trim()}\n<!-- /section:${name} -->\n`;
  const pattern = new RegExp(`<!-- section:${name} -->[\\s\\S]*?<!-- /section:${name} -->\\n?`);
  fs.writeFileSync(file, pattern.test(old) ? old.replace(pattern, section) : `${old.trimEnd()}\n\n${section}`);
}
