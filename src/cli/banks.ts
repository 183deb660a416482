import { parseArgs } from 'node:util';
import { grantedDivisions, LOCAL_PRINCIPAL } from '../access/authenticate';
import { divisionsParameter, scopeForDivisions } from '../context/partition-selection';
import { createContext } from '../context/request-context';
import { closeDatabase, Database } from '../db/data-source';
import { BankConnectionRun } from '../modules/bank-connectors/bank-connection.entity';
import { pullConnection } from '../modules/bank-connectors/bank-sync';
import { connectCodabox } from '../modules/bank-connectors/codabox-connector';
import { BankConnectorConfig, bankConnectorConfigFromEnv } from '../modules/bank-connectors/connector-config';
import { ConnectorContext, storeOf } from '../modules/bank-connectors/connector-context';
import { connectionViews } from '../modules/bank-connectors/connection-views';
import { finishPontoConnect, startPontoConnect } from '../modules/bank-connectors/ponto-connector';
import { followPayments } from '../modules/bank-connectors/payment-follow';
import { pushBatchToPonto } from '../modules/bank-connectors/ponto-push';
import { openGatewayDatabase } from '../modules/entities';
import { Config } from '../platform/config';
import { createRuntime, Runtime } from '../platform/runtime';
import { namingOptions, optionError, UsageError } from './options';

export const BANKS_USAGE = `banks connect codabox --division N --token TOKEN
      connect ponto --division N [--redirect-uri URI]       (prints the URL where the user consents)
      connect ponto --id ID --code CODE [--state S] (with the code Ponto sent to the redirect URI)
      sync [--id ID] [--divisions 1,2]              (pull now; exit status 1 when a pull failed)
      push --id ID --batch BATCH_ID [--redirect-uri URI] [--mode BULK|SINGLE]   (a processed payment batch through Ponto)
      follow [--id ID] [--batch BATCH_ID]          (ask Ponto for the status of the payments sent that are not final)
      list [--divisions 1,2]`;

/** Where the command writes: results on `out` (stdout), progress on `err` (stderr). */
export interface BanksOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

/**
 * `npm run banks -- connect|sync|list`: the bank connectors as the local administrator (all
 * divisions unless --divisions), with progress on stderr. Settings and secrets come from the
 * environment (docs/bank-connectors.md), never from options, so they stay out of shell history.
 * Returns the exit status: 1 when a pull failed (its rule and what to do are printed).
 */
export async function runBanks(
  db: Database,
  runtime: Runtime,
  bank: BankConnectorConfig,
  args: string[],
  io: BanksOutput,
): Promise<number> {
  const [command, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    strict: true,
    allowPositionals: true,
    options: {
      division: { type: 'string' },
      divisions: { type: 'string' },
      token: { type: 'string' },
      id: { type: 'string' },
      code: { type: 'string' },
      state: { type: 'string' },
      'redirect-uri': { type: 'string' },
      description: { type: 'string' },
      batch: { type: 'string' },
      mode: { type: 'string' },
    },
  });
  const request = createContext(db, runtime, LOCAL_PRINCIPAL, await grantedDivisions(LOCAL_PRINCIPAL, db));
  const scope = await namingOptions(['divisions'], async () => scopeForDivisions(request, divisionsParameter(values.divisions)));
  const ctx: ConnectorContext = {
    scope,
    principal: LOCAL_PRINCIPAL,
    config: bank,
    events: runtime.events,
    logger: runtime.logger,
    onProgress: (p) => io.err(`${p.step}: ${p.message}`),
  };
  const division = () => {
    const n = Number(values.division);
    if (!values.division || !Number.isSafeInteger(n)) throw optionError('division', 'the division code (a whole number) is required');
    return n;
  };
  if (command === 'connect' && positionals[0] === 'codabox') {
    if (!values.token) throw optionError('token', 'the one-time token CodaBox mailed is required');
    const made = await namingOptions(['token'], () => connectCodabox(ctx, division(), values.token!, values.description));
    io.out(`Connected division ${made.divisionCode} to CodaBox: connection ${made.id}`);
    return 0;
  }
  const connectionID = values.id;
  if (command === 'connect' && positionals[0] === 'ponto' && connectionID) {
    if (!values.code) throw optionError('code', 'the authorization code Ponto sent to the redirect URI is required');
    const finished = await namingOptions(['code', 'state'], () => finishPontoConnect(ctx, connectionID, values.code!, values.state));
    io.out(`Connected division ${finished.bankConnection.divisionCode} to Ponto: connection ${finished.bankConnection.id}`);
    for (const a of finished.accounts)
      io.out(`  ${a.reference}  ${a.bankAccountID ? 'mapped' : 'NOT MAPPED: not an own bank account of the division'}`);
    return 0;
  }
  if (command === 'connect' && positionals[0] === 'ponto') {
    const redirectUri = values['redirect-uri'];
    const started = await startPontoConnect(ctx, division(), { redirectUri, description: values.description });
    io.out(`Connection ${started.bankConnection.id} waits for consent. Open this address, choose the accounts to share:`);
    io.out(`  ${started.authorizationUrl}`);
    io.out(`then: npm run banks -- connect ponto --id ${started.bankConnection.id} --code <code> --state <state>`);
    return 0;
  }
  if (command === 'sync' && !positionals.length) {
    const store = storeOf(ctx);
    const ids = connectionID ? [(await store.get(connectionID, 'id')).id] : (await store.list()).map((c) => c.id);
    let failed = 0;
    for (const id of ids) {
      const run = await pullConnection(ctx, id);
      io.out(runText(id, run));
      if (run.status === 'FAILED') failed++;
    }
    if (!ids.length) io.out('No bank connections in these divisions.');
    return failed ? 1 : 0;
  }
  if (command === 'push' && !positionals.length) {
    if (!connectionID) throw optionError('id', 'the Ponto connection is required');
    if (!values.batch) throw optionError('batch', 'the processed payment batch is required');
    const mode = values.mode?.toUpperCase() ?? null;
    if (mode !== null && mode !== 'BULK' && mode !== 'SINGLE') throw optionError('mode', 'is BULK or SINGLE');
    const request = { connectionID, batchID: values.batch, redirectUri: values['redirect-uri'], mode: mode as 'BULK' | 'SINGLE' | null };
    const pushed = await namingOptions({ batchID: 'batch', connectionID: 'id', redirectUri: 'redirect-uri' }, () =>
      pushBatchToPonto(ctx, request),
    );
    for (const o of pushed.orders) {
      const what = o.kind === 'BULK' ? `Bulk payment ${o.remoteID}` : `Payment ${o.remoteID} (${o.endToEndID})`;
      io.out(`${what}: ${o.status}. Sign it here: ${o.redirectLink ?? '(Ponto gave no link)'}`);
    }
    if (pushed.run.status === 'FAILED') io.out(`FAILED ${pushed.run.errorCode}: ${pushed.run.message}`);
    return pushed.run.status === 'FAILED' ? 1 : 0;
  }
  if (command === 'follow' && !positionals.length) {
    const followed = await namingOptions({ batchID: 'batch', connectionID: 'id' }, () =>
      followPayments(ctx, { connectionID: connectionID ?? null, batchID: values.batch ?? null }),
    );
    for (const o of followed)
      io.out(`${o.batchID}  ${o.kind.toLowerCase()} payment ${o.remoteID}: ${o.status}${o.finished ? ' (final)' : ''}`);
    if (!followed.length) io.out('No payments waiting for the bank.');
    return 0;
  }
  if (command === 'list' && !positionals.length) {
    const store = storeOf(ctx);
    for (const c of await connectionViews(store, await store.list())) {
      io.out(`${c.id}  division ${c.divisionCode}  ${c.provider}  ${c.status}${c.lastRun ? `  last run ${c.lastRun.status}` : ''}`);
      for (const a of c.accounts)
        io.out(`  ${a.reference ?? a.remoteID}  balance ${a.currentBalance ?? '-'}  pending ${a.pendingTransactions.length}`);
    }
    return 0;
  }
  throw new UsageError(`Usage: ${BANKS_USAGE}`);
}

/** One line of what a pull did, or why it failed (its rule and message). */
export function runText(connectionID: string, run: BankConnectionRun): string {
  const counts =
    `${run.files} files, ${run.transactions} transactions, ${run.statementsCreated} statements stored, ` +
    `${run.statementsAlreadyImported} already imported, ${run.pendingTransactions} pending, ` +
    `${run.linesReconciled} lines reconciled (${run.linesMatched} matched)`;
  return run.status === 'FAILED' ? `${connectionID}: FAILED ${run.errorCode}: ${run.message} (${counts})` : `${connectionID}: ${counts}`;
}

/** `npm run banks -- ...`: opens the database and runs the command. */
export async function banksCommand(config: Config, args: string[]): Promise<void> {
  const db = await openGatewayDatabase(config.databaseUrl);
  try {
    const runtime = createRuntime(config);
    const code = await runBanks(db, runtime, bankConnectorConfigFromEnv(), args, {
      out: (line) => console.log(line),
      err: (line) => console.error(line),
    });
    if (code) process.exitCode = code;
  } finally {
    await closeDatabase(db);
  }
}
