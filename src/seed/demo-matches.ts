import { guidFromHash } from '../platform/guid';
import { PaymentMatch } from '../modules/matching/payment-match.entity';
import { PaymentStatus } from '../catalog/codes';
import { Payment } from '../modules/payments/payment.entity';

/**
 * Match rows for the demo's matched payments (Status 50): each was paid by its own bank statement
 * line. IDs are derived from the payment's ID rather than drawn from the seeded random generator,
 * so adding them leaves every other demo value as it was.
 */
export function demoMatches(payments: Payment[]): PaymentMatch[] {
  return payments
    .filter((p) => p.status === PaymentStatus.MATCHED && p.endDate)
    .map((p) =>
      Object.assign(new PaymentMatch(), {
        id: derivedUuid(`match-line:${p.id}`),
        divisionCode: p.divisionCode,
        matchID: derivedUuid(`match:${p.id}`),
        paymentID: p.id,
        bankStatementLineReference: demoMatchReference(p),
        previousStatus: p.cashflowTransactionBatchCode ? PaymentStatus.PROCESSED : PaymentStatus.SELECTED,
        matchDate: p.endDate!,
        created: p.endDate!,
        creatorID: p.modifierID,
      }),
    );
}

/** The bank reference of the statement line that paid a matched demo payment (its match row names it, demo-statements.ts writes it). */
export function demoMatchReference(p: Payment): string {
  return `STMT-${p.endDate!.toISOString().slice(0, 10)}-${p.entryNumber ?? 0}`;
}

/** A version-4-shaped UUID from a sha256 of `text` (deterministic). */
function derivedUuid(text: string): string {
  return guidFromHash(text, 4);
}
