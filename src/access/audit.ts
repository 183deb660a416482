import type { Principal } from './principal';

/**
 * Audit columns (Creator/Created, Modifier/Modified, PaymentSelector/PaymentSelected) always come
 * from the principal and the clock, never from client input. Services spread these over the row
 * they write AFTER the input, so a value smuggled in through an input is overwritten:
 *
 *   const row = { ...fromInput, ...creationAudit(ctx.principal, clock()) };
 *   await ctx.scope.update(Payment, { status: 30, ...selectionAudit(ctx.principal, now), ...modificationAudit(ctx.principal, now) }, ...);
 *
 * Exact keeps `Created`/`Modified` in the division's local time and the `...Utc` columns in UTC;
 * this gateway stores both as the same instant (timestamps are UTC throughout).
 */
export type Clock = () => Date;

/** The system clock; tests pass their own. */
export const systemClock: Clock = () => new Date();

/** Entity properties whose values only this module may set. */
export const AUDIT_FIELDS = [
  'creatorID',
  'created',
  'createdUtc',
  'modifierID',
  'modified',
  'modifiedUtc',
  'paymentSelectorID',
  'paymentSelected',
] as const;

export interface CreationAudit {
  creatorID: string;
  created: Date;
  createdUtc: Date;
  modifierID: string;
  modified: Date;
  modifiedUtc: Date;
}

export interface ModificationAudit {
  modifierID: string;
  modified: Date;
  modifiedUtc: Date;
}

export interface SelectionAudit {
  paymentSelectorID: string | null;
  paymentSelected: Date | null;
}

/** Columns of a new row: created and modified by the caller, now. */
export function creationAudit(principal: Pick<Principal, 'userId'>, now: Date = systemClock()): CreationAudit {
  return { creatorID: principal.userId, created: now, createdUtc: now, modifierID: principal.userId, modified: now, modifiedUtc: now };
}

/** Columns of a changed row: modified by the caller, now. */
export function modificationAudit(principal: Pick<Principal, 'userId'>, now: Date = systemClock()): ModificationAudit {
  return { modifierID: principal.userId, modified: now, modifiedUtc: now };
}

/** Selecting a payment records who selected it and when; deselecting clears both. */
export function selectionAudit(principal: Pick<Principal, 'userId'>, now: Date = systemClock(), selected = true): SelectionAudit {
  return selected ? { paymentSelectorID: principal.userId, paymentSelected: now } : { paymentSelectorID: null, paymentSelected: null };
}

/**
 * Removes audit properties from client input (defence in depth: input types should not declare
 * them at all). Returns a copy.
 */
export function withoutAuditFields<T extends object>(input: T): Omit<T, (typeof AUDIT_FIELDS)[number]> {
  const copy = { ...input } as Record<string, unknown>;
  for (const f of AUDIT_FIELDS) delete copy[f];
  return copy as Omit<T, (typeof AUDIT_FIELDS)[number]>;
}
