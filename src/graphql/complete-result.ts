import { catalogTableOf } from './catalog-entity';
import { graphqlTypeOverride } from './column-types';
import { storedColumns } from '../catalog';

/**
 * Checks, before a mutation commits, that its result is one GraphQL can answer with: no missing
 * item in a list (a row that a write expected but did not find), no required column left empty,
 * no code outside its enum (Status 99). GraphQL checks the same only after the resolver returned,
 * which is after the transaction committed: a failure there answered INTERNAL_SERVER_ERROR while
 * the writes stayed. Rows are recognised by their catalog entity class; other objects and arrays
 * are walked. Throws an Error naming the first problem (the caller's transaction rolls back).
 */
export function assertCompleteResult(value: unknown, path = 'result'): void {
  if (value === null || value === undefined) throw new Error(`${path} is missing`);
  if (Array.isArray(value)) {
    value.forEach((item, i) => assertCompleteResult(item, `${path}[${i}]`));
    return;
  }
  if (typeof value !== 'object' || value instanceof Date || Buffer.isBuffer(value)) return;
  const t = catalogTableOf(value);
  if (!t) {
    for (const [key, v] of Object.entries(value)) if (v !== null && typeof v === 'object') assertCompleteResult(v, `${path}.${key}`);
    return;
  }
  const row = value as Record<string, unknown>;
  for (const c of storedColumns(t)) {
    const v = row[c.field];
    if (v === null || v === undefined) {
      if (c.required) throw new Error(`${path}: ${t.name}.${c.name} is empty`);
      continue;
    }
    const override = graphqlTypeOverride(t.name, c.name)?.();
    // A TypeScript enum registered as a GraphQL enum: the value must be one of its members.
    if (override && !('serialize' in override) && !Object.values(override).includes(v)) {
      throw new Error(`${path}: ${t.name}.${c.name} is ${JSON.stringify(v)}, not a value of its code list`);
    }
  }
}
