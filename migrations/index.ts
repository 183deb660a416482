import { Initial1763740800000 } from './1763740800000-initial';
import { ApiKeys1763827200000 } from './1763827200000-api-keys';
import { PaymentRun1763900000000 } from './1763900000000-payment-run';
import { QueryIndexes1763990000000 } from './1763990000000-query-indexes';
import { TextKeyIndexes1764100000000 } from './1764100000000-text-key-indexes';
import { CanonicalValues1764200000000 } from './1764200000000-canonical-values';
import { Receivables1764300000000 } from './1764300000000-receivables';
import { BankEntries1764400000000 } from './1764400000000-bank-entries';
import { UserPrivacyIndexes1764500000000 } from './1764500000000-user-privacy-indexes';
import { Leases1764620000000 } from './1764620000000-leases';

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
  Leases1764620000000,
];
