import { EventEmitter } from 'node:events';

/**
 * Export life cycle, for progress reporting and for tests that prove streaming (the first bytes
 * leave before the statement has read its last row): `started`, `finished` {rows}, `failed`.
 */
export const exportEvents = new EventEmitter();
exportEvents.setMaxListeners(100);

export interface ExportFinished {
  rows: number;
  source: 'sql' | 'graphql' | 'list';
}
