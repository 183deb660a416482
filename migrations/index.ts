import { Initial1763740800000 } from './1763740800000-initial';
import { ApiKeys1763827200000 } from './1763827200000-api-keys';
import { PaymentRun1763900000000 } from './1763900000000-payment-run';
import { QueryIndexes1763990000000 } from './1763990000000-query-indexes';
import { TextKeyIndexes1764100000000 } from './1764100000000-text-key-indexes';
import { CanonicalValues1764200000000 } from './1764200000000-canonical-values';
import { Receivables1764300000000 } from './1764300000000-receivables';
import { BankEntries1764400000000 } from './1764400000000-bank-entries';
import { UserPrivacyIndexes1764500000000 } from './1764500000000-user-privacy-indexes';
import { StatementImport1764600000000 } from './1764600000000-statement-import';
import { Leases1764620000000 } from './1764620000000-leases';
import { ReconciliationEngine1764700000000 } from './1764700000000-reconciliation-engine';
import { OpenItemsByAccountAge1764700000001 } from './1764700000001-open-items-by-account-age';
import { ReconciliationMatches1764710000000 } from './1764710000000-reconciliation-matches';
import { ExactOnline1764800000000 } from './1764800000000-exact-online';
import { BankConnectors1764900000000 } from './1764900000000-bank-connectors';
import { BankPaymentOrders1765020000000 } from './1765020000000-bank-payment-orders';
import { ReconciliationParts1765040000000 } from './1765040000000-reconciliation-parts';
import { ExactReferenceReads1765060000000 } from './1765060000000-exact-reference-reads';
import { RedundantOpenItemIndexes1765070000000 } from './1765070000000-redundant-open-item-indexes';

/** Every migration, in order. A new migration is added here as well as in its own file. */
export const MIGRATIONS = [
  Initial1763740800000,
  ApiKeys1763827200000,
  PaymentRun1763900000000,
  QueryIndexes1763990000000,
  TextKeyIndexes1764100000000,
  CanonicalValues1764200000000,
  Receivables1764300000000,
  BankEntries1764400000000,
  UserPrivacyIndexes1764500000000,
  StatementImport1764600000000,
  Leases1764620000000,
  ReconciliationEngine1764700000000,
  OpenItemsByAccountAge1764700000001,
  ReconciliationMatches1764710000000,
  ExactOnline1764800000000,
  BankConnectors1764900000000,
  BankPaymentOrders1765020000000,
  ReconciliationParts1765040000000,
  ExactReferenceReads1765060000000,
  RedundantOpenItemIndexes1765070000000,
];
