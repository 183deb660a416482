import { Dec } from '../../../src/platform/decimal';
import { demoPain001 } from '../../../src/seed/demo-bank-file';
import { amountToPay } from '../../../src/modules/open-items/amount-to-pay';
import { demoBatches } from '../../../src/seed/demo-batches';
import { demoDivision, demoPayment, demoUsers } from '../../../src/seed/demo-data';
import { Random } from '../../../src/seed/random';
import { sharedFile, validateAgainstXsd } from '../../support/shared-files';

const TODAY = new Date('2026-06-15T00:00:00Z');

/** The demo batches of one division, generated exactly as the seed does (no database needed). */
function generate(divisionIndex: number) {
  const random = new Random(7);
  const opts = { divisions: 2, payments: 300, seed: 7, today: TODAY, suppliersPerDivision: 12 };
  const users = demoUsers(random, new Date(TODAY.getTime() - 900 * 86_400_000));
  let set = demoDivision(random, 0, users, opts);
  for (let d = 1; d <= divisionIndex; d++) set = demoDivision(random, d, users, opts);
  const payments = Array.from({ length: opts.payments }, (_, i) => demoPayment(random, set, users, opts, i + 1));
  return { set, payments, rows: demoBatches(set, payments, users, random, 1, demoPain001, TODAY) };
}

const texts = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag}(?: [^>]*)?>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]);

describe('demo bank files', () => {
  const { set, payments, rows } = generate(1);

  it('are real pain.001.001.03 files that validate against the schema', () => {
    expect(rows.length).toBeGreaterThan(5);
    const xsd = sharedFile('standards/pain.001.001.03.xsd');
    if (!xsd) {
      console.warn('skipped schema validation: ../shared/standards/pain.001.001.03.xsd is missing');
      return;
    }
    for (const { attachment } of rows) {
      const verdict = validateAgainstXsd(attachment.attachment.toString('utf8'), xsd);
      expect({ file: attachment.fileName, errors: verdict.errors.trim() }).toEqual({ file: attachment.fileName, errors: '- validates' });
    }
  });

  it("state the batch's count and total, and pay each member to the cent", () => {
    for (const { batch, attachment } of rows) {
      const xml = attachment.attachment.toString('utf8');
      expect(attachment.fileSize).toBe(attachment.attachment.length);
      expect(texts(xml, 'MsgId')).toEqual([batch.cashflowTransactionBatchCode]);
      expect(texts(xml, 'NbOfTxs')).toEqual([String(batch.paymentCount), String(batch.paymentCount)]);
      expect(texts(xml, 'CtrlSum')).toEqual([batch.totalAmountDC, batch.totalAmountDC]);
      const members = payments
        .filter((p) => p.cashflowTransactionBatchCode === batch.cashflowTransactionBatchCode)
        .sort((a, b) => a.paymentBatchNumber! - b.paymentBatchNumber!);
      expect(texts(xml, 'InstdAmt')).toEqual(members.map((p) => amountToPay(p, batch.executionDate).toFixed(2)));
      expect(members.reduce((s, p) => s.plus(amountToPay(p, batch.executionDate)), new Dec(0)).toFixed(2)).toBe(batch.totalAmountDC);
      // Creditor accounts are the suppliers' bank accounts the payments point to.
      const ibans = members.map((p) => set.suppliers.find((s) => s.bank.id === p.accountBankAccountID)!.bank.bankAccount);
      expect(texts(xml, 'IBAN')).toEqual([set.ownBanks[0].bankAccount, ...ibans]);
    }
  });

  it('carry the Belgian structured communication where the payment has one', () => {
    const withReference = payments.filter((p) => p.cashflowTransactionBatchCode && p.paymentReference);
    expect(withReference.length).toBeGreaterThan(0);
    const all = rows.map((r) => r.attachment.attachment.toString('utf8')).join('\n');
    for (const p of withReference) expect(all).toContain(`<Ref>${p.paymentReference!.replace(/\D/g, '')}</Ref>`);
  });

  it('are deterministic: the same seed gives the same bytes', () => {
    const again = generate(1).rows;
    expect(again.map((r) => r.attachment.attachment.toString('base64'))).toEqual(
      rows.map((r) => r.attachment.attachment.toString('base64')),
    );
  });
});
