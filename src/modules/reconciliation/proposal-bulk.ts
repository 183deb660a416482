import { DivisionScope } from '../../access/division-scope';
import { Principal } from '../../access/principal';
import { GatewayError } from '../../platform/errors';
import { ReconciliationAction } from './match-action.entity';
import { reconciliationError, ReconciliationRule } from './match-apply.errors';
import { AcceptOptions, acceptProposal } from './proposal-store';
import { ReconciliationProposal } from './proposal-record.entity';

/** Most proposals one bulk accept takes. */
export const MAX_BULK_ACCEPT = 500;

/**
 * Accepts several proposals (bulk accept of the processing list), all or nothing, in the caller's
 * one transaction: every proposal is accepted as acceptProposal does, in the order given; when one
 * is refused the whole call is, nothing is written (the transaction is rolled back), and the error
 * says which one and why: the refusal's own code and rule (CONFLICT ALREADY_SETTLED when another
 * user settled the line or an item first, PROPOSAL_NOT_OPEN, NOT_FOUND, ...), with the message
 * `proposalIDs[i]: line L: why` and extensions `field: "proposalIDs"`, `index` (from 0),
 * `proposalID` and `lineID` (null for a proposal not found). A list with a proposal twice is
 * BAD_USER_INPUT before anything is read. Why all or nothing and not per-line results:
 * docs/reconciliation.md, "The processing list".
 */
export async function acceptProposals(
  scope: DivisionScope,
  principal: Principal,
  proposalIDs: string[],
  options: AcceptOptions = {},
): Promise<ReconciliationAction[]> {
  if (!proposalIDs.length || proposalIDs.length > MAX_BULK_ACCEPT) {
    throw reconciliationError(ReconciliationRule.INVALID_VALUE, 'proposalIDs', `give 1 to ${MAX_BULK_ACCEPT} proposals`);
  }
  const twice = proposalIDs.findIndex((id, i) => proposalIDs.indexOf(id) !== i);
  if (twice >= 0) {
    const why = `proposal ${proposalIDs[twice]} is given twice`;
    throw reconciliationError(ReconciliationRule.INVALID_VALUE, 'proposalIDs', why, { proposalID: proposalIDs[twice] });
  }
  const rows = await scope
    .select(ReconciliationProposal, 'p')
    .select(['p.id', 'p.bankEntryLineID'])
    .where('p.id IN (:...proposalIDs)', { proposalIDs })
    .getMany();
  const lineOf = new Map(rows.map((p) => [p.id, p.bankEntryLineID]));
  const actions: ReconciliationAction[] = [];
  for (const [index, proposalID] of proposalIDs.entries()) {
    try {
      actions.push(await acceptProposal(scope, principal, proposalID, options));
    } catch (error) {
      if (!(error instanceof GatewayError)) throw error;
      const lineID = lineOf.get(proposalID) ?? null;
      const why = error.message.replace(/^proposalID: /, '');
      const message = `proposalIDs[${index}]: ${lineID ? `line ${lineID}: ` : ''}${why}`;
      throw new GatewayError(error.code, message, { ...error.extensions, field: 'proposalIDs', index, proposalID, lineID });
    }
  }
  return actions;
}
