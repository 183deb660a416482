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
import { namingOptions, optionError } from './options';
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
 * `npm run export -- --sql "select ..." --format csv > out.csv`: the same export as
 * GET /export, as the trusted local user, with progress (rows, rows/s) on stderr.
 */
export async function runExport(db: Database, runtime: Runtime, options: ExportCommandOptions, out: Writable): Promise<number> {
  const { config } = runtime;
  const format = formatNamed(options.format ?? 'csv');
  if (format !== 'csv' && format !== 'ndjson') throw optionError('format', `must be csv or ndjson, not ${JSON.stringify(options.format)}`);
  const given = options.parameters !== undefined || (options.param ?? []).length > 0 ? {} : undefined;
  const kind = await namingOptions(['sql', 'graphql', 'list', 'parameters', 'variables'], async () =>
    exportSourceKind({ sql: options.sql, graphql: options.graphql, list: options.list, parameters: given, variables: options.variables }),
  );
  const text = (option: 'sql' | 'graphql' | 'list') => {
    const value = options[option]!;
    if (value.trim() === '') throw optionError(option, 'must not be empty');
    return value;
  };
  let source: ExportSource;
  if (kind === 'sql') source = { kind, query: text('sql'), parameters: sqlParameters(options) };
  else if (kind === 'graphql') source = { kind, query: text('graphql'), variables: jsonObject('variables', options.variables) };
  else source = { kind, list: text('list') };

  const ctx = createContext(db, runtime, LOCAL_PRINCIPAL, await grantedDivisions(LOCAL_PRINCIPAL, db));
  const scope = await namingOptions(['divisions'], async () => scopeForDivisions(ctx, divisionsParameter(options.divisions)));
  const started = Date.now();
  const progress = (rows: number) => {
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    process.stderr.write(`\rexported ${rows.toLocaleString('en')} rows (${Math.round(rows / seconds).toLocaleString('en')} rows/s)   `);
  };
  // The SQL layer names the query `query`, a list export `list`: here they are --sql and --list.
  const fields = { query: kind, sql: 'sql', graphql: 'graphql', list: 'list', parameters: 'parameters', variables: 'variables' };
  return namingOptions(fields, async () => {
    const data = new ExportService(scope, config).open(source, ctx);
    return writeExport(out, format, data, { source: source.kind, events: runtime.events, onProgress: progress });
  });
}

/** `--parameters '{...}'` and `--param name=value` (values that parse as JSON are taken as such); a name given twice is refused. */
function sqlParameters(options: ExportCommandOptions): Record<string, unknown> {
  const parameters = jsonObject('parameters', options.parameters);
  for (const pair of options.param ?? []) {
    const i = pair.indexOf('=');
    const name = pair.slice(0, i);
    if (i < 1 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw optionError('param', `expected name=value with a parameter name such as status, got ${JSON.stringify(pair)}`);
    }
    if (Object.prototype.hasOwnProperty.call(parameters, name)) throw optionError('param', `the parameter ${name} is given twice`);
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
    throw optionError(option, `is not JSON (${(error as Error).message})`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw optionError(option, 'must be a JSON object, such as {"status": 20}');
  }
  return value as Record<string, unknown>;
}

/** `npm run export -- --sql ... | --graphql ... | --list ...`: parses the options, streams to stdout. */
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
    },
  });
  // `npm run export ... | head` closes stdout early: stop quietly, as other Unix tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const db = await openGatewayDatabase(config.databaseUrl);
  try {
    const rows = await runExport(db, createRuntime(config), values, process.stdout);
    process.stderr.write(`\nExported ${rows} rows\n`);
  } finally {
    await closeDatabase(db);
  }
}
