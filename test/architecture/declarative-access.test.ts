import fs from 'node:fs';
import path from 'node:path';

/**
 * Cross-cutting concerns are declared, not copied into resolvers (issue 10, item 3):
 * - scopes with @RequiresScope / @NoScopeRequired (src/graphql/access.ts), never a requireScope
 *   call in a resolver (test/e2e/access/declared-scopes.test.ts checks every field declares one);
 * - the `divisions` and `idempotencyKey` arguments with @DivisionsArg() and @IdempotencyKeyArg(),
 *   which carry their description once;
 * - errors of the modules that have a vocabulary from that vocabulary (a rule enum mapped to
 *   codes), never an ad hoc badInput/forbidden/notFound/conflict or GatewayError;
 * - decorator files (those importing type-graphql) readable: no line over 140 characters.
 */
const SRC = path.resolve(__dirname, '../../src');
const filesOf = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesOf(path.join(dir, e.name)) : [path.join(dir, e.name)]));
const sources = filesOf(SRC)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: path.relative(SRC, f).split(path.sep).join('/'), text: fs.readFileSync(f, 'utf8') }));

/** Places matching `pattern`, as `file:line: text`. */
function find(files: typeof sources, pattern: RegExp): string[] {
  return files.flatMap(({ file, text }) =>
    text.split('\n').flatMap((line, i) => (pattern.test(line) && !/^\s*(\*|\/\/)/.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
  );
}

describe('declarative access', () => {
  it('checks no scope inside a resolver', () => {
    expect(
      find(
        sources.filter((s) => s.file.endsWith('.resolver.ts')),
        /\brequireScope\b/,
      ),
    ).toEqual([]);
  });

  it('declares the divisions and idempotencyKey arguments only through their decorators', () => {
    expect(find(sources, /Arg\(\s*['"](divisions|idempotencyKey)['"]/)).toEqual([]);
  });

  it('throws the errors of modules with a vocabulary from it', () => {
    const withVocabulary = [
      /^modules\/(payments|receivables|batches|matching|idempotency|open-items|api-keys|sql|exports|catalog|financial-accounts)\//,
      /^sql\//,
      /^access\//,
      /^context\/(partition-selection|require-scope)\.ts$/,
      /^http\/(analytics-routes|bank-file-routes)\.ts$/,
      /^cli\/export\.ts$/,
    ];
    const files = sources.filter((s) => withVocabulary.some((p) => p.test(s.file)));
    const adHoc = find(files, /\b(badInput|forbidden|notFound|conflict)\(|new GatewayError\(/).filter(
      (place) =>
        // Authentication (401 before any module runs) and the statement deadline of the scope are
        // not module rules.
        !/^access\/api-keys\.ts:\d+: return new GatewayError\('UNAUTHENTICATED'/.test(place) &&
        !/^access\/division-scope\.ts:\d+: return new GatewayError\('TIMEOUT'/.test(place),
    );
    expect(adHoc).toEqual([]);
  });

  it('keeps the lines of decorator files within 140 characters', () => {
    const decorated = sources.filter((s) => s.text.includes("from 'type-graphql'"));
    expect(decorated.length).toBeGreaterThan(10);
    const long = decorated.flatMap(({ file, text }) =>
      text.split('\n').flatMap((line, i) => (line.length > 140 ? [`${file}:${i + 1} (${line.length})`] : [])),
    );
    expect(long).toEqual([]);
  });
});
