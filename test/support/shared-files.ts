import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Files of ../shared (standards, reference data) are never committed: tests read them as
 * `../shared/...` relative to the project root and skip when they are missing.
 */
export const PROJECT_ROOT = path.resolve(__dirname, '../..');

/** Absolute path of `../shared/<relative>`, or null when it is missing. */
export function sharedFile(relative: string): string | null {
  const candidate = path.resolve(PROJECT_ROOT, '../shared', relative);
  return fs.existsSync(candidate) ? candidate : null;
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
