import { DivisionScope } from '../../access/division-scope';
import { findTable } from '../../catalog';
import { Config } from '../../platform/config';
import type { RequestContext } from '../../context/request-context';
import { buildGatewaySchema } from '../schema';
import { ExportRule, exportError } from './export.errors';
import { graphqlListRows } from './graphql-list-export';
import { ListQueryBuilder } from '../../query/list-query-builder';
import { SqlService } from '../../sql/sql.service';
import { OutputColumn } from '../../sql/types';
import { decodeValue } from '../../sql/values';
import { kindOfCatalog } from '../../sql/value-types';

/**
 * What to export: a SQL query; a GraphQL list query (one root list field with `nodes { ... }`,
 * any where/orderBy), executed page by page; or a whole root list (`payments`) by name.
 */
export type ExportSource =
  | { kind: 'sql'; query: string; parameters?: Record<string, unknown> }
  | { kind: 'graphql'; query: string; variables?: Record<string, unknown> }
  | { kind: 'list'; list: string };

export interface ExportRows {
  columns: OutputColumn[];
  rows: AsyncGenerator<Record<string, unknown>>;
}

type ExportField = 'sql' | 'graphql' | 'list' | 'parameters' | 'variables';

/**
 * The kind of source an export request names, the same rule over HTTP (/export) and on the
 * command line: exactly one of sql, graphql or list; `parameters` only with sql, `variables` only
 * with graphql. BAD_USER_INPUT naming the field otherwise.
 */
export function exportSourceKind(input: Partial<Record<ExportField, unknown>>): ExportSource['kind'] {
  const given = (['sql', 'graphql', 'list'] as const).filter((k) => input[k] !== undefined && input[k] !== null);
  if (given.length > 1)
    throw exportError(ExportRule.TOO_MANY_SOURCES, given[1], `give one of sql, graphql or list, not ${given.join(' and ')}`);
  if (given.length === 0) {
    throw exportError(ExportRule.NO_SOURCE, 'sql', 'give a SQL query (sql), a GraphQL list query (graphql) or a list to export (list)');
  }
  const [kind] = given;
  if (input.parameters !== undefined && kind !== 'sql')
    throw exportError(ExportRule.INVALID_VALUE, 'parameters', `apply to a sql export only, not to ${kind}`);
  if (input.variables !== undefined && kind !== 'graphql')
    throw exportError(ExportRule.INVALID_VALUE, 'variables', `apply to a graphql export only, not to ${kind}`);
  return kind;
}

/**
 * Rows of an export as a stream: from the driver (SQL) or by keyset pages (lists). Every read of
 * an export is heavy (on SQLite it runs in a read worker, off the event loop) and stops when the
 * scope's signal aborts (the client hung up).
 */
export class ExportService {
  private readonly scope: DivisionScope;

  constructor(
    scope: DivisionScope,
    private readonly config: Config,
  ) {
    this.scope = scope.withStatements({ offload: true });
  }

  /** The columns and a row stream of `source`; a GraphQL source needs the request context `ctx`. */
  open(source: ExportSource, ctx?: RequestContext): ExportRows {
    if (source.kind === 'sql') return new SqlService(this.scope, this.config).stream(source.query, source.parameters ?? {});
    if (source.kind === 'graphql') {
      if (!ctx) throw new Error('A GraphQL export needs the request context');
      return graphqlListRows(buildGatewaySchema(), { ...ctx, scope: this.scope }, source.query, source.variables);
    }
    return this.list(source.list);
  }

  /**
   * A root list of the GraphQL API (`payments`, `glAccounts`), every stored column named by its
   * GraphQL field, read through the one list-query builder in pages of maxPageSize by keyset,
   * so memory holds one page at a time.
   */
  private list(name: string): ExportRows {
    const t = findTable(name) ?? findTable(name.replace(/s?$/, 's'));
    if (!t || t.rootList === false) {
      throw exportError(ExportRule.UNKNOWN_LIST, 'list', `unknown list ${name}: use a root list field such as payments or glAccounts`);
    }
    const stored = t.columns.filter((c) => !c.derived && c.type !== 'blob');
    const columns: OutputColumn[] = stored.map((c) => ({ name: c.field, type: kindOfCatalog(c) }));
    const { maxPageSize, exportTimeoutMs: statementTimeoutMs, cursorSecret, maxListValues } = this.config;
    const builder = new ListQueryBuilder(this.scope, { maxPageSize, statementTimeoutMs, cursorSecret, maxListValues });
    const pageSize = this.config.maxPageSize;
    const limit = this.config.exportMaxRows;
    async function* rows() {
      let after: string | null = null;
      let sent = 0;
      for (;;) {
        const page: Awaited<ReturnType<typeof builder.page<Record<string, unknown>>>> = await builder.page<Record<string, unknown>>(
          t!.name,
          { first: pageSize, after },
        );
        for (const node of page.nodes) {
          if (sent++ >= limit) return;
          const row: Record<string, unknown> = {};
          for (const c of columns) row[c.name] = decodeValue(c.type, node[c.name]);
          yield row;
        }
        if (!page.pageInfo.hasNextPage) return;
        after = page.pageInfo.endCursor;
      }
    }
    return { columns, rows: rows() };
  }
}
