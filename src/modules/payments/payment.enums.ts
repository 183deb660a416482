import { registerEnumType } from 'type-graphql';

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

registerEnumType(PaymentStatus, {
  name: 'PaymentStatus',
  description: 'Status of a payment; the Exact code is the value: 20 Open, 30 Selected, 40 Processed, 50 Matched.',
  valuesConfig: {
    OPEN: { description: '20: outstanding, not yet selected.' },
    SELECTED: { description: '30: selected to be paid.' },
    PROCESSED: { description: '40: processed into a bank file.' },
    MATCHED: { description: '50: matched with a bank statement line or other items.' },
  },
});
registerEnumType(PaymentSource, {
  name: 'PaymentSource',
  description: 'Source of a payment: 1 Manual, 2 Reconcile, 3 Match, 4 Import, 5 Process.',
});
registerEnumType(PaymentMethod, {
  name: 'PaymentMethod',
  description: 'Method of payment: B On credit (default), I Collection, K Cash, V Credit card.',
});
