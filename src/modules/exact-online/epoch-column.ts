import type { ValueTransformer } from 'typeorm';

/**
 * Epoch milliseconds and Exact Timestamps in BIGINT columns: the MariaDB driver hands BIGINT back
 * as text, SQLite as a number; both become a JS number (safe: ms until the year 285,616, and
 * Exact's row versions stay far below 2^53).
 */
export const BIGINT_NUMBER: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? null : Number(value)),
};
