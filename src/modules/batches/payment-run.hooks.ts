/**
 * Test seams of the payment run. `afterBatchWritten` runs inside the processing transaction after
 * the batch, document and file rows are written and before the payments change; a test makes it
 * throw to prove that a failure there leaves nothing behind. Never set in production code.
 */
export const paymentRunHooks: { afterBatchWritten?: (batchCode: string) => void | Promise<void> } = {};
