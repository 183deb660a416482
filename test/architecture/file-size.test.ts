import fs from 'node:fs';
import path from 'node:path';

/** Small files with short lines: no source file over 400 lines, no line over 140 characters. */
const ROOT = path.resolve(__dirname, '..', '..');
const MAX_LINES = 400;
const MAX_WIDTH = 140;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

describe('architecture: files in src/ stay small', () => {
  const files = sourceFiles(path.join(ROOT, 'src')).map((f) => ({
    name: path.relative(ROOT, f),
    lines: fs.readFileSync(f, 'utf8').split('\n'),
  }));

  it(`has no file over ${MAX_LINES} lines`, () => {
    expect(files.filter((f) => f.lines.length > MAX_LINES).map((f) => `${f.name}: ${f.lines.length} lines`)).toEqual([]);
  });

  it(`has no line over ${MAX_WIDTH} characters`, () => {
    const long = files.flatMap((f) => f.lines.flatMap((l, i) => (l.length > MAX_WIDTH ? [`${f.name}:${i + 1}: ${l.length}`] : [])));
    expect(long).toEqual([]);
  });
});
