import { CatalogColumn } from '../catalog';
import { ValueType } from './types';

/** The SQL layer's type of a catalog column. */
export function kindOfCatalog(c: CatalogColumn): ValueType {
  switch (c.type) {
    case 'decimal':
      return { kind: 'decimal', scale: c.scale ?? 0 };
    case 'int16':
    case 'int32':
    case 'int64':
      return { kind: 'integer' };
    case 'datetime':
      return { kind: 'datetime' };
    case 'boolean':
      return { kind: 'boolean' };
    case 'guid':
      return { kind: 'guid' };
    default:
      return { kind: 'string' };
  }
}

export function isNumeric(t: ValueType): boolean {
  return t.kind === 'decimal' || t.kind === 'integer' || t.kind === 'boolean';
}

/** The common type of several values (CASE arms, COALESCE, UNION columns). */
export function unify(types: ValueType[]): ValueType {
  const known = types.filter((t) => t.kind !== 'null');
  if (known.length === 0) return { kind: 'null' };
  if (known.some((t) => t.kind === 'decimal') && known.every((t) => t.kind === 'decimal' || t.kind === 'integer' || t.kind === 'boolean')) {
    return { kind: 'decimal', scale: Math.max(...known.map((t) => t.scale ?? 0)) };
  }
  if (known.every((t) => t.kind === known[0].kind)) return known[0];
  if (known.every((t) => isNumeric(t))) return { kind: 'integer' };
  return { kind: 'string' };
}
