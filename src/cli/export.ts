import fs from 'node:fs';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { closeDatabase } from '../db/data-source';
import { openGatewayDatabase } from '../modules/entities';
import { Config } from '../platform/config';
import { createRuntime } from '../platform/runtime';
import { LOCAL_PRINCIPAL, grantedDivisions } from '../access/authenticate';
import { Runtime } from '../platform/runtime';
import { createContext } from '../context/request-context';
import { divisionsParameter, scopeForDivisions } from '../context/partition-selection';
import { Database } from '../db/data-source';
import { ExportRule, exportError } from '../modules/exports/export.errors';
import { ExportService, ExportSource } from '../modules/exports/export.service';
import { formatFrom } from '../modules/exports/formats';
import { writeExport } from '../modules/exports/write-export';

export interface ExportCommandOptions {
  sql?: string;
  /** A GraphQL list query (one root list field with `nodes { ... }`); `--variables` as JSON. */
  graphql?: string;
  variables?: string;
  list?: string;
  format?: string;
  /** Comma-separated division codes (default: all of the local principal's). */
  divisions?: string;
  /** `name=value` pairs; values that parse as JSON (numbers, true, null) are taken as such. */
  param?: string[];
  /** The parameters as one JSON object. */
  parameters?: string;
}

/**
 * `npm run export -- --sql "select ..." --format csv --output out.csv`: the same export as
 * GET /export, as the trusted local user, with progress (rows, rows/s) on stderr.
 */
export async function runExport(db: Database, runtime: Runtime, options: ExportCommandOptions, out: Writable): Promise<number> {
  const { config } = runtime;
  const format = formatFrom(options.format ?? 'csv', undefined);
  if (!format) throw exportError(ExportRule.INVALID_FORMAT, 'format', 'must be csv or ndjson');
  const parameters: Record<string, unknown> = options.parameters ? JSON.parse(options.parameters) : {};
  for (const pair of options.param ?? []) {
    const i = pair.indexOf('=');
    if (i < 1) throw exportError(ExportRule.INVALID_VALUE, 'param', `expected name=value, got ${pair}`);
    const raw = pair.slice(i + 1);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      value = raw;
    }
    parameters[pair.slice(0, i)] = value;
  }
  let source: ExportSource;
  if (options.sql) source = { kind: 'sql', query: options.sql, parameters };
  else if (options.graphql) source = { kind: 'graphql', query: options.graphql, variables: options.variables ? JSON.parse(options.variables) : {} };
  else if (options.list) source = { kind: 'list', list: options.list };
  else {
    throw exportError(ExportRule.NO_SOURCE, 'sql', 'give --sql "select ...", --graphql "{ payments { nodes { id } } }" or --list payments');
  }

  const ctx = createContext(db, runtime, LOCAL_PRINCIPAL, await grantedDivisions(LOCAL_PRINCIPAL, db));
  const scope = scopeForDivisions(ctx, divisionsParameter(options.divisions));
  const data = new ExportService(scope, config).open(source, ctx);
  const started = Date.now();
  const progress = (rows: number) => {
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    process.stderr.write(`\rexported ${rows.toLocaleString('en')} rows (${Math.round(rows / seconds).toLocaleString('en')} rows/s)   `);
  };
  return writeExport(out, format, data, { source: source.kind, events: runtime.events, onProgress: progress });
}

/**
 * `npm run export -- --sql ... | --graphql ... | --list ... [--output <file>]`: parses the
 * options and streams to `--output` or to stdout. With --output nothing but the rows reaches the
 * file (`npm run` prints its banner on stdout, so `> file` would start with it); the rows go to
 * `<file>.partial` first and it is renamed when the export is complete, so a failed export never
 * leaves a truncated file behind.
 */
export async function exportCommand(config: Config, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      sql: { type: 'string' },
      graphql: { type: 'string' },
      variables: { type: 'string' },
      list: { type: 'string' },
      format: { type: 'string', default: 'csv' },
      divisions: { type: 'string' },
      param: { type: 'string', multiple: true, default: [] },
      parameters: { type: 'string' },
      output: { type: 'string', short: 'o' },
    },
  });
  // `npm run export ... | head` closes stdout early: stop quietly, as other Unix tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const { output, ...options } = values;
  const db = await openGatewayDatabase(config.databaseUrl);
  try {
    const runtime = createRuntime(config);
    const rows = output ? await exportToFile(db, runtime, options, output) : await runExport(db, runtime, options, process.stdout);
    process.stderr.write(`\nExported ${rows} rows${output ? ` to ${output}` : ''}\n`);
  } finally {
    await closeDatabase(db);
  }
}

/** The export written to `file` (via `<file>.partial`, renamed once complete); the row count. */
export async function exportToFile(db: Database, runtime: Runtime, options: ExportCommandOptions, file: string): Promise<number> {
  const partial = `${file}.partial`;
  const out = fs.createWriteStream(partial);
  try {
    const rows = await runExport(db, runtime, options, out);
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    await fs.promises.rename(partial, file);
    return rows;
  } catch (error) {
    out.destroy();
    await fs.promises.rm(partial, { force: true });
    throw error;
  }
}
