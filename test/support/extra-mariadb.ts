import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';

/**
 * A MariaDB server of a test's own, for what the shared one cannot be set to without changing it
 * for every suite running beside it (server-wide variables such as local_infile): a fresh data
 * directory (mariadb-install-db), a free port on 127.0.0.1, root without a password, the given
 * server options. Stopped and removed by `stop`.
 */
export interface ExtraMariaDb {
  /** `mysql://root@127.0.0.1:PORT` */
  url: string;
  stop(): Promise<void>;
}

const SERVER = '/usr/sbin/mariadbd';

/** Why an extra server cannot be started here (no binaries), or null when it can. */
export function extraMariaDbMissing(): string | null {
  if (!fs.existsSync(SERVER)) return `${SERVER} is not installed`;
  if (spawnSync('mariadb-install-db', ['--help'], { stdio: 'ignore' }).error) return 'mariadb-install-db is not installed';
  return null;
}

/** Starts a server with `options` (e.g. `['--local-infile=0']`); resolves once it answers (within 30 s: a loaded CI machine starts it slowly). */
export async function startExtraMariaDb(options: string[]): Promise<ExtraMariaDb> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfgt-mariadb-'));
  const data = path.join(dir, 'data');
  const user = os.userInfo().username;
  const install = spawnSync(
    'mariadb-install-db',
    ['--no-defaults', `--datadir=${data}`, `--user=${user}`, '--auth-root-authentication-method=normal', '--skip-test-db'],
    { encoding: 'utf8' },
  );
  if (install.status !== 0) throw new Error(`mariadb-install-db failed: ${install.stderr || install.stdout}`);
  const port = await freePort();
  const server = spawn(
    SERVER,
    [
      '--no-defaults',
      `--datadir=${data}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      `--socket=${path.join(dir, 'mariadb.sock')}`,
      `--pid-file=${path.join(dir, 'mariadb.pid')}`,
      `--log-error=${path.join(dir, 'error.log')}`,
      `--user=${user}`,
      '--innodb-buffer-pool-size=64M',
      '--skip-log-bin',
      ...options,
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const url = `mysql://root@127.0.0.1:${port}`;
  const stop = async () => {
    server.kill('SIGTERM');
    await exited;
    fs.rmSync(dir, { recursive: true, force: true });
  };
  for (let attempt = 0; ; attempt++) {
    try {
      const c = await createConnection(url);
      await c.end();
      return { url, stop };
    } catch (error) {
      if (attempt >= 300 || server.exitCode !== null) {
        const log = fs.existsSync(path.join(dir, 'error.log')) ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8') : '';
        await stop();
        throw new Error(`the extra MariaDB server did not start: ${(error as Error).message}\n${log.slice(-2000)}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** A TCP port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
