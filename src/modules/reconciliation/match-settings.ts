import { Clock, systemClock } from '../../access/audit';
import { DivisionScope } from '../../access/division-scope';
import { Principal } from '../../access/principal';
import { Dec } from '../../platform/decimal';
import { GLAccount } from '../gl-accounts/gl-account.entity';
import { DEFAULT_AUTO_THRESHOLD } from './proposal-engine';
import { reconciliationError, ReconciliationRule } from './match-apply.errors';
import { ReconciliationSetting } from './match-settings.entity';

/** Defaults of a division without a ReconciliationSettings row: the engine's threshold, no tolerance, no G/L account. */
export const DEFAULT_SETTINGS = {
  autoApplyThreshold: new Dec(DEFAULT_AUTO_THRESHOLD).toFixed(4),
  toleranceFC: '0.00',
  paymentDifferenceGLAccountID: null,
} as const;

/** The settings a reconciliation of one division works with. */
export interface DivisionSettings {
  divisionCode: number;
  /** Proposals with at least this confidence (0 to 1) are applied automatically. */
  autoApplyThreshold: string;
  /** Largest payment difference (absolute, in the line's currency) that may be booked. */
  toleranceFC: string;
  /** Where payment differences are booked; null: none may be booked. */
  paymentDifferenceGLAccountID: string | null;
}

/** The division's settings, or the defaults (DEFAULT_SETTINGS) when it has none. */
export async function settingsOf(scope: DivisionScope, divisionCode: number): Promise<DivisionSettings> {
  const row = await scope.select(ReconciliationSetting, 's').where('s.divisionCode = :divisionCode', { divisionCode }).getOne();
  return row ? { ...row } : { divisionCode, ...DEFAULT_SETTINGS };
}

/** What `setReconciliationSettings` may change; fields left out keep their value. */
export interface SettingsChange {
  divisionCode: number;
  autoApplyThreshold?: string | null;
  toleranceFC?: string | null;
  paymentDifferenceGLAccountID?: string | null;
}

/**
 * Writes a division's settings (insert or update), checked: the threshold from 0 to 1 with at most
 * 4 decimals, the tolerance from 0 with at most 2 decimals, the G/L account one of the division's.
 * BAD_USER_INPUT naming the field; NOT_FOUND for an unknown G/L account. (The threshold above 0: the engine's rule.)
 */
export async function changeSettings(
  scope: DivisionScope,
  principal: Principal,
  change: SettingsChange,
  now: Clock = systemClock,
): Promise<ReconciliationSetting> {
  scope.assertWritable(change.divisionCode);
  const current = await settingsOf(scope, change.divisionCode);
  const next: DivisionSettings = { ...current };
  if (change.autoApplyThreshold != null) {
    const v = decimalIn('autoApplyThreshold', change.autoApplyThreshold, 4);
    if (v.lte(0) || v.gt(1))
      throw reconciliationError(ReconciliationRule.INVALID_VALUE, 'autoApplyThreshold', 'must be above 0 and at most 1');
    next.autoApplyThreshold = v.toFixed(4);
  }
  if (change.toleranceFC != null) {
    const v = decimalIn('toleranceFC', change.toleranceFC, 2);
    if (v.lt(0) || v.gt(1_000_000)) throw reconciliationError(ReconciliationRule.INVALID_VALUE, 'toleranceFC', 'must be from 0 to 1000000');
    next.toleranceFC = v.toFixed(2);
  }
  if (change.paymentDifferenceGLAccountID !== undefined) {
    const id = change.paymentDifferenceGLAccountID;
    if (id !== null) await glAccountOf(scope, change.divisionCode, id, 'paymentDifferenceGLAccountID');
    next.paymentDifferenceGLAccountID = id;
  }
  const row = Object.assign(new ReconciliationSetting(), { ...next, modified: now(), modifierID: principal.userId });
  const exists = await scope.select(ReconciliationSetting, 's').where('s.divisionCode = :d', { d: change.divisionCode }).getCount();
  if (exists) await scope.update(ReconciliationSetting, row, 'Division = :d', { d: change.divisionCode });
  else await scope.insert(ReconciliationSetting, [row]);
  return row;
}

/** A G/L account of `divisionCode` by ID; NOT_FOUND naming `field` otherwise. */
export async function glAccountOf(scope: DivisionScope, divisionCode: number, id: string, field: string): Promise<GLAccount> {
  const gl = await scope.select(GLAccount, 'g').where('g.id = :id AND g.divisionCode = :divisionCode', { id, divisionCode }).getOne();
  if (!gl) throw reconciliationError(ReconciliationRule.NOT_FOUND, field, `G/L account ${id} was not found in division ${divisionCode}`);
  return gl;
}

/** A decimal text with at most `scale` decimals; BAD_USER_INPUT naming `field` otherwise. */
export function decimalIn(field: string, text: string, scale: number): Dec {
  let value: Dec;
  try {
    value = new Dec(text);
  } catch {
    throw reconciliationError(ReconciliationRule.INVALID_VALUE, field, `${JSON.stringify(text)} is not a decimal number`);
  }
  if (!value.isFinite()) throw reconciliationError(ReconciliationRule.INVALID_VALUE, field, 'must be a finite number');
  if (value.decimalPlaces() > scale) throw reconciliationError(ReconciliationRule.INVALID_VALUE, field, `at most ${scale} decimals`);
  return value;
}
