import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { DivisionScope } from '../../access/division-scope';
import type { RequestContext } from '../../context/request-context';
import { RequiresScope } from '../../graphql/access';
import { DivisionsArg } from '../../graphql/divisions-arg';
import { DateTimeScalar, DecimalScalar, UUIDScalar } from '../../graphql/scalars';
import { businessDateProblem } from '../../platform/dates';
import { IdempotencyKeyArg } from '../idempotency/idempotency-key.arg';
import type { Idempotent } from '../idempotency/idempotency-key.arg';
import { ReconciliationAction } from './match-action.entity';
import { MatchApplier, OverpaymentHandling } from './match-apply.service';
import { reconciliationError, ReconciliationRule } from './match-apply.errors';
import { reconcileLines, waitingLines } from './match-auto';
import {
  BankEntryLinePartInput,
  LinkBankEntryLineInput,
  linkRequestOf,
  ReconcileResultInfo,
  ReconciliationSettingsInput,
} from './match-inputs';
import { changeSettings } from './match-settings';
import { ReconciliationSetting } from './match-settings.entity';
import { undoAction } from './match-undo';
import { acceptProposal } from './proposal-store';
import { acceptProposals } from './proposal-bulk';
import { splitLine } from './line-split';

const W = 'reconciliation:write';
const DOCS = {
  accept:
    'Accept a proposal of the processing list (scope reconciliation:write): the line settles what it names, atomically; ' +
    'CONFLICT when the proposal, the line or an item was settled already (another user was first).',
  acceptMany:
    'Accept several proposals (1 to 500), all or nothing (scope reconciliation:write); one transaction. When one is refused nothing ' +
    'is written and the error names it: extensions field "proposalIDs", index, proposalID, lineID, and the rule (e.g. CONFLICT ' +
    'ALREADY_SETTLED).',
  split:
    'Split a waiting bank entry line into parts (2 to 100, exact amounts in its sign adding up to it) that are each matched, ' +
    'booked or ignored on their own: pass a part ID as lineID to linkBankEntryLine, bookBankEntryLine, ignoreBankEntryLine ' +
    "(scope reconciliation:write). The line's amount and balances do not change; undoable while no part is settled.",
  link: 'Link a bank entry line by hand to open items (with amounts) and/or G/L accounts (scope reconciliation:write).',
  book:
    'Book what a line has open (or amountFC of it) to a G/L account: bank fees, rent, an internal transfer ' +
    '(scope reconciliation:write).',
  ignore: 'Ignore a line with a reason: it leaves the processing list (scope reconciliation:write); undoable.',
  undo:
    'Undo an action (scope reconciliation:write): every item gets back exactly what it had, open parts and credits it made are ' +
    'removed, the line returns to where it was. CONFLICT when a later action holds or an item changed since.',
  reconcile:
    'Reconcile the waiting lines booked from `from` to `to` (scope reconciliation:write): propose, and apply the proposals at or ' +
    "above each division's threshold.",
  settings: "Set a division's reconciliation settings: automatic threshold, payment difference tolerance and G/L account.",
  bookDifference: "Book a shortfall within the division's tolerance as a payment difference (else the item keeps it open).",
};

/** Reconciliation actions (scope reconciliation:write). Thin over MatchApplier, acceptProposal, undoAction. */
@Resolver(() => ReconciliationAction)
export class ReconciliationMutations {
  @Mutation(() => ReconciliationAction, { description: DOCS.accept })
  @RequiresScope(W)
  acceptReconciliationProposal(
    @Arg('proposalID', () => UUIDScalar) proposalID: string,
    @Arg('bookDifference', () => Boolean, { nullable: true, description: DOCS.bookDifference }) bookDifference: boolean | null,
    @Arg('overpayment', () => OverpaymentHandling, { nullable: true }) overpayment: OverpaymentHandling | null,
    @IdempotencyKeyArg() idempotent: Idempotent,
    @Ctx() ctx: RequestContext,
  ) {
    const input = { proposalID, bookDifference, overpayment };
    return idempotent(input, (tx) => acceptProposal(tx, ctx.principal, proposalID, input));
  }

  @Mutation(() => [ReconciliationAction], { description: DOCS.acceptMany })
  @RequiresScope(W)
  acceptReconciliationProposals(
    @Arg('proposalIDs', () => [UUIDScalar]) proposalIDs: string[],
    @Arg('bookDifference', () => Boolean, { nullable: true, description: DOCS.bookDifference }) bookDifference: boolean | null,
    @IdempotencyKeyArg() idempotent: Idempotent,
    @Ctx() ctx: RequestContext,
  ) {
    return idempotent({ proposalIDs, bookDifference }, (tx) => acceptProposals(tx, ctx.principal, proposalIDs, { bookDifference }));
  }

  @Mutation(() => ReconciliationAction, { description: DOCS.split })
  @RequiresScope(W)
  splitBankEntryLine(
    @Arg('lineID', () => UUIDScalar) lineID: string,
    @Arg('parts', () => [BankEntryLinePartInput]) parts: BankEntryLinePartInput[],
    @IdempotencyKeyArg() idempotent: Idempotent,
    @Ctx() ctx: RequestContext,
  ) {
    return idempotent({ lineID, parts }, (tx) => splitLine(tx, ctx.principal, lineID, parts));
  }

  @Mutation(() => ReconciliationAction, { description: DOCS.link })
  @RequiresScope(W)
  linkBankEntryLine(
    @Arg('input', () => LinkBankEntryLineInput) input: LinkBankEntryLineInput,
    @IdempotencyKeyArg() idempotent: Idempotent,
    @Ctx() ctx: RequestContext,
  ) {
    const request = linkRequestOf(input);
    return idempotent(input, (tx) => new MatchApplier(tx, ctx.principal).link(request));
  }

  @Mutation(() => ReconciliationAction, { description: DOCS.book })
  @RequiresScope(W)
  bookBankEntryLine(
    @Arg('lineID', () => UUIDScalar) lineID: string,
    @Arg('glAccountID', () => UUIDScalar) glAccountID: string,
    @Arg('amountFC', () => DecimalScalar, { nullable: true, description: "In the line's sign; default what the line has open." })
    amountFC: string | null,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @IdempotencyKeyArg() idempotent: Idempotent,
    @Ctx() ctx: RequestContext,
  ) {
    return idempotent({ lineID, glAccountID, amountFC, reason }, (tx) =>
      new MatchApplier(tx, ctx.principal).book(lineID, glAccountID, amountFC, reason),
    );
  }

  @Mutation(() => ReconciliationAction, { description: DOCS.ignore })
  @RequiresScope(W)
  ignoreBankEntryLine(
    @Arg('lineID', () => UUIDScalar) lineID: string,
    @Arg('reason', () => String, { description: 'Why (1 to 255 characters).' }) reason: string,
    @IdempotencyKeyArg() idempotent: Idempotent,
    @Ctx() ctx: RequestContext,
  ) {
    return idempotent({ lineID, reason }, (tx) => new MatchApplier(tx, ctx.principal).ignore(lineID, reason));
  }

  @Mutation(() => ReconciliationAction, { description: DOCS.undo })
  @RequiresScope(W)
  undoReconciliationAction(
    @Arg('actionID', () => UUIDScalar) actionID: string,
    @IdempotencyKeyArg() idempotent: Idempotent,
    @Ctx() ctx: RequestContext,
  ) {
    return idempotent({ actionID }, (tx) => undoAction(tx, ctx.principal, actionID));
  }

  @Mutation(() => ReconcileResultInfo, { description: DOCS.reconcile })
  @RequiresScope(W)
  async reconcileBankLines(
    @Arg('from', () => DateTimeScalar) from: Date,
    @Arg('to', () => DateTimeScalar) to: Date,
    @DivisionsArg() scope: DivisionScope,
    @Ctx() ctx: RequestContext,
  ): Promise<ReconcileResultInfo> {
    for (const [field, day] of [
      ['from', from],
      ['to', to],
    ] as const) {
      const problem = businessDateProblem(day);
      if (problem) throw reconciliationError(ReconciliationRule.INVALID_VALUE, field, problem);
    }
    if (to < from) throw reconciliationError(ReconciliationRule.INVALID_VALUE, 'to', 'must not be before from');
    return reconcileLines(scope, ctx.principal, await waitingLines(scope, from, to));
  }

  @Mutation(() => ReconciliationSetting, { description: DOCS.settings })
  @RequiresScope(W)
  setReconciliationSettings(
    @Arg('input', () => ReconciliationSettingsInput) input: ReconciliationSettingsInput,
    @IdempotencyKeyArg() idempotent: Idempotent,
    @Ctx() ctx: RequestContext,
  ) {
    return idempotent(input, (tx) => changeSettings(tx, ctx.principal, input));
  }
}
