import DataLoader from 'dataloader';
import { ObjectLiteral } from 'typeorm';
import { table } from '../catalog';
import { DivisionScope } from '../access/division-scope';

/**
 * Per-request DataLoaders for to-one relations. A key carries the division of the row that
 * points at the target, so a batch can only ever find rows of a division the scope allows and
 * of the same division as the referencing row.
 */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<string, ObjectLiteral | null>>();
  private readonly batches = new Map<string, DataLoader<unknown, unknown>>();

  constructor(private readonly scope: DivisionScope) {}

  /** Rows of catalog table `tableName` whose column `columnName` equals the key. */
  by(tableName: string, columnName: string): DataLoader<string, ObjectLiteral | null> {
    const id = `${tableName}.${columnName}`;
    let loader = this.loaders.get(id);
    if (!loader) {
      loader = new DataLoader((keys) => this.load(tableName, columnName, keys), { maxBatchSize: 1000 });
      this.loaders.set(id, loader);
    }
    return loader;
  }

  /** A per-request batch loader identified by `id` (nested lists: one per field and arguments). */
  batch<K, V>(id: string, load: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
    let loader = this.batches.get(id) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>((keys) => load(keys), { cache: false, maxBatchSize: 1000 });
      this.batches.set(id, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }

  /** The key for `value` in `division` (null for global tables such as Users). */
  static key(division: number | null, value: unknown): string {
    return `${division ?? ''}|${String(value)}`;
  }

  private async load(tableName: string, columnName: string, keys: readonly string[]): Promise<(ObjectLiteral | null)[]> {
    const t = table(tableName);
    const c = t.columns.find((x) => x.name === columnName)!;
    const values = [...new Set(keys.map((k) => k.slice(k.indexOf('|') + 1)))];
    const rows = await this.scope
      .select(tableName, 't')
      .where(`t.${c.field} IN (:...values)`, { values: c.type.startsWith('int') ? values.map(Number) : values })
      .getMany();
    const partition = t.partitionColumn && t.columns.find((x) => x.name === t.partitionColumn)!.field;
    const found = new Map<string, ObjectLiteral>();
    for (const r of rows) found.set(Loaders.key(partition ? (r as ObjectLiteral)[partition] : null, (r as ObjectLiteral)[c.field]), r);
    return keys.map((k) => found.get(t.partitionColumn ? k : `|${k.slice(k.indexOf('|') + 1)}`) ?? null);
  }
}
