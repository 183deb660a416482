import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';

/**
 * Every installed package runs on the oldest Node the project declares (`engines.node` of
 * package.json): `npm ci` on that Node would otherwise print EBADENGINE warnings, and the package
 * may use APIs the declared Node lacks. Read from package-lock.json, which is what `npm ci`
 * installs. .ci/run also fails on any EBADENGINE line `npm ci` prints.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));

describe('engines', () => {
  const oldest = semver.minVersion(manifest.engines.node)!;

  it('declares a Node version that the README names', () => {
    expect(oldest.version).toBe('20.19.0');
    expect(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain(`Node ${oldest.major}.${oldest.minor}`);
  });

  it('locks only packages whose engines.node allows that version', () => {
    const refusing = Object.entries(lock.packages as Record<string, { version?: string; engines?: { node?: string } | string[] }>)
      .filter(([p, v]) => p !== '' && v.engines && !Array.isArray(v.engines) && v.engines.node)
      .filter(([, v]) => !semver.satisfies(oldest, (v.engines as { node: string }).node, { includePrerelease: true }))
      .map(([p, v]) => `${p}@${v.version} needs node ${(v.engines as { node: string }).node}`);
    expect(refusing).toEqual([]);
  });
});
