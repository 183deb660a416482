import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DivisionScope } from '../access/division-scope';
import { CatalogRelation, CatalogTable, table } from '../catalog';
import { badInput } from '../platform/errors';
import { columnNames, hydrateRows, RowReader, rowReader } from '../db/raw-rows';
import { ListArgs, Page } from './list-inputs';
import { attachRelated } from './prefetched';
import { decodeCursor, encodeCursor, fingerprint } from './cursor';
import { keysetCondition, orderTerms, resolveSortKeys, SortKey } from './ordering';
import { prepare, Prepared, run } from './run-statement';
import { ListFilterCompiler, Statement } from './filter-sql';
import { DEFAULT_FILTER_LIMITS } from './limits';

export interface ListOptions {
  maxPageSize: number;
  defaultPageSize?: number;
  statementTimeoutMs: number;
  /** Key of the HMAC that signs cursors (config.cursorSecret; see cursor.ts). */
  cursorSecret: string;
  /** Most values of one `in` / `notIn` list (config MAX_LIST_VALUES; default 1,000). */
  maxListValues?: number;
}

/** What a list should read besides its rows: to-one relations to join (see selectedRelations). */
export interface ReadOptions {
  /** Columns of the rows to read (undefined: all). */
  columns?: ReadonlySet<string>;
  /** To-one relations to join, each with the columns to read (undefined: all). */
  prefetch?: readonly { name: string; columns?: ReadonlySet<string> }[];
}

/** A list request checked and resolved: sort keys, direction, size, cursors. */
interface Plan {
  keys: SortKey[];
  size: number;
  backward: boolean;
  offset: number;
  after?: unknown[];
  before?: unknown[];
  fp: string;
  /** Where each sort key's value is in a raw row (set by applyOrder). */
  keyAliases?: string[];
  /** Joined to-one relations whose rows come back with the page: relation and join alias. */
  prefetch?: { rel: CatalogRelation; alias: string; entity: string; presence: string }[];
}

/** The parent rows of a nested list, as `(division, value)` of the column the relation joins on. */
export interface ParentKey {
  division: number | null;
  value: unknown;
}

const ROW_NUMBER = '__rn';
const KEY = (i: number) => `__k${i}`;

/**
 * The one list-query builder: every list field, root or nested, compiles through here into
 * parameterised SQL over the division scope. Filters and sort keys come from the catalog-typed
 * inputs (catalog-inputs.ts); pages are keyset pages (first/after, last/before) with an optional
 * offset; totalCount is a separate COUNT run only when selected. Nested lists of many parents
 * are one statement: ROW_NUMBER() OVER (PARTITION BY parent ...) picks each parent's page.
 */
export class ListQueryBuilder {
  constructor(
    private readonly scope: DivisionScope,
    private readonly options: ListOptions,
  ) {}

  /** One page of a root list. */
  async page<T extends ObjectLiteral>(tableName: string, args: ListArgs, read: ReadOptions = {}, shape = 'root'): Promise<Page<T>> {
    const t = table(tableName);
    const build = () => {
      const { qb, compiler } = this.base(t, args, read.columns);
      const plan = this.plan(t, compiler, args, shape);
      plan.prefetch = this.prefetch(qb, compiler, read);
      this.applyOrder(qb, compiler, plan, read.columns);
      qb.limit(plan.size + 1);
      if (plan.offset) qb.offset(plan.offset);
      return { plan, statement: this.compile(qb, compiler), reader: rowReader(qb) };
    };
    // Dashboards ask the same questions again and again: the compiled statement is reused. Not
    // on SQLite, whose statements carry their own deadline (run-statement.ts).
    const built = this.scope.dialect.kind === 'sqlite' ? build() : this.scope.reuse(this.statementKey('page', t, args, read, shape), build);
    const rows = await run<ObjectLiteral>(this.scope, built.statement, this.options.statementTimeoutMs);
    return this.toPage<T>(built.reader, rows, built.plan, () => this.count(t, args));
  }

  /** The statement of a builder: SQL and parameters, with the key hints of its read joins. */
  private compile(qb: SelectQueryBuilder<ObjectLiteral>, compiler: ListFilterCompiler): Prepared {
    const p = prepare(qb, this.scope, this.options.statementTimeoutMs);
    return { ...p, sql: compiler.withKeyJoinHints(p.sql) };
  }

  /** Everything a compiled list statement depends on besides the scope's divisions. */
  private statementKey(kind: string, t: CatalogTable, args: ListArgs, read: ReadOptions, shape: string): string {
    const sets = (s: ReadonlySet<string> | undefined) => (s ? [...s] : null);
    // The cursor secret too: a cursor is checked when the statement is built, so a statement
    // built under one secret must not serve a gateway with another (one database, two gateways).
    const { maxPageSize, defaultPageSize, cursorSecret } = this.options;
    const prefetch = read.prefetch?.map((p) => [p.name, sets(p.columns)]) ?? null;
    return JSON.stringify([kind, t.name, shape, maxPageSize, defaultPageSize ?? null, cursorSecret, args, sets(read.columns), prefetch]);
  }

  /**
   * Pages of a to-many relation for many parents at once: one statement whatever the number of
   * parents, each parent's rows numbered by ROW_NUMBER() over the parent key.
   */
  async pagesByParent<T extends ObjectLiteral>(
    parent: CatalogTable,
    rel: CatalogRelation,
    parents: readonly ParentKey[],
    args: ListArgs,
    read: ReadOptions = {},
  ): Promise<Page<T>[]> {
    const t = table(rel.table);
    // Each row is handed to its parent by the column the relation joins on.
    const columns = read.columns && new Set([...read.columns, ...rel.on.map(([, remote]) => remote)]);
    const { qb, compiler } = this.base(t, args, columns);
    const plan = this.plan(t, compiler, args, `${parent.name}.${rel.name}`);
    plan.prefetch = this.prefetch(qb, compiler, read);
    const { partition, keyOfRow, keyOfParent } = this.parentPartition(parent, rel, t, compiler, qb, parents);
    const [first, ...others] = parents;
    let rows: ObjectLiteral[];
    if (others.length === 0 && first) {
      // One parent: a plain LIMIT lets the database stop early instead of numbering every row.
      this.applyOrder(qb, compiler, plan, columns);
      qb.limit(plan.size + 1);
      if (plan.offset) qb.offset(plan.offset);
      rows = await run<ObjectLiteral>(this.scope, this.compile(qb, compiler), this.options.statementTimeoutMs);
    } else {
      this.applyOrder(qb, compiler, plan, columns, false);
      qb.addSelect(
        `ROW_NUMBER() OVER (PARTITION BY ${partition.join(', ')} ORDER BY ${orderTerms(compiler, plan.keys, plan.backward)
          .map(([e, d]) => `${e} ${d}`)
          .join(', ')})`,
        ROW_NUMBER,
      );
      const inner = this.compile(qb, compiler);
      const q = compiler.q.bind(compiler);
      const outer = {
        ...inner,
        sql:
          `SELECT * FROM (${inner.sql}) ${q('w')} WHERE ${q('w')}.${q(ROW_NUMBER)} > ? ` +
          `AND ${q('w')}.${q(ROW_NUMBER)} <= ? ORDER BY ${q('w')}.${q(ROW_NUMBER)}`,
        params: [...inner.params, plan.offset, plan.offset + plan.size + 1],
      };
      rows = await run<ObjectLiteral>(this.scope, outer, this.options.statementTimeoutMs);
    }
    const byParent = new Map<string, ObjectLiteral[]>();
    for (const r of rows) {
      const k = keyOfRow(r);
      let list = byParent.get(k);
      if (!list) byParent.set(k, (list = []));
      list.push(r);
    }
    const counts = lazyCounts(() => this.countByParent(parent, rel, parents, args));
    const reader = rowReader(qb);
    return parents.map((p) =>
      this.toPage<T>(reader, byParent.get(keyOfParent(p)) ?? [], plan, async () => (await counts()).get(keyOfParent(p)) ?? 0),
    );
  }

  /** The filtered statement: SELECT of the table's columns through the scope, with the where. */
  private base(t: CatalogTable, args: ListArgs, columns?: ReadonlySet<string>) {
    const listValues = this.options.maxListValues ?? DEFAULT_FILTER_LIMITS.listValues;
    const stmt = new Statement(this.scope, { ...DEFAULT_FILTER_LIMITS, listValues });
    const qb = this.scope.select(t.name, 't') as SelectQueryBuilder<ObjectLiteral>;
    const compiler = new ListFilterCompiler(stmt, qb, t, 't');
    if (columns) {
      // Only what the client selected and the keys: less to send, parse and hydrate.
      [...columns].forEach((c, i) => (i === 0 ? qb.select(compiler.stored(c), `t_${c}`) : qb.addSelect(compiler.stored(c), `t_${c}`)));
    }
    const condition = compiler.where(args.where);
    if (condition) qb.andWhere(condition);
    return { qb, compiler, stmt };
  }

  /** LEFT JOINs (through the compiler: scoped, on the division) selecting the related rows' columns. */
  private prefetch(qb: SelectQueryBuilder<ObjectLiteral>, compiler: ListFilterCompiler, read: ReadOptions): Plan['prefetch'] {
    if (!read.prefetch?.length) return undefined;
    return read.prefetch.map(({ name, columns }) => {
      const rel = compiler.t.relations.find((r) => r.name === name && r.kind === 'one');
      if (!rel) throw new Error(`${compiler.t.name} has no to-one relation ${name}`);
      const alias = compiler.readJoin(name) ?? compiler.join(name);
      const entity = rel.table;
      const selected = columns ?? columnNames(qb, entity);
      for (const c of selected) qb.addSelect(`${compiler.q(alias)}.${compiler.q(c)}`, `${alias}_${c}`);
      // NULL in this column: no related row in the caller's divisions (see presenceColumn).
      const presence = presenceColumn(table(rel.table), selected) ?? rel.on[0][1];
      if (![...selected].includes(presence)) qb.addSelect(`${compiler.q(alias)}.${compiler.q(presence)}`, `${alias}_${presence}`);
      return { rel, alias, entity, presence };
    });
  }

  private plan(t: CatalogTable, compiler: ListFilterCompiler, args: ListArgs, shape: string): Plan {
    const max = this.options.maxPageSize;
    for (const name of ['first', 'last'] as const) {
      const v = args[name];
      if (v === null || v === undefined) continue;
      if (!Number.isInteger(v) || v < 0) throw badInput(name, 'must be a non-negative integer');
      if (v > max) throw badInput(name, `must be at most ${max} (the maximum page size); ask for the next page with after/before`);
    }
    if (args.first != null && args.last != null) throw badInput('last', 'cannot be combined with first');
    const offset = args.offset ?? 0;
    if (!Number.isInteger(offset) || offset < 0) throw badInput('offset', 'must be a non-negative integer');
    // A page is either a page number (offset) or a keyset page (after/before), not both: an
    // offset counted from a cursor row moves when rows are added before it, which is exactly
    // what cursors are there to avoid.
    if (offset > 0 && (args.after || args.before)) {
      throw badInput('offset', `cannot be combined with ${args.after ? 'after' : 'before'}: page by cursor or by offset`);
    }
    const backward = args.last != null;
    const size = (backward ? args.last : args.first) ?? this.options.defaultPageSize ?? 50;
    if (size > max) throw badInput('first', `must be at most ${max}`);
    const keys = resolveSortKeys(compiler, args.orderBy);
    const fp = fingerprint({
      s: shape,
      t: t.name,
      w: args.where ?? null,
      o: keys.map((k) => [k.ref.relation ?? '', k.ref.column, k.ascending, k.nullsFirst]),
    });
    const slots = keys.map((k) => ({ type: k.expr.column.type, nullable: k.expr.nullable }));
    const decode = (name: 'after' | 'before') => {
      const c = args[name];
      if (c === null || c === undefined) return undefined;
      return decodeCursor(this.options.cursorSecret, name, c, fp, slots);
    };
    return { keys, size, backward, offset, after: decode('after'), before: decode('before'), fp };
  }

  /**
   * Selects the sort keys (for cursors), adds the keyset conditions and the ORDER BY. A key that
   * is a stored column the row already carries is read from there instead of selected twice.
   */
  private applyOrder(
    qb: SelectQueryBuilder<ObjectLiteral>,
    compiler: ListFilterCompiler,
    plan: Plan,
    columns: ReadonlySet<string> | undefined,
    orderBy = true,
  ): void {
    plan.keyAliases = plan.keys.map((k, i) => {
      const stored = !k.ref.relation && !compiler.t.columns.find((c) => c.name === k.ref.column)?.derived;
      if (stored && (!columns || columns.has(k.ref.column))) return `t_${k.ref.column}`;
      qb.addSelect(k.expr.sql, KEY(i));
      return KEY(i);
    });
    if (plan.after) qb.andWhere(keysetCondition(compiler, plan.keys, plan.after, false));
    if (plan.before) qb.andWhere(keysetCondition(compiler, plan.keys, plan.before, true));
    qb.setParameters(compiler.stmt.params.values);
    if (!orderBy) return;
    orderTerms(compiler, plan.keys, plan.backward).forEach(([e, d], i) => (i === 0 ? qb.orderBy(e, d) : qb.addOrderBy(e, d)));
  }

  private toPage<T extends ObjectLiteral>(reader: RowReader, rows: ObjectLiteral[], plan: Plan, count: () => Promise<number>): Page<T> {
    const more = rows.length > plan.size;
    const pageRows = rows.slice(0, plan.size);
    if (plan.backward) pageRows.reverse();
    const nodes = hydrateRows<T>(reader, pageRows, 't');
    for (const p of plan.prefetch ?? []) {
      const related = hydrateRows<ObjectLiteral>(reader, pageRows, p.alias, p.entity);
      const presence = `${p.alias}_${p.presence}`;
      nodes.forEach((n, i) => attachRelated(n, p.rel.name, pageRows[i][presence] === null ? null : related[i]));
    }
    const cursor = (i: number) =>
      encodeCursor(
        this.options.cursorSecret,
        plan.fp,
        plan.keyAliases!.map((alias) => pageRows[i][alias]),
      );
    const hasNextPage = plan.backward ? Boolean(plan.before) : more;
    const hasPreviousPage = plan.backward ? more : Boolean(plan.after) || plan.offset > 0;
    let counted: Promise<number> | undefined;
    return {
      nodes,
      cursor,
      pageInfo: {
        hasNextPage,
        hasPreviousPage,
        startCursor: pageRows.length ? cursor(0) : null,
        endCursor: pageRows.length ? cursor(pageRows.length - 1) : null,
      },
      totalCount: () => (counted ??= count()),
    };
  }

  /** Rows matching the filter (totalCount), one COUNT statement. */
  async count(tableName: string | CatalogTable, args: ListArgs): Promise<number> {
    const t = typeof tableName === 'string' ? table(tableName) : tableName;
    const { qb, compiler } = this.baseCount(t, args);
    qb.select('COUNT(*)', 'n');
    // A count reads every matching row: heavy (off the event loop on SQLite), like aggregates.
    const [row] = await run<{ n: number | string }>(this.scope, this.compile(qb, compiler), this.options.statementTimeoutMs, true);
    return Number(row?.n ?? 0);
  }

  private baseCount(t: CatalogTable, args: ListArgs) {
    const b = this.base(t, args);
    b.qb.setParameters(b.stmt.params.values);
    return b;
  }

  /** totalCount of a nested list for every parent: one GROUP BY statement. */
  private async countByParent(
    parent: CatalogTable,
    rel: CatalogRelation,
    parents: readonly ParentKey[],
    args: ListArgs,
  ): Promise<Map<string, number>> {
    const t = table(rel.table);
    const { qb, compiler } = this.baseCount(t, args);
    const { partition, keyOfRow } = this.parentPartition(parent, rel, t, compiler, qb, parents);
    qb.setParameters(compiler.stmt.params.values);
    qb.select('COUNT(*)', 'n');
    partition.forEach((p, i) => qb.addSelect(p, `__pcol${i}`));
    qb.groupBy(partition.join(', '));
    const rows = await run<ObjectLiteral>(this.scope, this.compile(qb, compiler), this.options.statementTimeoutMs, true);
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(keyOfRow(r, true), Number(r.n));
    return counts;
  }

  /**
   * Restricts the child statement to the parents' rows and describes the partition: the child's
   * division (when both sides are partitioned) and the child column the relation joins on.
   */
  private parentPartition(
    parent: CatalogTable,
    rel: CatalogRelation,
    t: CatalogTable,
    compiler: ListFilterCompiler,
    qb: SelectQueryBuilder<ObjectLiteral>,
    parents: readonly ParentKey[],
  ) {
    if (rel.on.length !== 1) throw new Error(`Nested list ${parent.name}.${rel.name} needs a single-column join`);
    const [, remote] = rel.on[0];
    const remoteColumn = t.columns.find((c) => c.name === remote)!;
    const byDivision = Boolean(t.partitionColumn && parent.partitionColumn && remote !== t.partitionColumn);
    const partition = [...(byDivision ? [compiler.stored(t.partitionColumn!)] : []), compiler.stored(remote)];
    const values = [...new Set(parents.map((p) => compiler.value(remoteColumn, p.value)))];
    qb.andWhere(`${compiler.stored(remote)} IN ${compiler.stmt.params.list(values.length ? values : [null])}`);
    if (byDivision) {
      const divisions = [...new Set(parents.map((p) => p.division))].filter((d): d is number => d !== null);
      qb.andWhere(`${compiler.stored(t.partitionColumn!)} IN ${compiler.stmt.params.list(divisions.length ? divisions : [null])}`);
    }
    qb.setParameters(compiler.stmt.params.values);
    const norm = (v: unknown) => String(compiler.value(remoteColumn, v));
    const keyOfParent = (p: ParentKey) => `${byDivision ? p.division : ''}|${norm(p.value)}`;
    const keyOfRow = (r: ObjectLiteral, grouped = false) => {
      if (grouped) return byDivision ? `${r.__pcol0}|${norm(r.__pcol1)}` : `|${norm(r.__pcol0)}`;
      return `${byDivision ? r[`t_${t.partitionColumn}`] : ''}|${norm(r[`t_${remote}`])}`;
    };
    return { partition, keyOfRow, keyOfParent };
  }
}

/** The list-query builder of a request, configured from the gateway's config. */
export function listQueryBuilder(ctx: {
  scope: DivisionScope;
  config: { maxPageSize: number; statementTimeoutMs: number; cursorSecret: string; maxListValues?: number };
}): ListQueryBuilder {
  const { maxPageSize, statementTimeoutMs, cursorSecret, maxListValues } = ctx.config;
  return new ListQueryBuilder(ctx.scope, { maxPageSize, statementTimeoutMs, cursorSecret, maxListValues });
}

/**
 * A column of `columns` that is never NULL in a row of `t` (required in the catalog, NOT NULL in
 * the schema): NULL in a LEFT JOIN's result then means that there is no related row. Without
 * one, the join reads the column it matches on for that.
 */
function presenceColumn(t: CatalogTable, columns: Iterable<string>): string | undefined {
  for (const name of columns) if (t.columns.find((c) => c.name === name && c.required && !c.derived)) return name;
  return undefined;
}

function lazyCounts(load: () => Promise<Map<string, number>>): () => Promise<Map<string, number>> {
  let p: Promise<Map<string, number>> | undefined;
  return () => (p ??= load());
}
