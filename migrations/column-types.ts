import { QueryRunner, TableColumnOptions } from 'typeorm';

/**
 * Physical column types for both dialects, frozen for the migrations (they must not follow later
 * catalog changes). The one real difference: SQLite has no exact decimal type, so money is kept
 * as canonical decimal text in a TEXT-affinity column (`decimal_text(p,s)`) and summed and
 * compared by the exact functions of src/db/sqlite-decimal.ts. MariaDB/MySQL use DECIMAL(p,s).
 */
export type Kind = 'guid' | 'string' | 'int16' | 'int32' | 'int64' | 'decimal' | 'datetime' | 'boolean' | 'blob';

export function column(
  qr: QueryRunner,
  name: string,
  kind: Kind,
  opts: { length?: number; precision?: number; scale?: number; nullable?: boolean; primary?: boolean } = {},
): TableColumnOptions {
  const sqlite = qr.connection.driver.options.type === 'better-sqlite3';
  const base = { name, isNullable: opts.nullable ?? true, isPrimary: opts.primary ?? false };
  switch (kind) {
    case 'guid':
      return { ...base, type: 'varchar', length: '36' };
    case 'string':
      return { ...base, type: 'varchar', length: String(opts.length) };
    case 'int16':
      return { ...base, type: 'smallint' };
    case 'int32':
      return { ...base, type: 'int' };
    case 'int64':
      return { ...base, type: 'bigint' };
    case 'decimal':
      return { ...base, type: sqlite ? 'decimal_text' : 'decimal', precision: opts.precision, scale: opts.scale };
    case 'datetime':
      return sqlite ? { ...base, type: 'datetime' } : { ...base, type: 'datetime', precision: 3 };
    case 'boolean':
      return { ...base, type: sqlite ? 'boolean' : 'tinyint', width: sqlite ? undefined : 1 };
    case 'blob':
      return { ...base, type: sqlite ? 'blob' : 'longblob' };
  }
}
