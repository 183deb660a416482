import { Dec, roundHalfUpText } from '../../../src/platform/decimal';

/** decimal.js, the reference the text rounding must agree with (ROUND_HALF_UP: half away from zero). */
const reference = (text: string, scale: number) => {
  const fixed = new Dec(text).toDecimalPlaces(scale, Dec.ROUND_HALF_UP).toFixed(scale);
  return fixed.startsWith('-') && new Dec(fixed).isZero() ? fixed.slice(1) : fixed;
};

describe('roundHalfUpText', () => {
  it('rounds halfway cases away from zero, carries through nines and never writes negative zero', () => {
    expect(roundHalfUpText('1.005', 2)).toBe('1.01');
    expect(roundHalfUpText('-2.675', 2)).toBe('-2.68');
    expect(roundHalfUpText('2.674999', 2)).toBe('2.67');
    expect(roundHalfUpText('9.995', 2)).toBe('10.00');
    expect(roundHalfUpText('-99.999', 2)).toBe('-100.00');
    expect(roundHalfUpText('-0.004', 2)).toBe('0.00');
    expect(roundHalfUpText('-0.005', 2)).toBe('-0.01');
    expect(roundHalfUpText('0.5', 0)).toBe('1');
    expect(roundHalfUpText('12', 3)).toBe('12.000');
    expect(roundHalfUpText('123456789012345678901234567890.125', 2)).toBe('123456789012345678901234567890.13');
  });

  it('leaves text that is not a plain decimal to decimal.js', () => {
    for (const text of ['1e5', '+1.5', '01.5', '.5', '1.', 'abc', '']) expect(roundHalfUpText(text, 2)).toBeNull();
  });

  it('agrees with decimal.js on random plain decimals of every scale', () => {
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let i = 0; i < 20_000; i++) {
      const whole = next(4) === 0 ? '0' : String(next(10 ** (1 + next(9))));
      const decimals = Array.from({ length: next(10) }, () => (next(3) === 0 ? '9' : String(next(10)))).join('');
      const text = `${next(2) ? '-' : ''}${whole}${decimals ? `.${decimals}` : ''}`;
      const scale = next(9);
      expect([text, scale, roundHalfUpText(text, scale)]).toEqual([text, scale, reference(text, scale)]);
    }
  });
});
