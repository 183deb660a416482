import { ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { GraphQLResult } from './gateway';

/**
 * The gateway as a separate process, started exactly as `npm start` starts it (same Node flags,
 * src/main.ts start), for tests of several processes on one database.
 */
export interface ServerProcess {
  pid: number;
  baseUrl: string;
  /** The demo key it printed. */
  demoKey: string;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** POSTs GraphQL with the demo key (or the given headers' key). */
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResult<T>>;
  /** Sends `signal` and waits until the process has ended. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export const ROOT = path.resolve(__dirname, '..', '..');
const NODE_ARGS = ['-r', 'ts-node/register/transpile-only', '-r', 'reflect-metadata', 'src/main.ts'];

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts `src/main.ts start` on `databaseUrl` and waits (up to `timeoutMs`) until it printed its demo key. */
export async function startServerProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
  timeoutMs = 90_000,
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...NODE_ARGS, 'start'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: 'true', DEMO_KEY: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const demoKey = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const look = () => {
      const m = /Demo key +(cfk_\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', look);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server ended with ${code}:\n${out}`));
    });
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    pid: child.pid!,
    baseUrl,
    demoKey,
    output: () => out,
    async gql(query, variables, headers = {}) {
      const res = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-api-key': demoKey, ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: any; errors?: any };
      return { status: res.status, data: body.data, errors: body.errors, statements: NaN, headers: res.headers };
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await ended;
    },
  };
}

/** Runs a CLI command (`src/main.ts <args>`) to its end: exit code, stdout and stderr apart. */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return runProcess(process.execPath, [...NODE_ARGS, ...args], env);
}

/** Runs a program in the project folder to its end. */
export function runProcess(
  file: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child: ChildProcess = spawn(file, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
