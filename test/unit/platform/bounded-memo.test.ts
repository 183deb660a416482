import { BoundedMemo } from '../../../src/platform/bounded-memo';

/** BoundedMemo: one computation per key while remembered, all forgotten at once when full, refusals never kept. */
describe('BoundedMemo', () => {
  it('computes an answer once per key while it is remembered', () => {
    const calls: string[] = [];
    const memo = new BoundedMemo<string, number>(10);
    const length = (text: string) => (calls.push(text), text.length);
    expect([memo.get('abc', length), memo.get('abc', length), memo.get('de', length)]).toEqual([3, 3, 2]);
    expect(calls).toEqual(['abc', 'de']);
  });

  it('forgets everything when full, so it never holds more than its limit', () => {
    const calls: number[] = [];
    const memo = new BoundedMemo<number, number>(2);
    const double = (n: number) => (calls.push(n), n * 2);
    memo.get(1, double);
    memo.get(2, double);
    memo.get(3, double); // full: 1 and 2 are forgotten, 3 is kept
    memo.get(3, double);
    memo.get(1, double);
    expect(calls).toEqual([1, 2, 3, 1]);
  });

  it('keeps no answer for a key whose computation throws', () => {
    let attempts = 0;
    const memo = new BoundedMemo<string, string>(10);
    const refuse = (text: string): string => {
      attempts++;
      throw new Error(`no ${text}`);
    };
    expect(() => memo.get('x', refuse)).toThrow('no x');
    expect(() => memo.get('x', refuse)).toThrow('no x');
    expect(attempts).toBe(2);
    expect(memo.get('x', (t) => t.toUpperCase())).toBe('X');
  });
});
