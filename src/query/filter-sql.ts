import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DivisionScope } from '../access/division-scope';
import { CatalogColumn, CatalogRelation, CatalogTable, table } from '../catalog';
import { badInput, overLimit } from '../platform/errors';
import { CompareOp } from '../db/dialect';
import { ColumnFilter, queryableColumns, toOneRelations } from './list-inputs';
import { balanced, DEFAULT_FILTER_LIMITS, FilterLimits } from './limits';

/**
 * Named parameters shared by a statement and its sub-queries (`:qp0`, `:qp1`, ...). Every value
 * bound counts (a list's items each); more than `max` is refused before the database sees them.
 */
export class Parameters {
  private n = 0;
  private bound = 0;
  readonly values: Record<string, unknown> = {};
  constructor(private readonly max = DEFAULT_FILTER_LIMITS.parameters) {}
  one(value: unknown): string {
    this.count(1);
    const name = `qp${this.n++}`;
    this.values[name] = value;
    return `:${name}`;
  }
  list(values: unknown[]): string {
    this.count(values.length);
    const name = `qp${this.n++}`;
    this.values[name] = values;
    return `(:...${name})`;
  }
  private count(n: number): void {
    this.bound += n;
    if (this.bound > this.max) {
      throw overLimit('where', 'parameters', this.bound, this.max, 'the filters need too many values in one statement');
    }
  }
}

/** Shared state of one statement: parameters, the limits of its filters and a counter for unique aliases. */
export class Statement {
  readonly params: Parameters;
  private aliases = 0;
  private conditions = 0;
  constructor(
    readonly scope: DivisionScope,
    readonly limits: FilterLimits = DEFAULT_FILTER_LIMITS,
  ) {
    this.params = new Parameters(limits.parameters);
  }
  alias(prefix: string): string {
    return `${prefix}${this.aliases++}`;
  }
  /** Counts `n` more conditions of the filters (at `path`); too many is refused. */
  countConditions(n: number, path: string): void {
    this.conditions += n;
    const max = this.limits.conditions;
    if (this.conditions > max) {
      throw overLimit(path, 'filterConditions', this.conditions, max, 'the filters have too many conditions in all');
    }
  }
}

/** A column reference resolved to SQL: the catalog column and its expression. */
export interface ColumnExpr {
  column: CatalogColumn;
  sql: string;
  /** Null is possible (nullable column, or read through a LEFT JOIN). */
  nullable: boolean;
  /**
   * Compare `sql` with value × factor instead of with the value (an average compared exactly as
   * SUM(x) op value * COUNT(x)).
   */
  factor?: string;
}

/**
 * Compiles catalog-typed filters and column references of one table alias into parameterised
 * SQL on a TypeORM query builder. Derived columns and sort keys on to-one relations become LEFT
 * JOINs (one per relation, restricted by the division scope and joined on the division);
 * filters through relations become EXISTS sub-queries restricted by the scope. Never per-row
 * queries.
 */
export class ListFilterCompiler {
  private readonly joins = new Map<string, string>();
  /** Joins by the target's primary key made only to read the related row: alias to table. */
  private readonly keyJoins = new Map<string, string>();

  constructor(
    readonly stmt: Statement,
    readonly qb: SelectQueryBuilder<ObjectLiteral>,
    readonly t: CatalogTable,
    readonly alias: string,
  ) {}

  get dialect() {
    return this.stmt.scope.dialect;
  }

  q(id: string): string {
    return this.dialect.quote(id);
  }

  /** `alias.column` of a stored column of this table. */
  stored(columnName: string, alias = this.alias): string {
    return `${this.q(alias)}.${this.q(columnName)}`;
  }

  /** The ON condition from `sourceAlias` (this table) to `targetAlias` of the relation's table. */
  relationCondition(rel: CatalogRelation, targetAlias: string, sourceAlias = this.alias): string {
    const target = table(rel.table);
    const parts = rel.on.map(([local, remote]) => `${this.q(targetAlias)}.${this.q(remote)} = ${this.q(sourceAlias)}.${this.q(local)}`);
    if (target.partitionColumn && this.t.partitionColumn && !rel.on.some(([, remote]) => remote === target.partitionColumn)) {
      parts.push(`${this.q(targetAlias)}.${this.q(target.partitionColumn)} = ${this.q(sourceAlias)}.${this.q(this.t.partitionColumn)}`);
    }
    return parts.join(' AND ');
  }

  /** LEFT JOIN of a to-one relation (once per relation), restricted to the granted divisions. */
  join(relationName: string): string {
    const existing = this.joins.get(relationName);
    if (existing) return existing;
    const rel = toOneRelations(this.t).find((r) => r.name === relationName);
    if (!rel) throw badInput('orderBy', `${this.t.typeName} has no relation ${relationName}`);
    const alias = this.stmt.alias(`j_${relationName}_`);
    const restriction = this.stmt.scope.conditionFor(rel.table, alias);
    const on = [this.relationCondition(rel, alias), restriction].filter(Boolean).join(' AND ');
    this.qb.leftJoin(rel.table, alias, on);
    this.joins.set(relationName, alias);
    return alias;
  }

  /**
   * A to-one relation joined only to read the related row (a list's prefetch), or undefined when
   * a filter or sort key joined it already. Such a join looks one row up by the target's key.
   */
  readJoin(relationName: string): string | undefined {
    if (this.joins.has(relationName)) return undefined;
    const alias = this.join(relationName);
    const rel = toOneRelations(this.t).find((r) => r.name === relationName)!;
    const target = table(rel.table);
    if (rel.on.length === 1 && rel.on[0][1] === target.primaryKey) this.keyJoins.set(alias, rel.table);
    return alias;
  }

  /**
   * `sql` with the database's primary-key hint on the joins readJoin made by key (see
   * Dialect.primaryKeyJoin); a join not found as TypeORM writes it is left as it is.
   */
  withKeyJoinHints(sql: string): string {
    let out = sql;
    for (const [alias, tableName] of this.keyJoins) {
      const ref = `${this.q(tableName)} ${this.q(alias)}`;
      out = out.replace(`LEFT JOIN ${ref} ON`, `LEFT JOIN ${this.dialect.primaryKeyJoin(ref)} ON`);
    }
    return out;
  }

  /** SQL for a column of this table (stored or derived) or of a to-one relation. */
  column(columnName: string, relationName?: string): ColumnExpr {
    if (relationName) {
      const rel = toOneRelations(this.t).find((r) => r.name === relationName)!;
      const column = table(rel.table).columns.find((c) => c.name === columnName)!;
      return { column, sql: this.stored(column.name, this.join(relationName)), nullable: true };
    }
    const column = this.t.columns.find((c) => c.name === columnName)!;
    if (column.derived) {
      const rel = this.t.relations.find((r) => r.name === column.derived!.relation)!;
      const targetColumn = table(rel.table).columns.find((c) => c.name === column.derived!.column)!;
      return { column: { ...targetColumn, field: column.field }, sql: this.stored(targetColumn.name, this.join(rel.name)), nullable: true };
    }
    return { column, sql: this.stored(column.name), nullable: !column.required };
  }

  /**
   * The expression as text is compared, sorted and grouped: the dialect's text key for text
   * columns (MariaDB's utf8mb4_unicode_ci on both databases), the expression itself otherwise.
   */
  comparable(expr: string, c: CatalogColumn): string {
    return c.type === 'string' ? this.dialect.textKey(expr) : expr;
  }

  /** A parameter value of a column's type, as the database stores it. */
  value(c: CatalogColumn, v: unknown): unknown {
    if (c.type === 'guid' && typeof v === 'string') return v.toLowerCase();
    // SQLite keeps date-times as UTC text; TypeORM converts single Date parameters but not lists.
    if (v instanceof Date && this.dialect.kind === 'sqlite') return v.toISOString().replace('T', ' ').slice(0, 23);
    if (c.type === 'boolean') return v ? 1 : 0;
    return v;
  }

  param(c: CatalogColumn, v: unknown): string {
    const p = this.stmt.params.one(this.value(c, v));
    return c.type === 'decimal' ? this.dialect.decimalParam(p) : p;
  }

  /** `expr op value` for a column's type: exact for decimals, case-insensitive for text. */
  compare(e: ColumnExpr, op: CompareOp, v: unknown): string {
    if (e.factor) return this.dialect.compareDecimal(e.sql, op, this.dialect.decimalProduct(this.param(e.column, v), e.factor));
    if (e.column.type === 'decimal') return this.dialect.compareDecimal(e.sql, op, this.param(e.column, v));
    return `${this.comparable(e.sql, e.column)} ${op} ${this.comparable(this.param(e.column, v), e.column)}`;
  }

  /** `expr op param` where param is already a placeholder or SQL expression. */
  compareSql(e: ColumnExpr, op: CompareOp, paramSql: string): string {
    if (e.column.type === 'decimal') return this.dialect.compareDecimal(e.sql, op, paramSql);
    return `${this.comparable(e.sql, e.column)} ${op} ${this.comparable(paramSql, e.column)}`;
  }

  /**
   * `IN` / `NOT IN` a list of values, compared as `compare` does (exact decimals, text by its key);
   * always one IN list, never a chain of ORs that could outgrow SQLite's expression depth.
   */
  private inList(e: ColumnExpr, values: unknown[], negate: boolean, path: string): string {
    const max = this.stmt.limits.listValues;
    if (values.length > max) throw overLimit(path, 'listValues', values.length, max, `takes at most ${max} values`);
    if (values.length === 0) return negate ? '1 = 1' : '1 = 0';
    const keyword = negate ? 'NOT IN' : 'IN';
    if (e.factor) {
      const any = balanced(
        values.map((v) => this.compare(e, '=', v)),
        'OR',
      );
      return negate ? `(${e.sql} IS NOT NULL AND NOT ${any})` : any;
    }
    if (e.column.type === 'decimal') {
      const key = (sql: string) => this.dialect.decimalSortKey(sql);
      return `${key(e.sql)} ${keyword} (${values.map((v) => key(this.param(e.column, v))).join(', ')})`;
    }
    if (e.column.type === 'string' && this.dialect.kind === 'sqlite') {
      const keys = values.map((v) => this.comparable(this.param(e.column, v), e.column));
      return `${this.comparable(e.sql, e.column)} ${keyword} (${keys.join(', ')})`;
    }
    const list = this.stmt.params.list(values.map((v) => this.value(e.column, v)));
    return `${e.sql} ${keyword} ${list}`;
  }

  private like(e: ColumnExpr, pattern: string): string {
    return this.dialect.textLike(e.sql, this.stmt.params.one(pattern));
  }

  /** A text value of a filter no longer than the limit. */
  private text(value: unknown, path: string): unknown {
    const max = this.stmt.limits.textLength;
    if (typeof value === 'string' && value.length > max) {
      throw overLimit(path, 'textLength', value.length, max, `takes text of at most ${max} characters`);
    }
    return value;
  }

  /** Conditions of one column filter at `path`, ANDed. */
  columnFilter(e: ColumnExpr, f: ColumnFilter, path = 'where'): string[] {
    const out: string[] = [];
    const ops: [keyof ColumnFilter, CompareOp][] = [
      ['eq', '='],
      ['ne', '<>'],
      ['gt', '>'],
      ['gte', '>='],
      ['lt', '<'],
      ['lte', '<='],
    ];
    const text = (key: string, v: unknown) => this.text(v, `${path}.${key}`);
    for (const [key, op] of ops) if (f[key] !== undefined && f[key] !== null) out.push(this.compare(e, op, text(key, f[key])));
    for (const key of ['in', 'notIn'] as const) {
      const list = f[key];
      if (list)
        out.push(
          this.inList(
            e,
            list.map((v, i) => text(`${key}[${i}]`, v)),
            key === 'notIn',
            `${path}.${key}`,
          ),
        );
    }
    if (f.between) out.push(`(${this.compare(e, '>=', f.between.from)} AND ${this.compare(e, '<=', f.between.to)})`);
    if (typeof f.contains === 'string') out.push(this.like(e, `%${escapeLike(String(text('contains', f.contains)))}%`));
    if (typeof f.startsWith === 'string') out.push(this.like(e, `${escapeLike(String(text('startsWith', f.startsWith)))}%`));
    if (typeof f.endsWith === 'string') out.push(this.like(e, `%${escapeLike(String(text('endsWith', f.endsWith)))}`));
    if (f.isNull === true) out.push(`${e.sql} IS NULL`);
    if (f.isNull === false) out.push(`${e.sql} IS NOT NULL`);
    this.stmt.countConditions(out.length, path);
    return out;
  }

  /**
   * The SQL condition of a `<Type>Where` input, or undefined when it holds for every row. `depth`
   * counts the and / or / not and relation filters around it; the limits of query/limits.ts
   * (depth, breadth of and / or lists) are checked on the way.
   */
  where(input: Record<string, unknown> | null | undefined, path = 'where', depth = 0): string | undefined {
    if (!input) return undefined;
    const limits = this.stmt.limits;
    if (depth > limits.depth) {
      throw overLimit(path, 'filterDepth', depth, limits.depth, 'nests and / or / not and relation filters too deeply');
    }
    const list = (key: string, value: unknown) => {
      const items = value as Record<string, unknown>[];
      if (items.length > limits.breadth) {
        throw overLimit(`${path}.${key}`, 'filterBreadth', items.length, limits.breadth, `takes at most ${limits.breadth} filters`);
      }
      return items;
    };
    const parts: string[] = [];
    for (const [key, value] of Object.entries(input)) {
      if (value === undefined || value === null) continue;
      if (key === 'and') {
        for (const [i, w] of list(key, value).entries()) {
          const c = this.where(w, `${path}.and[${i}]`, depth + 1);
          if (c) parts.push(c);
        }
        continue;
      }
      if (key === 'or') {
        const alternatives = list(key, value).map((w, i) => this.where(w, `${path}.or[${i}]`, depth + 1) ?? '1 = 1');
        parts.push(alternatives.length ? balanced(alternatives, 'OR') : '1 = 0');
        continue;
      }
      if (key === 'not') {
        const c = this.where(value as Record<string, unknown>, `${path}.not`, depth + 1);
        parts.push(c ? `NOT (${c})` : '1 = 0');
        continue;
      }
      const column = queryableColumns(this.t).find((c) => c.field === key);
      if (column) {
        parts.push(...this.columnFilter(this.column(column.name), value as ColumnFilter, `${path}.${key}`));
        continue;
      }
      const rel = toOneRelations(this.t).find((r) => r.name === key);
      if (rel) {
        parts.push(this.exists(rel, value as Record<string, unknown>, `${path}.${key}`, depth + 1));
        continue;
      }
      throw badInput(`${path}.${key}`, `is not a field of ${this.t.typeName}`);
    }
    if (parts.length === 0) return undefined;
    return balanced(parts, 'AND');
  }

  /** EXISTS (related row matching `where`), the sub-query restricted by the division scope. */
  exists(rel: CatalogRelation, where: Record<string, unknown>, path: string, depth = 1): string {
    const target = table(rel.table);
    const alias = this.stmt.alias('r');
    const sub = this.qb.subQuery().select('1').from(target.name, alias) as SelectQueryBuilder<ObjectLiteral>;
    this.stmt.scope.restrict(sub, alias);
    const inner = new ListFilterCompiler(this.stmt, sub, target, alias);
    const condition = inner.where(where, path, depth);
    sub.where(this.relationCondition(rel, alias));
    if (condition) sub.andWhere(condition);
    return `EXISTS ${sub.getQuery()}`;
  }
}

/**
 * Longest text a contains/startsWith/endsWith filter accepts: longer than any text column, and far
 * below SQLite's limit on a LIKE pattern (50,000 bytes), past which the statement fails.
 */

/** Escapes LIKE wildcards so user text matches literally (backslash is the escape character). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
