/** Exact's codes of open items (payables and receivables), shared by every layer. */

/**
 * Status codes every open item shares (Exact: PaymentStatuses and ReceivableStatuses carry the
 * same numbers): the rules of modules/open-items speak these. PaymentStatus and ReceivableStatus
 * are the same codes under the names each side's users know, for the GraphQL enums.
 */
export enum OpenItemStatus {
  OPEN = 20,
  SELECTED = 30,
  PROCESSED = 40,
  MATCHED = 50,
}

/** Payment Status codes (Exact: PaymentStatuses). */
export enum PaymentStatus {
  OPEN = 20,
  SELECTED = 30,
  PROCESSED = 40,
  MATCHED = 50,
}

/**
 * Receivable Status codes (Exact: ReceivableStatuses): 30 is "selected for collection", 40
 * "processed" (the collection file is made).
 */
export enum ReceivableStatus {
  OPEN = 20,
  SELECTED = 30,
  PROCESSED = 40,
  MATCHED = 50,
}

/** Payment Source codes (Exact: PaymentSources); receivables have the same. */
export enum PaymentSource {
  MANUAL = 1,
  RECONCILE = 2,
  MATCH = 3,
  IMPORT = 4,
  PROCESS = 5,
}

/** PaymentMethod codes, of payments and receivables alike (I is a direct debit for a receivable). */
export enum PaymentMethod {
  ON_CREDIT = 'B',
  COLLECTION = 'I',
  CASH = 'K',
  CREDIT_CARD = 'V',
}

/** Type of a direct debit mandate (Exact: DirectDebitMandateType). */
export enum DirectDebitMandateType {
  CORE = 0,
  B2B = 1,
}

/** Payment type of a direct debit mandate (Exact: DirectDebitMandatePaymentType). */
export enum DirectDebitMandatePaymentType {
  ONE_OFF = 0,
  RECURRENT = 1,
}

/** G/L account types (Financial/GLAccounts.Type) an open item books on. */
export enum GLAccountType {
  ACCOUNTS_RECEIVABLE = 20,
  ACCOUNTS_PAYABLE = 22,
}
