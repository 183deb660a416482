import {
  ArgumentNode,
  DocumentNode,
  execute,
  FieldNode,
  getNamedType,
  GraphQLError,
  GraphQLObjectType,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  parse,
  SelectionSetNode,
  validate,
  valueFromASTUntyped,
  VariableDefinitionNode,
  visit,
} from 'graphql';
import { GatewayError } from '../../platform/errors';
import type { RequestContext } from '../../context/request-context';
import { Loaders } from '../../context/loaders';
import { isStatementCancelled } from '../../db/statement-context';
import {
  assertDocumentSize,
  assertWithinLimits,
  DocumentLimits,
  estimateCost,
  parseOptionsFor,
  tokenLimitError,
} from '../../graphql/protection';
import { OutputColumn } from '../../sql/types';
import { ExportRule, exportError } from './export.errors';
import type { ExportRows } from './export.service';

const AFTER = 'exportAfterCursor';
const PAGE = 'exportPageSize';
const PAGE_INFO = 'exportPageInfo';

/**
 * The rows of a GraphQL list query, page after page: the operation (one root list field with
 * `nodes { ... }`) is validated against the schema and checked against the depth, alias and cost
 * limits of /graphql as written, then executed with the export's own page size and an `after`
 * cursor, with the request's context (whose scope runs every read as a heavy one: off the event
 * loop on SQLite), so filters, sorting, derived fields, scopes and divisions are exactly those of
 * /graphql. Each page gets fresh DataLoaders, so memory holds one page whatever the size of the
 * export. Nested objects become dotted columns (`account.name`); lists inside a node become JSON.
 *
 * `first: n` on the root field caps the export at its first n rows; `last: n` exports the last n
 * rows (n at most the largest page, since it is read as one page). Pages are as large as the
 * largest page (MAX_PAGE_SIZE) allows while the executed operation stays within the cost limit,
 * so a large export runs few statements. Throws BAD_USER_INPUT (field `graphql`) for anything
 * else than one list query.
 */
export function graphqlListRows(
  schema: GraphQLSchema,
  ctx: RequestContext,
  query: string,
  variables: Record<string, unknown> = {},
): ExportRows {
  // The size limits of /graphql, before anything walks the document.
  const { config } = ctx;
  const documentLimits: DocumentLimits = {
    maxTokens: config.maxQueryTokens,
    maxFields: config.maxQueryFields,
    maxDirectives: config.maxQueryDirectives,
  };
  let document: DocumentNode;
  try {
    document = parse(query, parseOptionsFor(documentLimits));
  } catch (error) {
    const message = (error as GraphQLError).message;
    throw tokenLimitError(message) ?? exportError(ExportRule.INVALID_QUERY, 'graphql', message);
  }
  assertDocumentSize(document, documentLimits);
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1 || operations[0].operation !== 'query' || operations.length !== document.definitions.length) {
    throw notAList('must be one query operation, without fragments');
  }
  const operation = operations[0];
  const roots = operation.selectionSet.selections.filter((s) => !(s.kind === Kind.FIELD && s.name.value === '__typename'));
  if (roots.length !== 1 || roots[0].kind !== Kind.FIELD) throw notAList('must select exactly one root list field, such as payments');
  const root = roots[0];
  const fieldDef = schema.getQueryType()!.getFields()[root.name.value];
  const connection = fieldDef ? getNamedType(fieldDef.type) : undefined;
  if (!(connection instanceof GraphQLObjectType) || !connection.getFields().nodes || !connection.getFields().pageInfo) {
    throw notAList(`${root.name.value} is not a list field (a connection with nodes and pageInfo)`);
  }
  for (const a of root.arguments ?? []) {
    if (['after', 'before', 'offset'].includes(a.name.value)) throw notAList(`the export pages by itself: leave out ${a.name.value}`);
  }
  const nodes = root.selectionSet?.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === 'nodes' && !s.alias);
  if (!nodes?.selectionSet) throw notAList(`select the exported fields under ${root.name.value} { nodes { ... } }`);
  const columns: OutputColumn[] = [];
  const paths: string[][] = [];
  collect(nodes.selectionSet, [], columns, paths);

  // The operation as written must pass the limits of /graphql (the same verdict as there).
  const limits = { maxDepth: config.maxQueryDepth, maxAliases: config.maxQueryAliases, maxCost: config.maxQueryCost, defaultPageSize: 50 };
  const errors = validate(schema, document);
  if (errors.length) throw exportError(ExportRule.INVALID_QUERY, 'graphql', errors[0].message);
  assertWithinLimits(schema, document, operation, variables, limits);

  const { cap, backward } = rowCap(root, variables, config.maxPageSize);
  const paged = pagedDocument(document, operation, root, backward);
  const pageErrors = validate(schema, paged);
  if (pageErrors.length) throw exportError(ExportRule.INVALID_QUERY, 'graphql', pageErrors[0].message);
  const pagedOperation = paged.definitions[0] as OperationDefinitionNode;
  const fits = (size: number) =>
    estimateCost(schema, paged, pagedOperation, { ...variables, [AFTER]: null, [PAGE]: size }, 50) <= config.maxQueryCost;
  const pageSize = largestPage(Math.min(cap, config.maxPageSize), fits);
  const key = root.alias?.value ?? root.name.value;

  async function* rows() {
    let after: string | null = null;
    let left = Math.min(cap, config.exportMaxRows);
    while (left > 0) {
      const pageContext: RequestContext = { ...ctx, loaders: new Loaders(ctx.scope) };
      const variableValues = { ...variables, [AFTER]: after, [PAGE]: backward ? cap : Math.min(pageSize, left) };
      const result = await execute({ schema, document: paged, contextValue: pageContext, variableValues });
      if (result.errors?.length) {
        const e = result.errors[0];
        if (e.originalError instanceof GatewayError || isStatementCancelled(e.originalError)) throw e.originalError;
        throw exportError(ExportRule.INVALID_QUERY, 'graphql', e.message);
      }
      const page = (
        result.data as Record<string, { nodes: Record<string, unknown>[]; [PAGE_INFO]: { hasNextPage: boolean; endCursor: string | null } }>
      )[key];
      for (const node of page.nodes.slice(0, left)) yield flatten(node, columns, paths);
      left -= page.nodes.length;
      if (backward || !page[PAGE_INFO].hasNextPage || page.nodes.length === 0) return;
      after = page[PAGE_INFO].endCursor;
    }
  }
  return { columns, rows: rows() };
}

/**
 * How many rows the export may produce: the root field's `first` or `last` (a literal or a
 * variable), or no limit. `last` is read as one page (rows come in order), so it may not exceed
 * the largest page.
 */
function rowCap(root: FieldNode, variables: Record<string, unknown>, maxPageSize: number): { cap: number; backward: boolean } {
  const value = (name: string) => {
    const a = root.arguments?.find((x) => x.name.value === name);
    const v = a ? valueFromASTUntyped(a.value, variables) : undefined;
    if (v === undefined || v === null) return undefined;
    if (!Number.isInteger(v) || (v as number) < 0)
      throw exportError(ExportRule.INVALID_VALUE, 'graphql', `${name} must be a non-negative integer`);
    return v as number;
  };
  const first = value('first');
  const last = value('last');
  if (first !== undefined && last !== undefined) throw exportError(ExportRule.INVALID_VALUE, 'graphql', 'give first or last, not both');
  if (last !== undefined && last > maxPageSize) {
    const why = `last may be at most ${maxPageSize} in an export; for more rows, reverse the orderBy and use first`;
    throw exportError(ExportRule.INVALID_VALUE, 'graphql', why);
  }
  if (last !== undefined) return { cap: last, backward: true };
  return { cap: first ?? Number.POSITIVE_INFINITY, backward: false };
}

/**
 * The operation as executed: the root field's first/last replaced by the export's page size
 * variable, an `after` cursor variable (forward exports), pageInfo selected, and variable
 * definitions that nothing uses any more dropped.
 */
function pagedDocument(document: DocumentNode, operation: OperationDefinitionNode, root: FieldNode, backward: boolean): DocumentNode {
  const variable = (name: string) => ({ kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: name } }) as const;
  const argument = (name: string, value: string): ArgumentNode => ({
    kind: Kind.ARGUMENT,
    name: { kind: Kind.NAME, value: name },
    value: variable(value),
  });
  const pageInfo: FieldNode = {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: PAGE_INFO },
    name: { kind: Kind.NAME, value: 'pageInfo' },
    selectionSet: {
      kind: Kind.SELECTION_SET,
      selections: ['hasNextPage', 'endCursor'].map((f) => ({ kind: Kind.FIELD, name: { kind: Kind.NAME, value: f } }) as FieldNode),
    },
  };
  const kept = (root.arguments ?? []).filter((a) => a.name.value !== 'first' && a.name.value !== 'last');
  const args = [...kept, argument(backward ? 'last' : 'first', PAGE), ...(backward ? [] : [argument('after', AFTER)])];
  const selectionSet: SelectionSetNode = {
    kind: Kind.SELECTION_SET,
    selections: [
      { ...root, arguments: args, selectionSet: { ...root.selectionSet!, selections: [...root.selectionSet!.selections, pageInfo] } },
    ],
  };
  const used = new Set<string>();
  visit(selectionSet, { Variable: (v) => void used.add(v.name.value) });
  const definition = (name: string, type: string): VariableDefinitionNode => ({
    kind: Kind.VARIABLE_DEFINITION,
    variable: variable(name),
    type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: type } },
  });
  const variableDefinitions = [
    ...(operation.variableDefinitions ?? []).filter((d) => used.has(d.variable.name.value)),
    definition(PAGE, 'Int'),
    ...(backward ? [] : [definition(AFTER, 'String')]),
  ];
  return { ...document, definitions: [{ ...operation, variableDefinitions, selectionSet }] };
}

/** The largest page size up to `most` (halving from it) that `fits`; at least 1. */
function largestPage(most: number, fits: (size: number) => boolean): number {
  let size = Math.max(1, most);
  while (size > 1 && !fits(size)) size = Math.floor(size / 2);
  return size;
}

function collect(set: SelectionSetNode, prefix: string[], columns: OutputColumn[], paths: string[][]): void {
  for (const s of set.selections) {
    if (s.kind !== Kind.FIELD) throw notAList('fragments are not supported in exports: list the fields');
    const name = s.alias?.value ?? s.name.value;
    if (s.selectionSet) collect(s.selectionSet, [...prefix, name], columns, paths);
    else {
      paths.push([...prefix, name]);
      columns.push({ name: [...prefix, name].join('.'), type: { kind: 'string' } });
    }
  }
}

function flatten(node: Record<string, unknown>, columns: OutputColumn[], paths: string[][]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  paths.forEach((path, i) => {
    let v: unknown = node;
    for (const p of path) {
      if (Array.isArray(v)) {
        v = JSON.stringify(v);
        break;
      }
      v = v === null || v === undefined ? null : (v as Record<string, unknown>)[p];
    }
    row[columns[i].name] = v ?? null;
  });
  return row;
}

/** BAD_USER_INPUT on `graphql`: the operation is not an exportable list query. */
function notAList(why: string) {
  return exportError(ExportRule.NOT_A_LIST_QUERY, 'graphql', why);
}
