import { ACCESS_ENTITIES } from '../access/entities';
import { Database, DatabaseLogging, MappedEntities, openDatabase } from '../db/data-source';
import { Account } from './accounts/account.entity';
import { BankAccount } from './bank-accounts/bank-account.entity';
import { PaymentBatch } from './batches/payment-batch.entity';
import { Contact } from './contacts/contact.entity';
import { Division } from './divisions/division.entity';
import { DocumentAttachment } from './documents/document-attachment.entity';
import { Document } from './documents/document.entity';
import { GLAccount } from './gl-accounts/gl-account.entity';
import { Journal } from './journals/journal.entity';
import { IdempotencyRecord } from './idempotency/idempotency-record.entity';
import { PaymentMatch } from './matching/payment-match.entity';
import { PaymentCondition } from './payment-conditions/payment-condition.entity';
import { Payment } from './payments/payment.entity';
import { Receivable } from './receivables/receivable.entity';
import { User } from './users/user.entity';
import { BankEntryLine } from './financial-accounts/bank-entry-line.entity';
import { BankEntry } from './financial-accounts/bank-entry.entity';
import { CashEntryLine } from './financial-accounts/cash-entry-line.entity';
import { CashEntry } from './financial-accounts/cash-entry.entity';
import { ReconciliationAction } from './reconciliation/match-action.entity';
import { ReconciliationMatch } from './reconciliation/match-line.entity';
import { ReconciliationSetting } from './reconciliation/match-settings.entity';
import { ReconciliationPart } from './reconciliation/line-part.entity';
import { ReconciliationProposal } from './reconciliation/proposal-record.entity';
import { AllocationRule } from './reconciliation/allocation-rule.entity';
import { EXACT_ENTITIES } from './exact-online/entities';
import { BANK_CONNECTOR_ENTITIES } from './bank-connectors/bank-connection.entity';

/** Entity class per catalog table name. */
export const ENTITY_BY_TABLE = {
  Payments: Payment,
  Receivables: Receivable,
  Divisions: Division,
  GLAccounts: GLAccount,
  Accounts: Account,
  Contacts: Contact,
  BankAccounts: BankAccount,
  Journals: Journal,
  PaymentConditions: PaymentCondition,
  Users: User,
  Documents: Document,
  DocumentAttachments: DocumentAttachment,
  PaymentBatches: PaymentBatch,
  PaymentMatches: PaymentMatch,
  BankEntries: BankEntry,
  BankEntryLines: BankEntryLine,
  CashEntries: CashEntry,
  CashEntryLines: CashEntryLine,
  ReconciliationActions: ReconciliationAction,
  ReconciliationMatches: ReconciliationMatch,
  ReconciliationProposals: ReconciliationProposal,
  ReconciliationSettings: ReconciliationSetting,
  ReconciliationParts: ReconciliationPart,
  AllocationRules: AllocationRule,
} as const;

export const CATALOG_ENTITIES = Object.values(ENTITY_BY_TABLE);
/** Tables of the gateway's own bookkeeping, outside the catalog (never served). */
export const INTERNAL_ENTITIES = [IdempotencyRecord, ...EXACT_ENTITIES, ...BANK_CONNECTOR_ENTITIES];
export const ENTITIES = [...CATALOG_ENTITIES, ...INTERNAL_ENTITIES];

export function entityOf(tableName: string): (typeof CATALOG_ENTITIES)[number] {
  const e = (ENTITY_BY_TABLE as Record<string, (typeof CATALOG_ENTITIES)[number]>)[tableName];
  if (!e) throw new Error(`No entity for table ${tableName}`);
  return e;
}

/** Every entity the gateway maps: the catalog's, its own bookkeeping and the API keys (not cleared by the seed). */
export const MAPPED_ENTITIES: MappedEntities = [...ENTITIES, ...ACCESS_ENTITIES];

/** Opens (and by default migrates) the gateway's database with every entity mapped; `logger`/`logSql`: see DatabaseLogging. */
export function openGatewayDatabase(databaseUrl: string, options: { migrate?: boolean } & DatabaseLogging = {}): Promise<Database> {
  return openDatabase(databaseUrl, { ...options, entities: MAPPED_ENTITIES });
}
