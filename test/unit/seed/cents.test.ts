import { Dec } from '../../../src/platform/decimal';
import { centsText, mulDivHalfUp, scaled } from '../../../src/seed/cents';
import { DEMO_RATES } from '../../../src/seed/demo-data';
import { Random } from '../../../src/seed/random';

/** The seed's BigInt arithmetic gives exactly what decimal.js gives. */
describe('seed cents arithmetic', () => {
  it('reads and writes fixed-point text', () => {
    expect(scaled('0.92150000', 8)).toBe(92150000n);
    expect(scaled('2.0000', 4)).toBe(20000n);
    expect(scaled('12', 2)).toBe(1200n);
    expect(() => scaled('1.234', 2)).toThrow(/more than 2 decimals/);
    expect(centsText(5n)).toBe('0.05');
    expect(centsText(1234567890123n)).toBe('12345678901.23');
    expect(centsText(0n)).toBe('0.00');
  });

  it('converts and discounts amounts as decimal.js does (half up), over many random amounts', () => {
    const random = new Random(3);
    for (let i = 0; i < 20_000; i++) {
      const cents = random.int(1, 2_500_000);
      const currency = random.pick(Object.keys(DEMO_RATES));
      const fc = new Dec(cents).dividedBy(100);
      const dc = fc.times(DEMO_RATES[currency]).toDecimalPlaces(2);
      const dcCents = mulDivHalfUp(BigInt(cents), scaled(DEMO_RATES[currency], 8), 10n ** 8n);
      expect(centsText(dcCents)).toBe(dc.toFixed(2));
      const pct = `${random.int(0, 9)}.${String(random.int(0, 9999)).padStart(4, '0')}`;
      expect(centsText(mulDivHalfUp(dcCents, scaled(pct, 4), 100n * 10n ** 4n))).toBe(
        dc.times(pct).dividedBy(100).toDecimalPlaces(2).toFixed(2),
      );
    }
  });
});
