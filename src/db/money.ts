import { ValueTransformer } from 'typeorm';
import { toFixedScale } from '../platform/decimal';

/**
 * Decimal columns travel as strings in both directions: MariaDB returns DECIMAL as text
 * (mysql2's default), SQLite stores them in a TEXT-affinity column (see db/sqlite-decimal.ts).
 * Writes are normalised to the column's scale so both databases hold the same text.
 */
export function decimalTransformer(scale: number): ValueTransformer {
  // Text already in canonical form (what the writers and the seed make) skips decimal.js.
  // Negative amounts too, but never a negative zero (decimal.js writes zero without its sign).
  const canonical = new RegExp(`^(0|-?[1-9][0-9]*|-0(?=\\.[0-9]*[1-9]))${scale > 0 ? `\\.[0-9]{${scale}}` : ''}$`);
  return {
    to: (value: unknown) => {
      if (value === null || value === undefined) return value;
      if (typeof value === 'string' && canonical.test(value)) return value;
      return toFixedScale(value as string, scale);
    },
    from: (value: unknown) => {
      if (value === null || value === undefined) return value;
      if (typeof value === 'string' && canonical.test(value)) return value;
      return toFixedScale(String(value), scale);
    },
  };
}
