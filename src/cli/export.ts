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
import { ExportService, ExportSource, exportSourceKind } from '../modules/exports/export.service';
import { formatNamed } from '../modules/exports/formats';
import { ExportRule, exportError } from '../modules/exports/export.errors';
import { namingOptions } from './options';
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

/** The option each field of an export's errors came from (the SQL layer names the query `query`). */
const OPTION_OF_FIELD = {
  query: 'sql',
  ...Object.fromEntries(['sql', 'graphql', 'list', 'parameters', 'param', 'variables', 'format', 'divisions'].map((o) => [o, o])),
};

const invalid = (field: string, why: string) => exportError(ExportRule.INVALID_VALUE, field, why);

/**
 * `npm run export -- --sql "select ..." --format csv --output out.csv`: the same export as
 * GET /export, as the trusted local user, with progress (rows, rows/s) on stderr. Refusals are
 * those of /export, naming the field (exportCommand prints them naming the option).
 */
export async function runExport(db: Database, runtime: Runtime, options: ExportCommandOptions, out: Writable): Promise<number> {
  const { config } = runtime;
  const format = formatNamed(options.format ?? 'csv');
  if (format !== 'csv' && format !== 'ndjson') {
    throw exportError(ExportRule.INVALID_FORMAT, 'format', `must be csv or ndjson, not ${JSON.stringify(options.format)}`);
  }
  const given = options.parameters !== undefined || (options.param ?? []).length > 0 ? {} : undefined;
  const kind = exportSourceKind({
    sql: options.sql,
    graphql: options.graphql,
    list: options.list,
    parameters: given,
    variables: options.variables,
  });
  const text = (option: 'sql' | 'graphql' | 'list') => {
    const value = options[option]!;
    if (value.trim() === '') throw invalid(option, 'must be a non-empty string');
    return value;
  };
  let source: ExportSource;
  if (kind === 'sql') source = { kind, query: text('sql'), parameters: sqlParameters(options) };
  else if (kind === 'graphql') source = { kind, query: text('graphql'), variables: jsonObject('variables', options.variables) };
  else source = { kind, list: text('list') };

  const ctx = createContext(db, runtime, LOCAL_PRINCIPAL, await grantedDivisions(LOCAL_PRINCIPAL, db));
  const scope = scopeForDivisions(ctx, divisionsParameter(options.divisions));
  const started = Date.now();
  const progress = (rows: number) => {
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    process.stderr.write(`\rexported ${rows.toLocaleString('en')} rows (${Math.round(rows / seconds).toLocaleString('en')} rows/s)   `);
  };
  const data = new ExportService(scope, config).open(source, ctx);
  return writeExport(out, format, data, { source: source.kind, events: runtime.events, onProgress: progress });
}

/** `--parameters '{...}'` and `--param name=value` (values that parse as JSON are taken as such); a name given twice is refused. */
function sqlParameters(options: ExportCommandOptions): Record<string, unknown> {
  const parameters = jsonObject('parameters', options.parameters);
  for (const pair of options.param ?? []) {
    const i = pair.indexOf('=');
    const name = pair.slice(0, i);
    if (i < 1 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw invalid('param', `expected name=value with a parameter name such as status, got ${JSON.stringify(pair)}`);
    }
    if (Object.prototype.hasOwnProperty.call(parameters, name)) throw invalid('param', `the parameter ${name} is given twice`);
    const raw = pair.slice(i + 1);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      value = raw;
    }
    parameters[name] = value;
  }
  return parameters;
}

/** A JSON object option (`--parameters`, `--variables`); absent: {}. */
function jsonObject(option: string, text: string | undefined): Record<string, unknown> {
  if (text === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw invalid(option, `must be a JSON object (${(error as Error).message})`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalid(option, 'must be an object of named values, such as {"status": 20}');
  }
  return value as Record<string, unknown>;
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
    strict: true,
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
    const write = () => (output ? exportToFile(db, runtime, options, output) : runExport(db, runtime, options, process.stdout));
    // Printed as the command line names things: --sql, --divisions, ...
    const rows = await namingOptions(OPTION_OF_FIELD, write);
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
