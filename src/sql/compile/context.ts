/**
 * What every part of the compiler shares: the request's options, the shape of a compiled
 * expression, the clause an expression stands in, and the values bound so far.
 */
import { Dialect } from '../../db/dialect';
import { DEFAULT_MAX_LIST_VALUES } from '../../platform/config';
import { Position } from '../errors';
import { SQL_LIMITS, sqlLimit } from '../limits';
import { OutputColumn, ValueType } from '../types';

/** What the compiler needs from the request: the database dialect and the division scope. */
export interface CompileOptions {
  readonly dialect: Dialect;
  /** The division scope's condition for a catalog table under an alias (undefined: global). */
  readonly conditionFor: (tableName: string, alias: string) => string | undefined;
  /** Values of the `:name` parameters. */
  readonly parameters?: Record<string, unknown>;
  /** The outer statement returns at most this many rows (LIMIT is lowered to it). */
  readonly rowLimit?: number;
  /** Epoch ms after which a SQLite statement aborts (see Dialect.deadlineGuard). */
  readonly deadline?: number;
  /** Most items of one IN list, list parameters included (config MAX_LIST_VALUES; default 1,000). */
  readonly maxListValues?: number;
}

/** A compiled expression: SQL text, its type, and whether it contains an aggregate. */
export interface Expr {
  readonly sql: string;
  readonly type: ValueType;
  readonly aggregate: boolean;
  /** Set for literals and parameters: the placeholder token and the value bound to it. */
  readonly bound?: { token: string; value: unknown };
  /** Set for a plain column reference: the column's name (default output name). */
  readonly columnName?: string;
}

/** Where an expression stands; decides whether aggregates and select aliases may appear. */
export interface Clause {
  readonly name: 'SELECT' | 'WHERE' | 'ON' | 'GROUP BY' | 'HAVING' | 'ORDER BY' | 'function argument';
  readonly aggregates: boolean;
  readonly inAggregate?: boolean;
  /** Select-list aliases usable here (HAVING, ORDER BY), lower-cased name to expression. */
  readonly aliases?: Map<string, Expr>;
}

/** A compiled SELECT or UNION chain: SQL with placeholder tokens, and its result columns. */
export interface CompiledStatement {
  sql: string;
  columns: OutputColumn[];
}

const TOKEN = '\u0001';

/**
 * The state of one compilation: options, dialect and the bound values. A value is written as a
 * numbered token and becomes `?` only at the end, so the parameters follow the final text (the
 * parts are not compiled in text order) and an expression written twice (BETWEEN's subject)
 * binds its value twice.
 */
export class Compilation {
  readonly dialect: Dialect;
  readonly maxListValues: number;
  private readonly values = new Map<string, unknown>();
  private tables = 0;
  private depth = 0;

  constructor(readonly options: CompileOptions) {
    this.dialect = options.dialect;
    this.maxListValues = options.maxListValues ?? DEFAULT_MAX_LIST_VALUES;
  }

  /** Runs `compile` one SELECT deeper; deeper than the limit is refused. */
  nested<T>(at: Position | null, compile: () => T): T {
    if (++this.depth > SQL_LIMITS.subqueryDepth) {
      const max = SQL_LIMITS.subqueryDepth;
      throw sqlLimit('subqueryDepth', this.depth, max, `SELECTs are nested more than ${max} deep`, { at });
    }
    try {
      return compile();
    } finally {
      this.depth--;
    }
  }

  /** Counts `n` more tables the statement reads; more than the limit is refused. */
  countTables(n: number, table: string): void {
    this.tables += n;
    const max = SQL_LIMITS.tables;
    if (this.tables > max) {
      const message = `the query reads more than ${max} tables (${table} and the tables its derived columns join count)`;
      throw sqlLimit('tables', this.tables, max, message);
    }
  }

  /** An identifier quoted for the dialect. */
  q(identifier: string): string {
    return this.dialect.quote(identifier);
  }

  /** A value bound as a placeholder; more than the limit of bound values is refused. */
  bind(value: unknown, type: ValueType): Expr {
    if (this.values.size >= SQL_LIMITS.parameters) {
      const max = SQL_LIMITS.parameters;
      const message = `the query binds more than ${max} values (literals and parameters, list items included)`;
      throw sqlLimit('parameters', this.values.size + 1, max, message);
    }
    const n = String(this.values.size);
    this.values.set(n, value);
    const token = `${TOKEN}${n}${TOKEN}`;
    return { sql: token, type, aggregate: false, bound: { token, value } };
  }

  /** Replaces the value behind a token of `bind` (a text literal read as a date). */
  rebind(token: string, value: unknown): void {
    this.values.set(token.slice(1, -1), value);
  }

  /** The final text: each token becomes `?`, and its value the next of `parameters`. */
  placeholders(text: string): { text: string; parameters: unknown[] } {
    const parameters: unknown[] = [];
    const out = text.replace(new RegExp(`${TOKEN}(\\d+)${TOKEN}`, 'g'), (_m, n: string) => {
      parameters.push(this.values.get(n));
      return '?';
    });
    return { text: out, parameters };
  }
}
