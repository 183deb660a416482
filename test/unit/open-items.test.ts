import { OpenItemStatus } from '../../src/catalog/codes';
import { OpenItem } from '../../src/modules/open-items/open-item';
import { rulesOf } from '../../src/modules/open-items/row-rules';
import { allocate } from '../../src/modules/open-items/split';
import { canMove, checkDeletable, checkStatusAllowsChange, OPEN_STATUSES } from '../../src/modules/open-items/status';
import { PAYMENT_KIND } from '../../src/modules/payments/payment.kind';
import { RECEIVABLE_KIND } from '../../src/modules/receivables/receivable.kind';
import { Dec } from '../../src/platform/decimal';

/**
 * The rules payables and receivables share live once, in modules/open-items, and answer in each
 * side's vocabulary: the same row breaks the same rule on both sides, named for the side.
 */
const KINDS = [
  ['payment', PAYMENT_KIND],
  ['receivable', RECEIVABLE_KIND],
] as const;

const row = (overrides: Record<string, unknown> = {}) => ({
  divisionCode: 1,
  accountID: 'a',
  glAccountID: 'g',
  journalCode: '60',
  currency: 'EUR',
  amountFC: '100.00',
  rateFC: '1',
  amountDC: '100.00',
  invoiceDate: new Date('2026-06-01T00:00:00Z'),
  dueDate: new Date('2026-07-01T00:00:00Z'),
  ...overrides,
});
const item = (status: number) => ({ id: 'x', status, version: 1 }) as OpenItem;
/** The error `work` throws, as clients see it. */
function caught(work: () => void): { message: string; extensions: Record<string, unknown> } {
  try {
    work();
  } catch (e) {
    return e as never;
  }
  throw new Error('nothing was thrown');
}

describe('status', () => {
  it('moves as the life of an open item goes: select, deselect, process, match, unmatch', () => {
    const { OPEN, SELECTED, PROCESSED, MATCHED } = OpenItemStatus;
    expect([canMove(OPEN, SELECTED), canMove(SELECTED, OPEN), canMove(SELECTED, PROCESSED), canMove(PROCESSED, MATCHED)]).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect([canMove(MATCHED, PROCESSED), canMove(MATCHED, OPEN)]).toEqual([true, true]);
    // A bank file, once made, is not taken back by moving the item back to open or selected.
    expect([canMove(PROCESSED, OPEN), canMove(PROCESSED, SELECTED), canMove(OPEN, OPEN), canMove(20, 99)]).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(OPEN_STATUSES).toEqual([OPEN, SELECTED]);
  });

  it.each(KINDS)('locks the amounts of a selected %s and all but descriptions of a processed one', (noun, kind) => {
    const selected = caught(() => checkStatusAllowsChange(kind, item(30), ['description', 'amountDC']));
    expect(selected.extensions).toMatchObject({ code: 'CONFLICT', rule: 'AMOUNTS_LOCKED', field: 'amountDC' });
    expect(selected.message).toContain(`selected ${noun} (Status 30)`);
    expect(() => checkStatusAllowsChange(kind, item(30), ['dueDate', 'description'])).not.toThrow();
    const processed = caught(() => checkStatusAllowsChange(kind, item(40), ['yourRef', 'dueDate'], 2));
    expect(processed.extensions).toMatchObject({ code: 'CONFLICT', rule: 'STATUS_LOCKED', field: 'dueDate', index: 2 });
    expect(processed.message).toBe(`input[2].dueDate: a processed ${noun} (Status 40) can only change Description, YourRef`);
    expect(caught(() => checkDeletable(kind, item(50))).extensions).toMatchObject({ code: 'CONFLICT', rule: 'NOT_DELETABLE' });
    expect(() => checkDeletable(kind, item(30))).not.toThrow();
  });
});

describe('row rules', () => {
  it.each(KINDS)('refuse the same %s row with the same rule', (_noun, kind) => {
    const rules = rulesOf(kind);
    expect(() => rules.checkRow(row())).not.toThrow();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ amountDC: '100.01' }, 'amountDC', 'AMOUNT_RATE_MISMATCH'],
      [{ amountFC: '1.005', amountDC: '1.01' }, 'amountFC', 'AMOUNT_SCALE'],
      [{ currency: 'JPY', amountFC: '100.50', amountDC: '100.50' }, 'amountFC', 'AMOUNT_SCALE'],
      [{ amountDiscountDC: '-1.00' }, 'amountDiscountDC', 'DISCOUNT_EXCEEDS_AMOUNT'],
      [{ dueDate: new Date('2026-05-31T00:00:00Z') }, 'dueDate', 'DUE_BEFORE_INVOICE'],
      [{ journalCode: ' ' }, 'journalCode', 'REQUIRED'],
      [{ description: 'd'.repeat(256) }, 'description', 'TOO_LONG'],
      [{ rateFC: '0' }, 'rateFC', 'INVALID_VALUE'],
    ];
    for (const [overrides, field, rule] of cases) {
      expect({ field, rule, got: caught(() => rules.checkRow(row(overrides))).extensions }).toMatchObject({
        field,
        rule,
        got: { field, rule },
      });
    }
    // A split part may keep the cent its share moved, and no more.
    expect(() => rules.checkRow(row({ amountDC: '100.01' }), 0, { rate: 'allocated' })).not.toThrow();
    expect(caught(() => rules.checkRow(row({ amountDC: '100.02' }), 0, { rate: 'allocated' })).extensions.rule).toBe(
      'AMOUNT_RATE_MISMATCH',
    );
  });

  it('take from input only the columns the server does not manage', () => {
    const fields = (kind: typeof PAYMENT_KIND | typeof RECEIVABLE_KIND) => rulesOf(kind).createColumns.map((c) => c.name);
    expect(fields(RECEIVABLE_KIND)).toEqual(
      expect.arrayContaining(['PaymentReference', 'DirectDebitMandate', 'DirectDebitMandateReference', 'AccountBankAccountID']),
    );
    for (const managed of [
      'ID',
      'Status',
      'Source',
      'Creator',
      'ReceivableSelector',
      'EndToEndID',
      'PaymentInformationID',
      'IsFullyPaid',
      'LastPaymentDate',
    ]) {
      expect(fields(RECEIVABLE_KIND)).not.toContain(managed);
    }
    for (const managed of ['ID', 'Status', 'Source', 'CreatedUtc', 'PaymentSelector', 'PaymentBatchNumber'])
      expect(fields(PAYMENT_KIND)).not.toContain(managed);
    expect(rulesOf(RECEIVABLE_KIND).updateColumns.map((c) => c.name)).not.toContain('Division');
  });
});

describe('allocate', () => {
  it('shares a whole over parts to the cent, each part within one cent of its exact share', () => {
    // 100.00 at 0.92155 is 92.16 (92.155 rounded); the parts 33.33, 33.33 and 33.34 at that rate.
    const exact = ['33.33', '33.33', '33.34'].map((a) => new Dec(a).times('0.92155'));
    const parts = allocate(new Dec('92.16'), exact, 2);
    expect(parts.reduce((a, p) => a.plus(p), new Dec(0)).toFixed(2)).toBe('92.16');
    parts.forEach((p, i) => expect(p.minus(exact[i]).abs().lte('0.01')).toBe(true));
    // A missing cent goes to the part rounded down the most; a surplus comes from the one rounded up
    // the most; between equals, the earlier part.
    const shares = (whole: string, exactShares: string[], scale: number) =>
      allocate(
        new Dec(whole),
        exactShares.map((e) => new Dec(e)),
        scale,
      ).map((p) => p.toFixed(scale));
    expect(shares('1.00', ['0.333', '0.333', '0.334'], 2)).toEqual(['0.33', '0.33', '0.34']);
    expect(shares('1.00', ['0.335', '0.335', '0.33'], 2)).toEqual(['0.33', '0.34', '0.33']);
    expect(shares('100', ['33.5', '33.5', '33'], 0)).toEqual(['33', '34', '33']);
  });
});
