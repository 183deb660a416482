import { Writable } from 'node:stream';
import { LoopShare } from '../../platform/loop-share';
import type { ExportSource, GatewayEvents } from '../../platform/events';
import { ExportRows } from './export.service';
import { csvHeader, ExportFormat, formatRow } from './formats';

/**
 * Writes rows to `out` as they arrive, waiting for `drain` whenever the destination is full, so
 * memory holds a few chunks whatever the size of the result. Lines are batched into chunks of
 * about 64 KiB (one write per row would cost more than the rows). Returns the number of rows.
 *
 * Formatting rows is CPU work on the event loop, and rows that are already buffered (a driver's
 * stream, a read worker's batch) arrive as resolved promises, which never let other work in:
 * all exports of the process share the event loop through one LoopShare (platform/loop-share.ts),
 * working SLICE_MS per turn of the loop together, so /health and other requests wait about one
 * slice, however many exports run.
 */
export async function writeExport(
  out: Writable,
  format: ExportFormat,
  data: ExportRows,
  options: {
    source: ExportSource;
    /** The gateway's events: exportStarted, exportFinished, exportFailed. */
    events?: GatewayEvents;
    onProgress?: (rows: number) => void;
    first?: Record<string, unknown> | null;
  } = { source: 'sql' },
): Promise<number> {
  let rows = 0;
  let chunk = format === 'csv' ? csvHeader(data.columns) : '';
  const flush = async () => {
    if (chunk === '') return;
    const ok = out.write(chunk);
    chunk = '';
    if (!ok) await drained(out);
    if (out.destroyed) throw new Error('export destination closed');
  };
  options.events?.emit('exportStarted', { source: options.source });
  try {
    const take = async (row: Record<string, unknown>) => {
      chunk += formatRow(format, data.columns, row);
      rows++;
      if (chunk.length >= 65536) {
        await flush();
        options.onProgress?.(rows);
      }
      const turn = EXPORT_TURNS.turn();
      if (turn) await turn;
    };
    if (options.first) await take(options.first);
    for await (const row of data.rows) await take(row);
    await flush();
    options.onProgress?.(rows);
  } catch (error) {
    options.events?.emit('exportFailed', { source: options.source, rows, error });
    await data.rows.return(undefined);
    throw error;
  }
  options.events?.emit('exportFinished', { source: options.source, rows });
  return rows;
}

/** Longest stretch (ms) the exports together work on the event loop before letting other work in. */
const SLICE_MS = 2;
const EXPORT_TURNS = new LoopShare(SLICE_MS);

/** Resolves when `out` can take more, or has closed (the caller then stops). */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}
