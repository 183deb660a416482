import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { grantedDivisions, LOCAL_PRINCIPAL } from '../access/authenticate';
import { divisionsParameter, scopeForDivisions } from '../context/partition-selection';
import { createContext } from '../context/request-context';
import { closeDatabase, Database } from '../db/data-source';
import { openGatewayDatabase } from '../modules/entities';
import { formatNamed } from '../modules/statement-import/import-files';
import { reconcileEntries } from '../modules/reconciliation/match-auto';
import { StatementImportService } from '../modules/statement-import/statement-import.service';
import type { ImportProgress, ImportSummary } from '../modules/statement-import/statement-import.types';
import { Config } from '../platform/config';
import { createRuntime, Runtime } from '../platform/runtime';
import { namingOptions, UsageError } from './options';
import { progressBar } from './progress';

const USAGE = 'import statements FILE... [--accept-gap] [--format coda|camt053|mt940] [--divisions 1,2]';

export interface ImportCommandOptions {
  files: string[];
  acceptGap?: boolean;
  format?: string;
  divisions?: string;
}

/**
 * `npm run import -- statements FILE... [--accept-gap] [--format F] [--divisions 1,2]`: imports
 * bank statement files as the local administrator (all divisions unless --divisions), each file
 * all or nothing, with progress on stderr and the summary on stdout. Exit status 1 when any file
 * was refused (the summary says which statement, line and rule).
 */
export async function importCommand(config: Config, args: string[]): Promise<void> {
  const [what, ...rest] = args;
  if (what !== 'statements') throw new UsageError(`Usage: ${USAGE}`);
  const { values, positionals } = parseArgs({
    args: rest,
    strict: true,
    allowPositionals: true,
    options: { 'accept-gap': { type: 'boolean', default: false }, format: { type: 'string' }, divisions: { type: 'string' } },
  });
  if (!positionals.length) throw new UsageError(`no statement file given. Usage: ${USAGE}`);
  const db = await openGatewayDatabase(config.databaseUrl);
  try {
    const options = { files: positionals, acceptGap: values['accept-gap'], format: values.format, divisions: values.divisions };
    const summary = await namingOptions(['format', 'divisions'], () => runImport(db, createRuntime(config), options));
    console.log(summaryText(summary));
    // As the server does after each import: match the new lines (the CLI has no event listener).
    const entries = summary.files.flatMap((f) =>
      f.statements.filter((s) => s.entryID && s.outcome === 'CREATED').map((s) => ({ divisionCode: s.divisionCode!, entryID: s.entryID! })),
    );
    if (entries.length) {
      const r = await reconcileEntries(db, entries);
      console.log(`${r.lines} lines reconciled: ${r.applied} matched automatically, ${r.proposed} with proposals`);
    }
    if (summary.refusedFiles > 0) process.exitCode = 1;
  } finally {
    await closeDatabase(db);
  }
}

/** Reads the files and imports them with a progress bar (the command without its printing). */
export async function runImport(db: Database, runtime: Runtime, options: ImportCommandOptions): Promise<ImportSummary> {
  const format = formatNamed(options.format, 'format');
  const files = options.files.map((file) => {
    let content: Buffer;
    try {
      content = fs.readFileSync(file);
    } catch (error) {
      throw new UsageError(`${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
    }
    return { content, fileName: path.basename(file), format };
  });
  const ctx = createContext(db, runtime, LOCAL_PRINCIPAL, await grantedDivisions(LOCAL_PRINCIPAL, db));
  const scope = scopeForDivisions(ctx, divisionsParameter(options.divisions));
  // One read checks and stores a file: the bar follows its bytes (its lines are known only at its end).
  const bar = progressBar('KiB');
  let current = '';
  const onProgress = (p: ImportProgress) => {
    const step = `${p.file}:${p.phase}`;
    if (step !== current) {
      current = step;
      bar.note?.(`${p.phase === 'check' ? 'Checking' : 'Checking and storing'} ${p.fileName}`);
      bar.start(Math.ceil(p.totalBytes / 1024));
    }
    bar.update(Math.floor(p.bytes / 1024));
  };
  try {
    return await new StatementImportService(scope, ctx.principal, runtime.events).import(files, {
      acceptGap: options.acceptGap,
      onProgress,
    });
  } finally {
    bar.stop();
  }
}

/** The summary as lines of text: per file its outcome, per statement what became of it, and the problems. */
export function summaryText(summary: ImportSummary): string {
  const out: string[] = [];
  for (const f of summary.files) {
    out.push(`${f.fileName} (${f.format ?? 'unknown format'}, sha256 ${f.fileHash.slice(0, 16)}...): ${f.outcome}`);
    for (const s of f.statements) {
      const gap = s.balanceGap ? `, gap ${s.balanceGap}` : '';
      out.push(
        `  statement ${s.statement}: ${s.account} division ${s.divisionCode ?? '-'} number ${s.statementNumber ?? '-'} ` +
          `${s.openingBalanceDate ?? '?'}..${s.statementDate ?? '?'} ${s.currency} ${s.openingBalance} -> ${s.closingBalance}, ` +
          `${s.lineCount} lines: ${s.outcome}${gap}`,
      );
    }
    for (const p of f.problems) {
      const where = [p.statement === null ? null : `statement ${p.statement}`, p.line === null ? null : `line ${p.line}`].filter(Boolean);
      out.push(`  REFUSED ${p.code} ${p.rule}${where.length ? ` (${where.join(', ')})` : ''}: ${p.message}`);
    }
  }
  out.push(`${summary.created} statements imported, ${summary.alreadyImported} already imported, ${summary.refusedFiles} files refused`);
  return out.join('\n');
}
