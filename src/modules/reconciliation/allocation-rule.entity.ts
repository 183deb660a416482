import { ALLOCATION_RULES } from '../../catalog/tables/allocation-rules';
import { CatalogEntity } from '../../graphql/catalog-entity';

/** An allocation rule of bank reconciliation (catalog AllocationRules; see allocation-rules.service.ts). */
@CatalogEntity(ALLOCATION_RULES, { versioned: true, indexes: [{ columns: ['Division', 'Priority'] }] })
export class AllocationRule {
  declare id: string;
  declare divisionCode: number;
  declare description: string;
  declare words: string | null;
  declare counterpartyBankAccount: string | null;
  declare accountID: string | null;
  declare glAccountID: string;
  declare priority: number;
  declare created: Date;
  declare creatorID: string | null;
  declare modified: Date;
  declare modifierID: string | null;
  declare version: number;
}
