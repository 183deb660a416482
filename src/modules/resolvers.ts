import { NonEmptyArray } from 'type-graphql';
import { CATALOG } from '../catalog';
import { entityOf } from './entities';
import { ApiKeyResolver } from './api-keys/api-key.resolver';
import { AGGREGATE_RESOLVERS } from './lists/aggregates.resolver';
import { CatalogResolver } from './catalog/catalog.resolver';
import { entityResolver } from './lists/entity.resolver';
import { PaymentAgeingResolver } from './payments/payment-ageing.resolver';
import { NESTED_LIST_RESOLVERS } from './lists/nested-lists.resolver';
import { PaymentRunResolver } from './batches/payment-run.resolver';
import { MatchingResolver } from './matching/matching.resolver';
import { EpcQrCodeResolver, PaymentEpcQrResolver } from './payments/payment-epc-qr.resolver';
import { PaymentSelectionResolver } from './payments/payment-selection.resolver';
import { PaymentMutations } from './payments/payment.resolver';
import { ReceivableAgeingResolver, ReceivableMutations } from './receivables/receivable.resolver';
import { RELATION_RESOLVERS } from './lists/relations.resolver';
import { SqlResolver } from './sql/sql.resolver';
import { CashEntryMutations } from './financial-accounts/cash-entry.resolver';
import { FinancialAccountResolver } from './financial-accounts/financial-account.resolver';
import { BankConnectionResolver } from './bank-connectors/bank-connection.resolver';
import { BankConnectorActionsResolver } from './bank-connectors/bank-connector-actions.resolver';
import { StatementImportResolver } from './statement-import/statement-import.resolver';
import { ProcessingListResolver } from './reconciliation/processing-list.resolver';
import { ReconciliationMutations } from './reconciliation/reconciliation.resolver';
import { AllocationRuleMutations } from './reconciliation/allocation-rule.resolver';
import { ExactResolver } from './exact-online/exact.resolver';

/** Every resolver of the schema. Domain resolvers are added here as modules grow. */
export const RESOLVERS = [
  ...CATALOG.filter((t) => t.rootList !== false).map((t) => entityResolver(t, entityOf(t.name) as never)),
  ...RELATION_RESOLVERS,
  ApiKeyResolver,
  ...NESTED_LIST_RESOLVERS,
  PaymentMutations,
  ReceivableMutations,
  PaymentSelectionResolver,
  PaymentRunResolver,
  MatchingResolver,
  PaymentEpcQrResolver,
  EpcQrCodeResolver,
  FinancialAccountResolver,
  CashEntryMutations,
  BankConnectionResolver,
  BankConnectorActionsResolver,
  StatementImportResolver,
  ReconciliationMutations,
  ProcessingListResolver,
  AllocationRuleMutations,
  ...AGGREGATE_RESOLVERS,
  PaymentAgeingResolver,
  ReceivableAgeingResolver,
  CatalogResolver,
  SqlResolver,
  ExactResolver,
] as unknown as NonEmptyArray<Function>;
