import { allDivisionCodes } from '../../src/access/authenticate';
import { createCreditorReference } from '../../src/formats/structured-reference';
import { AllocationRule } from '../../src/modules/reconciliation/allocation-rule.entity';
import { GLAccount } from '../../src/modules/gl-accounts/gl-account.entity';
import { BankAccount } from '../../src/modules/bank-accounts/bank-account.entity';
import { Journal } from '../../src/modules/journals/journal.entity';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { insertRow } from '../support/payments';
import { ownBankAccount } from '../support/statements';
import { bankLines, counterparty, framed, ogm, payment, processedBatch, propose, receivable } from '../support/reconciliation';

/**
 * The matching engine over real rows (issue 13, "Automatic matching"), on SQLite and MariaDB.
 * Expected proposals follow from the rules: a valid structured communication names one
 * receivable; wrong check digits are never a key; a discount counts on or before its due date;
 * several items add up; an EndToEndId names a processed payment; a debit of a batch's total
 * settles the batch; an allocation rule books to its G/L account; nothing crosses divisions.
 * "Automatic" means at or above the default threshold 0.9.
 */
let t: TestDatabase;
let D: number;
let other: number;
const AUTO = 0.9;

beforeAll(async () => {
  t = await openSeededDatabase('reconciliation_engine', { divisions: 2, payments: 40 });
  [D, other] = await allDivisionCodes(t.db);
});
afterAll(async () => {
  await t?.close();
});

const best = async (lineID: string, divisions = [D]) => (await propose(t.db, divisions, [lineID])).get(lineID) ?? [];

describe('rule 1: exact references', () => {
  it('a valid structured communication names its receivable, wherever the money comes from', async () => {
    const { account } = await counterparty(t.db, D, 'Brouwerij Het Anker');
    const ref = ogm('0900012345');
    const r = await receivable(t.db, D, { accountID: account.id, amountFC: '1210.00', paymentReference: framed(ref) });
    // Paid from an unknown account (a relative's), with the communication as CODA carries it (12 digits).
    const [line] = await bankLines(t.db, D, [{ amount: '1210.00', structuredReference: ref, counterpartyName: 'J. Janssens' }]);
    const [top] = await best(line);
    expect(top).toMatchObject({ kind: 'receivables', items: [{ id: r.id, amountFC: '1210.00' }], differenceFC: '0.00', divisionCode: D });
    expect(top.confidence).toBeGreaterThanOrEqual(0.97);
    expect(top.reasons[0]).toMatchObject({ rule: 'structuredReference', fields: expect.arrayContaining(['PaymentReference', 'AmountFC']) });
  });

  it('never uses a structured communication with wrong check digits as a key', async () => {
    const { account } = await counterparty(t.db, D, 'Drukkerij Vanden Broele');
    const ref = ogm('0900054321');
    const r = await receivable(t.db, D, { accountID: account.id, amountFC: '733.17', paymentReference: framed(ref) });
    const wrong = ogm('0900054321', 1);
    const [line] = await bankLines(t.db, D, [
      { amount: '733.17', unstructuredRemittance: framed(wrong), counterpartyName: 'Iemand Anders' },
    ]);
    const proposals = await best(line);
    expect(proposals.flatMap((p) => p.reasons).some((x) => x.rule === 'structuredReference')).toBe(false);
    // The amount alone (another account, or none) is never automatic.
    expect(proposals.filter((p) => p.items.some((i) => i.id === r.id)).every((p) => p.confidence < AUTO)).toBe(true);
  });

  it('an ISO 11649 RF reference in the free text names its receivable', async () => {
    const { account } = await counterparty(t.db, D, 'Nordic Trading AB');
    const rf = createCreditorReference('INV77120');
    const r = await receivable(t.db, D, { accountID: account.id, amountFC: '88.40', paymentReference: rf });
    const printed = rf.replace(/(.{4})(?=.)/g, '$1 ');
    const [line] = await bankLines(t.db, D, [{ amount: '88.40', unstructuredRemittance: `Payment ${printed}` }]);
    const [top] = await best(line);
    expect(top).toMatchObject({ kind: 'receivables', items: [{ id: r.id, amountFC: '88.40' }] });
    expect(top.confidence).toBeGreaterThanOrEqual(0.97);
  });

  it("the EndToEndId of a processed payment settles it; a debit of a batch's whole total settles the batch", async () => {
    const { account, iban } = await counterparty(t.db, D, 'Staalbouw Peeters');
    const ownBank = (await t.db.dataSource.manager.findOneBy(BankAccount, { divisionCode: D, main: true, accountID: undefined }))!;
    const a = await payment(t.db, D, { accountID: account.id, amountFC: '2500.00' });
    const b = await payment(t.db, D, { accountID: account.id, amountFC: '420.35' });
    const c = await payment(t.db, D, { accountID: account.id, amountFC: '79.65' });
    await processedBatch(t.db, D, 'B9-90001', [a], ownBank.id);
    const batch = await processedBatch(t.db, D, 'B9-90002', [b, c], ownBank.id);
    const [single, whole] = await bankLines(t.db, D, [
      { amount: '-2500.00', endToEndId: a.id.replace(/-/g, ''), counterpartyAccount: iban },
      { amount: '-500.00', description: 'Batch debit' },
    ]);
    const [first] = await best(single);
    expect(first).toMatchObject({ kind: 'payments', items: [{ id: a.id, amountFC: '2500.00' }], differenceFC: '0.00' });
    expect(first.confidence).toBeGreaterThanOrEqual(0.97);
    expect(first.reasons[0].rule).toBe('endToEndId');
    const [second] = await best(whole);
    expect(second).toMatchObject({ kind: 'batch', items: [{ id: batch.id, amountFC: '500.00' }], differenceFC: '0.00' });
    expect(second.confidence).toBeGreaterThanOrEqual(AUTO);
  });
});

describe('rules 2 and 3: the counterparty and its open items', () => {
  it('the amount of the one open item of the account that owns the IBAN', async () => {
    const { account, iban } = await counterparty(t.db, D, 'Bakkerij De Kroon');
    const r = await receivable(t.db, D, { accountID: account.id, amountFC: '412.33', dueDate: new Date('2026-05-01T00:00:00Z') });
    const [line] = await bankLines(t.db, D, [{ amount: '412.33', counterpartyAccount: iban, counterpartyName: 'BAKKERIJ DE KROON' }]);
    const [top] = await best(line);
    expect(top).toMatchObject({ kind: 'receivables', items: [{ id: r.id, amountFC: '412.33' }], accountID: account.id });
    expect(top.confidence).toBeGreaterThanOrEqual(AUTO);
    expect(top.reasons[0].rule).toBe('amount');
  });

  it('a cash discount counts on or before its due date, and not after', async () => {
    const { account, iban } = await counterparty(t.db, D, 'Garage Van Hool');
    // 1000.00 with 2% discount (20.00) until 2026-06-10.
    const r = await receivable(t.db, D, {
      accountID: account.id,
      amountFC: '1000.00',
      amountDiscountFC: '20.00',
      discountDueDate: new Date('2026-06-10T00:00:00Z'),
    });
    const [onTime, late] = await bankLines(t.db, D, [
      { amount: '980.00', counterpartyAccount: iban, valueDate: '2026-06-10', bookingDate: '2026-06-12' },
      { amount: '980.00', counterpartyAccount: iban, valueDate: '2026-06-11', bookingDate: '2026-06-12' },
    ]);
    const [valid] = await best(onTime);
    // The item is settled in full; the line pays 20.00 less (the discount): difference -20.00.
    expect(valid).toMatchObject({ items: [{ id: r.id, amountFC: '1000.00' }], differenceFC: '-20.00' });
    const [expired] = await best(late);
    expect(expired).toMatchObject({ items: [{ id: r.id, amountFC: '1000.00' }], differenceFC: '-20.00' });
    expect(valid.reasons[0].detail).toMatch(/valid on the value date/);
    expect(valid.confidence).toBeGreaterThanOrEqual(AUTO);
    expect(expired.reasons[0].detail).toMatch(/expired/);
    // Both lines propose the same item: the one on time would be automatic alone; the late one never is.
    expect(expired.confidence).toBeLessThan(AUTO);
  });

  it('several open items that add up exactly, automatic when the text names them', async () => {
    const { account, iban } = await counterparty(t.db, D, 'Hotel Aarden');
    const due = (d: string) => new Date(`2026-${d}T00:00:00Z`);
    const x = await receivable(t.db, D, { accountID: account.id, amountFC: '100.00', invoiceNumber: 9101, dueDate: due('03-01') });
    const y = await receivable(t.db, D, { accountID: account.id, amountFC: '250.00', invoiceNumber: 9102, dueDate: due('04-01') });
    await receivable(t.db, D, { accountID: account.id, amountFC: '400.00', invoiceNumber: 9103, dueDate: due('05-01') });
    const [named, unnamed] = await bankLines(t.db, D, [
      { amount: '350.00', counterpartyAccount: iban, unstructuredRemittance: 'Facturen 9101 en 9102' },
      { amount: '650.00', counterpartyAccount: iban, unstructuredRemittance: 'Betaling' },
    ]);
    const [both] = await best(named);
    expect(both).toMatchObject({
      kind: 'receivables',
      items: [
        { id: x.id, amountFC: '100.00' },
        { id: y.id, amountFC: '250.00' },
      ],
    });
    expect(both.confidence).toBeGreaterThanOrEqual(AUTO);
    // 250 + 400: the only combination adding up to 650, but nothing names it: proposed, not automatic.
    const [guess] = await best(unnamed);
    expect(guess.items.map((i) => i.amountFC)).toEqual(['250.00', '400.00']);
    expect(guess.confidence).toBeLessThan(AUTO);
  });

  it('two open items of one customer with the same amount: both proposed, oldest first, neither automatic', async () => {
    const { account, iban } = await counterparty(t.db, D, 'Sportclub Zwaluw');
    const old = await receivable(t.db, D, { accountID: account.id, amountFC: '55.00', dueDate: new Date('2026-02-01T00:00:00Z') });
    const young = await receivable(t.db, D, { accountID: account.id, amountFC: '55.00', dueDate: new Date('2026-03-01T00:00:00Z') });
    const [line] = await bankLines(t.db, D, [{ amount: '55.00', counterpartyAccount: iban }]);
    const proposals = await best(line);
    expect(proposals.slice(0, 2).map((p) => p.items[0].id)).toEqual([old.id, young.id]);
    expect(proposals.every((p) => p.confidence < AUTO)).toBe(true);
  });

  it('the name, normalised, finds the account; spelled differently it is never automatic', async () => {
    const { account } = await counterparty(t.db, D, 'Schrijnwerkerij Van Damme BVBA');
    const r = await receivable(t.db, D, { accountID: account.id, amountFC: '1999.99' });
    const [exact, typo] = await bankLines(t.db, D, [
      { amount: '1999.99', counterpartyName: 'SCHRIJNWERKERIJ VAN DAMME' },
      { amount: '1999.99', counterpartyName: 'Schrynwerkerij Van Dame' },
    ]);
    const [byName] = await best(exact);
    expect(byName).toMatchObject({ items: [{ id: r.id }] });
    const [byFuzzy] = await best(typo);
    expect(byFuzzy).toMatchObject({ items: [{ id: r.id }] });
    expect(byFuzzy.confidence).toBeLessThan(AUTO);
  });

  it('an allocation rule books a bank fee to its G/L account', async () => {
    const gl = (await t.db.dataSource.manager.findOneBy(GLAccount, { divisionCode: D }))!;
    await insertRow(t.db, AllocationRule, {
      divisionCode: D,
      description: 'Bank fees',
      words: 'kosten beheer',
      counterpartyBankAccount: null,
      accountID: null,
      glAccountID: gl.id,
      priority: 1,
      version: 1,
    });
    const [line] = await bankLines(t.db, D, [{ amount: '-12.50', description: 'Beheerskosten rekening' }]);
    const [top] = await best(line);
    expect(top).toMatchObject({ kind: 'glAccount', items: [], glAccountID: gl.id, differenceFC: '0.00' });
    expect(top.confidence).toBeGreaterThanOrEqual(AUTO);
  });
});

describe('internal transfers between own accounts', () => {
  /** An own bank account of `division` with a bank journal booked to a G/L account of that division. */
  async function ownAccount(division: number, code: string) {
    const gl = (await t.db.dataSource.manager.findOneBy(GLAccount, { divisionCode: division }))!;
    const own = await ownBankAccount(t.db, division, code);
    await t.db.dataSource.manager.update(Journal, { id: own.journal.id }, { glAccountID: gl.id });
    return { ...own, gl };
  }

  it("a line from or to another own account is booked to that account's journal G/L account, with no allocation rule", async () => {
    const savings = await ownAccount(D, 'SAV1');
    const [out, back] = await bankLines(t.db, D, [
      { amount: '-2500.00', counterpartyAccount: savings.iban, counterpartyName: 'Eigen rekening', description: 'Naar spaarrekening' },
      { amount: '400.00', counterpartyAccount: savings.iban, description: 'Terug van spaarrekening' },
    ]);
    for (const line of [out, back]) {
      const [top] = await best(line);
      expect(top).toMatchObject({ kind: 'glAccount', items: [], glAccountID: savings.gl.id, differenceFC: '0.00' });
      expect(top.confidence).toBeGreaterThanOrEqual(AUTO);
      expect(top.reasons[0]).toMatchObject({ rule: 'ownAccount', fields: ['CounterpartyBankAccount'] });
      expect(top.reasons[0].detail).toContain(`journal ${savings.journal.code}`);
    }
  });

  it("never takes another division's own account for an internal transfer", async () => {
    const elsewhere = await ownAccount(other, 'SAV2');
    const [line] = await bankLines(t.db, D, [{ amount: '-750.00', counterpartyAccount: elsewhere.iban, description: 'Overboeking' }]);
    const proposals = await best(line, [D, other]);
    expect(proposals.flatMap((p) => p.reasons).some((r) => r.rule === 'ownAccount')).toBe(false);
    expect(proposals.some((p) => p.glAccountID === elsewhere.gl.id)).toBe(false);
  });
});

describe('isolation', () => {
  it('a line of one division never proposes an item of another, and a scope sees only its own lines', async () => {
    const { account, iban } = await counterparty(t.db, other, 'Elders NV');
    const ref = ogm('0900099999');
    const r = await receivable(t.db, other, { accountID: account.id, amountFC: '321.00', paymentReference: framed(ref) });
    // Same reference, IBAN and amount, but the line belongs to D.
    const [line] = await bankLines(t.db, D, [
      { amount: '321.00', structuredReference: ref, counterpartyAccount: iban, counterpartyName: 'Elders NV' },
    ]);
    const proposals = await best(line, [D, other]);
    expect(proposals.some((p) => p.items.some((i) => i.id === r.id))).toBe(false);
    expect(proposals.every((p) => p.divisionCode === D)).toBe(true);
    expect((await propose(t.db, [other], [line])).has(line)).toBe(false);
  });
});
