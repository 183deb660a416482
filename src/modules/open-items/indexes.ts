import type { CatalogEntityOptions } from '../../graphql/catalog-entity';

/** An index of a catalog entity, as @CatalogEntity takes it. */
export type EntityIndex = NonNullable<CatalogEntityOptions['indexes']>[number];

/**
 * The indexes every open-item table has (Payments and Receivables, one list so the two sides keep
 * the same plans), each led by the division. `selector`: the column naming the user who selected
 * the item for a run (PaymentSelector on Payments, ReceivableSelector on Receivables).
 *
 * - (Division, Status, DueDate, InvoiceDate, AmountDC): covering for the totals per status and
 *   month and for the ageing (migration 1763990000000, Receivables' in 1764300000000).
 * - (Division, DueDate), (Division, InvoiceDate): lists ordered and filtered by either date.
 * - (Division, Account), (Division, GLAccount), (Division, EntryID),
 *   (Division, CashflowTransactionBatchCode): the relations read back (loaders, batches).
 * - (Division, Creator), (Division, Modifier), (Division, selector): who acts in a division, i.e.
 *   the users a caller may see (migration 1764500000000).
 */
export function openItemIndexes(selector: 'PaymentSelector' | 'ReceivableSelector'): EntityIndex[] {
  return [
    { columns: ['Division', 'Status', 'DueDate', 'InvoiceDate', 'AmountDC'] },
    { columns: ['Division', 'DueDate'] },
    { columns: ['Division', 'Account'] },
    { columns: ['Division', 'CashflowTransactionBatchCode'] },
    { columns: ['Division', 'GLAccount'] },
    { columns: ['Division', 'EntryID'] },
    { columns: ['Division', 'InvoiceDate'] },
    { columns: ['Division', 'Creator'] },
    { columns: ['Division', 'Modifier'] },
    { columns: ['Division', selector] },
  ];
}
