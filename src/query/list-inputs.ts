import { CatalogColumn, CatalogTable } from '../catalog';

/**
 * The shapes the list and aggregate builders accept: filters, sort keys, paging and group-by, as
 * plain values. The GraphQL layer declares its input types to match them (graphql/*-inputs.ts);
 * the planners here never depend on GraphQL.
 */

/** Sort direction of a key. */
export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

/** Where rows with an empty (null) sort value go. */
export enum NullsOrder {
  FIRST = 'FIRST',
  LAST = 'LAST',
}

/** The filter operators any column filter may carry, as the compiler sees them. */
export interface ColumnFilter {
  eq?: unknown;
  ne?: unknown;
  in?: unknown[];
  notIn?: unknown[];
  gt?: unknown;
  gte?: unknown;
  lt?: unknown;
  lte?: unknown;
  between?: { from: unknown; to: unknown };
  contains?: string;
  startsWith?: string;
  endsWith?: string;
  isNull?: boolean;
}

/** A sort key as the compiler sees it: a column of the table, or a column of a to-one relation. */
export interface SortKeyRef {
  relation?: string;
  column: string;
}

/** One sort key as a client sends it. */
export interface OrderByInput {
  /** A column of the table, or (the key named after a to-one relation) a column of that relation. */
  field?: string | null;
  [relation: string]: string | null | undefined;
  direction?: SortDirection | null;
  nulls?: NullsOrder | null;
}

/** Arguments of every list: filter, sort keys, and a keyset (first/after, last/before) or offset page. */
export interface ListArgs {
  where?: Record<string, unknown> | null;
  orderBy?: OrderByInput[] | null;
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  offset?: number | null;
}

/** Relay page information of a page. */
export interface PageInfoData {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/** A page of rows as the list builder returns it. */
export interface Page<T> {
  nodes: T[];
  /** The cursor of row i (encoded when asked: most pages only need the last one). */
  cursor: (i: number) => string;
  pageInfo: PageInfoData;
  /** Computed lazily: only when the client selects totalCount. */
  totalCount: () => Promise<number>;
}

/** Columns that can be filtered and sorted: stored and derived, except bytes. */
export function queryableColumns(t: CatalogTable): CatalogColumn[] {
  return t.columns.filter((c) => c.type !== 'blob');
}

/** Relations of a table that point at one row (joins, nested filters, sort keys). */
export function toOneRelations(t: CatalogTable) {
  return t.relations.filter((r) => r.kind === 'one');
}

/** Time bucket of a date column in a group-by. */
export enum DateBucket {
  DAY = 'day',
  WEEK = 'week',
  MONTH = 'month',
  QUARTER = 'quarter',
  YEAR = 'year',
}

/** Aggregate functions over amount columns (count is always there). */
export const AGGREGATE_FUNCTIONS = ['sum', 'avg', 'min', 'max'] as const;
export type AggregateFunction = (typeof AGGREGATE_FUNCTIONS)[number];

/** Stored decimal columns: the amounts aggregates sum, average and compare. */
export function amountColumns(t: CatalogTable): CatalogColumn[] {
  return t.columns.filter((c) => c.type === 'decimal' && !c.derived);
}

/** Columns a group-by may name: every queryable column except decimals. */
export function groupableColumns(t: CatalogTable): CatalogColumn[] {
  return queryableColumns(t).filter((c) => c.type !== 'decimal');
}

export interface GroupByInput {
  field: string;
  bucket?: DateBucket | null;
}
export interface GroupOrderByInput {
  field: string;
  direction?: SortDirection | null;
}
export interface HavingInput {
  count?: Record<string, unknown> | null;
  sum?: Record<string, Record<string, unknown>> | null;
  avg?: Record<string, Record<string, unknown>> | null;
  min?: Record<string, Record<string, unknown>> | null;
  max?: Record<string, Record<string, unknown>> | null;
}
/** Arguments of `<list>Aggregate`: filter, group-by, having, group order and a page of groups. */
export interface AggregateArgs {
  where?: Record<string, unknown> | null;
  groupBy?: GroupByInput[] | null;
  having?: HavingInput | null;
  orderBy?: GroupOrderByInput[] | null;
  limit?: number | null;
  offset?: number | null;
}

/** A group as resolvers return it: key values by GraphQL field, count, and amounts per function. */
export interface GroupResult {
  key: Record<string, unknown>;
  count: number;
  sum: Record<string, string | null>;
  avg: Record<string, string | null>;
  min: Record<string, string | null>;
  max: Record<string, string | null>;
}
