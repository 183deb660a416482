import { Dec, isDecimalText } from './decimal';
import { badInput } from './errors';

/**
 * Input rules shared by every module, the HTTP routes and the command line. Each `...Problem`
 * function returns why a value breaks the rule (a phrase that follows the field name:
 * `paymentIDs: names 00000000-... twice`), or undefined; the caller throws with its own error
 * factory (a module's rule errors, badInput, a command-line message), so the wording is one and
 * the codes stay the module's. `refuse` throws the plain BAD_USER_INPUT.
 */

/** Most IDs one call may name (selectPayments, matchPayments, processPayments, ...): one page of a list. */
export const MAX_IDS_PER_CALL = 1000;

/** Most division codes a request may list (header, `divisions` argument, HTTP, CLI); more: use `all`. */
export const MAX_DIVISION_CODES = 1000;

/** Largest value of a GraphQL Int, and of the int32 columns (division codes, numbers, days). */
export const INT32_MAX = 2_147_483_647;

/** Throws BAD_USER_INPUT naming `field` when `problem` is set. */
export function refuse(field: string, problem: string | undefined): void {
  if (problem !== undefined) throw badInput(field, problem);
}

/** A whole number from `min` to `max`, both included. */
export function integerProblem(value: unknown, min: number, max: number): string | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value)) return `must be a whole number, got ${JSON.stringify(value)}`;
  if (value < min || value > max) return `must be from ${min} to ${max}, got ${value}`;
  return undefined;
}

/** A decimal (text or number) from `min` to `max`, both included, compared exactly. */
export function decimalRangeProblem(value: unknown, min: string, max: string): string | undefined {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !isDecimalText(text)) return `must be a decimal number, got ${JSON.stringify(value)}`;
  const d = new Dec(text);
  if (d.lt(min) || d.gt(max)) return `must be from ${min} to ${max}, got ${text}`;
  return undefined;
}

/** A percentage: 0 to 100. */
export function percentageProblem(value: unknown): string | undefined {
  return decimalRangeProblem(value, '0', '100');
}

/**
 * Text of `min` to `max` characters (counted as Unicode code points, as the columns count them),
 * without control characters, which no name or reference needs and terminals and logs misread.
 */
export function textProblem(value: unknown, min: number, max: number): string | undefined {
  if (typeof value !== 'string') return 'must be text';
  const length = [...value].length;
  if (length < min) return min === 1 ? 'must not be empty' : `must have at least ${min} characters`;
  if (length > max) return `must have at most ${max} characters, got ${length}`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return 'must not contain control characters (tab, line break, ...)';
  return undefined;
}

/**
 * A list of `min` to `max` items; with `key`, a set: an item named twice is refused (a repeated
 * ID or division is a mistake of the caller, and silently merging it would hide that).
 */
export function listProblem<T>(items: readonly T[], rule: { min?: number; max: number; key?: (item: T) => string }): string | undefined {
  const min = rule.min ?? 1;
  if (items.length < min) return min === 1 ? 'must name at least one item' : `must have at least ${min} items`;
  if (items.length > rule.max) return `must have at most ${rule.max} items, got ${items.length}`;
  if (rule.key) {
    const seen = new Set<string>();
    for (const item of items) {
      const k = rule.key(item);
      if (seen.has(k)) return `names ${k} twice`;
      seen.add(k);
    }
  }
  return undefined;
}

/** A division code: a positive GraphQL Int. */
export function divisionCodeProblem(value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > INT32_MAX) {
    return `${JSON.stringify(value)} is not a division code (a whole number from 1 to ${INT32_MAX})`;
  }
  return undefined;
}

/**
 * A list of division codes: 1 to MAX_DIVISION_CODES codes, each a division code. A list of
 * divisions is a set: a code named twice counts once (partition-selection.ts), so it is no error.
 */
export function divisionCodesProblem(codes: readonly unknown[]): string | undefined {
  for (const c of codes) {
    const problem = divisionCodeProblem(c);
    if (problem) return problem;
  }
  const problem = listProblem(codes, { max: MAX_DIVISION_CODES });
  return problem && codes.length > MAX_DIVISION_CODES
    ? `${problem} (use all, or leave the divisions out, for every granted division)`
    : problem;
}
