import { RECONCILIATION_PROPOSALS } from '../../catalog/tables/reconciliation';
import { CatalogEntity } from '../../graphql/catalog-entity';

/** Where a stored proposal stands (ReconciliationProposals.Status). */
export enum ProposalStatus {
  PROPOSED = 'PROPOSED',
  ACCEPTED = 'ACCEPTED',
  SUPERSEDED = 'SUPERSEDED',
}

/** A proposal of the matching engine for a bank entry line, as stored (see proposal-store.ts). */
@CatalogEntity(RECONCILIATION_PROPOSALS, { indexes: [{ columns: ['Division', 'BankEntryLine', 'Rank'] }] })
export class ReconciliationProposal {
  declare id: string;
  declare divisionCode: number;
  declare bankEntryLineID: string;
  declare rank: number;
  declare matchType: string;
  declare items: string;
  declare accountID: string | null;
  declare glAccountID: string | null;
  declare differenceFC: string;
  declare confidence: string;
  declare reasons: string;
  declare status: ProposalStatus;
  declare created: Date;
  declare creatorID: string | null;
}
