import { ObjectLiteral } from 'typeorm';
import { table } from '../catalog';
import { DivisionScope } from '../access/division-scope';
import { badInput } from '../common/errors';
import { entityOf } from '../db/entities';
import { Page } from './connection';
import { decodeCursor, encodeCursor, fingerprint } from './cursor';

export interface ListArgs {
  first?: number | null;
  after?: string | null;
}

export interface ListOptions {
  maxPageSize: number;
  defaultPageSize?: number;
}

/**
 * The one list-query builder: every list field, root or nested, compiles through here into one
 * parameterised statement over the division scope.
 */
export class ListQueryBuilder {
  constructor(private readonly scope: DivisionScope, private readonly options: ListOptions) {}

  async page<T extends ObjectLiteral>(tableName: string, args: ListArgs): Promise<Page<T>> {
    const t = table(tableName);
    const pk = t.columns.find((c) => c.name === t.primaryKey)!.field;
    const first = args.first ?? this.options.defaultPageSize ?? 50;
    if (!Number.isInteger(first) || first < 0) throw badInput('first', 'must be a non-negative integer');
    if (first > this.options.maxPageSize) throw badInput('first', `must be at most ${this.options.maxPageSize}`);
    const fp = fingerprint({ t: t.name, o: [pk] });
    const qb = this.scope.select(entityOf(t.name), 't');
    if (args.after) {
      const [key] = decodeCursor('after', args.after, fp);
      qb.andWhere(`t.${pk} > :after`, { after: key });
    }
    const rows = (await qb.orderBy(`t.${pk}`, 'ASC').limit(first + 1).getMany()) as unknown as T[];
    const hasNextPage = rows.length > first;
    const nodes = rows.slice(0, first);
    const cursors = nodes.map((n) => encodeCursor(fp, [n[pk]]));
    const count = this.scope.select(entityOf(t.name), 't');
    return {
      nodes,
      cursors,
      pageInfo: { hasNextPage, hasPreviousPage: Boolean(args.after), startCursor: cursors[0] ?? null, endCursor: cursors.at(-1) ?? null },
      totalCount: () => count.getCount(),
    };
  }
}
