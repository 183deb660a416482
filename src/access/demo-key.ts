import os from 'node:os';
import { Database } from '../db/data-source';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys';
import { SCOPES } from './principal';

/** Every demo key's name starts with this; keys of older versions are named exactly this. */
export const DEMO_KEY_NAME = 'demo (npm start)';

/** The server a demo key belongs to: the host name and process id of the `npm start` that made it. */
export interface DemoKeyOwner {
  host: string;
  pid: number;
}

/** This process as a demo key owner. */
export function thisProcess(): DemoKeyOwner {
  return { host: os.hostname(), pid: process.pid };
}

/** True while a process with `pid` exists on this host (EPERM: it exists, owned by someone else). */
export function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** `demo (npm start) on <host>, pid <pid>`, within the 100 characters a key name may have. */
export function demoKeyName(owner: DemoKeyOwner): string {
  return `${DEMO_KEY_NAME} on ${owner.host.slice(0, 50)}, pid ${owner.pid}`;
}

/** The owner a demo key's name records; `legacy` for a key of an older version (no owner); undefined for other keys. */
export function demoKeyOwner(name: string): DemoKeyOwner | 'legacy' | undefined {
  if (name === DEMO_KEY_NAME) return 'legacy';
  const m = /^demo \(npm start\) on (.*), pid (\d+)$/.exec(name);
  return m ? { host: m[1], pid: Number(m[2]) } : undefined;
}

/**
 * The key `npm start` prints on a demo database: all divisions, all scopes, named after the
 * server that made it (host and pid). Secrets cannot be shown again, so each start makes a new
 * one. The rule that keeps demo keys from piling up without taking a running server's key away:
 * a demo key lives as long as its server. The server revokes its own key when it stops cleanly
 * (src/cli/start.ts), and a start revokes the demo keys of servers on this host that are no
 * longer running (killed, crashed), and those of older versions, which name no server. Demo keys
 * of other hosts (servers sharing a MariaDB database) are left to their own servers.
 */
export async function freshDemoKey(
  db: Database,
  owner: DemoKeyOwner = thisProcess(),
  isRunning: (pid: number) => boolean = processIsRunning,
): Promise<{ id: string; secret: string }> {
  for (const k of await listApiKeys(db)) {
    if (k.revoked) continue;
    const of = demoKeyOwner(k.name);
    // A key with this process's own pid is from an earlier process that had the same pid.
    const ofThisHost = of !== undefined && of !== 'legacy' && of.host === owner.host.slice(0, 50);
    const stale = of === 'legacy' || (ofThisHost && (of.pid === owner.pid || !isRunning(of.pid)));
    if (stale) await revokeApiKey(db, k.id);
  }
  const { key, secret } = await createApiKey(db, { name: demoKeyName(owner), divisions: 'all', scopes: SCOPES, createdBy: 'npm start' });
  return { id: key.id, secret };
}
