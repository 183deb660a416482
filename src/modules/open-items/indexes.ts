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
 * - (Division, GLAccount), (Division, EntryID): the relations read back (loaders); by account
 *   through (Division, Account, DueDate) below, by batch through `batchIndex`.
 * - (Division, Creator), (Division, Modifier), (Division, selector): who acts in a division, i.e.
 *   the users a caller may see (migration 1764500000000).
 * - (Division, AmountFC), (Division, InvoiceNumber), (Division, YourRef): candidates of the
 *   reconciliation engine, looked up in batches (migration 1764700000000).
 * - (Division, Account, DueDate): a counterparty's oldest open items (migration 1764700000001),
 *   and every look-up by account: the shorter (Division, Account) went in 1765070000000, as every
 *   index is paid for by each row a sync writes.
 * - `batchIndex`: the side's index that starts with (Division, CashflowTransactionBatchCode).
 */
export function openItemIndexes(selector: 'PaymentSelector' | 'ReceivableSelector', batchIndex: EntityIndex): EntityIndex[] {
  return [
    { columns: ['Division', 'Status', 'DueDate', 'InvoiceDate', 'AmountDC'] },
    { columns: ['Division', 'DueDate'] },
    batchIndex,
    { columns: ['Division', 'GLAccount'] },
    { columns: ['Division', 'EntryID'] },
    { columns: ['Division', 'InvoiceDate'] },
    { columns: ['Division', 'Creator'] },
    { columns: ['Division', 'Modifier'] },
    { columns: ['Division', selector] },
    { columns: ['Division', 'AmountFC'] },
    { columns: ['Division', 'InvoiceNumber'] },
    { columns: ['Division', 'YourRef'] },
    { columns: ['Division', 'Account', 'DueDate'] },
  ];
}
