import { DEFAULT_MAX_LIST_VALUES } from '../platform/config';
import { overLimit } from '../platform/errors';

export { balanced } from '../sql/limits';

/**
 * The sizes a list or aggregate request may have (docs/querying.md, "Limits"), checked before
 * any SQL runs, so that no request reaches a limit of either database (SQLite: 32,766 bound
 * values, expression depth 1,000, LIKE patterns of 50,000 bytes; MariaDB: 65,535 placeholders,
 * 61 tables in a join, a 16 MB packet). Each is far below the smaller of the two; a request
 * beyond one is refused with BAD_USER_INPUT naming the field, `limit`, `value` and `max`.
 */
export interface FilterLimits {
  /** Values of one `in` / `notIn` list (MAX_LIST_VALUES). */
  readonly listValues: number;
  /** and / or / not and relation filters nested in one another. */
  readonly depth: number;
  /** Filters in one `and` or `or` list. */
  readonly breadth: number;
  /** Conditions (one operator on one column) in one request's filters and having, in all. */
  readonly conditions: number;
  /** Characters of one text value (eq, contains, an `in` item, ...). */
  readonly textLength: number;
  /** Values bound to one statement (every list item counts). */
  readonly parameters: number;
}

export const DEFAULT_FILTER_LIMITS: FilterLimits = {
  listValues: DEFAULT_MAX_LIST_VALUES,
  depth: 8,
  breadth: 100,
  conditions: 500,
  textLength: 1000,
  parameters: 5000,
};

/** Sort keys of one list (`orderBy`) and group keys of one aggregate (`groupBy`, `orderBy`). */
export const MAX_SORT_KEYS = 8;
export const MAX_GROUP_KEYS = 8;

/** Refuses a list of keys (orderBy, groupBy) longer than `max`. */
export function checkKeyCount(field: string, limit: string, count: number, max: number): void {
  if (count > max) throw overLimit(field, limit, count, max, `takes at most ${max} keys`);
}
