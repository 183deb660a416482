import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { parseArgs } from 'node:util';
import { closeDatabase } from '../db/data-source';
import { openGatewayDatabase } from '../modules/entities';
import { exactConfigFromEnv } from '../modules/exact-online/exact-config';
import { ExactConnector, requireSecretBox } from '../modules/exact-online/exact-connect.service';
import { ExactSync } from '../modules/exact-online/exact-sync.service';
import { Config } from '../platform/config';
import { createLogger } from '../platform/logger';
import { optionError, UsageError } from './options';

/** Usage of `npm run exact -- ...`. */
export const EXACT_USAGE = `npm run exact -- connect --division N [--exact-division M] [--timeout SECONDS]
npm run exact -- sync [--division N] [--full]`;

/**
 * `npm run exact -- connect --division 100101`: the OAuth 2 authorization code flow. Serves the
 * callback (EXACT_REDIRECT_URI, default http://127.0.0.1:8765/exact/callback) on its host and
 * port, prints the URL to open, waits for Exact's redirect (checking `state`), then stores the
 * consent and maps the Exact division (`--exact-division`, default the user's current one).
 *
 * `npm run exact -- sync [--division N] [--full]`: syncs one or every connected division, with
 * progress per endpoint on stderr and one line per division with its outcome; exit status 1 when a
 * run failed.
 */
export async function exactCommand(config: Config, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== 'connect' && sub !== 'sync') throw new UsageError(`exact needs connect or sync\n${EXACT_USAGE}`);
  const { values } = parseArgs({
    args: rest,
    strict: true,
    options: {
      division: { type: 'string' },
      'exact-division': { type: 'string' },
      full: { type: 'boolean', default: false },
      timeout: { type: 'string', default: '300' },
    },
  });
  const division = values.division === undefined ? undefined : whole('division', values.division);
  const exact = exactConfigFromEnv(env);
  const box = requireSecretBox(env);
  // Log lines go to stderr; tokens never reach a log line (they are not logged anywhere).
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, process.stderr);
  const db = await openGatewayDatabase(config.databaseUrl);
  try {
    if (sub === 'connect') {
      if (division === undefined) throw optionError('division', 'required: the gateway division to connect');
      const exactDivision = values['exact-division'] === undefined ? undefined : whole('exact-division', values['exact-division']);
      const connector = new ExactConnector(db, box, exact, logger);
      const state = randomBytes(16).toString('hex');
      const code = await awaitCallback(exact.redirectUri, state, whole('timeout', values.timeout) * 1000, () => {
        process.stdout.write(`Open this URL to connect division ${division} to Exact Online:\n${connector.authorizationUrl(state)}\n`);
      });
      const result = await connector.complete(code, division, exactDivision);
      process.stdout.write(
        `Connected gateway division ${result.division} to Exact division ${result.exactDivision}` +
          ` (user ${result.exactUserName ?? 'unknown'}; divisions available: ${result.available.map((d) => d.code).join(', ')})\n`,
      );
      return;
    }
    const sync = new ExactSync(db, box, exact, logger);
    const divisions = division === undefined ? await sync.connectedDivisions() : [division];
    if (!divisions.length) process.stdout.write('No division is connected to Exact Online (npm run exact -- connect --division N)\n');
    let failed = false;
    for (const d of divisions) {
      const run = await sync.syncDivision(d, {
        full: values.full,
        onProgress: (p) => process.stderr.write(`division ${p.division} ${p.endpoint}: ${p.pages} pages, ${p.rows} rows\n`),
      });
      failed ||= run.state === 'failed';
      process.stdout.write(
        `division ${d}: ${run.state}${run.full ? ' (full)' : ''}; rows in ${run.rowsIn}, changed ${run.rowsChanged}, ` +
          `deleted ${run.rowsDeleted}; calls ${run.calls}${run.lastError ? `; ${run.lastError}` : ''}\n`,
      );
    }
    if (failed) process.exitCode = 1;
  } finally {
    await closeDatabase(db);
  }
}

/** Serves the redirect URI until Exact redirects to it with `code` and our `state`; the code. */
function awaitCallback(redirectUri: string, state: string, timeoutMs: number, ready: () => void): Promise<string> {
  const target = new URL(redirectUri);
  return new Promise((resolve, reject) => {
    const server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', target);
      if (url.pathname !== target.pathname) {
        res.writeHead(404).end();
        return;
      }
      const code = url.searchParams.get('code');
      if (url.searchParams.get('state') !== state || !code) {
        res.writeHead(400, { 'content-type': 'text/plain' }).end('This is not the answer to the connect request.\n');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain' }).end('Connected: you can close this window.\n');
      finish(null, code);
    });
    const timer = setTimeout(() => finish(new UsageError(`no answer from Exact within ${timeoutMs / 1000} s`)), timeoutMs);
    const finish = (error: Error | null, code?: string) => {
      clearTimeout(timer);
      server.close();
      server.closeAllConnections();
      if (error) reject(error);
      else resolve(code!);
    };
    server.on('error', (error) => finish(error));
    server.listen(Number(target.port || 80), target.hostname, ready);
  });
}

function whole(option: string, value: string): number {
  if (!/^\d{1,9}$/.test(value)) throw optionError(option, `must be a whole number, got ${JSON.stringify(value)}`);
  return Number(value);
}
