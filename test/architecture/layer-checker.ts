import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The layers of src/, top to bottom. A file may import its own layer and any layer below it,
 * never one above: lower layers must not know the upper ones. `src/main.ts` (the entry point)
 * stands above all of them. Inside `modules/`, each domain folder may import another domain,
 * but never in a circle (see `findCycles`).
 */
export const LAYERS = [
  'cli', // commands; the composition root of every process
  'seed', // demo and benchmark data: may import modules, only the command line imports it
  'http', // the express app, middleware, REST routes
  'modules', // domains: entities, services, thin resolvers
  'graphql', // GraphQL building blocks generated from the catalog, protection, the executor
  'context', // the per-request context, loaders, scope checks
  'query', // list and aggregate planning (SQL only)
  'sql', // the SQL layer: parse, check against the catalog, compile
  'access', // principals, keys, tokens, the division scope
  'db', // data source, dialects, bounded and streamed statements
  'catalog', // tables and columns
  'formats', // pure bank formats and references
  'platform', // config, logger, metrics, errors, dates, decimals, the runtime
] as const;

export interface LayerViolation {
  file: string;
  line: number;
  imported: string;
  reason: string;
}

/** Layer of a project-relative path such as `src/db/x.ts`; undefined outside src/ layers. */
export function layerOf(file: string): number | undefined {
  const m = /^src\/([^/]+)\//.exec(file);
  if (!m) return file === 'src/main.ts' ? -1 : undefined;
  const i = (LAYERS as readonly string[]).indexOf(m[1]);
  return i < 0 ? undefined : i;
}

/** The relative imports (static, dynamic and `export ... from`) of one source text, with lines. */
export function importsOf(file: string, code: string): { spec: string; line: number }[] {
  const sf = ts.createSourceFile(file, code, ts.ScriptTarget.ES2022, true);
  const out: { spec: string; line: number }[] = [];
  const add = (node: ts.Node, spec: ts.Expression | undefined) => {
    if (spec && ts.isStringLiteral(spec) && spec.text.startsWith('.')) {
      out.push({ spec: spec.text, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node, node.moduleSpecifier);
    else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))
    ) {
      add(node, node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** Project-relative path an import resolves to (`src/db/x.ts`, or a folder's index.ts). */
export function resolveImport(root: string, file: string, spec: string): string {
  const base = path.join(path.dirname(file), spec);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(path.join(root, candidate))) return candidate;
  }
  return `${base}.ts`;
}

/** Upward imports of one file, given its source text (tests feed it made-up files). */
export function checkLayers(file: string, code: string, resolve: (spec: string) => string): LayerViolation[] {
  const from = layerOf(file);
  if (from === undefined) return [];
  return importsOf(file, code).flatMap(({ spec, line }) => {
    const target = resolve(spec);
    const to = layerOf(target);
    if (to === undefined || to >= from || from === -1) return [];
    return [{ file, line, imported: target, reason: `${LAYERS[from]}/ may not import ${LAYERS[to]}/ (a layer above it)` }];
  });
}

/** Domain folder of a module file (`src/modules/payments/x.ts` -> `payments`), if any. */
function domainOf(file: string): string | undefined {
  return /^src\/modules\/([^/]+)\//.exec(file)?.[1];
}

/** Circles between domain folders of modules/ (each circle once, as a list of folders). */
export function findCycles(edges: Map<string, Set<string>>): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const walk = (node: string, trail: string[]): void => {
    const at = trail.indexOf(node);
    if (at >= 0) {
      const cycle = trail.slice(at);
      const key = [...cycle].sort().join(' ');
      if (!seen.has(key)) {
        seen.add(key);
        cycles.push([...cycle, node]);
      }
      return;
    }
    for (const next of edges.get(node) ?? []) walk(next, [...trail, node]);
  };
  for (const node of edges.keys()) walk(node, []);
  return cycles;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Every upward import and every circle between module domains in the project at `root`. */
export function checkProject(root: string): { violations: LayerViolation[]; cycles: string[][] } {
  const violations: LayerViolation[] = [];
  const edges = new Map<string, Set<string>>();
  for (const abs of sourceFiles(path.join(root, 'src'))) {
    const file = path.relative(root, abs).split(path.sep).join('/');
    const code = fs.readFileSync(abs, 'utf8');
    const resolve = (spec: string) => resolveImport(root, file, spec);
    violations.push(...checkLayers(file, code, resolve));
    const from = domainOf(file);
    if (!from) continue;
    for (const { spec } of importsOf(file, code)) {
      const to = domainOf(resolve(spec));
      if (to && to !== from) {
        if (!edges.has(from)) edges.set(from, new Set());
        edges.get(from)!.add(to);
      }
    }
  }
  return { violations, cycles: findCycles(edges) };
}

export const formatLayerViolation = (v: LayerViolation) => `${v.file}:${v.line} imports ${v.imported}: ${v.reason}`;
