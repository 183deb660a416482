import { DivisionScope } from '../access/division-scope';
import { Config } from '../platform/config';
import { SqlRule, sqlRuleError } from './errors';
import { SelectStatementCompiler } from './compile';
import { parseSelect } from './parse';
import { CompiledQuery, OutputColumn } from './types';
import { decodeRow } from './values';

export interface SqlResult {
  columns: OutputColumn[];
  rows: Record<string, unknown>[];
}

export interface SqlStream {
  columns: OutputColumn[];
  rows: AsyncGenerator<Record<string, unknown>>;
}

/**
 * The SQL layer: parse, check against the catalog, scope, compile, run. Every statement leaves
 * through the division scope with a row limit and a statement timeout.
 */
export class SqlService {
  constructor(
    private readonly scope: DivisionScope,
    private readonly config: Config,
  ) {}

  /** Compiles without running (also used by tests and by `explain`-style diagnostics). */
  compile(query: string, parameters: Record<string, unknown> = {}, options: { rowLimit?: number; deadline?: number } = {}): CompiledQuery {
    checkParameters(parameters);
    const ast = parseSelect(query);
    return new SelectStatementCompiler({
      dialect: this.scope.dialect,
      conditionFor: (t, alias) => this.scope.conditionFor(t, alias),
      parameters,
      maxListValues: this.config.maxListValues,
      ...options,
    }).compile(ast);
  }

  /** Runs a query whose result must fit the row limit; a larger result is refused, never cut. */
  async run(query: string, parameters: Record<string, unknown> = {}): Promise<SqlResult> {
    const max = this.config.sqlMaxRows;
    const timeoutMs = this.config.statementTimeoutMs;
    const compiled = this.compile(query, parameters, { rowLimit: max + 1, deadline: Date.now() + timeoutMs });
    // Heavy: an analyst's SELECT may scan whole tables; on SQLite it runs in a read worker.
    const raw = await this.scope.rawQuery(compiled.sql, compiled.parameters, { timeoutMs, heavy: true });
    if (raw.length > max) {
      const why = `the result has more than ${max} rows: add a LIMIT, aggregate, or use /export for large results`;
      throw sqlRuleError(SqlRule.TOO_MANY_ROWS, 'query', why, { rowLimit: max });
    }
    return { columns: compiled.columns, rows: raw.map((r) => decodeRow(compiled.columns, r)) };
  }

  /** Streams a query's rows from the driver (exports), bounded by the export limits. */
  stream(query: string, parameters: Record<string, unknown> = {}): SqlStream {
    const timeoutMs = this.config.exportTimeoutMs;
    const compiled = this.compile(query, parameters, { rowLimit: this.config.exportMaxRows, deadline: Date.now() + timeoutMs });
    const scope = this.scope;
    async function* rows() {
      for await (const r of scope.streamQuery(compiled.sql, compiled.parameters, { timeoutMs })) yield decodeRow(compiled.columns, r);
    }
    return { columns: compiled.columns, rows: rows() };
  }
}

function checkParameters(parameters: unknown): asserts parameters is Record<string, unknown> {
  if (parameters === null || typeof parameters !== 'object' || Array.isArray(parameters)) {
    throw sqlRuleError(SqlRule.INVALID_PARAMETER, 'parameters', 'must be an object of named values, such as {"status": 20}');
  }
}
