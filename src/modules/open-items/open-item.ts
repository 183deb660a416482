import type { DivisionScope } from '../../access/division-scope';
import type { Scope } from '../../access/principal';
import { CatalogTable } from '../../catalog';
import { GLAccountType } from '../../catalog/codes';
import type { GatewayError, RuleDetails } from '../../platform/errors';
import type { Account } from '../accounts/account.entity';

/**
 * What the rules shared by payables and receivables need to know about one side: its catalog
 * table and entity, what to call its rows and its counterparty, which columns the server owns,
 * and the module's own error vocabulary. Payments (payments/payment.kind.ts) and Receivables
 * (receivables/receivable.kind.ts) each declare one; the rules, the writes, the split and the
 * ageing of this folder work on either, so a rule lives here once, not in two copies.
 */

/** The columns every open item has, as the shared rules read them (entity field names). */
export interface OpenItem {
  id: string;
  divisionCode: number;
  /** OpenItemStatus code. */
  status: number;
  version: number;
  accountID: string;
  entryID: string;
  currency: string;
  amountDC: string;
  amountFC: string;
  rateFC: string;
  amountDiscountDC: string | null;
  amountDiscountFC: string | null;
  invoiceDate: Date;
  dueDate: Date;
}

/** Column values of a row being written, by entity field name (input, defaults, current row). */
export type OpenItemValues = Record<string, unknown>;

/**
 * The rules the shared code can break. Every open-item module's vocabulary holds each of these
 * names (its `error` maps them onto its own enum, which the compiler checks), so clients read the
 * same extensions.rule on either side.
 */
export type OpenItemRuleName =
  | 'REQUIRED'
  | 'TOO_LONG'
  | 'INVALID_VALUE'
  | 'INVALID_IBAN'
  | 'INVALID_BIC'
  | 'BANK_ACCOUNT_NOT_OWN'
  | 'INVALID_CURRENCY'
  | 'AMOUNT_SCALE'
  | 'AMOUNT_RATE_MISMATCH'
  | 'DISCOUNT_EXCEEDS_AMOUNT'
  | 'UNKNOWN_REFERENCE'
  | 'DUE_BEFORE_INVOICE'
  | 'DIVISION_NOT_GRANTED'
  | 'DUPLICATE_ID'
  | 'NOT_FOUND'
  | 'AMOUNTS_LOCKED'
  | 'STATUS_LOCKED'
  | 'NOT_DELETABLE'
  | 'STALE_VERSION'
  | 'SPLIT_NOT_EXACT'
  | 'OWNED_BY_EXACT'
  | 'EXACT_REFUSED'
  | 'EXACT_UNAVAILABLE';

/** The counterparty of a side: suppliers of payables, customers of receivables. */
export interface Counterparty<SideRule extends string> {
  /** 'supplier' or 'customer', as messages name it. */
  readonly noun: string;
  /** Whether an account may be this counterparty (Accounts.IsSupplier, Accounts.IsSales). */
  isOne(account: Account): boolean;
  /** The only G/L account type an item of this side books on, and its name. */
  readonly glAccountType: GLAccountType;
  readonly glAccountTypeName: string;
  /** The side's own names of the rules that say which side (GL_ACCOUNT_NOT_PAYABLE, ...). */
  readonly rules: { readonly glAccount: SideRule; readonly account: SideRule; readonly bankAccount: SideRule };
}

/** What the shared writes hand a side's hook: a row about to be written and what it changes. */
export interface RowToComplete {
  row: OpenItemValues;
  /** Position in the bulk input. */
  index: number;
  /** 'new' for a row being created, else the fields the update changes. */
  changes: 'new' | ReadonlySet<string>;
  /** The counterparty the row points at (checked to exist in the row's division). */
  account: Account;
}

export interface OpenItemKind<T extends OpenItem = OpenItem, SideRule extends string = string> {
  readonly table: CatalogTable;
  readonly entity: new () => T;
  /** 'payment' or 'receivable', as messages name a row. */
  readonly noun: string;
  readonly counterparty: Counterparty<SideRule>;
  /** Catalog columns the server sets (audit, workflow, the ID); never taken from input. */
  readonly serverManaged: ReadonlySet<string>;
  /** Scope of the writes (payments:write, receivables:write), as the mutations declare it. */
  readonly writeScope: Scope;
  /**
   * The module's error of a broken rule (its vocabulary): `field: why`, extensions {code, field,
   * rule}. A method, so a kind with its own side rules is still an OpenItemKind of any rules.
   */
  error(rule: OpenItemRuleName | SideRule, field: string | null, message: string, details?: RuleDetails): GatewayError;
  /**
   * Side rules that need the counterparty, run after the shared checks and before anything is
   * written; may fill in columns (which are then written). Receivables generate the structured
   * communication of a Belgian customer's invoice here.
   */
  readonly complete?: (scope: DivisionScope, rows: RowToComplete[]) => Promise<void>;
}

/** Where an offending row sits: its position in a bulk input and its ID, when it has one. */
export type RowAt = { index?: number; id?: string };
