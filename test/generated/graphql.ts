import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A country code as defined by ISO 3166-1 alpha-2 */
  CountryCode: { input: string; output: string; }
  /** A field whose value is a Currency: https://en.wikipedia.org/wiki/ISO_4217. */
  Currency: { input: string; output: string; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  DateTime: { input: string; output: string; }
  /** An exact decimal number, serialised as a string such as "1234.50". */
  Decimal: { input: string; output: string; }
  /** A field whose value is an International Bank Account Number (IBAN): https://en.wikipedia.org/wiki/International_Bank_Account_Number. */
  IBAN: { input: string; output: string; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: unknown; output: unknown; }
  /** The `SafeInt` scalar type represents non-fractional signed whole numeric values that are considered safe as defined by the ECMAScript specification. */
  SafeInt: { input: number; output: number; }
  /** A field whose value is a generic Universally Unique Identifier: https://en.wikipedia.org/wiki/Universally_unique_identifier. Read in either case, with or without braces; stored and returned in lower case. */
  UUID: { input: string; output: string; }
};

/** A sort key for Accounts: `field` or one to-one relation (`{ account: name }`); lists always end with the primary key so the order is stable. */
export type AccountOrderBy = {
  /** Direction (ascending by default). */
  direction?: InputMaybe<SortDirection>;
  /** Sort on a column of division (Divisions) instead. */
  division?: InputMaybe<DivisionSortField>;
  /** Column of this table to sort on (give this or one relation). */
  field?: InputMaybe<AccountSortField>;
  /** Where empty values go. */
  nulls?: InputMaybe<NullsOrder>;
};

/** Columns Accounts can be sorted on. */
export enum AccountSortField {
  /** Chamber of commerce number (ChamberOfCommerce). Chamber of commerce number of the account. */
  ChamberOfCommerce = 'chamberOfCommerce',
  /** City (City). City of the visiting address. */
  City = 'city',
  /** Code (Code). Code of the account, unique in the division. */
  Code = 'code',
  /** Country (Country). Country of the account (ISO 3166-1 alpha-2). */
  Country = 'country',
  /** Created (Created). Creation date. */
  Created = 'created',
  /** Creator (Creator). User ID of creator. */
  CreatorId = 'creatorID',
  /** Division (Division). Division code. */
  DivisionCode = 'divisionCode',
  /** Email (Email). Email address of the account. */
  Email = 'email',
  /** ID (ID). Identifier of the account. */
  Id = 'id',
  /** Is customer (IsSales). Whether the account is a customer. */
  IsSales = 'isSales',
  /** Is supplier (IsSupplier). Whether the account is a supplier. */
  IsSupplier = 'isSupplier',
  /** Modified (Modified). Last modified date. */
  Modified = 'modified',
  /** Modifier (Modifier). User ID of modifier. */
  ModifierId = 'modifierID',
  /** Name (Name). Name of the account. */
  Name = 'name',
  /** Status (Status). A none, S suspect, P prospect, C customer. */
  Status = 'status',
  /** VAT number (VATNumber). VAT number of the account. */
  VatNumber = 'vatNumber'
}

/** Filter on Accounts (Accounts): every field given must hold. */
export type AccountWhere = {
  /** All of these filters hold. */
  and?: InputMaybe<Array<AccountWhere>>;
  /** Chamber of commerce number (ChamberOfCommerce). Chamber of commerce number of the account. */
  chamberOfCommerce?: InputMaybe<StringFilter>;
  /** City (City). City of the visiting address. */
  city?: InputMaybe<StringFilter>;
  /** Code (Code). Code of the account, unique in the division. */
  code?: InputMaybe<StringFilter>;
  /** Country (Country). Country of the account (ISO 3166-1 alpha-2). */
  country?: InputMaybe<StringFilter>;
  /** Created (Created). Creation date. */
  created?: InputMaybe<DateTimeFilter>;
  /** Creator (Creator). User ID of creator. */
  creatorID?: InputMaybe<IdFilter>;
  /** Rows whose division matches (Division of the account.); compiled to EXISTS. */
  division?: InputMaybe<DivisionWhere>;
  /** Division (Division). Division code. */
  divisionCode?: InputMaybe<IntFilter>;
  /** Email (Email). Email address of the account. */
  email?: InputMaybe<StringFilter>;
  /** ID (ID). Identifier of the account. */
  id?: InputMaybe<IdFilter>;
  /** Is customer (IsSales). Whether the account is a customer. */
  isSales?: InputMaybe<BooleanFilter>;
  /** Is supplier (IsSupplier). Whether the account is a supplier. */
  isSupplier?: InputMaybe<BooleanFilter>;
  /** Modified (Modified). Last modified date. */
  modified?: InputMaybe<DateTimeFilter>;
  /** Modifier (Modifier). User ID of modifier. */
  modifierID?: InputMaybe<IdFilter>;
  /** Name (Name). Name of the account. */
  name?: InputMaybe<StringFilter>;
  /** This filter does not hold. */
  not?: InputMaybe<AccountWhere>;
  /** At least one of these filters holds. */
  or?: InputMaybe<Array<AccountWhere>>;
  /** Status (Status). A none, S suspect, P prospect, C customer. */
  status?: InputMaybe<StringFilter>;
  /** VAT number (VATNumber). VAT number of the account. */
  vatNumber?: InputMaybe<StringFilter>;
};

/** Level of detail of an ageing: overall, per division, or per account (the supplier or the customer). */
export enum AgeingLevel {
  Account = 'ACCOUNT',
  Division = 'DIVISION',
  Overall = 'OVERALL'
}

/** An allocation rule: words and/or a counterparty IBAN, and the G/L account (and account) they assign. */
export type AllocationRuleInput = {
  /** Account (customer or supplier) the rule assigns; an account of the division. */
  accountID?: InputMaybe<Scalars['UUID']['input']>;
  /** IBAN a line must come from or go to (stored in electronic form). */
  counterpartyBankAccount?: InputMaybe<Scalars['String']['input']>;
  /** What the rule is for, 1 to 60 characters (e.g. Bank fees). Required. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Division of the rule. Required on create; never changed. */
  divisionCode?: InputMaybe<Scalars['Int']['input']>;
  /** G/L account the line is booked to; a G/L account of the division. Required. */
  glAccountID?: InputMaybe<Scalars['UUID']['input']>;
  /** Order among the rules, 0 to 1000000, lower first (default 100). */
  priority?: InputMaybe<Scalars['Int']['input']>;
  /** Words separated by spaces (at most 200 characters) that must all appear in a line's texts; case and accents ignored. */
  words?: InputMaybe<Scalars['String']['input']>;
};

/** A sort key for Allocation rules: `field` or one to-one relation (`{ account: name }`); lists always end with the primary key so the order is stable. */
export type AllocationRuleOrderBy = {
  /** Sort on a column of account (Accounts) instead. */
  account?: InputMaybe<AccountSortField>;
  /** Direction (ascending by default). */
  direction?: InputMaybe<SortDirection>;
  /** Sort on a column of division (Divisions) instead. */
  division?: InputMaybe<DivisionSortField>;
  /** Column of this table to sort on (give this or one relation). */
  field?: InputMaybe<AllocationRuleSortField>;
  /** Sort on a column of glAccount (GLAccounts) instead. */
  glAccount?: InputMaybe<GlAccountSortField>;
  /** Where empty values go. */
  nulls?: InputMaybe<NullsOrder>;
};

/** Columns Allocation rules can be sorted on. */
export enum AllocationRuleSortField {
  /** Account (Account). Account the line is assigned to (optional). */
  AccountId = 'accountID',
  /** Counterparty IBAN (CounterpartyBankAccount). IBAN (electronic form) the line must come from or go to; empty when the rule is on words only. */
  CounterpartyBankAccount = 'counterpartyBankAccount',
  /** Created (Created). Creation date. */
  Created = 'created',
  /** Creator (Creator). User ID of creator. */
  CreatorId = 'creatorID',
  /** Description (Description). What the rule is for (e.g. Bank fees). */
  Description = 'description',
  /** Division (Division). Division code. */
  DivisionCode = 'divisionCode',
  /** G/L account (GLAccount). G/L account the line is booked to. */
  GlAccountId = 'glAccountID',
  /** ID (ID). Identifier of the allocation rule. */
  Id = 'id',
  /** Modified (Modified). Last modified date. */
  Modified = 'modified',
  /** Modifier (Modifier). User ID of modifier. */
  ModifierId = 'modifierID',
  /** Priority (Priority). Order among rules: lower first; the first rule that applies wins. */
  Priority = 'priority',
  /** Words (Words). Words separated by spaces that must all appear in the line's description, remittance information or counterparty name (case and accents ignored); empty when the rule is on the IBAN only. */
  Words = 'words'
}

/** Filter on Allocation rules (AllocationRules): every field given must hold. */
export type AllocationRuleWhere = {
  /** Rows whose account matches (Account the rule assigns.); compiled to EXISTS. */
  account?: InputMaybe<AccountWhere>;
  /** Account (Account). Account the line is assigned to (optional). */
  accountID?: InputMaybe<IdFilter>;
  /** All of these filters hold. */
  and?: InputMaybe<Array<AllocationRuleWhere>>;
  /** Counterparty IBAN (CounterpartyBankAccount). IBAN (electronic form) the line must come from or go to; empty when the rule is on words only. */
  counterpartyBankAccount?: InputMaybe<StringFilter>;
  /** Created (Created). Creation date. */
  created?: InputMaybe<DateTimeFilter>;
  /** Creator (Creator). User ID of creator. */
  creatorID?: InputMaybe<IdFilter>;
  /** Description (Description). What the rule is for (e.g. Bank fees). */
  description?: InputMaybe<StringFilter>;
  /** Rows whose division matches (Division of the rule.); compiled to EXISTS. */
  division?: InputMaybe<DivisionWhere>;
  /** Division (Division). Division code. */
  divisionCode?: InputMaybe<IntFilter>;
  /** Rows whose glAccount matches (G/L account the rule books to.); compiled to EXISTS. */
  glAccount?: InputMaybe<GlAccountWhere>;
  /** G/L account (GLAccount). G/L account the line is booked to. */
  glAccountID?: InputMaybe<IdFilter>;
  /** ID (ID). Identifier of the allocation rule. */
  id?: InputMaybe<IdFilter>;
  /** Modified (Modified). Last modified date. */
  modified?: InputMaybe<DateTimeFilter>;
  /** Modifier (Modifier). User ID of modifier. */
  modifierID?: InputMaybe<IdFilter>;
  /** This filter does not hold. */
  not?: InputMaybe<AllocationRuleWhere>;
  /** At least one of these filters holds. */
  or?: InputMaybe<Array<AllocationRuleWhere>>;
  /** Priority (Priority). Order among rules: lower first; the first rule that applies wins. */
  priority?: InputMaybe<IntFilter>;
  /** Words (Words). Words separated by spaces that must all appear in the line's description, remittance information or counterparty name (case and accents ignored); empty when the rule is on the IBAN only. */
  words?: InputMaybe<StringFilter>;
};

/** A sort key for Bank accounts: `field` or one to-one relation (`{ account: name }`); lists always end with the primary key so the order is stable. */
export type BankAccountOrderBy = {
  /** Sort on a column of account (Accounts) instead. */
  account?: InputMaybe<AccountSortField>;
  /** Direction (ascending by default). */
  direction?: InputMaybe<SortDirection>;
  /** Sort on a column of division (Divisions) instead. */
  division?: InputMaybe<DivisionSortField>;
  /** Column of this table to sort on (give this or one relation). */
  field?: InputMaybe<BankAccountSortField>;
  /** Where empty values go. */
  nulls?: InputMaybe<NullsOrder>;
};

/** Columns Bank accounts can be sorted on. */
export enum BankAccountSortField {
  /** Account (Account). The account owning this bank account; empty for the division's own bank accounts. */
  AccountId = 'accountID',
  /** Bank account number (BankAccount). IBAN or other bank account number. */
  BankAccount = 'bankAccount',
  /** Account holder (BankAccountHolderName). Name of the holder of the bank account. */
  BankAccountHolderName = 'bankAccountHolderName',
  /** BIC (BIC). BIC (SWIFT code) of the bank. */
  Bic = 'bic',
  /** Created (Created). Creation date. */
  Created = 'created',
  /** Creator (Creator). User ID of creator. */
  CreatorId = 'creatorID',
  /** Currency (Currency). Currency of the bank account (ISO 4217). */
  Currency = 'currency',
  /** Description (Description). Description of the bank account. */
  Description = 'description',
  /** Division (Division). Division code. */
  DivisionCode = 'divisionCode',
  /** ID (ID). Identifier of the bank account. */
  Id = 'id',
  /** Main (Main). Whether this is the main bank account of its owner. */
  Main = 'main',
  /** Modified (Modified). Last modified date. */
  Modified = 'modified',
  /** Modifier (Modifier). User ID of modifier. */
  ModifierId = 'modifierID'
}

/** Filter on Bank accounts (BankAccounts): every field given must hold. */
export type BankAccountWhere = {
  /** Rows whose account matches (The account owning this bank account, if not the division's own.); compiled to EXISTS. */
  account?: InputMaybe<AccountWhere>;
  /** Account (Account). The account owning this bank account; empty for the division's own bank accounts. */
  accountID?: InputMaybe<IdFilter>;
  /** All of these filters hold. */
  and?: InputMaybe<Array<BankAccountWhere>>;
  /** Bank account number (BankAccount). IBAN or other bank account number. */
  bankAccount?: InputMaybe<StringFilter>;
  /** Account holder (BankAccountHolderName). Name of the holder of the bank account. */
  bankAccountHolderName?: InputMaybe<StringFilter>;
  /** BIC (BIC). BIC (SWIFT code) of the bank. */
  bic?: InputMaybe<StringFilter>;
  /** Created (Created). Creation date. */
  created?: InputMaybe<DateTimeFilter>;
  /** Creator (Creator). User ID of creator. */
  creatorID?: InputMaybe<IdFilter>;
  /** Currency (Currency). Currency of the bank account (ISO 4217). */
  currency?: InputMaybe<StringFilter>;
  /** Description (Description). Description of the bank account. */
  description?: InputMaybe<StringFilter>;
  /** Rows whose division matches (Division of the bank account.); compiled to EXISTS. */
  division?: InputMaybe<DivisionWhere>;
  /** Division (Division). Division code. */
  divisionCode?: InputMaybe<IntFilter>;
  /** ID (ID). Identifier of the bank account. */
  id?: InputMaybe<IdFilter>;
  /** Main (Main). Whether this is the main bank account of its owner. */
  main?: InputMaybe<BooleanFilter>;
  /** Modified (Modified). Last modified date. */
  modified?: InputMaybe<DateTimeFilter>;
  /** Modifier (Modifier). User ID of modifier. */
  modifierID?: InputMaybe<IdFilter>;
  /** This filter does not hold. */
  not?: InputMaybe<BankAccountWhere>;
  /** At least one of these filters holds. */
  or?: InputMaybe<Array<BankAccountWhere>>;
};

/** Conditions on aggregated amounts of Bank entries. */
export type BankEntryAmountsFilter = {
  /** Balance gap (BalanceGapFC). Opening balance minus the closing balance of the journal's previous entry, when they differ (a statement is missing): stored only when the import accepted the gap; empty when the balances connect. */
  balanceGapFC?: InputMaybe<DecimalFilter>;
  /** Closing balance (ClosingBalanceFC). Balance after the entry's lines: exactly the opening balance plus the lines. */
  closingBalanceFC?: InputMaybe<DecimalFilter>;
  /** Opening balance (OpeningBalanceFC). Balance before the entry's lines; equals the closing balance of the journal's previous entry. */
  openingBalanceFC?: InputMaybe<DecimalFilter>;
};

/** A group-by key of Bank entries. */
export type BankEntryGroupBy = {
  /** Time bucket for a date column (default day); BAD_USER_INPUT on any other column. */
  bucket?: InputMaybe<DateBucket>;
  /** Column to group by. */
  field: BankEntryGroupField;
};

/** Columns Bank entries can be grouped by (date columns by a time bucket). */
export enum BankEntryGroupField {
  /** Own bank account ID (BankAccountID). The own bank account the statement is about (the journal's). */
  BankAccountId = 'bankAccountID',
  /** Own bank account number (BankAccountNumber). IBAN (or other number) of the own bank account. */
  BankAccountNumber = 'bankAccountNumber',
  /** Bank statement document (BankStatementDocument). Document holding the imported statement file. */
  BankStatementDocumentId = 'bankStatementDocumentID',
  /** Bank statement document number (BankStatementDocumentNumber). Number of the document holding the statement file. */
  BankStatementDocumentNumber = 'bankStatementDocumentNumber',
  /** Bank statement document subject (BankStatementDocumentSubject). Subject of the document holding the statement file. */
  BankStatementDocumentSubject = 'bankStatementDocumentSubject',
  /** Created (Created). Creation date. */
  Created = 'created',
  /** Creator (Creator). User ID of creator. */
  CreatorId = 'creatorID',
  /** Currency (Currency). Currency of the balances and lines (ISO 4217): the currency of the account. */
  Currency = 'currency',
  /** Division (Division). Division code. */
  DivisionCode = 'divisionCode',
  /** Entry date (EntryDate). Date of the statement: the day of its closing balance. */
  EntryDate = 'entryDate',
  /** Entry ID (EntryID). Identifier of the bank entry (one imported statement). */
  EntryId = 'entryID',
  /** Entry number (EntryNumber). Number of the entry within its journal: 1, 2, ... in the order the entries were stored. */
  EntryNumber = 'entryNumber',
  /** File hash (FileHash). SHA-256 of the statement file the entry was imported from: the same file sent again is recognised by it. */
  FileHash = 'fileHash',
  /** Financial period (FinancialPeriod). Financial period of the entry (month of EntryDate, 1 to 12). */
  FinancialPeriod = 'financialPeriod',
  /** Financial year (FinancialYear). Financial year of the entry (calendar year of EntryDate). */
  FinancialYear = 'financialYear',
  /** Journal (JournalCode). Code of the journal of the entry: a journal of type 12 (Bank), one per own bank account. */
  JournalCode = 'journalCode',
  /** Journal description (JournalDescription). Description of the journal. */
  JournalDescription = 'journalDescription',
  /** Modified (Modified). Last modified date. */
  Modified = 'modified',
  /** Modifier (Modifier). User ID of modifier. */
  ModifierId = 'modifierID',
  /** Opening balance date (OpeningBalanceDate). Date of the opening balance as the statement gives it, if it does. */
  OpeningBalanceDate = 'openingBalanceDate',
  /** Statement hash (StatementHash). SHA-256 of the statement as stored (header and lines): a statement sent again is recognised by it and stored once. */
  StatementHash = 'statementHash',
  /** Statement number (StatementNumber). Number of the statement as the bank gives it (CODA restarts it every year, so it is unique per FinancialYear). */
  StatementNumber = 'statementNumber',
  /** Status (Status). Status of the entry: 20 Open, 50 Processed. */
  Status = 'status'
}

/** An ordering of groups of Bank entries. */
export type BankEntryGroupOrderBy = {
  direction?: InputMaybe<SortDirection>;
  /** Group key or aggregate to order by. */
  field: BankEntryGroupOrderField;
};

/** What groups of Bank entries can be ordered by: a group key, count, or function_amount. */
export enum BankEntryGroupOrderField {
  AvgBalanceGapFc = 'avg_balanceGapFC',
  AvgClosingBalanceFc = 'avg_closingBalanceFC',
  AvgOpeningBalanceFc = 'avg_openingBalanceFC',
  BankAccountId = 'bankAccountID',
  BankAccountNumber = 'bankAccountNumber',
  BankStatementDocumentId = 'bankStatementDocumentID',
  BankStatementDocumentNumber = 'bankStatementDocumentNumber',
  BankStatementDocumentSubject = 'bankStatementDocumentSubject',
  Count = 'count',
  Created = 'created',
  CreatorId = 'creatorID',
  Currency = 'currency',
  DivisionCode = 'divisionCode',
  EntryDate = 'entryDate',
  EntryId = 'entryID',
  EntryNumber = 'entryNumber',
  FileHash = 'fileHash',
  FinancialPeriod = 'financialPeriod',
  FinancialYear = 'financialYear',
  JournalCode = 'journalCode',
  JournalDescription = 'journalDescription',
  MaxBalanceGapFc = 'max_balanceGapFC',
  MaxClosingBalanceFc = 'max_closingBalanceFC',
  MaxOpeningBalanceFc = 'max_openingBalanceFC',
  MinBalanceGapFc = 'min_balanceGapFC',
  MinClosingBalanceFc = 'min_closingBalanceFC',
  MinOpeningBalanceFc = 'min_openingBalanceFC',
  Modified = 'modified',
  ModifierId = 'modifierID',
  OpeningBalanceDate = 'openingBalanceDate',
  StatementHash = 'statementHash',
  StatementNumber = 'statementNumber',
  Status = 'status',
  SumBalanceGapFc = 'sum_balanceGapFC',
  SumClosingBalanceFc = 'sum_closingBalanceFC',
  SumOpeningBalanceFc = 'sum_openingBalanceFC'
}

/** Conditions on groups of Bank entries (SQL HAVING); all must hold. */
export type BankEntryHaving = {
  /** Conditions on the avg of amounts. */
  avg?: InputMaybe<BankEntryAmountsFilter>;
  /** Condition on the number of rows in the group. */
  count?: InputMaybe<IntFilter>;
  /** Conditions on the max of amounts. */
  max?: InputMaybe<BankEntryAmountsFilter>;
  /** Conditions on the min of amounts. */
  min?: InputMaybe<BankEntryAmountsFilter>;
  /** Conditions on the sum of amounts. */
  sum?: InputMaybe<BankEntryAmountsFilter>;
};

/** Conditions on aggregated amounts of Bank entry lines. */
export type BankEntryLineAmountsFilter = {
  /** Amount (division currency) (AmountDC). Amount in the division's currency; empty while the exchange rate of a foreign-currency account is not known. */
  amountDC?: InputMaybe<DecimalFilter>;
  /** Amount (AmountFC). Amount in the currency of the account: positive money in, negative money out. */
  amountFC?: InputMaybe<DecimalFilter>;
  /** Balance after (BalanceAfterFC). Balance of the account after this line: the entry's opening balance plus its lines up to this one. The last line's is the entry's closing balance. */
  balanceAfterFC?: InputMaybe<DecimalFilter>;
  /** Exchange rate (ExchangeRate). AmountFC x ExchangeRate = AmountDC; 1 for an account in the division's currency. */
  exchangeRate?: InputMaybe<DecimalFilter>;
  /** Open amount (OpenAmountFC). Part of the line not yet settled (an over-payment that stays on the line); empty while nothing is settled (the whole AmountFC). */
  openAmountFC?: InputMaybe<DecimalFilter>;
};

/** A group-by key of Bank entry lines. */
export type BankEntryLineGroupBy = {
  /** Time bucket for a date column (default day); BAD_USER_INPUT on any other column. */
  bucket?: InputMaybe<DateBucket>;
  /** Column to group by. */
  field: BankEntryLineGroupField;
};

/** Columns Bank entry lines can be grouped by (date columns by a time bucket). */
export enum BankEntryLineGroupField {
  /** Account code (AccountCode). Code of the account. */
  AccountCode = 'accountCode',
  /** Account (Account). The customer or supplier of the line, once known. */
  AccountId = 'accountID',
  /** Account name (AccountName). Name of the account. */
  AccountName = 'accountName',
  /** Bank reference (BankReference). The bank's own reference of the movement (CAMT AcctSvcrRef, CODA bank reference, MT940 reference after //). */
  BankReference = 'bankReference',
  /** Bank transaction code (BankTransactionCode). The bank's code of the kind of movement: ISO domain/family/subfamily, the CODA code, a proprietary or SWIFT code. */
  BankTransactionCode = 'bankTransactionCode',
  /** Counterparty BIC (CounterpartyBIC). BIC of the other party's bank. */
  CounterpartyBic = 'counterpartyBIC',
  /** Counterparty bank account (CounterpartyBankAccount). Account of the other party: an IBAN in electronic form, or another account number as the bank writes it. */
  CounterpartyBankAccount = 'counterpartyBankAccount',
  /** Counterparty name (CounterpartyName). Name of the other party as the bank gives it. */
  CounterpartyName = 'counterpartyName',
  /** Created (Created). Creation date. */
  Created = 'created',
  /** Creator (Creator). User ID of creator. */
  CreatorId = 'creatorID',
  /** Currency (Currency). Currency of AmountFC (that of the entry). */
  Currency = 'currency',
  /** Date (Date). Booking date of the line (never after the entry's date). */
  Date = 'date',
  /** Description (Description). Description of the line. */
  Description = 'description',
  /** Division (Division). Division code. */
  DivisionCode = 'divisionCode',
  /** Document (Document). Document of the line (a receipt, an invoice). */
  DocumentId = 'documentID',
  /** Document number (DocumentNumber). Number of the document. */
  DocumentNumber = 'documentNumber',
  /** Document subject (DocumentSubject). Subject of the document. */
  DocumentSubject = 'documentSubject',
  /** End-to-end ID (EndToEndID). SEPA end-to-end identification: for a payment the gateway made, the EndToEndId of its pain.001 file. */
  EndToEndId = 'endToEndID',
  /** Entry date (EntryDate). Date of the entry (copied from it): the first key of the account's order. */
  EntryDate = 'entryDate',
  /** Entry ID (EntryID). The entry the line belongs to. */
  EntryId = 'entryID',
  /** Entry number (EntryNumber). Number of the entry within its journal (copied from it). */
  EntryNumber = 'entryNumber',
  /** G/L account code (GLAccountCode). Code of the G/L account. */
  GlAccountCode = 'glAccountCode',
  /** G/L account description (GLAccountDescription). Description of the G/L account. */
  GlAccountDescription = 'glAccountDescription',
  /** G/L account (GLAccount). G/L account the line is booked against (the offset of the bank or cash account), once known. */
  GlAccountId = 'glAccountID',
  /** ID (ID). Identifier of the line of a bank entry (one imported statement). */
  Id = 'id',
  /** Journal (JournalCode). Journal of the entry (copied from it, so an account's lines are read in order from one index). */
  JournalCode = 'journalCode',
  /** Line number (LineNumber). Number of the line within its entry, 1, 2, ... in booking-date order. */
  LineNumber = 'lineNumber',
  /** Modified (Modified). Last modified date. */
  Modified = 'modified',
  /** Modifier (Modifier). User ID of modifier. */
  ModifierId = 'modifierID',
  /** Notes (Notes). Notes on the line. */
  Notes = 'notes',
  /** Offset ID (OffsetID). The line this one offsets (a reversal), if any. */
  OffsetId = 'offsetID',
  /** Our reference (OurRef). Our reference: the invoice number the line pays, once known. */
  OurRef = 'ourRef',
  /** Payment reference (PaymentReference). Structured remittance information: a Belgian structured communication (12 digits), an ISO 11649 RF reference or another creditor reference. */
  PaymentReference = 'paymentReference',
  /** Reconciliation status (ReconciliationStatus). Where the line stands in reconciliation: empty or 10 Open, 20 Proposed (waits on the processing list), 30 Split (its parts wait), 50 Matched, 60 Ignored (docs/reconciliation.md). */
  ReconciliationStatus = 'reconciliationStatus',
  /** Remittance information (RemittanceInformation). Unstructured remittance information (the free communication). */
  RemittanceInformation = 'remittanceInformation',
  /** Source line (SourceLine). Where the line is in the statement file: its line number (CODA, MT940) or XML path (CAMT). */
  SourceLine = 'sourceLine',
  /** Value date (ValueDate). Value date of the movement (interest counts from it). */
  ValueDate = 'valueDate'
}

/** An ordering of groups of Bank entry lines. */
export type BankEntryLineGroupOrderBy = {
  direction?: InputMaybe<SortDirection>;
  /** Group key or aggregate to order by. */
  field: BankEntryLineGroupOrderField;
};

/** What groups of Bank entry lines can be ordered by: a group key, count, or function_amount. */
export enum BankEntryLineGroupOrderField {
  AccountCode = 'accountCode',
  AccountId = 'accountID',
  AccountName = 'accountName',
  AvgAmountDc = 'avg_amountDC',
  AvgAmountFc = 'avg_amountFC',
  AvgBalanceAfterFc = 'avg_balanceAfterFC',
  AvgExchangeRate = 'avg_exchangeRate',
  AvgOpenAmountFc = 'avg_openAmountFC',
  BankReference = 'bankReference',
  BankTransactionCode = 'bankTransactionCode',
  Count = 'count',
  CounterpartyBic = 'counterpartyBIC',
  CounterpartyBankAccount = 'counterpartyBankAccount',
  CounterpartyName = 'counterpartyName',
  Created = 'created',
  CreatorId = 'creatorID',
  Currency = 'currency',
  Date = 'date',
  Description = 'description',
  DivisionCode = 'divisionCode',
  DocumentId = 'documentID',
  DocumentNumber = 'documentNumber',
  DocumentSubject = 'documentSubject',
  EndToEndId = 'endToEndID',
  EntryDate = 'entryDate',
  EntryId = 'entryID',
  EntryNumber = 'entryNumber',
  GlAccountCode = 'glAccountCode',
  GlAccountDescription = 'glAccountDescription',
  GlAccountId = 'glAccountID',
  Id = 'id',
  JournalCode = 'journalCode',
  LineNumber = 'lineNumber',
  MaxAmountDc = 'max_amountDC',
  MaxAmountFc = 'max_amountFC',
  MaxBalanceAfterFc = 'max_balanceAfterFC',
  MaxExchangeRate = 'max_exchangeRate',
  MaxOpenAmountFc = 'max_openAmountFC',
  MinAmountDc = 'min_amountDC',
  MinAmountFc = 'min_amountFC',
  MinBalanceAfterFc = 'min_balanceAfterFC',
  MinExchangeRate = 'min_exchangeRate',
  MinOpenAmountFc = 'min_openAmountFC',
  Modified = 'modified',
  ModifierId = 'modifierID',
  Notes = 'notes',
  OffsetId = 'offsetID',
  OurRef = 'ourRef',
  PaymentReference = 'paymentReference',
  ReconciliationStatus = 'reconciliationStatus',
  RemittanceInformation = 'remittanceInformation',
  SourceLine = 'sourceLine',
  SumAmountDc = 'sum_amountDC',
  SumAmountFc = 'sum_amountFC',
  SumBalanceAfterFc = 'sum_balanceAfterFC',
  SumExchangeRate = 'sum_exchangeRate',
  SumOpenAmountFc = 'sum_openAmountFC',
  ValueDate = 'valueDate'
}

/** Conditions on groups of Bank entry lines (SQL HAVING); all must hold. */
export type BankEntryLineHaving = {
  /** Conditions on the avg of amounts. */
  avg?: InputMaybe<BankEntryLineAmountsFilter>;
  /** Condition on the number of rows in the group. */
  count?: InputMaybe<IntFilter>;
  /** Conditions on the max of amounts. */
  max?: InputMaybe<BankEntryLineAmountsFilter>;
  /** Conditions on the min of amounts. */
  min?: InputMaybe<BankEntryLineAmountsFilter>;
  /** Conditions on the sum of amounts. */
  sum?: InputMaybe<BankEntryLineAmountsFilter>;
};

/** A sort key for Bank entry lines: `field` or one to-one relation (`{ account: name }`); lists always end with the primary key so the order is stable. */
export type BankEntryLineOrderBy = {
  /** Sort on a column of account (Accounts) instead. */
  account?: InputMaybe<AccountSortField>;
  /** Direction (ascending by default). */
  direction?: InputMaybe<SortDirection>;
  /** Sort on a column of division (Divisions) instead. */
  division?: InputMaybe<DivisionSortField>;
  /** Sort on a column of document (Documents) instead. */
  document?: InputMaybe<DocumentSortField>;
  /** Sort on a column of entry (BankEntries) instead. */
  entry?: InputMaybe<BankEntrySortField>;
  /** Column of this table to sort on (give this or one relation). */
  field?: InputMaybe<BankEntryLineSortField>;
  /** Sort on a column of glAccount (GLAccounts) instead. */
  glAccount?: InputMaybe<GlAccountSortField>;
  /** Sort on a column of journal (Journals) instead. */
  journal?: InputMaybe<JournalSortField>;
  /** Where empty values go. */
  nulls?: InputMaybe<NullsOrder>;
};

/** A part of a split bank entry line. */
export type BankEntryLinePartInput = {
  /** In the line's sign, at least a cent; the parts add up to the line exactly. */
  amountFC: Scalars['Decimal']['input'];
  /** What the part is for (at most 255 characters). */
  description?: InputMaybe<Scalars['String']['input']>;
};

/** Columns Bank entry lines can be sorted on. */
export enum BankEntryLineSortField {
  /** Account code (AccountCode). Code of the account. */
  AccountCode = 'accountCode',
  /** Account (Account). The customer or supplier of the line, once known. */
  AccountId = 'accountID',
  /** Account name (AccountName). Name of the account. */
  AccountName = 'accountName',
  /** Amount (division currency) (AmountDC). Amount in the division's currency; empty while the exchange rate of a foreign-currency account is not known. */
  AmountDc = 'amountDC',
  /** Amount (AmountFC). Amount in the currency of the account: positive money in, negative money out. */
  AmountFc = 'amountFC',
  /** Balance after (BalanceAfterFC). Balance of the account after this line: the entry's opening balance plus its lines up to this one. The last line's is the entry's closing balance. */
  BalanceAfterFc = 'balanceAfterFC',
  /** Bank reference (BankReference). The bank's own reference of the movement (CAMT AcctSvcrRef, CODA bank reference, MT940 reference after //). */
  BankReference = 'bankReference',
  /** Bank transaction code (BankTransactionCode). The bank's code of the kind of movement: ISO domain/family/subfamily, the CODA code, a proprietary or SWIFT code. */
  BankTransactionCode = 'bankTransactionCode',
  /** Counterparty BIC (CounterpartyBIC). BIC of the other party's bank. */
  CounterpartyBic = 'counterpartyBIC',
  /** Counterparty bank account (CounterpartyBankAccount). Account of the other party: an IBAN in electronic form, or another account number as the bank writes it. */
  CounterpartyBankAccount = 'counterpartyBankAccount',
  /** Counterparty name (CounterpartyName). Name of the other party as the bank gives it. */
  CounterpartyName = 'counterpartyName',
  /** Created (Created). Creation date. */
  Created = 'created',
  /** Creator (Creator). User ID of creator. */
  CreatorId = 'creatorID',
  /** Currency (Currency). Currency of AmountFC (that of the entry). */
  Currency = 'currency',
  /** Date (Date). Booking date of the line (never after the entry's date). */
  Date = 'date',
  /** Description (Description). Description of the line. */
  Description = 'description',
  /** Division (Division). Division code. */
  DivisionCode = 'divisionCode',
  /** Document (Document). Document of the line (a receipt, an invoice). */
  DocumentId = 'documentID',
  /** Document number (DocumentNumber). Number of the document. */
  DocumentNumber = 'documentNumber',
  /** Document subject (DocumentSubject). Subject of the document. */
  DocumentSubject = 'documentSubject',
  /** End-to-end ID (EndToEndID). SEPA end-to-end identification: for a payment the gateway made, the EndToEndId of its pain.001 file. */
  EndToEndId = 'endToEndID',
  /** Entry date (EntryDate). Date of the entry (copied from it): the first key of the account's order. */
  EntryDate = 'entryDate',
  /** Entry ID (EntryID). The entry the line belongs to. */
  EntryId = 'entryID',
  /** Entry number (EntryNumber). Number of the entry within its journal (copied from it). */
  EntryNumber = 'entryNumber',
  /** Exchange rate (ExchangeRate). AmountFC x ExchangeRate = AmountDC; 1 for an account in the division's currency. */
  ExchangeRate = 'exchangeRate',
  /** G/L account code (GLAccountCode). Code of the G/L account. */
  GlAccountCode = 'glAccountCode',
  /** G/L account description (GLAccountDescription). Description of the G/L account. */
  GlAccountDescription = 'glAccountDescription',
  /** G/L account (GLAccount). G/L account the line is booked against (the offset of the bank or cash account), once known. */
  GlAccountId = 'glAccountID',
  /** ID (ID). Identifier of the line of a bank entry (one imported statement). */
  Id = 'id',
  /** Journal (JournalCode). Journal of the entry (copied from it, so an account's lines are read in order from one index). */
  JournalCode = 'journalCode',
  /** Line number (LineNumber). Number of the line within its entry, 1, 2, ... in booking-date order. */
  LineNumber = 'lineNumber',
  /** Modified (Modified). Last modified date. */
  Modified = 'modified',
  /** Modifier (Modifier). User ID of modifier. */
  ModifierId = 'modifierID',
  /** Notes (Notes). Notes on the line. */
  Notes = 'notes',
  /** Offset ID (OffsetID). The line this one offsets (a reversal), if any. */
  OffsetId = 'offsetID',
  /** Open amount (OpenAmountFC). Part of the line not yet settled (an over-payment that stays on the line); empty while nothing is settled (the whole AmountFC). */
  OpenAmountFc = 'openAmountFC',
  /** Our reference (OurRef). Our reference: the invoice number the line pays, once known. */
  OurRef = 'ourRef',
  /** Payment reference (PaymentReference). Structured remittance information: a Belgian structured communication (12 digits), an ISO 11649 RF reference or another creditor reference. */
  PaymentReference = 'paymentReference',
  /** Reconciliation status (ReconciliationStatus). Where the line stands in reconciliation: empty or 10 Open, 20 Proposed (waits on the processing list), 30 Split (its parts wait), 50 Matched, 60 Ignored (docs/reconciliation.md). */
  ReconciliationStatus = 'reconciliationStatus',
  /** Remittance information (RemittanceInformation). Unstructured remittance information (the free communication). */
  RemittanceInformation = 'remittanceInformation',
  /** Source line (SourceLine). Where the line is in the statement file: its line number (CODA, MT940) or XML path (CAMT). */
  SourceLine = 'sourceLine',
  /** Value date (ValueDate). Value date of the movement (interest counts from it). */
  ValueDate = 'valueDate'
}

/** Filter on Bank entry lines (BankEntryLines): every field given must hold. */
export type BankEntryLineWhere = {
  /** Rows whose account matches (The customer or supplier of the line.); compiled to EXISTS. */
  account?: InputMaybe<AccountWhere>;
  /** Account code (AccountCode). Code of the account. */
  accountCode?: InputMaybe<StringFilter>;
  /** Account (Account). The customer or supplier of the line, once known. */
  accountID?: InputMaybe<IdFilter>;
  /** Account name (AccountName). Name of the account. */
  accountName?: InputMaybe<StringFilter>;
  /** Amount (division currency) (AmountDC). Amount in the division's currency; empty while the exchange rate of a foreign-currency account is not known. */
  amountDC?: InputMaybe<DecimalFilter>;
  /** Amount (AmountFC). Amount in the currency of the account: positive money in, negative money out. */
  amountFC?: InputMaybe<DecimalFilter>;
  /** All of these filters hold. */
  and?: InputMaybe<Array<BankEntryLineWhere>>;
  /** Balance after (BalanceAfterFC). Balance of the account after this line: the entry's opening balance plus its lines up to this one. The last line's is the entry's closing balance. */
  balanceAfterFC?: InputMaybe<DecimalFilter>;
  /** Bank reference (BankReference). The bank's own reference of the movement (CAMT AcctSvcrRef, CODA bank reference, MT940 reference after //). */
  bankReference?: InputMaybe<StringFilter>;
  /** Bank transaction code (BankTransactionCode). The bank's code of the kind of movement: ISO domain/family/subfamily, the CODA code, a proprietary or SWIFT code. */
  bankTransactionCode?: InputMaybe<StringFilter>;
  /** Counterparty BIC (CounterpartyBIC). BIC of the other party's bank. */
  counterpartyBIC?: InputMaybe<StringFilter>;
  /** Counterparty bank account (CounterpartyBankAccount). Account of the other party: an IBAN in electronic form, or another account number as the bank writes it. */
  counterpartyBankAccount?: InputMaybe<StringFilter>;
  /** Counterparty name (CounterpartyName). Name of the other party as the bank gives it. */
  counterpartyName?: InputMaybe<StringFilter>;
  /** Created (Created). Creation date. */
  created?: InputMaybe<DateTimeFilter>;
  /** Creator (Creator). User ID of creator. */
  creatorID?: InputMaybe<IdFilter>;
  /** Currency (Currency). Currency of AmountFC (that of the entry). */
  currency?: InputMaybe<StringFilter>;
  /** Date (Date). Booking date of the line (never after the entry's date). */
  date?: InputMaybe<DateTimeFilter>;
  /** Description (Description). Description of the line. */
  description?: InputMaybe<StringFilter>;
  /** Rows whose division matches (Division of the line.); compiled to EXISTS. */
  division?: InputMaybe<DivisionWhere>;
  /** Division (Division). Division code. */
  divisionCode?: InputMaybe<IntFilter>;
  /** Rows whose document matches (Document of the line.); compiled to EXISTS. */
  document?: InputMaybe<DocumentWhere>;
  /** Document (Document). Document of the line (a receipt, an invoice). */
  documentID?: InputMaybe<IdFilter>;
  /** Document number (DocumentNumber). Number of the document. */
  documentNumber?: InputMaybe<IntFilter>;
  /** Document subject (DocumentSubject). Subject of the document. */
  documentSubject?: InputMaybe<StringFilter>;
  /** End-to-end ID (EndToEndID). SEPA end-to-end identification: for a payment the gateway made, the EndToEndId of its pain.001 file. */
  endToEndID?: InputMaybe<StringFilter>;
  /** Rows whose entry matches (The bank entry (statement) of the line.); compiled to EXISTS. */
  entry?: InputMaybe<BankEntryWhere>;
  /** Entry date (EntryDate). Date of the entry (copied from it): the first key of the account's order. */
  entryDate?: InputMaybe<DateTimeFilter>;
  /** Entry ID (EntryID). The entry the line belongs to. */
  entryID?: InputMaybe<IdFilter>;
  /** Entry number (EntryNumber). Number of the entry within its journal (copied from it). */
  entryNumber?: InputMaybe<IntFilter>;
  /** Exchange rate (ExchangeRate). AmountFC x ExchangeRate = AmountDC; 1 for an account in the division's currency. */
  exchangeRate?: InputMaybe<DecimalFilter>;
  /** Rows whose glAccount matches (G/L account the line is booked against.); compiled to EXISTS. */
  glAccount?: InputMaybe<GlAccountWhere>;
  /** G/L account code (GLAccountCode). Code of the G/L account. */
  glAccountCode?: InputMaybe<StringFilter>;
  /** G/L account description (GLAccountDescription). Description of the G/L account. */
  glAccountDescription?: InputMaybe<StringFilter>;
  /** G/L account (GLAccount). G/L account the line is booked against (the offset of the bank or cash account), once known. */
  glAccountID?: InputMaybe<IdFilter>;
  /** ID (ID). Identifier of the line of a bank entry (one imported statement). */
  id?: InputMaybe<IdFilter>;
  /** Rows whose journal matches (Journal of the line's entry.); compiled to EXISTS. */
  journal?: InputMaybe<JournalWhere>;
  /** Journal (JournalCode). Journal of the entry (copied from it, so an account's lines are read in order from one index). */
  journalCode?: InputMaybe<StringFilter>;
  /** Line number (LineNumber). Number of the line within its entry, 1, 2, ... in booking-date order. */
  lineNumber?: InputMaybe<IntFilter>;
  /** Modified (Modified). Last modified date. */
  modified?: InputMaybe<DateTimeFilter>;
  /** Modifier (Modifier). User ID of modifier. */
  modifierID?: InputMaybe<IdFilter>;
  /** This filter does not hold. */
  not?: InputMaybe<BankEntryLineWhere>;
  /** Notes (Notes). Notes on the line. */
  notes?: InputMaybe<StringFilter>;
  /** Offset ID (OffsetID). The line this one offsets (a reversal), if any. */
  offsetID?: InputMaybe<IdFilter>;
  /** Open amount (OpenAmountFC). Part of the line not yet settled (an over-payment that stays on the line); empty while nothing is settled (the whole AmountFC). */
  openAmountFC?: InputMaybe<DecimalFilter>;
  /** At least one of these filters holds. */
  or?: InputMaybe<Array<BankEntryLineWhere>>;
  /** Our reference (OurRef). Our reference: the invoice number the line pays, once known. */
  ourRef?: InputMaybe<IntFilter>;
  /** Payment reference (PaymentReference). Structured remittance information: a Belgian structured communication (12 digits), an ISO 11649 RF reference or another creditor reference. */
  paymentReference?: InputMaybe<StringFilter>;
  /** Reconciliation status (ReconciliationStatus). Where the line stands in reconciliation: empty or 10 Open, 20 Proposed (waits on the processing list), 30 Split (its parts wait), 50 Matched, 60 Ignored (docs/reconciliation.md). */
  reconciliationStatus?: InputMaybe<IntFilter>;
  /** Remittance information (RemittanceInformation). Unstructured remittance information (the free communication). */
  remittanceInformation?: InputMaybe<StringFilter>;
  /** Source line (SourceLine). Where the line is in the statement file: its line number (CODA, MT940) or XML path (CAMT). */
  sourceLine?: InputMaybe<StringFilter>;
  /** Value date (ValueDate). Value date of the movement (interest counts from it). */
  valueDate?: InputMaybe<DateTimeFilter>;
};

/** A sort key for Bank entries: `field` or one to-one relation (`{ account: name }`); lists always end with the primary key so the order is stable. */
export type BankEntryOrderBy = {
  /** Sort on a column of bankAccount (BankAccounts) instead. */
  bankAccount?: InputMaybe<BankAccountSortField>;
  /** Sort on a column of bankStatementDocument (Documents) instead. */
  bankStatementDocument?: InputMaybe<DocumentSortField>;
  /** Direction (ascending by default). */
  direction?: InputMaybe<SortDirection>;
  /** Sort on a column of division (Divisions) instead. */
  division?: InputMaybe<DivisionSortField>;
  /** Column of this table to sort on (give this or one relation). */
  field?: InputMaybe<BankEntrySortField>;
  /** Sort on a column of journal (Journals) instead. */
  journal?: InputMaybe<JournalSortField>;
  /** Where empty values go. */
  nulls?: InputMaybe<NullsOrder>;
};

/** Columns Bank entries can be sorted on. */
export enum BankEntrySortField {
  /** Balance gap (BalanceGapFC). Opening balance minus the closing balance of the journal's previous entry, when they differ (a statement is missing): stored only when the import accepted the gap; empty when the balances connect. */
  BalanceGapFc = 'balanceGapFC',
  /** Own bank account ID (BankAccountID). The own bank account the statement is about (the journal's). */
  BankAccountId = 'bankAccountID',
  /** Own bank account number (BankAccountNumber). IBAN (or other number) of the own bank account. */
  BankAccountNumber = 'bankAccountNumber',
  /** Bank statement document (BankStatementDocument). Document holding the imported statement file. */
  BankStatementDocumentId = 'bankStatementDocumentID',
  /** Bank statement document number (BankStatementDocumentNumber). Number of the document holding the statement file. */
  BankStatementDocumentNumber = 'bankStatementDocumentNumber',
  /** Bank statement document subject (BankStatementDocumentSubject). Subject of the document holding the statement file. */
  BankStatementDocumentSubject = 'bankStatementDocumentSubject',
  /** Closing balance (ClosingBalanceFC). Balance after the entry's lines: exactly the opening balance plus the lines. */
  ClosingBalanceFc = 'closingBalanceFC',
  /** Created (Created). Creation date. */
  Created = 'created',
  /** Creator (Creator). User ID of creator. */
  CreatorId = 'creatorID',
  /** Currency (Currency). Currency of the balances and lines (ISO 4217): the currency of the account. */
  Currency = 'currency',
  /** Division (Division). Division code. */
  DivisionCode = 'divisionCode',
  /** Entry date (EntryDate). Date of the statement: the day of its closing balance. */
  EntryDate = 'entryDate',
  /** Entry ID (EntryID). Identifier of the bank entry (one imported statement). */
  EntryId = 'entryID',
  /** Entry number (EntryNumber). Number of the entry within its journal: 1, 2, ... in the order the entries were stored. */
  EntryNumber = 'entryNumber',
  /** File hash (FileHash). SHA-256 of the statement file the entry was imported from: the same file sent again is recognised by it. */
  FileHash = 'fileHash',
  /** Financial period (FinancialPeriod). Financial period of the entry (month of EntryDate, 1 to 12). */
  FinancialPeriod = 'financialPeriod',
  /** Financial year (FinancialYear). Financial year of the entry (calendar year of EntryDate). */
  FinancialYear = 'financialYear',
  /** Journal (JournalCode). Code of the journal of the entry: a journal of type 12 (Bank), one per own bank account. */
  JournalCode = 'journalCode',
  /** Journal description (JournalDescription). Description of the journal. */
  JournalDescription = 'journalDescription',
  /** Modified (Modified). Last modified date. */
  Modified = 'modified',
  /** Modifier (Modifier). User ID of modifier. */
  ModifierId = 'modifierID',
  /** Opening balance date (OpeningBalanceDate). Date of the opening balance as the statement gives it, if it does. */
  OpeningBalanceDate = 'openingBalanceDate',
  /** Opening balance (OpeningBalanceFC). Balance before the entry's lines; equals the closing balance of the journal's previous entry. */
  OpeningBalanceFc = 'openingBalanceFC',
  /** Statement hash (StatementHash). SHA-256 of the statement as stored (header and lines): a statement sent again is recognised by it and stored once. */
  StatementHash = 'statementHash',
  /** Statement number (StatementNumber). Number of the statement as the bank gives it (CODA restarts it every year, so it is unique per FinancialYear). */
  StatementNumber = 'statementNumber',
  /** Status (Status). Status of the entry: 20 Open, 50 Processed. */
  Status = 'status'
}

/** Filter on Bank entries (BankEntries): every field given must hold. */
export type BankEntryWhere = {
  /** All of these filters hold. */
  and?: InputMaybe<Array<BankEntryWhere>>;
  /** Balance gap (BalanceGapFC). Opening balance minus the closing balance of the journal's previous entry, when they differ (a statement is missing): stored only when the import accepted the gap; empty when the balances connect. */
  balanceGapFC?: InputMaybe<DecimalFilter>;
  /** Rows whose bankAccount matches (The own bank account of the statement.); compiled to EXISTS. */
  bankAccount?: InputMaybe<BankAccountWhere>;
  /** Own bank account ID (BankAccountID). The own bank account the statement is about (the journal's). */
  bankAccountID?: InputMaybe<IdFilter>;
  /** Own bank account number (BankAccountNumber). IBAN (or other number) of the own bank account. */
  bankAccountNumber?: InputMaybe<StringFilter>;
  /** Rows whose bankStatementDocument matches (Document holding the statement file.); compiled to EXISTS. */
  bankStatementDocument?: InputMaybe<DocumentWhere>;
  /** Bank statement document (BankStatementDocument). Document holding the imported statement file. */
  bankStatementDocumentID?: InputMaybe<IdFilter>;
  /** Bank statement document number (BankStatementDocumentNumber). Number of the document holding the statement file. */
  bankStatementDocumentNumber?: InputMaybe<IntFilter>;
  /** Bank statement document subject (BankStatementDocumentSubject). Subject of the document holding the statement file. */
  bankStatementDocumentSubject?: InputMaybe<StringFilter>;
  /** Closing balance (ClosingBalanceFC). Balance after the entry's lines: exactly the opening balance plus the lines. */
  closingBalanceFC?: InputMaybe<DecimalFilter>;
  /** Created (Created). Creation date. */
  created?: InputMaybe<DateTimeFilter>;
  /** Creator (Creator). User ID of creator. */
  creatorID?: InputMaybe<IdFilter>;
  /** Currency (Currency). Currency of the balances and lines (ISO 4217): the currency of the account. */
  currency?: InputMaybe<StringFilter>;
  /** Rows whose division matches (Division of the entry.); compiled to EXISTS. */
  division?: InputMaybe<DivisionWhere>;
  /** Division (Division). Division code. */
  divisionCode?: InputMaybe<IntFilter>;
  /** Entry date (EntryDate). Date of the statement: the day of its closing balance. */
  entryDate?: InputMaybe<DateTimeFilter>;
  /** Entry ID (EntryID). Identifier of the bank entry (one imported statement). */
  entryID?: InputMaybe<IdFilter>;
  /** Entry number (EntryNumber). Number of the entry within its journal: 1, 2, ... in the order the entries were stored. */
  entryNumber?: InputMaybe<IntFilter>;
  /** File hash (FileHash). SHA-256 of the statement file the entry was imported from: the same file sent again is recognised by it. */
  fileHash?: InputMaybe<StringFilter>;
  /** Financial period (FinancialPeriod). Financial period of the entry (month of EntryDate, 1 to 12). */
  financialPeriod?: InputMaybe<IntFilter>;
  /** Financial year (FinancialYear). Financial year of the entry (calendar year of EntryDate). */
  financialYear?: InputMaybe<IntFilter>;
  /** Rows whose journal matches (Bank journal of the entry.); compiled to EXISTS. */
  journal?: InputMaybe<JournalWhere>;
  /** Journal (JournalCode). Code of the journal of the entry: a journal of type 12 (Bank), one per own bank account. */
  journalCode?: InputMaybe<StringFilter>;
  /** Journal description (JournalDescription). Description of the journal. */
  journalDescription?: InputMaybe<StringFilter>;
  /** Modified (Modified). Last modified date. */
  modified?: InputMaybe<DateTimeFilter>;
  /** Modifier (Modifier). User ID of modifier. */
  modifierID?: InputMaybe<IdFilter>;
  /** This filter does not hold. */
  not?: InputMaybe<BankEntryWhere>;
  /** Opening balance date (OpeningBalanceDate). Date of the opening balance as the statement gives it, if it does. */
  openingBalanceDate?: InputMaybe<DateTimeFilter>;
  /** Opening balance (OpeningBalanceFC). Balance before the entry's lines; equals the closing balance of the journal's previous entry. */
  openingBalanceFC?: InputMaybe<DecimalFilter>;
  /** At least one of these filters holds. */
  or?: InputMaybe<Array<BankEntryWhere>>;
  /** Statement hash (StatementHash). SHA-256 of the statement as stored (header and lines): a statement sent again is recognised by it and stored once. */
  statementHash?: InputMaybe<StringFilter>;
  /** Statement number (StatementNumber). Number of the statement as the bank gives it (CODA restarts it every year, so it is unique per FinancialYear). */
  statementNumber?: InputMaybe<StringFilter>;
  /** Status (Status). Status of the entry: 20 Open, 50 Processed. */
  status?: InputMaybe<IntFilter>;
};

/** SEPA credit transfer file format: pain.001.001.03 (widely accepted) or pain.001.001.09 (ISO 20022 2019). */
export enum BankFileFormat {
  Pain_001_001_03 = 'PAIN_001_001_03',
  Pain_001_001_09 = 'PAIN_001_001_09'
}

/** Operators on a yes/no column. */
export type BooleanFilter = {
  eq?: InputMaybe<Scalars['Boolean']['input']>;
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
  ne?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Conditions on aggregated amounts of Cash entries. */
export type CashEntryAmountsFilter = {
  /** Closing balance (ClosingBalanceFC). Balance after the entry's lines: exactly the opening balance plus the lines. */
  closingBalanceFC?: InputMaybe<DecimalFilter>;
  /** Opening balance (OpeningBalanceFC). Balance before the entry's lines; equals the closing balance of the journal's previous entry. */
  openingBalanceFC?: InputMaybe<DecimalFilter>;
};

/** A new cash entry (one page of a cash book). Opening balance plus the lines must be the closing balance, and the opening balance the closing balance of the journal's previous entry. */
export type CashEntryCreateInput = {
  /** Closing balance counted: exactly the opening balance plus the lines. Required. */
  closingBalanceFC?: InputMaybe<Scalars['Decimal']['input']>;
  /** Currency (ISO 4217); default the journal's, else the division's. Must be the cash book's. */
  currency?: InputMaybe<Scalars['String']['input']>;
  /** Division of the cash book. Required. */
  divisionCode?: InputMaybe<Scalars['Int']['input']>;
  /** Date of the entry (its UTC day): when the closing balance was counted. Required. */
  entryDate?: InputMaybe<Scalars['DateTime']['input']>;
  /** Code of the cash journal (type 10). Required. */
  journalCode?: InputMaybe<Scalars['String']['input']>;
  /** The lines, at least one and at most 500. */
  lines?: InputMaybe<Array<CashEntryLineInput>>;
  /** Opening balance; default the closing balance of the journal's previous entry (0.00 for its first). When given, it must equal it. */
  openingBalanceFC?: InputMaybe<Scalars['Decimal']['input']>;
};

/** A group-by key of Cash entries. */
export type CashEntryGroupBy = {
  /** Time bucket for a date column (default day); BAD_USER_INPUT on any other column. */
  bucket?: InputMaybe<DateBucket>;
  /** Column to group by. */
  field: CashEntryGroupField;
};

/** Columns Cash entries can be grouped by (date columns by a time bucket). */
export enum CashEntryGroupField {
  /** Created (Created). Creation date. */
  Created = 'created',
  /** Creator (Creator). User ID of creator. */
  CreatorId = 'creatorID',
  /** Currency (Currency). Currency of the balances and lines (ISO 4217): the currency of the account. */
  Currency = 'currency',
  /** Division (Division). Division code. */
  DivisionCode = 'divisionCode',
  /** Entry date (EntryDate). Date of the cash entry: the day its closing balance was counted. */
  EntryDate = 'entryDate',
  /** Entry ID (EntryID). Identifier of the cash entry (one page of a cash book). */
  EntryId = 'entryID',
  /** Entry number (EntryNumber). Number of the entry within its journal: 1, 2, ... in the order the entries were stored. */
  EntryNumber = 'entryNumber',
  /** Financial period (FinancialPeriod). Financial period of the entry (month of EntryDate, 1 to 12). */
  FinancialPeriod = 'financialPeriod',
  /** Financial year (FinancialYear). Financial year of the entry (calendar year of EntryDate). */
  FinancialYear = 'financialYear',
  /** Journal (JournalCode). Code of the journal of the entry: a journal of type 10 (Cash). */
  JournalCode = 'journalCode',
  /** Journal description (JournalDescription). Description of the journal. */
  JournalDescription = 'journalDescription',
  /** Modified (Modified). Last modified date. */
  Modified = 'modified',
  /** Modifier (Modifier). User ID of modifier. */
  ModifierId = 'modifierID',
  /** Status (Status). Status of the entry: 20 Open, 50 Processed. */
  Status = 'status'
}

/** An ordering of groups of Cash entries. */
export type CashEntryGroupOrderBy = {
  direction?: InputMaybe<SortDirection>;
  /** Group key or aggregate to order by. */
  field: CashEntryGroupOrderField;
};

/** What groups of Cash entries can be ordered by: a group key, count, or function_amount. */
export enum CashEntryGroupOrderField {
  AvgClosingBalanceFc = 'avg_closingBalanceFC',
  AvgOpeningBalanceFc = 'avg_openingBalanceFC',
  Count = 'count',
  Created = 'created',
  CreatorId = 'creatorID',
  Currency = 'currency',
  DivisionCode = 'divisionCode',
  EntryDate = 'entryDate',
  EntryId = 'entryID',
  EntryNumber = 'entryNumber',
  FinancialPeriod = 'financialPeriod',
  FinancialYear = 'financialYear',
  JournalCode = 'journalCode',
  JournalDescription = 'journalDescription',
  MaxClosingBalanceFc = 'max_closingBalanceFC',
  MaxOpeningBalanceFc = 'max_openingBalanceFC',
  MinClosingBalanceFc = 'min_closingBalanceFC',
  MinOpeningBalanceFc = 'min_openingBalanceFC',
  Modified = 'modified',
  ModifierId = 'modifierID',
  Status = 'status',
  SumClosingBalanceFc = 'sum_closingBalanceFC',
  SumOpeningBalanceFc = 'sum_openingBalanceFC'
}

/** Conditions on groups of Cash entries (SQL HAVING); all must hold. */
export type CashEntryHaving = {
  /** Conditions on the avg of amounts. */
  avg?: InputMaybe<CashEntryAmountsFilter>;
  /** Condition on the number of rows in the group. */
  count?: InputMaybe<IntFilter>;
  /** Conditions on the max of amounts. */
  max?: InputMaybe<CashEntryAmountsFilter>;
  /** Conditions on the min of amounts. */
  min?: InputMaybe<CashEntryAmountsFilter>;
  /** Conditions on the sum of amounts. */
  sum?: InputMaybe<CashEntryAmountsFilter>;
};

/** Conditions on aggregated amounts of Cash entry lines. */
export type CashEntryLineAmountsFilter = {
  /** Amount (division currency) (AmountDC). Amount in the division's currency; empty while the exchange rate of a foreign-currency account is not known. */
  amountDC?: InputMaybe<DecimalFilter>;
  /** Amount (AmountFC). Amount in the currency of the account: positive money in, negative money out. */
  amountFC?: InputMaybe<DecimalFilter>;
  /** Balance after (BalanceAfterFC). Balance of the account after this line: the entry's opening balance plus its lines up to this one. The last line's is the entry's closing balance. */
  balanceAfterFC?: InputMaybe<DecimalFilter>;
  /** Exchange rate (ExchangeRate). AmountFC x ExchangeRate = AmountDC; 1 for an account in the division's currency. */
  exchangeRate?: InputMaybe<DecimalFilter>;
};

/** A group-by key of Cash entry lines. */
export type CashEntryLineGroupBy = {
  /** Time bucket for a date column (default day); BAD_USER_INPUT on any other column. */
  bucket?: InputMaybe<DateBucket>;
  /** Column to group by. */
  field: CashEntryLineGroupField;
};

/** Columns Cash entry lines can be grouped by (date columns by a time bucket). */
export enum CashEntryLineGroupField {
  /** Account code (AccountCode). Code of the account. */
  AccountCode = 'accountCode',
  /** Account (Account). The customer or supplier of the line, once known. */
  AccountId = 'accountID',
  /** Account name (AccountName). Name of the account. */
  AccountName = 'accountName',
  /** Created (Created). Creation date. */
  Created = 'created',
  /** Creator (Creator). User ID of creator. */
  CreatorId = 'creatorID',
  /** Currency (Currency). Currency of AmountFC (that of the entry). */
  Currency = 'currency',
  /** Date (Date). Booking date of the line (never after the entry's date). */
  Date = 'date',
  /** Description (Description). Description of the line. */
  Description = 'description',
  /** Division (Division). Division code. */
  DivisionCode = 'divisionCode',
  /** Document (Document). Document of the line (a receipt, an invoice). */
  DocumentId = 'documentID',
  /** Document number (DocumentNumber). Number of the document. */
  DocumentNumber = 'documentNumber',
  /** Document subject (DocumentSubject). Subject of the document. */
  DocumentSubject = 'documentSubject',
  /** Entry date (EntryDate). Date of the entry (copied from it): the first key of the account's order. */
  EntryDate = 'entryDate',
  /** Entry ID (EntryID). The entry the line belongs to. */
  EntryId = 'entryID',
  /** Entry number (EntryNumber). Number of the entry within its journal (copied from it). */
  EntryNumber = 'entryNumber',
  /** G/L account code (GLAccountCode). Code of the G/L account. */
  GlAccountCode = 'glAccountCode',
  /** G/L account description (GLAccountDescription). Description of the G/L account. */
  GlAccountDescription = 'glAccountDescription',
  /** G/L account (GLAccount). G/L account the line is booked against (the offset of the bank or cash account), once known. */
  GlAccountId = 'glAccountID',
  /** ID (ID). Identifier of the line of a cash entry (one page of a cash book). */
  Id = 'id',
  /** Journal (JournalCode). Journal of the entry (copied from it, so an account's lines are read in order from one index). */
  JournalCode = 'journalCode',
  /** Line number (LineNumber). Number of the line within its entry, 1, 2, ... in booking-date order. */
  LineNumber = 'lineNumber',
  /** Modified (Modified). Last modified date. */
  Modified = 'modified',
  /** Modifier (Modifier). User ID of modifier. */
  ModifierId = 'modifierID',
  /** Notes (Notes). Notes on the line. */
  Notes = 'notes',
  /** Offset ID (OffsetID). The line this one offsets (a reversal), if any. */
  OffsetId = 'offsetID',
  /** Our reference (OurRef). Our reference: the invoice number the line pays, once known. */
  OurRef = 'ourRef'
}

/** An ordering of groups of Cash entry lines. */
export type CashEntryLineGroupOrderBy = {
  direction?: InputMaybe<SortDirection>;
  /** Group key or aggregate to order by. */
  field: CashEntryLineGroupOrderField;
};

/** What groups of Cash entry lines can be ordered by: a group key, count, or function_amount. */
export enum CashEntryLineGroupOrderField {
  AccountCode = 'accountCode',
  AccountId = 'accountID',
  AccountName = 'accountName',
  AvgAmountDc = 'avg_amountDC',
  AvgAmountFc = 'avg_amountFC',
  AvgBalanceAfterFc = 'avg_balanceAfterFC',
  AvgExchangeRate = 'avg_exchangeRate',
  Count = 'count',
  Created = 'created',
  CreatorId = 'creatorID',
  Currency = 'currency',
  Date = 'date',
  Description = 'description',
  DivisionCode = 'divisionCode',
  DocumentId = 'documentID',
  DocumentNumber = 'documentNumber',
  DocumentSubject = 'documentSubject',
  EntryDate = 'entryDate',
  EntryId = 'entryID',
  EntryNumber = 'entryNumber',
  GlAccountCode = 'glAccountCode',
  GlAccountDescription = 'glAccountDescription',
  GlAccountId = 'glAccountID',
  Id = 'id',
  JournalCode = 'journalCode',
  LineNumber = 'lineNumber',
  MaxAmountDc = 'max_amountDC',
  MaxAmountFc = 'max_amountFC',
  MaxBalanceAfterFc = 'max_balanceAfterFC',
  MaxExchangeRate = 'max_exchangeRate',
  MinAmountDc = 'min_amountDC',
  MinAmountFc = 'min_amountFC',
  MinBalanceAfterFc = 'min_balanceAfterFC',
  MinExchangeRate = 'min_exchangeRate',
  Modified = 'modified',
  ModifierId = 'modifierID',
  Notes = 'notes',
  OffsetId = 'offsetID',
  OurRef = 'ourRef',
  SumAmountDc = 'sum_amountDC',
  SumAmountFc = 'sum_amountFC',
  SumBalanceAfterFc = 'sum_balanceAfterFC',
  SumExchangeRate = 'sum_exchangeRate'
}

/** Conditions on groups of Cash entry lines (SQL HAVING); all must hold. */
export type CashEntryLineHaving = {
  /** Conditions on the avg of amounts. */
  avg?: InputMaybe<CashEntryLineAmountsFilter>;
  /** Condition on the number of rows in the group. */
  count?: InputMaybe<IntFilter>;
  /** Conditions on the max of amounts. */
  max?: InputMaybe<CashEntryLineAmountsFilter>;
  /** Conditions on the min of amounts. */
  min?: InputMaybe<CashEntryLineAmountsFilter>;
  /** Conditions on the sum of amounts. */
  sum?: InputMaybe<CashEntryLineAmountsFilter>;
};

/** One line of a cash entry: money into (positive) or out of (negative) the cash book. */
export type CashEntryLineInput = {
  /** The customer or supplier, an account of the division. */
  accountID?: InputMaybe<Scalars['UUID']['input']>;
  /** Amount in the cash book's currency: positive in, negative out. Required. */
  amountFC?: InputMaybe<Scalars['Decimal']['input']>;
  /** Date of the line (its UTC day); default the entry's date, never after it. */
  date?: InputMaybe<Scalars['DateTime']['input']>;
  /** Description of the line (at most 255 characters). */
  description?: InputMaybe<Scalars['String']['input']>;
  /** A document of the division (the receipt). */
  documentID?: InputMaybe<Scalars['UUID']['input']>;
  /** G/L account the line books against (the offset of the cash account). */
  glAccountID?: InputMaybe<Scalars['UUID']['input']>;
  /** Notes (at most 1000 characters). */
  notes?: InputMaybe<Scalars['String']['input']>;
  /** Our reference: the invoice number the line pays. */
  ourRef?: InputMaybe<Scalars['Int']['input']>;
};

/** A sort key for Cash entry lines: `field` or one to-one relation (`{ account: name }`); lists always end with the primary key so the order is stable. */
export type CashEntryLineOrderBy = {
  /** Sort on a column of account (Accounts) instead. */
  account?: InputMaybe<AccountSortField>;
  /** Direction (ascending by default). */
  direction?: InputMaybe<SortDirection>;
  /** Sort on a column of division (Divisions) instead. */
  division?: InputMaybe<DivisionSortField>;
  /** Sort on a column of document (Documents) instead. */
  document?: InputMaybe<DocumentSortField>;
  /** Sort on a column of entry (CashEntries) instead. */
  entry?: InputMaybe<CashEntrySortField>;
  /** Column of this table to sort on (give this or one relation). */
  field?: InputMaybe<CashEntryLineSortField>;
  /** Sort on a column of glAccount (GLAccounts) instead. */
  glAccount?: InputMaybe<GlAccountSortField>;
  /** Sort on a column of journal (Journals) instead. */
  journal?: InputMaybe<JournalSortField>;
  /** Where empty values go. */
  nulls?: InputMaybe<NullsOrder>;
};

/** Columns Cash entry lines can be sorted on. */
export enum CashEntryLineSortField {
  /** Account code (AccountCode). Code of the account. */
  AccountCode = 'accountCode',
  /** Account (Account). The customer or supplier of the line, once known. */
  AccountId = 'accountID',
  /** Account name (AccountName). Name of the account. */
  AccountName = 'accountName',
  /** Amount (division currency) (AmountDC). Amount in the division's currency; empty while the exchange rate of a foreign-currency account is not known. */
  AmountDc = 'amountDC',
  /** Amount (AmountFC). Amount in the currency of the account: positive money in, negative money out. */
  AmountFc = 'amountFC',
  /** Balance after (BalanceAfterFC). Balance of the account after this line: the entry's opening balance plus its lines up to this one. The last line's is the entry's closing balance. */
  BalanceAfterFc = 'balanceAfterFC',
  /** Created (Created). Creation date. */
  Created = 'created',
  /** Creator (Creator). User ID of creator. */
  CreatorId = 'creatorID',
  /** Currency (Currency). Currency of AmountFC (that of the entry). */
  Currency = 'currency',
  /** Date (Date). Booking date of the line (never after the entry's date). */
  Date = 'date',
  /** Description (Description). Description of the line. */
  Description = 'description',
  /** Division (Division). Division code. */
  DivisionCode = 'divisionCode',
  /** Document (Document). Document of the line (a receipt, an invoice). */
  DocumentId = 'documentID',
  /** Document number (DocumentNumber). Number of the document. */
  DocumentNumber = 'documentNumber',
  /** Document subject (DocumentSubject). Subject of the document. */
  DocumentSubject = 'documentSubject',
  /** Entry date (EntryDate). Date of the entry (copied from it): the first key of the account's order. */
  EntryDate = 'entryDate',
  /** Entry ID (EntryID). The entry the line belongs to. */
  EntryId = 'entryID',
  /** Entry number (EntryNumber). Number of the entry within its journal (copied from it). */
  EntryNumber = 'entryNumber',
  /** Exchange rate (ExchangeRate). AmountFC x ExchangeRate = AmountDC; 1 for an account in the division's currency. */
  ExchangeRate = 'exchangeRate',
  /** G/L account code (GLAccountCode). Code of the G/L account. */
  GlAccountCode = 'glAccountCode',
  /** G/L account description (GLAccountDescription). Description of the G/L account. */
  GlAccountDescription = 'glAccountDescription',
  /** G/L account (GLAccount). G/L account the line is booked against (the offset of the bank or cash account), once known. */
  GlAccountId = 'glAccountID',
  /** ID (ID). Identifier of the line of a cash entry (one page of a cash book). */
  Id = 'id',
  /** Journal (JournalCode). Journal of the entry (copied from it, so an account's lines are read in order from one index). */
  JournalCode = 'journalCode',
  /** Line number (LineNumber). Number of the line within its entry, 1, 2, ... in booking-date order. */
  LineNumber = 'lineNumber',
  /** Modified (Modified). Last modified date. */
  Modified = 'modified',
  /** Modifier (Modifier). User ID of modifier. */
  ModifierId = 'modifierID',
  /** Notes (Notes). Notes on the line. */
  Notes = 'notes',
  /** Offset ID (OffsetID). The line this one offsets (a reversal), if any. */
  OffsetId = 'offsetID',
  /** Our reference (OurRef). Our reference: the invoice number the line pays, once known. */
  OurRef = 'ourRef'
}

/** Filter on Cash entry lines (CashEntryLines): every field given must hold. */
export type CashEntryLineWhere = {
  /** Rows whose account matches (The customer or supplier of the line.); compiled to EXISTS. */
  account?: InputMaybe<AccountWhere>;
  /** Account code (AccountCode). Code of the account. */
  accountCode?: InputMaybe<StringFilter>;
  /** Account (Account). The customer or supplier of the line, once known. */
  accountID?: InputMaybe<IdFilter>;
  /** Account name (AccountName). Name of the account. */
  accountName?: InputMaybe<StringFilter>;
  /** Amount (division currency) (AmountDC). Amount in the division's currency; empty while the exchange rate of a foreign-currency account is not known. */
  amountDC?: InputMaybe<DecimalFilter>;
  /** Amount (AmountFC). Amount in the currency of the account: positive money in, negative money out. */
  amountFC?: InputMaybe<DecimalFilter>;
  /** All of these filters hold. */
  and?: InputMaybe<Array<CashEntryLineWhere>>;
  /** Balance after (BalanceAfterFC). Balance of the account after this line: the entry's opening balance plus its lines up to this one. The last line's is the entry's closing balance. */
  balanceAfterFC?: InputMaybe<DecimalFilter>;
  /** Created (Created). Creation date. */
  created?: InputMaybe<DateTimeFilter>;
  /** Creator (Creator). User ID of creator. */
  creatorID?: InputMaybe<IdFilter>;
  /** Currency (Currency). Currency of AmountFC (that of the entry). */
  currency?: InputMaybe<StringFilter>;
  /** Date (Date). Booking date of the line (never after the entry's date). */
  date?: InputMaybe<DateTimeFilter>;
  /** Description (Description). Description of the line. */
  description?: InputMaybe<StringFilter>;
  /** Rows whose division matches (Division of the line.); compiled to EXISTS. */
  division?: InputMaybe<DivisionWhere>;
  /** Division (Division). Division code. */
  divisionCode?: InputMaybe<IntFilter>;
  /** Rows whose document matches (Document of the line.); compiled to EXISTS. */
  document?: InputMaybe<DocumentWhere>;
  /** Document (Document). Document of the line (a receipt, an invoice). */
  documentID?: InputMaybe<IdFilter>;
  /** Document number (DocumentNumber). Number of the document. */
  documentNumber?: InputMaybe<IntFilter>;
  /** Document subject (DocumentSubject). Subject of the document. */
  documentSubject?: InputMaybe<StringFilter>;
  /** Rows whose entry matches (The cash entry of the line.); compiled to EXISTS. */
  entry?: InputMaybe<CashEntryWhere>;
  /** Entry date (EntryDate). Date of the entry (copied from it): the first key of the account's order. */
  entryDate?: InputMaybe<DateTimeFilter>;
  /** Entry ID (EntryID). The entry the line belongs to. */
  entryID?: InputMaybe<IdFilter>;
  /** Entry number (EntryNumber). Number of the entry within its journal (copied from it). */
  entryNumber?: InputMaybe<IntFilter>;
  /** Exchange rate (ExchangeRate). AmountFC x ExchangeRate = AmountDC; 1 for an account in the division's currency. */
  exchangeRate?: InputMaybe<DecimalFilter>;
  /** Rows whose glAccount matches (G/L account the line is booked against.); compiled to EXISTS. */
  glAccount?: InputMaybe<GlAccountWhere>;
  /** G/L account code (GLAccountCode). Code of the G/L account. */
  glAccountCode?: InputMaybe<StringFilter>;
  /** G/L account description (GLAccountDescription). Description of the G/L account. */
  glAccountDescription?: InputMaybe<StringFilter>;
  /** G/L account (GLAccount). G/L account the line is booked against (the offset of the bank or cash account), once known. */
  glAccountID?: InputMaybe<IdFilter>;
  /** ID (ID). Identifier of the line of a cash entry (one page of a cash book). */
  id?: InputMaybe<IdFilter>;
  /** Rows whose journal matches (Journal of the line's entry.); compiled to EXISTS. */
  journal?: InputMaybe<JournalWhere>;
  /** Journal (JournalCode). Journal of the entry (copied from it, so an account's lines are read in order from one index). */
  journalCode?: InputMaybe<StringFilter>;
  /** Line number (LineNumber). Number of the line within its entry, 1, 2, ... in booking-date order. */
  lineNumber?: InputMaybe<IntFilter>;
  /** Modified (Modified). Last modified date. */
  modified?: InputMaybe<DateTimeFilter>;
  /** Modifier (Modifier). User ID of modifier. */
  modifierID?: InputMaybe<IdFilter>;
  /** This filter does not hold. */
  not?: InputMaybe<CashEntryLineWhere>;
  /** Notes (Notes). Notes on the line. */
  notes?: InputMaybe<StringFilter>;
  /** Offset ID (OffsetID). The line this one offsets (a reversal), if any. */
  offsetID?: InputMaybe<IdFilter>;
  /** At least one of these filters holds. */
  or?: InputMaybe<Array<CashEntryLineWhere>>;
  /** Our reference (OurRef). Our reference: the invoice number the line pays, once known. */
  ourRef?: InputMaybe<IntFilter>;
};

/** A sort key for Cash entries: `field` or one to-one relation (`{ account: name }`); lists always end with the primary key so the order is stable. */
export type CashEntryOrderBy = {
  /** Direction (ascending by default). */
  direction?: InputMaybe<SortDirection>;
  /** Sort on a column of division (Divisions) instead. */
  division?: InputMaybe<DivisionSortField>;
  /** Column of this table to sort on (give this or one relation). */
  field?: InputMaybe<CashEntrySortField>;
  /** Sort on a column of journal (Journals) instead. */
  journal?: InputMaybe<JournalSortField>;
  /** Where empty values go. */
  nulls?: InputMaybe<NullsOrder>;
};

/** Columns Cash entries can be sorted on. */
export enum CashEntrySortField {
  /** Closing balance (ClosingBalanceFC). Balance after the entry's lines: exactly the opening balance plus the lines. */
  ClosingBalanceFc = 'closingBalanceFC',
  /** Created (Created). Creation date. */
  Created = 'created',
  /** Creator (Creator). User ID of creator. */
  CreatorId = 'creatorID',
  /** Currency (Currency). Currency of the balances and lines (ISO 4217): the currency of the account. */
  Currency = 'currency',
  /** Division (Division). Division code. */
  DivisionCode = 'divisionCode',
  /** Entry date (EntryDate). Date of the cash entry: the day its closing balance was counted. */
  EntryDate = 'entryDate',
  /** Entry ID (EntryID). Identifier of the cash entry (one page of a cash book). */
  EntryId = 'entryID',
  /** Entry number (EntryNumber). Number of the entry within its journal: 1, 2, ... in the order the entries were stored. */
  EntryNumber = 'entryNumber',
  /** Financial period (FinancialPeriod). Financial period of the entry (month of EntryDate, 1 to 12). */
  FinancialPeriod = 'financialPeriod',
  /** Financial year (FinancialYear). Financial year of the entry (calendar year of EntryDate). */
  FinancialYear = 'financialYear',
  /** Journal (JournalCode). Code of the journal of the entry: a journal of type 10 (Cash). */
  JournalCode = 'journalCode',
  /** Journal description (JournalDescription). Description of the journal. */
  JournalDescription = 'journalDescription',
  /** Modified (Modified). Last modified date. */
  Modified = 'modified',
  /** Modifier (Modifier). User ID of modifier. */
  ModifierId = 'modifierID',
  /** Opening balance (OpeningBalanceFC). Balance before the entry's lines; equals the closing balance of the journal's previous entry. */
  OpeningBalanceFc = 'openingBalanceFC',
  /** Status (Status). Status of the entry: 20 Open, 50 Processed. */
  Status = 'status'
}

/** Filter on Cash entries (CashEntries): every field given must hold. */
export type CashEntryWhere = {
  /** All of these filters hold. */
  and?: InputMaybe<Array<CashEntryWhere>>;
  /** Closing balance (ClosingBalanceFC). Balance after the entry's lines: exactly the opening balance plus the lines. */
  closingBalanceFC?: InputMaybe<DecimalFilter>;
  /** Created (Created). Creation date. */
  created?: InputMaybe<DateTimeFilter>;
  /** Creator (Creator). User ID of creator. */
  creatorID?: InputMaybe<IdFilter>;
  /** Currency (Currency). Currency of the balances and lines (ISO 4217): the currency of the account. */
  currency?: InputMaybe<StringFilter>;
  /** Rows whose division matches (Division of the entry.); compiled to EXISTS. */
  division?: InputMaybe<DivisionWhere>;
  /** Division (Division). Division code. */
  divisionCode?: InputMaybe<IntFilter>;
  /** Entry date (EntryDate). Date of the cash entry: the day its closing balance was counted. */
  entryDate?: InputMaybe<DateTimeFilter>;
  /** Entry ID (EntryID). Identifier of the cash entry (one page of a cash book). */
  entryID?: InputMaybe<IdFilter>;
  /** Entry number (EntryNumber). Number of the entry within its journal: 1, 2, ... in the order the entries were stored. */
  entryNumber?: InputMaybe<IntFilter>;
  /** Financial period (FinancialPeriod). Financial period of the entry (month of EntryDate, 1 to 12). */
  financialPeriod?: InputMaybe<IntFilter>;
  /** Financial year (FinancialYear). Financial year of the entry (calendar year of EntryDate). */
  financialYear?: InputMaybe<IntFilter>;
  /** Rows whose journal matches (Cash journal of the entry.); compiled to EXISTS. */
  journal?: InputMaybe<JournalWhere>;
  /** Journal (JournalCode). Code of the journal of the entry: a journal of type 10 (Cash). */
  journalCode?: InputMaybe<StringFilter>;
  /** Journal description (JournalDescription). Description of the journal. */
  journalDescription?: InputMaybe<StringFilter>;
  /** Modified (Modified). Last modified date. */
  modified?: InputMaybe<DateTimeFilter>;
  /** Modifier (Modifier). User ID of modifier. */
  modifierID?: InputMaybe<IdFilter>;
  /** This filter does not hold. */
  not?: InputMaybe<CashEntryWhere>;
  /** Opening balance (OpeningBalanceFC). Balance before the entry's lines; equals the closing balance of the journal's previous entry. */
  openingBalanceFC?: InputMaybe<DecimalFilter>;
  /** At least one of these filters holds. */
  or?: InputMaybe<Array<CashEntryWhere>>;
  /** Status (Status). Status of the entry: 20 Open, 50 Processed. */
  status?: InputMaybe<IntFilter>;
};

/** A sort key for Contacts: `field` or one to-one relation (`{ account: name }`); lists always end with the primary key so the order is stable. */
export type ContactOrderBy = {
  /** Sort on a column of account (Accounts) instead. */
  account?: InputMaybe<AccountSortField>;
  /** Direction (ascending by default). */
  direction?: InputMaybe<SortDirection>;
  /** Column of this table to sort on (give this or one relation). */
  field?: InputMaybe<ContactSortField>;
  /** Where empty values go. */
  nulls?: InputMaybe<NullsOrder>;
};

/** Columns Contacts can be sorted on. */
export enum ContactSortField {
  /** Account (Account). The account the contact belongs to. */
  AccountId = 'accountID',
  /** Created (Created). Creation date. */
  Created = 'created',
  /** Creator (Creator). User ID of creator. */
  CreatorId = 'creatorID',
  /** Division (Division). Division code. */
  DivisionCode = 'divisionCode',
  /** Email (Email). Email address. */
  Email = 'email',
  /** First name (FirstName). First name. */
  FirstName = 'firstName',
  /** Full name (FullName). Full name of the contact. */
  FullName = 'fullName',
  /** ID (ID). Identifier of the contact. */
  Id = 'id',
  /** Last name (LastName). Last name. */
  LastName = 'lastName',
  /** Modified (Modified). Last modified date. */
  Modified = 'modified',
  /** Modifier (Modifier). User ID of modifier. */
  ModifierId = 'modifierID',
  /** Phone (Phone). Phone number. */
  Phone = 'phone'
}

/** Filter on Contacts (Contacts): every field given must hold. */
export type ContactWhere = {
  /** Rows whose account matches (The account of the contact.); compiled to EXISTS. */
  account?: InputMaybe<AccountWhere>;
  /** Account (Account). The account the contact belongs to. */
  accountID?: InputMaybe<IdFilter>;
  /** All of these filters hold. */
  and?: InputMaybe<Array<ContactWhere>>;
  /** Created (Created). Creation date. */
  created?: InputMaybe<DateTimeFilter>;
  /** Creator (Creator). User ID of creator. */
  creatorID?: InputMaybe<IdFilter>;
  /** Division (Division). Division code. */
  divisionCode?: InputMaybe<IntFilter>;
  /** Email (Email). Email address. */
  email?: InputMaybe<StringFilter>;
  /** First name (FirstName). First name. */
  firstName?: InputMaybe<StringFilter>;
  /** Full name (FullName). Full name of the contact. */
  fullName?: InputMaybe<StringFilter>;
  /** ID (ID). Identifier of the contact. */
  id?: InputMaybe<IdFilter>;
  /** Last name (LastName). Last name. */
  lastName?: InputMaybe<StringFilter>;
  /** Modified (Modified). Last modified date. */
  modified?: InputMaybe<DateTimeFilter>;
  /** Modifier (Modifier). User ID of modifier. */
  modifierID?: InputMaybe<IdFilter>;
  /** This filter does not hold. */
  not?: InputMaybe<ContactWhere>;
  /** At least one of these filters holds. */
  or?: InputMaybe<Array<ContactWhere>>;
  /** Phone (Phone). Phone number. */
  phone?: InputMaybe<StringFilter>;
};

export type CreateApiKeyInput = {
  /** Divisions to grant; omit for all (only a caller holding all divisions may). */
  divisions?: InputMaybe<Array<Scalars['Int']['input']>>;
  expires?: InputMaybe<Scalars['DateTime']['input']>;
  name: Scalars['String']['input'];
  /** Scopes to grant: payments:read, analytics, payments:select, payments:process, payments:write, admin, receivables:read, receivables:write, statements:read, cash:write, statements:import, reconciliation:read, reconciliation:write. */
  scopes: Array<Scalars['String']['input']>;
};

/** Time bucket of a date column in a group-by; the key is the first day of the bucket (ISO weeks start on Monday). */
export enum DateBucket {
  Day = 'DAY',
  Month = 'MONTH',
  Quarter = 'QUARTER',
  Week = 'WEEK',
  Year = 'YEAR'
}

/** Operators on a date-time column (UTC). */
export type DateTimeFilter = {
  /** Between from and to, both included. */
  between?: InputMaybe<DateTimeRange>;
  eq?: InputMaybe<Scalars['DateTime']['input']>;
  gt?: InputMaybe<Scalars['DateTime']['input']>;
  gte?: InputMaybe<Scalars['DateTime']['input']>;
  in?: InputMaybe<Array<Scalars['DateTime']['input']>>;
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
  lt?: InputMaybe<Scalars['DateTime']['input']>;
  lte?: InputMaybe<Scalars['DateTime']['input']>;
  ne?: InputMaybe<Scalars['DateTime']['input']>;
  notIn?: InputMaybe<Array<Scalars['DateTime']['input']>>;
};

/** Inclusive range for `between`. */
export type DateTimeRange = {
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};

/** Operators on an exact decimal (money) column; compared exactly on both databases. */
export type DecimalFilter = {
  /** Between from and to, both included. */
  between?: InputMaybe<DecimalRange>;
  eq?: InputMaybe<Scalars['Decimal']['input']>;
  gt?: InputMaybe<Scalars['Decimal']['input']>;
  gte?: InputMaybe<Scalars['Decimal']['input']>;
  in?: InputMaybe<Array<Scalars['Decimal']['input']>>;
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
  lt?: InputMaybe<Scalars['Decimal']['input']>;
  lte?: InputMaybe<Scalars['Decimal']['input']>;
  ne?: InputMaybe<Scalars['Decimal']['input']>;
  notIn?: InputMaybe<Array<Scalars['Decimal']['input']>>;
};

/** Inclusive range for `between`. */
export type DecimalRange = {
  from: Scalars['Decimal']['input'];
  to: Scalars['Decimal']['input'];
};

/** Payment type of a SEPA direct debit mandate; the Exact code is the value: 0 one-off, 1 recurrent. */
export enum DirectDebitMandatePaymentType {
  OneOff = 'ONE_OFF',
  Recurrent = 'RECURRENT'
}

/** Operators on a DirectDebitMandatePaymentType column. */
export type DirectDebitMandatePaymentTypeFilter = {
  /** Equal to. */
  eq?: InputMaybe<DirectDebitMandatePaymentType>;
  /** One of. */
  in?: InputMaybe<Array<DirectDebitMandatePaymentType>>;
  /** true: the column is null; false: it is not. */
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
  /** Not equal to. */
  ne?: InputMaybe<DirectDebitMandatePaymentType>;
  /** None of. */
  notIn?: InputMaybe<Array<DirectDebitMandatePaymentType>>;
};

/** Type of a SEPA direct debit mandate; the Exact code is the value: 0 Core, 1 B2B. */
export enum DirectDebitMandateType {
  B2B = 'B2B',
  Core = 'CORE'
}

/** Operators on a DirectDebitMandateType column. */
export type DirectDebitMandateTypeFilter = {
  /** Equal to. */
  eq?: InputMaybe<DirectDebitMandateType>;
  /** One of. */
  in?: InputMaybe<Array<DirectDebitMandateType>>;
  /** true: the column is null; false: it is not. */
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
  /** Not equal to. */
  ne?: InputMaybe<DirectDebitMandateType>;
  /** None of. */
  notIn?: InputMaybe<Array<DirectDebitMandateType>>;
};

/** A sort key for Divisions: `field` or one to-one relation (`{ account: name }`); lists always end with the primary key so the order is stable. */
export type DivisionOrderBy = {
  /** Direction (ascending by default). */
  direction?: InputMaybe<SortDirection>;
  /** Column of this table to sort on (give this or one relation). */
  field?: InputMaybe<DivisionSortField>;
  /** Where empty values go. */
  nulls?: InputMaybe<NullsOrder>;
};

/** Columns Divisions can be sorted on. */
export enum DivisionSortField {
  /** BIC (BIC). BIC of the bank of the main IBAN. */
  Bic = 'bic',
  /** Chamber of commerce number (ChamberOfCommerceNumber). Chamber of commerce number of the division. */
  ChamberOfCommerceNumber = 'chamberOfCommerceNumber',
  /** Code (Code). Division code: the key every partitioned row carries. */
  Code = 'code',
  /** Company name (CompanyName). Legal name of the company of the division. */
  CompanyName = 'companyName',
  /** Country (Country). Country of the division (ISO 3166-1 alpha-2); drives the legislation. */
  Country = 'country',
  /** Created (Created). Creation date. */
  Created = 'created',
  /** Currency (Currency). Default currency of the division (ISO 4217). AmountDC columns are in this currency. */
  Currency = 'currency',
  /** Name (Description). Name of the division. */
  Description = 'description',
  /** IBAN (IBAN). Main IBAN of the division. */
  Iban = 'iban',
  /** Label (Label). Label of the division. */
  Label = 'label',
  /** Modified (Modified). Last modified date. */
  Modified = 'modified',
  /** Subscription holder name (OwnerCompanyName). Name of the customer owning the subscription to which this division belongs. */
  OwnerCompanyName = 'ownerCompanyName',
  /** Subscription holder number (OwnerCompanyNumber). Number of the customer owning the subscription to which this division belongs. */
  OwnerCompanyNumber = 'ownerCompanyNumber',
  /** RSIN number (RSIN). RSIN (Dutch legal entity number) of the division. */
  Rsin = 'rsin',
  /** Short name (ShortName). Short name (number) of the division. */
  ShortName = 'shortName',
  /** Status (Status). Status of the division: 0 inactive, 1 active, 2 archived. */
  Status = 'status',
  /** VAT number (VATNumber). VAT number of the division. */
  VatNumber = 'vatNumber',
  /** Wage tax number (WageTaxNumber). Wage tax number of the division. */
  WageTaxNumber = 'wageTaxNumber'
}

/** Filter on Divisions (Divisions): every field given must hold. */
export type DivisionWhere = {
  /** All of these filters hold. */
  and?: InputMaybe<Array<DivisionWhere>>;
  /** BIC (BIC). BIC of the bank of the main IBAN. */
  bic?: InputMaybe<StringFilter>;
  /** Chamber of commerce number (ChamberOfCommerceNumber). Chamber of commerce number of the division. */
  chamberOfCommerceNumber?: InputMaybe<StringFilter>;
  /** Code (Code). Division code: the key every partitioned row carries. */
  code?: InputMaybe<IntFilter>;
  /** Company name (CompanyName). Legal name of the company of the division. */
  companyName?: InputMaybe<StringFilter>;
  /** Country (Country). Country of the division (ISO 3166-1 alpha-2); drives the legislation. */
  country?: InputMaybe<StringFilter>;
  /** Created (Created). Creation date. */
  created?: InputMaybe<DateTimeFilter>;
  /** Currency (Currency). Default currency of the division (ISO 4217). AmountDC columns are in this currency. */
  currency?: InputMaybe<StringFilter>;
  /** Name (Description). Name of the division. */
  description?: InputMaybe<StringFilter>;
  /** IBAN (IBAN). Main IBAN of the division. */
  iban?: InputMaybe<StringFilter>;
  /** Label (Label). Label of the division. */
  label?: InputMaybe<StringFilter>;
  /** Modified (Modified). Last modified date. */
  modified?: InputMaybe<DateTimeFilter>;
  /** This filter does not hold. */
  not?: InputMaybe<DivisionWhere>;
  /** At least one of these filters holds. */
  or?: InputMaybe<Array<DivisionWhere>>;
  /** Subscription holder name (OwnerCompanyName). Name of the customer owning the subscription to which this division belongs. */
  ownerCompanyName?: InputMaybe<StringFilter>;
  /** Subscription holder number (OwnerCompanyNumber). Number of the customer owning the subscription to which this division belongs. */
  ownerCompanyNumber?: InputMaybe<StringFilter>;
  /** RSIN number (RSIN). RSIN (Dutch legal entity number) of the division. */
  rsin?: InputMaybe<StringFilter>;
  /** Short name (ShortName). Short name (number) of the division. */
  shortName?: InputMaybe<SafeIntFilter>;
  /** Status (Status). Status of the division: 0 inactive, 1 active, 2 archived. */
  status?: InputMaybe<IntFilter>;
  /** VAT number (VATNumber). VAT number of the division. */
  vatNumber?: InputMaybe<StringFilter>;
  /** Wage tax number (WageTaxNumber). Wage tax number of the division. */
  wageTaxNumber?: InputMaybe<StringFilter>;
};

/** A sort key for Document attachments: `field` or one to-one relation (`{ account: name }`); lists always end with the primary key so the order is stable. */
export type DocumentAttachmentOrderBy = {
  /** Direction (ascending by default). */
  direction?: InputMaybe<SortDirection>;
  /** Sort on a column of document (Documents) instead. */
  document?: InputMaybe<DocumentSortField>;
  /** Column of this table to sort on (give this or one relation). */
  field?: InputMaybe<DocumentAttachmentSortField>;
  /** Where empty values go. */
  nulls?: InputMaybe<NullsOrder>;
};

/** Columns Document attachments can be sorted on. */
export enum DocumentAttachmentSortField {
  /** Created (Created). Creation date. */
  Created = 'created',
  /** Division (Division). Division code. */
  DivisionCode = 'divisionCode',
  /** Document (Document). The document the file is attached to. */
  DocumentId = 'documentID',
  /** File name (FileName). Name of the file. */
  FileName = 'fileName',
  /** File size (FileSize). Size of the file in bytes. */
  FileSize = 'fileSize',
  /** ID (ID). Identifier of the attachment. */
  Id = 'id',
  /** Media type (MediaType). Media (MIME) type of the file. */
  MediaType = 'mediaType'
}

/** Filter on Document attachments (DocumentAttachments): every field given must hold. */
export type DocumentAttachmentWhere = {
  /** All of these filters hold. */
  and?: InputMaybe<Array<DocumentAttachmentWhere>>;
  /** Created (Created). Creation date. */
  created?: InputMaybe<DateTimeFilter>;
  /** Division (Division). Division code. */
  divisionCode?: InputMaybe<IntFilter>;
  /** Rows whose document matches (The document.); compiled to EXISTS. */
  document?: InputMaybe<DocumentWhere>;
  /** Document (Document). The document the file is attached to. */
  documentID?: InputMaybe<IdFilter>;
  /** File name (FileName). Name of the file. */
  fileName?: InputMaybe<StringFilter>;
  /** File size (FileSize). Size of the file in bytes. */
  fileSize?: InputMaybe<IntFilter>;
  /** ID (ID). Identifier of the attachment. */
  id?: InputMaybe<IdFilter>;
  /** Media type (MediaType). Media (MIME) type of the file. */
  mediaType?: InputMaybe<StringFilter>;
  /** This filter does not hold. */
  not?: InputMaybe<DocumentAttachmentWhere>;
  /** At least one of these filters holds. */
  or?: InputMaybe<Array<DocumentAttachmentWhere>>;
};

/** A sort key for Documents: `field` or one to-one relation (`{ account: name }`); lists always end with the primary key so the order is stable. */
export type DocumentOrderBy = {
  /** Direction (ascending by default). */
  direction?: InputMaybe<SortDirection>;
  /** Sort on a column of division (Divisions) instead. */
  division?: InputMaybe<DivisionSortField>;
  /** Column of this table to sort on (give this or one relation). */
  field?: InputMaybe<DocumentSortField>;
  /** Where empty values go. */
  nulls?: InputMaybe<NullsOrder>;
};

/** Columns Documents can be sorted on. */
export enum DocumentSortField {
  /** Created (Created). Creation date. */
  Created = 'created',
  /** Creator (Creator). User ID of creator. */
  CreatorId = 'creatorID',
  /** Division (Division). Division code. */
  DivisionCode = 'divisionCode',
  /** Document number (DocumentNumber). Number of the document: a sequence without gaps per division. */
  DocumentNumber = 'documentNumber',
  /** ID (ID). Identifier of the document. */
  Id = 'id',
  /** Modified (Modified). Last modified date. */
  Modified = 'modified',
  /** Modifier (Modifier). User ID of modifier. */
  ModifierId = 'modifierID',
  /** Subject (Subject). Subject of the document. */
  Subject = 'subject',
  /** Type (Type). Document type: 10 bank export file, 20 purchase invoice, 55 other. */
  Type = 'type'
}

/** Filter on Documents (Documents): every field given must hold. */
export type DocumentWhere = {
  /** All of these filters hold. */
  and?: InputMaybe<Array<DocumentWhere>>;
  /** Created (Created). Creation date. */
  created?: InputMaybe<DateTimeFilter>;
  /** Creator (Creator). User ID of creator. */
  creatorID?: InputMaybe<IdFilter>;
  /** Rows whose division matches (Division of the document.); compiled to EXISTS. */
  division?: InputMaybe<DivisionWhere>;
  /** Division (Division). Division code. */
  divisionCode?: InputMaybe<IntFilter>;
  /** Document number (DocumentNumber). Number of the document: a sequence without gaps per division. */
  documentNumber?: InputMaybe<IntFilter>;
  /** ID (ID). Identifier of the document. */
  id?: InputMaybe<IdFilter>;
  /** Modified (Modified). Last modified date. */
  modified?: InputMaybe<DateTimeFilter>;
  /** Modifier (Modifier). User ID of modifier. */
  modifierID?: InputMaybe<IdFilter>;
  /** This filter does not hold. */
  not?: InputMaybe<DocumentWhere>;
  /** At least one of these filters holds. */
  or?: InputMaybe<Array<DocumentWhere>>;
  /** Subject (Subject). Subject of the document. */
  subject?: InputMaybe<StringFilter>;
  /** Type (Type). Document type: 10 bank export file, 20 purchase invoice, 55 other. */
  type?: InputMaybe<IntFilter>;
};

/** Kind of financial account, by the type of its journal: 12 Bank (an own bank account), 10 Cash (a cash book). */
export enum FinancialAccountType {
  Bank = 'BANK',
  Cash = 'CASH'
}

/** A sort key for G/L accounts: `field` or one to-one relation (`{ account: name }`); lists always end with the primary key so the order is stable. */
export type GlAccountOrderBy = {
  /** Direction (ascending by default). */
  direction?: InputMaybe<SortDirection>;
  /** Sort on a column of division (Divisions) instead. */
  division?: InputMaybe<DivisionSortField>;
  /** Column of this table to sort on (give this or one relation). */
  field?: InputMaybe<GlAccountSortField>;
  /** Where empty values go. */
  nulls?: InputMaybe<NullsOrder>;
};

/** Columns G/L accounts can be sorted on. */
export enum GlAccountSortField {
  /** Balance side (BalanceSide). D (debit) or C (credit). */
  BalanceSide = 'balanceSide',
  /** Balance type (BalanceType). B (balance sheet) or W (profit and loss). */
  BalanceType = 'balanceType',
  /** Code (Code). Code of the G/L account, unique in the division. */
  Code = 'code',
  /** Created (Created). Creation date. */
  Created = 'created',
  /** Creator (Creator). User ID of creator. */
  CreatorId = 'creatorID',
  /** Description (Description). Description of the G/L account. */
  Description = 'description',
  /** Division (Division). Division code. */
  DivisionCode = 'divisionCode',
  /** ID (ID). Identifier of the G/L account. */
  Id = 'id',
  /** Modified (Modified). Last modified date. */
  Modified = 'modified',
  /** Modifier (Modifier). User ID of modifier. */
  ModifierId = 'modifierID',
  /** Type (Type). Type of the G/L account: 10 Cash, 12 Bank, 20 Accounts receivable, 22 Accounts payable, 24 VAT, 110 Revenue, ... (see cashflow codes). */
  Type = 'type'
}

/** Filter on G/L accounts (GLAccounts): every field given must hold. */
export type GlAccountWhere = {
  /** All of these filters hold. */
  and?: InputMaybe<Array<GlAccountWhere>>;
  /** Balance side (BalanceSide). D (debit) or C (credit). */
  balanceSide?: InputMaybe<StringFilter>;
  /** Balance type (BalanceType). B (balance sheet) or W (profit and loss). */
  balanceType?: InputMaybe<StringFilter>;
  /** Code (Code). Code of the G/L account, unique in the division. */
  code?: InputMaybe<StringFilter>;
  /** Created (Created). Creation date. */
  created?: InputMaybe<DateTimeFilter>;
  /** Creator (Creator). User ID of creator. */
  creatorID?: InputMaybe<IdFilter>;
  /** Description (Description). Description of the G/L account. */
  description?: InputMaybe<StringFilter>;
  /** Rows whose division matches (Division of the G/L account.); compiled to EXISTS. */
  division?: InputMaybe<DivisionWhere>;
  /** Division (Division). Division code. */
  divisionCode?: InputMaybe<IntFilter>;
  /** ID (ID). Identifier of the G/L account. */
  id?: InputMaybe<IdFilter>;
  /** Modified (Modified). Last modified date. */
  modified?: InputMaybe<DateTimeFilter>;
  /** Modifier (Modifier). User ID of modifier. */
  modifierID?: InputMaybe<IdFilter>;
  /** This filter does not hold. */
  not?: InputMaybe<GlAccountWhere>;
  /** At least one of these filters holds. */
  or?: InputMaybe<Array<GlAccountWhere>>;
  /** Type (Type). Type of the G/L account: 10 Cash, 12 Bank, 20 Accounts receivable, 22 Accounts payable, 24 VAT, 110 Revenue, ... (see cashflow codes). */
  type?: InputMaybe<IntFilter>;
};

/** Operators on an identifier (GUID) column. */
export type IdFilter = {
  eq?: InputMaybe<Scalars['UUID']['input']>;
  in?: InputMaybe<Array<Scalars['UUID']['input']>>;
  /** true: the column is null; false: it is not. */
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
  ne?: InputMaybe<Scalars['UUID']['input']>;
  notIn?: InputMaybe<Array<Scalars['UUID']['input']>>;
};

/** IMPORTED: statements stored; ALREADY_IMPORTED: every statement was stored before; REFUSED: nothing stored (see problems). */
export enum ImportedFileOutcome {
  AlreadyImported = 'ALREADY_IMPORTED',
  Imported = 'IMPORTED',
  Refused = 'REFUSED'
}

/** CREATED: stored now; ALREADY_IMPORTED: stored before; NOT_STORED: its file was refused. */
export enum ImportedStatementOutcome {
  AlreadyImported = 'ALREADY_IMPORTED',
  Created = 'CREATED',
  NotStored = 'NOT_STORED'
}

/** Operators on a whole-number column. */
export type IntFilter = {
  /** Between from and to, both included. */
  between?: InputMaybe<IntRange>;
  eq?: InputMaybe<Scalars['Int']['input']>;
  gt?: InputMaybe<Scalars['Int']['input']>;
  gte?: InputMaybe<Scalars['Int']['input']>;
  in?: InputMaybe<Array<Scalars['Int']['input']>>;
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
  lt?: InputMaybe<Scalars['Int']['input']>;
  lte?: InputMaybe<Scalars['Int']['input']>;
  ne?: InputMaybe<Scalars['Int']['input']>;
  notIn?: InputMaybe<Array<Scalars['Int']['input']>>;
};

/** Inclusive range for `between`. */
export type IntRange = {
  from: Scalars['Int']['input'];
  to: Scalars['Int']['input'];
};

/** A sort key for Journals: `field` or one to-one relation (`{ account: name }`); lists always end with the primary key so the order is stable. */
export type JournalOrderBy = {
  /** Sort on a column of bankAccount (BankAccounts) instead. */
  bankAccount?: InputMaybe<BankAccountSortField>;
  /** Direction (ascending by default). */
  direction?: InputMaybe<SortDirection>;
  /** Sort on a column of division (Divisions) instead. */
  division?: InputMaybe<DivisionSortField>;
  /** Column of this table to sort on (give this or one relation). */
  field?: InputMaybe<JournalSortField>;
  /** Sort on a column of glAccount (GLAccounts) instead. */
  glAccount?: InputMaybe<GlAccountSortField>;
  /** Where empty values go. */
  nulls?: InputMaybe<NullsOrder>;
};

/** Columns Journals can be sorted on. */
export enum JournalSortField {
  /** Bank account description (BankAccountDescription). Description of the journal's bank account. */
  BankAccountDescription = 'bankAccountDescription',
  /** Bank account IBAN (BankAccountIBAN). IBAN (or other number) of the journal's bank account. */
  BankAccountIban = 'bankAccountIBAN',
  /** Bank account ID (BankAccountID). The own bank account of a bank journal (type 12): its statements become this journal's bank entries. At most one journal per bank account. */
  BankAccountId = 'bankAccountID',
  /** Code (Code). Code of the journal, unique in the division. */
  Code = 'code',
  /** Created (Created). Creation date. */
  Created = 'created',
  /** Creator (Creator). User ID of creator. */
  CreatorId = 'creatorID',
  /** Currency (Currency). Currency of the journal's entries (ISO 4217); empty: the division's. */
  Currency = 'currency',
  /** Description (Description). Description of the journal. */
  Description = 'description',
  /** Division (Division). Division code. */
  DivisionCode = 'divisionCode',
  /** G/L account code (GLAccountCode). Code of the journal's G/L account. */
  GlAccountCode = 'glAccountCode',
  /** G/L account description (GLAccountDescription). Description of the journal's G/L account. */
  GlAccountDescription = 'glAccountDescription',
  /** G/L account (GLAccount). G/L account of the journal: the bank (type 12) or cash (type 10) account its entries book on. */
  GlAccountId = 'glAccountID',
  /** ID (ID). Identifier of the journal. */
  Id = 'id',
  /** Modified (Modified). Last modified date. */
  Modified = 'modified',
  /** Modifier (Modifier). User ID of modifier. */
  ModifierId = 'modifierID',
  /** Type (Type). Journal type: 10 Cash, 12 Bank, 20 Sales, 22 Purchase, 90 General journal. */
  Type = 'type'
}

/** Filter on Journals (Journals): every field given must hold. */
export type JournalWhere = {
  /** All of these filters hold. */
  and?: InputMaybe<Array<JournalWhere>>;
  /** Rows whose bankAccount matches (Own bank account of a bank journal.); compiled to EXISTS. */
  bankAccount?: InputMaybe<BankAccountWhere>;
  /** Bank account description (BankAccountDescription). Description of the journal's bank account. */
  bankAccountDescription?: InputMaybe<StringFilter>;
  /** Bank account IBAN (BankAccountIBAN). IBAN (or other number) of the journal's bank account. */
  bankAccountIBAN?: InputMaybe<StringFilter>;
  /** Bank account ID (BankAccountID). The own bank account of a bank journal (type 12): its statements become this journal's bank entries. At most one journal per bank account. */
  bankAccountID?: InputMaybe<IdFilter>;
  /** Code (Code). Code of the journal, unique in the division. */
  code?: InputMaybe<StringFilter>;
  /** Created (Created). Creation date. */
  created?: InputMaybe<DateTimeFilter>;
  /** Creator (Creator). User ID of creator. */
  creatorID?: InputMaybe<IdFilter>;
  /** Currency (Currency). Currency of the journal's entries (ISO 4217); empty: the division's. */
  currency?: InputMaybe<StringFilter>;
  /** Description (Description). Description of the journal. */
  description?: InputMaybe<StringFilter>;
  /** Rows whose division matches (Division of the journal.); compiled to EXISTS. */
  division?: InputMaybe<DivisionWhere>;
  /** Division (Division). Division code. */
  divisionCode?: InputMaybe<IntFilter>;
  /** Rows whose glAccount matches (G/L account of the journal.); compiled to EXISTS. */
  glAccount?: InputMaybe<GlAccountWhere>;
  /** G/L account code (GLAccountCode). Code of the journal's G/L account. */
  glAccountCode?: InputMaybe<StringFilter>;
  /** G/L account description (GLAccountDescription). Description of the journal's G/L account. */
  glAccountDescription?: InputMaybe<StringFilter>;
  /** G/L account (GLAccount). G/L account of the journal: the bank (type 12) or cash (type 10) account its entries book on. */
  glAccountID?: InputMaybe<IdFilter>;
  /** ID (ID). Identifier of the journal. */
  id?: InputMaybe<IdFilter>;
  /** Modified (Modified). Last modified date. */
  modified?: InputMaybe<DateTimeFilter>;
  /** Modifier (Modifier). User ID of modifier. */
  modifierID?: InputMaybe<IdFilter>;
  /** This filter does not hold. */
  not?: InputMaybe<JournalWhere>;
  /** At least one of these filters holds. */
  or?: InputMaybe<Array<JournalWhere>>;
  /** Type (Type). Journal type: 10 Cash, 12 Bank, 20 Sales, 22 Purchase, 90 General journal. */
  type?: InputMaybe<IntFilter>;
};

/** A bank entry line linked by hand to open items and/or G/L accounts (one action, undoable). */
export type LinkBankEntryLineInput = {
  /** Parts booked to G/L accounts (this also splits a line over several). */
  glAccounts?: InputMaybe<Array<MatchGlAccountInput>>;
  items?: InputMaybe<Array<MatchItemInput>>;
  lineID: Scalars['UUID']['input'];
  /** Default KEEP_ON_LINE. */
  overpayment?: InputMaybe<OverpaymentHandling>;
  /** A note (at most 255 characters). */
  reason?: InputMaybe<Scalars['String']['input']>;
};

/** Part of a bank entry line booked to a G/L account, in the sign of the line. */
export type MatchGlAccountInput = {
  amountFC: Scalars['Decimal']['input'];
  glAccountID: Scalars['UUID']['input'];
};

/** An open item a bank entry line settles: a receivable or a payment (exactly one), with the amount applied. */
export type MatchItemInput = {
  /** Amount applied, in the item's sign (positive for an invoice); less than the item's amount leaves the rest open as a new part. */
  amountFC: Scalars['Decimal']['input'];
  /** Book what the item keeps (its amount minus the applied) as a payment difference, within the division's tolerance. */
  bookDifference?: InputMaybe<Scalars['Boolean']['input']>;
  /** The payment settled (a debit line). */
  paymentID?: InputMaybe<Scalars['UUID']['input']>;
  /** The receivable settled (a credit line). */
  receivableID?: InputMaybe<Scalars['UUID']['input']>;
  /** The version read: an item changed since gets CONFLICT. */
  version?: InputMaybe<Scalars['Int']['input']>;
};

/** Payments to match with a bank statement line, or with each other when no line is given. */
export type MatchPaymentsInput = {
  /** Reference of the bank statement line that paid the payments (at most 60). Leave out to match payments with each other: their AmountDC must sum to 0. */
  bankStatementLineReference?: InputMaybe<Scalars['String']['input']>;
  /** Date of the bank statement line (EndDate); default today, never after today. Matching with each other uses the highest invoice date. */
  date?: InputMaybe<Scalars['DateTime']['input']>;
  paymentIDs: Array<Scalars['UUID']['input']>;
};

/** Where rows with an empty (null) sort value go; only on keys that can be empty. Default: nulls sort as the smallest value (first ascending, last descending). */
export enum NullsOrder {
  First = 'FIRST',
  Last = 'LAST'
}

/** What the part of a line its items leave becomes: KEEP_ON_LINE (stays open on the line) or CREDIT (a credit of the customer). */
export enum OverpaymentHandling {
  Credit = 'CREDIT',
  KeepOnLine = 'KEEP_ON_LINE'
}

/** Conditions on aggregated amounts of Payments. */
export type PaymentAmountsFilter = {
  /** Amount (division currency) (AmountDC). The amount in default currency (division currency). Payments are matched on this amount. */
  amountDC?: InputMaybe<DecimalFilter>;
  /** Discount amount (division currency) (AmountDiscountDC). The amount of the discount in the default currency. */
  amountDiscountDC?: InputMaybe<DecimalFilter>;
  /** Discount amount (foreign currency) (AmountDiscountFC). The amount of the discount. This is in the amount of the selected currency. */
  amountDiscountFC?: InputMaybe<DecimalFilter>;
  /** Amount (foreign currency) (AmountFC). The amount of the payment. This is in the amount of the selected currency. */
  amountFC?: InputMaybe<DecimalFilter>;
  /** Payment discount percentage (PaymentDiscountPercentage). Payment discount percentage. */
  paymentDiscountPercentage?: InputMaybe<DecimalFilter>;
  /** Exchange rate (RateFC). Exchange rate from payment currency to division currency. AmountFC * RateFC = AmountDC. */
  rateFC?: InputMaybe<DecimalFilter>;
  /** Transaction amount (division currency) (TransactionAmountDC). Total amount of the linked transaction in default currency (division currency). */
  transactionAmountDC?: InputMaybe<DecimalFilter>;
  /** Transaction amount (foreign currency) (TransactionAmountFC). Total amount of the linked transaction in the selected currency. */
  transactionAmountFC?: InputMaybe<DecimalFilter>;
};

/** Conditions on aggregated amounts of Payment batches. */
export type PaymentBatchAmountsFilter = {
  /** Total amount (division currency) (TotalAmountDC). Total paid by the batch, discounts taken into account. */
  totalAmountDC?: InputMaybe<DecimalFilter>;
};

/** A group-by key of Payment batches. */
export type PaymentBatchGroupBy = {
  /** Time bucket for a date column (default day); BAD_USER_INPUT on any other column. */
  bucket?: InputMaybe<DateBucket>;
  /** Column to group by. */
  field: PaymentBatchGroupField;
};

/** Columns Payment batches can be grouped by (date columns by a time bucket). */
export enum PaymentBatchGroupField {
  /** Own bank account ID (BankAccountID). Own bank account the payments are made from. */
  BankAccountId = 'bankAccountID',
  /** Batch booking (BatchBooking). Whether the bank books the batch as one debit. */
  BatchBooking = 'batchBooking',
  /** Batch code (CashflowTransactionBatchCode). Code of the batch, unique in the division; payments carry it. */
  CashflowTransactionBatchCode = 'cashflowTransactionBatchCode',
  /** Created (Created). Creation date. */
  Created = 'created',
  /** Creator (Creator). User ID of creator. */
  CreatorId = 'creatorID',
  /** Currency (Currency). Currency of the batch. */
  Currency = 'currency',
  /** Division (Division). Division code. */
  DivisionCode = 'divisionCode',
  /** Document (Document). Document holding the bank file. */
  DocumentId = 'documentID',
  /** Execution date (ExecutionDate). Requested execution date of the bank file. */
  ExecutionDate = 'executionDate',
  /** File format (FileFormat). Format of the bank file: pain.001.001.03 or pain.001.001.09. */
  FileFormat = 'fileFormat',
  /** ID (ID). Identifier of the payment batch. */
  Id = 'id',
  /** Modified (Modified). Last modified date. */
  Modified = 'modified',
  /** Modifier (Modifier). User ID of modifier. */
  ModifierId = 'modifierID',
  /** Number of payments (PaymentCount). Number of payments in the batch. */
  PaymentCount = 'paymentCount'
}

/** An ordering of groups of Payment batches. */
export type PaymentBatchGroupOrderBy = {
  direction?: InputMaybe<SortDirection>;
  /** Group key or aggregate to order by. */
  field: PaymentBatchGroupOrderField;
};

/** What groups of Payment batches can be ordered by: a group key, count, or function_amount. */
export enum PaymentBatchGroupOrderField {
  AvgTotalAmountDc = 'avg_totalAmountDC',
  BankAccountId = 'bankAccountID',
  BatchBooking = 'batchBooking',
  CashflowTransactionBatchCode = 'cashflowTransactionBatchCode',
  Count = 'count',
  Created = 'created',
  CreatorId = 'creatorID',
  Currency = 'currency',
  DivisionCode = 'divisionCode',
  DocumentId = 'documentID',
  ExecutionDate = 'executionDate',
  FileFormat = 'fileFormat',
  Id = 'id',
  MaxTotalAmountDc = 'max_totalAmountDC',
  MinTotalAmountDc = 'min_totalAmountDC',
  Modified = 'modified',
  ModifierId = 'modifierID',
  PaymentCount = 'paymentCount',
  SumTotalAmountDc = 'sum_totalAmountDC'
}

/** Conditions on groups of Payment batches (SQL HAVING); all must hold. */
export type PaymentBatchHaving = {
  /** Conditions on the avg of amounts. */
  avg?: InputMaybe<PaymentBatchAmountsFilter>;
  /** Condition on the number of rows in the group. */
  count?: InputMaybe<IntFilter>;
  /** Conditions on the max of amounts. */
  max?: InputMaybe<PaymentBatchAmountsFilter>;
  /** Conditions on the min of amounts. */
  min?: InputMaybe<PaymentBatchAmountsFilter>;
  /** Conditions on the sum of amounts. */
  sum?: InputMaybe<PaymentBatchAmountsFilter>;
};

/** A sort key for Payment batches: `field` or one to-one relation (`{ account: name }`); lists always end with the primary key so the order is stable. */
export type PaymentBatchOrderBy = {
  /** Sort on a column of bankAccount (BankAccounts) instead. */
  bankAccount?: InputMaybe<BankAccountSortField>;
  /** Direction (ascending by default). */
  direction?: InputMaybe<SortDirection>;
  /** Sort on a column of division (Divisions) instead. */
  division?: InputMaybe<DivisionSortField>;
  /** Sort on a column of document (Documents) instead. */
  document?: InputMaybe<DocumentSortField>;
  /** Column of this table to sort on (give this or one relation). */
  field?: InputMaybe<PaymentBatchSortField>;
  /** Where empty values go. */
  nulls?: InputMaybe<NullsOrder>;
};

/** Columns Payment batches can be sorted on. */
export enum PaymentBatchSortField {
  /** Own bank account ID (BankAccountID). Own bank account the payments are made from. */
  BankAccountId = 'bankAccountID',
  /** Batch booking (BatchBooking). Whether the bank books the batch as one debit. */
  BatchBooking = 'batchBooking',
  /** Batch code (CashflowTransactionBatchCode). Code of the batch, unique in the division; payments carry it. */
  CashflowTransactionBatchCode = 'cashflowTransactionBatchCode',
  /** Created (Created). Creation date. */
  Created = 'created',
  /** Creator (Creator). User ID of creator. */
  CreatorId = 'creatorID',
  /** Currency (Currency). Currency of the batch. */
  Currency = 'currency',
  /** Division (Division). Division code. */
  DivisionCode = 'divisionCode',
  /** Document (Document). Document holding the bank file. */
  DocumentId = 'documentID',
  /** Execution date (ExecutionDate). Requested execution date of the bank file. */
  ExecutionDate = 'executionDate',
  /** File format (FileFormat). Format of the bank file: pain.001.001.03 or pain.001.001.09. */
  FileFormat = 'fileFormat',
  /** ID (ID). Identifier of the payment batch. */
  Id = 'id',
  /** Modified (Modified). Last modified date. */
  Modified = 'modified',
  /** Modifier (Modifier). User ID of modifier. */
  ModifierId = 'modifierID',
  /** Number of payments (PaymentCount). Number of payments in the batch. */
  PaymentCount = 'paymentCount',
  /** Total amount (division currency) (TotalAmountDC). Total paid by the batch, discounts taken into account. */
  TotalAmountDc = 'totalAmountDC'
}

/** Filter on Payment batches (PaymentBatches): every field given must hold. */
export type PaymentBatchWhere = {
  /** All of these filters hold. */
  and?: InputMaybe<Array<PaymentBatchWhere>>;
  /** Rows whose bankAccount matches (Own bank account the batch pays from.); compiled to EXISTS. */
  bankAccount?: InputMaybe<BankAccountWhere>;
  /** Own bank account ID (BankAccountID). Own bank account the payments are made from. */
  bankAccountID?: InputMaybe<IdFilter>;
  /** Batch booking (BatchBooking). Whether the bank books the batch as one debit. */
  batchBooking?: InputMaybe<BooleanFilter>;
  /** Batch code (CashflowTransactionBatchCode). Code of the batch, unique in the division; payments carry it. */
  cashflowTransactionBatchCode?: InputMaybe<StringFilter>;
  /** Created (Created). Creation date. */
  created?: InputMaybe<DateTimeFilter>;
  /** Creator (Creator). User ID of creator. */
  creatorID?: InputMaybe<IdFilter>;
  /** Currency (Currency). Currency of the batch. */
  currency?: InputMaybe<StringFilter>;
  /** Rows whose division matches (Division of the batch.); compiled to EXISTS. */
  division?: InputMaybe<DivisionWhere>;
  /** Division (Division). Division code. */
  divisionCode?: InputMaybe<IntFilter>;
  /** Rows whose document matches (Document holding the bank file.); compiled to EXISTS. */
  document?: InputMaybe<DocumentWhere>;
  /** Document (Document). Document holding the bank file. */
  documentID?: InputMaybe<IdFilter>;
  /** Execution date (ExecutionDate). Requested execution date of the bank file. */
  executionDate?: InputMaybe<DateTimeFilter>;
  /** File format (FileFormat). Format of the bank file: pain.001.001.03 or pain.001.001.09. */
  fileFormat?: InputMaybe<StringFilter>;
  /** ID (ID). Identifier of the payment batch. */
  id?: InputMaybe<IdFilter>;
  /** Modified (Modified). Last modified date. */
  modified?: InputMaybe<DateTimeFilter>;
  /** Modifier (Modifier). User ID of modifier. */
  modifierID?: InputMaybe<IdFilter>;
  /** This filter does not hold. */
  not?: InputMaybe<PaymentBatchWhere>;
  /** At least one of these filters holds. */
  or?: InputMaybe<Array<PaymentBatchWhere>>;
  /** Number of payments (PaymentCount). Number of payments in the batch. */
  paymentCount?: InputMaybe<IntFilter>;
  /** Total amount (division currency) (TotalAmountDC). Total paid by the batch, discounts taken into account. */
  totalAmountDC?: InputMaybe<DecimalFilter>;
};

/** Conditions on aggregated amounts of Payment conditions. */
export type PaymentConditionAmountsFilter = {
  /** Discount percentage (DiscountPercentage). Discount percentage when paid within the discount days. */
  discountPercentage?: InputMaybe<DecimalFilter>;
};

/** A group-by key of Payment conditions. */
export type PaymentConditionGroupBy = {
  /** Time bucket for a date column (default day); BAD_USER_INPUT on any other column. */
  bucket?: InputMaybe<DateBucket>;
  /** Column to group by. */
  field: PaymentConditionGroupField;
};

/** Columns Payment conditions can be grouped by (date columns by a time bucket). */
export enum PaymentConditionGroupField {
  /** Code (Code). Code of the payment condition, unique in the division. */
  Code = 'code',
  /** Created (Created). Creation date. */
  Created = 'created',
  /** Creator (Creator). User ID of creator. */
  CreatorId = 'creatorID',
  /** Description (Description). Description of the payment condition. */
  Description = 'description',
  /** Discount days (DiscountPaymentDays). Number of days between invoice date and the discount due date. */
  DiscountPaymentDays = 'discountPaymentDays',
  /** Division (Division). Division code. */
  DivisionCode = 'divisionCode',
  /** ID (ID). Identifier of the payment condition. */
  Id = 'id',
  /** Modified (Modified). Last modified date. */
  Modified = 'modified',
  /** Modifier (Modifier). User ID of modifier. */
  ModifierId = 'modifierID',
  /** Payment days (PaymentDays). Number of days between invoice date and due date. */
  PaymentDays = 'paymentDays'
}

/** An ordering of groups of Payment conditions. */
export type PaymentConditionGroupOrderBy = {
  direction?: InputMaybe<SortDirection>;
  /** Group key or aggregate to order by. */
  field: PaymentConditionGroupOrderField;
};

/** What groups of Payment conditions can be ordered by: a group key, count, or function_amount. */
export enum PaymentConditionGroupOrderField {
  AvgDiscountPercentage = 'avg_discountPercentage',
  Code = 'code',
  Count = 'count',
  Created = 'created',
  CreatorId = 'creatorID',
  Description = 'description',
  DiscountPaymentDays = 'discountPaymentDays',
  DivisionCode = 'divisionCode',
  Id = 'id',
  MaxDiscountPercentage = 'max_discountPercentage',
  MinDiscountPercentage = 'min_discountPercentage',
  Modified = 'modified',
  ModifierId = 'modifierID',
  PaymentDays = 'paymentDays',
  SumDiscountPercentage = 'sum_discountPercentage'
}

/** Conditions on groups of Payment conditions (SQL HAVING); all must hold. */
export type PaymentConditionHaving = {
  /** Conditions on the avg of amounts. */
  avg?: InputMaybe<PaymentConditionAmountsFilter>;
  /** Condition on the number of rows in the group. */
  count?: InputMaybe<IntFilter>;
  /** Conditions on the max of amounts. */
  max?: InputMaybe<PaymentConditionAmountsFilter>;
  /** Conditions on the min of amounts. */
  min?: InputMaybe<PaymentConditionAmountsFilter>;
  /** Conditions on the sum of amounts. */
  sum?: InputMaybe<PaymentConditionAmountsFilter>;
};

/** A sort key for Payment conditions: `field` or one to-one relation (`{ account: name }`); lists always end with the primary key so the order is stable. */
export type PaymentConditionOrderBy = {
  /** Direction (ascending by default). */
  direction?: InputMaybe<SortDirection>;
  /** Sort on a column of division (Divisions) instead. */
  division?: InputMaybe<DivisionSortField>;
  /** Column of this table to sort on (give this or one relation). */
  field?: InputMaybe<PaymentConditionSortField>;
  /** Where empty values go. */
  nulls?: InputMaybe<NullsOrder>;
};

/** Columns Payment conditions can be sorted on. */
export enum PaymentConditionSortField {
  /** Code (Code). Code of the payment condition, unique in the division. */
  Code = 'code',
  /** Created (Created). Creation date. */
  Created = 'created',
  /** Creator (Creator). User ID of creator. */
  CreatorId = 'creatorID',
  /** Description (Description). Description of the payment condition. */
  Description = 'description',
  /** Discount days (DiscountPaymentDays). Number of days between invoice date and the discount due date. */
  DiscountPaymentDays = 'discountPaymentDays',
  /** Discount percentage (DiscountPercentage). Discount percentage when paid within the discount days. */
  DiscountPercentage = 'discountPercentage',
  /** Division (Division). Division code. */
  DivisionCode = 'divisionCode',
  /** ID (ID). Identifier of the payment condition. */
  Id = 'id',
  /** Modified (Modified). Last modified date. */
  Modified = 'modified',
  /** Modifier (Modifier). User ID of modifier. */
  ModifierId = 'modifierID',
  /** Payment days (PaymentDays). Number of days between invoice date and due date. */
  PaymentDays = 'paymentDays'
}

/** Filter on Payment conditions (PaymentConditions): every field given must hold. */
export type PaymentConditionWhere = {
  /** All of these filters hold. */
  and?: InputMaybe<Array<PaymentConditionWhere>>;
  /** Code (Code). Code of the payment condition, unique in the division. */
  code?: InputMaybe<StringFilter>;
  /** Created (Created). Creation date. */
  created?: InputMaybe<DateTimeFilter>;
  /** Creator (Creator). User ID of creator. */
  creatorID?: InputMaybe<IdFilter>;
  /** Description (Description). Description of the payment condition. */
  description?: InputMaybe<StringFilter>;
  /** Discount days (DiscountPaymentDays). Number of days between invoice date and the discount due date. */
  discountPaymentDays?: InputMaybe<IntFilter>;
  /** Discount percentage (DiscountPercentage). Discount percentage when paid within the discount days. */
  discountPercentage?: InputMaybe<DecimalFilter>;
  /** Rows whose division matches (Division of the payment condition.); compiled to EXISTS. */
  division?: InputMaybe<DivisionWhere>;
  /** Division (Division). Division code. */
  divisionCode?: InputMaybe<IntFilter>;
  /** ID (ID). Identifier of the payment condition. */
  id?: InputMaybe<IdFilter>;
  /** Modified (Modified). Last modified date. */
  modified?: InputMaybe<DateTimeFilter>;
  /** Modifier (Modifier). User ID of modifier. */
  modifierID?: InputMaybe<IdFilter>;
  /** This filter does not hold. */
  not?: InputMaybe<PaymentConditionWhere>;
  /** At least one of these filters holds. */
  or?: InputMaybe<Array<PaymentConditionWhere>>;
  /** Payment days (PaymentDays). Number of days between invoice date and due date. */
  paymentDays?: InputMaybe<IntFilter>;
};

/** A new payment. ID is always assigned by the server; EntryID and PaymentMethod (B) are filled in when left out; audit and workflow columns are always set by the server. */
export type PaymentCreateInput = {
  /** Supplier bank account ID (AccountBankAccountID). The bank account of the supplier, to which the payment has to be done. */
  accountBankAccountID?: InputMaybe<Scalars['UUID']['input']>;
  /** Supplier contact (AccountContact). Contact person copied from the purchase invoice linked to the related purchase entry. Used as prefered contact when sending reminders. */
  accountContactID?: InputMaybe<Scalars['UUID']['input']>;
  /** Supplier (Account). The supplier to which the payment has to be done. Required on create. */
  accountID?: InputMaybe<Scalars['UUID']['input']>;
  /** Amount (division currency) (AmountDC). The amount in default currency (division currency). Payments are matched on this amount. Required on create. */
  amountDC?: InputMaybe<Scalars['Decimal']['input']>;
  /** Discount amount (division currency) (AmountDiscountDC). The amount of the discount in the default currency. */
  amountDiscountDC?: InputMaybe<Scalars['Decimal']['input']>;
  /** Discount amount (foreign currency) (AmountDiscountFC). The amount of the discount. This is in the amount of the selected currency. */
  amountDiscountFC?: InputMaybe<Scalars['Decimal']['input']>;
  /** Amount (foreign currency) (AmountFC). The amount of the payment. This is in the amount of the selected currency. Required on create. */
  amountFC?: InputMaybe<Scalars['Decimal']['input']>;
  /** Own bank account ID (BankAccountID). Own bank account from which the payment must be done. */
  bankAccountID?: InputMaybe<Scalars['UUID']['input']>;
  /** Currency (Currency). The currency of the payment. This currency can only deviate from the division currency if the module Currency is in the license. Required on create. */
  currency?: InputMaybe<Scalars['String']['input']>;
  /** Description (Description). Extra description for the payment that may be included in the bank export file. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Discount due date (DiscountDueDate). Date before which the payment must be done to be eligible for discount. */
  discountDueDate?: InputMaybe<Scalars['DateTime']['input']>;
  /** Division (Division). Division code. Required on create. */
  divisionCode?: InputMaybe<Scalars['Int']['input']>;
  /** Due date (DueDate). Date before which the payment must be done. Required on create. */
  dueDate?: InputMaybe<Scalars['DateTime']['input']>;
  /** Entry date (EntryDate). Processing date of the payment. */
  entryDate?: InputMaybe<Scalars['DateTime']['input']>;
  /** Entry ID (EntryID). The unique identifier for a set of payments. A payment can be split so that one part is paid on a different date. In that case the two records get a different EntryID. Required on create. */
  entryID?: InputMaybe<Scalars['UUID']['input']>;
  /** Entry number (EntryNumber). Entry number of the linked transaction. */
  entryNumber?: InputMaybe<Scalars['Int']['input']>;
  /** G/L account (GLAccount). G/L account of the payment. Must be of type 22 (Accounts payable). Required on create. */
  glAccountID?: InputMaybe<Scalars['UUID']['input']>;
  /** Invoice date (InvoiceDate). Invoice date of the linked transaction. Required on create. */
  invoiceDate?: InputMaybe<Scalars['DateTime']['input']>;
  /** Invoice number (InvoiceNumber). Invoice number of the linked transaction. */
  invoiceNumber?: InputMaybe<Scalars['Int']['input']>;
  /** Journal (Journal). Journal of the linked transaction. Required on create. */
  journalCode?: InputMaybe<Scalars['String']['input']>;
  /** Payment condition (PaymentCondition). Payment condition of the linked transaction. */
  paymentConditionCode?: InputMaybe<Scalars['String']['input']>;
  /** Payment days (PaymentDays). Number of days between invoice date and due date. */
  paymentDays?: InputMaybe<Scalars['Int']['input']>;
  /** Payment discount days (PaymentDaysDiscount). Number of days between invoice date and due date of the discount. */
  paymentDaysDiscount?: InputMaybe<Scalars['Int']['input']>;
  /** Payment discount percentage (PaymentDiscountPercentage). Payment discount percentage. */
  paymentDiscountPercentage?: InputMaybe<Scalars['Decimal']['input']>;
  /** Payment method (PaymentMethod). Method of payment. B = On credit (default), I = Collection, K = Cash, V = Credit card. Required on create. */
  paymentMethod?: InputMaybe<PaymentMethod>;
  /** Payment reference (PaymentReference). Payment reference for the payment that may be included in the bank export file. */
  paymentReference?: InputMaybe<Scalars['String']['input']>;
  /** Exchange rate (RateFC). Exchange rate from payment currency to division currency. AmountFC * RateFC = AmountDC. Required on create. */
  rateFC?: InputMaybe<Scalars['Decimal']['input']>;
  /** Transaction amount (division currency) (TransactionAmountDC). Total amount of the linked transaction in default currency (division currency). */
  transactionAmountDC?: InputMaybe<Scalars['Decimal']['input']>;
  /** Transaction amount (foreign currency) (TransactionAmountFC). Total amount of the linked transaction in the selected currency. */
  transactionAmountFC?: InputMaybe<Scalars['Decimal']['input']>;
  /** Transaction due date (TransactionDueDate). Due date of the linked transaction. */
  transactionDueDate?: InputMaybe<Scalars['DateTime']['input']>;
  /** Transaction entry ID (TransactionEntryID). Linked transaction. Use this as reference to PurchaseEntries. */
  transactionEntryID?: InputMaybe<Scalars['UUID']['input']>;
  /** Transaction ID (TransactionID). Linked transaction line. Use this as reference to BankEntryLines and CashEntryLines. */
  transactionID?: InputMaybe<Scalars['UUID']['input']>;
  /** Transaction is reversal (TransactionIsReversal). Indicates if the linked transaction is a reversal entry. */
  transactionIsReversal?: InputMaybe<Scalars['Boolean']['input']>;
  /** Transaction reporting period (TransactionReportingPeriod). Period of the linked transaction. */
  transactionReportingPeriod?: InputMaybe<Scalars['Int']['input']>;
  /** Transaction reporting year (TransactionReportingYear). Year of the linked transaction. */
  transactionReportingYear?: InputMaybe<Scalars['Int']['input']>;
  /** Transaction status (TransactionStatus). Status of the linked transaction. */
  transactionStatus?: InputMaybe<Scalars['Int']['input']>;
  /** Transaction type (TransactionType). Type of the linked transaction. */
  transactionType?: InputMaybe<Scalars['Int']['input']>;
  /** Your reference (YourRef). Invoice number of the supplier. In case the payment belongs to a bank entry line and is matched with one invoice, YourRef is filled with the YourRef of this invoice. */
  yourRef?: InputMaybe<Scalars['String']['input']>;
};

/** A payment to delete. */
export type PaymentDeleteInput = {
  id: Scalars['UUID']['input'];
  /** The version read; when given, a payment changed since gets CONFLICT. */
  version?: InputMaybe<Scalars['Int']['input']>;
};

/** A group-by key of Payments. */
export type PaymentGroupBy = {
  /** Time bucket for a date column (default day); BAD_USER_INPUT on any other column. */
  bucket?: InputMaybe<DateBucket>;
  /** Column to group by. */
  field: PaymentGroupField;
};

/** Columns Payments can be grouped by (date columns by a time bucket). */
export enum PaymentGroupField {
  /** Supplier bank account ID (AccountBankAccountID). The bank account of the supplier, to which the payment has to be done. */
  AccountBankAccountId = 'accountBankAccountID',
  /** Supplier bank account number (AccountBankAccountNumber). The bank account number of the supplier, to which the payment has to be done. */
  AccountBankAccountNumber = 'accountBankAccountNumber',
  /** Supplier code (AccountCode). The code of the supplier to which the payment has to be done. */
  AccountCode = 'accountCode',
  /** Supplier contact (AccountContact). Contact person copied from the purchase invoice linked to the related purchase entry. Used as prefered contact when sending reminders. */
  AccountContactId = 'accountContactID',
  /** Supplier contact name (AccountContactName). Name of the contact person of the supplier. */
  AccountContactName = 'accountContactName',
  /** Supplier (Account). The supplier to which the payment has to be done. */
  AccountId = 'accountID',
  /** Supplier name (AccountName). Name of the supplier. */
  AccountName = 'accountName',
  /** Own bank account ID (BankAccountID). Own bank account from which the payment must be done. */
  BankAccountId = 'bankAccountID',
  /** Own bank account number (BankAccountNumber). Own bank account number from which the payment must be done. */
  BankAccountNumber = 'bankAccountNumber',
  /** Cash flow transaction batch code (CashflowTransactionBatchCode). When processing payments, all payments with the same processing data are put in a batch. This field contains the code of that batch. */
  CashflowTransactionBatchCode = 'cashflowTransactionBatchCode',
  /** Created (Created). Creation date. */
  Created = 'created',
  /** Created (UTC) (CreatedUtc). Creation date in UTC. */
  CreatedUtc = 'createdUtc',
  /** Creator full name (CreatorFullName). Name of the creator. */
  CreatorFullName = 'creatorFullName',
  /** Creator (Creator). User ID of creator. */
  CreatorId = 'creatorID',
  /** Currency (Currency). The currency of the payment. This currency can only deviate from the division currency if the module Currency is in the license. */
  Currency = 'currency',
  /** Description (Description). Extra description for the payment that may be included in the bank export file. */
  Description = 'description',
  /** Discount due date (DiscountDueDate). Date before which the payment must be done to be eligible for discount. */
  DiscountDueDate = 'discountDueDate',
  /** Division (Division). Division code. */
  DivisionCode = 'divisionCode',
  /** Division chamber of commerce number (DivisionCompanyCoCNumber). Chamber of commerce number of the Exact Online division. */
  DivisionCompanyCoCNumber = 'divisionCompanyCoCNumber',
  /** Division IBAN (DivisionCompanyIBANNumber). IBAN number of the Exact Online division. */
  DivisionCompanyIbanNumber = 'divisionCompanyIBANNumber',
  /** Division company name (DivisionCompanyName). Company name of the Exact Online division. */
  DivisionCompanyName = 'divisionCompanyName',
  /** Division RSIN number (DivisionCompanyRSINNumber). RSIN number of the Exact Online division. */
  DivisionCompanyRsinNumber = 'divisionCompanyRSINNumber',
  /** Division VAT number (DivisionCompanyVATNumber). VAT number of the Exact Online division. */
  DivisionCompanyVatNumber = 'divisionCompanyVATNumber',
  /** Division wage tax number (DivisionCompanyWageTaxNumber). Wage tax number of the Exact Online division. */
  DivisionCompanyWageTaxNumber = 'divisionCompanyWageTaxNumber',
  /** Division label (DivisionLabel). Label of the Exact Online division. */
  DivisionLabel = 'divisionLabel',
  /** Division name (DivisionName). Name of the Exact Online division. */
  DivisionName = 'divisionName',
  /** Subscription holder name (DivisionOwnerCompanyName). Name of the customer account in division 1 owning the Exact Online subscription to which this division belongs. */
  DivisionOwnerCompanyName = 'divisionOwnerCompanyName',
  /** Subscription holder number (DivisionOwnerCompanyNumber). Number of the customer account in division 1 owning the Exact Online subscription to which this division belongs. */
  DivisionOwnerCompanyNumber = 'divisionOwnerCompanyNumber',
  /** Division short name (DivisionShortName). Short name of the Exact Online division. */
  DivisionShortName = 'divisionShortName',
  /** Document (Document). Document that is created when processing payments. The bank export file is attached to the document. */
  DocumentId = 'documentID',
  /** Document number (DocumentNumber). Number of the document. */
  DocumentNumber = 'documentNumber',
  /** Document subject (DocumentSubject). Subject of the document. */
  DocumentSubject = 'documentSubject',
  /** Due date (DueDate). Date before which the payment must be done. */
  DueDate = 'dueDate',
  /** End date (EndDate). Date since when the payment is no longer an outstanding item. This is the highest invoice date of all matched payments. */
  EndDate = 'endDate',
  /** End period (EndPeriod). Period since when the payment is no longer an outstanding item. This is the highest period of all matched payments. */
  EndPeriod = 'endPeriod',
  /** End year (EndYear). Year (of period) since when the payment is no longer an outstanding item. This is the highest year of all matched payments. Used in combination with EndPeriod. */
  EndYear = 'endYear',
  /** Entry date (EntryDate). Processing date of the payment. */
  EntryDate = 'entryDate',
  /** Entry ID (EntryID). The unique identifier for a set of payments. A payment can be split so that one part is paid on a different date. In that case the two records get a different EntryID. */
  EntryId = 'entryID',
  /** Entry number (EntryNumber). Entry number of the linked transaction. */
  EntryNumber = 'entryNumber',
  /** G/L account code (GLAccountCode). Code of the G/L account. */
  GlAccountCode = 'glAccountCode',
  /** G/L account description (GLAccountDescription). Description of the G/L account. */
  GlAccountDescription = 'glAccountDescription',
  /** G/L account (GLAccount). G/L account of the payment. Must be of type 22 (Accounts payable). */
  GlAccountId = 'glAccountID',
  /** ID (ID). Identifier of the payment. */
  Id = 'id',
  /** Invoice date (InvoiceDate). Invoice date of the linked transaction. */
  InvoiceDate = 'invoiceDate',
  /** Invoice number (InvoiceNumber). Invoice number of the linked transaction. */
  InvoiceNumber = 'invoiceNumber',
  /** Is batch booking (IsBatchBooking). Boolean indicating whether the payment is part of a batch booking. */
  IsBatchBooking = 'isBatchBooking',
  /** Journal (Journal). Journal of the linked transaction. */
  JournalCode = 'journalCode',
  /** Journal description (JournalDescription). Description of the journal. */
  JournalDescription = 'journalDescription',
  /** Modified (Modified). Last modified date. */
  Modified = 'modified',
  /** Modified (UTC) (ModifiedUtc). Last modified date in UTC. */
  ModifiedUtc = 'modifiedUtc',
  /** Modifier full name (ModifierFullName). Name of modifier. */
  ModifierFullName = 'modifierFullName',
  /** Modifier (Modifier). User ID of modifier. */
  ModifierId = 'modifierID',
  /** Payment batch number (PaymentBatchNumber). Number assigned during the processing of payments. When payments are processed a bank export file is created. This file contains one or more batches that contain one or more payments. Each batch gets a sequence number that is stored for each payment in that batch. */
  PaymentBatchNumber = 'paymentBatchNumber',
  /** Payment condition (PaymentCondition). Payment condition of the linked transaction. */
  PaymentConditionCode = 'paymentConditionCode',
  /** Payment condition description (PaymentConditionDescription). Description of the payment condition. */
  PaymentConditionDescription = 'paymentConditionDescription',
  /** Payment days (PaymentDays). Number of days between invoice date and due date. */
  PaymentDays = 'paymentDays',
  /** Payment discount days (PaymentDaysDiscount). Number of days between invoice date and due date of the discount. */
  PaymentDaysDiscount = 'paymentDaysDiscount',
  /** Payment method (PaymentMethod). Method of payment. B = On credit (default), I = Collection, K = Cash, V = Credit card. */
  PaymentMethod = 'paymentMethod',
  /** Payment reference (PaymentReference). Payment reference for the payment that may be included in the bank export file. */
  PaymentReference = 'paymentReference',
  /** Payment selected (PaymentSelected). Date and time since when the payment is selected to be paid. */
  PaymentSelected = 'paymentSelected',
  /** Payment selector full name (PaymentSelectorFullName). Name of the payment selector. */
  PaymentSelectorFullName = 'paymentSelectorFullName',
  /** Payment selector (PaymentSelector). User who selected the payment to be paid. */
  PaymentSelectorId = 'paymentSelectorID',
  /** Source (Source). The source of the payment. Possible values: 1 Manual, 2 Reconcile, 3 Match, 4 Import, 5 Process. */
  Source = 'source',
  /** Status (Status). The status of the payment. Possible values: 20 Open, 30 Selected, 40 Processed, 50 Matched. */
  Status = 'status',
  /** Transaction due date (TransactionDueDate). Due date of the linked transaction. */
  TransactionDueDate = 'transactionDueDate',
  /** Transaction entry ID (TransactionEntryID). Linked transaction. Use this as reference to PurchaseEntries. */
  TransactionEntryId = 'transactionEntryID',
  /** Transaction ID (TransactionID). Linked transaction line. Use this as reference to BankEntryLines and CashEntryLines. */
  TransactionId = 'transactionID',
  /** Transaction is reversal (TransactionIsReversal). Indicates if the linked transaction is a reversal entry. */
  TransactionIsReversal = 'transactionIsReversal',
  /** Transaction reporting period (TransactionReportingPeriod). Period of the linked transaction. */
  TransactionReportingPeriod = 'transactionReportingPeriod',
  /** Transaction reporting year (TransactionReportingYear). Year of the linked transaction. */
  TransactionReportingYear = 'transactionReportingYear',
  /** Transaction status (TransactionStatus). Status of the linked transaction. */
  TransactionStatus = 'transactionStatus',
  /** Transaction type (TransactionType). Type of the linked transaction. */
  TransactionType = 'transactionType',
  /** Your reference (YourRef). Invoice number of the supplier. In case the payment belongs to a bank entry line and is matched with one invoice, YourRef is filled with the YourRef of this invoice. */
  YourRef = 'yourRef'
}

/** An ordering of groups of Payments. */
export type PaymentGroupOrderBy = {
  direction?: InputMaybe<SortDirection>;
  /** Group key or aggregate to order by. */
  field: PaymentGroupOrderField;
};

/** What groups of Payments can be ordered by: a group key, count, or function_amount. */
export enum PaymentGroupOrderField {
  AccountBankAccountId = 'accountBankAccountID',
  AccountBankAccountNumber = 'accountBankAccountNumber',
  AccountCode = 'accountCode',
  AccountContactId = 'accountContactID',
  AccountContactName = 'accountContactName',
  AccountId = 'accountID',
  AccountName = 'accountName',
  AvgAmountDc = 'avg_amountDC',
  AvgAmountDiscountDc = 'avg_amountDiscountDC',
  AvgAmountDiscountFc = 'avg_amountDiscountFC',
  AvgAmountFc = 'avg_amountFC',
  AvgPaymentDiscountPercentage = 'avg_paymentDiscountPercentage',
  AvgRateFc = 'avg_rateFC',
  AvgTransactionAmountDc = 'avg_transactionAmountDC',
  AvgTransactionAmountFc = 'avg_transactionAmountFC',
  BankAccountId = 'bankAccountID',
  BankAccountNumber = 'bankAccountNumber',
  CashflowTransactionBatchCode = 'cashflowTransactionBatchCode',
  Count = 'count',
  Created = 'created',
  CreatedUtc = 'createdUtc',
  CreatorFullName = 'creatorFullName',
  CreatorId = 'creatorID',
  Currency = 'currency',
  Description = 'description',
  DiscountDueDate = 'discountDueDate',
  DivisionCode = 'divisionCode',
  DivisionCompanyCoCNumber = 'divisionCompanyCoCNumber',
  DivisionCompanyIbanNumber = 'divisionCompanyIBANNumber',
  DivisionCompanyName = 'divisionCompanyName',
  DivisionCompanyRsinNumber = 'divisionCompanyRSINNumber',
  DivisionCompanyVatNumber = 'divisionCompanyVATNumber',
  DivisionCompanyWageTaxNumber = 'divisionCompanyWageTaxNumber',
  DivisionLabel = 'divisionLabel',
  DivisionName = 'divisionName',
  DivisionOwnerCompanyName = 'divisionOwnerCompanyName',
  DivisionOwnerCompanyNumber = 'divisionOwnerCompanyNumber',
  DivisionShortName = 'divisionShortName',
  DocumentId = 'documentID',
  DocumentNumber = 'documentNumber',
  DocumentSubject = 'documentSubject',
  DueDate = 'dueDate',
  EndDate = 'endDate',
  EndPeriod = 'endPeriod',
  EndYear = 'endYear',
  EntryDate = 'entryDate',
  EntryId = 'entryID',
  EntryNumber = 'entryNumber',
  GlAccountCode = 'glAccountCode',
  GlAccountDescription = 'glAccountDescription',
  GlAccountId = 'glAccountID',
  Id = 'id',
  InvoiceDate = 'invoiceDate',
  InvoiceNumber = 'invoiceNumber',
  IsBatchBooking = 'isBatchBooking',
  JournalCode = 'journalCode',
  JournalDescription = 'journalDescription',
  MaxAmountDc = 'max_amountDC',
  MaxAmountDiscountDc = 'max_amountDiscountDC',
  MaxAmountDiscountFc = 'max_amountDiscountFC',
  MaxAmountFc = 'max_amountFC',
  MaxPaymentDiscountPercentage = 'max_paymentDiscountPercentage',
  MaxRateFc = 'max_rateFC',
  MaxTransactionAmountDc = 'max_transactionAmountDC',
  MaxTransactionAmountFc = 'max_transactionAmountFC',
  MinAmountDc = 'min_amountDC',
  MinAmountDiscountDc = 'min_amountDiscountDC',
  MinAmountDiscountFc = 'min_amountDiscountFC',
  MinAmountFc = 'min_amountFC',
  MinPaymentDiscountPercentage = 'min_paymentDiscountPercentage',
  MinRateFc = 'min_rateFC',
  MinTransactionAmountDc = 'min_transactionAmountDC',
  MinTransactionAmountFc = 'min_transactionAmountFC',
  Modified = 'modified',
  ModifiedUtc = 'modifiedUtc',
  ModifierFullName = 'modifierFullName',
  ModifierId = 'modifierID',
  PaymentBatchNumber = 'paymentBatchNumber',
  PaymentConditionCode = 'paymentConditionCode',
  PaymentConditionDescription = 'paymentConditionDescription',
  PaymentDays = 'paymentDays',
  PaymentDaysDiscount = 'paymentDaysDiscount',
  PaymentMethod = 'paymentMethod',
  PaymentReference = 'paymentReference',
  PaymentSelected = 'paymentSelected',
  PaymentSelectorFullName = 'paymentSelectorFullName',
  PaymentSelectorId = 'paymentSelectorID',
  Source = 'source',
  Status = 'status',
  SumAmountDc = 'sum_amountDC',
  SumAmountDiscountDc = 'sum_amountDiscountDC',
  SumAmountDiscountFc = 'sum_amountDiscountFC',
  SumAmountFc = 'sum_amountFC',
  SumPaymentDiscountPercentage = 'sum_paymentDiscountPercentage',
  SumRateFc = 'sum_rateFC',
  SumTransactionAmountDc = 'sum_transactionAmountDC',
  SumTransactionAmountFc = 'sum_transactionAmountFC',
  TransactionDueDate = 'transactionDueDate',
  TransactionEntryId = 'transactionEntryID',
  TransactionId = 'transactionID',
  TransactionIsReversal = 'transactionIsReversal',
  TransactionReportingPeriod = 'transactionReportingPeriod',
  TransactionReportingYear = 'transactionReportingYear',
  TransactionStatus = 'transactionStatus',
  TransactionType = 'transactionType',
  YourRef = 'yourRef'
}

/** Conditions on groups of Payments (SQL HAVING); all must hold. */
export type PaymentHaving = {
  /** Conditions on the avg of amounts. */
  avg?: InputMaybe<PaymentAmountsFilter>;
  /** Condition on the number of rows in the group. */
  count?: InputMaybe<IntFilter>;
  /** Conditions on the max of amounts. */
  max?: InputMaybe<PaymentAmountsFilter>;
  /** Conditions on the min of amounts. */
  min?: InputMaybe<PaymentAmountsFilter>;
  /** Conditions on the sum of amounts. */
  sum?: InputMaybe<PaymentAmountsFilter>;
};

/** A sort key for Payment matches: `field` or one to-one relation (`{ account: name }`); lists always end with the primary key so the order is stable. */
export type PaymentMatchOrderBy = {
  /** Direction (ascending by default). */
  direction?: InputMaybe<SortDirection>;
  /** Sort on a column of division (Divisions) instead. */
  division?: InputMaybe<DivisionSortField>;
  /** Column of this table to sort on (give this or one relation). */
  field?: InputMaybe<PaymentMatchSortField>;
  /** Where empty values go. */
  nulls?: InputMaybe<NullsOrder>;
  /** Sort on a column of payment (Payments) instead. */
  payment?: InputMaybe<PaymentSortField>;
};

/** Columns Payment matches can be sorted on. */
export enum PaymentMatchSortField {
  /** Bank statement line reference (BankStatementLineReference). Reference of the bank statement line the payment was matched with; empty when payments were matched with each other. */
  BankStatementLineReference = 'bankStatementLineReference',
  /** Created (Created). Creation date. */
  Created = 'created',
  /** Creator (Creator). User ID of creator. */
  CreatorId = 'creatorID',
  /** Division (Division). Division code. */
  DivisionCode = 'divisionCode',
  /** ID (ID). Identifier of the match line. */
  Id = 'id',
  /** Match date (MatchDate). Date the items stopped being outstanding (the EndDate given to the payments). */
  MatchDate = 'matchDate',
  /** Match ID (MatchID). Identifier shared by the payments matched together. */
  MatchId = 'matchID',
  /** Payment (Payment). The matched payment. */
  PaymentId = 'paymentID',
  /** Previous status (PreviousStatus). Status of the payment before the match (restored when the match is undone). */
  PreviousStatus = 'previousStatus'
}

/** Filter on Payment matches (PaymentMatches): every field given must hold. */
export type PaymentMatchWhere = {
  /** All of these filters hold. */
  and?: InputMaybe<Array<PaymentMatchWhere>>;
  /** Bank statement line reference (BankStatementLineReference). Reference of the bank statement line the payment was matched with; empty when payments were matched with each other. */
  bankStatementLineReference?: InputMaybe<StringFilter>;
  /** Created (Created). Creation date. */
  created?: InputMaybe<DateTimeFilter>;
  /** Creator (Creator). User ID of creator. */
  creatorID?: InputMaybe<IdFilter>;
  /** Rows whose division matches (Division of the match.); compiled to EXISTS. */
  division?: InputMaybe<DivisionWhere>;
  /** Division (Division). Division code. */
  divisionCode?: InputMaybe<IntFilter>;
  /** ID (ID). Identifier of the match line. */
  id?: InputMaybe<IdFilter>;
  /** Match date (MatchDate). Date the items stopped being outstanding (the EndDate given to the payments). */
  matchDate?: InputMaybe<DateTimeFilter>;
  /** Match ID (MatchID). Identifier shared by the payments matched together. */
  matchID?: InputMaybe<IdFilter>;
  /** This filter does not hold. */
  not?: InputMaybe<PaymentMatchWhere>;
  /** At least one of these filters holds. */
  or?: InputMaybe<Array<PaymentMatchWhere>>;
  /** Rows whose payment matches (The matched payment.); compiled to EXISTS. */
  payment?: InputMaybe<PaymentWhere>;
  /** Payment (Payment). The matched payment. */
  paymentID?: InputMaybe<IdFilter>;
  /** Previous status (PreviousStatus). Status of the payment before the match (restored when the match is undone). */
  previousStatus?: InputMaybe<IntFilter>;
};

/** Method of payment: B On credit (default), I Collection (direct debit), K Cash, V Credit card. */
export enum PaymentMethod {
  Cash = 'CASH',
  Collection = 'COLLECTION',
  CreditCard = 'CREDIT_CARD',
  OnCredit = 'ON_CREDIT'
}

/** Operators on a PaymentMethod column. */
export type PaymentMethodFilter = {
  /** Equal to. */
  eq?: InputMaybe<PaymentMethod>;
  /** One of. */
  in?: InputMaybe<Array<PaymentMethod>>;
  /** true: the column is null; false: it is not. */
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
  /** Not equal to. */
  ne?: InputMaybe<PaymentMethod>;
  /** None of. */
  notIn?: InputMaybe<Array<PaymentMethod>>;
};

/** A sort key for Payments: `field` or one to-one relation (`{ account: name }`); lists always end with the primary key so the order is stable. */
export type PaymentOrderBy = {
  /** Sort on a column of account (Accounts) instead. */
  account?: InputMaybe<AccountSortField>;
  /** Sort on a column of accountBankAccount (BankAccounts) instead. */
  accountBankAccount?: InputMaybe<BankAccountSortField>;
  /** Sort on a column of accountContact (Contacts) instead. */
  accountContact?: InputMaybe<ContactSortField>;
  /** Sort on a column of bankAccount (BankAccounts) instead. */
  bankAccount?: InputMaybe<BankAccountSortField>;
  /** Sort on a column of batch (PaymentBatches) instead. */
  batch?: InputMaybe<PaymentBatchSortField>;
  /** Sort on a column of creator (Users) instead. */
  creator?: InputMaybe<UserSortField>;
  /** Direction (ascending by default). */
  direction?: InputMaybe<SortDirection>;
  /** Sort on a column of division (Divisions) instead. */
  division?: InputMaybe<DivisionSortField>;
  /** Sort on a column of document (Documents) instead. */
  document?: InputMaybe<DocumentSortField>;
  /** Column of this table to sort on (give this or one relation). */
  field?: InputMaybe<PaymentSortField>;
  /** Sort on a column of glAccount (GLAccounts) instead. */
  glAccount?: InputMaybe<GlAccountSortField>;
  /** Sort on a column of journal (Journals) instead. */
  journal?: InputMaybe<JournalSortField>;
  /** Sort on a column of modifier (Users) instead. */
  modifier?: InputMaybe<UserSortField>;
  /** Where empty values go. */
  nulls?: InputMaybe<NullsOrder>;
  /** Sort on a column of paymentCondition (PaymentConditions) instead. */
  paymentCondition?: InputMaybe<PaymentConditionSortField>;
  /** Sort on a column of paymentSelector (Users) instead. */
  paymentSelector?: InputMaybe<UserSortField>;
};

/** Columns Payments can be sorted on. */
export enum PaymentSortField {
  /** Supplier bank account ID (AccountBankAccountID). The bank account of the supplier, to which the payment has to be done. */
  AccountBankAccountId = 'accountBankAccountID',
  /** Supplier bank account number (AccountBankAccountNumber). The bank account number of the supplier, to which the payment has to be done. */
  AccountBankAccountNumber = 'accountBankAccountNumber',
  /** Supplier code (AccountCode). The code of the supplier to which the payment has to be done. */
  AccountCode = 'accountCode',
  /** Supplier contact (AccountContact). Contact person copied from the purchase invoice linked to the related purchase entry. Used as prefered contact when sending reminders. */
  AccountContactId = 'accountContactID',
  /** Supplier contact name (AccountContactName). Name of the contact person of the supplier. */
  AccountContactName = 'accountContactName',
  /** Supplier (Account). The supplier to which the payment has to be done. */
  AccountId = 'accountID',
  /** Supplier name (AccountName). Name of the supplier. */
  AccountName = 'accountName',
  /** Amount (division currency) (AmountDC). The amount in default currency (division currency). Payments are matched on this amount. */
  AmountDc = 'amountDC',
  /** Discount amount (division currency) (AmountDiscountDC). The amount of the discount in the default currency. */
  AmountDiscountDc = 'amountDiscountDC',
  /** Discount amount (foreign currency) (AmountDiscountFC). The amount of the discount. This is in the amount of the selected currency. */
  AmountDiscountFc = 'amountDiscountFC',
  /** Amount (foreign currency) (AmountFC). The amount of the payment. This is in the amount of the selected currency. */
  AmountFc = 'amountFC',
  /** Own bank account ID (BankAccountID). Own bank account from which the payment must be done. */
  BankAccountId = 'bankAccountID',
  /** Own bank account number (BankAccountNumber). Own bank account number from which the payment must be done. */
  BankAccountNumber = 'bankAccountNumber',
  /** Cash flow transaction batch code (CashflowTransactionBatchCode). When processing payments, all payments with the same processing data are put in a batch. This field contains the code of that batch. */
  CashflowTransactionBatchCode = 'cashflowTransactionBatchCode',
  /** Created (Created). Creation date. */
  Created = 'created',
  /** Created (UTC) (CreatedUtc). Creation date in UTC. */
  CreatedUtc = 'createdUtc',
  /** Creator full name (CreatorFullName). Name of the creator. */
  CreatorFullName = 'creatorFullName',
  /** Creator (Creator). User ID of creator. */
  CreatorId = 'creatorID',
  /** Currency (Currency). The currency of the payment. This currency can only deviate from the division currency if the module Currency is in the license. */
  Currency = 'currency',
  /** Description (Description). Extra description for the payment that may be included in the bank export file. */
  Description = 'description',
  /** Discount due date (DiscountDueDate). Date before which the payment must be done to be eligible for discount. */
  DiscountDueDate = 'discountDueDate',
  /** Division (Division). Division code. */
  DivisionCode = 'divisionCode',
  /** Division chamber of commerce number (DivisionCompanyCoCNumber). Chamber of commerce number of the Exact Online division. */
  DivisionCompanyCoCNumber = 'divisionCompanyCoCNumber',
  /** Division IBAN (DivisionCompanyIBANNumber). IBAN number of the Exact Online division. */
  DivisionCompanyIbanNumber = 'divisionCompanyIBANNumber',
  /** Division company name (DivisionCompanyName). Company name of the Exact Online division. */
  DivisionCompanyName = 'divisionCompanyName',
  /** Division RSIN number (DivisionCompanyRSINNumber). RSIN number of the Exact Online division. */
  DivisionCompanyRsinNumber = 'divisionCompanyRSINNumber',
  /** Division VAT number (DivisionCompanyVATNumber). VAT number of the Exact Online division. */
  DivisionCompanyVatNumber = 'divisionCompanyVATNumber',
  /** Division wage tax number (DivisionCompanyWageTaxNumber). Wage tax number of the Exact Online division. */
  DivisionCompanyWageTaxNumber = 'divisionCompanyWageTaxNumber',
  /** Division label (DivisionLabel). Label of the Exact Online division. */
  DivisionLabel = 'divisionLabel',
  /** Division name (DivisionName). Name of the Exact Online division. */
  DivisionName = 'divisionName',
  /** Subscription holder name (DivisionOwnerCompanyName). Name of the customer account in division 1 owning the Exact Online subscription to which this division belongs. */
  DivisionOwnerCompanyName = 'divisionOwnerCompanyName',
  /** Subscription holder number (DivisionOwnerCompanyNumber). Number of the customer account in division 1 owning the Exact Online subscription to which this division belongs. */
  DivisionOwnerCompanyNumber = 'divisionOwnerCompanyNumber',
  /** Division short name (DivisionShortName). Short name of the Exact Online division. */
  DivisionShortName = 'divisionShortName',
  /** Document (Document). Document that is created when processing payments. The bank export file is attached to the document. */
  DocumentId = 'documentID',
  /** Document number (DocumentNumber). Number of the document. */
  DocumentNumber = 'documentNumber',
  /** Document subject (DocumentSubject). Subject of the document. */
  DocumentSubject = 'documentSubject',
  /** Due date (DueDate). Date before which the payment must be done. */
  DueDate = 'dueDate',
  /** End date (EndDate). Date since when the payment is no longer an outstanding item. This is the highest invoice date of all matched payments. */
  EndDate = 'endDate',
  /** End period (EndPeriod). Period since when the payment is no longer an outstanding item. This is the highest period of all matched payments. */
  EndPeriod = 'endPeriod',
  /** End year (EndYear). Year (of period) since when the payment is no longer an outstanding item. This is the highest year of all matched payments. Used in combination with EndPeriod. */
  EndYear = 'endYear',
  /** Entry date (EntryDate). Processing date of the payment. */
  EntryDate = 'entryDate',
  /** Entry ID (EntryID). The unique identifier for a set of payments. A payment can be split so that one part is paid on a different date. In that case the two records get a different EntryID. */
  EntryId = 'entryID',
  /** Entry number (EntryNumber). Entry number of the linked transaction. */
  EntryNumber = 'entryNumber',
  /** G/L account code (GLAccountCode). Code of the G/L account. */
  GlAccountCode = 'glAccountCode',
  /** G/L account description (GLAccountDescription). Description of the G/L account. */
  GlAccountDescription = 'glAccountDescription',
  /** G/L account (GLAccount). G/L account of the payment. Must be of type 22 (Accounts payable). */
  GlAccountId = 'glAccountID',
  /** ID (ID). Identifier of the payment. */
  Id = 'id',
  /** Invoice date (InvoiceDate). Invoice date of the linked transaction. */
  InvoiceDate = 'invoiceDate',
  /** Invoice number (InvoiceNumber). Invoice number of the linked transaction. */
  InvoiceNumber = 'invoiceNumber',
  /** Is batch booking (IsBatchBooking). Boolean indicating whether the payment is part of a batch booking. */
  IsBatchBooking = 'isBatchBooking',
  /** Journal (Journal). Journal of the linked transaction. */
  JournalCode = 'journalCode',
  /** Journal description (JournalDescription). Description of the journal. */
  JournalDescription = 'journalDescription',
  /** Modified (Modified). Last modified date. */
  Modified = 'modified',
  /** Modified (UTC) (ModifiedUtc). Last modified date in UTC. */
  ModifiedUtc = 'modifiedUtc',
  /** Modifier full name (ModifierFullName). Name of modifier. */
  ModifierFullName = 'modifierFullName',
  /** Modifier (Modifier). User ID of modifier. */
  ModifierId = 'modifierID',
  /** Payment batch number (PaymentBatchNumber). Number assigned during the processing of payments. When payments are processed a bank export file is created. This file contains one or more batches that contain one or more payments. Each batch gets a sequence number that is stored for each payment in that batch. */
  PaymentBatchNumber = 'paymentBatchNumber',
  /** Payment condition (PaymentCondition). Payment condition of the linked transaction. */
  PaymentConditionCode = 'paymentConditionCode',
  /** Payment condition description (PaymentConditionDescription). Description of the payment condition. */
  PaymentConditionDescription = 'paymentConditionDescription',
  /** Payment days (PaymentDays). Number of days between invoice date and due date. */
  PaymentDays = 'paymentDays',
  /** Payment discount days (PaymentDaysDiscount). Number of days between invoice date and due date of the discount. */
  PaymentDaysDiscount = 'paymentDaysDiscount',
  /** Payment discount percentage (PaymentDiscountPercentage). Payment discount percentage. */
  PaymentDiscountPercentage = 'paymentDiscountPercentage',
  /** Payment method (PaymentMethod). Method of payment. B = On credit (default), I = Collection, K = Cash, V = Credit card. */
  PaymentMethod = 'paymentMethod',
  /** Payment reference (PaymentReference). Payment reference for the payment that may be included in the bank export file. */
  PaymentReference = 'paymentReference',
  /** Payment selected (PaymentSelected). Date and time since when the payment is selected to be paid. */
  PaymentSelected = 'paymentSelected',
  /** Payment selector full name (PaymentSelectorFullName). Name of the payment selector. */
  PaymentSelectorFullName = 'paymentSelectorFullName',
  /** Payment selector (PaymentSelector). User who selected the payment to be paid. */
  PaymentSelectorId = 'paymentSelectorID',
  /** Exchange rate (RateFC). Exchange rate from payment currency to division currency. AmountFC * RateFC = AmountDC. */
  RateFc = 'rateFC',
  /** Source (Source). The source of the payment. Possible values: 1 Manual, 2 Reconcile, 3 Match, 4 Import, 5 Process. */
  Source = 'source',
  /** Status (Status). The status of the payment. Possible values: 20 Open, 30 Selected, 40 Processed, 50 Matched. */
  Status = 'status',
  /** Transaction amount (division currency) (TransactionAmountDC). Total amount of the linked transaction in default currency (division currency). */
  TransactionAmountDc = 'transactionAmountDC',
  /** Transaction amount (foreign currency) (TransactionAmountFC). Total amount of the linked transaction in the selected currency. */
  TransactionAmountFc = 'transactionAmountFC',
  /** Transaction due date (TransactionDueDate). Due date of the linked transaction. */
  TransactionDueDate = 'transactionDueDate',
  /** Transaction entry ID (TransactionEntryID). Linked transaction. Use this as reference to PurchaseEntries. */
  TransactionEntryId = 'transactionEntryID',
  /** Transaction ID (TransactionID). Linked transaction line. Use this as reference to BankEntryLines and CashEntryLines. */
  TransactionId = 'transactionID',
  /** Transaction is reversal (TransactionIsReversal). Indicates if the linked transaction is a reversal entry. */
  TransactionIsReversal = 'transactionIsReversal',
  /** Transaction reporting period (TransactionReportingPeriod). Period of the linked transaction. */
  TransactionReportingPeriod = 'transactionReportingPeriod',
  /** Transaction reporting year (TransactionReportingYear). Year of the linked transaction. */
  TransactionReportingYear = 'transactionReportingYear',
  /** Transaction status (TransactionStatus). Status of the linked transaction. */
  TransactionStatus = 'transactionStatus',
  /** Transaction type (TransactionType). Type of the linked transaction. */
  TransactionType = 'transactionType',
  /** Your reference (YourRef). Invoice number of the supplier. In case the payment belongs to a bank entry line and is matched with one invoice, YourRef is filled with the YourRef of this invoice. */
  YourRef = 'yourRef'
}

/** Source of a payment or receivable: 1 Manual, 2 Reconcile, 3 Match, 4 Import, 5 Process. */
export enum PaymentSource {
  Import = 'IMPORT',
  Manual = 'MANUAL',
  Match = 'MATCH',
  Process = 'PROCESS',
  Reconcile = 'RECONCILE'
}

/** Operators on a PaymentSource column. */
export type PaymentSourceFilter = {
  /** Equal to. */
  eq?: InputMaybe<PaymentSource>;
  /** One of. */
  in?: InputMaybe<Array<PaymentSource>>;
  /** true: the column is null; false: it is not. */
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
  /** Not equal to. */
  ne?: InputMaybe<PaymentSource>;
  /** None of. */
  notIn?: InputMaybe<Array<PaymentSource>>;
};

/** One part of a split payment. */
export type PaymentSplitPartInput = {
  /** AmountFC of the part; AmountDC follows from RateFC. The parts sum exactly to the payment. */
  amountFC: Scalars['Decimal']['input'];
  /** Due date of the part (not before the invoice date). */
  dueDate: Scalars['DateTime']['input'];
};

/** Status of a payment; the Exact code is the value: 20 Open, 30 Selected, 40 Processed, 50 Matched. */
export enum PaymentStatus {
  /** 50: matched with a bank statement line or other items. */
  Matched = 'MATCHED',
  /** 20: outstanding, not yet selected. */
  Open = 'OPEN',
  /** 40: processed into a bank file. */
  Processed = 'PROCESSED',
  /** 30: selected to be paid. */
  Selected = 'SELECTED'
}

/** Operators on a PaymentStatus column. */
export type PaymentStatusFilter = {
  /** Equal to. */
  eq?: InputMaybe<PaymentStatus>;
  /** One of. */
  in?: InputMaybe<Array<PaymentStatus>>;
  /** true: the column is null; false: it is not. */
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
  /** Not equal to. */
  ne?: InputMaybe<PaymentStatus>;
  /** None of. */
  notIn?: InputMaybe<Array<PaymentStatus>>;
};

/** Changes to one payment: the fields given change (null clears an optional column), the others keep their value. */
export type PaymentUpdateInput = {
  /** Supplier bank account ID (AccountBankAccountID). The bank account of the supplier, to which the payment has to be done. */
  accountBankAccountID?: InputMaybe<Scalars['UUID']['input']>;
  /** Supplier contact (AccountContact). Contact person copied from the purchase invoice linked to the related purchase entry. Used as prefered contact when sending reminders. */
  accountContactID?: InputMaybe<Scalars['UUID']['input']>;
  /** Supplier (Account). The supplier to which the payment has to be done. Required on create. */
  accountID?: InputMaybe<Scalars['UUID']['input']>;
  /** Amount (division currency) (AmountDC). The amount in default currency (division currency). Payments are matched on this amount. Required on create. */
  amountDC?: InputMaybe<Scalars['Decimal']['input']>;
  /** Discount amount (division currency) (AmountDiscountDC). The amount of the discount in the default currency. */
  amountDiscountDC?: InputMaybe<Scalars['Decimal']['input']>;
  /** Discount amount (foreign currency) (AmountDiscountFC). The amount of the discount. This is in the amount of the selected currency. */
  amountDiscountFC?: InputMaybe<Scalars['Decimal']['input']>;
  /** Amount (foreign currency) (AmountFC). The amount of the payment. This is in the amount of the selected currency. Required on create. */
  amountFC?: InputMaybe<Scalars['Decimal']['input']>;
  /** Own bank account ID (BankAccountID). Own bank account from which the payment must be done. */
  bankAccountID?: InputMaybe<Scalars['UUID']['input']>;
  /** Currency (Currency). The currency of the payment. This currency can only deviate from the division currency if the module Currency is in the license. Required on create. */
  currency?: InputMaybe<Scalars['String']['input']>;
  /** Description (Description). Extra description for the payment that may be included in the bank export file. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Discount due date (DiscountDueDate). Date before which the payment must be done to be eligible for discount. */
  discountDueDate?: InputMaybe<Scalars['DateTime']['input']>;
  /** Due date (DueDate). Date before which the payment must be done. Required on create. */
  dueDate?: InputMaybe<Scalars['DateTime']['input']>;
  /** Entry date (EntryDate). Processing date of the payment. */
  entryDate?: InputMaybe<Scalars['DateTime']['input']>;
  /** Entry ID (EntryID). The unique identifier for a set of payments. A payment can be split so that one part is paid on a different date. In that case the two records get a different EntryID. Required on create. */
  entryID?: InputMaybe<Scalars['UUID']['input']>;
  /** Entry number (EntryNumber). Entry number of the linked transaction. */
  entryNumber?: InputMaybe<Scalars['Int']['input']>;
  /** G/L account (GLAccount). G/L account of the payment. Must be of type 22 (Accounts payable). Required on create. */
  glAccountID?: InputMaybe<Scalars['UUID']['input']>;
  /** ID of the payment to change. */
  id: Scalars['UUID']['input'];
  /** Invoice date (InvoiceDate). Invoice date of the linked transaction. Required on create. */
  invoiceDate?: InputMaybe<Scalars['DateTime']['input']>;
  /** Invoice number (InvoiceNumber). Invoice number of the linked transaction. */
  invoiceNumber?: InputMaybe<Scalars['Int']['input']>;
  /** Journal (Journal). Journal of the linked transaction. Required on create. */
  journalCode?: InputMaybe<Scalars['String']['input']>;
  /** Payment condition (PaymentCondition). Payment condition of the linked transaction. */
  paymentConditionCode?: InputMaybe<Scalars['String']['input']>;
  /** Payment days (PaymentDays). Number of days between invoice date and due date. */
  paymentDays?: InputMaybe<Scalars['Int']['input']>;
  /** Payment discount days (PaymentDaysDiscount). Number of days between invoice date and due date of the discount. */
  paymentDaysDiscount?: InputMaybe<Scalars['Int']['input']>;
  /** Payment discount percentage (PaymentDiscountPercentage). Payment discount percentage. */
  paymentDiscountPercentage?: InputMaybe<Scalars['Decimal']['input']>;
  /** Payment method (PaymentMethod). Method of payment. B = On credit (default), I = Collection, K = Cash, V = Credit card. Required on create. */
  paymentMethod?: InputMaybe<PaymentMethod>;
  /** Payment reference (PaymentReference). Payment reference for the payment that may be included in the bank export file. */
  paymentReference?: InputMaybe<Scalars['String']['input']>;
  /** Exchange rate (RateFC). Exchange rate from payment currency to division currency. AmountFC * RateFC = AmountDC. Required on create. */
  rateFC?: InputMaybe<Scalars['Decimal']['input']>;
  /** Transaction amount (division currency) (TransactionAmountDC). Total amount of the linked transaction in default currency (division currency). */
  transactionAmountDC?: InputMaybe<Scalars['Decimal']['input']>;
  /** Transaction amount (foreign currency) (TransactionAmountFC). Total amount of the linked transaction in the selected currency. */
  transactionAmountFC?: InputMaybe<Scalars['Decimal']['input']>;
  /** Transaction due date (TransactionDueDate). Due date of the linked transaction. */
  transactionDueDate?: InputMaybe<Scalars['DateTime']['input']>;
  /** Transaction entry ID (TransactionEntryID). Linked transaction. Use this as reference to PurchaseEntries. */
  transactionEntryID?: InputMaybe<Scalars['UUID']['input']>;
  /** Transaction ID (TransactionID). Linked transaction line. Use this as reference to BankEntryLines and CashEntryLines. */
  transactionID?: InputMaybe<Scalars['UUID']['input']>;
  /** Transaction is reversal (TransactionIsReversal). Indicates if the linked transaction is a reversal entry. */
  transactionIsReversal?: InputMaybe<Scalars['Boolean']['input']>;
  /** Transaction reporting period (TransactionReportingPeriod). Period of the linked transaction. */
  transactionReportingPeriod?: InputMaybe<Scalars['Int']['input']>;
  /** Transaction reporting year (TransactionReportingYear). Year of the linked transaction. */
  transactionReportingYear?: InputMaybe<Scalars['Int']['input']>;
  /** Transaction status (TransactionStatus). Status of the linked transaction. */
  transactionStatus?: InputMaybe<Scalars['Int']['input']>;
  /** Transaction type (TransactionType). Type of the linked transaction. */
  transactionType?: InputMaybe<Scalars['Int']['input']>;
  /** The version read; a payment changed since gets CONFLICT. */
  version: Scalars['Int']['input'];
  /** Your reference (YourRef). Invoice number of the supplier. In case the payment belongs to a bank entry line and is matched with one invoice, YourRef is filled with the YourRef of this invoice. */
  yourRef?: InputMaybe<Scalars['String']['input']>;
};

/** Filter on Payments (Payments): every field given must hold. */
export type PaymentWhere = {
  /** Rows whose account matches (The supplier to pay.); compiled to EXISTS. */
  account?: InputMaybe<AccountWhere>;
  /** Rows whose accountBankAccount matches (Bank account of the supplier the payment goes to.); compiled to EXISTS. */
  accountBankAccount?: InputMaybe<BankAccountWhere>;
  /** Supplier bank account ID (AccountBankAccountID). The bank account of the supplier, to which the payment has to be done. */
  accountBankAccountID?: InputMaybe<IdFilter>;
  /** Supplier bank account number (AccountBankAccountNumber). The bank account number of the supplier, to which the payment has to be done. */
  accountBankAccountNumber?: InputMaybe<StringFilter>;
  /** Supplier code (AccountCode). The code of the supplier to which the payment has to be done. */
  accountCode?: InputMaybe<StringFilter>;
  /** Rows whose accountContact matches (Contact person of the supplier.); compiled to EXISTS. */
  accountContact?: InputMaybe<ContactWhere>;
  /** Supplier contact (AccountContact). Contact person copied from the purchase invoice linked to the related purchase entry. Used as prefered contact when sending reminders. */
  accountContactID?: InputMaybe<IdFilter>;
  /** Supplier contact name (AccountContactName). Name of the contact person of the supplier. */
  accountContactName?: InputMaybe<StringFilter>;
  /** Supplier (Account). The supplier to which the payment has to be done. */
  accountID?: InputMaybe<IdFilter>;
  /** Supplier name (AccountName). Name of the supplier. */
  accountName?: InputMaybe<StringFilter>;
  /** Amount (division currency) (AmountDC). The amount in default currency (division currency). Payments are matched on this amount. */
  amountDC?: InputMaybe<DecimalFilter>;
  /** Discount amount (division currency) (AmountDiscountDC). The amount of the discount in the default currency. */
  amountDiscountDC?: InputMaybe<DecimalFilter>;
  /** Discount amount (foreign currency) (AmountDiscountFC). The amount of the discount. This is in the amount of the selected currency. */
  amountDiscountFC?: InputMaybe<DecimalFilter>;
  /** Amount (foreign currency) (AmountFC). The amount of the payment. This is in the amount of the selected currency. */
  amountFC?: InputMaybe<DecimalFilter>;
  /** All of these filters hold. */
  and?: InputMaybe<Array<PaymentWhere>>;
  /** Rows whose bankAccount matches (Own bank account the payment is made from.); compiled to EXISTS. */
  bankAccount?: InputMaybe<BankAccountWhere>;
  /** Own bank account ID (BankAccountID). Own bank account from which the payment must be done. */
  bankAccountID?: InputMaybe<IdFilter>;
  /** Own bank account number (BankAccountNumber). Own bank account number from which the payment must be done. */
  bankAccountNumber?: InputMaybe<StringFilter>;
  /** Rows whose batch matches (Payment batch the payment was processed in.); compiled to EXISTS. */
  batch?: InputMaybe<PaymentBatchWhere>;
  /** Cash flow transaction batch code (CashflowTransactionBatchCode). When processing payments, all payments with the same processing data are put in a batch. This field contains the code of that batch. */
  cashflowTransactionBatchCode?: InputMaybe<StringFilter>;
  /** Created (Created). Creation date. */
  created?: InputMaybe<DateTimeFilter>;
  /** Created (UTC) (CreatedUtc). Creation date in UTC. */
  createdUtc?: InputMaybe<DateTimeFilter>;
  /** Rows whose creator matches (User who created the payment.); compiled to EXISTS. */
  creator?: InputMaybe<UserWhere>;
  /** Creator full name (CreatorFullName). Name of the creator. */
  creatorFullName?: InputMaybe<StringFilter>;
  /** Creator (Creator). User ID of creator. */
  creatorID?: InputMaybe<IdFilter>;
  /** Currency (Currency). The currency of the payment. This currency can only deviate from the division currency if the module Currency is in the license. */
  currency?: InputMaybe<StringFilter>;
  /** Description (Description). Extra description for the payment that may be included in the bank export file. */
  description?: InputMaybe<StringFilter>;
  /** Discount due date (DiscountDueDate). Date before which the payment must be done to be eligible for discount. */
  discountDueDate?: InputMaybe<DateTimeFilter>;
  /** Rows whose division matches (Division of the payment.); compiled to EXISTS. */
  division?: InputMaybe<DivisionWhere>;
  /** Division (Division). Division code. */
  divisionCode?: InputMaybe<IntFilter>;
  /** Division chamber of commerce number (DivisionCompanyCoCNumber). Chamber of commerce number of the Exact Online division. */
  divisionCompanyCoCNumber?: InputMaybe<StringFilter>;
  /** Division IBAN (DivisionCompanyIBANNumber). IBAN number of the Exact Online division. */
  divisionCompanyIBANNumber?: InputMaybe<StringFilter>;
  /** Division company name (DivisionCompanyName). Company name of the Exact Online division. */
  divisionCompanyName?: InputMaybe<StringFilter>;
  /** Division RSIN number (DivisionCompanyRSINNumber). RSIN number of the Exact Online division. */
  divisionCompanyRSINNumber?: InputMaybe<StringFilter>;
  /** Division VAT number (DivisionCompanyVATNumber). VAT number of the Exact Online division. */
  divisionCompanyVATNumber?: InputMaybe<StringFilter>;
  /** Division wage tax number (DivisionCompanyWageTaxNumber). Wage tax number of the Exact Online division. */
  divisionCompanyWageTaxNumber?: InputMaybe<StringFilter>;
  /** Division label (DivisionLabel). Label of the Exact Online division. */
  divisionLabel?: InputMaybe<StringFilter>;
  /** Division name (DivisionName). Name of the Exact Online division. */
  divisionName?: InputMaybe<StringFilter>;
  /** Subscription holder name (DivisionOwnerCompanyName). Name of the customer account in division 1 owning the Exact Online subscription to which this division belongs. */
  divisionOwnerCompanyName?: InputMaybe<StringFilter>;
  /** Subscription holder number (DivisionOwnerCompanyNumber). Number of the customer account in division 1 owning the Exact Online subscription to which this division belongs. */
  divisionOwnerCompanyNumber?: InputMaybe<StringFilter>;
  /** Division short name (DivisionShortName). Short name of the Exact Online division. */
  divisionShortName?: InputMaybe<SafeIntFilter>;
  /** Rows whose document matches (Document created when processing; holds the bank file.); compiled to EXISTS. */
  document?: InputMaybe<DocumentWhere>;
  /** Document (Document). Document that is created when processing payments. The bank export file is attached to the document. */
  documentID?: InputMaybe<IdFilter>;
  /** Document number (DocumentNumber). Number of the document. */
  documentNumber?: InputMaybe<IntFilter>;
  /** Document subject (DocumentSubject). Subject of the document. */
  documentSubject?: InputMaybe<StringFilter>;
  /** Due date (DueDate). Date before which the payment must be done. */
  dueDate?: InputMaybe<DateTimeFilter>;
  /** End date (EndDate). Date since when the payment is no longer an outstanding item. This is the highest invoice date of all matched payments. */
  endDate?: InputMaybe<DateTimeFilter>;
  /** End period (EndPeriod). Period since when the payment is no longer an outstanding item. This is the highest period of all matched payments. */
  endPeriod?: InputMaybe<IntFilter>;
  /** End year (EndYear). Year (of period) since when the payment is no longer an outstanding item. This is the highest year of all matched payments. Used in combination with EndPeriod. */
  endYear?: InputMaybe<IntFilter>;
  /** Entry date (EntryDate). Processing date of the payment. */
  entryDate?: InputMaybe<DateTimeFilter>;
  /** Entry ID (EntryID). The unique identifier for a set of payments. A payment can be split so that one part is paid on a different date. In that case the two records get a different EntryID. */
  entryID?: InputMaybe<IdFilter>;
  /** Entry number (EntryNumber). Entry number of the linked transaction. */
  entryNumber?: InputMaybe<IntFilter>;
  /** Rows whose glAccount matches (G/L account (type 22, accounts payable).); compiled to EXISTS. */
  glAccount?: InputMaybe<GlAccountWhere>;
  /** G/L account code (GLAccountCode). Code of the G/L account. */
  glAccountCode?: InputMaybe<StringFilter>;
  /** G/L account description (GLAccountDescription). Description of the G/L account. */
  glAccountDescription?: InputMaybe<StringFilter>;
  /** G/L account (GLAccount). G/L account of the payment. Must be of type 22 (Accounts payable). */
  glAccountID?: InputMaybe<IdFilter>;
  /** ID (ID). Identifier of the payment. */
  id?: InputMaybe<IdFilter>;
  /** Invoice date (InvoiceDate). Invoice date of the linked transaction. */
  invoiceDate?: InputMaybe<DateTimeFilter>;
  /** Invoice number (InvoiceNumber). Invoice number of the linked transaction. */
  invoiceNumber?: InputMaybe<IntFilter>;
  /** Is batch booking (IsBatchBooking). Boolean indicating whether the payment is part of a batch booking. */
  isBatchBooking?: InputMaybe<IntFilter>;
  /** Rows whose journal matches (Journal of the linked transaction.); compiled to EXISTS. */
  journal?: InputMaybe<JournalWhere>;
  /** Journal (Journal). Journal of the linked transaction. */
  journalCode?: InputMaybe<StringFilter>;
  /** Journal description (JournalDescription). Description of the journal. */
  journalDescription?: InputMaybe<StringFilter>;
  /** Modified (Modified). Last modified date. */
  modified?: InputMaybe<DateTimeFilter>;
  /** Modified (UTC) (ModifiedUtc). Last modified date in UTC. */
  modifiedUtc?: InputMaybe<DateTimeFilter>;
  /** Rows whose modifier matches (User who last modified the payment.); compiled to EXISTS. */
  modifier?: InputMaybe<UserWhere>;
  /** Modifier full name (ModifierFullName). Name of modifier. */
  modifierFullName?: InputMaybe<StringFilter>;
  /** Modifier (Modifier). User ID of modifier. */
  modifierID?: InputMaybe<IdFilter>;
  /** This filter does not hold. */
  not?: InputMaybe<PaymentWhere>;
  /** At least one of these filters holds. */
  or?: InputMaybe<Array<PaymentWhere>>;
  /** Payment batch number (PaymentBatchNumber). Number assigned during the processing of payments. When payments are processed a bank export file is created. This file contains one or more batches that contain one or more payments. Each batch gets a sequence number that is stored for each payment in that batch. */
  paymentBatchNumber?: InputMaybe<IntFilter>;
  /** Rows whose paymentCondition matches (Payment condition of the linked transaction.); compiled to EXISTS. */
  paymentCondition?: InputMaybe<PaymentConditionWhere>;
  /** Payment condition (PaymentCondition). Payment condition of the linked transaction. */
  paymentConditionCode?: InputMaybe<StringFilter>;
  /** Payment condition description (PaymentConditionDescription). Description of the payment condition. */
  paymentConditionDescription?: InputMaybe<StringFilter>;
  /** Payment days (PaymentDays). Number of days between invoice date and due date. */
  paymentDays?: InputMaybe<IntFilter>;
  /** Payment discount days (PaymentDaysDiscount). Number of days between invoice date and due date of the discount. */
  paymentDaysDiscount?: InputMaybe<IntFilter>;
  /** Payment discount percentage (PaymentDiscountPercentage). Payment discount percentage. */
  paymentDiscountPercentage?: InputMaybe<DecimalFilter>;
  /** Payment method (PaymentMethod). Method of payment. B = On credit (default), I = Collection, K = Cash, V = Credit card. */
  paymentMethod?: InputMaybe<PaymentMethodFilter>;
  /** Payment reference (PaymentReference). Payment reference for the payment that may be included in the bank export file. */
  paymentReference?: InputMaybe<StringFilter>;
  /** Payment selected (PaymentSelected). Date and time since when the payment is selected to be paid. */
  paymentSelected?: InputMaybe<DateTimeFilter>;
  /** Rows whose paymentSelector matches (User who selected the payment to be paid.); compiled to EXISTS. */
  paymentSelector?: InputMaybe<UserWhere>;
  /** Payment selector full name (PaymentSelectorFullName). Name of the payment selector. */
  paymentSelectorFullName?: InputMaybe<StringFilter>;
  /** Payment selector (PaymentSelector). User who selected the payment to be paid. */
  paymentSelectorID?: InputMaybe<IdFilter>;
  /** Exchange rate (RateFC). Exchange rate from payment currency to division currency. AmountFC * RateFC = AmountDC. */
  rateFC?: InputMaybe<DecimalFilter>;
  /** Source (Source). The source of the payment. Possible values: 1 Manual, 2 Reconcile, 3 Match, 4 Import, 5 Process. */
  source?: InputMaybe<PaymentSourceFilter>;
  /** Status (Status). The status of the payment. Possible values: 20 Open, 30 Selected, 40 Processed, 50 Matched. */
  status?: InputMaybe<PaymentStatusFilter>;
  /** Transaction amount (division currency) (TransactionAmountDC). Total amount of the linked transaction in default currency (division currency). */
  transactionAmountDC?: InputMaybe<DecimalFilter>;
  /** Transaction amount (foreign currency) (TransactionAmountFC). Total amount of the linked transaction in the selected currency. */
  transactionAmountFC?: InputMaybe<DecimalFilter>;
  /** Transaction due date (TransactionDueDate). Due date of the linked transaction. */
  transactionDueDate?: InputMaybe<DateTimeFilter>;
  /** Transaction entry ID (TransactionEntryID). Linked transaction. Use this as reference to PurchaseEntries. */
  transactionEntryID?: InputMaybe<IdFilter>;
  /** Transaction ID (TransactionID). Linked transaction line. Use this as reference to BankEntryLines and CashEntryLines. */
  transactionID?: InputMaybe<IdFilter>;
  /** Transaction is reversal (TransactionIsReversal). Indicates if the linked transaction is a reversal entry. */
  transactionIsReversal?: InputMaybe<BooleanFilter>;
  /** Transaction reporting period (TransactionReportingPeriod). Period of the linked transaction. */
  transactionReportingPeriod?: InputMaybe<IntFilter>;
  /** Transaction reporting year (TransactionReportingYear). Year of the linked transaction. */
  transactionReportingYear?: InputMaybe<IntFilter>;
  /** Transaction status (TransactionStatus). Status of the linked transaction. */
  transactionStatus?: InputMaybe<IntFilter>;
  /** Transaction type (TransactionType). Type of the linked transaction. */
  transactionType?: InputMaybe<IntFilter>;
  /** Your reference (YourRef). Invoice number of the supplier. In case the payment belongs to a bank entry line and is matched with one invoice, YourRef is filled with the YourRef of this invoice. */
  yourRef?: InputMaybe<StringFilter>;
};

/** A payment run: which payments, from which own bank account, when, in which file format. */
export type ProcessPaymentsInput = {
  /** Own bank account of the division the payments are made from (BankAccounts with no Account). */
  bankAccountID: Scalars['UUID']['input'];
  /** Ask the bank to book the batch as one debit (BtchBookg); default true. */
  batchBooking?: InputMaybe<Scalars['Boolean']['input']>;
  /** Division of the run (one batch and one document per call). */
  divisionCode: Scalars['Int']['input'];
  /** Requested execution date; payments executed on or before their DiscountDueDate pay AmountDC minus AmountDiscountDC. */
  executionDate: Scalars['DateTime']['input'];
  /** File format; default pain.001.001.03. */
  format?: InputMaybe<BankFileFormat>;
  /** Payments to process (Open or Selected); leave out to process every selected payment (Status 30) of the division. */
  paymentIDs?: InputMaybe<Array<Scalars['UUID']['input']>>;
};

/** A processed payment batch to send through Ponto. */
export type PushPaymentBatchInput = {
  /** The processed payment batch (it has its pain.001 file). */
  batchID: Scalars['UUID']['input'];
  /** The Ponto connection (of the batch's division). */
  connectionID: Scalars['UUID']['input'];
  /** BULK (one bulk payment) or SINGLE (one payment per transfer); default SINGLE for one payment, else BULK. */
  mode?: InputMaybe<Scalars['String']['input']>;
  /** Where Ponto sends the user after signing; default PONTO_REDIRECT_URI. */
  redirectUri?: InputMaybe<Scalars['String']['input']>;
};

/** Conditions on aggregated amounts of Receivables. */
export type ReceivableAmountsFilter = {
  /** Amount (division currency) (AmountDC). The amount in default currency (division currency). Receivables are matched on this amount. */
  amountDC?: InputMaybe<DecimalFilter>;
  /** Discount amount (division currency) (AmountDiscountDC). The amount of the discount in the default currency. */
  amountDiscountDC?: InputMaybe<DecimalFilter>;
  /** Discount amount (foreign currency) (AmountDiscountFC). The amount of the discount. This is in the amount of the selected currency. */
  amountDiscountFC?: InputMaybe<DecimalFilter>;
  /** Amount (foreign currency) (AmountFC). The amount of the receivable. This is in the amount of the selected currency. */
  amountFC?: InputMaybe<DecimalFilter>;
  /** Payment discount percentage (PaymentDiscountPercentage). Payment discount percentage. */
  paymentDiscountPercentage?: InputMaybe<DecimalFilter>;
  /** Exchange rate (RateFC). Exchange rate from receivable currency to division currency. AmountFC * RateFC = AmountDC. */
  rateFC?: InputMaybe<DecimalFilter>;
  /** Transaction amount (division currency) (TransactionAmountDC). Total amount of the linked transaction in default currency (division currency). */
  transactionAmountDC?: InputMaybe<DecimalFilter>;
  /** Transaction amount (foreign currency) (TransactionAmountFC). Total amount of the linked transaction in the selected currency. */
  transactionAmountFC?: InputMaybe<DecimalFilter>;
};

/** A new receivable. ID is always assigned by the server; EntryID and PaymentMethod (B) are filled in when left out; PaymentReference is generated for a Belgian customer's invoice (its structured communication) when left out; audit and workflow columns are always set by the server. */
export type ReceivableCreateInput = {
  /** Customer bank account ID (AccountBankAccountID). The bank account of the customer, from which the receivable will come (collected from, for a direct debit). */
  accountBankAccountID?: InputMaybe<Scalars['UUID']['input']>;
  /** Customer contact (AccountContact). Contact person copied from the sales invoice linked to the related sales entry. Used as preferred contact when sending reminders. */
  accountContactID?: InputMaybe<Scalars['UUID']['input']>;
  /** Customer (Account). The customer from whom the receivable will come. Required on create. */
  accountID?: InputMaybe<Scalars['UUID']['input']>;
  /** Amount (division currency) (AmountDC). The amount in default currency (division currency). Receivables are matched on this amount. Required on create. */
  amountDC?: InputMaybe<Scalars['Decimal']['input']>;
  /** Discount amount (division currency) (AmountDiscountDC). The amount of the discount in the default currency. */
  amountDiscountDC?: InputMaybe<Scalars['Decimal']['input']>;
  /** Discount amount (foreign currency) (AmountDiscountFC). The amount of the discount. This is in the amount of the selected currency. */
  amountDiscountFC?: InputMaybe<Scalars['Decimal']['input']>;
  /** Amount (foreign currency) (AmountFC). The amount of the receivable. This is in the amount of the selected currency. Required on create. */
  amountFC?: InputMaybe<Scalars['Decimal']['input']>;
  /** Own bank account ID (BankAccountID). Own bank account on which the receivable will come. */
  bankAccountID?: InputMaybe<Scalars['UUID']['input']>;
  /** Currency (Currency). The currency of the receivable. This currency can only deviate from the division currency if the module Currency is in the license. Required on create. */
  currency?: InputMaybe<Scalars['String']['input']>;
  /** Description (Description). Extra description for the receivable that may be included in the bank export file. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Mandate description (DirectDebitMandateDescription). Description of the direct debit mandate. */
  directDebitMandateDescription?: InputMaybe<Scalars['String']['input']>;
  /** Direct debit mandate (DirectDebitMandate). Direct debit mandate used to collect the receivable. */
  directDebitMandateID?: InputMaybe<Scalars['UUID']['input']>;
  /** Mandate payment type (DirectDebitMandatePaymentType). Payment type of the direct debit mandate: 0 one-off, 1 recurrent. */
  directDebitMandatePaymentType?: InputMaybe<DirectDebitMandatePaymentType>;
  /** Mandate reference (DirectDebitMandateReference). Unique reference of the direct debit mandate (SEPA MndtId, at most 35 characters). */
  directDebitMandateReference?: InputMaybe<Scalars['String']['input']>;
  /** Mandate type (DirectDebitMandateType). Type of the direct debit mandate: 0 Core, 1 B2B. */
  directDebitMandateType?: InputMaybe<DirectDebitMandateType>;
  /** Discount due date (DiscountDueDate). Date before which the customer must pay to be eligible for the discount. */
  discountDueDate?: InputMaybe<Scalars['DateTime']['input']>;
  /** Division (Division). Division code. Required on create. */
  divisionCode?: InputMaybe<Scalars['Int']['input']>;
  /** Due date (DueDate). Date before which the customer must pay. Required on create. */
  dueDate?: InputMaybe<Scalars['DateTime']['input']>;
  /** Entry date (EntryDate). Processing date of the receivable. */
  entryDate?: InputMaybe<Scalars['DateTime']['input']>;
  /** Entry ID (EntryID). The unique identifier for a set of receivables. A receivable can be split so that one part is received on a different date. In that case the two records get a different EntryID. Required on create. */
  entryID?: InputMaybe<Scalars['UUID']['input']>;
  /** Entry number (EntryNumber). Entry number of the linked transaction. */
  entryNumber?: InputMaybe<Scalars['Int']['input']>;
  /** G/L account (GLAccount). G/L account of the receivable. Must be of type 20 (Accounts receivable). Required on create. */
  glAccountID?: InputMaybe<Scalars['UUID']['input']>;
  /** Invoice date (InvoiceDate). Invoice date of the linked transaction. Required on create. */
  invoiceDate?: InputMaybe<Scalars['DateTime']['input']>;
  /** Invoice number (InvoiceNumber). Invoice number of the linked transaction. */
  invoiceNumber?: InputMaybe<Scalars['Int']['input']>;
  /** Journal (Journal). Journal of the linked transaction. Required on create. */
  journalCode?: InputMaybe<Scalars['String']['input']>;
  /** Payment condition (PaymentCondition). Payment condition of the linked transaction. */
  paymentConditionCode?: InputMaybe<Scalars['String']['input']>;
  /** Payment days (PaymentDays). Number of days between invoice date and due date. */
  paymentDays?: InputMaybe<Scalars['Int']['input']>;
  /** Payment discount days (PaymentDaysDiscount). Number of days between invoice date and due date of the discount. */
  paymentDaysDiscount?: InputMaybe<Scalars['Int']['input']>;
  /** Payment discount percentage (PaymentDiscountPercentage). Payment discount percentage. */
  paymentDiscountPercentage?: InputMaybe<Scalars['Decimal']['input']>;
  /** Payment method (PaymentMethod). Method of payment. B = On credit (default), I = Collection (direct debit), K = Cash, V = Credit card. Required on create. */
  paymentMethod?: InputMaybe<PaymentMethod>;
  /** Payment reference (PaymentReference). Payment reference of the receivable. For a Belgian customer the structured communication (OGM/VCS, +++123/4567/89002+++) of the invoice, generated when none is given, by which the bank transaction is matched. */
  paymentReference?: InputMaybe<Scalars['String']['input']>;
  /** Exchange rate (RateFC). Exchange rate from receivable currency to division currency. AmountFC * RateFC = AmountDC. Required on create. */
  rateFC?: InputMaybe<Scalars['Decimal']['input']>;
  /** Transaction amount (division currency) (TransactionAmountDC). Total amount of the linked transaction in default currency (division currency). */
  transactionAmountDC?: InputMaybe<Scalars['Decimal']['input']>;
  /** Transaction amount (foreign currency) (TransactionAmountFC). Total amount of the linked transaction in the selected currency. */
  transactionAmountFC?: InputMaybe<Scalars['Decimal']['input']>;
  /** Transaction due date (TransactionDueDate). Due date of the linked transaction. */
  transactionDueDate?: InputMaybe<Scalars['DateTime']['input']>;
  /** Transaction entry ID (TransactionEntryID). Linked transaction (the sales entry). */
  transactionEntryID?: InputMaybe<Scalars['UUID']['input']>;
  /** Transaction ID (TransactionID). Linked transaction line. Use this as reference to BankEntryLines and CashEntryLines. */
  transactionID?: InputMaybe<Scalars['UUID']['input']>;
  /** Transaction is reversal (TransactionIsReversal). Indicates if the linked transaction is a reversal entry. */
  transactionIsReversal?: InputMaybe<Scalars['Boolean']['input']>;
  /** Transaction reporting period (TransactionReportingPeriod). Period of the linked transaction. */
  transactionReportingPeriod?: InputMaybe<Scalars['Int']['input']>;
  /** Transaction reporting year (TransactionReportingYear). Year of the linked transaction. */
  transactionReportingYear?: InputMaybe<Scalars['Int']['input']>;
  /** Transaction status (TransactionStatus). Status of the linked transaction. */
  transactionStatus?: InputMaybe<Scalars['Int']['input']>;
  /** Transaction type (TransactionType). Type of the linked transaction (20 Sales entry, 21 Sales credit note, ...). */
  transactionType?: InputMaybe<Scalars['Int']['input']>;
  /** Your reference (YourRef). Invoice number. In case the receivable belongs to a bank entry line and is matched with one invoice, YourRef is filled with the YourRef of this invoice. */
  yourRef?: InputMaybe<Scalars['String']['input']>;
};

/** A receivable to delete. */
export type ReceivableDeleteInput = {
  id: Scalars['UUID']['input'];
  /** The version read; when given, a receivable changed since gets CONFLICT. */
  version?: InputMaybe<Scalars['Int']['input']>;
};

/** A group-by key of Receivables. */
export type ReceivableGroupBy = {
  /** Time bucket for a date column (default day); BAD_USER_INPUT on any other column. */
  bucket?: InputMaybe<DateBucket>;
  /** Column to group by. */
  field: ReceivableGroupField;
};

/** Columns Receivables can be grouped by (date columns by a time bucket). */
export enum ReceivableGroupField {
  /** Customer bank account ID (AccountBankAccountID). The bank account of the customer, from which the receivable will come (collected from, for a direct debit). */
  AccountBankAccountId = 'accountBankAccountID',
  /** Customer bank account number (AccountBankAccountNumber). The bank account number of the customer, from which the receivable will come. */
  AccountBankAccountNumber = 'accountBankAccountNumber',
  /** Customer code (AccountCode). The code of the customer from whom the receivable will come. */
  AccountCode = 'accountCode',
  /** Customer contact (AccountContact). Contact person copied from the sales invoice linked to the related sales entry. Used as preferred contact when sending reminders. */
  AccountContactId = 'accountContactID',
  /** Customer contact name (AccountContactName). Name of the contact person of the customer. */
  AccountContactName = 'accountContactName',
  /** Customer (Account). The customer from whom the receivable will come. */
  AccountId = 'accountID',
  /** Customer name (AccountName). Name of the customer. */
  AccountName = 'accountName',
  /** Own bank account ID (BankAccountID). Own bank account on which the receivable will come. */
  BankAccountId = 'bankAccountID',
  /** Own bank account number (BankAccountNumber). Own bank account number on which the receivable will come. */
  BankAccountNumber = 'bankAccountNumber',
  /** Cash flow transaction batch code (CashflowTransactionBatchCode). When processing receivables, all receivables with the same processing data are put in a batch. This field contains the code of that batch. */
  CashflowTransactionBatchCode = 'cashflowTransactionBatchCode',
  /** Created (Created). Creation date. */
  Created = 'created',
  /** Creator full name (CreatorFullName). Name of the creator. */
  CreatorFullName = 'creatorFullName',
  /** Creator (Creator). User ID of creator. */
  CreatorId = 'creatorID',
  /** Currency (Currency). The currency of the receivable. This currency can only deviate from the division currency if the module Currency is in the license. */
  Currency = 'currency',
  /** Description (Description). Extra description for the receivable that may be included in the bank export file. */
  Description = 'description',
  /** Mandate description (DirectDebitMandateDescription). Description of the direct debit mandate. */
  DirectDebitMandateDescription = 'directDebitMandateDescription',
  /** Direct debit mandate (DirectDebitMandate). Direct debit mandate used to collect the receivable. */
  DirectDebitMandateId = 'directDebitMandateID',
  /** Mandate payment type (DirectDebitMandatePaymentType). Payment type of the direct debit mandate: 0 one-off, 1 recurrent. */
  DirectDebitMandatePaymentType = 'directDebitMandatePaymentType',
  /** Mandate reference (DirectDebitMandateReference). Unique reference of the direct debit mandate (SEPA MndtId, at most 35 characters). */
  DirectDebitMandateReference = 'directDebitMandateReference',
  /** Mandate type (DirectDebitMandateType). Type of the direct debit mandate: 0 Core, 1 B2B. */
  DirectDebitMandateType = 'directDebitMandateType',
  /** Discount due date (DiscountDueDate). Date before which the customer must pay to be eligible for the discount. */
  DiscountDueDate = 'discountDueDate',
  /** Division (Division). Division code. */
  DivisionCode = 'divisionCode',
  /** Document (Document). Document that is created when processing collections. The bank export file is attached to the document. */
  DocumentId = 'documentID',
  /** Document number (DocumentNumber). Number of the document. */
  DocumentNumber = 'documentNumber',
  /** Document subject (DocumentSubject). Subject of the document. */
  DocumentSubject = 'documentSubject',
  /** Due date (DueDate). Date before which the customer must pay. */
  DueDate = 'dueDate',
  /** End date (EndDate). Date since when the receivable is no longer an outstanding item. This is the highest invoice date of all matched receivables. */
  EndDate = 'endDate',
  /** End period (EndPeriod). Period since when the receivable is no longer an outstanding item. This is the highest period of all matched receivables. */
  EndPeriod = 'endPeriod',
  /** End-to-end ID (EndToEndID). The SEPA EndToEndId used when collecting the receivable. */
  EndToEndId = 'endToEndID',
  /** End year (EndYear). Year (of period) since when the receivable is no longer an outstanding item. Used in combination with EndPeriod. */
  EndYear = 'endYear',
  /** Entry date (EntryDate). Processing date of the receivable. */
  EntryDate = 'entryDate',
  /** Entry ID (EntryID). The unique identifier for a set of receivables. A receivable can be split so that one part is received on a different date. In that case the two records get a different EntryID. */
  EntryId = 'entryID',
  /** Entry number (EntryNumber). Entry number of the linked transaction. */
  EntryNumber = 'entryNumber',
  /** G/L account code (GLAccountCode). Code of the G/L account. */
  GlAccountCode = 'glAccountCode',
  /** G/L account description (GLAccountDescription). Description of the G/L account. */
  GlAccountDescription = 'glAccountDescription',
  /** G/L account (GLAccount). G/L account of the receivable. Must be of type 20 (Accounts receivable). */
  GlAccountId = 'glAccountID',
  /** ID (ID). Identifier of the receivable. */
  Id = 'id',
  /** Invoice date (InvoiceDate). Invoice date of the linked transaction. */
  InvoiceDate = 'invoiceDate',
  /** Invoice number (InvoiceNumber). Invoice number of the linked transaction. */
  InvoiceNumber = 'invoiceNumber',
  /** Is batch booking (IsBatchBooking). Whether the receivable is part of a batch booking (1) or not (0). */
  IsBatchBooking = 'isBatchBooking',
  /** Is fully paid (IsFullyPaid). Whether the customer has paid the receivable in full. */
  IsFullyPaid = 'isFullyPaid',
  /** Journal (Journal). Journal of the linked transaction. */
  JournalCode = 'journalCode',
  /** Journal description (JournalDescription). Description of the journal. */
  JournalDescription = 'journalDescription',
  /** Last payment date (LastPaymentDate). Date of the last payment received for the receivable. */
  LastPaymentDate = 'lastPaymentDate',
  /** Modified (Modified). Last modified date. */
  Modified = 'modified',
  /** Modifier full name (ModifierFullName). Name of modifier. */
  ModifierFullName = 'modifierFullName',
  /** Modifier (Modifier). User ID of modifier. */
  ModifierId = 'modifierID',
  /** Payment condition (PaymentCondition). Payment condition of the linked transaction. */
  PaymentConditionCode = 'paymentConditionCode',
  /** Payment condition description (PaymentConditionDescription). Description of the payment condition. */
  PaymentConditionDescription = 'paymentConditionDescription',
  /** Payment days (PaymentDays). Number of days between invoice date and due date. */
  PaymentDays = 'paymentDays',
  /** Payment discount days (PaymentDaysDiscount). Number of days between invoice date and due date of the discount. */
  PaymentDaysDiscount = 'paymentDaysDiscount',
  /** Payment information ID (PaymentInformationID). The SEPA PmtInfId of the collection the receivable was processed in. */
  PaymentInformationId = 'paymentInformationID',
  /** Payment method (PaymentMethod). Method of payment. B = On credit (default), I = Collection (direct debit), K = Cash, V = Credit card. */
  PaymentMethod = 'paymentMethod',
  /** Payment reference (PaymentReference). Payment reference of the receivable. For a Belgian customer the structured communication (OGM/VCS, +++123/4567/89002+++) of the invoice, generated when none is given, by which the bank transaction is matched. */
  PaymentReference = 'paymentReference',
  /** Receivable batch number (ReceivableBatchNumber). Number assigned during the processing of receivables: each batch of the bank export file gets a sequence number, stored for each receivable in that batch. */
  ReceivableBatchNumber = 'receivableBatchNumber',
  /** Receivable selected (ReceivableSelected). Date and time since when the receivable is selected to be collected. */
  ReceivableSelected = 'receivableSelected',
  /** Receivable selector full name (ReceivableSelectorFullName). Name of the receivable selector. */
  ReceivableSelectorFullName = 'receivableSelectorFullName',
  /** Receivable selector (ReceivableSelector). User who selected the receivable to be collected. */
  ReceivableSelectorId = 'receivableSelectorID',
  /** Source (Source). The source of the receivable: 1 Manual, 2 Reconcile, 3 Match, 4 Import, 5 Process. */
  Source = 'source',
  /** Status (Status). The status of the receivable: 20 Open, 30 Selected (for collection), 40 Processed (collection file made), 50 Matched. */
  Status = 'status',
  /** Transaction due date (TransactionDueDate). Due date of the linked transaction. */
  TransactionDueDate = 'transactionDueDate',
  /** Transaction entry ID (TransactionEntryID). Linked transaction (the sales entry). */
  TransactionEntryId = 'transactionEntryID',
  /** Transaction ID (TransactionID). Linked transaction line. Use this as reference to BankEntryLines and CashEntryLines. */
  TransactionId = 'transactionID',
  /** Transaction is reversal (TransactionIsReversal). Indicates if the linked transaction is a reversal entry. */
  TransactionIsReversal = 'transactionIsReversal',
  /** Transaction reporting period (TransactionReportingPeriod). Period of the linked transaction. */
  TransactionReportingPeriod = 'transactionReportingPeriod',
  /** Transaction reporting year (TransactionReportingYear). Year of the linked transaction. */
  TransactionReportingYear = 'transactionReportingYear',
  /** Transaction status (TransactionStatus). Status of the linked transaction. */
  TransactionStatus = 'transactionStatus',
  /** Transaction type (TransactionType). Type of the linked transaction (20 Sales entry, 21 Sales credit note, ...). */
  TransactionType = 'transactionType',
  /** Your reference (YourRef). Invoice number. In case the receivable belongs to a bank entry line and is matched with one invoice, YourRef is filled with the YourRef of this invoice. */
  YourRef = 'yourRef'
}

/** An ordering of groups of Receivables. */
export type ReceivableGroupOrderBy = {
  direction?: InputMaybe<SortDirection>;
  /** Group key or aggregate to order by. */
  field: ReceivableGroupOrderField;
};

/** What groups of Receivables can be ordered by: a group key, count, or function_amount. */
export enum ReceivableGroupOrderField {
  AccountBankAccountId = 'accountBankAccountID',
  AccountBankAccountNumber = 'accountBankAccountNumber',
  AccountCode = 'accountCode',
  AccountContactId = 'accountContactID',
  AccountContactName = 'accountContactName',
  AccountId = 'accountID',
  AccountName = 'accountName',
  AvgAmountDc = 'avg_amountDC',
  AvgAmountDiscountDc = 'avg_amountDiscountDC',
  AvgAmountDiscountFc = 'avg_amountDiscountFC',
  AvgAmountFc = 'avg_amountFC',
  AvgPaymentDiscountPercentage = 'avg_paymentDiscountPercentage',
  AvgRateFc = 'avg_rateFC',
  AvgTransactionAmountDc = 'avg_transactionAmountDC',
  AvgTransactionAmountFc = 'avg_transactionAmountFC',
  BankAccountId = 'bankAccountID',
  BankAccountNumber = 'bankAccountNumber',
  CashflowTransactionBatchCode = 'cashflowTransactionBatchCode',
  Count = 'count',
  Created = 'created',
  CreatorFullName = 'creatorFullName',
  CreatorId = 'creatorID',
  Currency = 'currency',
  Description = 'description',
  DirectDebitMandateDescription = 'directDebitMandateDescription',
  DirectDebitMandateId = 'directDebitMandateID',
  DirectDebitMandatePaymentType = 'directDebitMandatePaymentType',
  DirectDebitMandateReference = 'directDebitMandateReference',
  DirectDebitMandateType = 'directDebitMandateType',
  DiscountDueDate = 'discountDueDate',
  DivisionCode = 'divisionCode',
  DocumentId = 'documentID',
  DocumentNumber = 'documentNumber',
  DocumentSubject = 'documentSubject',
  DueDate = 'dueDate',
  EndDate = 'endDate',
  EndPeriod = 'endPeriod',
  EndToEndId = 'endToEndID',
  EndYear = 'endYear',
  EntryDate = 'entryDate',
  EntryId = 'entryID',
  EntryNumber = 'entryNumber',
  GlAccountCode = 'glAccountCode',
  GlAccountDescription = 'glAccountDescription',
  GlAccountId = 'glAccountID',
  Id = 'id',
  InvoiceDate = 'invoiceDate',
  InvoiceNumber = 'invoiceNumber',
  IsBatchBooking = 'isBatchBooking',
  IsFullyPaid = 'isFullyPaid',
  JournalCode = 'journalCode',
  JournalDescription = 'journalDescription',
  LastPaymentDate = 'lastPaymentDate',
  MaxAmountDc = 'max_amountDC',
  MaxAmountDiscountDc = 'max_amountDiscountDC',
  MaxAmountDiscountFc = 'max_amountDiscountFC',
  MaxAmountFc = 'max_amountFC',
  MaxPaymentDiscountPercentage = 'max_paymentDiscountPercentage',
  MaxRateFc = 'max_rateFC',
  MaxTransactionAmountDc = 'max_transactionAmountDC',
  MaxTransactionAmountFc = 'max_transactionAmountFC',
  MinAmountDc = 'min_amountDC',
  MinAmountDiscountDc = 'min_amountDiscountDC',
  MinAmountDiscountFc = 'min_amountDiscountFC',
  MinAmountFc = 'min_amountFC',
  MinPaymentDiscountPercentage = 'min_paymentDiscountPercentage',
  MinRateFc = 'min_rateFC',
  MinTransactionAmountDc = 'min_transactionAmountDC',
  MinTransactionAmountFc = 'min_transactionAmountFC',
  Modified = 'modified',
  ModifierFullName = 'modifierFullName',
  ModifierId = 'modifierID',
  PaymentConditionCode = 'paymentConditionCode',
  PaymentConditionDescription = 'paymentConditionDescription',
  PaymentDays = 'paymentDays',
  PaymentDaysDiscount = 'paymentDaysDiscount',
  PaymentInformationId = 'paymentInformationID',
  PaymentMethod = 'paymentMethod',
  PaymentReference = 'paymentReference',
  ReceivableBatchNumber = 'receivableBatchNumber',
  ReceivableSelected = 'receivableSelected',
  ReceivableSelectorFullName = 'receivableSelectorFullName',
  ReceivableSelectorId = 'receivableSelectorID',
  Source = 'source',
  Status = 'status',
  SumAmountDc = 'sum_amountDC',
  SumAmountDiscountDc = 'sum_amountDiscountDC',
  SumAmountDiscountFc = 'sum_amountDiscountFC',
  SumAmountFc = 'sum_amountFC',
  SumPaymentDiscountPercentage = 'sum_paymentDiscountPercentage',
  SumRateFc = 'sum_rateFC',
  SumTransactionAmountDc = 'sum_transactionAmountDC',
  SumTransactionAmountFc = 'sum_transactionAmountFC',
  TransactionDueDate = 'transactionDueDate',
  TransactionEntryId = 'transactionEntryID',
  TransactionId = 'transactionID',
  TransactionIsReversal = 'transactionIsReversal',
  TransactionReportingPeriod = 'transactionReportingPeriod',
  TransactionReportingYear = 'transactionReportingYear',
  TransactionStatus = 'transactionStatus',
  TransactionType = 'transactionType',
  YourRef = 'yourRef'
}

/** Conditions on groups of Receivables (SQL HAVING); all must hold. */
export type ReceivableHaving = {
  /** Conditions on the avg of amounts. */
  avg?: InputMaybe<ReceivableAmountsFilter>;
  /** Condition on the number of rows in the group. */
  count?: InputMaybe<IntFilter>;
  /** Conditions on the max of amounts. */
  max?: InputMaybe<ReceivableAmountsFilter>;
  /** Conditions on the min of amounts. */
  min?: InputMaybe<ReceivableAmountsFilter>;
  /** Conditions on the sum of amounts. */
  sum?: InputMaybe<ReceivableAmountsFilter>;
};

/** A sort key for Receivables: `field` or one to-one relation (`{ account: name }`); lists always end with the primary key so the order is stable. */
export type ReceivableOrderBy = {
  /** Sort on a column of account (Accounts) instead. */
  account?: InputMaybe<AccountSortField>;
  /** Sort on a column of accountBankAccount (BankAccounts) instead. */
  accountBankAccount?: InputMaybe<BankAccountSortField>;
  /** Sort on a column of accountContact (Contacts) instead. */
  accountContact?: InputMaybe<ContactSortField>;
  /** Sort on a column of bankAccount (BankAccounts) instead. */
  bankAccount?: InputMaybe<BankAccountSortField>;
  /** Sort on a column of creator (Users) instead. */
  creator?: InputMaybe<UserSortField>;
  /** Direction (ascending by default). */
  direction?: InputMaybe<SortDirection>;
  /** Sort on a column of division (Divisions) instead. */
  division?: InputMaybe<DivisionSortField>;
  /** Sort on a column of document (Documents) instead. */
  document?: InputMaybe<DocumentSortField>;
  /** Column of this table to sort on (give this or one relation). */
  field?: InputMaybe<ReceivableSortField>;
  /** Sort on a column of glAccount (GLAccounts) instead. */
  glAccount?: InputMaybe<GlAccountSortField>;
  /** Sort on a column of journal (Journals) instead. */
  journal?: InputMaybe<JournalSortField>;
  /** Sort on a column of modifier (Users) instead. */
  modifier?: InputMaybe<UserSortField>;
  /** Where empty values go. */
  nulls?: InputMaybe<NullsOrder>;
  /** Sort on a column of paymentCondition (PaymentConditions) instead. */
  paymentCondition?: InputMaybe<PaymentConditionSortField>;
  /** Sort on a column of receivableSelector (Users) instead. */
  receivableSelector?: InputMaybe<UserSortField>;
};

/** Columns Receivables can be sorted on. */
export enum ReceivableSortField {
  /** Customer bank account ID (AccountBankAccountID). The bank account of the customer, from which the receivable will come (collected from, for a direct debit). */
  AccountBankAccountId = 'accountBankAccountID',
  /** Customer bank account number (AccountBankAccountNumber). The bank account number of the customer, from which the receivable will come. */
  AccountBankAccountNumber = 'accountBankAccountNumber',
  /** Customer code (AccountCode). The code of the customer from whom the receivable will come. */
  AccountCode = 'accountCode',
  /** Customer contact (AccountContact). Contact person copied from the sales invoice linked to the related sales entry. Used as preferred contact when sending reminders. */
  AccountContactId = 'accountContactID',
  /** Customer contact name (AccountContactName). Name of the contact person of the customer. */
  AccountContactName = 'accountContactName',
  /** Customer (Account). The customer from whom the receivable will come. */
  AccountId = 'accountID',
  /** Customer name (AccountName). Name of the customer. */
  AccountName = 'accountName',
  /** Amount (division currency) (AmountDC). The amount in default currency (division currency). Receivables are matched on this amount. */
  AmountDc = 'amountDC',
  /** Discount amount (division currency) (AmountDiscountDC). The amount of the discount in the default currency. */
  AmountDiscountDc = 'amountDiscountDC',
  /** Discount amount (foreign currency) (AmountDiscountFC). The amount of the discount. This is in the amount of the selected currency. */
  AmountDiscountFc = 'amountDiscountFC',
  /** Amount (foreign currency) (AmountFC). The amount of the receivable. This is in the amount of the selected currency. */
  AmountFc = 'amountFC',
  /** Own bank account ID (BankAccountID). Own bank account on which the receivable will come. */
  BankAccountId = 'bankAccountID',
  /** Own bank account number (BankAccountNumber). Own bank account number on which the receivable will come. */
  BankAccountNumber = 'bankAccountNumber',
  /** Cash flow transaction batch code (CashflowTransactionBatchCode). When processing receivables, all receivables with the same processing data are put in a batch. This field contains the code of that batch. */
  CashflowTransactionBatchCode = 'cashflowTransactionBatchCode',
  /** Created (Created). Creation date. */
  Created = 'created',
  /** Creator full name (CreatorFullName). Name of the creator. */
  CreatorFullName = 'creatorFullName',
  /** Creator (Creator). User ID of creator. */
  CreatorId = 'creatorID',
  /** Currency (Currency). The currency of the receivable. This currency can only deviate from the division currency if the module Currency is in the license. */
  Currency = 'currency',
  /** Description (Description). Extra description for the receivable that may be included in the bank export file. */
  Description = 'description',
  /** Mandate description (DirectDebitMandateDescription). Description of the direct debit mandate. */
  DirectDebitMandateDescription = 'directDebitMandateDescription',
  /** Direct debit mandate (DirectDebitMandate). Direct debit mandate used to collect the receivable. */
  DirectDebitMandateId = 'directDebitMandateID',
  /** Mandate payment type (DirectDebitMandatePaymentType). Payment type of the direct debit mandate: 0 one-off, 1 recurrent. */
  DirectDebitMandatePaymentType = 'directDebitMandatePaymentType',
  /** Mandate reference (DirectDebitMandateReference). Unique reference of the direct debit mandate (SEPA MndtId, at most 35 characters). */
  DirectDebitMandateReference = 'directDebitMandateReference',
  /** Mandate type (DirectDebitMandateType). Type of the direct debit mandate: 0 Core, 1 B2B. */
  DirectDebitMandateType = 'directDebitMandateType',
  /** Discount due date (DiscountDueDate). Date before which the customer must pay to be eligible for the discount. */
  DiscountDueDate = 'discountDueDate',
  /** Division (Division). Division code. */
  DivisionCode = 'divisionCode',
  /** Document (Document). Document that is created when processing collections. The bank export file is attached to the document. */
  DocumentId = 'documentID',
  /** Document number (DocumentNumber). Number of the document. */
  DocumentNumber = 'documentNumber',
  /** Document subject (DocumentSubject). Subject of the document. */
  DocumentSubject = 'documentSubject',
  /** Due date (DueDate). Date before which the customer must pay. */
  DueDate = 'dueDate',
  /** End date (EndDate). Date since when the receivable is no longer an outstanding item. This is the highest invoice date of all matched receivables. */
  EndDate = 'endDate',
  /** End period (EndPeriod). Period since when the receivable is no longer an outstanding item. This is the highest period of all matched receivables. */
  EndPeriod = 'endPeriod',
  /** End-to-end ID (EndToEndID). The SEPA EndToEndId used when collecting the receivable. */
  EndToEndId = 'endToEndID',
  /** End year (EndYear). Year (of period) since when the receivable is no longer an outstanding item. Used in combination with EndPeriod. */
  EndYear = 'endYear',
  /** Entry date (EntryDate). Processing date of the receivable. */
  EntryDate = 'entryDate',
  /** Entry ID (EntryID). The unique identifier for a set of receivables. A receivable can be split so that one part is received on a different date. In that case the two records get a different EntryID. */
  EntryId = 'entryID',
  /** Entry number (EntryNumber). Entry number of the linked transaction. */
  EntryNumber = 'entryNumber',
  /** G/L account code (GLAccountCode). Code of the G/L account. */
  GlAccountCode = 'glAccountCode',
  /** G/L account description (GLAccountDescription). Description of the G/L account. */
  GlAccountDescription = 'glAccountDescription',
  /** G/L account (GLAccount). G/L account of the receivable. Must be of type 20 (Accounts receivable). */
  GlAccountId = 'glAccountID',
  /** ID (ID). Identifier of the receivable. */
  Id = 'id',
  /** Invoice date (InvoiceDate). Invoice date of the linked transaction. */
  InvoiceDate = 'invoiceDate',
  /** Invoice number (InvoiceNumber). Invoice number of the linked transaction. */
  InvoiceNumber = 'invoiceNumber',
  /** Is batch booking (IsBatchBooking). Whether the receivable is part of a batch booking (1) or not (0). */
  IsBatchBooking = 'isBatchBooking',
  /** Is fully paid (IsFullyPaid). Whether the customer has paid the receivable in full. */
  IsFullyPaid = 'isFullyPaid',
  /** Journal (Journal). Journal of the linked transaction. */
  JournalCode = 'journalCode',
  /** Journal description (JournalDescription). Description of the journal. */
  JournalDescription = 'journalDescription',
  /** Last payment date (LastPaymentDate). Date of the last payment received for the receivable. */
  LastPaymentDate = 'lastPaymentDate',
  /** Modified (Modified). Last modified date. */
  Modified = 'modified',
  /** Modifier full name (ModifierFullName). Name of modifier. */
  ModifierFullName = 'modifierFullName',
  /** Modifier (Modifier). User ID of modifier. */
  ModifierId = 'modifierID',
  /** Payment condition (PaymentCondition). Payment condition of the linked transaction. */
  PaymentConditionCode = 'paymentConditionCode',
  /** Payment condition description (PaymentConditionDescription). Description of the payment condition. */
  PaymentConditionDescription = 'paymentConditionDescription',
  /** Payment days (PaymentDays). Number of days between invoice date and due date. */
  PaymentDays = 'paymentDays',
  /** Payment discount days (PaymentDaysDiscount). Number of days between invoice date and due date of the discount. */
  PaymentDaysDiscount = 'paymentDaysDiscount',
  /** Payment discount percentage (PaymentDiscountPercentage). Payment discount percentage. */
  PaymentDiscountPercentage = 'paymentDiscountPercentage',
  /** Payment information ID (PaymentInformationID). The SEPA PmtInfId of the collection the receivable was processed in. */
  PaymentInformationId = 'paymentInformationID',
  /** Payment method (PaymentMethod). Method of payment. B = On credit (default), I = Collection (direct debit), K = Cash, V = Credit card. */
  PaymentMethod = 'paymentMethod',
  /** Payment reference (PaymentReference). Payment reference of the receivable. For a Belgian customer the structured communication (OGM/VCS, +++123/4567/89002+++) of the invoice, generated when none is given, by which the bank transaction is matched. */
  PaymentReference = 'paymentReference',
  /** Exchange rate (RateFC). Exchange rate from receivable currency to division currency. AmountFC * RateFC = AmountDC. */
  RateFc = 'rateFC',
  /** Receivable batch number (ReceivableBatchNumber). Number assigned during the processing of receivables: each batch of the bank export file gets a sequence number, stored for each receivable in that batch. */
  ReceivableBatchNumber = 'receivableBatchNumber',
  /** Receivable selected (ReceivableSelected). Date and time since when the receivable is selected to be collected. */
  ReceivableSelected = 'receivableSelected',
  /** Receivable selector full name (ReceivableSelectorFullName). Name of the receivable selector. */
  ReceivableSelectorFullName = 'receivableSelectorFullName',
  /** Receivable selector (ReceivableSelector). User who selected the receivable to be collected. */
  ReceivableSelectorId = 'receivableSelectorID',
  /** Source (Source). The source of the receivable: 1 Manual, 2 Reconcile, 3 Match, 4 Import, 5 Process. */
  Source = 'source',
  /** Status (Status). The status of the receivable: 20 Open, 30 Selected (for collection), 40 Processed (collection file made), 50 Matched. */
  Status = 'status',
  /** Transaction amount (division currency) (TransactionAmountDC). Total amount of the linked transaction in default currency (division currency). */
  TransactionAmountDc = 'transactionAmountDC',
  /** Transaction amount (foreign currency) (TransactionAmountFC). Total amount of the linked transaction in the selected currency. */
  TransactionAmountFc = 'transactionAmountFC',
  /** Transaction due date (TransactionDueDate). Due date of the linked transaction. */
  TransactionDueDate = 'transactionDueDate',
  /** Transaction entry ID (TransactionEntryID). Linked transaction (the sales entry). */
  TransactionEntryId = 'transactionEntryID',
  /** Transaction ID (TransactionID). Linked transaction line. Use this as reference to BankEntryLines and CashEntryLines. */
  TransactionId = 'transactionID',
  /** Transaction is reversal (TransactionIsReversal). Indicates if the linked transaction is a reversal entry. */
  TransactionIsReversal = 'transactionIsReversal',
  /** Transaction reporting period (TransactionReportingPeriod). Period of the linked transaction. */
  TransactionReportingPeriod = 'transactionReportingPeriod',
  /** Transaction reporting year (TransactionReportingYear). Year of the linked transaction. */
  TransactionReportingYear = 'transactionReportingYear',
  /** Transaction status (TransactionStatus). Status of the linked transaction. */
  TransactionStatus = 'transactionStatus',
  /** Transaction type (TransactionType). Type of the linked transaction (20 Sales entry, 21 Sales credit note, ...). */
  TransactionType = 'transactionType',
  /** Your reference (YourRef). Invoice number. In case the receivable belongs to a bank entry line and is matched with one invoice, YourRef is filled with the YourRef of this invoice. */
  YourRef = 'yourRef'
}

/** One part of a split receivable. */
export type ReceivableSplitPartInput = {
  /** AmountFC of the part; AmountDC follows from RateFC. The parts sum exactly to the receivable. */
  amountFC: Scalars['Decimal']['input'];
  /** Due date of the part (not before the invoice date). */
  dueDate: Scalars['DateTime']['input'];
};

/** Status of a receivable; the Exact code is the value: 20 Open, 30 Selected (for collection), 40 Processed, 50 Matched. */
export enum ReceivableStatus {
  /** 50: matched with a bank statement line or other items. */
  Matched = 'MATCHED',
  /** 20: outstanding, not yet selected. */
  Open = 'OPEN',
  /** 40: processed into a collection file. */
  Processed = 'PROCESSED',
  /** 30: selected for collection (direct debit). */
  Selected = 'SELECTED'
}

/** Operators on a ReceivableStatus column. */
export type ReceivableStatusFilter = {
  /** Equal to. */
  eq?: InputMaybe<ReceivableStatus>;
  /** One of. */
  in?: InputMaybe<Array<ReceivableStatus>>;
  /** true: the column is null; false: it is not. */
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
  /** Not equal to. */
  ne?: InputMaybe<ReceivableStatus>;
  /** None of. */
  notIn?: InputMaybe<Array<ReceivableStatus>>;
};

/** Changes to one receivable: the fields given change (null clears an optional column), the others keep their value. */
export type ReceivableUpdateInput = {
  /** Customer bank account ID (AccountBankAccountID). The bank account of the customer, from which the receivable will come (collected from, for a direct debit). */
  accountBankAccountID?: InputMaybe<Scalars['UUID']['input']>;
  /** Customer contact (AccountContact). Contact person copied from the sales invoice linked to the related sales entry. Used as preferred contact when sending reminders. */
  accountContactID?: InputMaybe<Scalars['UUID']['input']>;
  /** Customer (Account). The customer from whom the receivable will come. Required on create. */
  accountID?: InputMaybe<Scalars['UUID']['input']>;
  /** Amount (division currency) (AmountDC). The amount in default currency (division currency). Receivables are matched on this amount. Required on create. */
  amountDC?: InputMaybe<Scalars['Decimal']['input']>;
  /** Discount amount (division currency) (AmountDiscountDC). The amount of the discount in the default currency. */
  amountDiscountDC?: InputMaybe<Scalars['Decimal']['input']>;
  /** Discount amount (foreign currency) (AmountDiscountFC). The amount of the discount. This is in the amount of the selected currency. */
  amountDiscountFC?: InputMaybe<Scalars['Decimal']['input']>;
  /** Amount (foreign currency) (AmountFC). The amount of the receivable. This is in the amount of the selected currency. Required on create. */
  amountFC?: InputMaybe<Scalars['Decimal']['input']>;
  /** Own bank account ID (BankAccountID). Own bank account on which the receivable will come. */
  bankAccountID?: InputMaybe<Scalars['UUID']['input']>;
  /** Currency (Currency). The currency of the receivable. This currency can only deviate from the division currency if the module Currency is in the license. Required on create. */
  currency?: InputMaybe<Scalars['String']['input']>;
  /** Description (Description). Extra description for the receivable that may be included in the bank export file. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Mandate description (DirectDebitMandateDescription). Description of the direct debit mandate. */
  directDebitMandateDescription?: InputMaybe<Scalars['String']['input']>;
  /** Direct debit mandate (DirectDebitMandate). Direct debit mandate used to collect the receivable. */
  directDebitMandateID?: InputMaybe<Scalars['UUID']['input']>;
  /** Mandate payment type (DirectDebitMandatePaymentType). Payment type of the direct debit mandate: 0 one-off, 1 recurrent. */
  directDebitMandatePaymentType?: InputMaybe<DirectDebitMandatePaymentType>;
  /** Mandate reference (DirectDebitMandateReference). Unique reference of the direct debit mandate (SEPA MndtId, at most 35 characters). */
  directDebitMandateReference?: InputMaybe<Scalars['String']['input']>;
  /** Mandate type (DirectDebitMandateType). Type of the direct debit mandate: 0 Core, 1 B2B. */
  directDebitMandateType?: InputMaybe<DirectDebitMandateType>;
  /** Discount due date (DiscountDueDate). Date before which the customer must pay to be eligible for the discount. */
  discountDueDate?: InputMaybe<Scalars['DateTime']['input']>;
  /** Due date (DueDate). Date before which the customer must pay. Required on create. */
  dueDate?: InputMaybe<Scalars['DateTime']['input']>;
  /** Entry date (EntryDate). Processing date of the receivable. */
  entryDate?: InputMaybe<Scalars['DateTime']['input']>;
  /** Entry ID (EntryID). The unique identifier for a set of receivables. A receivable can be split so that one part is received on a different date. In that case the two records get a different EntryID. Required on create. */
  entryID?: InputMaybe<Scalars['UUID']['input']>;
  /** Entry number (EntryNumber). Entry number of the linked transaction. */
  entryNumber?: InputMaybe<Scalars['Int']['input']>;
  /** G/L account (GLAccount). G/L account of the receivable. Must be of type 20 (Accounts receivable). Required on create. */
  glAccountID?: InputMaybe<Scalars['UUID']['input']>;
  /** ID of the receivable to change. */
  id: Scalars['UUID']['input'];
  /** Invoice date (InvoiceDate). Invoice date of the linked transaction. Required on create. */
  invoiceDate?: InputMaybe<Scalars['DateTime']['input']>;
  /** Invoice number (InvoiceNumber). Invoice number of the linked transaction. */
  invoiceNumber?: InputMaybe<Scalars['Int']['input']>;
  /** Journal (Journal). Journal of the linked transaction. Required on create. */
  journalCode?: InputMaybe<Scalars['String']['input']>;
  /** Payment condition (PaymentCondition). Payment condition of the linked transaction. */
  paymentConditionCode?: InputMaybe<Scalars['String']['input']>;
  /** Payment days (PaymentDays). Number of days between invoice date and due date. */
  paymentDays?: InputMaybe<Scalars['Int']['input']>;
  /** Payment discount days (PaymentDaysDiscount). Number of days between invoice date and due date of the discount. */
  paymentDaysDiscount?: InputMaybe<Scalars['Int']['input']>;
  /** Payment discount percentage (PaymentDiscountPercentage). Payment discount percentage. */
  paymentDiscountPercentage?: InputMaybe<Scalars['Decimal']['input']>;
  /** Payment method (PaymentMethod). Method of payment. B = On credit (default), I = Collection (direct debit), K = Cash, V = Credit card. Required on create. */
  paymentMethod?: InputMaybe<PaymentMethod>;
  /** Payment reference (PaymentReference). Payment reference of the receivable. For a Belgian customer the structured communication (OGM/VCS, +++123/4567/89002+++) of the invoice, generated when none is given, by which the bank transaction is matched. */
  paymentReference?: InputMaybe<Scalars['String']['input']>;
  /** Exchange rate (RateFC). Exchange rate from receivable currency to division currency. AmountFC * RateFC = AmountDC. Required on create. */
  rateFC?: InputMaybe<Scalars['Decimal']['input']>;
  /** Transaction amount (division currency) (TransactionAmountDC). Total amount of the linked transaction in default currency (division currency). */
  transactionAmountDC?: InputMaybe<Scalars['Decimal']['input']>;
  /** Transaction amount (foreign currency) (TransactionAmountFC). Total amount of the linked transaction in the selected currency. */
  transactionAmountFC?: InputMaybe<Scalars['Decimal']['input']>;
  /** Transaction due date (TransactionDueDate). Due date of the linked transaction. */
  transactionDueDate?: InputMaybe<Scalars['DateTime']['input']>;
  /** Transaction entry ID (TransactionEntryID). Linked transaction (the sales entry). */
  transactionEntryID?: InputMaybe<Scalars['UUID']['input']>;
  /** Transaction ID (TransactionID). Linked transaction line. Use this as reference to BankEntryLines and CashEntryLines. */
  transactionID?: InputMaybe<Scalars['UUID']['input']>;
  /** Transaction is reversal (TransactionIsReversal). Indicates if the linked transaction is a reversal entry. */
  transactionIsReversal?: InputMaybe<Scalars['Boolean']['input']>;
  /** Transaction reporting period (TransactionReportingPeriod). Period of the linked transaction. */
  transactionReportingPeriod?: InputMaybe<Scalars['Int']['input']>;
  /** Transaction reporting year (TransactionReportingYear). Year of the linked transaction. */
  transactionReportingYear?: InputMaybe<Scalars['Int']['input']>;
  /** Transaction status (TransactionStatus). Status of the linked transaction. */
  transactionStatus?: InputMaybe<Scalars['Int']['input']>;
  /** Transaction type (TransactionType). Type of the linked transaction (20 Sales entry, 21 Sales credit note, ...). */
  transactionType?: InputMaybe<Scalars['Int']['input']>;
  /** The version read; a receivable changed since gets CONFLICT. */
  version: Scalars['Int']['input'];
  /** Your reference (YourRef). Invoice number. In case the receivable belongs to a bank entry line and is matched with one invoice, YourRef is filled with the YourRef of this invoice. */
  yourRef?: InputMaybe<Scalars['String']['input']>;
};

/** Filter on Receivables (Receivables): every field given must hold. */
export type ReceivableWhere = {
  /** Rows whose account matches (The customer who owes the receivable.); compiled to EXISTS. */
  account?: InputMaybe<AccountWhere>;
  /** Rows whose accountBankAccount matches (Bank account of the customer the money comes from.); compiled to EXISTS. */
  accountBankAccount?: InputMaybe<BankAccountWhere>;
  /** Customer bank account ID (AccountBankAccountID). The bank account of the customer, from which the receivable will come (collected from, for a direct debit). */
  accountBankAccountID?: InputMaybe<IdFilter>;
  /** Customer bank account number (AccountBankAccountNumber). The bank account number of the customer, from which the receivable will come. */
  accountBankAccountNumber?: InputMaybe<StringFilter>;
  /** Customer code (AccountCode). The code of the customer from whom the receivable will come. */
  accountCode?: InputMaybe<StringFilter>;
  /** Rows whose accountContact matches (Contact person of the customer.); compiled to EXISTS. */
  accountContact?: InputMaybe<ContactWhere>;
  /** Customer contact (AccountContact). Contact person copied from the sales invoice linked to the related sales entry. Used as preferred contact when sending reminders. */
  accountContactID?: InputMaybe<IdFilter>;
  /** Customer contact name (AccountContactName). Name of the contact person of the customer. */
  accountContactName?: InputMaybe<StringFilter>;
  /** Customer (Account). The customer from whom the receivable will come. */
  accountID?: InputMaybe<IdFilter>;
  /** Customer name (AccountName). Name of the customer. */
  accountName?: InputMaybe<StringFilter>;
  /** Amount (division currency) (AmountDC). The amount in default currency (division currency). Receivables are matched on this amount. */
  amountDC?: InputMaybe<DecimalFilter>;
  /** Discount amount (division currency) (AmountDiscountDC). The amount of the discount in the default currency. */
  amountDiscountDC?: InputMaybe<DecimalFilter>;
  /** Discount amount (foreign currency) (AmountDiscountFC). The amount of the discount. This is in the amount of the selected currency. */
  amountDiscountFC?: InputMaybe<DecimalFilter>;
  /** Amount (foreign currency) (AmountFC). The amount of the receivable. This is in the amount of the selected currency. */
  amountFC?: InputMaybe<DecimalFilter>;
  /** All of these filters hold. */
  and?: InputMaybe<Array<ReceivableWhere>>;
  /** Rows whose bankAccount matches (Own bank account the money comes in on.); compiled to EXISTS. */
  bankAccount?: InputMaybe<BankAccountWhere>;
  /** Own bank account ID (BankAccountID). Own bank account on which the receivable will come. */
  bankAccountID?: InputMaybe<IdFilter>;
  /** Own bank account number (BankAccountNumber). Own bank account number on which the receivable will come. */
  bankAccountNumber?: InputMaybe<StringFilter>;
  /** Cash flow transaction batch code (CashflowTransactionBatchCode). When processing receivables, all receivables with the same processing data are put in a batch. This field contains the code of that batch. */
  cashflowTransactionBatchCode?: InputMaybe<StringFilter>;
  /** Created (Created). Creation date. */
  created?: InputMaybe<DateTimeFilter>;
  /** Rows whose creator matches (User who created the receivable.); compiled to EXISTS. */
  creator?: InputMaybe<UserWhere>;
  /** Creator full name (CreatorFullName). Name of the creator. */
  creatorFullName?: InputMaybe<StringFilter>;
  /** Creator (Creator). User ID of creator. */
  creatorID?: InputMaybe<IdFilter>;
  /** Currency (Currency). The currency of the receivable. This currency can only deviate from the division currency if the module Currency is in the license. */
  currency?: InputMaybe<StringFilter>;
  /** Description (Description). Extra description for the receivable that may be included in the bank export file. */
  description?: InputMaybe<StringFilter>;
  /** Mandate description (DirectDebitMandateDescription). Description of the direct debit mandate. */
  directDebitMandateDescription?: InputMaybe<StringFilter>;
  /** Direct debit mandate (DirectDebitMandate). Direct debit mandate used to collect the receivable. */
  directDebitMandateID?: InputMaybe<IdFilter>;
  /** Mandate payment type (DirectDebitMandatePaymentType). Payment type of the direct debit mandate: 0 one-off, 1 recurrent. */
  directDebitMandatePaymentType?: InputMaybe<DirectDebitMandatePaymentTypeFilter>;
  /** Mandate reference (DirectDebitMandateReference). Unique reference of the direct debit mandate (SEPA MndtId, at most 35 characters). */
  directDebitMandateReference?: InputMaybe<StringFilter>;
  /** Mandate type (DirectDebitMandateType). Type of the direct debit mandate: 0 Core, 1 B2B. */
  directDebitMandateType?: InputMaybe<DirectDebitMandateTypeFilter>;
  /** Discount due date (DiscountDueDate). Date before which the customer must pay to be eligible for the discount. */
  discountDueDate?: InputMaybe<DateTimeFilter>;
  /** Rows whose division matches (Division of the receivable.); compiled to EXISTS. */
  division?: InputMaybe<DivisionWhere>;
  /** Division (Division). Division code. */
  divisionCode?: InputMaybe<IntFilter>;
  /** Rows whose document matches (Document created when processing collections; holds the bank file.); compiled to EXISTS. */
  document?: InputMaybe<DocumentWhere>;
  /** Document (Document). Document that is created when processing collections. The bank export file is attached to the document. */
  documentID?: InputMaybe<IdFilter>;
  /** Document number (DocumentNumber). Number of the document. */
  documentNumber?: InputMaybe<IntFilter>;
  /** Document subject (DocumentSubject). Subject of the document. */
  documentSubject?: InputMaybe<StringFilter>;
  /** Due date (DueDate). Date before which the customer must pay. */
  dueDate?: InputMaybe<DateTimeFilter>;
  /** End date (EndDate). Date since when the receivable is no longer an outstanding item. This is the highest invoice date of all matched receivables. */
  endDate?: InputMaybe<DateTimeFilter>;
  /** End period (EndPeriod). Period since when the receivable is no longer an outstanding item. This is the highest period of all matched receivables. */
  endPeriod?: InputMaybe<IntFilter>;
  /** End-to-end ID (EndToEndID). The SEPA EndToEndId used when collecting the receivable. */
  endToEndID?: InputMaybe<StringFilter>;
  /** End year (EndYear). Year (of period) since when the receivable is no longer an outstanding item. Used in combination with EndPeriod. */
  endYear?: InputMaybe<IntFilter>;
  /** Entry date (EntryDate). Processing date of the receivable. */
  entryDate?: InputMaybe<DateTimeFilter>;
  /** Entry ID (EntryID). The unique identifier for a set of receivables. A receivable can be split so that one part is received on a different date. In that case the two records get a different EntryID. */
  entryID?: InputMaybe<IdFilter>;
  /** Entry number (EntryNumber). Entry number of the linked transaction. */
  entryNumber?: InputMaybe<IntFilter>;
  /** Rows whose glAccount matches (G/L account (type 20, accounts receivable).); compiled to EXISTS. */
  glAccount?: InputMaybe<GlAccountWhere>;
  /** G/L account code (GLAccountCode). Code of the G/L account. */
  glAccountCode?: InputMaybe<StringFilter>;
  /** G/L account description (GLAccountDescription). Description of the G/L account. */
  glAccountDescription?: InputMaybe<StringFilter>;
  /** G/L account (GLAccount). G/L account of the receivable. Must be of type 20 (Accounts receivable). */
  glAccountID?: InputMaybe<IdFilter>;
  /** ID (ID). Identifier of the receivable. */
  id?: InputMaybe<IdFilter>;
  /** Invoice date (InvoiceDate). Invoice date of the linked transaction. */
  invoiceDate?: InputMaybe<DateTimeFilter>;
  /** Invoice number (InvoiceNumber). Invoice number of the linked transaction. */
  invoiceNumber?: InputMaybe<IntFilter>;
  /** Is batch booking (IsBatchBooking). Whether the receivable is part of a batch booking (1) or not (0). */
  isBatchBooking?: InputMaybe<IntFilter>;
  /** Is fully paid (IsFullyPaid). Whether the customer has paid the receivable in full. */
  isFullyPaid?: InputMaybe<BooleanFilter>;
  /** Rows whose journal matches (Journal of the linked transaction.); compiled to EXISTS. */
  journal?: InputMaybe<JournalWhere>;
  /** Journal (Journal). Journal of the linked transaction. */
  journalCode?: InputMaybe<StringFilter>;
  /** Journal description (JournalDescription). Description of the journal. */
  journalDescription?: InputMaybe<StringFilter>;
  /** Last payment date (LastPaymentDate). Date of the last payment received for the receivable. */
  lastPaymentDate?: InputMaybe<DateTimeFilter>;
  /** Modified (Modified). Last modified date. */
  modified?: InputMaybe<DateTimeFilter>;
  /** Rows whose modifier matches (User who last modified the receivable.); compiled to EXISTS. */
  modifier?: InputMaybe<UserWhere>;
  /** Modifier full name (ModifierFullName). Name of modifier. */
  modifierFullName?: InputMaybe<StringFilter>;
  /** Modifier (Modifier). User ID of modifier. */
  modifierID?: InputMaybe<IdFilter>;
  /** This filter does not hold. */
  not?: InputMaybe<ReceivableWhere>;
  /** At least one of these filters holds. */
  or?: InputMaybe<Array<ReceivableWhere>>;
  /** Rows whose paymentCondition matches (Payment condition of the linked transaction.); compiled to EXISTS. */
  paymentCondition?: InputMaybe<PaymentConditionWhere>;
  /** Payment condition (PaymentCondition). Payment condition of the linked transaction. */
  paymentConditionCode?: InputMaybe<StringFilter>;
  /** Payment condition description (PaymentConditionDescription). Description of the payment condition. */
  paymentConditionDescription?: InputMaybe<StringFilter>;
  /** Payment days (PaymentDays). Number of days between invoice date and due date. */
  paymentDays?: InputMaybe<IntFilter>;
  /** Payment discount days (PaymentDaysDiscount). Number of days between invoice date and due date of the discount. */
  paymentDaysDiscount?: InputMaybe<IntFilter>;
  /** Payment discount percentage (PaymentDiscountPercentage). Payment discount percentage. */
  paymentDiscountPercentage?: InputMaybe<DecimalFilter>;
  /** Payment information ID (PaymentInformationID). The SEPA PmtInfId of the collection the receivable was processed in. */
  paymentInformationID?: InputMaybe<StringFilter>;
  /** Payment method (PaymentMethod). Method of payment. B = On credit (default), I = Collection (direct debit), K = Cash, V = Credit card. */
  paymentMethod?: InputMaybe<PaymentMethodFilter>;
  /** Payment reference (PaymentReference). Payment reference of the receivable. For a Belgian customer the structured communication (OGM/VCS, +++123/4567/89002+++) of the invoice, generated when none is given, by which the bank transaction is matched. */
  paymentReference?: InputMaybe<StringFilter>;
  /** Exchange rate (RateFC). Exchange rate from receivable currency to division currency. AmountFC * RateFC = AmountDC. */
  rateFC?: InputMaybe<DecimalFilter>;
  /** Receivable batch number (ReceivableBatchNumber). Number assigned during the processing of receivables: each batch of the bank export file gets a sequence number, stored for each receivable in that batch. */
  receivableBatchNumber?: InputMaybe<IntFilter>;
  /** Receivable selected (ReceivableSelected). Date and time since when the receivable is selected to be collected. */
  receivableSelected?: InputMaybe<DateTimeFilter>;
  /** Rows whose receivableSelector matches (User who selected the receivable to be collected.); compiled to EXISTS. */
  receivableSelector?: InputMaybe<UserWhere>;
  /** Receivable selector full name (ReceivableSelectorFullName). Name of the receivable selector. */
  receivableSelectorFullName?: InputMaybe<StringFilter>;
  /** Receivable selector (ReceivableSelector). User who selected the receivable to be collected. */
  receivableSelectorID?: InputMaybe<IdFilter>;
  /** Source (Source). The source of the receivable: 1 Manual, 2 Reconcile, 3 Match, 4 Import, 5 Process. */
  source?: InputMaybe<PaymentSourceFilter>;
  /** Status (Status). The status of the receivable: 20 Open, 30 Selected (for collection), 40 Processed (collection file made), 50 Matched. */
  status?: InputMaybe<ReceivableStatusFilter>;
  /** Transaction amount (division currency) (TransactionAmountDC). Total amount of the linked transaction in default currency (division currency). */
  transactionAmountDC?: InputMaybe<DecimalFilter>;
  /** Transaction amount (foreign currency) (TransactionAmountFC). Total amount of the linked transaction in the selected currency. */
  transactionAmountFC?: InputMaybe<DecimalFilter>;
  /** Transaction due date (TransactionDueDate). Due date of the linked transaction. */
  transactionDueDate?: InputMaybe<DateTimeFilter>;
  /** Transaction entry ID (TransactionEntryID). Linked transaction (the sales entry). */
  transactionEntryID?: InputMaybe<IdFilter>;
  /** Transaction ID (TransactionID). Linked transaction line. Use this as reference to BankEntryLines and CashEntryLines. */
  transactionID?: InputMaybe<IdFilter>;
  /** Transaction is reversal (TransactionIsReversal). Indicates if the linked transaction is a reversal entry. */
  transactionIsReversal?: InputMaybe<BooleanFilter>;
  /** Transaction reporting period (TransactionReportingPeriod). Period of the linked transaction. */
  transactionReportingPeriod?: InputMaybe<IntFilter>;
  /** Transaction reporting year (TransactionReportingYear). Year of the linked transaction. */
  transactionReportingYear?: InputMaybe<IntFilter>;
  /** Transaction status (TransactionStatus). Status of the linked transaction. */
  transactionStatus?: InputMaybe<IntFilter>;
  /** Transaction type (TransactionType). Type of the linked transaction (20 Sales entry, 21 Sales credit note, ...). */
  transactionType?: InputMaybe<IntFilter>;
  /** Your reference (YourRef). Invoice number. In case the receivable belongs to a bank entry line and is matched with one invoice, YourRef is filled with the YourRef of this invoice. */
  yourRef?: InputMaybe<StringFilter>;
};

/** Conditions on aggregated amounts of Reconciliation actions. */
export type ReconciliationActionAmountsFilter = {
  /** Previous open amount (PreviousOpenAmountFC). The line's OpenAmountFC before the action (empty: the whole amount), restored by its undo. */
  previousOpenAmountFC?: InputMaybe<DecimalFilter>;
};

/** A group-by key of Reconciliation actions. */
export type ReconciliationActionGroupBy = {
  /** Time bucket for a date column (default day); BAD_USER_INPUT on any other column. */
  bucket?: InputMaybe<DateBucket>;
  /** Column to group by. */
  field: ReconciliationActionGroupField;
};

/** Columns Reconciliation actions can be grouped by (date columns by a time bucket). */
export enum ReconciliationActionGroupField {
  /** Action (ActionType). ACCEPT, AUTO, LINK, BOOK, IGNORE, SPLIT or UNDO. */
  ActionType = 'actionType',
  /** Bank entry line (BankEntryLine). The bank entry line acted on. */
  BankEntryLineId = 'bankEntryLineID',
  /** Created (Created). When the row was written. */
  Created = 'created',
  /** Creator (Creator). User ID of who wrote it (the user of the import for automatic matches). */
  CreatorId = 'creatorID',
  /** Division (Division). Division code. */
  DivisionCode = 'divisionCode',
  /** ID (ID). Identifier of the action. */
  Id = 'id',
  /** Part (Part). The part of a split line acted on (ReconciliationParts); empty for the whole line. */
  PartId = 'partID',
  /** Previous status (PreviousStatus). The line's ReconciliationStatus before the action (empty: never looked at), restored by its undo. */
  PreviousStatus = 'previousStatus',
  /** Proposal (Proposal). The proposal accepted (ACCEPT, AUTO). */
  ProposalId = 'proposalID',
  /** Reason (Reason). Why the line was ignored (IGNORE), or a note of the user. */
  Reason = 'reason',
  /** Undo of (UndoOf). The action an UNDO undid. */
  UndoOfId = 'undoOfID',
  /** Undone (Undone). When the action was undone; empty while it holds. */
  Undone = 'undone',
  /** Undone by (UndoneBy). User ID of who undid the action. */
  UndoneById = 'undoneByID'
}

/** An ordering of groups of Reconciliation actions. */
export type ReconciliationActionGroupOrderBy = {
  direction?: InputMaybe<SortDirection>;
  /** Group key or aggregate to order by. */
  field: ReconciliationActionGroupOrderField;
};

/** What groups of Reconciliation actions can be ordered by: a group key, count, or function_amount. */
export enum ReconciliationActionGroupOrderField {
  ActionType = 'actionType',
  AvgPreviousOpenAmountFc = 'avg_previousOpenAmountFC',
  BankEntryLineId = 'bankEntryLineID',
  Count = 'count',
  Created = 'created',
  CreatorId = 'creatorID',
  DivisionCode = 'divisionCode',
  Id = 'id',
  MaxPreviousOpenAmountFc = 'max_previousOpenAmountFC',
  MinPreviousOpenAmountFc = 'min_previousOpenAmountFC',
  PartId = 'partID',
  PreviousStatus = 'previousStatus',
  ProposalId = 'proposalID',
  Reason = 'reason',
  SumPreviousOpenAmountFc = 'sum_previousOpenAmountFC',
  UndoOfId = 'undoOfID',
  Undone = 'undone',
  UndoneById = 'undoneByID'
}

/** Conditions on groups of Reconciliation actions (SQL HAVING); all must hold. */
export type ReconciliationActionHaving = {
  /** Conditions on the avg of amounts. */
  avg?: InputMaybe<ReconciliationActionAmountsFilter>;
  /** Condition on the number of rows in the group. */
  count?: InputMaybe<IntFilter>;
  /** Conditions on the max of amounts. */
  max?: InputMaybe<ReconciliationActionAmountsFilter>;
  /** Conditions on the min of amounts. */
  min?: InputMaybe<ReconciliationActionAmountsFilter>;
  /** Conditions on the sum of amounts. */
  sum?: InputMaybe<ReconciliationActionAmountsFilter>;
};

/** A sort key for Reconciliation actions: `field` or one to-one relation (`{ account: name }`); lists always end with the primary key so the order is stable. */
export type ReconciliationActionOrderBy = {
  /** Sort on a column of bankEntryLine (BankEntryLines) instead. */
  bankEntryLine?: InputMaybe<BankEntryLineSortField>;
  /** Direction (ascending by default). */
  direction?: InputMaybe<SortDirection>;
  /** Sort on a column of division (Divisions) instead. */
  division?: InputMaybe<DivisionSortField>;
  /** Column of this table to sort on (give this or one relation). */
  field?: InputMaybe<ReconciliationActionSortField>;
  /** Where empty values go. */
  nulls?: InputMaybe<NullsOrder>;
  /** Sort on a column of part (ReconciliationParts) instead. */
  part?: InputMaybe<ReconciliationPartSortField>;
};

/** Columns Reconciliation actions can be sorted on. */
export enum ReconciliationActionSortField {
  /** Action (ActionType). ACCEPT, AUTO, LINK, BOOK, IGNORE, SPLIT or UNDO. */
  ActionType = 'actionType',
  /** Bank entry line (BankEntryLine). The bank entry line acted on. */
  BankEntryLineId = 'bankEntryLineID',
  /** Created (Created). When the row was written. */
  Created = 'created',
  /** Creator (Creator). User ID of who wrote it (the user of the import for automatic matches). */
  CreatorId = 'creatorID',
  /** Division (Division). Division code. */
  DivisionCode = 'divisionCode',
  /** ID (ID). Identifier of the action. */
  Id = 'id',
  /** Part (Part). The part of a split line acted on (ReconciliationParts); empty for the whole line. */
  PartId = 'partID',
  /** Previous open amount (PreviousOpenAmountFC). The line's OpenAmountFC before the action (empty: the whole amount), restored by its undo. */
  PreviousOpenAmountFc = 'previousOpenAmountFC',
  /** Previous status (PreviousStatus). The line's ReconciliationStatus before the action (empty: never looked at), restored by its undo. */
  PreviousStatus = 'previousStatus',
  /** Proposal (Proposal). The proposal accepted (ACCEPT, AUTO). */
  ProposalId = 'proposalID',
  /** Reason (Reason). Why the line was ignored (IGNORE), or a note of the user. */
  Reason = 'reason',
  /** Undo of (UndoOf). The action an UNDO undid. */
  UndoOfId = 'undoOfID',
  /** Undone (Undone). When the action was undone; empty while it holds. */
  Undone = 'undone',
  /** Undone by (UndoneBy). User ID of who undid the action. */
  UndoneById = 'undoneByID'
}

/** Filter on Reconciliation actions (ReconciliationActions): every field given must hold. */
export type ReconciliationActionWhere = {
  /** Action (ActionType). ACCEPT, AUTO, LINK, BOOK, IGNORE, SPLIT or UNDO. */
  actionType?: InputMaybe<StringFilter>;
  /** All of these filters hold. */
  and?: InputMaybe<Array<ReconciliationActionWhere>>;
  /** Rows whose bankEntryLine matches (The bank entry line acted on.); compiled to EXISTS. */
  bankEntryLine?: InputMaybe<BankEntryLineWhere>;
  /** Bank entry line (BankEntryLine). The bank entry line acted on. */
  bankEntryLineID?: InputMaybe<IdFilter>;
  /** Created (Created). When the row was written. */
  created?: InputMaybe<DateTimeFilter>;
  /** Creator (Creator). User ID of who wrote it (the user of the import for automatic matches). */
  creatorID?: InputMaybe<IdFilter>;
  /** Rows whose division matches (Division of the action.); compiled to EXISTS. */
  division?: InputMaybe<DivisionWhere>;
  /** Division (Division). Division code. */
  divisionCode?: InputMaybe<IntFilter>;
  /** ID (ID). Identifier of the action. */
  id?: InputMaybe<IdFilter>;
  /** This filter does not hold. */
  not?: InputMaybe<ReconciliationActionWhere>;
  /** At least one of these filters holds. */
  or?: InputMaybe<Array<ReconciliationActionWhere>>;
  /** Rows whose part matches (The part of a split line acted on.); compiled to EXISTS. */
  part?: InputMaybe<ReconciliationPartWhere>;
  /** Part (Part). The part of a split line acted on (ReconciliationParts); empty for the whole line. */
  partID?: InputMaybe<IdFilter>;
  /** Previous open amount (PreviousOpenAmountFC). The line's OpenAmountFC before the action (empty: the whole amount), restored by its undo. */
  previousOpenAmountFC?: InputMaybe<DecimalFilter>;
  /** Previous status (PreviousStatus). The line's ReconciliationStatus before the action (empty: never looked at), restored by its undo. */
  previousStatus?: InputMaybe<IntFilter>;
  /** Proposal (Proposal). The proposal accepted (ACCEPT, AUTO). */
  proposalID?: InputMaybe<IdFilter>;
  /** Reason (Reason). Why the line was ignored (IGNORE), or a note of the user. */
  reason?: InputMaybe<StringFilter>;
  /** Undo of (UndoOf). The action an UNDO undid. */
  undoOfID?: InputMaybe<IdFilter>;
  /** Undone (Undone). When the action was undone; empty while it holds. */
  undone?: InputMaybe<DateTimeFilter>;
  /** Undone by (UndoneBy). User ID of who undid the action. */
  undoneByID?: InputMaybe<IdFilter>;
};

/** Conditions on aggregated amounts of Reconciliation matches. */
export type ReconciliationMatchAmountsFilter = {
  /** Amount (AmountFC). Part of the line applied, in the line's currency and sign. */
  amountFC?: InputMaybe<DecimalFilter>;
  /** Payment difference (DifferenceFC). Difference booked to the payment difference G/L account (GLAccount), in the line's sign: the item's amount minus the amount applied, within the division tolerance. */
  differenceFC?: InputMaybe<DecimalFilter>;
};

/** A group-by key of Reconciliation matches. */
export type ReconciliationMatchGroupBy = {
  /** Time bucket for a date column (default day); BAD_USER_INPUT on any other column. */
  bucket?: InputMaybe<DateBucket>;
  /** Column to group by. */
  field: ReconciliationMatchGroupField;
};

/** Columns Reconciliation matches can be grouped by (date columns by a time bucket). */
export enum ReconciliationMatchGroupField {
  /** Account (Account). The customer or supplier of the item. */
  AccountId = 'accountID',
  /** Action (Action). The action that made the match. */
  ActionId = 'actionID',
  /** Bank entry line (BankEntryLine). The bank entry line that settled the item. */
  BankEntryLineId = 'bankEntryLineID',
  /** Created (Created). When the row was written. */
  Created = 'created',
  /** Creator (Creator). User ID of who wrote it (the user of the import for automatic matches). */
  CreatorId = 'creatorID',
  /** Division (Division). Division code. */
  DivisionCode = 'divisionCode',
  /** G/L account (GLAccount). The G/L account booked (GLACCOUNT) or the payment difference account. */
  GlAccountId = 'glAccountID',
  /** ID (ID). Identifier of the match. */
  Id = 'id',
  /** Match type (MatchType). RECEIVABLE, PAYMENT, GLACCOUNT or CREDIT. */
  MatchType = 'matchType',
  /** Part (Part). The part of a split line that settled the item (ReconciliationParts); empty for the whole line. */
  PartId = 'partID',
  /** Payment (Payment). The payment settled (PAYMENT). */
  PaymentId = 'paymentID',
  /** Previous values (PreviousValues). The columns of the item the match changed, as they were before (JSON by Exact column name): what the undo restores. */
  PreviousValues = 'previousValues',
  /** Receivable (Receivable). The receivable settled (RECEIVABLE) or made (CREDIT). */
  ReceivableId = 'receivableID',
  /** Remainder item (RemainderItem). For a partial match: the new open part that keeps the remaining amount (as a split makes it); removed again by the undo. */
  RemainderItemId = 'remainderItemID',
  /** Undone (Undone). When the match was undone; empty while it holds. */
  Undone = 'undone',
  /** Undone by (UndoneBy). User ID of who undid the match. */
  UndoneById = 'undoneByID'
}

/** An ordering of groups of Reconciliation matches. */
export type ReconciliationMatchGroupOrderBy = {
  direction?: InputMaybe<SortDirection>;
  /** Group key or aggregate to order by. */
  field: ReconciliationMatchGroupOrderField;
};

/** What groups of Reconciliation matches can be ordered by: a group key, count, or function_amount. */
export enum ReconciliationMatchGroupOrderField {
  AccountId = 'accountID',
  ActionId = 'actionID',
  AvgAmountFc = 'avg_amountFC',
  AvgDifferenceFc = 'avg_differenceFC',
  BankEntryLineId = 'bankEntryLineID',
  Count = 'count',
  Created = 'created',
  CreatorId = 'creatorID',
  DivisionCode = 'divisionCode',
  GlAccountId = 'glAccountID',
  Id = 'id',
  MatchType = 'matchType',
  MaxAmountFc = 'max_amountFC',
  MaxDifferenceFc = 'max_differenceFC',
  MinAmountFc = 'min_amountFC',
  MinDifferenceFc = 'min_differenceFC',
  PartId = 'partID',
  PaymentId = 'paymentID',
  PreviousValues = 'previousValues',
  ReceivableId = 'receivableID',
  RemainderItemId = 'remainderItemID',
  SumAmountFc = 'sum_amountFC',
  SumDifferenceFc = 'sum_differenceFC',
  Undone = 'undone',
  UndoneById = 'undoneByID'
}

/** Conditions on groups of Reconciliation matches (SQL HAVING); all must hold. */
export type ReconciliationMatchHaving = {
  /** Conditions on the avg of amounts. */
  avg?: InputMaybe<ReconciliationMatchAmountsFilter>;
  /** Condition on the number of rows in the group. */
  count?: InputMaybe<IntFilter>;
  /** Conditions on the max of amounts. */
  max?: InputMaybe<ReconciliationMatchAmountsFilter>;
  /** Conditions on the min of amounts. */
  min?: InputMaybe<ReconciliationMatchAmountsFilter>;
  /** Conditions on the sum of amounts. */
  sum?: InputMaybe<ReconciliationMatchAmountsFilter>;
};

/** A sort key for Reconciliation matches: `field` or one to-one relation (`{ account: name }`); lists always end with the primary key so the order is stable. */
export type ReconciliationMatchOrderBy = {
  /** Sort on a column of account (Accounts) instead. */
  account?: InputMaybe<AccountSortField>;
  /** Sort on a column of action (ReconciliationActions) instead. */
  action?: InputMaybe<ReconciliationActionSortField>;
  /** Sort on a column of bankEntryLine (BankEntryLines) instead. */
  bankEntryLine?: InputMaybe<BankEntryLineSortField>;
  /** Direction (ascending by default). */
  direction?: InputMaybe<SortDirection>;
  /** Sort on a column of division (Divisions) instead. */
  division?: InputMaybe<DivisionSortField>;
  /** Column of this table to sort on (give this or one relation). */
  field?: InputMaybe<ReconciliationMatchSortField>;
  /** Sort on a column of glAccount (GLAccounts) instead. */
  glAccount?: InputMaybe<GlAccountSortField>;
  /** Where empty values go. */
  nulls?: InputMaybe<NullsOrder>;
  /** Sort on a column of part (ReconciliationParts) instead. */
  part?: InputMaybe<ReconciliationPartSortField>;
  /** Sort on a column of payment (Payments) instead. */
  payment?: InputMaybe<PaymentSortField>;
  /** Sort on a column of receivable (Receivables) instead. */
  receivable?: InputMaybe<ReceivableSortField>;
};

/** Columns Reconciliation matches can be sorted on. */
export enum ReconciliationMatchSortField {
  /** Account (Account). The customer or supplier of the item. */
  AccountId = 'accountID',
  /** Action (Action). The action that made the match. */
  ActionId = 'actionID',
  /** Amount (AmountFC). Part of the line applied, in the line's currency and sign. */
  AmountFc = 'amountFC',
  /** Bank entry line (BankEntryLine). The bank entry line that settled the item. */
  BankEntryLineId = 'bankEntryLineID',
  /** Created (Created). When the row was written. */
  Created = 'created',
  /** Creator (Creator). User ID of who wrote it (the user of the import for automatic matches). */
  CreatorId = 'creatorID',
  /** Payment difference (DifferenceFC). Difference booked to the payment difference G/L account (GLAccount), in the line's sign: the item's amount minus the amount applied, within the division tolerance. */
  DifferenceFc = 'differenceFC',
  /** Division (Division). Division code. */
  DivisionCode = 'divisionCode',
  /** G/L account (GLAccount). The G/L account booked (GLACCOUNT) or the payment difference account. */
  GlAccountId = 'glAccountID',
  /** ID (ID). Identifier of the match. */
  Id = 'id',
  /** Match type (MatchType). RECEIVABLE, PAYMENT, GLACCOUNT or CREDIT. */
  MatchType = 'matchType',
  /** Part (Part). The part of a split line that settled the item (ReconciliationParts); empty for the whole line. */
  PartId = 'partID',
  /** Payment (Payment). The payment settled (PAYMENT). */
  PaymentId = 'paymentID',
  /** Previous values (PreviousValues). The columns of the item the match changed, as they were before (JSON by Exact column name): what the undo restores. */
  PreviousValues = 'previousValues',
  /** Receivable (Receivable). The receivable settled (RECEIVABLE) or made (CREDIT). */
  ReceivableId = 'receivableID',
  /** Remainder item (RemainderItem). For a partial match: the new open part that keeps the remaining amount (as a split makes it); removed again by the undo. */
  RemainderItemId = 'remainderItemID',
  /** Undone (Undone). When the match was undone; empty while it holds. */
  Undone = 'undone',
  /** Undone by (UndoneBy). User ID of who undid the match. */
  UndoneById = 'undoneByID'
}

/** Filter on Reconciliation matches (ReconciliationMatches): every field given must hold. */
export type ReconciliationMatchWhere = {
  /** Rows whose account matches (The customer or supplier.); compiled to EXISTS. */
  account?: InputMaybe<AccountWhere>;
  /** Account (Account). The customer or supplier of the item. */
  accountID?: InputMaybe<IdFilter>;
  /** Rows whose action matches (The action that made the match.); compiled to EXISTS. */
  action?: InputMaybe<ReconciliationActionWhere>;
  /** Action (Action). The action that made the match. */
  actionID?: InputMaybe<IdFilter>;
  /** Amount (AmountFC). Part of the line applied, in the line's currency and sign. */
  amountFC?: InputMaybe<DecimalFilter>;
  /** All of these filters hold. */
  and?: InputMaybe<Array<ReconciliationMatchWhere>>;
  /** Rows whose bankEntryLine matches (The bank entry line that settled the item.); compiled to EXISTS. */
  bankEntryLine?: InputMaybe<BankEntryLineWhere>;
  /** Bank entry line (BankEntryLine). The bank entry line that settled the item. */
  bankEntryLineID?: InputMaybe<IdFilter>;
  /** Created (Created). When the row was written. */
  created?: InputMaybe<DateTimeFilter>;
  /** Creator (Creator). User ID of who wrote it (the user of the import for automatic matches). */
  creatorID?: InputMaybe<IdFilter>;
  /** Payment difference (DifferenceFC). Difference booked to the payment difference G/L account (GLAccount), in the line's sign: the item's amount minus the amount applied, within the division tolerance. */
  differenceFC?: InputMaybe<DecimalFilter>;
  /** Rows whose division matches (Division of the match.); compiled to EXISTS. */
  division?: InputMaybe<DivisionWhere>;
  /** Division (Division). Division code. */
  divisionCode?: InputMaybe<IntFilter>;
  /** Rows whose glAccount matches (The G/L account booked.); compiled to EXISTS. */
  glAccount?: InputMaybe<GlAccountWhere>;
  /** G/L account (GLAccount). The G/L account booked (GLACCOUNT) or the payment difference account. */
  glAccountID?: InputMaybe<IdFilter>;
  /** ID (ID). Identifier of the match. */
  id?: InputMaybe<IdFilter>;
  /** Match type (MatchType). RECEIVABLE, PAYMENT, GLACCOUNT or CREDIT. */
  matchType?: InputMaybe<StringFilter>;
  /** This filter does not hold. */
  not?: InputMaybe<ReconciliationMatchWhere>;
  /** At least one of these filters holds. */
  or?: InputMaybe<Array<ReconciliationMatchWhere>>;
  /** Rows whose part matches (The part of a split line that settled the item.); compiled to EXISTS. */
  part?: InputMaybe<ReconciliationPartWhere>;
  /** Part (Part). The part of a split line that settled the item (ReconciliationParts); empty for the whole line. */
  partID?: InputMaybe<IdFilter>;
  /** Rows whose payment matches (The payment settled.); compiled to EXISTS. */
  payment?: InputMaybe<PaymentWhere>;
  /** Payment (Payment). The payment settled (PAYMENT). */
  paymentID?: InputMaybe<IdFilter>;
  /** Previous values (PreviousValues). The columns of the item the match changed, as they were before (JSON by Exact column name): what the undo restores. */
  previousValues?: InputMaybe<StringFilter>;
  /** Rows whose receivable matches (The receivable settled or made.); compiled to EXISTS. */
  receivable?: InputMaybe<ReceivableWhere>;
  /** Receivable (Receivable). The receivable settled (RECEIVABLE) or made (CREDIT). */
  receivableID?: InputMaybe<IdFilter>;
  /** Remainder item (RemainderItem). For a partial match: the new open part that keeps the remaining amount (as a split makes it); removed again by the undo. */
  remainderItemID?: InputMaybe<IdFilter>;
  /** Undone (Undone). When the match was undone; empty while it holds. */
  undone?: InputMaybe<DateTimeFilter>;
  /** Undone by (UndoneBy). User ID of who undid the match. */
  undoneByID?: InputMaybe<IdFilter>;
};

/** Conditions on aggregated amounts of Bank entry line parts. */
export type ReconciliationPartAmountsFilter = {
  /** Amount (AmountFC). The part's amount, in the line's currency and sign. */
  amountFC?: InputMaybe<DecimalFilter>;
  /** Open amount (OpenAmountFC). Part not yet settled (an over-payment that stays on the part); empty while nothing is settled (the whole AmountFC). */
  openAmountFC?: InputMaybe<DecimalFilter>;
};

/** A group-by key of Bank entry line parts. */
export type ReconciliationPartGroupBy = {
  /** Time bucket for a date column (default day); BAD_USER_INPUT on any other column. */
  bucket?: InputMaybe<DateBucket>;
  /** Column to group by. */
  field: ReconciliationPartGroupField;
};

/** Columns Bank entry line parts can be grouped by (date columns by a time bucket). */
export enum ReconciliationPartGroupField {
  /** Action (Action). The SPLIT action that made the part. */
  ActionId = 'actionID',
  /** Bank entry line (BankEntryLine). The bank entry line split. */
  BankEntryLineId = 'bankEntryLineID',
  /** Created (Created). When the row was written. */
  Created = 'created',
  /** Creator (Creator). User ID of who wrote it (the user of the import for automatic matches). */
  CreatorId = 'creatorID',
  /** Description (Description). What the part is for (the user’s note). */
  Description = 'description',
  /** Division (Division). Division code. */
  DivisionCode = 'divisionCode',
  /** ID (ID). Identifier of the part. */
  Id = 'id',
  /** Part number (PartNumber). 1, 2, ... in the order given. */
  PartNumber = 'partNumber',
  /** Reconciliation status (ReconciliationStatus). Where the part stands: 10 Open, 50 Matched, 60 Ignored, as a line (docs/reconciliation.md). */
  ReconciliationStatus = 'reconciliationStatus',
  /** Undone (Undone). When the split was undone; empty while it holds. */
  Undone = 'undone',
  /** Undone by (UndoneBy). User ID of who undid the split. */
  UndoneById = 'undoneByID'
}

/** An ordering of groups of Bank entry line parts. */
export type ReconciliationPartGroupOrderBy = {
  direction?: InputMaybe<SortDirection>;
  /** Group key or aggregate to order by. */
  field: ReconciliationPartGroupOrderField;
};

/** What groups of Bank entry line parts can be ordered by: a group key, count, or function_amount. */
export enum ReconciliationPartGroupOrderField {
  ActionId = 'actionID',
  AvgAmountFc = 'avg_amountFC',
  AvgOpenAmountFc = 'avg_openAmountFC',
  BankEntryLineId = 'bankEntryLineID',
  Count = 'count',
  Created = 'created',
  CreatorId = 'creatorID',
  Description = 'description',
  DivisionCode = 'divisionCode',
  Id = 'id',
  MaxAmountFc = 'max_amountFC',
  MaxOpenAmountFc = 'max_openAmountFC',
  MinAmountFc = 'min_amountFC',
  MinOpenAmountFc = 'min_openAmountFC',
  PartNumber = 'partNumber',
  ReconciliationStatus = 'reconciliationStatus',
  SumAmountFc = 'sum_amountFC',
  SumOpenAmountFc = 'sum_openAmountFC',
  Undone = 'undone',
  UndoneById = 'undoneByID'
}

/** Conditions on groups of Bank entry line parts (SQL HAVING); all must hold. */
export type ReconciliationPartHaving = {
  /** Conditions on the avg of amounts. */
  avg?: InputMaybe<ReconciliationPartAmountsFilter>;
  /** Condition on the number of rows in the group. */
  count?: InputMaybe<IntFilter>;
  /** Conditions on the max of amounts. */
  max?: InputMaybe<ReconciliationPartAmountsFilter>;
  /** Conditions on the min of amounts. */
  min?: InputMaybe<ReconciliationPartAmountsFilter>;
  /** Conditions on the sum of amounts. */
  sum?: InputMaybe<ReconciliationPartAmountsFilter>;
};

/** A sort key for Bank entry line parts: `field` or one to-one relation (`{ account: name }`); lists always end with the primary key so the order is stable. */
export type ReconciliationPartOrderBy = {
  /** Sort on a column of action (ReconciliationActions) instead. */
  action?: InputMaybe<ReconciliationActionSortField>;
  /** Sort on a column of bankEntryLine (BankEntryLines) instead. */
  bankEntryLine?: InputMaybe<BankEntryLineSortField>;
  /** Direction (ascending by default). */
  direction?: InputMaybe<SortDirection>;
  /** Sort on a column of division (Divisions) instead. */
  division?: InputMaybe<DivisionSortField>;
  /** Column of this table to sort on (give this or one relation). */
  field?: InputMaybe<ReconciliationPartSortField>;
  /** Where empty values go. */
  nulls?: InputMaybe<NullsOrder>;
};

/** Columns Bank entry line parts can be sorted on. */
export enum ReconciliationPartSortField {
  /** Action (Action). The SPLIT action that made the part. */
  ActionId = 'actionID',
  /** Amount (AmountFC). The part's amount, in the line's currency and sign. */
  AmountFc = 'amountFC',
  /** Bank entry line (BankEntryLine). The bank entry line split. */
  BankEntryLineId = 'bankEntryLineID',
  /** Created (Created). When the row was written. */
  Created = 'created',
  /** Creator (Creator). User ID of who wrote it (the user of the import for automatic matches). */
  CreatorId = 'creatorID',
  /** Description (Description). What the part is for (the user’s note). */
  Description = 'description',
  /** Division (Division). Division code. */
  DivisionCode = 'divisionCode',
  /** ID (ID). Identifier of the part. */
  Id = 'id',
  /** Open amount (OpenAmountFC). Part not yet settled (an over-payment that stays on the part); empty while nothing is settled (the whole AmountFC). */
  OpenAmountFc = 'openAmountFC',
  /** Part number (PartNumber). 1, 2, ... in the order given. */
  PartNumber = 'partNumber',
  /** Reconciliation status (ReconciliationStatus). Where the part stands: 10 Open, 50 Matched, 60 Ignored, as a line (docs/reconciliation.md). */
  ReconciliationStatus = 'reconciliationStatus',
  /** Undone (Undone). When the split was undone; empty while it holds. */
  Undone = 'undone',
  /** Undone by (UndoneBy). User ID of who undid the split. */
  UndoneById = 'undoneByID'
}

/** Filter on Bank entry line parts (ReconciliationParts): every field given must hold. */
export type ReconciliationPartWhere = {
  /** Rows whose action matches (The SPLIT action that made the part.); compiled to EXISTS. */
  action?: InputMaybe<ReconciliationActionWhere>;
  /** Action (Action). The SPLIT action that made the part. */
  actionID?: InputMaybe<IdFilter>;
  /** Amount (AmountFC). The part's amount, in the line's currency and sign. */
  amountFC?: InputMaybe<DecimalFilter>;
  /** All of these filters hold. */
  and?: InputMaybe<Array<ReconciliationPartWhere>>;
  /** Rows whose bankEntryLine matches (The bank entry line split.); compiled to EXISTS. */
  bankEntryLine?: InputMaybe<BankEntryLineWhere>;
  /** Bank entry line (BankEntryLine). The bank entry line split. */
  bankEntryLineID?: InputMaybe<IdFilter>;
  /** Created (Created). When the row was written. */
  created?: InputMaybe<DateTimeFilter>;
  /** Creator (Creator). User ID of who wrote it (the user of the import for automatic matches). */
  creatorID?: InputMaybe<IdFilter>;
  /** Description (Description). What the part is for (the user’s note). */
  description?: InputMaybe<StringFilter>;
  /** Rows whose division matches (Division of the part.); compiled to EXISTS. */
  division?: InputMaybe<DivisionWhere>;
  /** Division (Division). Division code. */
  divisionCode?: InputMaybe<IntFilter>;
  /** ID (ID). Identifier of the part. */
  id?: InputMaybe<IdFilter>;
  /** This filter does not hold. */
  not?: InputMaybe<ReconciliationPartWhere>;
  /** Open amount (OpenAmountFC). Part not yet settled (an over-payment that stays on the part); empty while nothing is settled (the whole AmountFC). */
  openAmountFC?: InputMaybe<DecimalFilter>;
  /** At least one of these filters holds. */
  or?: InputMaybe<Array<ReconciliationPartWhere>>;
  /** Part number (PartNumber). 1, 2, ... in the order given. */
  partNumber?: InputMaybe<IntFilter>;
  /** Reconciliation status (ReconciliationStatus). Where the part stands: 10 Open, 50 Matched, 60 Ignored, as a line (docs/reconciliation.md). */
  reconciliationStatus?: InputMaybe<IntFilter>;
  /** Undone (Undone). When the split was undone; empty while it holds. */
  undone?: InputMaybe<DateTimeFilter>;
  /** Undone by (UndoneBy). User ID of who undid the split. */
  undoneByID?: InputMaybe<IdFilter>;
};

/** Conditions on aggregated amounts of Reconciliation proposals. */
export type ReconciliationProposalAmountsFilter = {
  /** Confidence (Confidence). How sure the engine is, from 0 to 1. */
  confidence?: InputMaybe<DecimalFilter>;
  /** Difference (DifferenceFC). The line's amount minus what the items settle. */
  differenceFC?: InputMaybe<DecimalFilter>;
};

/** A group-by key of Reconciliation proposals. */
export type ReconciliationProposalGroupBy = {
  /** Time bucket for a date column (default day); BAD_USER_INPUT on any other column. */
  bucket?: InputMaybe<DateBucket>;
  /** Column to group by. */
  field: ReconciliationProposalGroupField;
};

/** Columns Reconciliation proposals can be grouped by (date columns by a time bucket). */
export enum ReconciliationProposalGroupField {
  /** Account (Account). The counterparty the engine decided. */
  AccountId = 'accountID',
  /** Bank entry line (BankEntryLine). The bank entry line the proposal is for. */
  BankEntryLineId = 'bankEntryLineID',
  /** Created (Created). When the row was written. */
  Created = 'created',
  /** Creator (Creator). User ID of who wrote it (the user of the import for automatic matches). */
  CreatorId = 'creatorID',
  /** Division (Division). Division code. */
  DivisionCode = 'divisionCode',
  /** G/L account (GLAccount). The G/L account proposed (GLACCOUNT). */
  GlAccountId = 'glAccountID',
  /** ID (ID). Identifier of the proposal. */
  Id = 'id',
  /** Items (Items). The open items proposed with the amount applied to each (JSON list of {id, amountFC}; amounts in the sign of the item). */
  Items = 'items',
  /** Match type (MatchType). RECEIVABLES, PAYMENTS, BATCH or GLACCOUNT. */
  MatchType = 'matchType',
  /** Rank (Rank). 1 for the line's best proposal, then 2, 3, ... */
  Rank = 'rank',
  /** Reasons (Reasons). Why: JSON list of {rule, fields, detail}. */
  Reasons = 'reasons',
  /** Status (Status). PROPOSED, ACCEPTED or SUPERSEDED (a newer proposal or a match replaced it). */
  Status = 'status'
}

/** An ordering of groups of Reconciliation proposals. */
export type ReconciliationProposalGroupOrderBy = {
  direction?: InputMaybe<SortDirection>;
  /** Group key or aggregate to order by. */
  field: ReconciliationProposalGroupOrderField;
};

/** What groups of Reconciliation proposals can be ordered by: a group key, count, or function_amount. */
export enum ReconciliationProposalGroupOrderField {
  AccountId = 'accountID',
  AvgConfidence = 'avg_confidence',
  AvgDifferenceFc = 'avg_differenceFC',
  BankEntryLineId = 'bankEntryLineID',
  Count = 'count',
  Created = 'created',
  CreatorId = 'creatorID',
  DivisionCode = 'divisionCode',
  GlAccountId = 'glAccountID',
  Id = 'id',
  Items = 'items',
  MatchType = 'matchType',
  MaxConfidence = 'max_confidence',
  MaxDifferenceFc = 'max_differenceFC',
  MinConfidence = 'min_confidence',
  MinDifferenceFc = 'min_differenceFC',
  Rank = 'rank',
  Reasons = 'reasons',
  Status = 'status',
  SumConfidence = 'sum_confidence',
  SumDifferenceFc = 'sum_differenceFC'
}

/** Conditions on groups of Reconciliation proposals (SQL HAVING); all must hold. */
export type ReconciliationProposalHaving = {
  /** Conditions on the avg of amounts. */
  avg?: InputMaybe<ReconciliationProposalAmountsFilter>;
  /** Condition on the number of rows in the group. */
  count?: InputMaybe<IntFilter>;
  /** Conditions on the max of amounts. */
  max?: InputMaybe<ReconciliationProposalAmountsFilter>;
  /** Conditions on the min of amounts. */
  min?: InputMaybe<ReconciliationProposalAmountsFilter>;
  /** Conditions on the sum of amounts. */
  sum?: InputMaybe<ReconciliationProposalAmountsFilter>;
};

/** A sort key for Reconciliation proposals: `field` or one to-one relation (`{ account: name }`); lists always end with the primary key so the order is stable. */
export type ReconciliationProposalOrderBy = {
  /** Sort on a column of bankEntryLine (BankEntryLines) instead. */
  bankEntryLine?: InputMaybe<BankEntryLineSortField>;
  /** Direction (ascending by default). */
  direction?: InputMaybe<SortDirection>;
  /** Sort on a column of division (Divisions) instead. */
  division?: InputMaybe<DivisionSortField>;
  /** Column of this table to sort on (give this or one relation). */
  field?: InputMaybe<ReconciliationProposalSortField>;
  /** Where empty values go. */
  nulls?: InputMaybe<NullsOrder>;
};

/** Columns Reconciliation proposals can be sorted on. */
export enum ReconciliationProposalSortField {
  /** Account (Account). The counterparty the engine decided. */
  AccountId = 'accountID',
  /** Bank entry line (BankEntryLine). The bank entry line the proposal is for. */
  BankEntryLineId = 'bankEntryLineID',
  /** Confidence (Confidence). How sure the engine is, from 0 to 1. */
  Confidence = 'confidence',
  /** Created (Created). When the row was written. */
  Created = 'created',
  /** Creator (Creator). User ID of who wrote it (the user of the import for automatic matches). */
  CreatorId = 'creatorID',
  /** Difference (DifferenceFC). The line's amount minus what the items settle. */
  DifferenceFc = 'differenceFC',
  /** Division (Division). Division code. */
  DivisionCode = 'divisionCode',
  /** G/L account (GLAccount). The G/L account proposed (GLACCOUNT). */
  GlAccountId = 'glAccountID',
  /** ID (ID). Identifier of the proposal. */
  Id = 'id',
  /** Items (Items). The open items proposed with the amount applied to each (JSON list of {id, amountFC}; amounts in the sign of the item). */
  Items = 'items',
  /** Match type (MatchType). RECEIVABLES, PAYMENTS, BATCH or GLACCOUNT. */
  MatchType = 'matchType',
  /** Rank (Rank). 1 for the line's best proposal, then 2, 3, ... */
  Rank = 'rank',
  /** Reasons (Reasons). Why: JSON list of {rule, fields, detail}. */
  Reasons = 'reasons',
  /** Status (Status). PROPOSED, ACCEPTED or SUPERSEDED (a newer proposal or a match replaced it). */
  Status = 'status'
}

/** Filter on Reconciliation proposals (ReconciliationProposals): every field given must hold. */
export type ReconciliationProposalWhere = {
  /** Account (Account). The counterparty the engine decided. */
  accountID?: InputMaybe<IdFilter>;
  /** All of these filters hold. */
  and?: InputMaybe<Array<ReconciliationProposalWhere>>;
  /** Rows whose bankEntryLine matches (The bank entry line the proposal is for.); compiled to EXISTS. */
  bankEntryLine?: InputMaybe<BankEntryLineWhere>;
  /** Bank entry line (BankEntryLine). The bank entry line the proposal is for. */
  bankEntryLineID?: InputMaybe<IdFilter>;
  /** Confidence (Confidence). How sure the engine is, from 0 to 1. */
  confidence?: InputMaybe<DecimalFilter>;
  /** Created (Created). When the row was written. */
  created?: InputMaybe<DateTimeFilter>;
  /** Creator (Creator). User ID of who wrote it (the user of the import for automatic matches). */
  creatorID?: InputMaybe<IdFilter>;
  /** Difference (DifferenceFC). The line's amount minus what the items settle. */
  differenceFC?: InputMaybe<DecimalFilter>;
  /** Rows whose division matches (Division of the proposal.); compiled to EXISTS. */
  division?: InputMaybe<DivisionWhere>;
  /** Division (Division). Division code. */
  divisionCode?: InputMaybe<IntFilter>;
  /** G/L account (GLAccount). The G/L account proposed (GLACCOUNT). */
  glAccountID?: InputMaybe<IdFilter>;
  /** ID (ID). Identifier of the proposal. */
  id?: InputMaybe<IdFilter>;
  /** Items (Items). The open items proposed with the amount applied to each (JSON list of {id, amountFC}; amounts in the sign of the item). */
  items?: InputMaybe<StringFilter>;
  /** Match type (MatchType). RECEIVABLES, PAYMENTS, BATCH or GLACCOUNT. */
  matchType?: InputMaybe<StringFilter>;
  /** This filter does not hold. */
  not?: InputMaybe<ReconciliationProposalWhere>;
  /** At least one of these filters holds. */
  or?: InputMaybe<Array<ReconciliationProposalWhere>>;
  /** Rank (Rank). 1 for the line's best proposal, then 2, 3, ... */
  rank?: InputMaybe<IntFilter>;
  /** Reasons (Reasons). Why: JSON list of {rule, fields, detail}. */
  reasons?: InputMaybe<StringFilter>;
  /** Status (Status). PROPOSED, ACCEPTED or SUPERSEDED (a newer proposal or a match replaced it). */
  status?: InputMaybe<StringFilter>;
};

/** Conditions on aggregated amounts of Reconciliation settings. */
export type ReconciliationSettingAmountsFilter = {
  /** Automatic threshold (AutoApplyThreshold). Proposals from this confidence on are applied. */
  autoApplyThreshold?: InputMaybe<DecimalFilter>;
  /** Tolerance (ToleranceFC). Largest payment difference (absolute) that may be booked. */
  toleranceFC?: InputMaybe<DecimalFilter>;
};

/** A group-by key of Reconciliation settings. */
export type ReconciliationSettingGroupBy = {
  /** Time bucket for a date column (default day); BAD_USER_INPUT on any other column. */
  bucket?: InputMaybe<DateBucket>;
  /** Column to group by. */
  field: ReconciliationSettingGroupField;
};

/** Columns Reconciliation settings can be grouped by (date columns by a time bucket). */
export enum ReconciliationSettingGroupField {
  /** Division (Division). Division code. */
  DivisionCode = 'divisionCode',
  /** Modified (Modified). Last modified date. */
  Modified = 'modified',
  /** Modifier (Modifier). User ID of modifier. */
  ModifierId = 'modifierID',
  /** Payment difference G/L account (PaymentDifferenceGLAccount). Where payment differences are booked (transaction type 83, Payment difference). */
  PaymentDifferenceGlAccountId = 'paymentDifferenceGLAccountID'
}

/** An ordering of groups of Reconciliation settings. */
export type ReconciliationSettingGroupOrderBy = {
  direction?: InputMaybe<SortDirection>;
  /** Group key or aggregate to order by. */
  field: ReconciliationSettingGroupOrderField;
};

/** What groups of Reconciliation settings can be ordered by: a group key, count, or function_amount. */
export enum ReconciliationSettingGroupOrderField {
  AvgAutoApplyThreshold = 'avg_autoApplyThreshold',
  AvgToleranceFc = 'avg_toleranceFC',
  Count = 'count',
  DivisionCode = 'divisionCode',
  MaxAutoApplyThreshold = 'max_autoApplyThreshold',
  MaxToleranceFc = 'max_toleranceFC',
  MinAutoApplyThreshold = 'min_autoApplyThreshold',
  MinToleranceFc = 'min_toleranceFC',
  Modified = 'modified',
  ModifierId = 'modifierID',
  PaymentDifferenceGlAccountId = 'paymentDifferenceGLAccountID',
  SumAutoApplyThreshold = 'sum_autoApplyThreshold',
  SumToleranceFc = 'sum_toleranceFC'
}

/** Conditions on groups of Reconciliation settings (SQL HAVING); all must hold. */
export type ReconciliationSettingHaving = {
  /** Conditions on the avg of amounts. */
  avg?: InputMaybe<ReconciliationSettingAmountsFilter>;
  /** Condition on the number of rows in the group. */
  count?: InputMaybe<IntFilter>;
  /** Conditions on the max of amounts. */
  max?: InputMaybe<ReconciliationSettingAmountsFilter>;
  /** Conditions on the min of amounts. */
  min?: InputMaybe<ReconciliationSettingAmountsFilter>;
  /** Conditions on the sum of amounts. */
  sum?: InputMaybe<ReconciliationSettingAmountsFilter>;
};

/** A sort key for Reconciliation settings: `field` or one to-one relation (`{ account: name }`); lists always end with the primary key so the order is stable. */
export type ReconciliationSettingOrderBy = {
  /** Direction (ascending by default). */
  direction?: InputMaybe<SortDirection>;
  /** Sort on a column of division (Divisions) instead. */
  division?: InputMaybe<DivisionSortField>;
  /** Column of this table to sort on (give this or one relation). */
  field?: InputMaybe<ReconciliationSettingSortField>;
  /** Where empty values go. */
  nulls?: InputMaybe<NullsOrder>;
  /** Sort on a column of paymentDifferenceGLAccount (GLAccounts) instead. */
  paymentDifferenceGLAccount?: InputMaybe<GlAccountSortField>;
};

/** Columns Reconciliation settings can be sorted on. */
export enum ReconciliationSettingSortField {
  /** Automatic threshold (AutoApplyThreshold). Proposals from this confidence on are applied. */
  AutoApplyThreshold = 'autoApplyThreshold',
  /** Division (Division). Division code. */
  DivisionCode = 'divisionCode',
  /** Modified (Modified). Last modified date. */
  Modified = 'modified',
  /** Modifier (Modifier). User ID of modifier. */
  ModifierId = 'modifierID',
  /** Payment difference G/L account (PaymentDifferenceGLAccount). Where payment differences are booked (transaction type 83, Payment difference). */
  PaymentDifferenceGlAccountId = 'paymentDifferenceGLAccountID',
  /** Tolerance (ToleranceFC). Largest payment difference (absolute) that may be booked. */
  ToleranceFc = 'toleranceFC'
}

/** Filter on Reconciliation settings (ReconciliationSettings): every field given must hold. */
export type ReconciliationSettingWhere = {
  /** All of these filters hold. */
  and?: InputMaybe<Array<ReconciliationSettingWhere>>;
  /** Automatic threshold (AutoApplyThreshold). Proposals from this confidence on are applied. */
  autoApplyThreshold?: InputMaybe<DecimalFilter>;
  /** Rows whose division matches (Division of the settings.); compiled to EXISTS. */
  division?: InputMaybe<DivisionWhere>;
  /** Division (Division). Division code. */
  divisionCode?: InputMaybe<IntFilter>;
  /** Modified (Modified). Last modified date. */
  modified?: InputMaybe<DateTimeFilter>;
  /** Modifier (Modifier). User ID of modifier. */
  modifierID?: InputMaybe<IdFilter>;
  /** This filter does not hold. */
  not?: InputMaybe<ReconciliationSettingWhere>;
  /** At least one of these filters holds. */
  or?: InputMaybe<Array<ReconciliationSettingWhere>>;
  /** Rows whose paymentDifferenceGLAccount matches (The payment difference G/L account.); compiled to EXISTS. */
  paymentDifferenceGLAccount?: InputMaybe<GlAccountWhere>;
  /** Payment difference G/L account (PaymentDifferenceGLAccount). Where payment differences are booked (transaction type 83, Payment difference). */
  paymentDifferenceGLAccountID?: InputMaybe<IdFilter>;
  /** Tolerance (ToleranceFC). Largest payment difference (absolute) that may be booked. */
  toleranceFC?: InputMaybe<DecimalFilter>;
};

/** A division's reconciliation settings; fields left out keep their value. */
export type ReconciliationSettingsInput = {
  /** Confidence (0 to 1) from which proposals are applied automatically. */
  autoApplyThreshold?: InputMaybe<Scalars['Decimal']['input']>;
  divisionCode: Scalars['Int']['input'];
  /** G/L account of payment differences (null: none). */
  paymentDifferenceGLAccountID?: InputMaybe<Scalars['UUID']['input']>;
  /** Largest payment difference that may be booked (0 or more). */
  toleranceFC?: InputMaybe<Scalars['Decimal']['input']>;
};

/** Operators on a large whole-number column. */
export type SafeIntFilter = {
  between?: InputMaybe<SafeIntRange>;
  eq?: InputMaybe<Scalars['SafeInt']['input']>;
  gt?: InputMaybe<Scalars['SafeInt']['input']>;
  gte?: InputMaybe<Scalars['SafeInt']['input']>;
  in?: InputMaybe<Array<Scalars['SafeInt']['input']>>;
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
  lt?: InputMaybe<Scalars['SafeInt']['input']>;
  lte?: InputMaybe<Scalars['SafeInt']['input']>;
  ne?: InputMaybe<Scalars['SafeInt']['input']>;
  notIn?: InputMaybe<Array<Scalars['SafeInt']['input']>>;
};

/** Inclusive range for `between`. */
export type SafeIntRange = {
  from: Scalars['SafeInt']['input'];
  to: Scalars['SafeInt']['input'];
};

/** Ascending or descending. */
export enum SortDirection {
  Asc = 'ASC',
  Desc = 'DESC'
}

/** TEXT: the file as a string (UTF-8); BASE64: its bytes in base64 (any encoding, e.g. ISO-8859-1 CODA). */
export enum StatementContentEncoding {
  Base64 = 'BASE64',
  Text = 'TEXT'
}

/** CODA (Febelfin 2.6/2.8), camt.053 (ISO 20022 .001.02 to .13) or MT940 (SWIFT, Dutch banks). */
export enum StatementFileFormat {
  Camt053 = 'CAMT053',
  Coda = 'CODA',
  Mt940 = 'MT940'
}

/** One bank statement file to import. */
export type StatementFileUpload = {
  /** The file: text, or base64 of its bytes (see encoding). */
  content: Scalars['String']['input'];
  /** How `content` is written (default TEXT). */
  encoding?: InputMaybe<StatementContentEncoding>;
  /** The file name, kept on the document holding the file. */
  fileName?: InputMaybe<Scalars['String']['input']>;
  /** The format; detected from the first bytes when not given. */
  format?: InputMaybe<StatementFileFormat>;
};

/** Operators on a text column. Text compares as MariaDB's utf8mb4_unicode_ci on both databases, for all of Unicode: case and accents do not count ('Ärzte' = 'arzte'), 'ß' = 'ss', trailing spaces do not count. Values: at most 1000 characters. */
export type StringFilter = {
  /** Contains the text (case- and accent-insensitive, by character; % and _ are literal). */
  contains?: InputMaybe<Scalars['String']['input']>;
  /** Ends with the text (case- and accent-insensitive, character by character). */
  endsWith?: InputMaybe<Scalars['String']['input']>;
  /** Equal to (case- and accent-insensitive). */
  eq?: InputMaybe<Scalars['String']['input']>;
  /** Sorts after the value (case and accents do not count). */
  gt?: InputMaybe<Scalars['String']['input']>;
  /** Sorts after or equal to the value. */
  gte?: InputMaybe<Scalars['String']['input']>;
  /** Equal to one of the values (at most MAX_LIST_VALUES, default 1000). */
  in?: InputMaybe<Array<Scalars['String']['input']>>;
  /** true: the column is null; false: it is not. */
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
  /** Sorts before the value. */
  lt?: InputMaybe<Scalars['String']['input']>;
  /** Sorts before or equal to the value. */
  lte?: InputMaybe<Scalars['String']['input']>;
  /** Not equal to (case- and accent-insensitive); null does not match. */
  ne?: InputMaybe<Scalars['String']['input']>;
  /** Equal to none of the values (at most MAX_LIST_VALUES, default 1000). */
  notIn?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Starts with the text (case- and accent-insensitive, character by character). */
  startsWith?: InputMaybe<Scalars['String']['input']>;
};

/** A sort key for Users: `field` or one to-one relation (`{ account: name }`); lists always end with the primary key so the order is stable. */
export type UserOrderBy = {
  /** Direction (ascending by default). */
  direction?: InputMaybe<SortDirection>;
  /** Column of this table to sort on (give this or one relation). */
  field?: InputMaybe<UserSortField>;
  /** Where empty values go. */
  nulls?: InputMaybe<NullsOrder>;
};

/** Columns Users can be sorted on. */
export enum UserSortField {
  /** Created (Created). Creation date. */
  Created = 'created',
  /** Email (Email). E-mail address of the user (shown, like the row, only where the user acts). */
  Email = 'email',
  /** Full name (FullName). Full name of the user. */
  FullName = 'fullName',
  /** User ID (UserID). Identifier of the user. */
  Id = 'id',
  /** User name (UserName). Login name of the user. */
  UserName = 'userName'
}

/** Filter on Users (Users): every field given must hold. */
export type UserWhere = {
  /** All of these filters hold. */
  and?: InputMaybe<Array<UserWhere>>;
  /** Created (Created). Creation date. */
  created?: InputMaybe<DateTimeFilter>;
  /** Email (Email). E-mail address of the user (shown, like the row, only where the user acts). */
  email?: InputMaybe<StringFilter>;
  /** Full name (FullName). Full name of the user. */
  fullName?: InputMaybe<StringFilter>;
  /** User ID (UserID). Identifier of the user. */
  id?: InputMaybe<IdFilter>;
  /** This filter does not hold. */
  not?: InputMaybe<UserWhere>;
  /** At least one of these filters holds. */
  or?: InputMaybe<Array<UserWhere>>;
  /** User name (UserName). Login name of the user. */
  userName?: InputMaybe<StringFilter>;
};

/** An enum describing what kind of type a given `__Type` is. */
export enum __TypeKind {
  /** Indicates this type is a scalar. */
  Scalar = 'SCALAR',
  /** Indicates this type is an object. `fields` and `interfaces` are valid fields. */
  Object = 'OBJECT',
  /** Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields. */
  Interface = 'INTERFACE',
  /** Indicates this type is a union. `possibleTypes` is a valid field. */
  Union = 'UNION',
  /** Indicates this type is an enum. `enumValues` is a valid field. */
  Enum = 'ENUM',
  /** Indicates this type is an input object. `inputFields` is a valid field. */
  InputObject = 'INPUT_OBJECT',
  /** Indicates this type is a list. `ofType` is a valid field. */
  List = 'LIST',
  /** Indicates this type is a non-null. `ofType` is a valid field. */
  NonNull = 'NON_NULL'
}

export type PaymentsPageQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type PaymentsPageQuery = { __typename?: 'Query', payments: { __typename?: 'PaymentConnection', nodes: Array<{ __typename?: 'Payment', id: string, amountDC: string, accountName?: string | null, glAccountCode?: string | null, divisionName?: string | null, account?: { __typename?: 'Account', code: string } | null, glAccount?: { __typename?: 'GLAccount', type: number } | null, division?: { __typename?: 'Division', description: string } | null, batch?: { __typename?: 'PaymentBatch', cashflowTransactionBatchCode: string } | null, creator?: { __typename?: 'User', fullName: string } | null, document?: { __typename?: 'Document', documentNumber: number } | null }> } };

export type PaymentAmountsQueryVariables = Exact<{
  id: Scalars['UUID']['input'];
}>;


export type PaymentAmountsQuery = { __typename?: 'Query', payment: { __typename?: 'Payment', id: string, divisionCode: number, amountDC: string, amountFC: string, rateFC: string, currency: string, dueDate: string, created: string } };

export type DivisionsOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type DivisionsOverviewQuery = { __typename?: 'Query', divisions: { __typename?: 'DivisionConnection', nodes: Array<{ __typename?: 'Division', code: number, description: string, currency: string, country: string, iban?: string | null, bic?: string | null, created: string, modified: string }> } };

export type TypeFieldsQueryVariables = Exact<{
  name: Scalars['String']['input'];
}>;


export type TypeFieldsQuery = { __typename?: 'Query', __type?: { __typename?: '__Type', name?: string | null, fields?: Array<{ __typename?: '__Field', name: string, description?: string | null, type: { __typename?: '__Type', kind: __TypeKind, name?: string | null, ofType?: { __typename?: '__Type', kind: __TypeKind, name?: string | null } | null } }> | null } | null };


export const PaymentsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PaymentsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amountDC"}},{"kind":"Field","name":{"kind":"Name","value":"accountName"}},{"kind":"Field","name":{"kind":"Name","value":"glAccountCode"}},{"kind":"Field","name":{"kind":"Name","value":"divisionName"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"glAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}}]}},{"kind":"Field","name":{"kind":"Name","value":"division"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"batch"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cashflowTransactionBatchCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fullName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentNumber"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PaymentsPageQuery, PaymentsPageQueryVariables>;
export const PaymentAmountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PaymentAmounts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"divisionCode"}},{"kind":"Field","name":{"kind":"Name","value":"amountDC"}},{"kind":"Field","name":{"kind":"Name","value":"amountFC"}},{"kind":"Field","name":{"kind":"Name","value":"rateFC"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"created"}}]}}]}}]} as unknown as DocumentNode<PaymentAmountsQuery, PaymentAmountsQueryVariables>;
export const DivisionsOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DivisionsOverview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"divisions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"iban"}},{"kind":"Field","name":{"kind":"Name","value":"bic"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"modified"}}]}}]}}]}}]} as unknown as DocumentNode<DivisionsOverviewQuery, DivisionsOverviewQueryVariables>;
export const TypeFieldsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TypeFields"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__type"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"type"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"ofType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TypeFieldsQuery, TypeFieldsQueryVariables>;