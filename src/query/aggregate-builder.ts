import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DivisionScope } from '../access/division-scope';
import { CatalogColumn, CatalogTable, table } from '../catalog';
import { Dec, toFixedScale } from '../platform/decimal';
import { badInput } from '../platform/errors';
import {
  AGGREGATE_FUNCTIONS,
  AggregateArgs,
  AggregateFunction,
  amountColumns,
  ColumnFilter,
  DateBucket,
  groupableColumns,
  GroupResult,
  SortDirection,
} from './list-inputs';
import { prepare, run } from './run-statement';
import { ColumnExpr, ListFilterCompiler, Statement } from './filter-sql';
import { checkKeyCount, DEFAULT_FILTER_LIMITS, MAX_GROUP_KEYS } from './limits';

export interface AggregateOptions {
  maxPageSize: number;
  statementTimeoutMs: number;
  /** Most values of one `in` / `notIn` list (config MAX_LIST_VALUES; default 1,000). */
  maxListValues?: number;
}

/** Amount columns (by GraphQL field) the client selected per function. */
export type WantedAggregates = Record<AggregateFunction, Set<string>>;

interface GroupKey {
  column: CatalogColumn;
  field: string;
  expr: string;
  groupExpr: string;
}

const INT_TYPE: CatalogColumn = { name: 'count', field: 'count', type: 'int32', required: true, labelEn: '', labelNl: '', doc: '' };

/**
 * Group-by aggregates over any catalog table with amount columns: one statement, through the
 * same filter compiler and division scope as the lists. Sums, minima and maxima are exact
 * (DECIMAL on MariaDB, dec_* functions on SQLite); averages are computed from the exact sum and
 * count and rounded half-up to the column scale + 4, so both databases answer the same digits.
 */
export class AggregateBuilder {
  constructor(
    private readonly scope: DivisionScope,
    private readonly options: AggregateOptions,
  ) {}

  async groups(tableName: string, args: AggregateArgs, wanted: WantedAggregates): Promise<GroupResult[]> {
    const t = table(tableName);
    const listValues = this.options.maxListValues ?? DEFAULT_FILTER_LIMITS.listValues;
    const stmt = new Statement(this.scope, { ...DEFAULT_FILTER_LIMITS, listValues });
    checkKeyCount('groupBy', 'groupKeys', args.groupBy?.length ?? 0, MAX_GROUP_KEYS);
    checkKeyCount('orderBy', 'sortKeys', args.orderBy?.length ?? 0, MAX_GROUP_KEYS);
    const qb = this.scope.select(t.name, 't') as SelectQueryBuilder<ObjectLiteral>;
    const c = new ListFilterCompiler(stmt, qb, t, 't');
    const d = c.dialect;
    const where = c.where(args.where);
    if (where) qb.andWhere(where);

    const groupBy = args.groupBy ?? [];
    const seen = new Set<string>();
    const keys: GroupKey[] = groupBy.map((g, i) => {
      const column = groupableColumns(t).find((x) => x.name === g.field);
      if (!column) throw badInput(`groupBy[${i}].field`, `cannot group ${t.typeName} by ${g.field}`);
      // A bucket only means something for a date; on another column it was a mistake, not a no-op.
      if (g.bucket != null && column.type !== 'datetime') {
        throw badInput(`groupBy[${i}].bucket`, `applies to date columns only; ${column.field} is not one`);
      }
      const name = column.type === 'datetime' ? `${column.field} by ${g.bucket ?? DateBucket.DAY}` : column.field;
      if (seen.has(name)) throw badInput(`groupBy[${i}]`, `${name} is already a group key`);
      seen.add(name);
      const e = c.column(column.name);
      const expr = column.type === 'datetime' ? d.dateBucket(e.sql, (g.bucket ?? DateBucket.DAY) as never) : e.sql;
      return { column: e.column, field: column.field, expr, groupExpr: column.type === 'datetime' ? expr : c.comparable(expr, e.column) };
    });
    const amounts = amountColumns(t);
    const amount = (name: string) => amounts.find((a) => a.name === name)!;
    const aggregate = (fn: AggregateFunction, col: CatalogColumn): ColumnExpr => {
      const sql = c.stored(col.name);
      if (fn === 'avg') return { column: col, sql: d.decimalAggregate('sum', sql), nullable: true, factor: `COUNT(${sql})` };
      return { column: col, sql: d.decimalAggregate(fn, sql), nullable: true };
    };

    qb.select('COUNT(*)', 'n');
    keys.forEach((k, i) => qb.addSelect(k.expr, `g${i}`));
    for (const fn of AGGREGATE_FUNCTIONS) {
      for (const col of amounts) {
        if (!wanted[fn].has(col.field)) continue;
        const sql = c.stored(col.name);
        if (fn === 'avg') {
          qb.addSelect(d.decimalAggregate('sum', sql), `avgsum_${col.name}`);
          qb.addSelect(`COUNT(${sql})`, `avgn_${col.name}`);
        } else qb.addSelect(d.decimalAggregate(fn, sql), `${fn}_${col.name}`);
      }
    }
    if (keys.length) qb.groupBy(keys.map((k) => k.groupExpr).join(', '));

    const having: string[] = [];
    if (args.having?.count) {
      const count: ColumnExpr = { column: INT_TYPE, sql: 'COUNT(*)', nullable: false };
      having.push(...c.columnFilter(count, args.having.count as ColumnFilter, 'having.count'));
    }
    for (const fn of AGGREGATE_FUNCTIONS) {
      for (const [field, filter] of Object.entries(args.having?.[fn] ?? {})) {
        if (!filter) continue;
        const col = amounts.find((a) => a.field === field);
        if (!col) throw badInput(`having.${fn}.${field}`, `is not an amount column of ${t.typeName}`);
        having.push(...c.columnFilter(aggregate(fn, col), filter as ColumnFilter, `having.${fn}.${field}`));
      }
    }
    if (having.length) qb.having(having.join(' AND '));

    const orders: [string, 'ASC' | 'DESC'][] = [];
    const ordered = new Set<string>();
    for (const [i, o] of (args.orderBy ?? []).entries()) {
      if (ordered.has(o.field)) throw badInput(`orderBy[${i}].field`, 'orders by a key already given');
      ordered.add(o.field);
      const dir = (o.direction ?? SortDirection.ASC) === SortDirection.ASC ? 'ASC' : 'DESC';
      if (o.field === 'count') orders.push(['COUNT(*)', dir]);
      else if (o.field.includes(':')) {
        const [fn, name] = o.field.split(':') as [AggregateFunction, string];
        const col = amount(name);
        const sql = c.stored(col.name);
        const value = fn === 'avg' ? d.decimalQuotient(d.decimalAggregate('sum', sql), `COUNT(${sql})`) : d.decimalAggregate(fn, sql);
        orders.push([d.decimalSortKey(value), dir]);
      } else {
        const key = keys.find((k) => k.column.name === o.field || t.columns.find((x) => x.name === o.field)?.field === k.field);
        if (!key) throw badInput(`orderBy[${i}].field`, `orders by ${o.field}, which is not in groupBy`);
        orders.push([key.groupExpr, dir]);
      }
    }
    for (const k of keys) orders.push([k.groupExpr, 'ASC']);
    orders.forEach(([e, dir], i) => (i === 0 ? qb.orderBy(e, dir) : qb.addOrderBy(e, dir)));

    const max = this.options.maxPageSize;
    const limit = args.limit ?? max;
    if (!Number.isInteger(limit) || limit < 0) throw badInput('limit', 'must be a non-negative integer');
    if (limit > max) throw badInput('limit', `must be at most ${max}`);
    const offset = args.offset ?? 0;
    if (!Number.isInteger(offset) || offset < 0) throw badInput('offset', 'must be a non-negative integer');
    qb.limit(limit);
    if (offset) qb.offset(offset);
    qb.setParameters(stmt.params.values);

    const rows = await run<ObjectLiteral>(
      this.scope,
      prepare(qb, this.scope, this.options.statementTimeoutMs),
      this.options.statementTimeoutMs,
      true,
    );
    return rows.map((r) => {
      const group: GroupResult = { key: {}, count: Number(r.n), sum: {}, avg: {}, min: {}, max: {} };
      keys.forEach((k, i) => (group.key[k.field] = keyValue(t, k, r[`g${i}`])));
      for (const fn of AGGREGATE_FUNCTIONS) {
        for (const col of amounts) {
          if (!wanted[fn].has(col.field)) continue;
          const scale = col.scale ?? 2;
          if (fn === 'avg') {
            const sum = r[`avgsum_${col.name}`];
            const n = Number(r[`avgn_${col.name}`]);
            group.avg[col.field] =
              sum === null || sum === undefined || n === 0 ? null : new Dec(String(sum)).dividedBy(n).toFixed(scale + 4, Dec.ROUND_HALF_UP);
          } else {
            const v = r[`${fn}_${col.name}`];
            group[fn][col.field] = v === null || v === undefined ? null : toFixedScale(String(v), scale);
          }
        }
      }
      return group;
    });
  }
}

/** A group-key value as GraphQL shows it: bucket dates as YYYY-MM-DD, booleans and numbers typed. */
function keyValue(t: CatalogTable, k: GroupKey, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (k.column.type === 'datetime') return v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);
  if (k.column.type === 'boolean') return Boolean(Number(v));
  if (['int16', 'int32', 'int64'].includes(k.column.type)) return Number(v);
  return String(v);
}
