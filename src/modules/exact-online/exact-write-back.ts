import type { DivisionScope } from '../../access/division-scope';
import { storedColumns } from '../../catalog';
import type { Database } from '../../db/data-source';
import { GatewayError } from '../../platform/errors';
import type { Logger } from '../../platform/logger';
import type { Runtime } from '../../platform/runtime';
import type { SecretBox } from '../../platform/secret-box';
import type { OpenItem, OpenItemKind, OpenItemValues } from '../open-items/open-item';
import { OwnedRowChange, OwnedRowWriter, registerOwnedRowWriter } from '../open-items/owned-rows';
import { rulesOf } from '../open-items/row-rules';
import { ExactCallError } from './exact-client';
import { DivisionClient, ExactClients, ExactWaitTooLong } from './exact-clients';
import type { ExactConfig } from './exact-config';
import { ExactMalformedError, ExactRow, GATEWAY_COLUMNS, mapExactRow, parsePage } from './exact-mapping';
import { ExactTokenUnavailable } from './exact-tokens';

/**
 * What Exact Online lets a client change of a row it owns, by catalog table: the endpoint and the
 * fields its PUT takes (Exact's REST reference, CashflowPayments and CashflowReceivables: "PUT to
 * this endpoint allows you to prepare an invoice for payment by adjusting the payment method,
 * description and payment reference", and for payments the supplier's bank account,
 * AccountBankAccountID; every other field is GET only). ../shared/reference/incoming.md.
 */
export const EXACT_WRITABLE: Readonly<Record<string, { endpoint: string; columns: readonly string[] }>> = {
  Payments: { endpoint: 'cashflow/Payments', columns: ['AccountBankAccountID', 'Description', 'PaymentMethod', 'PaymentReference'] },
  Receivables: { endpoint: 'cashflow/Receivables', columns: ['Description', 'PaymentMethod', 'PaymentReference'] },
};

/** Most synced rows one mutation writes back: each costs 2 calls (PUT, GET), an undo 1, of Exact's 60 a minute. */
export const MAX_WRITE_BACK = 10;

/** A change sent to Exact, with what undoes it (the previous values, Exact's names). */
interface Sent {
  id: string;
  target: DivisionClient;
  path: string;
  previous: Record<string, string | null>;
}

/**
 * The write-back of issue 14 ("what may be written back"): an update of a synced Payment or
 * Receivable that changes only what Exact lets a client change is written to Exact first (PUT
 * `{division}/cashflow/Payments(guid'ID')` with the changed fields), then the row is read back
 * (GET by key with `$select`) and what Exact answers is stored whole, Version + 1, in the
 * mutation's transaction: Exact is the truth. Every change is checked before the first call: a
 * field Exact keeps is refused with OWNED_BY_EXACT naming it, and nothing is sent.
 *
 * Exact has no transactions: when a later change of a bulk update fails, the changes already sent
 * are undone at Exact (their previous values PUT back, best effort, logged when that fails too), and
 * the gateway's transaction rolls back. Whatever Exact ends up holding, the next sync brings it.
 * Errors: EXACT_REFUSED (BAD_USER_INPUT) when Exact answers 4xx, naming the field; EXACT_UNAVAILABLE
 * (CONFLICT, `retryable: true`) when Exact cannot be reached, keeps failing or has no calls left;
 * NEEDS_CONSENT (CONFLICT) when the consent is gone. Messages never carry a token.
 */
export class ExactWriteBack implements OwnedRowWriter {
  constructor(
    private readonly clients: ExactClients,
    private readonly log: Logger,
  ) {}

  async write<T extends OpenItem>(scope: DivisionScope, kind: OpenItemKind<T>, changes: OwnedRowChange<T>[]): Promise<void> {
    const writable = EXACT_WRITABLE[kind.table.name];
    for (const change of changes) this.#check(kind, change, writable?.columns ?? []);
    if (changes.length > MAX_WRITE_BACK) {
      const why =
        `at most ${MAX_WRITE_BACK} synced ${kind.noun}s are written back to Exact Online a call ` +
        '(each takes 2 of its 60 calls a minute)';
      throw kind.error('INVALID_VALUE', 'input', why, { max: MAX_WRITE_BACK });
    }
    const targets = new Map<number, DivisionClient>();
    const sent: Sent[] = [];
    let current: OwnedRowChange<T> | undefined;
    try {
      for (const change of changes) {
        current = change;
        const { row } = change;
        let target = targets.get(row.divisionCode);
        if (!target) targets.set(row.divisionCode, (target = await this.clients.forDivision(scope, row.divisionCode)));
        const path = `${target.exactDivision}/${writable.endpoint}(guid'${row.id}')`;
        const { body, previous } = this.#bodies(kind, change);
        // Undone on failure even when the PUT itself failed: a retried PUT may have reached Exact
        // with its answer lost, and putting the previous values back is harmless if it did not.
        sent.push({ id: row.id, target, path, previous });
        await target.client.put(target.exactDivision, path, body).catch((error: unknown) => {
          // A 4xx answer (refused, or no call left) means Exact did not apply it: nothing to undo.
          if (error instanceof ExactCallError && error.status >= 400 && error.status < 500) sent.pop();
          throw error;
        });
        const raw = await readRow(target, `${path}?$select=${selectOf(kind).join(',')}`);
        if (String(raw.ID).toLowerCase() !== row.id) throw new ExactMalformedError(`the row read back is ${String(raw.ID)}, not ${row.id}`);
        const values = { ...mapExactRow(kind.table, raw, row.divisionCode, target.currency), version: row.version + 1 } as Partial<T>;
        const where = { id: row.id, version: row.version };
        const stored = await scope.asConnector().update(kind.entity, values, 'ID = :id AND Version = :version', where);
        if (stored !== 1) throw kind.error('STALE_VERSION', 'version', `${kind.noun} ${row.id} changed meanwhile`, { id: row.id });
      }
    } catch (error) {
      const left = await this.#undo(sent);
      throw current ? this.#translate(kind, current, error, left) : error;
    }
  }

  /** OWNED_BY_EXACT for a field Exact keeps, then the gateway's own rules of each value sent. */
  #check<T extends OpenItem>(kind: OpenItemKind<T>, { row, set, index }: OwnedRowChange<T>, writable: readonly string[]): void {
    const rules = rulesOf(kind);
    const at = { index, id: row.id };
    for (const [field, value] of Object.entries(set)) {
      const c = rules.columnOfField(field);
      if (!writable.includes(c.name)) {
        const fields = writable.map((name) => storedColumns(kind.table).find((s) => s.name === name)!.field);
        const why =
          `division ${row.divisionCode} is connected to Exact Online: its ${kind.table.name} are Exact's, ` +
          `and Exact lets a client change only ${fields.join(', ')}`;
        throw kind.error('OWNED_BY_EXACT', field, why, { ...at, division: row.divisionCode, table: kind.table.name, writable: fields });
      }
      if (value === null && c.required) throw kind.error('REQUIRED', field, `${c.labelEn} (${c.name}) is required`, at);
      if (value !== null) rules.checkColumnValue(c, value, at);
    }
  }

  /** The PUT's body (the changed fields, Exact's names and JSON values) and the values it replaces. */
  #bodies<T extends OpenItem>(kind: OpenItemKind<T>, { row, set }: OwnedRowChange<T>) {
    const rules = rulesOf(kind);
    const body: Record<string, string | null> = {};
    const previous: Record<string, string | null> = {};
    const before = row as unknown as OpenItemValues;
    for (const [field, value] of Object.entries(set)) {
      const name = rules.columnOfField(field).name;
      body[name] = value === null || value === undefined ? null : String(value);
      previous[name] = before[field] === null || before[field] === undefined ? null : String(before[field]);
    }
    return { body, previous };
  }

  /**
   * Puts the previous values back at Exact for every change sent, last first (best effort: a
   * failure is logged, and the next sync brings Exact's row). The IDs that could not be put back.
   */
  async #undo(sent: Sent[]): Promise<string[]> {
    const left: string[] = [];
    for (const { target, path, previous, id } of sent.reverse()) {
      try {
        await target.client.put(target.exactDivision, path, previous);
      } catch (error) {
        left.push(id);
        const endpoint = path.replace(/^\d+\//, '');
        this.log.warn({ endpoint, error: (error as Error).message }, 'exact: write-back not undone at Exact; the next sync brings its row');
      }
    }
    return left;
  }

  /** The side's error for a failed call: EXACT_REFUSED (4xx) naming the field, EXACT_UNAVAILABLE (retryable), or as thrown. */
  #translate<T extends OpenItem>(kind: OpenItemKind<T>, { row, set, index }: OwnedRowChange<T>, error: unknown, left: string[]): unknown {
    if (error instanceof GatewayError) return error;
    const fields = Object.keys(set);
    // Changes sent before this one that Exact would not take back either: the caller is told, the sync brings them.
    const notUndone = left.length ? { notUndone: left } : {};
    const leftText = left.length ? ` (${left.length} earlier change(s) stay at Exact until the next sync: ${left.join(', ')})` : '';
    const at = { index, id: row.id, ...notUndone };
    if (error instanceof ExactCallError && error.status >= 400 && error.status < 500 && error.status !== 429) {
      const said = /HTTP \d+ ?(.*)$/.exec(error.message)?.[1] || `HTTP ${error.status}`;
      const names = fields.map((f) => rulesOf(kind).columnOfField(f).name);
      const field = fields[names.findIndex((n) => said.includes(n))] ?? fields[0];
      this.log.warn({ table: kind.table.name, status: error.status, field }, 'exact: write-back refused by Exact');
      return kind.error('EXACT_REFUSED', field, `Exact Online refused the change: ${said}${leftText}`, {
        ...at,
        fields,
        exactStatus: error.status,
      });
    }
    const unavailable =
      error instanceof ExactCallError ||
      error instanceof ExactWaitTooLong ||
      error instanceof ExactMalformedError ||
      error instanceof ExactTokenUnavailable;
    if (!unavailable) return error;
    const retryAfter = error instanceof ExactWaitTooLong ? new Date(error.until).toISOString() : undefined;
    this.log.warn({ table: kind.table.name, error: error.message }, 'exact: write-back failed, Exact unavailable');
    const why = `Exact Online could not take the change now (${error.message}); nothing was changed, try again${leftText}`;
    return kind.error('EXACT_UNAVAILABLE', null, why, { ...at, retryable: true, ...(retryAfter ? { retryAfter } : {}) });
  }
}

/** The Exact fields a row is read back with: every stored column of the side but the gateway's own. */
function selectOf(kind: OpenItemKind): string[] {
  return storedColumns(kind.table)
    .map((c) => c.name)
    .filter((n) => !GATEWAY_COLUMNS.has(n));
}

/**
 * One row by key. Exact answers a GET by key with the entity itself in `d` (OData v2), some
 * endpoints with `d.results` holding it; both are read, numbers kept as their text (parsePage).
 */
async function readRow(target: DivisionClient, path: string): Promise<ExactRow> {
  let row: ExactRow | undefined;
  await target.client.request('GET', target.exactDivision, path, undefined, undefined, (text) => {
    let results: ExactRow[];
    try {
      results = parsePage(text).results;
    } catch (error) {
      const entity = /^\s*\{\s*"d"\s*:\s*(\{[\s\S]*\})\s*\}\s*$/.exec(text);
      if (!entity) throw error;
      results = parsePage(`{"d":{"results":[${entity[1]}]}}`).results;
    }
    if (results.length !== 1) throw new ExactMalformedError(`one row expected, ${results.length} answered`);
    row = results[0];
  });
  return row!;
}

/**
 * Gives the open-item writes of the gateway of `runtime` the write-back to Exact (the composition
 * root calls it, with the SecretBox that opens the stored tokens).
 */
export function registerExactWriteBack(runtime: Runtime, db: Database, box: SecretBox, config: ExactConfig): void {
  registerOwnedRowWriter(runtime, new ExactWriteBack(new ExactClients(db, box, config, runtime.logger), runtime.logger));
}
