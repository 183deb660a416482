import { ValueTransformer } from 'typeorm';
import { toFixedScale } from '../common/decimal';

/**
 * Decimal columns travel as strings in both directions: MariaDB returns DECIMAL as text
 * (mysql2's default), SQLite stores them in a TEXT-affinity column (see db/sqlite-decimal.ts).
 * Writes are normalised to the column's scale so both databases hold the same text.
 */
export function decimalTransformer(scale: number): ValueTransformer {
  return {
    to: (value: unknown) => (value === null || value === undefined ? value : toFixedScale(value as string, scale)),
    from: (value: unknown) => (value === null || value === undefined ? value : toFixedScale(String(value), scale)),
  };
}
