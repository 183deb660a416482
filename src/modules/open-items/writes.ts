import { randomUUID } from 'node:crypto';
import { Clock, creationAudit, modificationAudit, systemClock } from '../../access/audit';
import { DivisionScope } from '../../access/division-scope';
import { Principal } from '../../access/principal';
import { storedColumns } from '../../catalog';
import { OpenItemStatus, PaymentMethod, PaymentSource } from '../../catalog/codes';
import { OpenItem, OpenItemKind, OpenItemValues, RowToComplete } from './open-item';
import type { OwnedRowWriter } from './owned-rows';
import { checkReferences, divisionCurrencies } from './references';
import { rulesOf, sameValue } from './row-rules';
import { checkDeletable, checkSameVersion, checkStatusAllowsChange, checkVersionValue } from './status';

/** Changes to one item: its ID, the version read, and the fields given (null clears). */
export type OpenItemUpdate = { id: string; version: number } & OpenItemValues;
/** An item to delete, optionally with the version read. */
export type OpenItemDelete = { id: string; version?: number | null };

/** Columns of the rate rule AmountFC x RateFC = AmountDC. */
const RATE_FIELDS = ['amountFC', 'rateFC', 'amountDC'];

/**
 * Create, update and delete open items of one side (payables or receivables), single or in bulk.
 * A bulk call is all or nothing: every row is checked before anything is written, and the writes
 * share one transaction (the caller passes the transaction's scope). Audit columns come from the
 * principal and the clock only; the side's `complete` hook runs last, before any write.
 */
export class OpenItemWriter<T extends OpenItem> {
  constructor(
    readonly kind: OpenItemKind<T>,
    protected readonly scope: DivisionScope,
    protected readonly principal: Principal,
    protected readonly now: Clock = systemClock,
    /** Where changes to rows of connected divisions go (owned-rows.ts); null: they are refused. */
    protected readonly owner: OwnedRowWriter | null = null,
  ) {}

  async create(inputs: OpenItemValues[]): Promise<T[]> {
    const rules = rulesOf(this.kind);
    const at = this.now();
    const rows = inputs.map((input) => {
      const row: OpenItemValues = {};
      for (const c of rules.createColumns) if (input[c.field] !== undefined) row[c.field] = rules.canonicalValue(c.field, input[c.field]);
      // Always the server's (see serverManaged): a fresh random ID is taken by no row anywhere.
      row.id = randomUUID();
      row.entryID ??= randomUUID();
      row.paymentMethod ??= PaymentMethod.ON_CREDIT;
      return row;
    });
    // A connected division's rows are Exact Online's: refused before any other rule.
    await this.scope.assertLocal(this.kind.table.name, [...new Set(rows.map((r) => Number(r.divisionCode)))]);
    const currencies = await divisionCurrencies(
      this.scope,
      rows.map((r) => r.divisionCode),
    );
    rows.forEach((row, index) => rules.checkRow(row, index, { divisionCurrency: currencies.get(Number(row.divisionCode)) }));
    const accounts = await checkReferences(this.kind, this.scope, rows);
    await this.complete(rows.map((row, index) => ({ row, index, changes: 'new', account: accounts[index] })));
    const items = rows.map((row) => {
      const workflow = { status: OpenItemStatus.OPEN, source: PaymentSource.MANUAL, version: 1 };
      return Object.assign(new this.kind.entity(), this.storedValues({ ...row, ...workflow, ...creationAudit(this.principal, at) }));
    });
    await this.scope.insert(this.kind.entity, items);
    return this.reload(items.map((p) => p.id));
  }

  /**
   * Updates rows, all or nothing. Rows of a division connected to Exact Online are Exact's: their
   * changes go to the owned-row writer (Exact first, then read back; see owned-rows.ts), after the
   * gateway's own rows are checked and written in the same transaction; without a writer they are
   * refused with OWNED_BY_EXACT before any other rule.
   */
  async update(inputs: OpenItemUpdate[]): Promise<T[]> {
    const { kind } = this;
    inputs.forEach((input, index) => checkVersionValue(kind, input.version, index));
    const current = await this.lockExisting(inputs.map((i) => i.id));
    const owned = new Set(await this.scope.ownedByExact(kind.table.name, [...new Set([...current.values()].map((r) => r.divisionCode))]));
    if (owned.size && !this.owner) {
      await this.scope.assertLocal(kind.table.name, this.scope.divisions, 'ID IN (:...ids)', { ids: [...current.keys()] });
    }
    const seen = new Set<string>();
    inputs.forEach((i, index) => {
      if (seen.has(i.id)) throw kind.error('DUPLICATE_ID', 'id', `${kind.noun} ${i.id} appears twice in the input`, { index });
      seen.add(i.id);
    });
    const positioned = inputs.map((input, index) => ({ input, index, row: current.get(input.id)! }));
    const ownedChanges = positioned
      .filter((p) => owned.has(p.row.divisionCode))
      .map(({ input, index, row }) => {
        checkSameVersion(kind, row, input.version, 'update', { index });
        return { row, index, set: this.changedFields(row, input) };
      })
      .filter((c) => Object.keys(c.set).length > 0);
    const local = positioned.filter((p) => !owned.has(p.row.divisionCode));
    await this.updateLocal(local);
    if (ownedChanges.length) await this.owner!.write(this.scope, kind, ownedChanges);
    return this.reload(inputs.map((i) => i.id));
  }

  /** The fields of `input` whose canonical value differs from `row`'s (entity names; null clears). */
  private changedFields(row: T, input: OpenItemUpdate): OpenItemValues {
    const rules = rulesOf(this.kind);
    const set: OpenItemValues = {};
    for (const c of rules.updateColumns) {
      if (input[c.field] === undefined) continue;
      const value = rules.canonicalValue(c.field, input[c.field]);
      if (!sameValue(c, value, (row as unknown as OpenItemValues)[c.field])) set[c.field] = value;
    }
    return set;
  }

  /** Checks and writes updates of the gateway's own rows (`index`: position in the whole input). */
  private async updateLocal(items: { input: OpenItemUpdate; index: number; row: T }[]): Promise<void> {
    if (!items.length) return;
    const { kind } = this;
    const rules = rulesOf(kind);
    const at = this.now();
    const currencies = await divisionCurrencies(
      this.scope,
      items.map((p) => p.row.divisionCode),
    );
    const changes = items.map(({ input, index, row }) => {
      checkSameVersion(kind, row, input.version, 'update', { index });
      const set = this.changedFields(row, input);
      checkStatusAllowsChange(kind, row, Object.keys(set), index);
      const merged: OpenItemValues = { ...row, ...set };
      // Unchanged amounts were accepted when written: a split part may keep the cent its share moved.
      const rate = RATE_FIELDS.some((f) => f in set) ? 'exact' : 'allocated';
      rules.checkRow(merged, index, { divisionCurrency: currencies.get(row.divisionCode), rate });
      return { row, set, merged, index };
    });
    const accounts = await checkReferences(
      kind,
      this.scope,
      changes.map((c) => c.merged),
      changes.map((c) => c.index),
    );
    const toComplete = changes.map((c, i) => ({
      row: c.merged,
      index: c.index,
      changes: new Set(Object.keys(c.set)),
      account: accounts[i],
    }));
    await this.complete(toComplete);
    for (const { row, set, merged, index } of changes) {
      // What the side's hook filled in is written too, under the same status rule.
      const before = row as unknown as OpenItemValues;
      for (const c of rules.updateColumns) {
        if (c.field in set || !sameValue(c, merged[c.field], before[c.field])) set[c.field] = merged[c.field];
      }
      checkStatusAllowsChange(kind, row, Object.keys(set), index);
    }
    for (const { row, set } of changes) {
      if (!Object.keys(set).length) continue;
      const values = this.storedValues({ ...set, ...modificationAudit(this.principal, at) }) as Partial<T>;
      const changed = await this.scope.update(kind.entity, values, 'ID = :id AND Version = :version', { id: row.id, version: row.version });
      if (changed !== 1) throw kind.error('STALE_VERSION', 'version', `${kind.noun} ${row.id} changed meanwhile`, { id: row.id });
    }
  }

  async delete(inputs: OpenItemDelete[]): Promise<string[]> {
    const { kind } = this;
    inputs.forEach((input, index) => {
      if (input.version !== null && input.version !== undefined) checkVersionValue(kind, input.version, index);
    });
    const seen = new Set<string>();
    inputs.forEach((i, index) => {
      if (seen.has(i.id)) throw kind.error('DUPLICATE_ID', 'id', `${kind.noun} ${i.id} appears twice in the input`, { index });
      seen.add(i.id);
    });
    const current = await this.lockExisting(inputs.map((i) => i.id));
    inputs.forEach((input, index) => {
      const row = current.get(input.id)!;
      if (input.version !== undefined && input.version !== null) checkSameVersion(kind, row, input.version, 'delete', { index });
      checkDeletable(kind, row, index);
    });
    const ids = [...new Set(inputs.map((i) => i.id))];
    const processed = OpenItemStatus.PROCESSED;
    const deleted = await this.scope.delete(kind.entity, 'ID IN (:...ids) AND Status < :processed', { ids, processed });
    if (deleted !== ids.length) throw kind.error('STALE_VERSION', 'id', `${kind.noun}s changed meanwhile`, { ids });
    return ids;
  }

  /**
   * The items by ID in the scope, locked for the transaction; NOT_FOUND names the first missing:
   * as `input[i].id` of a bulk input, or, with `argument`, as that argument (`id`, `paymentIDs`)
   * with the ID in extensions.ids.
   */
  async lockExisting(ids: string[], argument?: string): Promise<Map<string, T>> {
    const wanted = [...new Set(ids)];
    const query = () => this.scope.select(this.kind.entity, 'p').where('p.id IN (:...wanted)', { wanted }).orderBy('p.id');
    const rows = wanted.length ? await this.scope.forUpdate(query()).getMany() : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    ids.forEach((id, index) => {
      if (byId.has(id)) return;
      const message = `${this.kind.noun} ${id} was not found`;
      if (argument) throw this.kind.error('NOT_FOUND', argument, message, { id, ids: [id] });
      throw this.kind.error('NOT_FOUND', 'id', message, { index, id });
    });
    return byId;
  }

  /**
   * The items by ID after the writes, in the order given. An item the writes expected but that
   * is not there is an inconsistency, thrown inside the transaction so that it rolls back
   * (answered INTERNAL_SERVER_ERROR, nothing written), never a hole in the answer.
   */
  async reload(ids: string[]): Promise<T[]> {
    if (!ids.length) return [];
    const rows = await this.scope.select(this.kind.entity, 'p').where('p.id IN (:...ids)', { ids }).getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => {
      const row = byId.get(id);
      if (!row) throw new Error(`${this.kind.noun} ${id} was written by this mutation but cannot be read back`);
      return row;
    });
  }

  /** The values of `values` the side's table stores (and Version): audit columns of the other side are dropped. */
  storedValues(values: OpenItemValues): OpenItemValues {
    const fields = storedFields(this.kind);
    return Object.fromEntries(Object.entries(values).filter(([field]) => fields.has(field)));
  }

  private async complete(rows: RowToComplete[]): Promise<void> {
    if (this.kind.complete) await this.kind.complete(this.scope, rows);
  }
}

const fieldsByKind = new WeakMap<OpenItemKind, ReadonlySet<string>>();

/** Entity fields stored on a side's table, and its Version (audit values of other sides are dropped). */
function storedFields(kind: OpenItemKind): ReadonlySet<string> {
  let fields = fieldsByKind.get(kind);
  if (!fields) fieldsByKind.set(kind, (fields = new Set([...storedColumns(kind.table).map((c) => c.field), 'version'])));
  return fields;
}
