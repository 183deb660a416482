/** Journal types of the financial accounts (Exact's codes: Journals.Type). */
export enum JournalType {
  CASH = 10,
  BANK = 12,
}

/** Entry status codes (Exact: 20 Open, 50 Processed). */
export enum EntryStatus {
  OPEN = 20,
  PROCESSED = 50,
}
