import { randomUUID } from 'node:crypto';
import { DivisionScope } from '../../access/division-scope';
import { Clock, creationAudit, modificationAudit, systemClock } from '../../access/audit';
import { Principal } from '../../access/principal';
import { Payment } from './payment.entity';
import { PaymentMethod, PaymentSource, PaymentStatus } from '../../catalog/codes';
import { PaymentRule, ruleError } from './payment.errors';
import { PaymentCreateInput, PaymentDeleteInput, PaymentUpdateInput } from './payment.inputs';
import { checkReferences, divisionCurrencies } from './payment.references';
import { canonicalValue, checkDeletable, checkRow, checkStatusAllowsChange, checkVersion } from './payment.rules';
import { CREATE_COLUMNS, PaymentValues, sameValue, UPDATE_COLUMNS } from './payment.rules';

/** Columns of the rate rule AmountFC x RateFC = AmountDC. */
const RATE_FIELDS = ['amountFC', 'rateFC', 'amountDC'];

/**
 * Create, update and delete payments, single or in bulk. A bulk call is all or nothing: every
 * row is checked before anything is written, and the writes share one transaction (the caller
 * passes the transaction's scope). Audit columns come from the principal and the clock only.
 */
export class PaymentService {
  constructor(
    private readonly scope: DivisionScope,
    private readonly principal: Principal,
    private readonly now: Clock = systemClock,
  ) {}

  async create(inputs: PaymentCreateInput[]): Promise<Payment[]> {
    const at = this.now();
    const rows = inputs.map((input) => {
      const row: PaymentValues = {};
      for (const c of CREATE_COLUMNS) {
        if (input[c.field] !== undefined) row[c.field as keyof Payment] = canonicalValue(c.field, input[c.field]);
      }
      // Always the server's (see SERVER_MANAGED): a fresh random ID is taken by no row anywhere.
      row.id = randomUUID();
      row.entryID ??= randomUUID();
      row.paymentMethod ??= PaymentMethod.ON_CREDIT;
      return row;
    });
    const currencies = await divisionCurrencies(this.scope, rows.map((r) => r.divisionCode));
    rows.forEach((row, index) => checkRow(row, index, { divisionCurrency: currencies.get(Number(row.divisionCode)) }));
    await checkReferences(this.scope, rows);
    const payments = rows.map((row) =>
      Object.assign(new Payment(), row, {
        status: PaymentStatus.OPEN,
        source: PaymentSource.MANUAL,
        ...creationAudit(this.principal, at),
        version: 1,
      }),
    );
    await this.scope.insert(Payment, payments);
    return this.reload(payments.map((p) => p.id));
  }

  async update(inputs: PaymentUpdateInput[]): Promise<Payment[]> {
    const at = this.now();
    inputs.forEach((input, index) => checkVersion(input.version, index));
    const current = await this.lockExisting(inputs.map((i) => i.id));
    const currencies = await divisionCurrencies(this.scope, [...current.values()].map((p) => p.divisionCode));
    const changes = inputs.map((input, index) => {
      const row = current.get(input.id)!;
      if (row.version !== input.version) {
        throw ruleError(PaymentRule.STALE_VERSION, 'version', `payment ${input.id} is at version ${row.version}, the update was based on ${input.version}`, { index, id: input.id, currentVersion: row.version });
      }
      const set: PaymentValues = {};
      for (const c of UPDATE_COLUMNS) {
        if (input[c.field] === undefined) continue;
        const value = canonicalValue(c.field, input[c.field]);
        if (!sameValue(c, value, row[c.field as keyof Payment])) set[c.field as keyof Payment] = value;
      }
      checkStatusAllowsChange(row, Object.keys(set), index);
      const merged = { ...row, ...set } as PaymentValues;
      // Unchanged amounts were accepted when written: a split part may keep the cent its share moved.
      const rate = RATE_FIELDS.some((f) => f in set) ? 'exact' : 'allocated';
      checkRow(merged, index, { divisionCurrency: currencies.get(row.divisionCode), rate });
      return { row, set, merged };
    });
    const seen = new Set<string>();
    inputs.forEach((i, index) => {
      if (seen.has(i.id)) throw ruleError(PaymentRule.DUPLICATE_ID, 'id', `payment ${i.id} appears twice in the input`, { index });
      seen.add(i.id);
    });
    await checkReferences(this.scope, changes.map((c) => c.merged));
    for (const { row, set } of changes) {
      if (!Object.keys(set).length) continue;
      const changed = await this.scope.update(Payment, { ...(set as Partial<Payment>), ...modificationAudit(this.principal, at) }, 'ID = :id AND Version = :version', { id: row.id, version: row.version });
      if (changed !== 1) throw ruleError(PaymentRule.STALE_VERSION, 'version', `payment ${row.id} changed meanwhile`, { id: row.id });
    }
    return this.reload(inputs.map((i) => i.id));
  }

  async delete(inputs: PaymentDeleteInput[]): Promise<string[]> {
    inputs.forEach((input, index) => {
      if (input.version !== null && input.version !== undefined) checkVersion(input.version, index);
    });
    const seen = new Set<string>();
    inputs.forEach((i, index) => {
      if (seen.has(i.id)) throw ruleError(PaymentRule.DUPLICATE_ID, 'id', `payment ${i.id} appears twice in the input`, { index });
      seen.add(i.id);
    });
    const current = await this.lockExisting(inputs.map((i) => i.id));
    inputs.forEach((input, index) => {
      const row = current.get(input.id)!;
      if (input.version !== undefined && input.version !== null && input.version !== row.version) {
        throw ruleError(PaymentRule.STALE_VERSION, 'version', `payment ${input.id} is at version ${row.version}, the delete was based on ${input.version}`, { index, id: input.id, currentVersion: row.version });
      }
      checkDeletable(row, index);
    });
    const ids = [...new Set(inputs.map((i) => i.id))];
    const deleted = await this.scope.delete(Payment, 'ID IN (:...ids) AND Status < :processed', { ids, processed: PaymentStatus.PROCESSED });
    if (deleted !== ids.length) throw ruleError(PaymentRule.STALE_VERSION, 'id', 'payments changed meanwhile', { ids });
    return ids;
  }

  /**
   * The payments by ID in the scope, locked for the transaction; NOT_FOUND names the first
   * missing: as `input[i].id` of a bulk input, or, with `argument`, as that argument (`id`,
   * `paymentIDs`) with the ID in extensions.ids.
   */
  async lockExisting(ids: string[], argument?: string): Promise<Map<string, Payment>> {
    const wanted = [...new Set(ids)];
    const rows = wanted.length ? await this.scope.forUpdate(this.scope.select(Payment, 'p').where('p.id IN (:...wanted)', { wanted }).orderBy('p.id')).getMany() : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    ids.forEach((id, index) => {
      if (byId.has(id)) return;
      const message = `payment ${id} was not found`;
      if (argument) throw ruleError(PaymentRule.NOT_FOUND, argument, message, { id, ids: [id] });
      throw ruleError(PaymentRule.NOT_FOUND, 'id', message, { index, id });
    });
    return byId;
  }

  /**
   * The payments by ID after the writes, in the order given. A payment the writes expected but
   * that is not there is an inconsistency, thrown inside the transaction so that it rolls back
   * (answered INTERNAL_SERVER_ERROR, nothing written), never a hole in the answer.
   */
  async reload(ids: string[]): Promise<Payment[]> {
    if (!ids.length) return [];
    const rows = await this.scope.select(Payment, 'p').where('p.id IN (:...ids)', { ids }).getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => {
      const row = byId.get(id);
      if (!row) throw new Error(`payment ${id} was written by this mutation but cannot be read back`);
      return row;
    });
  }
}
