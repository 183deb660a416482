import { buildPain001, Pain001Transfer, SEPA_NAME_MAX } from '../formats/sepa-pain001';
import { fitSepaLength } from '../formats/sepa-text';
import { remittanceOf } from '../modules/open-items/remittance';
import { PaymentBatch } from '../modules/batches/payment-batch.entity';
import { Payment } from '../modules/payments/payment.entity';
import { amountToPay } from '../modules/open-items/amount-to-pay';
import { DivisionSet } from './demo-data';

/**
 * The SEPA EndToEndId the demo's pain.001 files give a payment: its batch code and its number in
 * the batch (`B100101-00003-12`), so a bank line carrying it leads back to the payment. (The
 * payment run itself writes the payment's ID without dashes; both are ids the gateway wrote.)
 */
export function demoEndToEndId(batchCode: string, paymentBatchNumber: number): string {
  return `${batchCode}-${paymentBatchNumber}`;
}

/**
 * The bank file of a demo batch: a real pain.001.001.03 file made by the SEPA writer, as the
 * payment run would have made it, so downloads of seeded batches validate like new ones.
 */
export function demoPain001(batch: PaymentBatch, payments: Payment[], set: DivisionSet): Buffer {
  const banks = new Map([...set.ownBanks, ...set.suppliers.map((s) => s.bank)].map((b) => [b.id, b]));
  const names = new Map(set.suppliers.map((s) => [s.account.id, s.account.name]));
  const debtor = banks.get(batch.bankAccountID);
  if (!debtor)
    throw new Error(`demo batch ${batch.cashflowTransactionBatchCode}: own bank account ${batch.bankAccountID} is not in the division`);
  const transfers: Pain001Transfer[] = payments.map((p) => {
    const creditor = banks.get(p.accountBankAccountID ?? '');
    if (!creditor) throw new Error(`demo payment ${p.id}: supplier bank account ${p.accountBankAccountID} is not in the division`);
    return {
      endToEndId: demoEndToEndId(batch.cashflowTransactionBatchCode, p.paymentBatchNumber!),
      amount: amountToPay(p, batch.executionDate).toFixed(2),
      currency: 'EUR',
      creditorName: fitSepaLength(creditor.bankAccountHolderName ?? names.get(p.accountID), SEPA_NAME_MAX),
      creditorIban: creditor.bankAccount,
      creditorBic: creditor.bic,
      // As the payment run writes them: texts cut to their limits after conversion to the SEPA set.
      ...remittanceOf(p),
    };
  });
  const { xml } = buildPain001({
    version: 'pain.001.001.03',
    messageId: batch.cashflowTransactionBatchCode,
    createdAt: batch.created,
    initiatingPartyName: fitSepaLength(set.division.companyName ?? set.division.description, SEPA_NAME_MAX),
    debtorName: fitSepaLength(debtor.bankAccountHolderName ?? set.division.companyName ?? set.division.description, SEPA_NAME_MAX),
    debtorIban: debtor.bankAccount,
    debtorBic: debtor.bic,
    executionDate: batch.executionDate,
    batchBooking: batch.batchBooking,
    paymentInformationId: `${batch.cashflowTransactionBatchCode}-1`,
    transfers,
  });
  return Buffer.from(xml, 'utf8');
}
