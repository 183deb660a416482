import { DivisionScope } from '../../access/division-scope';
import { Clock, modificationAudit, selectionAudit, systemClock } from '../../access/audit';
import { Principal } from '../../access/principal';
import { Payment } from './payment.entity';
import { PaymentStatus } from '../../catalog/codes';
import { PaymentRule, ruleError } from './payment.errors';
import { paymentIdsProblem } from './payment.rules';
import { PaymentService } from './payment.service';

/**
 * Selecting payments to be paid (Status 20 -> 30, PaymentSelected/PaymentSelector from the
 * principal and the clock) and deselecting them (30 -> 20). All or nothing per call.
 *
 * Concurrency: the payments are read with row locks (SELECT ... FOR UPDATE, in ID order so two
 * callers lock overlapping sets in the same order) and then changed by a conditional
 * UPDATE ... WHERE Status = 20. When two partners select overlapping payments at once, the
 * second waits for the first, then reads the committed Status 30 and gets CONFLICT listing
 * exactly the payments it lost; nothing of its call is selected.
 */
export class PaymentSelectionService {
  constructor(
    private readonly scope: DivisionScope,
    private readonly principal: Principal,
    private readonly now: Clock = systemClock,
  ) {}

  select(ids: string[]): Promise<Payment[]> {
    return this.change(ids, PaymentStatus.OPEN, PaymentStatus.SELECTED);
  }

  deselect(ids: string[]): Promise<Payment[]> {
    return this.change(ids, PaymentStatus.SELECTED, PaymentStatus.OPEN);
  }

  private async change(ids: string[], from: PaymentStatus, to: PaymentStatus): Promise<Payment[]> {
    const problem = paymentIdsProblem(ids);
    if (problem) throw ruleError(PaymentRule[problem.rule], 'paymentIDs', problem.why);
    const payments = new PaymentService(this.scope, this.principal, this.now);
    const current = await payments.lockExisting(ids, 'paymentIDs');
    const wanted = [...current.keys()];
    const lost = [...current.values()].filter((p) => p.status !== from).map((p) => p.id);
    const rule = from === PaymentStatus.OPEN ? PaymentRule.NOT_OPEN : PaymentRule.NOT_SELECTED;
    const refuse = (lostIds: string[]) =>
      ruleError(
        rule,
        'paymentIDs',
        `${lostIds.length} of ${wanted.length} payments are not ${PaymentStatus[from].toLowerCase()} ` +
          `(Status ${from}): ${lostIds.join(', ')}`,
        { ids: lostIds },
      );
    if (lost.length) throw refuse(lost);
    const at = this.now();
    const changed = await this.scope.update(
      Payment,
      { status: to, ...selectionAudit(this.principal, at, to === PaymentStatus.SELECTED), ...modificationAudit(this.principal, at) },
      'ID IN (:...wanted) AND Status = :from',
      { wanted, from },
    );
    if (changed !== wanted.length) {
      // Only reachable without row locks; the transaction rolls back, so nothing stays changed.
      const after = await payments.reload(wanted);
      throw refuse(after.filter((p) => p.status !== to).map((p) => p.id));
    }
    return payments.reload(ids);
  }
}
