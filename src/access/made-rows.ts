import { ObjectLiteral } from 'typeorm';
import type { MadeRows } from '../db/bulk-insert';
import { AccessRule, accessError } from './access.errors';

/**
 * Rows made as they are written (db/bulk-insert.ts MadeRows), checked as they are made: each row's
 * division must be one its source declared (DivisionScope.insertMany checks the declared ones
 * before anything is written). A row of another division ends the iteration with FORBIDDEN
 * (DIVISION_NOT_GRANTED, extensions.division), which fails the write: the caller's transaction
 * rolls back and keeps none of the rows written before it.
 */
export function ofDeclaredDivisions<T extends ObjectLiteral & { divisionCode?: number }>(made: MadeRows<T>): MadeRows<T> {
  const declared = new Set(made.divisionCodes.map(Number));
  return {
    length: made.length,
    divisionCodes: made.divisionCodes,
    *[Symbol.iterator]() {
      for (const row of made) {
        const division = Number(row.divisionCode);
        if (!declared.has(division)) {
          const why = `a row of division ${division} among rows declared of division ${[...declared].join(', ')}`;
          throw accessError(AccessRule.DIVISION_NOT_GRANTED, null, why, { division });
        }
        yield row;
      }
    },
  };
}
