/** Exact's codes of open items (payables and receivables), shared by every layer. */

/** Payment Status codes (Exact: PaymentStatuses). */
export enum PaymentStatus {
  OPEN = 20,
  SELECTED = 30,
  PROCESSED = 40,
  MATCHED = 50,
}

/** Payment Source codes (Exact: PaymentSources). */
export enum PaymentSource {
  MANUAL = 1,
  RECONCILE = 2,
  MATCH = 3,
  IMPORT = 4,
  PROCESS = 5,
}

/** PaymentMethod codes. */
export enum PaymentMethod {
  ON_CREDIT = 'B',
  COLLECTION = 'I',
  CASH = 'K',
  CREDIT_CARD = 'V',
}

