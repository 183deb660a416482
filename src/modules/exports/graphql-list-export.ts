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
} from 'graphql';
import { GatewayError } from '../../platform/errors';
import type { RequestContext } from '../../context/request-context';
import { Loaders } from '../../context/loaders';
import { assertDocumentSize, assertWithinLimits, DocumentLimits, parseOptionsFor, tokenLimitError } from '../../graphql/protection';
import { OutputColumn } from '../../sql/types';
import { ExportRule, exportError } from './export.errors';
import type { ExportRows } from './export.service';

const AFTER = 'exportAfterCursor';
const PAGE_INFO = 'exportPageInfo';

/**
 * The rows of a GraphQL list query, page after page: the operation (one root list field with
 * `nodes { ... }`) is validated against the schema, given an `after` cursor variable and a
 * pageInfo selection, and executed once per page with the request's context, so filters,
 * sorting, derived fields, scopes and divisions are exactly those of /graphql. Each page gets
 * fresh DataLoaders, so memory holds one page whatever the size of the export. Nested objects
 * become dotted columns (`account.name`); lists inside a node become JSON text.
 */
export function graphqlListRows(schema: GraphQLSchema, ctx: RequestContext, query: string, variables: Record<string, unknown> = {}): ExportRows {
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
    if (['after', 'before', 'last', 'offset'].includes(a.name.value)) throw notAList(`the export pages by itself: leave out ${a.name.value}`);
  }
  const nodes = root.selectionSet?.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === 'nodes' && !s.alias);
  if (!nodes?.selectionSet) throw notAList(`select the exported fields under ${root.name.value} { nodes { ... } }`);
  const columns: OutputColumn[] = [];
  const paths: string[][] = [];
  collect(nodes.selectionSet, [], columns, paths);

  // The operation as executed: an `after` variable on the root field and pageInfo selected.
  const afterArgument: ArgumentNode = { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'after' }, value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: AFTER } } };
  const pageInfo: FieldNode = {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: PAGE_INFO },
    name: { kind: Kind.NAME, value: 'pageInfo' },
    selectionSet: { kind: Kind.SELECTION_SET, selections: ['hasNextPage', 'endCursor'].map((f) => ({ kind: Kind.FIELD, name: { kind: Kind.NAME, value: f } }) as FieldNode) },
  };
  const paged: DocumentNode = {
    ...document,
    definitions: [
      {
        ...operation,
        variableDefinitions: [
          ...(operation.variableDefinitions ?? []),
          { kind: Kind.VARIABLE_DEFINITION, variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: AFTER } }, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'String' } } },
        ],
        selectionSet: {
          kind: Kind.SELECTION_SET,
          selections: [{ ...root, arguments: [...(root.arguments ?? []), afterArgument], selectionSet: { ...root.selectionSet!, selections: [...root.selectionSet!.selections, pageInfo] } }],
        },
      },
    ],
  };
  const errors = validate(schema, paged);
  if (errors.length) throw exportError(ExportRule.INVALID_QUERY, 'graphql', errors[0].message);
  // The same depth, alias and cost limits as /graphql, for each page the export runs.
  assertWithinLimits(schema, paged, paged.definitions[0] as OperationDefinitionNode, { ...variables, [AFTER]: null }, {
    maxDepth: config.maxQueryDepth,
    maxAliases: config.maxQueryAliases,
    maxCost: config.maxQueryCost,
    defaultPageSize: 50,
  });
  const key = root.alias?.value ?? root.name.value;

  async function* rows() {
    let after: string | null = null;
    for (;;) {
      const pageContext: RequestContext = { ...ctx, loaders: new Loaders(ctx.scope) };
      const result = await execute({ schema, document: paged, contextValue: pageContext, variableValues: { ...variables, [AFTER]: after } });
      if (result.errors?.length) {
        const e = result.errors[0];
        if (e.originalError instanceof GatewayError) throw e.originalError;
        throw exportError(ExportRule.INVALID_QUERY, 'graphql', e.message);
      }
      const page = (result.data as Record<string, { nodes: Record<string, unknown>[]; [PAGE_INFO]: { hasNextPage: boolean; endCursor: string | null } }>)[key];
      for (const node of page.nodes) yield flatten(node, columns, paths);
      if (!page[PAGE_INFO].hasNextPage || page.nodes.length === 0) return;
      after = page[PAGE_INFO].endCursor;
    }
  }
  return { columns, rows: rows() };
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
