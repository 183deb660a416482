import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Files of /work/shared (standards, reference data) are never committed: tests read them as
 * `../shared/...` relative to the project root and skip when they are missing. From a git worktree
 * (whose `.git` is a file pointing into the main checkout) the main checkout's `../shared` counts too.
 */
export const PROJECT_ROOT = path.resolve(__dirname, '../..');

function mainCheckoutRoot(): string | null {
  const dotGit = path.join(PROJECT_ROOT, '.git');
  try {
    if (!fs.statSync(dotGit).isFile()) return null;
    const gitdir = /^gitdir:\s*(.+)$/m.exec(fs.readFileSync(dotGit, 'utf8'))?.[1]?.trim();
    // <main>/.git/worktrees/<name>
    return gitdir ? path.resolve(PROJECT_ROOT, gitdir, '../../..') : null;
  } catch {
    return null;
  }
}

/** Absolute path of `../shared/<relative>`, or null when no shared directory holds it. */
export function sharedFile(relative: string): string | null {
  const roots = [PROJECT_ROOT, mainCheckoutRoot()].filter((r): r is string => !!r);
  for (const root of roots) {
    const candidate = path.resolve(root, '../shared', relative);
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/** `describe` when ../shared/<relative> exists, otherwise a skipped block and a message saying why. */
export function describeWithShared(relative: string): jest.Describe {
  if (sharedFile(relative)) return describe;
  console.warn(`Skipped: ../shared/${relative} is missing (a clone without ../shared); CI always has it.`);
  return describe.skip;
}

/** Fails loudly when a Debian tool the tests rely on is missing (`.ci/run` installs them). */
export function requireTool(command: string, debianPackage: string): void {
  const found = spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
  if (!found) throw new Error(`${command} is not installed: apt-get update && apt-get install -y ${debianPackage}`);
}

/** xmllint's verdict on a document against an XSD: ok, or its error lines. */
export function validateAgainstXsd(xml: string, xsdPath: string): { ok: boolean; errors: string } {
  requireTool('xmllint', 'libxml2-utils');
  const run = spawnSync('xmllint', ['--noout', '--schema', xsdPath, '-'], { input: xml, encoding: 'utf8' });
  return { ok: run.status === 0, errors: run.stderr };
}
