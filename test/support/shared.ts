import fs from 'node:fs';
import path from 'node:path';

/**
 * `../shared` from the project root: reference files every developer and CI run has beside the
 * project, which the project must not copy. Tests needing them skip, saying so, when it is absent.
 * SHARED_DIR overrides the location (a git worktree that does not sit beside ../shared).
 */
export const SHARED_DIR = path.resolve(process.env.SHARED_DIR ?? path.resolve(__dirname, '..', '..', '..', 'shared'));

export function sharedFile(relative: string): string | undefined {
  const file = path.join(SHARED_DIR, relative);
  return fs.existsSync(file) ? file : undefined;
}

/** `describe` when ../shared/<relative> exists, otherwise a skipped block and a message why. */
export function describeWithShared(relative: string): jest.Describe {
  if (sharedFile(relative)) return describe;
  console.warn(`Skipped: ${path.join(SHARED_DIR, relative)} is missing (a clone without ../shared); CI always has it.`);
  return describe.skip;
}
