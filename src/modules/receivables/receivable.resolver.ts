import { ageingResolver } from '../open-items/ageing.resolver';
import { openItemMutations } from '../open-items/mutations.resolver';
import { RECEIVABLE_INPUTS } from './receivable.inputs';
import { RECEIVABLE_KIND } from './receivable.kind';

/**
 * Receivable writes (scope receivables:write): createReceivable(s), updateReceivable(s),
 * deleteReceivable(s) and splitReceivable, the mutations every open item has
 * (open-items/mutations.resolver.ts). Lists, lookups, relations and receivablesAggregate come
 * from the catalog like every table's (modules/lists).
 */
export const ReceivableMutations = openItemMutations(RECEIVABLE_KIND, RECEIVABLE_INPUTS);

/** `receivableAgeing`: the open receivables by days overdue, overall, per division or per customer (scope analytics). */
export const ReceivableAgeingResolver = ageingResolver(RECEIVABLE_KIND, {
  query: 'receivableAgeing',
  type: 'ReceivableAgeing',
  items: 'receivables',
});
