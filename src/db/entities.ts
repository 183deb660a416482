import { Account } from '../modules/accounts/account.entity';
import { BankAccount } from '../modules/bank-accounts/bank-account.entity';
import { PaymentBatch } from '../modules/batches/payment-batch.entity';
import { Contact } from '../modules/contacts/contact.entity';
import { Division } from '../modules/divisions/division.entity';
import { DocumentAttachment } from '../modules/documents/document-attachment.entity';
import { Document } from '../modules/documents/document.entity';
import { GLAccount } from '../modules/gl-accounts/gl-account.entity';
import { Journal } from '../modules/journals/journal.entity';
import { IdempotencyRecord } from '../modules/idempotency/idempotency-record.entity';
import { PaymentMatch } from '../modules/matching/payment-match.entity';
import { PaymentCondition } from '../modules/payment-conditions/payment-condition.entity';
import { Payment } from '../modules/payments/payment.entity';
import { User } from '../modules/users/user.entity';

/** Entity class per catalog table name. */
export const ENTITY_BY_TABLE = {
  Payments: Payment,
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
} as const;

export type TableName = keyof typeof ENTITY_BY_TABLE;
export const CATALOG_ENTITIES = Object.values(ENTITY_BY_TABLE);
/** Tables of the gateway's own bookkeeping, outside the catalog (never served). */
export const INTERNAL_ENTITIES = [IdempotencyRecord];
export const ENTITIES = [...CATALOG_ENTITIES, ...INTERNAL_ENTITIES];

export function entityOf(tableName: string): (typeof CATALOG_ENTITIES)[number] {
  const e = (ENTITY_BY_TABLE as Record<string, (typeof CATALOG_ENTITIES)[number]>)[tableName];
  if (!e) throw new Error(`No entity for table ${tableName}`);
  return e;
}
